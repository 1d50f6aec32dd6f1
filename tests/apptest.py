"""Running a dashboard page as a person opens it, for AppTest tests on the store that
``PRESSLENS_DB`` names: the page's URL parameters set, the page switched to, one run."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[1] / "dashboard" / "streamlit_app.py"


def run_page(page: str, params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if page != "overview":
        at.switch_page(f"app_pages/{page}.py")
    return at.run()
