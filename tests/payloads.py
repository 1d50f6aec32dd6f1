"""A store full of hostile strings (Markdown links and images, HTML, script, spreadsheet
formulas) in every field the dashboard shows: titles, outlets, authors, tags, text, speaker and
entity names, figure places and claimants. Written through ``Store.write_batch`` like any
analysed article, so every page, the reader and the exports read it the usual way."""

from __future__ import annotations

from pathlib import Path

from analysis.records import Article, ArticleResult, Entity, EntityMention, Figure, Quote
from analysis.store import Store

EVIL = "evil.example"
MD_LINK = f"[Click here](https://{EVIL}/phish)"
MD_IMAGE = f"![x](https://{EVIL}/pixel.png)"
HTML_IMG = f'<img src="https://{EVIL}/img.png" onerror="alert(1)">'
SCRIPT = "<script>alert(2)</script>"
FORMULA = f'=HYPERLINK("https://{EVIL}","x")'
DDE = "=cmd|' /C calc'!A0"
LATEX = "$\\frac{1}{0}$ :red[red] :material/warning:"
PAYLOADS = (MD_LINK, MD_IMAGE, HTML_IMG, SCRIPT, FORMULA, DDE, "+1+1", "@SUM(A1)", LATEX)

SPEAKER = f"**Bold** {MD_LINK}"
ENTITY = f"{MD_IMAGE} Corp"
PLACE = f"{SCRIPT} {HTML_IMG}"
CLAIMANT = f"{MD_LINK} {FORMULA}"


def _article(n: int, title: str) -> ArticleResult:
    first = f"{MD_LINK} {MD_IMAGE} opened the story. {HTML_IMG} {SCRIPT}"
    quote = f"We have {MD_IMAGE} and {FORMULA} here, {SCRIPT}"
    second = f"“{quote},” {SPEAKER} said on Monday in {PLACE}."
    third = f"{ENTITY} said 300 troops arrived, according to {CLAIMANT}."
    text = f"{first}\n\n{second}\n\n{third}\n\n{LATEX} -2 +3 @here"
    article_id = f"payload-{n}"
    q_start = text.index(quote)
    s_start = text.index(SPEAKER)
    e_start = text.index(ENTITY)
    f_start = text.index("300 troops")
    art = Article(
        id=article_id,
        title=title,
        text=text,
        source=f"{HTML_IMG} Times",
        published=f"2020-01-0{n + 1}",
        url=f"javascript:alert({n})",
        tags=(SCRIPT, "+1+1", MD_LINK),
        n_words=len(text.split()),
        author=FORMULA,
    )
    return ArticleResult(
        article=art,
        quotes=(
            Quote(
                article_id, "direct", quote, q_start, q_start + len(quote), speaker=SPEAKER,
                speaker_mention=SPEAKER, speaker_start=s_start,
                speaker_end=s_start + len(SPEAKER), speaker_label="PERSON", cue="said",
            ),
        ),
        entities=(
            Entity(article_id, ENTITY, "ORG", 1, e_start),
            Entity(article_id, SPEAKER, "PERSON", 1, s_start),
            Entity(article_id, PLACE, "GPE", 1, text.index(PLACE)),
        ),
        mentions=(
            EntityMention(article_id, ENTITY, "ORG", ENTITY, e_start, e_start + len(ENTITY),
                          e_start),
            EntityMention(article_id, PLACE, "GPE", PLACE, text.index(PLACE),
                          text.index(PLACE) + len(PLACE), e_start),
            EntityMention(article_id, SPEAKER, "PERSON", SPEAKER, s_start,
                          s_start + len(SPEAKER), e_start),
        ),
        figures=(
            Figure(
                article_id, "300", 300.0, 300.0, 300.0, False, "troops", "troops", DDE, PLACE,
                CLAIMANT, f_start, f_start + 3, third, "event",
            ),
        ),
    )  # fmt: skip


TITLES = (f"{MD_LINK} {MD_IMAGE}", f"{SCRIPT} {FORMULA}", f"{HTML_IMG} {LATEX}")


def build(path: Path) -> Path:
    """Write the payload store at ``path``."""
    with Store(path) as store:
        store.write_batch([_article(n, title) for n, title in enumerate(TITLES)])
    return path
