"""The store's corpus aggregates, each written once in SQL: per-speaker totals and sentence pairs.

The Speakers page, the report and the export all show the word-weighted speaker aggregate; the
store fills ``entity_pairs`` for each batch and a replicated store rebuilds it for every article.
Each of them composes the one SQL text below instead of writing its own copy, so a change to a
rule (how a quote's words are counted, what weight a long quotation carries, which sentences
pair two names) reaches every reader at once. The texts take the articles to aggregate as a SQL
subquery (``analysis.filters.article_ids_sql`` or an id list parameter), because a stored
``CREATE VIEW`` cannot take the dashboard's filters as parameters; tests/test_aggregates.py
checks that every reader agrees with this module.
"""

from __future__ import annotations

import re

# Words in a quote's text (at least 1): line breaks (a quotation over several paragraphs) become
# spaces, the text is split at each space, and empty pieces and a lone "…" are dropped. A direct
# quotation interrupted by its cue is one record whose text is its pieces joined by " … "
# (analysis.quotes.PIECE_JOINER); a store written before that holds the article's words over
# the cue ("A," said X, the bank's chief. "B."), and those words are the narrator's and are not
# counted either: the weight is the speaker's words. Counted once when the quote is written (quote_words, the store's
# ``quotes.n_words``); QUOTE_TEXT_WORDS_SQL is the same count in SQL, for stores written before
# the column existed. ``{q}`` is the quotes table's alias.
QUOTE_WORDS_SQL = "{q}.n_words"
_MARKS = '"“”„«»'  # the one-character quotation marks of analysis.quotes.QUOTE_MARK
# The cue inside a direct quotation's text (which starts inside the marks): a closing mark
# written after a word, the narrator's words on the same line, the next opening mark. A mark
# opening a paragraph is a quotation continued there, never a cue's end or start. Its match
# begins with the character before the cue (RE2, DuckDB's engine, has no look-behind).
CUE_GAP = f"([^\\n])[{_MARKS}][^{_MARKS}\\n]*[{_MARKS}]"
QUOTE_TEXT_WORDS_SQL = (
    "greatest(1, len(list_filter(string_split(replace(CASE WHEN kind = 'direct' THEN "
    f"regexp_replace(text, '{CUE_GAP}', '\\1 ', 'g') ELSE text END, chr(10), ' '), ' '), "
    "lambda w: w NOT IN ('', '…'))))"
)
CUE_GAP_RE = re.compile(CUE_GAP)


def quote_words(text: str, kind: str = "direct") -> int:
    """The words of a quote's ``text`` (of ``kind`` direct or reported), as
    :data:`QUOTE_TEXT_WORDS_SQL` counts them."""
    if kind == "direct":
        text = CUE_GAP_RE.sub(r"\1 ", text)
    return max(1, sum(1 for w in text.replace("\n", " ").split(" ") if w and w != "…"))


# The stored polarity of each scorer (a column of ``quotes``).
POLARITY_COLUMNS = {"textblob": "polarity", "vader": "polarity_vader"}

# The word-weighted sums of a group of quotes (weighted_sql), in order: quote and word counts,
# the weighted means, and the sums a weighted t-interval needs (analysis.uncertainty; weights =
# quote lengths): ``w_sum``, ``w2_sum`` and ``wx2_sum_<scorer>``.
WEIGHTED_COLUMNS = (
    "n_quotes",
    "n_words",
    "polarity",
    "subjectivity",
    "polarity_vader",
    "w_sum",
    "w2_sum",
    "wx2_sum_textblob",
    "wx2_sum_vader",
)
# The columns of speaker_totals_sql, in order.
SPEAKER_COLUMNS = ("speaker", "label", "role", "n_articles", *WEIGHTED_COLUMNS)


def weighted_sql(q: str = "q") -> str:
    """The select list of :data:`WEIGHTED_COLUMNS` over a group of rows of ``quotes`` (alias
    ``q``): a long quotation weighs more than a two-word fragment."""
    w = QUOTE_WORDS_SQL.format(q=q)
    means = ", ".join(
        f"sum({q}.{col} * {w}) / sum({w}) AS {col}"
        for col in ("polarity", "subjectivity", "polarity_vader")
    )
    moments = ", ".join(
        f"sum({q}.{col} * {q}.{col} * {w}) AS wx2_sum_{scorer}"
        for scorer, col in POLARITY_COLUMNS.items()
    )
    return (
        f"count(*) AS n_quotes, sum({w})::BIGINT AS n_words, {means}, "
        f"sum({w})::DOUBLE AS w_sum, sum(({w})^2)::DOUBLE AS w2_sum, {moments}"
    )


def speaker_totals_sql(ids_sql: str | None, quotes: str = "quotes") -> str:
    """``SELECT`` of one row per named speaker quoted in the articles of ``ids_sql`` (a subquery
    of article ids, its ``?`` parameters left to the caller), columns :data:`SPEAKER_COLUMNS`:
    the speaker's most frequent label and role, the articles quoting them and
    :func:`weighted_sql`. Unordered. ``quotes`` is the table read (a copy of the rows in view,
    :func:`analysis.filters.rows_in_view`, holds the same rows; there ``ids_sql`` None reads
    them all)."""
    in_view = "" if ids_sql is None else f" AND q.article_id IN ({ids_sql})"
    return f"""
        SELECT q.speaker, mode(q.speaker_label ORDER BY q.speaker_label) AS label,
               mode(q.speaker_role ORDER BY q.speaker_role) AS role,
               count(DISTINCT q.article_id) AS n_articles, {weighted_sql("q")}
        FROM {quotes} q
        WHERE q.speaker IS NOT NULL{in_view}
        GROUP BY q.speaker
    """


def sentence_pairs_sql(ids_sql: str | None = None) -> str:
    """``INSERT INTO entity_pairs`` of the articles of ``ids_sql`` (every article's when None):
    one row per article and pair of names in one sentence, ``name_a < name_b``, weight =
    sentences naming both, with the article's integer key (:mod:`analysis.article_keys`). The
    caller deletes the articles' old rows first."""
    where = f"WHERE article_id IN ({ids_sql})" if ids_sql is not None else ""
    return f"""
    INSERT INTO entity_pairs (article_id, name_a, name_b, weight, article_key)
    WITH s AS (SELECT DISTINCT article_id, sent_start, name FROM entity_mentions {where}),
    p AS (
        SELECT x.article_id, x.name AS name_a, y.name AS name_b, count(*)::INTEGER AS weight
        FROM s x JOIN s y
          ON x.article_id = y.article_id AND x.sent_start = y.sent_start AND x.name < y.name
        GROUP BY x.article_id, x.name, y.name
    )
    SELECT p.*, a.article_key FROM p JOIN articles a ON a.id = p.article_id
"""
