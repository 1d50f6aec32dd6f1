"""The sidebar filters shared by every page, kept in the URL so a filtered view is a link.

Each filter is a Streamlit widget bound to a query parameter (``bind="query-params"``; the key is
the parameter name): ``from``, ``to`` (YYYY-MM-DD), ``source``, ``tag``, ``speaker``, ``entity``
(repeatable) and ``q`` (text search). Streamlit seeds the widgets from the URL on load and
writes changes back. Before the widgets are drawn, the raw parameters are checked here against what
the store holds; a value that does not fit (a date that is not a date, a speaker the corpus never
quotes) is dropped by Streamlit and named in a visible notice, so a stale or mistyped link still
opens, on the defaults. Nothing from the URL is ever evaluated or unpickled: values are matched
against known options or parsed as ISO dates.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence, Set
from datetime import date
from urllib.parse import urlencode

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from analysis import query
from analysis.filters import Filters
from dashboard import charts, data, plain, report_views
from dashboard.report_pages import SWITCH_VALUES

DATE_KEYS = ("from", "to")
LIST_KEYS = report_views.LIST_PARAMS  # URL parameter → Filters field, shared with the report
TEXT_KEY = "q"
FILTER_KEYS = (*DATE_KEYS, *LIST_KEYS, TEXT_KEY)
NOTICE_KEY = "_presslens_url_notices"
# The names a link's speaker or entity is checked against, and the part of a name the reader
# typed into a picker is looked for in, without asking the store (the most written about, up to
# this bound; a link's name beyond it is looked up). None of them is sent to the browser: the
# pickers had listed them all, 1.75 MB of a page at 200,000 articles (every session's first
# run, and every run the pickers changed in: Streamlit's cache spares only an unchanged one).
PICKER_LIMIT = 50_000
# The names the sidebar's Speakers and Entities pickers list before anything is typed: the most
# quoted and the most named (about 3 kB each); any other is typed, whole or in part.
SIDEBAR_LISTED = 200
# The search box's hint and help show the syntax in words of no corpus in particular (they had
# named Syrian places whatever the store held); its places would need a query of their own.
SEARCH_PLACEHOLDER = 'words, "a phrase", this OR that'
SEARCH_HELP = (
    'Whole words, any case: `flood OR storm`, `"death toll"`, `strike -port`, '
    "`(police OR army) AND NOT protest`, `econom*`. Fields: `speaker:Smith`, "
    '`entity:"United Nations"`, `source:bbc`, `title:election`. Best matches first in Articles.'
)
# Dates outside these bounds are refused by the date picker; they are far enough apart that any
# news archive fits.
MIN_DATE, MAX_DATE = date(1900, 1, 1), date(2100, 12, 31)
DATE_DEFAULTS_KEY = "_presslens_date_defaults"  # the store's first/last date the pickers show
DATES_SET_KEY = "_presslens_dates_set"  # the pickers this run set through the session state


def to_query_params(filters: Filters) -> dict[str, list[str] | str]:
    """The URL query parameters that reopen ``filters`` (the inverse of the sidebar)."""
    return report_views.query_params(filters)


def query_string(filters: Filters) -> str:
    return urlencode(to_query_params(filters), doseq=True)


def filters_from_mapping(params: Mapping[str, str | list[str]]) -> Filters:
    """Filters from already validated values (the CLI's ``--filter`` options use this)."""

    def many(key: str) -> tuple[str, ...]:
        v = params.get(key) or ()
        return (v,) if isinstance(v, str) else tuple(v)

    def one_date(key: str) -> date | None:
        v = params.get(key)
        if isinstance(v, list):
            v = v[0] if v else None
        return date.fromisoformat(v) if v else None

    text = params.get(TEXT_KEY) or ""
    return Filters(
        date_from=one_date("from"),
        date_to=one_date("to"),
        sources=many("source"),
        tags=many("tag"),
        speakers=many("speaker"),
        entities=many("entity"),
        search=text if isinstance(text, str) else " ".join(text),
    )


def check_url_values(
    params: Mapping[str, list[str]], options: Mapping[str, Set[str]]
) -> tuple[dict[str, list[str]], list[str]]:
    """Split raw URL values into the valid ones and notices about the rest.

    ``params`` maps a parameter to its values as they came in the URL; ``options`` maps each
    list parameter to the values the corpus knows. Returns ``(valid, notices)``.
    """
    valid: dict[str, list[str]] = {}
    notices: list[str] = []
    for key in DATE_KEYS:
        for raw in params.get(key, [])[:1]:
            try:
                day = date.fromisoformat(raw)
            except ValueError:
                notices.append(f"{plain.md(f'{key}={raw}')} is not a date (YYYY-MM-DD); ignored")
                continue
            if not MIN_DATE <= day <= MAX_DATE:
                notices.append(f"{plain.md(f'{key}={raw}')} is out of range; ignored")
                continue
            valid[key] = [raw]
    if "from" in valid and "to" in valid and valid["from"][0] > valid["to"][0]:
        # a range written the wrong way round matches no article: read the right way round,
        # and said beside the date pickers (sidebar), as when they are set so; not here too,
        # where each run of such a link would say it again
        (first,), (last,) = valid["from"], valid["to"]
        valid["from"], valid["to"] = [last], [first]
    for key in LIST_KEYS:
        good, bad = [], []
        for raw in params.get(key, []):
            if raw == "":
                continue
            (good if raw in options.get(key, set()) else bad).append(raw)
        if good:
            valid[key] = good
        if bad:
            what = {"source": "outlet", "tag": "tag", "speaker": "speaker", "entity": "entity"}[key]
            listed = ", ".join(f"“{plain.md(b)}”" for b in bad[:5]) + (" …" if len(bad) > 5 else "")
            notices.append(f"No {what} {listed} in this store; that {what} filter was dropped")
    if params.get(TEXT_KEY):
        valid[TEXT_KEY] = params[TEXT_KEY][:1]
    return valid, notices


def _raw_params() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in FILTER_KEYS if k in st.query_params}


