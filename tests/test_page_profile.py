"""The page profiler (bench/page_profile.py) on the small dashboard store: it must see the page's
own code (AppTest runs the script in a thread of its own, which a profiler enabled only in the
main thread misses) and sort the time into the buckets it prints. No timing is asserted."""

from __future__ import annotations

from bench import page_profile


def test_buckets_name_where_a_function_lives():
    assert page_profile.bucket("/x/site-packages/plotly/basedatatypes.py") == "plotly"
    assert page_profile.bucket("/x/site-packages/_plotly_utils/utils.py") == "plotly"
    assert page_profile.bucket("/x/streamlit/runtime/caching/cache_utils.py") == "streamlit cache"
    assert page_profile.bucket("/x/streamlit/elements/widgets/multiselect.py") == (
        "streamlit (other)"
    )
    assert page_profile.bucket("/repo/dashboard/charts.py") == "presslens"
    assert page_profile.bucket("~") == "other"


def test_a_warm_run_of_a_page_is_profiled_in_its_script_thread(dashboard_db, monkeypatch, capsys):
    monkeypatch.setenv("PRESSLENS_DB", str(dashboard_db))
    monkeypatch.setenv("PRESSLENS_READ_ONLY", "1")
    page_profile.profile_page("figures", "", runs=1, top=400)
    out = capsys.readouterr().out
    assert out.startswith("== figures?")
    assert "CPU of a warm run, unprofiled: median" in out
    # The page script and the chart it shows were seen by the profiler.
    assert "dashboard/app_pages/figures.py" in out
    assert "plotly_chart" in out
