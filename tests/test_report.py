"""``presslens report`` end to end: real server, real Chromium, real files — PNGs that are not
blank, a PDF with a page per dashboard page, an HTML report with the figures, a manifest naming
the filters, and no process left behind (also on a page timeout and on Ctrl-C)."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from html import escape
from pathlib import Path

import psutil
import pytest
from PIL import Image, ImageStat

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]


def _streamlit_servers() -> set[int]:
    out = set()
    for p in psutil.process_iter(["pid", "cmdline"]):
        cmd = " ".join(p.info["cmdline"] or [])
        # This checkout's servers only: other checkouts on a shared machine start and stop
        # their own while these tests run.
        if "streamlit" in cmd and str(ROOT / "dashboard" / "streamlit_app.py") in cmd:
            out.add(p.info["pid"])
    return out


@pytest.fixture
def db(dashboard_db, tmp_path):
    copy = tmp_path / "report.duckdb"
    shutil.copy(dashboard_db, copy)
    return copy


def _report(db, out, *args, env=None, **kw):
    cmd = [sys.executable, "-m", "dashboard.cli", "report", "--db", str(db), "--out", str(out)]
    return subprocess.run(
        [*cmd, *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300, **kw
    )


def test_report_of_a_filtered_view(db, tmp_path):
    before = _streamlit_servers()
    out = tmp_path / "rep"
    r = _report(db, out, "--pages", "overview,speakers", "--filter", 'speaker="John Kerry"',
                "--from", "2016-12-01", "--width", "1200")  # fmt: skip
    assert r.returncode == 0, r.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["filters"] == {"from": "2016-12-01", "speaker": ["John Kerry"]}
    assert [p["page"] for p in manifest["pages"]] == ["overview", "speakers"]
    assert all(p["ok"] for p in manifest["pages"])
    for name in ("overview", "speakers"):
        img = Image.open(out / f"{name}.png")
        assert img.width == 1200 and img.height > 800
        stat = ImageStat.Stat(img.convert("L"))
        assert stat.stddev[0] > 8  # not a blank page (a blank one is ~0; these are ~18)
    pdf = (out / "report.pdf").read_bytes()
    assert (
        pdf.startswith(b"%PDF")
        and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page\r") + pdf.count(b"/Type /Page ")
        >= 2
    )
    html = (out / "report.html").read_text()
    assert html.count('class="plotly-graph-div"') >= 3
    assert "John Kerry" in html and "speaker: John Kerry" in html
    assert "Maria Lopez" not in html.split("<footer>")[0]  # filtered out
    # The link reopens the view on the reader's dashboard, not on the report's own server.
    assert manifest["link"] == "http://localhost:8501/?from=2016-12-01&speaker=John+Kerry"
    assert escape(manifest["link"]) in html
    assert _streamlit_servers() == before  # the server it started is gone


def test_report_links_point_where_asked(db, tmp_path):
    out = tmp_path / "rep"
    r = _report(db, out, "--pages", "entities", "--format", "html",
                "--filter", "source=Daily Ledger", "--link-base", "https://news.example.org/pl/")  # fmt: skip
    assert r.returncode == 0, r.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["link"] == "https://news.example.org/pl/entities?source=Daily+Ledger"


def test_report_names_a_page_that_does_not_draw(db, tmp_path):
    before = _streamlit_servers()
    out = tmp_path / "rep"
    env = dict(os.environ, PRESSLENS_PAGE_TIMEOUT="0.01")
    r = _report(db, out, "--pages", "overview,figures", "--format", "png,html", env=env)
    assert r.returncode == 1
    assert "page overview:" in r.stderr and "page figures:" in r.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert [p["ok"] for p in manifest["pages"]] == [False, False]
    assert (out / "report.html").exists()  # the rest is still written
    assert _streamlit_servers() == before


def test_report_of_a_page_choice(db, tmp_path):
    """--choice sets a page's own URL choice: the Figures page on People killed, news events."""
    out = tmp_path / "rep"
    r = _report(db, out, "--pages", "figures", "--format", "png,html",
                "--choice", 'what="People killed"', "--choice", "counts=News events")  # fmt: skip
    assert r.returncode == 0, r.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["choices"] == {"what": "People killed", "counts": "News events"}
    assert "what=People+killed" in manifest["pages"][0]["url"]
    html = (out / "report.html").read_text()
    assert "People killed: all figures" in html and "Troop numbers: all figures" not in html