def warm() -> str | None:
    """The sidebar's options and name lists computed ahead of the first run (:func:`data.warm`)."""
    return data.warm(PICKER_LIMIT)


def sidebar() -> Filters:
    """Draw the filters in the sidebar and return what they select."""
    opts = data.filter_options()
    _outlet_alias(opts.sources)
    options = _valid_values(opts)
    _year_link()
    sb = st.sidebar
    sb.markdown("### Filters")
    # The pickers are drawn above the other filters but after them in the run: whether the
    # articles those filters keep have any date at all decides whether they are shown.
    date_box = sb.container()
    search = sb.text_input(
        "Search", key=TEXT_KEY, bind="query-params", placeholder=SEARCH_PLACEHOLDER,
        help=SEARCH_HELP,
    )  # fmt: skip
    try:
        query.parse(search or "")
    except query.QueryError as exc:
        sb.error(f"Search not applied: {exc}.", icon=":material/search_off:")
        search = ""
    sources = sb.multiselect(
        "Outlets", sorted(options["source"]), key="source", bind="query-params",
        placeholder="all outlets",
    )  # fmt: skip
    # A store whose articles carry no tags shows no empty Tags picker (a tag in a link is
    # dropped with the other unknown values).
    tags = (
        sb.multiselect(
            "Tags", list(opts.tags), key="tag", bind="query-params", placeholder="all tags"
        )
        if opts.tags
        else []
    )
    chosen_speakers = sb.multiselect(
        "Speakers", _sidebar_names("speaker"), key="speaker", bind="query-params",
        accept_new_options=True, placeholder="anyone quoted",
        help="The most quoted are listed. Type anyone the articles quote, or part of a name, "
        "and press Enter: the names containing it are offered.",
    )  # fmt: skip
    chosen_entities = sb.multiselect(
        "Entities", _sidebar_names("entity"), key="entity", bind="query-params",
        accept_new_options=True, placeholder="any person, organisation, place",
        help="The most named are listed. Type any name the articles hold, or part of one, "
        "and press Enter: the names containing it are offered.",
    )  # fmt: skip
    undated_filters = Filters(
        sources=tuple(sources),
        tags=tuple(tags),
        speakers=tuple(chosen_speakers),
        entities=tuple(chosen_entities),
        search=(search or "").strip(),
    )
    date_from, date_to = _date_range(opts, undated_filters, date_box)
    filters = dataclasses.replace(
        undated_filters,
        # The defaults are the corpus's own first and last dates: leave them out of the query
        # so that newly added articles outside that range are not hidden.
        date_from=date_from if date_from and date_from != opts.first_date else None,
        date_to=date_to if date_to and date_to != opts.last_date else None,
    )
    if (filters.date_from or filters.date_to) and opts.undated:
        # a date range keeps dated articles only: say how many it leaves out for that alone
        n = opts.undated
        sb.caption(
            f"{n:,} article{'' if n == 1 else 's'} without a publication date "
            f"{'is' if n == 1 else 'are'} left out while a date range is set."
        )
    if not filters.is_empty:
        sb.button("Clear all filters", on_click=_reset, args=(opts,), width="stretch")
    return filters


def _date_range(opts, others: Filters, where) -> tuple[date | None, date | None]:
    """The From and To pickers in ``where`` (the sidebar's place for them) and the range they
    hold, turned the right way round; ``others``: the sidebar's other filters. Where those keep
    articles of which none has a publication date (an outlet whose articles are undated), the
    pickers are left out for one line saying so: they had offered the store's whole date range,
    which means nothing there. A date the reader or a link set keeps its pickers (to be seen and
    cleared; the page then says what the range leaves out)."""
    if _no_dates_under(opts, others):
        where.caption(
            "No article under these filters has a publication date: there are no dates to "
            "choose from."
        )
        st.session_state.pop(DATES_SET_KEY, None)  # set in this run only
        return None, None
    date_from, date_to = _date_inputs(opts, where)
    if date_from and date_to and date_from > date_to:
        first, last = opts.first_date, opts.last_date
        if (last is not None and date_to == last and date_from > last) or (
            first is not None and date_from == first and date_to < first
        ):
            # one end set beyond the articles' dates, the other at its default ("from=2099-01-01"):
            # no range written the wrong way round, but one no article is in (turned round, it
            # had shown the last day's articles as if the link asked for them)
            where.caption(f"No article is dated from {date_from} to {date_to}.")
            st.session_state.setdefault(NOTICE_KEY, []).append(
                f"from {date_from} to {date_to} lies beyond the articles' dates ({first} to {last}): "
                "nothing is in view"
            )
        else:
            # From after To matches nothing: read the right way round, and said beside the
            # pickers (whether a link or the pickers set it so)
            date_from, date_to = date_to, date_from
            where.caption(f"From is after To: read as {date_from} to {date_to}.")
    return date_from, date_to


