"""One name per actor, no junk: measured on a store that ``presslens analyze`` wrote.

    presslens analyze --db /work/stores/real.duckdb --workers 2 \\
        ../shared/data/fakes/articles.csv ../shared/data/bbc/{business,...}/0[0-5]*.txt
    .venv/bin/python -m bench.identity_report /work/stores/real.duckdb [--show 15]

Prints, for the store as the dashboard reads it:

* the share of quotes (with a speaker) whose speaker is a spelling variant of a more frequent
  speaker, and the same for place mentions (entity mentions labelled GPE/LOC/FAC and figure
  places) — each with the pairs found, so a reader can judge them;
* pronouns, generic nouns and page furniture among speakers, claimants and the top 100 entities.

The detectors here are deliberately *not* the rules of :mod:`analysis.identity` and
:mod:`analysis.names` (measuring a rule with itself proves nothing): a variant is a pair of names
whose letters-only forms (Arabic articles, middle names and initials dropped; British spellings
made American) are equal or close by :class:`difflib.SequenceMatcher` (ratio ≥ 0.88, same first
letter, 8 letters or more), or a lone word that the more frequent name holds; junk is a name
with no letter, a pronoun, a word from the issue's list of furniture and generic nouns, a run-in
label ("Tags …"), and also: for entities, a name with no capital letter or a bare side noun
("Government", "Army"); for speakers and claimants, a platform ("Twitter"). A side is a
claimant ("the government said", "pro-regime forces"): which side claims a figure matters.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import unicodedata
from collections import Counter, defaultdict

import duckdb

ARTICLES = {"al", "el", "ad", "ed", "ar", "as", "ash", "at", "az", "ez", "an", "the"}
UK_US = {"defence": "defense", "organisation": "organization", "centre": "center"}
PRONOUNS = {
    "i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "this",
    "that", "these", "those", "who", "one", "his", "their", "its",
}  # fmt: skip
# The junk issue 11 names, and anonymous sources of claims, as a reader would flag them.
JUNK = {
    "gmt", "episode", "showcase category news", "pm summit", "updated regime", "date",
    "source", "sources", "official", "officials", "activists", "witnesses", "residents",
    "spokesman", "state", "ministry",
}  # fmt: skip
# Bare nouns for a side: a claimant ("the government said", "police said": which side claims a
# figure is what a reader needs), but no named entity.
SIDES = {"government", "regime", "rebels", "army", "police", "military", "opposition"}
PLATFORMS = {"twitter", "facebook", "youtube", "instagram", "telegram", "whatsapp"}


def letters(name: str, *, drop_middle: bool = False) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = [UK_US.get(w, w) for w in re.split(r"[^a-z]+", text) if w and w not in ARTICLES]
    if drop_middle and len(words) > 2:
        words = [words[0], words[-1]]
    return "".join(words)


def variants(counts: Counter[str]) -> dict[str, str]:
    """``{name: more frequent name it is a variant of}`` (see the module docstring)."""
    names = sorted(counts, key=lambda n: (-counts[n], n))
    out: dict[str, str] = {}
    by_key: dict[str, str] = {}
    by_first: dict[str, list[tuple[str, str]]] = defaultdict(list)
    holders: dict[str, Counter[str]] = defaultdict(Counter)
    for name in names:
        for word in set(letters(w) for w in name.split() if len(name.split()) > 1):
            holders[word][name] += counts[name]
    for name in names:
        key = letters(name)
        short = letters(name, drop_middle=True)
        if not key:
            continue
        found = by_key.get(key) or (by_key.get(short) if len(name.split()) > 2 else None)
        if found is None and len(key) >= 8:
            for other, okey in by_first[key[0]]:
                if difflib.SequenceMatcher(None, key, okey).ratio() >= 0.88:
                    found = other
                    break
        if found is None and " " not in name.strip():
            holding = holders.get(key)
            if holding:
                top, k = holding.most_common(1)[0]
                if k > counts[name] and k >= 0.8 * sum(holding.values()):
                    found = top
        if found is not None and found != name:
            out[name] = found
            continue
        by_key.setdefault(key, name)
        by_key.setdefault(short, name)
        by_first[key[0]].append((name, key))
    return out


def is_junk(name: str, *, actor: bool) -> bool:
    """Junk as a reader flags it; a platform is junk only as a speaker or claimant (``actor``)
    and a lower-case phrase only as an entity (a claimant may be "pro-regime forces")."""
    low = " ".join(name.lower().split())
    return (
        (not actor and not any(c.isupper() for c in name))
        or not any(c.isalpha() for c in name)
        or (low in PRONOUNS and not name.isupper())  # "WHO", "US" are names
        or low in JUNK
        or (not actor and low in SIDES)
        or (actor and low in PLATFORMS)
        or low.split()[0] in {"tags", "topics", "updated", "date"}
    )


def share(con, sql: str, show: int, title: str) -> float:
    counts = Counter(dict(con.execute(sql).fetchall()))
    found = variants(counts)
    total = sum(counts.values())
    hit = sum(counts[n] for n in found)
    pct = 100 * hit / total if total else 0.0
    print(f"{title}: {hit} of {total} ({pct:.2f}%) carry a variant of a more frequent name")
    for name in sorted(found, key=lambda n: -counts[n])[:show]:
        print(f"    {counts[name]:>5}  {name!r} ~ {found[name]!r} ({counts[found[name]]})")
    return pct


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", help="a store written by `presslens analyze`")
    parser.add_argument("--show", type=int, default=15, help="examples to print per figure")
    args = parser.parse_args(argv)
    con = duckdb.connect(args.db, read_only=True)
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"store {args.db}: {n_articles} articles")
    quotes = share(
        con,
        "SELECT speaker, count(*) FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker",
        args.show,
        "speakers (quotes)",
    )
    places = share(
        con,
        """SELECT name, count(*) FROM (
             SELECT name FROM entity_mentions WHERE label IN ('GPE', 'LOC', 'FAC')
             UNION ALL SELECT location FROM figures WHERE location IS NOT NULL)
           GROUP BY name""",
        args.show,
        "places (mentions + figure places)",
    )
    junk_total = 0
    for title, actor, sql in (
        ("speakers", True, "SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL"),
        (
            "claimants",
            True,
            "SELECT DISTINCT claimed_by FROM figures WHERE claimed_by IS NOT NULL",
        ),
        (
            "top 100 entities",
            False,
            "SELECT name FROM entities GROUP BY name ORDER BY count(*) DESC, name LIMIT 100",
        ),
    ):
        junk = sorted(n for (n,) in con.execute(sql).fetchall() if is_junk(n, actor=actor))
        junk_total += len(junk)
        print(f"junk among {title}: {len(junk)} {junk[: args.show]}")
    merges = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'name_merges'"
    ).fetchone()[0]
    if merges:
        rows = con.execute(
            "SELECT kind, count(*), sum(evidence) FROM name_merges WHERE NOT undone GROUP BY kind"
        ).fetchall()
        print("joins in force: " + ", ".join(f"{k} {n} ({e} records)" for k, n, e in rows))
    print(
        f"\nsummary: speaker variants {quotes:.2f}% (target < 1%), place variants {places:.2f}% "
        f"(target < 1%), junk names {junk_total} (target 0)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
