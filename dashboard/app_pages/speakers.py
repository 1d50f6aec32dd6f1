"""Speakers: the tone of each speaker's words (polarity of the quoted words by the chosen scorer,
TextBlob or VADER, word-weighted, with a 95% interval), sentiment over time for chosen speakers
(with its band), every quote with its article, and who speaks about whom, and how (the attitudes
matrix). Clicking a speaker in a chart filters on them, as the Overview's bars do (the view is a
link), and lists their quotes below; clicking a cell of the matrix opens its sentences; a link on
each quote opens the article. The scorer lives in the URL
(``?scorer=VADER``); the matrix has its own (``?attitude_scorer=News+model``), since the learned
scorer judges a name in its sentence and is stored for attitudes only, not for quotes."""

from __future__ import annotations

import streamlit as st

from analysis import uncertainty
from dashboard import charts, components, data, filters_ui, plain, report_views, reporting

SCORERS = report_views.SCORERS  # its report reads the same choices
# The attitudes' scorers: the two lexicon ones, the learned one (analysis/attitude_model.py) and
# the opt-in sentence encoder (analysis/attitude_encoder.py, `presslens analyze --encoder`).
ATTITUDE_SCORERS = report_views.ATTITUDE_SCORERS
# How the chosen scorer reads a name: the encoder reads the sentence, the others its words.
HOW_SCORED = {
    "encoder": "read from the whole sentence by a small transformer, with the News model's "
    "reading of the name's own words beside it (polarity = P(positive) − P(negative))",
}
# The verb each quote is attributed with beside its words: "denied", "claimed" and "said"
# frame the same words differently (a denial's words are what the speaker denies).
# The link first: after the quoted words' wide column it was off a laptop's screen. Then who,
# how, what and when, and the chosen scorer's polarity: these fit the page's column at 1280 px
# with the sidebar open (818 px), the words wrapping in their rows (left to their text the
# words ran one line past the column's edge, the date and the scores beyond it); the other
# scores, the kind and the article's title come after them.
QUOTE_COLUMNS = ["open", "speaker", "cue", "text", "published"]
QUOTE_MORE_COLUMNS = ["subjectivity", "kind", "title"]
POLARITY_COLUMNS = {"textblob": "polarity", "vader": "polarity_vader"}
# 56 + 116 + 90 + 320 + 86 + 130 = 798 px (the verb's 90 px hold "announced" on one line: at
# 76 it broke as "announce/d"; a speaker's name wraps at its spaces)
QUOTE_LINK_PX, QUOTE_SPEAKER_PX, QUOTE_CUE_PX, QUOTE_TEXT_PX = 56, 116, 90, 320
QUOTE_DAY_PX, QUOTE_SCORE_PX = 86, 130
QUOTE_ROWS_IN_VIEW = 8


def quote_columns(scorer: str) -> list[str]:
    """The quotes table's columns, the chosen scorer's polarity among the first."""
    chosen = POLARITY_COLUMNS[scorer]
    others = [c for c in POLARITY_COLUMNS.values() if c != chosen]
    return QUOTE_COLUMNS + [chosen] + others + QUOTE_MORE_COLUMNS


# A quotation with no verb of its own (a paragraph that carries on the one before).
NO_CUE = "—"

filters = filters_ui.current()
st.title("Speakers")
scorer = filters_ui.page_choice(
    "Sentiment scorer",
    list(SCORERS),
    key="scorer",
    default="textblob",
    format_func=SCORERS.get,
    help="Both are computed for every quote when it is analysed; switching re-analyses nothing.",
)
scorer_name = SCORERS[scorer]
st.caption(
    f"Polarity ({scorer_name}) runs from −1 (negative) to +1 (positive), subjectivity (TextBlob) "
    "from 0 (factual) to 1 (opinion); both score the quoted words only (never the cue or the "
    "speaker's name), weighted by their length. Error bars are 95% intervals; speakers with "
    f"fewer than {uncertainty.MIN_QUOTES} quotes are marked “too few” and not ranked."
)