def _no_dates_under(opts, others: Filters) -> bool:
    """Whether ``others`` (the filters but the dates) keep articles, none of them dated, while
    no date is set. Not asked of the store when nothing is filtered (its own dates are the
    pickers' range) or when it has no date at all (the pickers are shown disabled)."""
    if others.is_empty or opts.first_date is None or _dates_set(opts):
        return False
    articles, dated = dated_counts(others)
    return articles > 0 and dated == 0


def _dates_set(opts) -> bool:
    """Whether a link or the reader set From or To (a value other than the store's date)."""
    defaults = {"from": opts.first_date, "to": opts.last_date}
    return any(
        key in st.query_params or st.session_state.get(key, default) not in (None, default)
        for key, default in defaults.items()
    )


YEAR_KEY = "year"
YEAR_APPLIED_KEY = "_presslens_year_applied"  # the link's years the pickers were set to


def _year_link() -> None:
    """A link's ``year=2016`` (or two: ``year=2015&year=2016``, the years between): the From and
    To pickers set to that span once, the link keeping its ``year`` (so it reopens the view; a
    date the reader then picks is written to the link as ``from``/``to``, which a link's year
    never overrides). A value that is no year is dropped with a notice, as other values a link
    gets wrong are."""
    raw = st.query_params.get_all(YEAR_KEY)
    if not raw:
        _keep_year_in_link()
        return
    valid = [v for v in raw if v.isdigit() and MIN_DATE.year <= int(v) <= MAX_DATE.year]
    if len(valid) < len(raw):
        bad = next(v for v in raw if v not in valid)
        st.session_state.setdefault(NOTICE_KEY, []).append(
            f"{plain.md(f'year={bad}')} is not a year (YYYY); ignored"
        )
        if valid:
            st.query_params[YEAR_KEY] = valid
        else:
            del st.query_params[YEAR_KEY]
    years = sorted(int(v) for v in valid)
    applied = st.session_state.get(YEAR_APPLIED_KEY)
    if years and applied != years:
        # before the pickers are drawn, as _follow_date_defaults moves them; a date the link
        # carries stays, and the year sets the other end (a link of a year and the From picked
        # in it had reopened with To at the store's last date, not at the year's end)
        if "from" not in st.query_params:
            _set_date("from", date(years[0], 1, 1))
        if "to" not in st.query_params:
            _set_date("to", date(years[-1], 12, 31))
        st.session_state[YEAR_APPLIED_KEY] = years


def _keep_year_in_link() -> None:
    """Put a link's ``year`` back when a page switch dropped it: Streamlit's navigation keeps only
    the parameters bound to widgets, and the pickers the year set hold its dates in the session
    without writing them to the link, so the next page kept the year's view while its address
    (the one a reader copies or reloads) showed every date. Only while a picker still holds the
    year's own first or last day and the link has no date of its own for that end."""
    years = st.session_state.get(YEAR_APPLIED_KEY)
    if not years:
        return
    ends = (("from", date(years[0], 1, 1)), ("to", date(years[-1], 12, 31)))
    if any(key not in st.query_params and st.session_state.get(key) == day for key, day in ends):
        st.query_params[YEAR_KEY] = [str(y) for y in years]


OUTLET_ALIAS = "outlet"  # the sidebar says "Outlets"; the link's own name is ``source``


def _outlet_alias(sources: Sequence[str]) -> None:
    """Read a link's ``outlet=`` as ``source=``: the sidebar calls them outlets, so a reader
    writing a link by hand writes ``outlet=manar``, which was ignored without a word and showed
    every outlet as if filtered."""
    extra = st.query_params.get_all(OUTLET_ALIAS)
    if not extra:
        return
    given = st.query_params.get_all("source")
    st.query_params["source"] = given + [v for v in extra if v not in given]
    del st.query_params[OUTLET_ALIAS]
    # the picker read the link when the session began, before this run rewrote it: given its
    # value here (the outlets the store has; the others get the unknown outlet's notice)
    known = set(sources)
    st.session_state["source"] = [v for v in st.query_params.get_all("source") if v in known]


