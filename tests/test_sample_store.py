"""The bundled sample as a first run sees it: its outlet, date and link (from the sidecar
``data/*.meta.json``), and its seven figures — the SDF's "one had died" and its spokesman's
"one member … was killed" are one death, in the Raqqa offensive."""

from __future__ import annotations

import dataclasses

import duckdb
import pytest

from analysis import figure_restated
from analysis.records import Figure


@pytest.fixture(scope="module")
def con(sample_db):
    c = duckdb.connect(str(sample_db), read_only=True)
    yield c
    c.close()


def test_sample_has_outlet_date_and_url(con):
    source, published, url = con.execute("SELECT source, published, url FROM articles").fetchone()
    assert source == "The Guardian"
    assert published.isoformat()[:10] == "2016-12-10"
    assert url.startswith("https://www.theguardian.com/world/2016/dec/10/")


def test_sample_has_seven_figures_and_one_death_in_raqqa(con):
    rows = con.execute(
        "SELECT category, value, location, claimed_by FROM figures ORDER BY start"
    ).fetchall()
    assert len(rows) == 7
    killed = [r for r in rows if r[0] == "killed"]
    assert killed == [("killed", 1.0, "Raqqa", "Syrian Democratic Forces")]


def _fig(text, start, value, sentence, **kw):
    base = dict(article_id="t", text=text, value=value, low=None, high=None, approximate=False,
                unit=None, category="killed", subject=None, location=None, claimed_by=None,
                start=start, end=start + len(text), sentence=sentence)  # fmt: skip
    return Figure(**{**base, **kw})


def test_equal_figures_further_apart_stay_two(nlp):
    text = (
        "Two soldiers were killed in Homs. The army sent more troops. "
        "Later two soldiers were killed in Hama."
    )
    doc = nlp(text)
    a, b = text.index("Two"), text.index("two")
    figs = [
        _fig("Two", a, 2.0, "Two soldiers were killed in Homs.", location="Homs"),
        _fig("two", b, 2.0, "Later two soldiers were killed in Hama.", location="Hama"),
    ]
    assert figure_restated.merge_restated(figs, doc) == figs


def test_a_claim_restated_in_the_next_sentence_is_one_figure(nlp):
    text = 'The army said three soldiers died. "Three of our men were killed," a spokesman said.'
    doc = nlp(text)
    a, b = text.index("three"), text.index("Three")
    figs = [
        _fig("three", a, 3.0, "The army said three soldiers died.", claimed_by="army"),
        _fig("Three", b, 3.0, text[text.index('"') :], subject="army", claimed_by="spokesman"),
    ]
    (merged,) = figure_restated.merge_restated(figs, doc)
    assert (merged.start, merged.claimed_by, merged.subject) == (a, "army", "army")


def test_a_headline_toll_without_its_hedge_is_the_ledes_toll(nlp):
    """The headline drops the lede's "at least": one toll, the monitor's, not the outlet's own
    beside it."""
    text = (
        "Shelling kills 14 civilians in Jisr town\n\nMonitor AFP\n\nShelling killed at least 14 "
        "civilians in the town of Jisr on Monday, a monitor said."
    )
    doc = nlp(text)
    a, b = text.index("14"), text.index("at least 14")
    title, lede = text[: text.index("\n")], text[text.rindex("\n") + 1 :]
    figs = [
        _fig("14", a, 14.0, title, low=14.0, high=14.0, location="Jisr", unit="civilians"),
        _fig("at least 14", b, 14.0, lede, low=14.0, location="Jisr", unit="civilians",
             claimed_by="Syrian Observatory for Human Rights"),
    ]  # fmt: skip
    (merged,) = figure_restated.merge_restated(figs, doc)
    assert (merged.start, merged.claimed_by) == (a, "Syrian Observatory for Human Rights")
    # two hedged counts of one number are not known to be one
    figs[0] = dataclasses.replace(figs[0], text="about 14", approximate=True, low=None, high=None)
    assert len(figure_restated.merge_restated(figs, doc)) == 2
