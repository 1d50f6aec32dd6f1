"""Tests for analysis.heap: the collector paused inside a loader, its objects frozen after it,
and the collector's state given back as it was (also when the loader fails)."""

from __future__ import annotations

import gc

import pytest

from analysis import heap


@pytest.fixture(autouse=True)
def _unfrozen():
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()  # the rest of the test session collects as usual
    gc.set_threshold(*thresholds)


def test_loading_pauses_and_freezes_only_when_asked():
    assert gc.isenabled()
    before = gc.get_freeze_count()
    with heap.loading():
        assert not gc.isenabled()
        table = {f"name {i}": [i] for i in range(1000)}  # lists: objects the collector tracks
    assert gc.isenabled()
    assert gc.get_freeze_count() == before
    gc.set_threshold(700, 10, 10)  # Python's own (an analysis run in this process sets ours)
    with heap.loading(freeze=True):
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before + len(table)
    # an analysing process also collects its youngest objects less often
    assert gc.get_threshold() == heap.ANALYSIS_GC_THRESHOLD


def test_collector_state_given_back_after_a_failed_load():
    with pytest.raises(ValueError), heap.loading():
        raise ValueError("bad table")
    assert gc.isenabled()
    gc.disable()
    try:
        with heap.loading():
            pass
        assert not gc.isenabled()  # a caller's own pause is kept
    finally:
        gc.enable()


def test_long_lived_wraps_a_loader():
    seen = []

    @heap.long_lived
    def load(name: str, *, size: int) -> list[str]:
        """Load a table."""
        seen.append(gc.isenabled())
        return [name] * size

    assert load("aleppo", size=2) == ["aleppo", "aleppo"]
    assert seen == [False] and gc.isenabled()
    assert load.__doc__ == "Load a table." and load.__name__ == "load"