stats = data.speaker_stats(filters, limit=30, scorer=scorer)
if stats.empty:
    components.empty(
        filters_ui.empty_message(
            filters,
            "Nobody is quoted in the articles in view. Widen the date range, remove an outlet, "
            "speaker, entity or tag, or clear the search.",
        )
    )
    reporting.stop_page()

# The charts show the 20 most quoted speakers of the articles in view; the ones filtered on are
# marked (and shown even when they are not among them).
chosen = tuple(filters.speakers)
if chosen:
    st.caption(
        f"In bold: {plain.md(', '.join(chosen))}. The others are quoted in the same articles."
    )


def _filter_on_clicked(chart_key: str) -> None:
    """A click on a speaker narrows the sidebar's Speakers filter to them, as the Overview's
    bars do: the clicked speaker had only listed their quotes below, with nothing in the
    address, so the view a reader drilled into was no link."""
    filters_ui.add_to_filter("speaker", filters_ui.selected_customdata(chart_key))


left, right = st.columns(2)
with left:
    components.chart(
        data.figure(
            charts.speaker_polarity,
            data.speaker_stats,
            filters,
            dict(limit=30, scorer=scorer),
            highlight=chosen,
            scorer=scorer_name,
            top=20,
        ),
        key="sp_polarity",
        name="speaker sentiment",
        on_select=lambda: _filter_on_clicked("sp_polarity"),
    )
with right:
    components.chart(
        data.figure(
            charts.polarity_subjectivity,
            data.speaker_stats,
            filters,
            dict(limit=30, scorer=scorer),
            highlight=chosen,
            top=20,
        ),
        key="sp_scatter",
        name="polarity and subjectivity",
        on_select=lambda: _filter_on_clicked("sp_scatter"),
    )
st.caption("Click a speaker to filter on them and list their quotes below.")
clicked = filters_ui.selected_customdata("sp_polarity") + filters_ui.selected_customdata(
    "sp_scatter"
)

st.subheader("Sentiment over time")
all_speakers = stats["speaker"].tolist()
# those quoted in dated articles first: a timeline can show them (one cached query, by year)
dated = data.sentiment_over_time(filters, speakers=all_speakers, granularity="year")["speaker"]
default = report_views.compared_speakers(all_speakers, filters.speakers, dated=set(dated))
# The most quoted in view first, then anyone the store quotes: typed (the picker takes any
# name, and offers the stored names containing what was typed), or in a link. On the mixed
# store Bashar al-Assad and Vladimir Putin, quoted in Syrian war news, were no choice beside US
# politics' 30 most quoted, and a link comparing them was refused as "not among the choices
# for the articles in view". (Every stored name listed, as the sidebar lists them, sent them
# all again in every run: filters_ui.page_names.)
# The compared speakers follow the view while the reader leaves them alone: narrowing the
# sidebar to Tony Blair, a reader expects the timeline to show him (it had kept the three most
# quoted of the view the session opened on, while a fresh link showed him), and clearing that
# filter brings back the most quoted. Speakers the reader picked here by hand (or a link's
# sp_compare) are a choice, and stay through any change of the sidebar's filters: a filter that
# leaves one of them unquoted says so below the picker ("Not quoted in the articles in view").
followed = filters_ui.follow_default("sp_compare", default)
picks, replaced = filters_ui.page_names("speaker", "sp_compare", all_speakers, multi=True)
# In the link (?sp_compare=…, repeated), so that the view's link and its report show the
# speakers compared: they had shown the default three whoever the reader had chosen.
fitted = (
    filters_ui.fit_link_values("sp_compare", picks, multi=True, takes_any=True)
    or replaced
    or followed
)
chosen = st.multiselect(
    "Speakers to compare", picks, **({} if fitted else {"default": default}),
    key="sp_compare", bind="query-params", max_selections=report_views.MAX_COMPARED,
    accept_new_options=True,
    placeholder="type anyone quoted, or part of a name, and press Enter",
)  # fmt: skip
filters_ui.remember_page_list("sp_compare", chosen, default)