def _valid_values(opts) -> dict[str, Set[str]]:
    """The values each list filter accepts (outlets, tags, speakers, entities); the link's
    values that are not among them are dropped with a notice shown above the page."""
    raw = _raw_params()
    options: dict[str, Set[str]] = {"source": set(opts.sources), "tag": set(opts.tags)}
    for kind in ("speaker", "entity"):
        known = data.picker_names(kind, limit=PICKER_LIMIT).known
        # Names in the link beyond the pickers' lists are still valid if the store knows them,
        # and so are values put into the widgets by a chart click, or typed (the reader's words,
        # not a link's: _sidebar_names takes the stored name containing them, or says none does).
        extra = data.known_names(kind, raw.get(kind, [])) | set(st.session_state.get(kind) or [])
        # The common case (nothing beyond the list) keeps the shared set: no copy per run.
        options[kind] = known | extra if extra - known else known
    if raw:
        _, notices = check_url_values(raw, options)
        if notices:
            # added to those of the run before: a picker that takes typed names drops a link's
            # unknown name from the link and runs the page again (fit_link_values), which had
            # left only the last picker's notice (a hostile speaker's was lost to the entity's)
            held = st.session_state.get(NOTICE_KEY) or []
            st.session_state[NOTICE_KEY] = [*held, *(n for n in notices if n not in held)]

    return options


def _sidebar_names(kind: str) -> list[str]:
    """The options of the sidebar's ``kind`` picker (its key and URL parameter are ``kind``):
    the :data:`SIDEBAR_LISTED` most quoted or named, then what the widget, a chart click or the
    link holds that the store knows, and the stored names containing what the reader typed
    (:func:`page_names`). A link's name the store does not know is left out of the picker,
    which would take it as typed (``accept_new_options``): :func:`_valid_values` named it in
    the notice above the page."""
    top = data.picker_names(kind, limit=PICKER_LIMIT).by_count[:SIDEBAR_LISTED]
    listed, _ = page_names(kind, kind, top, multi=True, where=st.sidebar)
    fit_link_values(kind, listed, multi=True, takes_any=True, noticed=True)
    return listed


def _date_inputs(opts, sb) -> tuple[date | None, date | None]:
    """The From and To pickers in ``sb`` (disabled when no article has a date): what they
    hold."""
    _follow_date_defaults(opts)
    no_dates = opts.first_date is None
    date_from = sb.date_input(
        "From",
        **_default("from", opts.first_date),
        min_value=MIN_DATE,
        max_value=MAX_DATE,
        format="YYYY-MM-DD",
        key="from",
        bind="query-params",
        disabled=no_dates,
        help="Publication date, inclusive",
    )
    date_to = sb.date_input(
        "To",
        **_default("to", opts.last_date),
        min_value=MIN_DATE,
        max_value=MAX_DATE,
        format="YYYY-MM-DD",
        key="to",
        bind="query-params",
        disabled=no_dates,
    )
    st.session_state.pop(DATES_SET_KEY, None)  # set in this run only
    return date_from, date_to


def _set_date(key: str, value: date | None) -> None:
    """Set a date picker through the session state (before it is drawn), remembering that this
    run did so: see :func:`_default`."""
    st.session_state[key] = value
    st.session_state.setdefault(DATES_SET_KEY, set()).add(key)


def _default(key: str, value: date | None) -> dict:
    """The picker's ``value`` argument: the store's date, except in the run that set the picker
    through the session state (a year link, "Clear all filters", the store's dates moving), where
    Streamlit, given both, logged a warning with a whole stack trace to the server's terminal;
    the state's date is what the picker shows either way. The next runs give the store's date
    again, so that picking it back takes ``from``/``to`` out of the link."""
    return {} if key in st.session_state.get(DATES_SET_KEY, ()) else {"value": value}


def _follow_date_defaults(opts) -> None:
    """A date left at its default follows the store: when articles arrive outside the range the
    session opened with, the pickers move to the new first/last date instead of keeping the old
    default (which would then read as a filter and hide the new articles). A date the user
    chose stays as chosen."""
    now = (opts.first_date, opts.last_date)
    before = st.session_state.get(DATE_DEFAULTS_KEY)
    if before is not None and before != now:
        for key, old, new in (("from", before[0], now[0]), ("to", before[1], now[1])):
            if st.session_state.get(key) == old:
                _set_date(key, new)
    st.session_state[DATE_DEFAULTS_KEY] = now


def _reset(opts) -> None:
    _set_date("from", opts.first_date)
    _set_date("to", opts.last_date)
    if YEAR_KEY in st.query_params:  # a link's year goes with the dates it set
        del st.query_params[YEAR_KEY]
    st.session_state.pop(YEAR_APPLIED_KEY, None)
    st.session_state[TEXT_KEY] = ""
    for key in LIST_KEYS:
        st.session_state[key] = []
    st.session_state.pop(NOTICE_KEY, None)


def show_notices() -> None:
    """Show (once) what was dropped from the link."""
    notices = st.session_state.pop(NOTICE_KEY, None)
    if notices:
        st.warning(
            "Some values in this link do not fit the data:\n\n"
            + "\n".join(f"- {n}" for n in notices),
            icon=":material/link_off:",
        )


