"""The incident kinds stored with each figure (``figures.kinds``, schema 39): worked out once when
a figure is written or its place rewritten, equal to :data:`analysis.incident_kinds.KINDS_SQL`
over its sentence, and what the copies of the rows in view carry."""

from __future__ import annotations

import dataclasses

from analysis import filters, identity, incident_kinds, store_lock
from analysis.filters import Filters, pin
from analysis.records import Article, ArticleResult, Figure
from analysis.store import Store
from tests import test_identity


def _figure(article_id: str, sentence: str, *, location: str | None = "Harasta") -> Figure:
    text = sentence.split()[0]
    return Figure(
        article_id=article_id, text=text, value=9.0, low=None, high=None, approximate=False,
        unit="people", category="killed", subject=None, location=location, claimed_by=None,
        start=0, end=len(text), sentence=sentence, scope="event",
    )  # fmt: skip


def _result(article_id: str, *sentences: str) -> ArticleResult:
    article = Article(
        id=article_id, title=f"Report {article_id}", text=" ".join(sentences), source="Wire",
        published="2019-03-04",
    )  # fmt: skip
    figures = tuple(
        dataclasses.replace(_figure(article_id, s), start=i) for i, s in enumerate(sentences)
    )
    return ArticleResult(article=article, figures=figures)


STRIKE = "9 people died when warplanes bombed the vegetable market on Tuesday."
NONE_NAMED = "9 people died, the health ministry said."
SHELLS = "9 people died as mortar shells fell on the Qaboun district of Harasta."


def _stored_and_computed(con) -> list[tuple]:
    return con.execute(
        f"SELECT article_id, start, kinds, {incident_kinds.KINDS_SQL.format(f='f')} "
        "FROM figures f ORDER BY 1, 2"
    ).fetchall()


def test_the_writer_stores_each_figures_kinds_as_computed_from_its_sentence(tmp_path):
    with Store(tmp_path / "k.duckdb") as store:
        store.write_batch([_result("a", STRIKE, NONE_NAMED), _result("b", SHELLS)])
        rows = _stored_and_computed(store.con)
        assert [r[2] == r[3] for r in rows] == [True] * 3
        air = 1 << [k for k, _ in incident_kinds.INCIDENT_KINDS].index("air")
        market = 1 << incident_kinds.TARGETS_FIRST_BIT
        strike, quiet, shells = (r[2] for r in rows)
        assert strike & air and strike & market and not quiet & (air | market)
        assert shells & incident_kinds.PART_NAME_MASK  # the Qaboun district, named
        # an article written again: its figures' kinds are its new sentences'
        store.write_batch([_result("a", SHELLS)])
        rows = _stored_and_computed(store.con)
        assert [(r[0], r[2] == r[3]) for r in rows] == [("a", True), ("b", True)]
        assert rows[0][2] == shells


def _kinds_by_rewritten(con) -> dict[bool, set[bool]]:
    """Whether each figure's kinds are as computed, by whether the pass rewrote its place."""
    rows = con.execute(
        f"""SELECT r.article_id IS NOT NULL, f.kinds = {incident_kinds.KINDS_SQL.format(f="f")}
            FROM figures f LEFT JOIN (SELECT DISTINCT article_id FROM name_raw
                                      WHERE tbl = 'figures' AND col = 'location') r
              ON r.article_id = f.article_id"""
    ).fetchall()
    out: dict[bool, set[bool]] = {True: set(), False: set()}
    for rewritten, as_computed in rows:
        out[rewritten].add(as_computed)
    return out


def test_an_identity_pass_that_rewrites_a_figures_place_works_its_kinds_out_again(tmp_path):
    """The kinds read the figure's place (a part named as the place itself is no part of it),
    so a join that rewrites the place refills them, and an undo that puts it back; the other
    figures are left alone."""
    with Store(tmp_path / "identity.duckdb") as store:
        store.write_batch(test_identity._corpus())
        store.con.execute("UPDATE figures SET kinds = -1")  # a mark: what is refilled loses it
        identity.update(store.con)
        assert _kinds_by_rewritten(store.con) == {True: {True}, False: {False}}
        undone = store.con.execute(
            "SELECT DISTINCT article_id FROM name_raw WHERE raw = 'Deir Ezzor' AND tbl = 'figures'"
        ).fetchall()
        assert undone
        store.con.execute("UPDATE figures SET kinds = -1")
        identity.set_undone(store.con, "place", "Deir Ezzor", True)
        refilled = store.con.execute(
            f"SELECT DISTINCT article_id FROM figures f "
            f"WHERE kinds = {incident_kinds.KINDS_SQL.format(f='f')}"
        ).fetchall()
        assert sorted(refilled) == sorted(undone)


def test_a_copy_of_the_figures_in_view_carries_the_stored_kinds(tmp_path):
    path = tmp_path / "k.duckdb"
    with Store(path) as store:
        store.write_batch([_result("a", STRIKE, NONE_NAMED), _result("b", SHELLS)])
        want = sorted((a, s, k) for a, s, k, _ in _stored_and_computed(store.con))
    reader = store_lock.open_reader(path)
    try:
        pinned = pin(reader, Filters(article_ids=("a", "b")), version="no index")
        filters.rows_in_view(reader, pinned, "figures")  # the first ask reads the store
        copy = filters.rows_in_view(reader, pinned, "figures")
        assert copy != "figures"
        got = reader.execute(f"SELECT article_id, start, kinds FROM {copy} ORDER BY 1, 2")
        assert got.fetchall() == want
    finally:
        reader.close()


def test_a_replicated_store_works_out_its_copies_kinds(tmp_path):
    """bench/replicate.py grows the places of some copies ("Harasta 2"): their figures' kinds
    are worked out from the copies' own rows, as a write would."""
    from bench.replicate import replicate

    src = tmp_path / "src.duckdb"
    with Store(src) as store:
        store.write_batch([_result("a", STRIKE, NONE_NAMED), _result("b", SHELLS)])
    replicate(src, tmp_path / "big.duckdb", articles=12)
    with Store(tmp_path / "big.duckdb", read_only=True) as store:
        rows = _stored_and_computed(store.con)
    assert len(rows) == 18 and all(kinds == computed for _, _, kinds, computed in rows)
    assert any(kinds for _, _, kinds, _ in rows)
