"""The sidebar's speaker and entity pickers (dashboard/filters_ui.py): every name the store holds,
sorted once per data version and shared by every run (data.picker_names), and a link may still
name one beyond the list when the store knows it."""

from __future__ import annotations

from dashboard import data, filters_ui
from tests.apptest import run_page


def test_the_pickers_list_every_name_sorted_and_a_link_may_name_one_beyond_them(
    dashboard_db, monkeypatch
):
    monkeypatch.setenv("PRESSLENS_DB", str(dashboard_db))
    monkeypatch.delenv("PRESSLENS_READ_ONLY", raising=False)
    at = run_page("overview")
    listed = at.multiselect(key="speaker").options
    assert "John Kerry" in listed and "Maria Lopez" in listed
    assert listed == sorted(listed)
    names = data.picker_names("speaker", limit=filters_ui.PICKER_LIMIT)
    assert list(names.ordered) == listed and names.known == set(listed)
    # With the pickers cut to the two names most quoted, a link naming a third one the store
    # knows still filters on it, and the picker lists it.
    monkeypatch.setattr(filters_ui, "PICKER_LIMIT", 2)
    short = data.picker_names("speaker", limit=2).ordered
    other = next(n for n in listed if n not in short)
    at = run_page("overview", {"speaker": other})
    assert not at.exception and not at.warning
    assert at.multiselect(key="speaker").value == [other]
    assert at.multiselect(key="speaker").options == sorted({*short, other})
