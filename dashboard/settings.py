"""Where the dashboard's settings come from, without importing Streamlit: the environment
variables a server is started with, and where the bundled sample and its store live. The
command line, the server launcher and the report read these; ``dashboard.data`` too."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DB = "PRESSLENS_DB"  # set by `presslens dashboard --db FILE`
ENV_READ_ONLY = "PRESSLENS_READ_ONLY"  # set by `presslens report`: never write, no uploads
# Set by `presslens report`: where "Link to this view" points (the report's own server is gone
# once the report is written; the links should open the user's dashboard).
ENV_LINK_BASE = "PRESSLENS_LINK_BASE"
# Set to "0" by `presslens report` when Places is not among its pages: the server then does not
# load the place gazetteer ahead (1.5 s of CPU, holding the GIL while the report's pages run).
ENV_WARM_PLACES = "PRESSLENS_WARM_PLACES"
SAMPLE_DIR = Path(__file__).resolve().parents[1] / "data"


def default_db() -> Path:
    """The store built from the bundled sample when no ``--db`` is given."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "presslens" / "sample.duckdb"
