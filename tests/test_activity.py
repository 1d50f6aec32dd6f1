"""The server's count of page runs (dashboard.activity): start-up warming waits for a pause."""

from __future__ import annotations

import threading
import time

import pytest

from dashboard import activity


def test_a_page_run_holds_back_deferred_warming_until_a_quiet_moment():
    entered, release = threading.Event(), threading.Event()

    def visitor():
        with activity.page_run():
            entered.set()
            release.wait(5)

    thread = threading.Thread(target=visitor)
    thread.start()
    entered.wait(5)
    try:
        assert activity.busy()
        # while a run is under way the warming does not start, however long it waits
        assert activity.wait_idle(quiet=0.05, timeout=0.3) is False
    finally:
        release.set()
        thread.join()
    # just after the run: still too soon
    assert activity.wait_idle(quiet=0.5, timeout=0.1) is False
    started = time.monotonic()
    assert activity.wait_idle(quiet=0.2, timeout=5) is True
    assert time.monotonic() - started < 1.0  # woken by the quiet moment, not by the timeout


def test_a_run_that_ends_in_an_exception_still_ends():
    # Streamlit stops and reruns a script by raising inside it
    with pytest.raises(RuntimeError), activity.page_run():
        raise RuntimeError("stopped")
    assert activity.wait_idle(quiet=0.05, timeout=2) is True


def test_every_app_run_is_counted(dashboard_db, monkeypatch):
    # the app's script counts its whole run: a page run marks the server busy
    from tests.apptest import run_page

    monkeypatch.setenv("PRESSLENS_DB", str(dashboard_db))
    seen = []
    original = activity.page_run

    def counting():
        seen.append("run")
        return original()

    monkeypatch.setattr(activity, "page_run", counting)
    at = run_page("overview")
    assert not at.exception
    assert seen == ["run"]
    assert activity.busy()  # it ended a moment ago
