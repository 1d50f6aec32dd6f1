"""The hostile-string corpus (tests/payloads.py) in a real browser: every page opened with
hostile link parameters on a store full of hostile data, and the reader — no dialog opens (the
handler fails the test on any alert), no request leaves for the payloads' host, no link or image
points there, and the values show as the literal text they are."""

from __future__ import annotations

from urllib.parse import urlencode, urlparse

import pytest

from dashboard import launch, plain, report_capture
from tests import payloads

pytestmark = pytest.mark.browser
PAGES = ["", "speakers", "entities", "figures", "articles", "data"]
HOSTILE = {
    "speaker": [payloads.MD_LINK, payloads.SPEAKER],
    "entity": payloads.MD_IMAGE,
    "source": payloads.HTML_IMG,
    "from": f"2020-01-01{payloads.MD_LINK}",
    "category": payloads.SCRIPT,
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = payloads.build(tmp_path_factory.mktemp("payload-browser") / "payloads.duckdb")
    with launch.background_server(db, read_only=True, log=db.with_suffix(".log")) as url:
        yield url


@pytest.fixture
def guarded(browser):
    """A page that records every dialog and every request to the payloads' host."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    seen = {"dialogs": [], "requests": []}

    def on_dialog(dialog):
        seen["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on(
        "request",
        lambda r: seen["requests"].append(r.url) if payloads.EVIL in r.url.split("?")[0] else None,
    )
    yield page, seen
    page.close()


def _check(page, seen):
    assert seen["dialogs"] == [], f"a payload opened a dialog: {seen['dialogs']}"
    assert seen["requests"] == [], f"a payload made the browser fetch {seen['requests']}"
    # Links of our own may carry the values in their query string; none may lead off-site.
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    assert not [h for h in hrefs if urlparse(h).hostname == payloads.EVIL]
    srcs = page.eval_on_selector_all("img[src]", "els => els.map(e => e.src)")
    assert not [s for s in srcs if urlparse(s).hostname == payloads.EVIL]
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize("path", PAGES)
def test_hostile_links_and_data_stay_inert(path, server, guarded):
    page, seen = guarded
    page.goto(f"{server}/{path}?{urlencode(HOSTILE, doseq=True)}", wait_until="domcontentloaded")
    report_capture.wait_drawn(page, 60)
    page.wait_for_timeout(500)
    _check(page, seen)
    # The "values ignored" notice shows the dropped value exactly (the word joiners that stop
    # autolinking are invisible).
    notices = page.locator('[data-testid="stAlertContainer"]').all_inner_texts()
    assert any(payloads.MD_LINK in n.replace(plain.JOINER, "") for n in notices), notices


def test_reader_shows_hostile_article_as_text(server, guarded):
    page, seen = guarded
    query = urlencode({"article": "payload-0", "at": "3"})
    page.goto(f"{server}/articles?{query}", wait_until="domcontentloaded")
    report_capture.wait_drawn(page, 60)
    page.wait_for_timeout(500)
    _check(page, seen)
    # The reader's heading is a stored title, shown literally (HTML, LaTeX and directives too).
    heading = page.locator("h4").last.inner_text().strip().replace(plain.JOINER, "")
    assert heading in payloads.TITLES
    notice = page.get_by_text("You came here from", exact=False).first
    assert payloads.MD_LINK in notice.inner_text().replace(plain.JOINER, "")