NO_ARTICLES = report_views.NO_ARTICLES  # the page's words and its report's


def no_articles(filters: Filters) -> str:
    """The empty view's message (:func:`dashboard.report_views.no_articles`, whose words the
    report shares) from the page's cached counts. The sidebar's count of undated articles,
    below the pickers, is of the whole store; this one is of what the other filters match."""
    return report_views.no_articles(filters, dated_counts)


def dated_counts(filters: Filters) -> tuple[int, int]:
    """The articles matching ``filters`` and how many of them a yearly timeline places."""
    dated = data.articles_over_time(filters, granularity="year")["n_articles"].sum()
    return data.counts(filters)["articles"], int(dated)


def empty_message(filters: Filters, message: str) -> str:
    """A page's empty state: its own ``message`` when articles are in view, else what the
    Overview says of no article matching (:func:`no_articles`). Entities had said "no entities
    of this type … choose another type" on All types when no article matched (BBC and Syria),
    and each page named other filters to loosen."""
    return message if data.counts(filters)["articles"] else no_articles(filters)


# -- page-level choices -------------------------------------------------------------------------
# Choices that belong to one page (the Figures page's category and kind of count, the article
# the reader shows) live in the URL too, so that a link reopens the page as it was; the page's
# "link to this view" carries the ones that differ from the page's default.
PAGE_PARAMS_KEY = "_presslens_page_params"


def start_page_params() -> None:
    """Forget the previous run's page-level choices (once per run, before the page)."""
    st.session_state[PAGE_PARAMS_KEY] = {}


def remember_page_param(key: str, value: str | None, default: str | None = None) -> None:
    """Record a page-level choice for the page's link (nothing when it is the default)."""
    params = st.session_state.setdefault(PAGE_PARAMS_KEY, {})
    if value is None or value == default:
        params.pop(key, None)
    else:
        params[key] = str(value)


def remember_page_list(key: str, values: list[str], default: list[str]) -> None:
    """Record a page-level choice of several values for the page's link (nothing when it is
    the default): the link repeats the parameter, as a bound multiselect's URL does."""
    params = st.session_state.setdefault(PAGE_PARAMS_KEY, {})
    if list(values) == list(default):
        params.pop(key, None)
    else:
        params[key] = list(values)


def page_params() -> dict[str, str]:
    """The page-level choices of this run that differ from their defaults (URL parameters)."""
    return dict(st.session_state.get(PAGE_PARAMS_KEY) or {})


def _set_by_click(key: str) -> str:
    return f"_presslens_clicked_{key}"


def set_page_choice(key: str, label: str) -> None:
    """Set the page choice ``key`` to the option shown as ``label`` from a chart's click (a
    callback: before the choice is drawn); it goes to the link as a reader's choice does."""
    st.session_state[key] = label
    st.session_state[_set_by_click(key)] = True  # no default in this run: see page_choice


def page_choice(
    label: str,
    options: list[str],
    *,
    key: str,
    default: str,
    format_func=str,
    help: str | None = None,
) -> str:
    """A page-level choice as a segmented control bound to the URL parameter ``key``; returns
    one of ``options``. The URL carries the option's label (``format_func``), as Streamlit
    writes a bound widget's displayed value: ``?what=People+killed``. A label in the link that
    is not one of the choices falls back to ``default`` with a notice naming it; the choice is
    remembered for the page's link (:func:`page_params`)."""
    labels = {format_func(o): o for o in options}
    default_label = format_func(default)
    raw = st.query_params.get(key)
    default: dict = {"default": default_label}
    if raw is not None and raw not in labels:
        if key not in st.session_state:  # from a link, not a choice the options no longer hold
            st.warning(
                f"{plain.md(f'{key}={raw}')} in this link is not one of this page's choices; "
                f"showing {plain.md(default_label)}.",
                icon=":material/link_off:",
            )
        # Through the widget's state: a bound parameter cannot be deleted directly, and the
        # URL then shows what the page shows. No default in this run: given both, Streamlit
        # logs a warning with a stack trace (as for the date pickers, _default).
        st.session_state[key] = default_label
        default = {}
    elif st.session_state.pop(_set_by_click(key), False) or follow_default(key, default_label):
        # a default that depends on the view (the Figures page opens on what the articles in
        # view count most) moves with it while the reader leaves the choice alone: an outlet
        # set in the session had left the page on the category of the view before
        default = {}
    shown = st.segmented_control(
        label, list(labels), **default, key=key, bind="query-params", help=help
    )
    shown = shown if shown in labels else default_label  # None when the reader deselects
    remember_page_param(key, shown, default_label)
    return labels[shown]


def keep_choice(key: str) -> None:
    """Keep the picker ``key`` where it is through the next change of the filters, as if the
    reader had picked it (see :func:`follow_default`): a chart's click narrows the filters to
    look closer at what the picker shows, not at the view's new default."""
    st.session_state[f"_presslens_picked_{key}"] = True