def _quotes_span() -> tuple:
    """The first and last month of the chosen speakers' dated quotes (cached: the same query
    draws the chart when auto means month)."""
    months = data.sentiment_over_time(filters, speakers=chosen, granularity="month", scorer=scorer)
    return months["period"].min(), months["period"].max()


def _not_quoted(names: list[str]) -> list[str]:
    """Those of ``names`` the articles in view never quote: a speaker picked beyond the most
    quoted in view (the picker offers everyone in the store) may have no quote under the
    filters, and is then not "quoted only in undated articles"."""
    in_stats = set(stats["speaker"])
    return [
        s for s in names
        if s not in in_stats and data.speaker_quotes(filters, speakers=[s], limit=1).empty
    ]  # fmt: skip


gran = filters_ui.timeline_period("Period", key="sp_per", span_of=_quotes_span)
timeline = data.sentiment_over_time(filters, speakers=chosen, granularity=gran, scorer=scorer)
absent = _not_quoted([s for s in chosen if s not in set(timeline["speaker"])])
if absent:
    st.caption(
        f"Not quoted in the articles in view: {plain.md(', '.join(absent))}. Widen the filters "
        "in the sidebar to see them."
    )
if not chosen:
    components.empty("Choose one or more speakers above to compare their tone over time.")
elif timeline.empty and len(absent) < len(chosen):
    components.empty(
        "These speakers' quotes are in articles without a publication date; there is nothing "
        "to put on a timeline."
    )
elif timeline.empty:
    components.empty("None of these speakers is quoted in the articles in view.")
else:
    components.chart(
        data.figure(
            charts.sentiment_over_time,
            data.sentiment_over_time,
            filters,
            dict(speakers=chosen, granularity=gran, scorer=scorer),
            scorer=scorer_name,
            period=gran,
        ),
        key="sp_time",
        name="sentiment over time",
        on_select=lambda g=gran: filters_ui.narrow_to_clicked_period(
            "sp_time", g, name_key="speaker", name_index=1
        ),
    )
    st.caption(
        f"Each point: a speaker's mean polarity over one {gran}'s quotes, sized by how many. "
        f"Joined by a line, in their shaded 95% band: {gran}s with at least "
        f"{uncertainty.MIN_QUOTES} quotes. Hollow, unjoined: fewer quotes, no interval claimed. "
        "Click a name in the key to hide or show that speaker; click a point to filter on that "
        f"speaker and {gran}, their quotes listed below."
    )
    # A chosen speaker quoted only in undated articles had simply been missing from the key.
    undated = [s for s in chosen if s not in set(timeline["speaker"]) and s not in absent]
    if undated:
        st.caption(
            f"Not on the timeline: {plain.md(', '.join(undated))} — quoted only in articles "
            "without a publication date."
        )
    partly = charts.undated_quotes_note(stats, timeline, chosen, name=plain.md)
    if partly:
        st.caption(partly)


