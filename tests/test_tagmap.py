"""The tag map and the cached lemmatizer give exactly the annotations of spaCy's own attribute
ruler and lemmatizer, token for token."""

from __future__ import annotations

import json

import pytest
import spacy

from analysis import lemmas, tagmap
from analysis import nlp as nlp_module
from tests.conftest import DATED, SAMPLE


@pytest.fixture(scope="module")
def stock(nlp):
    """The same model as the project loads, without the tag map."""
    return spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.ent_type_) for t in doc]


def test_the_project_pipeline_uses_the_tag_map(nlp):
    names = nlp.pipe_names
    assert names.index(tagmap.NAME) == names.index("attribute_ruler") - 1
    # Only the rules a lookup cannot express stay in the ruler (multi-token, regex, negation).
    assert 0 < len(nlp.get_pipe("attribute_ruler").patterns) < 40
    assert isinstance(nlp.get_pipe("lemmatizer"), lemmas.CachedLemmas)


def test_same_annotations_as_the_attribute_ruler(nlp, stock):
    texts = [SAMPLE.read_text(encoding="utf-8")] + [
        json.loads(line)["text"] for line in DATED.read_text(encoding="utf-8").splitlines()
    ]
    texts.append("I told him: “They're gonna say it ain't so, y'all.” Nothing doin'.\n\n ")
    assert tagmap.NAME not in stock.pipe_names
    for text in texts:
        assert _annotations(nlp(text)) == _annotations(stock(text))


def test_install_is_idempotent_and_skips_pipelines_without_a_ruler(nlp):
    before = nlp.pipe_names
    assert tagmap.install(nlp).pipe_names == before
    assert lemmas.install(nlp).pipe_names == before
    blank = spacy.blank("en")
    assert tagmap.install(blank).pipe_names == []
    assert lemmas.install(blank).pipe_names == []


def test_text_of_is_the_doc_text(nlp):
    doc = nlp("Kerry said: “We will not stop.”")
    assert nlp_module.text_of(doc) == doc.text
    assert nlp_module.text_of(doc) is nlp_module.text_of(doc)