def follow_default(key: str, default) -> bool:
    """Before a page's picker ``key`` whose ``default`` depends on the sidebar's filters (the
    Speakers page's speakers to compare, the Entities page's entity, the Figures page's
    category): when the filters changed since the last run and the reader had left the choice
    at that run's default, it is moved to this run's, as :func:`page_toggle` does for a switch
    (Streamlit keeps a keyed widget's state when its default or its options change). A choice
    the reader picked (or a link's) stays, for the rest of the session on the page; so does
    one a change on the page itself brought (the Figures page's category when Running totals
    and then News events is chosen). Returns whether it set the widget's state (the widget then
    takes no default in this run, as Streamlit warns when given both)."""
    memo, picked = f"_presslens_default_{key}", f"_presslens_picked_{key}"
    seen = f"_presslens_filters_{key}"
    known, before = memo in st.session_state, st.session_state.get(memo)
    filters_before, filters = st.session_state.get(seen), current()
    st.session_state[memo], st.session_state[seen] = default, filters
    if key not in st.session_state:  # drawn anew (first run, back from another page): default
        st.session_state.pop(picked, None)
        return False
    if not known or st.session_state.get(picked):
        return False
    if st.session_state[key] != before:
        # picked since the last run: a choice for the rest of the session on this page, even
        # where it later equals the view's default (picked, then the filters changed to a view
        # it is the default of, it had followed them away when they changed back)
        st.session_state[picked] = True
        return False
    if before == default or filters_before == filters:
        return False
    st.session_state[key] = default
    return True


def page_toggle(
    label: str,
    *,
    key: str,
    default: bool,
    widget_key: str | None = None,
    disabled: bool = False,
    help: str | None = None,
) -> bool:
    """A page-level switch kept in the URL parameter ``key`` (``?fg_log=false``) whose default
    depends on the data: the log scale is on where the figures shown run over orders of
    magnitude. The link carries the switch only where it differs from that default (as
    :func:`page_choice` does), so a link reopens the view as it was. ``widget_key`` (default
    ``key``) lets a page keep one switch per thing it shows (the Figures page's one per
    category, each with its own default); the link holds the one shown. A value in the link
    that is neither true nor false falls back to the default with a notice; a disabled switch
    keeps its default and leaves the link alone."""
    widget_key = widget_key or key
    raw = st.query_params.get(key)
    linked = None if raw is None else SWITCH_VALUES.get(raw.strip().lower())
    kwargs: dict = {"value": default}
    # A switch the reader left alone follows the data's default: Streamlit keeps a keyed
    # widget's state when its value argument changes, so the mixed store's log scale stayed on
    # after the outlet filter left a few tolls, and the link then said fg_log=true.
    memo = f"_presslens_default_{widget_key}"
    before = st.session_state.get(memo)
    st.session_state[memo] = default
    if (
        widget_key in st.session_state
        and before is not None
        and before != default
        and st.session_state[widget_key] == before
    ):
        st.session_state[widget_key] = default
        kwargs = {}
    elif not disabled and widget_key not in st.session_state:
        if raw is not None and linked is None:
            st.warning(
                f"{plain.md(f'{key}={raw}')} in this link is not one of this page's choices "
                f"(true or false); showing {'true' if default else 'false'}.",
                icon=":material/link_off:",
            )
        elif linked is not None:
            # Through the widget's state, with no value in this run: given both, Streamlit
            # warns (as page_choice's fallback does).
            st.session_state[widget_key] = linked
            kwargs = {}
    on = st.toggle(label, **kwargs, key=widget_key, disabled=disabled, help=help)
    if disabled:  # its category has no log scale: the address keeps no switch it ignores
        st.query_params.pop(key, None)
        return bool(default)
    if on == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = "true" if on else "false"
    remember_page_param(key, "true" if on else "false", "true" if default else "false")
    return bool(on)


def timeline_period(label: str, *, key: str, span_of) -> str:
    """A timeline's period as a page choice in the link (``?sp_per=week``), "auto" by default:
    then the period the span of its dates reads best at (:func:`charts.period_for_span`), the
    span given by ``span_of()`` as (first, last) dates (its query is cached). Where nothing in
    view has a date there is no timeline, and no choice is drawn: the BBC's undated articles had
    a day/week/month/year switch above "there is no timeline", which changed nothing."""
    first, last = span_of()
    if pd.isna(first) or pd.isna(last):
        return "month"  # nothing is drawn by it
    choice = page_choice(
        label, charts.PERIOD_CHOICES, key=key, default="auto", help=charts.AUTO_PERIOD_HELP
    )
    return charts.period_for_span(first, last) if choice == "auto" else choice


# Names a page's picker offers for what the reader typed that is no stored name ("assad"):
# those containing it, at most this many.
TYPED_MATCHES = 50