def _quotes_caption(focus: list[str], quotes, *, clicked: bool) -> str:
    """Whose quotes the table lists and how many of theirs. It lists the speakers compared
    above (or clicked), at most report_views.QUOTES_SHOWN quotes, and had said neither: on
    FA-KES it showed 500 of the three most quoted speakers' 1,030 quotes under a bare
    "Quotes", which read as every quote in view. Cut at that many, the newest first, it holds
    none of a speaker quoted only in undated articles, and says so (Tony Blair beside Donald
    Trump in a mixed archive: 500 of Trump's quotes, none of Blair's 259, without a word)."""
    shown = len(quotes)
    if not focus:
        who = "Quotes of every named speaker"
    else:
        who = f"Quotes of {plain.md(', '.join(focus))}" + ("" if clicked else " (compared above)")
    known = bool(focus) and set(focus) <= set(stats["speaker"])  # stats: the 30 most quoted
    total = int(stats.loc[stats["speaker"].isin(focus), "n_quotes"].sum()) if known else None
    if not quotes["published"].notna().any():
        # undated articles (the BBC's in a mixed archive): no quote is newer than another, and
        # "the 500 newest of their 643" had said an order there is none of
        of = (
            f"all {shown:,}"
            if shown < report_views.QUOTES_SHOWN or total == shown
            else (f"{shown:,}" + (f" of their {total:,}" if total else ""))
        )
        return f"{who}: {of}, from articles without a publication date."
    if shown < report_views.QUOTES_SHOWN or total == shown:
        return f"{who}: all {shown:,}, newest first."
    caption = f"{who}: the {shown:,} newest" + (f" of their {total:,}." if total else ".")
    missing = [s for s in focus if s not in set(quotes["speaker"])]
    if missing:
        caption += (
            f" None of {plain.md(', '.join(missing))}'s is among them (quotes in articles "
            "without a publication date come last): choose them alone to list theirs."
        )
    return caption


st.subheader("Quotes")
focus = list(dict.fromkeys(clicked)) or chosen
if clicked:
    # (the click set the sidebar's filter too: the chart's background clears the click only)
    st.caption(
        "Showing the speaker(s) you clicked, now in the sidebar's Speakers filter: remove them "
        "there to widen the view."
    )
quotes = data.speaker_quotes(filters, speakers=focus, limit=report_views.QUOTES_SHOWN)
if quotes.empty:
    components.empty("No quotes from these speakers in view. Choose other speakers above.")
else:
    st.caption(_quotes_caption(focus, quotes, clicked=bool(clicked)))
    quotes = quotes.assign(
        open=filters_ui.article_links(quotes["article_id"], quotes["start"], filters),
        cue=quotes["cue"].fillna(NO_CUE),
    )
    components.table(
        quotes[quote_columns(scorer)],
        title="Quotes",
        column_config={
            "speaker": st.column_config.TextColumn("Speaker", width=QUOTE_SPEAKER_PX),
            "cue": st.column_config.TextColumn(
                "Verb",
                help="how the article attributes the words: said, denied, claimed …",
                width=QUOTE_CUE_PX,
            ),
            "text": st.column_config.TextColumn("Quoted words", width=QUOTE_TEXT_PX),
            "kind": "Kind",
            "polarity": st.column_config.NumberColumn(
                "Polarity (TextBlob)", format="%.2f", width=QUOTE_SCORE_PX
            ),
            "polarity_vader": st.column_config.NumberColumn(
                "Polarity (VADER)", format="%.2f", width=QUOTE_SCORE_PX
            ),
            "subjectivity": st.column_config.NumberColumn("Subjectivity", format="%.2f"),
            "title": "Article",
            "published": st.column_config.DateColumn("Published", width=QUOTE_DAY_PX),
            # pinned: in view while the reader scrolls to the columns beyond the page's edge
            "open": st.column_config.LinkColumn(
                "Read", display_text="open", width=QUOTE_LINK_PX, pinned=True
            ),
        },
        # four lines of words (about 190 characters) a row: in three a line was cut in half;
        # eight such rows in view (the default height held four and a half)
        row_height=components.WRAP4_ROW_HEIGHT,
        height=components.rows_height(
            len(quotes), row_height=components.WRAP4_ROW_HEIGHT, most_rows=QUOTE_ROWS_IN_VIEW
        ),
    )