def test_report_usage_errors(db, tmp_path):
    r = _report(db, tmp_path / "x", "--pages", "overview,nonsense")
    assert r.returncode == 2 and "nonsense" in r.stderr
    r = _report(db, tmp_path / "x", "--choice", "colour=red")
    assert r.returncode == 2 and "colour" in r.stderr
    r = _report(db, tmp_path / "x", "--filter", "colour=red")
    assert r.returncode == 2 and "colour" in r.stderr
    notdb = tmp_path / "n.duckdb"
    notdb.write_text("hello")
    r = _report(notdb, tmp_path / "x")
    assert r.returncode == 2 and "n.duckdb" in r.stderr


def test_report_stops_everything_on_ctrl_c(db, tmp_path):
    before = _streamlit_servers()
    cmd = [sys.executable, "-m", "dashboard.cli", "report", "--db", str(db), "--out",
           str(tmp_path / "rep")]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (_streamlit_servers() - before):
        time.sleep(0.2)
    assert _streamlit_servers() - before, "the report did not start a server"
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=60) == 130
    time.sleep(0.5)
    assert _streamlit_servers() == before


def test_png_of_a_page_matches_the_dashboard(db, tmp_path):
    """The report's screenshot of a link equals what the browser shows for that link."""
    from playwright.sync_api import sync_playwright

    from dashboard import launch, report

    out = tmp_path / "rep"
    r = _report(
        db, out, "--pages", "speakers", "--filter", "speaker=Maria Lopez", "--format", "png"
    )
    assert r.returncode == 0, r.stderr
    shot = Image.open(out / "speakers.png").convert("L")
    with launch.background_server(db) as url, sync_playwright() as p:
        browser = report.open_browser(p)
        page = browser.new_page(device_scale_factor=1)
        live = Image.open(
            io.BytesIO(report._screenshot(page, f"{url}/speakers?speaker=Maria+Lopez", 1400, 60))
        ).convert("L")
        browser.close()
    assert live.size == shot.size
    # Same layout, same charts: pixel statistics agree closely (ports and timings differ).
    diff = ImageStat.Stat(Image.eval(Image.blend(live, shot, 0.5), lambda v: v)).mean[0]
    assert abs(ImageStat.Stat(live).mean[0] - ImageStat.Stat(shot).mean[0]) < 2.0, diff


def test_in_app_report_downloads(db, dashboard_db, monkeypatch):
    """What the page's "Report (PDF)" and "Report (HTML)" buttons produce for a filtered view."""
    from dashboard import launch, report

    monkeypatch.setenv("PRESSLENS_DB", str(db))
    with launch.background_server(db) as url:
        pdf = report.capture_pdf(f"{url}/entities?source=Daily+Ledger")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
    filters = report.parse_filters(["source=Daily Ledger"], None, None)
    items = report.collect_items("entities", filters, db)
    meta = report.ReportMeta(filters=filters, link="http://x/entities?source=Daily+Ledger",
                             data_date="articles 2016-12-10 – 2016-12-14", version="test")  # fmt: skip
    html = report.html_report([("Entities", items)], meta)
    assert html.count('class="plotly-graph-div"') == sum(i.figure is not None for i in items) >= 2
    assert "outlet: Daily Ledger" in html and 'href="http://x/entities?source=Daily+Ledger"' in html
    assert "<script>" in html and "Plotly" in html  # plotly.js inlined: the file stands alone