def page_names(
    kind: str, key: str, first: Sequence[str], *, multi: bool = False, where=st
) -> tuple[list[str], bool]:
    """The options of a page's name picker bound to ``key`` (``kind``: ``speaker`` or
    ``entity``): ``first`` (the names in view), then the names the widget holds or the link
    gives that the store knows, and of a name the reader typed (the picker takes any: made
    with ``accept_new_options``) that the store does not know, the stored names containing it,
    the one such name chosen in its place. Every stored name had been an option, as the
    sidebar's pickers offer them: on a store of 21,642 entities that sent the Entities page's
    picker again, 337 kB more in every run of the page (0.8 MB at 50,000 names), to list what
    a reader types to find anyway. Its captions on what was typed go to ``where`` (the sidebar's
    pickers: ``st.sidebar``). Call before :func:`fit_link_values` (whose notice names a
    link's value the store does not know). ``(options, replaced)``: ``replaced`` when it set the
    widget's state, replacing a typed name (the widget then takes no default in this run, as
    after :func:`fit_link_values`)."""
    names = data.picker_names(kind, limit=PICKER_LIMIT)
    listed = set(first)
    held = st.session_state.get(key) if key in st.session_state else st.query_params.get_all(key)
    held = [held] if isinstance(held, str) else [v for v in held or [] if isinstance(v, str)]
    beyond = [v for v in held if v not in listed and v not in names.known]
    known = names.known | data.known_names(kind, beyond) if beyond else names.known
    extra = [v for v in dict.fromkeys(held) if v not in listed and v in known]
    typed = [v for v in held if v not in listed and v not in known]
    if not typed or key not in st.session_state:  # a link's unknown value: fit_link_values'
        return [*first, *extra], False
    found: list[str] = []
    taken: list[str] = []  # a typed name's own stored spelling, or the one name containing it
    for text in typed:
        words = text.casefold().strip()
        hits = [n for n in names.ordered if words and words in n.casefold()]
        # "deir ezzor" is Deir Ezzor, though Deir Ezzor City contains it too
        same = [n for n in hits if n.casefold() == words]
        hits = (same + [n for n in hits if n not in same])[:TYPED_MATCHES]
        found += [n for n in hits if n not in found]
        if same or len(hits) == 1:
            taken.append(hits[0])
        elif not hits:
            where.caption(_no_name_contains(text, len(names.ordered)))
        else:
            where.caption(
                f"{len(hits):,}{'+' if len(hits) == TYPED_MATCHES else ''} names contain "
                f"“{plain.md(text)}”: choose one of them, listed first."
            )
    # the typed words replaced by the name taken for them, else by none (choose above)
    kept = list(dict.fromkeys([v for v in held if v not in typed] + taken))
    st.session_state[key] = kept if multi else (kept[0] if kept else None)
    return list(dict.fromkeys([*found, *first, *extra])), True


def _no_name_contains(text: str, searched: int) -> str:
    """What a picker says of typed words that none of the ``searched`` names contains: at
    :data:`PICKER_LIMIT` names, not every stored one was searched (at 200,000 articles the
    store holds 237,668 entity names), and a name beyond them is found typed whole."""
    words = f"“{plain.md(text)}”"
    if searched < PICKER_LIMIT:
        return f"No name in the store contains {words}."
    return (
        f"None of the {searched:,} names most written about contains {words}; a name beyond "
        "them is found typed whole, as the articles write it."
    )


def fit_link_values(
    key: str,
    options,
    *,
    aliases: dict[str, str] | None = None,
    multi: bool = False,
    takes_any: bool = False,
    noticed: bool = False,
) -> bool:
    """Before a page's picker bound to the URL parameter ``key`` (a multiselect when ``multi``,
    else a selectbox): the values a link gives that are none of ``options`` are named in a
    notice and left out, and a value ``aliases`` maps (the articles' spelling of a place) is
    taken as its option. Streamlit drops such values silently: ``cmp_source=nope`` left one
    outlet and the page asked for two, ``place=Douma`` (the gazetteer's Duma) showed nothing.
    Only a link is fitted, not the reader's own choice (the widget's state). Returns whether
    the widget's state was set (the widget then takes no default in this run, as Streamlit
    warns when given both).

    A value taken through ``aliases`` is written into the link and the page run again, so that
    the address bar holds the option (``place=Duma``): Streamlit seeds a bound widget from the
    link the run started with, finds the spelling among no options and drops the parameter (a
    reload had lost the place), and writes a value set in code back to the URL only from the
    widget's second run on. So is the link without its unknown values when the picker
    ``takes_any`` (made with ``accept_new_options``): on the first run of a session the link,
    not a value set in code, seeds it, and it took them as typed (the notice said "left out"
    and the Entities page showed no article of "Nobody Atall"); the notice then goes above the
    page, run again (:func:`show_notices`). ``noticed``: the notice is written already (the
    sidebar's, by :func:`_valid_values`)."""
    if key in st.session_state:
        return False
    raw = st.query_params.get_all(key)
    if not raw:
        return False
    known, aliases = set(options), aliases or {}
    fitted = [v if v in known else aliases.get(v) for v in raw]
    unknown = [v for v, f in zip(raw, fitted, strict=True) if f is None]
    if unknown and not noticed:
        names = ", ".join(plain.md(f"{key}={v}") for v in unknown)
        notice = (
            f"{names} in this link {'is' if len(unknown) == 1 else 'are'} not among the "
            "choices for the articles in view; left out."
        )
        if takes_any:  # shown in the run again, above the page
            st.session_state.setdefault(NOTICE_KEY, []).append(notice)
        else:
            st.warning(notice, icon=":material/link_off:")
    kept = list(dict.fromkeys(f for f in fitted if f is not None))
    if kept == raw:
        return False
    value = kept if multi else (kept[0] if kept else None)
    if (value and any(v not in known and v in aliases for v in raw)) or (unknown and takes_any):
        try:  # not yet bound in this session: the widget is made below
            if value:
                st.query_params[key] = value
            else:
                del st.query_params[key]
        except StreamlitAPIException:  # bound: the page shows it, the link keeps the spelling
            pass
        else:
            st.rerun()
    st.session_state[key] = value
    return True


