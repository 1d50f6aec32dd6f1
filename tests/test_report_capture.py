"""The report's capture set-up without a browser: the Streamlit code the walk's tab preloads is
found in the installed Streamlit (a new build that renames it would silently lose the preload),
and a report server is told not to load the gazetteer unless Places is asked for; every server
keeps one malloc arena per core."""

from __future__ import annotations

import os

from dashboard import launch, report_capture
from dashboard.settings import ENV_WARM_PLACES


def test_the_walk_preloads_streamlits_plotly_and_table_code():
    script = report_capture._preload_script()
    assert script is not None
    for chunk in report_capture.PRELOAD_CHUNKS:
        assert f'"{chunk}.' in script, chunk


def test_the_gazetteer_is_warmed_unless_a_report_has_no_places_page(monkeypatch):
    monkeypatch.setenv(ENV_WARM_PLACES, "0")  # left over from a caller: not inherited
    assert ENV_WARM_PLACES not in launch.environment(None)
    assert launch.environment(None, warm_places=False)[ENV_WARM_PLACES] == "0"


def test_the_server_keeps_one_malloc_arena_per_core_unless_told_otherwise(monkeypatch):
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    arenas = int(launch.environment(None)["MALLOC_ARENA_MAX"])
    assert 2 <= arenas <= max(2, os.cpu_count())
    monkeypatch.setenv("MALLOC_ARENA_MAX", "8")  # the user's own setting wins
    assert launch.environment(None)["MALLOC_ARENA_MAX"] == "8"