st.subheader("Who speaks about whom, and how")
# Only the scorers this store holds attitudes of (a store analysed before the learned scorer
# existed has TextBlob and VADER only); the page's scorer is the default.
held = data.attitude_scorers(filters) or list(SCORERS)
scorer = filters_ui.page_choice(
    "Attitude scorer",
    held,
    key="attitude_scorer",
    default=scorer if scorer in held else held[0],
    format_func=ATTITUDE_SCORERS.get,
    help="News model: a logistic regression over the words around the name, its role and the "
    "lexicon scores, fitted on the NewsMTSC news corpus; TextBlob and VADER score the same "
    "words with their lexicons; Sentence encoder (only for articles analysed with "
    "`presslens analyze --encoder`): a small transformer reads the whole sentence, with the "
    "News model's reading beside it. All are computed at analysis time.",
)
scorer_name = ATTITUDE_SCORERS[scorer]
if scorer == "encoder":
    st.caption(
        "The sentence encoder scores only the articles analysed with `presslens analyze "
        "--encoder`; the matrix leaves out the others' attitudes."
    )
if "news" not in held:
    st.caption(
        "This store was analysed before the News model existed; `presslens analyze PATH "
        "--reanalyse` adds its attitudes."
    )
how = HOW_SCORED.get(
    scorer, "scored from the words that govern or modify the name (negation and “but” handled)"
)
st.caption(
    f"Sentiment ({scorer_name}) toward each person, organisation or place named in a sentence, "
    f"{how}, with its holder: the speaker when the sentence is a quote (“(an unnamed speaker)” when the "
    "article does not say who), else the article itself. Colour = mean polarity, size = "
    f"number of mentions; faded: fewer than {uncertainty.MIN_CELL_SENTENCES} sentences, not "
    "a settled attitude. Click a cell for its sentences."
)
matrix = data.attitude_matrix(
    filters, scorer=scorer, holders=report_views.MATRIX_HOLDERS, targets=report_views.MATRIX_TARGETS
)
if matrix.empty:
    components.empty(
        "No attitudes toward named entities in the articles in view. Widen the filters."
    )
else:
    components.chart(
        data.figure(
            charts.attitude_matrix,
            data.attitude_matrix,
            filters,
            dict(
                scorer=scorer,
                holders=report_views.MATRIX_HOLDERS,
                targets=report_views.MATRIX_TARGETS,
            ),
            scorer=scorer_name,
        ),
        key="sp_matrix",
        name="who speaks about whom",
        on_select="rerun",
    )
    pairs = list(
        dict.fromkeys(
            zip(
                filters_ui.selected_customdata("sp_matrix", 0),
                filters_ui.selected_customdata("sp_matrix", 1),
                strict=True,
            )
        )
    )
    if pairs:
        shown = data.ATTITUDE_SENTENCES
        sentences = data.attitude_sentences(filters, scorer=scorer, pairs=pairs, limit=shown)
        # how many: the cell's hover counts mentions (110 for one cell on FA-KES), the table
        # lists sentences, at most ATTITUDE_SENTENCES of them, and had said neither
        # (and in what order: of undated articles, the BBC's in a mixed store, none)
        dated = int(sentences["published"].notna().sum())
        st.caption(
            "Showing the cells you clicked: "
            + charts.sentences_caption(len(sentences), shown, dated=dated)
            + ". Click the chart background to clear."
        )
        sentences = sentences.assign(
            open=filters_ui.article_links(
                sentences["article_id"], sentences["target_start"], filters
            )
        )
        components.table(
            sentences[
                ["open", "holder", "target", "label", "polarity", "mentions", "sentence", "title"]
            ],
            title="Attitudes",
            column_config={
                "holder": "Who",
                "target": "About",
                "label": "Attitude",
                "polarity": st.column_config.NumberColumn(
                    f"Polarity ({scorer_name})", format="%.2f"
                ),
                "mentions": st.column_config.NumberColumn(
                    "Mentions", help="Attitudes toward the target in this sentence (one a mention)"
                ),
                "sentence": st.column_config.TextColumn("Sentence", width="large"),
                "title": "Article",
                "open": st.column_config.LinkColumn("Read", display_text="open article"),
            },
        )