def add_to_filter(key: str, values: list[str]) -> None:
    """Add ``values`` to the list filter ``key`` (used from chart-click callbacks, which run
    before the sidebar widgets are drawn, so the widget state may still be changed)."""
    current = list(st.session_state.get(key) or [])
    st.session_state[key] = list(dict.fromkeys(current + [v for v in values if v]))


def clicked_period(points: Sequence[Mapping], granularity: str) -> tuple[date, date] | None:
    """The first and last day of the periods (``granularity``: day, week, month, year) whose
    points a timeline's selection holds, each point's ``x`` the first day of its period; None
    for no dated point."""
    # (a category axis's label, the Compare page's one-period bars, may be no date: skipped)
    starts = [pd.to_datetime(p.get("x"), errors="coerce") for p in points]
    starts = [s for s in starts if not pd.isna(s)]
    if not starts:
        return None
    end = max(starts) + charts.PERIOD_OFFSETS[granularity] - pd.Timedelta(days=1)
    return min(starts).date(), end.date()


def narrow_to_clicked_period(
    chart_key: str, granularity: str, *, name_key: str | None = None, name_index: int = 0
) -> None:
    """A timeline's click (a chart callback): the sidebar's dates narrowed to the clicked
    point's period, and (``name_key``: "speaker", "entity") its filter to the point's line's
    name, ``customdata[name_index]``. The timelines' clicks had done nothing while every
    other chart's drilled down, and the period a reader clicked was in no link."""
    state = st.session_state.get(chart_key) or {}
    points = (state.get("selection") or {}).get("points") or []
    span = clicked_period(points, granularity)
    if span is None:
        return
    # Not through _set_date: the pickers keep their default in this run, which is what writes
    # the clicked dates to the link at once (launch.SERVER_FLAGS quiets Streamlit's warning).
    st.session_state["from"], st.session_state["to"] = span
    if name_key:
        add_to_filter(name_key, selected_customdata(chart_key, name_index))


def selected_customdata(chart_key: str, index: int = 0) -> list[str]:
    """The ``customdata[index]`` of the points selected in the chart ``chart_key``."""
    state = st.session_state.get(chart_key)
    if not state:
        return []
    try:
        points = state["selection"]["points"]
    except (KeyError, TypeError):
        return []
    out = []
    for p in points:
        cd = p.get("customdata")
        if isinstance(cd, list | tuple) and len(cd) > index:
            out.append(str(cd[index]))
        elif cd is not None and index == 0 and not isinstance(cd, list | tuple):
            out.append(str(cd))
    return out


CURRENT_KEY = "_presslens_filters"


def current() -> Filters:
    """The filters the sidebar selected in this run (pages read them from here)."""
    return st.session_state.get(CURRENT_KEY) or Filters()


def file_name(stem: str, filters: Filters | None, suffix: str) -> str:
    """A download's file name that says which view it holds: ``stem``, then the filters
    ("presslens-tables_BBC_2016-01-01-2016-12-31.zip"), in letters, digits and dashes, at
    most about 100 characters (two downloads of two views had both been presslens.json)."""
    f = filters or Filters()
    parts = [*f.sources, *f.speakers, *f.entities, *f.tags]
    if f.date_from or f.date_to:
        parts.append(f"{f.date_from or ''}-{f.date_to or ''}".strip("-"))
    if f.search:
        parts.append(f.search)
    words = ["-".join(re.findall(r"[A-Za-z0-9]+", p)) for p in parts]
    tail = "_".join(w for w in words if w)[:90].rstrip("-_")
    return f"{stem}_{tail}{suffix}" if tail else f"{stem}{suffix}"


def article_links(article_ids, starts=None, filters: Filters | None = None) -> list[str]:
    """Relative links that open each article in the reader (at an offset, when given), keeping
    the current filters in the URL so the way back is the same view."""
    keep = query_string(filters or Filters())
    starts = starts if starts is not None else [None] * len(article_ids)
    out = []
    for article_id, start in zip(article_ids, starts, strict=True):
        params = {"article": article_id}
        if start is not None and start == start:  # not None, not NaN (no offset known)
            params["at"] = str(int(start))
        out.append("articles?" + urlencode(params) + (f"&{keep}" if keep else ""))
    return out
