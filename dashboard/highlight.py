"""The article reader's markup: an article's text as HTML with its evidence marked — quotations
coloured by speaker, entities underlined in the colour of their type, figures highlighted.

Every character of the article goes through :func:`html.escape`, and so does every tooltip: an
article that contains ``<script>`` or markup is shown as the text it is, never run or rendered.
Spans may overlap (a figure inside a quotation, an entity inside both), so the text is cut at every
span boundary and each piece carries the styles of all spans covering it; no tag ever crosses
another. Pure Python, no Streamlit: the page puts the string on screen.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from dashboard.charts import CATEGORY_TITLES, LABEL_COLOURS, LABEL_NAMES, OUTLETS_OWN, PALETTE

# An entity's type in the reader's tooltips, in words: the tagger's labels ("GPE", "NORP") had
# stood in the key and the tooltips, where every chart says "countries & cities".
TYPE_WORDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country or city",
    "LOC": "place",
    "NORP": "group or nationality",
}


@dataclass(frozen=True)
class Mark:
    """One span to mark: ``kind`` is "quote", "entity", "figure" or "focus" (the sentence or
    quotation a link pointed at)."""

    start: int
    end: int
    kind: str
    tooltip: str
    colour: str


def speaker_colours(speakers) -> dict[str, str]:
    """A stable light colour per speaker, in order of first appearance."""
    out: dict[str, str] = {}
    for s in speakers:
        if isinstance(s, str) and s and s not in out:  # pandas gives NaN for no speaker
            out[s] = PALETTE[len(out) % len(PALETTE)]
    return out


def marks_for(quotes, mentions, figures, colours: dict[str, str]) -> list[Mark]:
    """Marks from the rows of an :class:`~analysis.article_views.ArticleDetail`'s frames."""
    marks: list[Mark] = []
    for q in quotes.itertuples(index=False):
        who = q.speaker if isinstance(q.speaker, str) else "speaker not resolved"
        tip = f"{who} ({q.kind}, polarity {q.polarity:+.2f})"
        marks.append(Mark(int(q.start), int(q.end), "quote", tip, colours.get(q.speaker, "#999")))
    for m in mentions.itertuples(index=False):
        tip = f"{m.name} · {TYPE_WORDS.get(m.label, m.label)}"
        marks.append(
            Mark(int(m.start), int(m.end), "entity", tip, LABEL_COLOURS.get(m.label, "#7f7f7f"))
        )
    for f in figures.itertuples(index=False):
        # an unattributed figure is its outlet's own claim, as every table says
        claimant = f.claimed_by if isinstance(f.claimed_by, str) else OUTLETS_OWN
        claim = f"claimed by {claimant}"
        where = f" · {f.location}" if isinstance(f.location, str) else ""
        tip = f"{CATEGORY_TITLES.get(f.category, f.category)}{where} · {claim}"
        marks.append(Mark(int(f.start), int(f.end), "figure", tip, "#f2c200"))
    return marks


KINDS = ("quote", "entity", "figure")
FOCUS_CLASS = "presslens-focus"


def focus_mark(start: int, end: int) -> Mark:
    """The mark of the span a link pointed at (outlined, and found by its class)."""
    return Mark(start, end, "focus", "the passage the link points at", "#d9480f")


def _style(active: list[Mark]) -> tuple[str, str]:
    styles, tips = [], []
    for m in sorted(active, key=lambda m: KINDS.index(m.kind)):
        tips.append(m.tooltip)
        if m.kind == "quote":
            styles.append(f"background:{m.colour}22;border-bottom:2px solid {m.colour}")
        elif m.kind == "entity":
            styles.append(f"text-decoration:underline 2px {m.colour};text-underline-offset:3px")
        else:
            styles.append("background:#ffe58a;font-weight:600;border-radius:2px")
    return ";".join(styles), " | ".join(tips)


FOCUS_STYLE = (
    "background:#fff4e6;box-shadow:0 0 0 2px #d9480f;border-radius:2px;"
    "box-decoration-break:clone;-webkit-box-decoration-break:clone"
)


def article_html(text: str, marks: list[Mark]) -> str:
    """``text`` as escaped HTML with ``marks`` applied (offsets are character offsets). A
    "focus" mark (at most one is drawn) wraps the pieces it covers in one element of class
    :data:`FOCUS_CLASS`, so the passage a link named is one outlined run of text."""
    n = len(text)
    valid = [m for m in marks if 0 <= m.start < m.end <= n]
    focus = next((m for m in valid if m.kind == "focus"), None)
    valid = [m for m in valid if m.kind != "focus"]
    edges = [(focus.start, focus.end)] if focus else []
    cuts = sorted({0, n, *(m.start for m in valid), *(m.end for m in valid), *sum(edges, ())})
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if focus and a == focus.start:
            # The pieces are siblings cut at every boundary, so one element may hold a run of
            # them whatever the other marks do.
            pieces.append(
                f'<span class="{FOCUS_CLASS}" style="{FOCUS_STYLE}" '
                f'title="{html.escape(focus.tooltip)}">'
            )
        chunk = html.escape(text[a:b])
        active = [m for m in valid if m.start <= a and b <= m.end]
        if not active:
            pieces.append(chunk)
        else:
            style, tip = _style(active)
            pieces.append(
                f'<span style="{html.escape(style)}" title="{html.escape(tip)}">{chunk}</span>'
            )
        if focus and b == focus.end:
            pieces.append("</span>")
    return (
        '<div class="presslens-article" style="white-space:pre-wrap;line-height:1.7;'
        'font-size:1.02rem;max-width:52rem">' + "".join(pieces) + "</div>"
    )


def legend_html(colours: dict[str, str]) -> str:
    """A one-line key: a swatch per speaker, then the entity types and figures."""
    items = [
        f'<span style="background:{c}22;border-bottom:2px solid {c};padding:0 4px;'
        f'white-space:nowrap">{html.escape(s)}</span>'
        for s, c in colours.items()
    ]
    items += [
        f'<span style="text-decoration:underline 2px {c};text-underline-offset:3px;'
        f'white-space:nowrap">'
        f"{html.escape(LABEL_NAMES[label])}</span>"
        for label, c in LABEL_COLOURS.items()
        if label in LABEL_NAMES
    ]
    items.append('<span style="background:#ffe58a;font-weight:600;padding:0 4px">figure</span>')
    return '<div style="font-size:0.85rem;line-height:2">' + " &nbsp; ".join(items) + "</div>"
