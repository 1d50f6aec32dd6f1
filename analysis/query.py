"""The search language: parse what an analyst types into a tree, compile the tree into SQL.

The language is the one Media Cloud and most news archives teach: words (case-insensitive, whole
words: ``un`` does not match "under"), ``"exact phrases"``, ``AND`` / ``OR`` / ``NOT`` (upper
case; two terms side by side mean AND), ``-word`` for NOT, parentheses, a trailing ``*`` for a
prefix (``syria*``), and field prefixes ``speaker:``, ``entity:``, ``source:``, ``title:`` in front
of a word, a phrase or a parenthesised group (``speaker:(Kerry OR Lavrov)``). Without a field a
term searches the title and the text.

:func:`parse` returns the tree or raises :class:`QueryError` with a message a reader can act on
("missing closing quote", "OR needs a term after it"). :func:`match_sql` compiles a tree into a
parameterised subquery of matching article ids over the store's ``terms`` index (see
:mod:`analysis.search_index`): words are index look-ups, phrases are the index look-ups of their
words checked with one word-bounded regular expression on those candidates only, and the boolean
operators are SQL ``INTERSECT`` / ``UNION`` / ``EXCEPT``. :func:`ranked_sql` adds a BM25 score
over the positive (not negated) words, the ranking Lucene and SQLite FTS5 use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FIELDS = ("speaker", "entity", "source", "title")
OPERATORS = ("AND", "OR", "NOT")
# The index's notion of a word: a run of letters and digits (Python's [^\W_] is the same class
# as RE2's [\p{L}\p{N}], which the store's tokeniser uses).
WORD_RE = re.compile(r"[^\W_]+")
# RE2 (DuckDB's regex engine) word boundaries that also hold for non-ASCII letters (RE2's \b is
# ASCII-only, so "Đà" would have no boundary before it).
_ALNUM = r"\p{L}\p{N}"
_BEFORE = rf"(?:^|[^{_ALNUM}])"
_AFTER = rf"(?:$|[^{_ALNUM}])"
# BM25 parameters: the usual defaults (Robertson & Zaragoza 2009; Lucene uses the same).
BM25_K1 = 1.2
BM25_B = 0.75


class QueryError(ValueError):
    """The search text is not a well-formed query; the message says what is wrong and where."""


# -- the tree -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Term:
    """Whole words in a row (one word, or a phrase); ``prefix``: the last word may go on."""

    words: tuple[str, ...]
    field: str = ""  # "" = title and text
    prefix: bool = False


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Term | Not | And | Or


# -- tokens ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Tok:
    kind: str  # "(" ")" "op" "neg" "word" "phrase" "field"
    value: str
    pos: int


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c in "()":
            out.append(_Tok(c, c, i))
            i += 1
        elif c in '"“”':
            close = text.find('"', i + 1) if c == '"' else _find_any(text, '"”', i + 1)
            if close == -1:
                raise QueryError(
                    f"missing closing quote for the phrase opened at character {i + 1}"
                )
            out.append(_Tok("phrase", text[i + 1 : close], i))
            i = close + 1
        elif c == "-" and i + 1 < n and not text[i + 1].isspace() and text[i + 1] not in "-)":
            out.append(_Tok("neg", "-", i))
            i += 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in '()"“”':
                j += 1
            word = text[i:j]
            field, colon, rest = word.partition(":")
            if colon and field.isalpha() and field.lower() in FIELDS:
                out.append(_Tok("field", field.lower(), i))
                if rest:
                    out.append(_Tok("word", rest, i + len(field) + 1))
            elif colon and field.isalpha() and not rest.startswith("//"):
                raise QueryError(
                    f"unknown field “{field}:” at character {i + 1}; the fields are "
                    + ", ".join(f"{f}:" for f in FIELDS)
                )
            elif word in OPERATORS:
                out.append(_Tok("op", word, i))
            else:
                out.append(_Tok("word", word, i))
            i = j
    return out


def _find_any(text: str, chars: str, start: int) -> int:
    hits = [p for p in (text.find(c, start) for c in chars) if p != -1]
    return min(hits) if hits else -1


# -- parser (recursive descent: OR binds loosest, then AND, then NOT / -) --------------------------
class _Parser:
    def __init__(self, tokens: list[_Tok]) -> None:
        self.toks = tokens
        self.i = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse_or(self, field: str) -> Node:
        parts = [self.parse_and(field)]
        while (tok := self.peek()) is not None and tok.kind == "op" and tok.value == "OR":
            self.take()
            if self.peek() is None or self.peek().kind in (")",) or _is_op(self.peek(), "OR"):
                raise QueryError(f"OR at character {tok.pos + 1} needs a term after it")
            parts.append(self.parse_and(field))
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def parse_and(self, field: str) -> Node:
        tok = self.peek()
        if tok is not None and tok.kind == "op" and tok.value in ("AND", "OR"):
            raise QueryError(f"{tok.value} at character {tok.pos + 1} needs a term before it")
        parts = [self.parse_unary(field)]
        while (tok := self.peek()) is not None and tok.kind != ")" and not _is_op(tok, "OR"):
            if _is_op(tok, "AND"):
                self.take()
                nxt = self.peek()
                if nxt is None or nxt.kind == ")" or (nxt.kind == "op" and nxt.value != "NOT"):
                    raise QueryError(f"AND at character {tok.pos + 1} needs a term after it")
            parts.append(self.parse_unary(field))
        parts = [p for p in parts if p is not None]
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def parse_unary(self, field: str) -> Node:
        tok = self.peek()
        if tok is not None and (_is_op(tok, "NOT") or tok.kind == "neg"):
            self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind in (")", "op", "neg") and not _is_op(nxt, "NOT"):
                what = "NOT" if tok.kind == "op" else "“-”"
                raise QueryError(f"{what} at character {tok.pos + 1} needs a term after it")
            return Not(self.parse_unary(field))
        return self.parse_atom(field)

    def parse_atom(self, field: str) -> Node:
        tok = self.take()
        if tok.kind == "field":
            nxt = self.peek()
            if nxt is None or nxt.kind not in ("word", "phrase", "("):
                raise QueryError(
                    f"“{tok.value}:” at character {tok.pos + 1} needs a word, a “phrase” or "
                    "a (group) right after it"
                )
            return self.parse_atom(tok.value)
        if tok.kind == "(":
            if self.peek() is None:
                raise QueryError(
                    f"missing closing parenthesis for the one at character {tok.pos + 1}"
                )
            if self.peek().kind == ")":
                raise QueryError(f"empty parentheses at character {tok.pos + 1}")
            node = self.parse_or(field)
            if self.peek() is None or self.peek().kind != ")":
                raise QueryError(
                    f"missing closing parenthesis for the one at character {tok.pos + 1}"
                )
            self.take()
            return node
        if tok.kind == ")":
            raise QueryError(f"“)” at character {tok.pos + 1} has no opening parenthesis")
        if tok.kind == "op":
            raise QueryError(f"{tok.value} at character {tok.pos + 1} needs a term before it")
        prefix = tok.kind == "word" and tok.value.endswith("*")
        words = tuple(w.lower() for w in WORD_RE.findall(tok.value))
        if not words:
            raise QueryError(
                f"“{tok.value}” at character {tok.pos + 1} has no letters or digits to search for"
            )
        return Term(words, field, prefix)


def _is_op(tok: _Tok | None, op: str) -> bool:
    return tok is not None and tok.kind == "op" and tok.value == op


def parse(text: str) -> Node | None:
    """The query tree of ``text`` (None for a blank query); :class:`QueryError` if malformed."""
    tokens = _tokens(text or "")
    if not tokens:
        return None
    parser = _Parser(tokens)
    node = parser.parse_or("")
    if parser.peek() is not None:
        tok = parser.peek()
        if tok.kind == ")":
            raise QueryError(f"“)” at character {tok.pos + 1} has no opening parenthesis")
        raise QueryError(f"unexpected “{tok.value}” at character {tok.pos + 1}")
    return node


# -- compiling to SQL ----------------------------------------------------------------------------
UNIVERSE = "SELECT id FROM articles WHERE duplicate_of IS NULL"


def word_pattern(words: tuple[str, ...], prefix: bool = False) -> str:
    """An RE2 pattern matching ``words`` in a row as whole words, in lower-cased text."""
    body = f"[^{_ALNUM}]+".join(re.escape(w) for w in words)
    return _BEFORE + body + (f"[{_ALNUM}]*" if prefix else "") + _AFTER


def _term_sql(term: Term) -> tuple[str, list]:
    if term.field in ("speaker", "entity"):
        table, col = ("quotes", "speaker") if term.field == "speaker" else ("entities", "name")
        # Match the distinct names first (a few thousand), then their articles.
        return (
            f"SELECT DISTINCT article_id AS id FROM {table} WHERE {col} IN ("
            f"SELECT n FROM (SELECT DISTINCT {col} AS n FROM {table} WHERE {col} IS NOT NULL) "
            "WHERE regexp_matches(lower(n), ?))",
            [word_pattern(term.words, term.prefix)],
        )
    if term.field == "source":
        return (
            "SELECT id FROM articles WHERE regexp_matches(lower(coalesce(source, '')), ?)",
            [word_pattern(term.words, term.prefix)],
        )
    field = "title" if term.field == "title" else "body"
    if len(term.words) == 1:
        cond, cparams = _term_condition(term.words[0], term.prefix)
        distinct = "DISTINCT " if term.prefix else ""
        return (
            f"SELECT {distinct}article_id AS id FROM terms WHERE field = ? AND {cond}",
            [field, *cparams],
        )
    # A phrase: articles holding every word (index), then the words in a row (regex, on those
    # only: the text is taken through a CASE on the candidate's id so that the optimiser cannot
    # push the regex below the join onto every article's text). The last word of a prefix
    # phrase is checked by the regex only.
    exact = term.words[:-1] if term.prefix else term.words
    column = "lower(coalesce(a.title, ''))" if field == "title" else "a.search_text"
    sql = (
        "SELECT c.id FROM (SELECT article_id AS id FROM terms WHERE field = ? "
        "AND term IN (SELECT unnest(?::VARCHAR[])) GROUP BY article_id "
        "HAVING count(DISTINCT term) = ?) c JOIN articles a ON a.id = c.id "
        f"WHERE regexp_matches(CASE WHEN c.id IS NOT NULL THEN {column} END, ?)"
    )
    return sql, [field, list(exact), len(set(exact)), word_pattern(term.words, term.prefix)]


def _term_condition(word: str, prefix: bool) -> tuple[str, list]:
    """A condition on ``term`` the sorted index can answer from its zone maps (a prefix is a
    range, not ``starts_with``, which would read every row)."""
    if not prefix:
        return "term = ?", [word]
    return "term >= ? AND term < ?", [word, word[:-1] + chr(ord(word[-1]) + 1)]


def match_sql(node: Node) -> tuple[str, list]:
    """``(sql, params)``: a subquery selecting the ``id`` of every original article matching."""
    if isinstance(node, Term):
        return _term_sql(node)
    if isinstance(node, Not):
        sql, params = match_sql(node.child)
        return f"({UNIVERSE}) EXCEPT ({sql})", params
    if isinstance(node, Or):
        parts = [match_sql(c) for c in node.children]
        return " UNION ".join(f"({s})" for s, _ in parts), [p for _, ps in parts for p in ps]
    # AND: intersect the positive parts, then take away the negated ones (cheaper than
    # intersecting with "everything except").
    pos = [c for c in node.children if not isinstance(c, Not)]
    neg = [c.child for c in node.children if isinstance(c, Not)]
    parts = [match_sql(c) for c in pos] if pos else [(UNIVERSE, [])]
    sql = " INTERSECT ".join(f"({s})" for s, _ in parts)
    params = [p for _, ps in parts for p in ps]
    for child in neg:
        s, ps = match_sql(child)
        sql = f"({sql}) EXCEPT ({s})"
        params += ps
    return sql, params


def positive_terms(node: Node | None, negated: bool = False) -> list[Term]:
    """The terms a matching article holds (not under a NOT): what ranking and highlighting use."""
    if node is None:
        return []
    if isinstance(node, Term):
        return [] if negated else [node]
    if isinstance(node, Not):
        return positive_terms(node.child, not negated)
    return [t for c in node.children for t in positive_terms(c, negated)]


def ranked_sql(node: Node) -> tuple[str, list]:
    """``(sql, params)`` selecting ``id, score`` of the matching articles (BM25 over the positive
    title/text words; 0 for a field-only query), unordered: the caller orders its page by score
    and its own tie-breaks (:func:`analysis.search_views.ranked_list`: newest first)."""
    match, params = match_sql(node)
    words = sorted(
        {
            ("title" if t.field == "title" else "body", w, t.prefix and i == len(t.words) - 1)
            for t in positive_terms(node)
            if t.field in ("", "title")
            for i, w in enumerate(t.words)
        }
    )
    if not words:
        return f"SELECT id, 0.0 AS score FROM ({match})", params
    lookups, q_params = [], []
    for field, word, prefix in words:
        cond, cparams = _term_condition(word, prefix)
        lookups.append(
            f"SELECT article_id, field, ? AS qterm, tf FROM terms WHERE field = ? AND {cond}"
        )
        q_params += [word, field, *cparams]
    sql = f"""
        WITH m AS ({match}),
        hits AS ({" UNION ALL ".join(lookups)}),
        df AS (SELECT field, qterm, count(DISTINCT article_id) AS df FROM hits GROUP BY ALL),
        stats AS (
            SELECT count(*) AS n, greatest(avg(n_words), 1) AS avgdl FROM articles
            WHERE duplicate_of IS NULL
        ),
        scored AS (
            SELECT h.article_id,
                   sum(ln(1 + (s.n - d.df + 0.5) / (d.df + 0.5))
                       * h.tf * {BM25_K1 + 1}
                       / (h.tf + {BM25_K1} * (1 - {BM25_B} + {BM25_B}
                          * greatest(a.n_words, 1) / s.avgdl))) AS score
            FROM hits h JOIN df d USING (field, qterm) JOIN articles a ON a.id = h.article_id,
                 stats s
            WHERE h.article_id IN (SELECT id FROM m)
            GROUP BY h.article_id
        )
        SELECT m.id, coalesce(sc.score, 0.0) AS score FROM m LEFT JOIN scored sc ON sc.article_id = m.id
    """
    return sql, params + q_params
