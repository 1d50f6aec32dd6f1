"""An access path by article to the fact tables, for row filters over a very large store.

A row filter (a speaker, an entity, a search) keeps articles spread over the whole archive, so
DuckDB reads every row of a fact table to find theirs: at a million articles that is 18 million
attitude sums or 24 million entity pairs for a speaker's 40,000 articles, 0.3-1 s of CPU for
each view (an ART index does not help: DuckDB fetches row by row, 4.5 s for those 40,000 keys).
This module keeps, beside the store, a copy of the columns those views read, ordered by the
articles' integer keys (:mod:`analysis.article_keys`) with each article's first row known, as
Arrow files the reader maps into memory: the rows of any set of articles are then a gather
(``Table.take``), 30 ms for a million rows, and :func:`analysis.filters.rows_in_view` makes its
copies of the rows in view from it instead of from a scan. Names are stored once per table and
referred to by number (Arrow dictionaries), the article ids not at all (an article's key is the
index of its id).

The index belongs to one state of the store: its folder is named by the store's data version
and name merges (:func:`version_of`), so new articles or an undone merge make it stale and a
new one is built; until then the views read the store as before. It is built by
``presslens index`` or, for a store of at least :data:`MIN_ARTICLES` articles, by the dashboard
in a child process (:func:`ensure`), and is only ever read once complete (built in a temporary
folder, then renamed). Nothing here writes to the store.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb
    import numpy as np
    import pyarrow as pa

log = logging.getLogger(__name__)

# Below this many articles DuckDB's scans answer a row filter in well under 300 ms (at 50,000
# articles every page's queries took 0.07-0.2 s), and the dashboard builds no index.
MIN_ARTICLES = int(os.environ.get("PRESSLENS_INDEX_MIN_ARTICLES", "200000"))
ENV_DIR = "PRESSLENS_INDEX_DIR"
ENV_PREFETCH = "PRESSLENS_INDEX_PREFETCH"  # "0": the index's pages are read on use only
FORMAT = "14"  # part of the folder's name: a change of layout (or of the kinds) builds anew


@dataclass(frozen=True)
class Part:
    """One table of the index: ``select`` reads its columns from the store's ``table t`` joined
    to ``articles a`` (``a.article_key`` is the order), ``coded`` are the name columns stored by
    number, ``key_id`` the column that is the article's id (rebuilt from the key)."""

    select: str
    coded: tuple[str, ...] = ()
    key_id: str | None = "article_id"
    keyed: bool = False  # the table carries article_key itself (no join to articles)
    # coded columns whose values' articles are listed (:meth:`Index.articles_with`): the
    # speakers and entities a filter picks
    postings: tuple[str, ...] = ()
    # the long texts of the table's rows (no copy holds them), read by the store's row id for
    # the few rows a list shows (:meth:`Index.texts`)
    texts: str = ""
    # two coded columns whose names are compared ((a, b): for each number of a, the number of
    # the same name in b, or -1), so rows naming one name twice are found without reading text
    same_names: tuple[str, str] | None = None


# The columns of the copies rows_in_view makes from the store (filters.PINNED_ROWS: a test holds
# them alike), and of the two per-article tables the matrix and the network read.
PARTS: dict[str, Part] = {
    "quotes": Part(
        "t.rowid AS store_rowid, t.start, t.speaker, t.speaker_label, t.speaker_role, "
        "t.polarity, t.subjectivity, t.polarity_vader, t.n_words",
        coded=("speaker", "speaker_label", "speaker_role"),
        postings=("speaker",),
        texts='t.kind, t.text, t.speaker_mention, t.cue, t."end"',
    ),
    "entities": Part(
        "t.name, t.label, t.mentions, t.first_start", coded=("name", "label"), postings=("name",)
    ),
    "figures": Part(
        "t.rowid AS store_rowid, t.text, t.value, t.low, t.high, t.approximate, t.unit, "
        "t.category, t.subject, t.location, t.claimed_by, t.start, t.scope, t.part_of, "
        "t.kinds",
        coded=("unit", "category", "subject", "location", "claimed_by", "scope"),
        texts='t.sentence, t."end"',
    ),
    "articles": Part("t.title, t.source, t.published", coded=("source",), key_id="id"),
    "holder_targets": Part(
        "t.holder, t.target, t.n_textblob, t.pol_sum_textblob, t.n_polarity_textblob, "
        "t.n_vader, t.pol_sum_vader, t.n_polarity_vader, t.n_news, t.pol_sum_news, "
        "t.n_polarity_news, t.n_encoder, t.pol_sum_encoder, t.n_polarity_encoder",
        coded=("holder", "target"),
        key_id=None,  # read by the article keys only
        keyed=True,
        same_names=("holder", "target"),  # a speaker talking about themself
    ),
    "entity_pairs": Part(
        "t.name_a, t.name_b, t.weight", coded=("name_a", "name_b"), key_id=None, keyed=True
    ),
}


def version_of(con: duckdb.DuckDBPyConnection) -> str:
    """The state of the store an index belongs to: the dashboard's data version (its articles
    and name merges, :func:`analysis.article_views.data_version`)."""
    from analysis.article_views import data_version

    return data_version(con)


def root_dir() -> Path:
    """Where indexes are kept (``$PRESSLENS_INDEX_DIR``, else the user's cache folder)."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "presslens" / "index"


def folder(store_path: str | Path, version: str) -> Path:
    """The index folder of the store at ``store_path`` in the state ``version``."""
    store = hashlib.sha1(str(Path(store_path).resolve()).encode()).hexdigest()[:16]
    state = hashlib.sha1(f"{FORMAT}|{version}".encode()).hexdigest()[:16]
    return root_dir() / store / state


# -- building -------------------------------------------------------------------------------


def build(con: duckdb.DuckDBPyConnection, store_path: str | Path, *, stop=None) -> Path:
    """Build the index of the store ``con`` reads (at ``store_path``) in its current state, and
    return its folder (at once if it exists). ``stop()`` true between tables abandons the build
    (a writer waiting for the store). Older indexes of the store are removed once it is done."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.ipc as ipc

    version = version_of(con)
    final = folder(store_path, version)
    if (final / "done").exists():
        return final
    tmp = final.with_name(f"{final.name}.tmp-{os.getpid()}-{threading.get_ident()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        [(n_keys,)] = con.execute(
            "SELECT coalesce(max(article_key), -1) + 1 FROM articles"
        ).fetchall()
        for table, part in PARTS.items():
            if stop is not None and stop():
                raise InterruptedError("a writer is waiting for the store")
            dictionaries = {}
            for column in part.coded:
                values = con.sql(
                    f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL ORDER BY 1"
                ).to_arrow_table()
                dictionary = values.column(0).combine_chunks()
                # in Arrow's (and Python's) order of strings, whatever the store's collation:
                # the index looks names up by bisection (Index._codes)
                dictionary = dictionary.take(pc.sort_indices(dictionary))
                dictionaries[column] = dictionary
                _write(tmp / f"{table}.{column}.arrow", pa.table({column: dictionary}), ipc)
            if part.same_names is not None:
                a, b = part.same_names
                same = pc.index_in(dictionaries[a], value_set=dictionaries[b]).fill_null(-1)
                np.save(tmp / f"{table}.{a}.as_{b}.npy", same.to_numpy().astype(np.int32))
            if part.keyed:
                sql = f"SELECT t.article_key AS article_key, {part.select} FROM {table} t"
                order = "t.article_key, t.rowid"
            elif table == "articles":
                sql = f"SELECT t.article_key AS article_key, {part.select} FROM articles t"
                order = "t.article_key"
            else:
                sql = (
                    f"SELECT a.article_key AS article_key, {part.select} FROM {table} t "
                    "JOIN articles a ON a.id = t.article_id"
                )
                order = "a.article_key, t.rowid"
            counts = np.zeros(n_keys, dtype=np.int64)
            sizes = []  # each batch's rows, for the reader to find a row's batch unread
            # (name's number, article key) of each row, for the postings
            pairs: dict[str, list[np.ndarray]] = {column: [] for column in part.postings}
            reader = con.sql(f"{sql} ORDER BY {order}").to_arrow_reader(1 << 18)
            with pa.OSFile(str(tmp / f"{table}.arrow"), "wb") as sink:
                writer = None
                for batch in reader:
                    batch = _encode(batch, dictionaries)
                    if writer is None:
                        writer = ipc.new_file(sink, batch.schema)
                    writer.write_batch(batch)
                    sizes.append(batch.num_rows)
                    keys = batch.column("article_key").to_numpy(zero_copy_only=False)
                    counts += np.bincount(keys, minlength=n_keys)[:n_keys]
                    for column, found in pairs.items():
                        codes = batch.column(column)
                        kept = codes.is_valid().to_numpy(zero_copy_only=False)
                        codes = codes.fill_null(0).to_numpy().astype(np.int64)
                        found.append(unique_keys(codes[kept] * max(n_keys, 1) + keys[kept]))
                if writer is None:  # no rows: an empty file of the right columns
                    # (a batch, as _encode takes: a store of a few articles may pair no names)
                    empty = pa.RecordBatch.from_pylist([], schema=reader.schema)
                    writer = ipc.new_file(sink, _encode(empty, dictionaries).schema)
                writer.close()
            np.save(tmp / f"{table}.offsets.npy", np.concatenate(([0], np.cumsum(counts))))
            np.save(tmp / f"{table}.batches.npy", np.cumsum([0, *sizes], dtype=np.int64))
            for column, found in pairs.items():
                _write_postings(tmp, table, column, found, len(dictionaries[column]), n_keys)
        for table, part in PARTS.items():
            if part.texts:
                if stop is not None and stop():
                    raise InterruptedError("a writer is waiting for the store")
                _write_texts(con, tmp, table, part.texts, ipc)
        ids = con.sql("SELECT article_key, id FROM articles").to_arrow_table()
        slots = np.full(n_keys, -1, dtype=np.int64)
        slots[ids.column("article_key").to_numpy()] = np.arange(ids.num_rows)
        # the ids in key order (a key no article holds: an empty id, never gathered)
        by_key = ids.column("id").combine_chunks().take(pa.array(np.maximum(slots, 0)))
        by_key = pa.array(np.where(slots >= 0, by_key.to_numpy(zero_copy_only=False), ""))
        _write(tmp / "ids.arrow", pa.table({"id": by_key}), ipc)
        (tmp / "version").write_text(version)
        (tmp / "done").write_text(time.strftime("%Y-%m-%d %H:%M:%S"))
        try:
            tmp.rename(final)
        except OSError:  # built at the same moment elsewhere: theirs is as good
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    for old in final.parent.iterdir():
        if old != final and old.is_dir() and ".tmp-" not in old.name:
            shutil.rmtree(old, ignore_errors=True)
    return final


def _write_postings(
    folder: Path, table: str, column: str, pairs: list, n_values: int, n_keys: int
) -> None:
    """The articles of each value of ``table.column``, from ``pairs`` (``number * n_keys +
    key`` of its rows): ``{table}.{column}.keys.npy``, the article keys ascending by value then
    key, each once, and ``{table}.{column}.starts.npy``, where each value's keys begin."""
    import numpy as np

    pairs = unique_keys(np.concatenate(pairs)) if pairs else np.zeros(0, dtype=np.int64)
    n_keys = max(n_keys, 1)
    codes = pairs // n_keys
    np.save(folder / f"{table}.{column}.keys.npy", (pairs % n_keys).astype(np.int64))
    np.save(
        folder / f"{table}.{column}.starts.npy",
        np.searchsorted(codes, np.arange(n_values + 1)).astype(np.int64),
    )


def _write_texts(con, folder: Path, table: str, select: str, ipc) -> None:
    """``table``'s long texts (``select``) in the order of the store's row ids:
    ``{table}.texts.arrow``, ``{table}.texts.rowids.npy`` the row id of each, and
    ``{table}.texts.batches.npy`` where each of the file's batches starts."""
    import numpy as np
    import pyarrow as pa

    reader = con.sql(
        f"SELECT t.rowid AS store_rowid, {select} FROM {table} t ORDER BY t.rowid"
    ).to_arrow_reader(1 << 16)
    rowids = [np.zeros(0, dtype=np.int64)]
    sizes = []
    schema = reader.schema.remove(0)
    with pa.OSFile(str(folder / f"{table}.texts.arrow"), "wb") as sink:
        writer = ipc.new_file(sink, schema)
        for batch in reader:
            rowids.append(batch.column(0).to_numpy(zero_copy_only=False).astype(np.int64))
            writer.write_batch(batch.drop_columns(["store_rowid"]))
            sizes.append(batch.num_rows)
        writer.close()
    np.save(folder / f"{table}.texts.rowids.npy", np.concatenate(rowids))
    np.save(folder / f"{table}.texts.batches.npy", np.cumsum([0, *sizes], dtype=np.int64))


def _write(path: Path, table: pa.Table, ipc) -> None:
    with ipc.new_file(str(path), table.schema) as writer:
        writer.write_table(table)


def _encode(batch, dictionaries: dict):
    """``batch`` with each coded column replaced by its values' numbers in ``dictionaries``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    columns, names = [], []
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        if name in dictionaries:
            column = pc.index_in(column, value_set=dictionaries[name]).cast(pa.int32())
        columns.append(column)
        names.append(name)
    return pa.RecordBatch.from_arrays(columns, names=names)


# -- reading --------------------------------------------------------------------------------


def unique_keys(values):
    """``values`` (integers) ascending, each once, as int64: what ``np.unique`` gives, by a sort
    and a comparison of neighbours (NumPy 2.4's ``np.unique`` took 0.3-0.4 s for the 520,000
    articles of a common name at a million articles, this 10 ms)."""
    import numpy as np

    values = np.asarray(values, dtype=np.int64)
    if len(values) < 2:
        return values
    if np.all(values[1:] > values[:-1]):
        return values  # a posting list or a pinned set is so already: no sort (5-10 ms)
    values = np.sort(values)
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def common_keys(a, b):
    """The integers in both ``a`` and ``b``, ascending, each once (``np.intersect1d``, which
    took 0.35-0.45 s for 520,000 against 125,000 keys, by a search of the fewer in the more:
    10 ms)."""
    import numpy as np

    a, b = unique_keys(a), unique_keys(b)
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) == 0:
        return small
    at = np.searchsorted(large, small)  # each of the fewer keys looked up in the more
    at[at == len(large)] = 0
    return small[large[at] == small]


class _Batches:
    """The record batches of one Arrow file of the index, each read on its first use: reading
    them all when the index is opened cost 3.3 s of the dashboard's first page on a cold cache
    (a seek for each batch's header), and a view reads only the batches holding its rows."""

    def __init__(self, path: Path) -> None:
        import numpy as np
        import pyarrow as pa
        import pyarrow.ipc as ipc

        self._reader = ipc.open_file(pa.memory_map(str(path)))
        self.schema = self._reader.schema
        # where each batch starts, and the row count after the last (saved with the file)
        self.starts = np.load(path.with_suffix(".batches.npy"))
        if len(self.starts) != self._reader.num_record_batches + 1:
            raise ValueError(f"{path.name}: its batches are not those of its .batches.npy")
        self._read: list = [None] * self._reader.num_record_batches
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._read)

    def __getitem__(self, i: int):
        batch = self._read[i]
        if batch is None:
            with self._lock:
                batch = self._read[i]
                if batch is None:
                    batch = self._read[i] = self._reader.get_batch(i)
        return batch


class Index:
    """A built index, mapped into memory: :meth:`gather` gives a table's rows of some articles."""

    def __init__(self, path: Path) -> None:
        import numpy as np
        import pyarrow as pa
        import pyarrow.ipc as ipc

        self.path = path
        self.version = (path / "version").read_text()
        self._batches: dict[str, _Batches] = {}
        self._offsets: dict[str, np.ndarray] = {}
        self._dictionaries: dict[tuple[str, str], pa.Array] = {}
        self._postings: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}
        self._texts: dict[str, tuple[_Batches, np.ndarray]] = {}  # table: (batches, row ids)
        self._same: dict[str, np.ndarray] = {}  # table: Part.same_names' map of numbers
        self.mapped = threading.Event()  # set once map_pages is done
        for table, part in PARTS.items():
            # kept as the file's batches: a take across a table of many chunks concatenates
            # each column first (2 GB copied for the 18 million attitude sums), a take within
            # a batch reads only the rows taken
            self._batches[table] = _Batches(path / f"{table}.arrow")
            self._offsets[table] = np.load(path / f"{table}.offsets.npy", mmap_mode="r")
            for column in part.coded:
                source = pa.memory_map(str(path / f"{table}.{column}.arrow"))
                found = ipc.open_file(source).read_all().column(0).combine_chunks()
                self._dictionaries[(table, column)] = found
            for column in part.postings:
                self._postings[(table, column)] = (
                    np.load(path / f"{table}.{column}.keys.npy", mmap_mode="r"),
                    np.load(path / f"{table}.{column}.starts.npy", mmap_mode="r"),
                )
            if part.same_names is not None:
                a, b = part.same_names
                self._same[table] = np.load(path / f"{table}.{a}.as_{b}.npy", mmap_mode="r")
            if part.texts:
                self._texts[table] = (
                    _Batches(path / f"{table}.texts.arrow"),
                    np.load(path / f"{table}.texts.rowids.npy", mmap_mode="r"),
                )
        ids = ipc.open_file(pa.memory_map(str(path / "ids.arrow"))).read_all()
        self._ids = ids.column(0).combine_chunks()

    def map_pages(self) -> int:
        """Touch one byte of every page of the rows' files (not the long texts), so that this
        process's page tables map them: a gather that is the first to reach a page of a
        mapped file waits for the kernel to map it, and a filter over a few percent of the
        articles reaches most pages of every file (at a million articles the first gather of
        a search's 690,000 attitude sums took 0.3-0.4 s, the next filter's 0.1 s; after this,
        the first 0.09-0.12 s). Run after :func:`prefetch` (the pages are then in the system's
        cache: nothing is read from disk here); a page is a few bytes of page table, and the
        pages stay the system's cache, which it reclaims as it needs. Returns the pages
        touched."""
        import numpy as np

        def touch(buffers) -> int:
            n = 0
            for buffer in buffers:
                if buffer is None:
                    continue
                pages = np.frombuffer(buffer, dtype=np.uint8)[::4096]
                if len(pages):
                    pages.max()  # read: maps the page
                    n += len(pages)
            return n

        touched = touch(self._ids.buffers())
        for dictionary in self._dictionaries.values():
            touched += touch(dictionary.buffers())
        for offsets in self._offsets.values():
            touched += touch([np.asarray(offsets).view(np.uint8)])
        for batches in self._batches.values():
            for i in range(len(batches)):
                touched += sum(touch(column.buffers()) for column in batches[i].columns)
                time.sleep(0)  # let a page's own work run between batches
        self.mapped.set()
        return touched

    def _keys_in(self, table: str, keys):
        """``keys`` as ``table``'s offsets know them: each once, ascending, none out of range."""
        keys = unique_keys(keys)
        return keys[(keys >= 0) & (keys < len(self._offsets[table]) - 1)]

    def count(self, table: str, keys) -> int:
        """How many rows of ``table`` the articles with these ``keys`` hold."""
        offsets, keys = self._offsets[table], self._keys_in(table, keys)
        return int((offsets[keys + 1] - offsets[keys]).sum())

    def _codes(self, table: str, column: str, values) -> dict[str, int]:
        """The numbers of those of ``values`` some row of ``table`` holds in the coded
        ``column``: found by bisection in its names, which are sorted (a hash of the million
        entity names for each lookup took 30 ms)."""
        import bisect

        names = self._dictionaries[(table, column)]
        found = {}
        for value in values:
            at = bisect.bisect_left(names, value, key=lambda name: name.as_py())
            if at < len(names) and names[at].as_py() == value:
                found[value] = at
        return found

    def known_codes(self, table: str, column: str, values) -> list[int]:
        """The numbers of those of ``values`` some row of ``table`` holds in the coded
        ``column``, ascending."""
        return sorted(self._codes(table, column, values).values())

    def known(self, table: str, column: str, values) -> set[str]:
        """Those of ``values`` some row of ``table`` holds in the coded ``column``."""
        return set(self._codes(table, column, values))

    def articles_with(self, table: str, column: str, values):
        """The keys of the articles (ascending, each once) with a row of ``table`` holding one
        of ``values`` in ``column`` (one of its :attr:`Part.postings`): a speaker's articles, in
        a millisecond where a scan of the quotes took 40-60 ms at a million articles."""
        import numpy as np

        keys, starts = self._postings[(table, column)]
        codes = sorted(self._codes(table, column, values).values())
        found = [np.asarray(keys[starts[c] : starts[c + 1]]) for c in codes]
        if len(found) == 1:
            return found[0]  # each value's keys are ascending and unique already
        return unique_keys(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)

    def texts(self, table: str, rowids) -> pa.Table:
        """The long texts (its :attr:`Part.texts`) of ``table``'s rows with these store row ids,
        with their ``store_rowid``, ascending; an id no row holds is left out. At a million
        articles DuckDB read 1,000 figures' sentences in 0.1-0.2 s (a block decompressed for
        each row), these files in milliseconds."""
        import numpy as np
        import pyarrow as pa

        batches, stored = self._texts[table]
        rowids = unique_keys(rowids)
        at = np.searchsorted(stored, rowids)
        found = at < len(stored)
        found[found] = stored[at[found]] == rowids[found]
        rowids, at = rowids[found], at[found]
        taken = [batch.take(rows) for batch, rows in _in_batches(batches, at)]
        found = pa.Table.from_batches(taken, schema=batches.schema)
        return found.add_column(0, "store_rowid", pa.array(rowids, type=pa.int64()))

    def _runs(self, table: str, keys):
        """``(batch, rows)`` for each of ``table``'s batches holding rows of the articles with
        these keys: the rows' positions in the batch, ascending."""
        import numpy as np

        offsets, keys = self._offsets[table], self._keys_in(table, keys)
        starts, ends = offsets[keys], offsets[keys + 1]
        sizes = ends - starts
        total = int(sizes.sum())
        # each article's rows are one run: its first row, then the next ones
        before = np.cumsum(sizes) - sizes
        rows = np.repeat(starts - before, sizes) + np.arange(total, dtype=np.int64)
        yield from _in_batches(self._batches[table], rows)

    def count_null(self, table: str, column: str, keys) -> int:
        """How many rows of ``table`` of the articles with these ``keys`` have no value in
        ``column`` (a quote without a speaker), counted on the stored columns."""
        return sum(
            batch.column(column).take(rows).null_count for batch, rows in self._runs(table, keys)
        )

    def distinct(self, table: str, column: str, keys) -> int:
        """How many different non-null values of the coded ``column`` (a name) the rows of
        ``table`` of the articles with these ``keys`` hold: counted on the names' numbers,
        none of them read as text."""
        import numpy as np

        if column not in PARTS[table].coded:
            raise ValueError(f"{table}.{column} is not stored by number")
        seen = np.zeros(len(self._dictionaries[(table, column)]), dtype=bool)
        for batch, rows in self._runs(table, keys):
            codes = batch.column(column).take(rows).drop_null().to_numpy()
            seen[codes] = True
        return int(seen.sum())

    def rows_holding(self, table: str, column: str, value: str, keys, columns) -> pa.Table:
        """The rows of ``table`` of the articles with these ``keys`` that hold ``value`` in the
        coded ``column``: their ``article_key`` and ``columns`` (uncoded ones), in key order.
        Compared by number, nothing read as text: for a common name's million rows in a year of
        a million articles the entity's articles took 0.11-0.25 s so, 0.45-0.5 s on a gather of
        its rows with their names and ids."""
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        code = self._codes(table, column, [value]).get(value)
        wanted = ["article_key", *columns]
        taken = []
        for batch, rows in self._runs(table, keys) if code is not None else ():
            codes = batch.column(column).take(rows)
            hit = pc.filter(rows, pc.equal(codes, np.int32(code)).fill_null(False))
            taken.append(batch.select(wanted).take(hit))
        schema = self._batches[table].schema
        return pa.Table.from_batches(taken, schema=pa.schema([schema.field(c) for c in wanted]))

    def names(self, table: str, column: str, codes) -> list[str | None]:
        """The names of these numbers of the coded ``column`` (-1: None)."""
        import numpy as np
        import pyarrow as pa

        codes = np.asarray(codes, dtype=np.int64)
        names = self._dictionaries[(table, column)].take(pa.array(np.maximum(codes, 0)))
        return [None if c < 0 else n for c, n in zip(codes, names.to_pylist(), strict=True)]

    def dictionary(self, table: str, column: str) -> pa.Array:
        """The names of the coded ``column``, a name's number its position (in byte order)."""
        return self._dictionaries[(table, column)]

    def any_id_in(self, values: pa.Array) -> bool:
        """Whether some article's id is one of ``values`` (text)."""
        import pyarrow.compute as pc

        return bool(pc.any(pc.is_in(self._ids, value_set=values)).as_py())

    def name_array(self, table: str, column: str, codes: pa.Array) -> pa.Array:
        """The names of these numbers of the coded ``column`` as Arrow text (null: none)."""
        return self._dictionaries[(table, column)].take(codes)

    def coded_rows(self, table: str, keys, columns) -> dict[str, np.ndarray]:
        """The rows of ``table`` of the articles with these ``keys`` as NumPy arrays, the coded
        columns as the names' numbers (-1 for none, never read as text), the others as stored
        (NaN for none), plus ``same``: whether the row names one name twice in the columns of
        :attr:`Part.same_names`. For a view that groups many rows by name: a search's 690,000
        attitude sums at a million articles are gathered so in 0.05 s, grouped in 0.03 s, where
        DuckDB grouped the same rows by their names in 0.27-0.4 s."""
        import numpy as np

        part = PARTS[table]
        wanted = list(dict.fromkeys([*(part.same_names or ()), *columns]))
        found = self.coded_table(table, keys, wanted)
        out = {}
        for name in wanted:
            column = found.column(name).combine_chunks()
            if name in part.coded:
                out[name] = column.fill_null(-1).to_numpy().astype(np.int64)
            else:
                out[name] = column.to_numpy(zero_copy_only=False)
        if part.same_names is not None:
            a, b = (out[c] for c in part.same_names)
            same = self._same[table]
            if len(same):
                out["same"] = (a >= 0) & (same[np.maximum(a, 0)] == b)
            else:
                out["same"] = np.zeros(len(a), dtype=bool)
        return {name: out[name] for name in (*columns, *(("same",) if "same" in out else ()))}

    def coded_table(self, table: str, keys, columns, *, with_key: bool = False) -> pa.Table:
        """``columns`` of ``table``'s rows of the articles with these ``keys`` (first
        ``article_key`` if ``with_key``), in key order, the coded columns as the names' numbers
        (Arrow integers, null for none), never read as text. The numbers are in the names'
        order (byte order, as DuckDB orders text), so a query may group, rank and break ties on
        them as on the names, and read as text only the names it keeps (:meth:`names`)."""
        import pyarrow as pa

        wanted = ["article_key", *columns] if with_key else list(columns)
        schema = self._batches[table].schema
        taken = [batch.select(wanted).take(rows) for batch, rows in self._runs(table, keys)]
        return pa.Table.from_batches(taken, schema=pa.schema([schema.field(c) for c in wanted]))

    def article_column(self, column: str, keys) -> pa.Array:
        """One column of the articles (``title``, ``source``, ``published``) for these integer
        ``keys``, in key order (each key once)."""
        import pyarrow as pa

        parts = [batch.column(column).take(rows) for batch, rows in self._runs("articles", keys)]
        field = self._batches["articles"].schema.field(column)
        column_ = pa.chunked_array(parts, type=field.type).combine_chunks()
        if column in PARTS["articles"].coded:
            column_ = self._dictionaries[("articles", column)].take(column_)
        return column_

    def gather_ids(self, keys: pa.Array) -> pa.Array:
        """The article ids of these integer keys (an article's key is the index of its id)."""
        return self._ids.take(keys)

    def gather(self, table: str, keys) -> pa.Table:
        """``table``'s rows of the articles with these integer ``keys``, in key order: the
        columns of the copy :func:`analysis.filters.rows_in_view` makes from the store (by name;
        ``tests/test_article_index.py`` holds the two alike)."""
        import pyarrow as pa

        part = PARTS[table]
        taken = [batch.take(rows) for batch, rows in self._runs(table, keys)]
        found = pa.Table.from_batches(taken, schema=self._batches[table].schema)
        columns = {}
        if part.key_id is not None:  # the id first, as in the store's tables
            columns[part.key_id] = self._ids.take(found.column("article_key").combine_chunks())
        for name in found.column_names:
            column = found.column(name).combine_chunks()
            if name in part.coded:  # as text: DuckDB reads it faster than a dictionary
                column = self._dictionaries[(table, name)].take(column)
            if name != "article_key" or part.keyed:
                columns[name] = column
        return pa.table(columns)


def _in_batches(batches: _Batches, rows):
    """``(batch, positions)`` for each of ``batches`` holding some of the ascending file
    positions ``rows``: those rows' positions in the batch."""
    import numpy as np
    import pyarrow as pa

    starts = batches.starts
    cuts = np.searchsorted(rows, starts)  # rows is ascending: each batch's run of it
    for i in range(len(batches)):
        if cuts[i + 1] > cuts[i]:
            yield batches[i], pa.array(rows[cuts[i] : cuts[i + 1]] - starts[i])


# The indexes this process has mapped (store path, version) -> Index, and the builds it started.
_loaded: dict[tuple[str, str], Index] = {}
_building: dict[str, subprocess.Popen] = {}
_failed: dict[str, float] = {}  # when a build last failed (monotonic seconds), by store
RETRY_AFTER = 600.0  # seconds before a failed build is tried again
_lock = threading.Lock()


def ensure(store_path: str | Path, version: str, n_articles: int) -> Index | None:
    """The index of the store in state ``version``, mapped (once per process) if it is built;
    else None, and for a store of at least :data:`MIN_ARTICLES` articles a build is started in
    a child process (``presslens index``) if none is running. Cheap when nothing changed."""
    path = str(Path(store_path).resolve())
    found = _loaded.get((path, version))
    if found is not None:
        return found
    where = folder(path, version)
    if (where / "done").exists():
        with _lock:
            if (path, version) not in _loaded:
                try:
                    index = Index(where)
                except (OSError, ValueError) as exc:  # damaged: built again below
                    log.warning("article index %s unusable (%s)", where, exc)
                    shutil.rmtree(where, ignore_errors=True)
                    return None
                for old in [k for k in _loaded if k[0] == path]:
                    del _loaded[old]  # its maps are freed with it
                _loaded[(path, version)] = index
                if os.environ.get(ENV_PREFETCH, "1") != "0":
                    threading.Thread(
                        target=_prefetch_later,
                        args=(where, index),
                        name="index-prefetch",
                        daemon=True,
                    ).start()
            return _loaded[(path, version)]
    if n_articles < MIN_ARTICLES:
        return None
    with _lock:
        running = _building.get(path)
        if running is not None and running.poll() is None:
            return None
        failed = _failed.get(path)
        if failed is not None and time.monotonic() - failed < RETRY_AFTER:
            return None
        if running is not None and running.returncode != 0:  # finished without an index
            _failed[path] = time.monotonic()
            log.warning(
                "building the article index of %s failed (exit %s), see %s; "
                "the views read the store",
                path,
                running.returncode,
                _log_path(path),
            )
            del _building[path]
            return None
        log.info("building the article index of %s", path)
        where.parent.mkdir(parents=True, exist_ok=True)
        with open(_log_path(path), "w") as out:  # the child's messages, for a failed build
            _building[path] = subprocess.Popen(
                [sys.executable, "-m", "dashboard.cli", "index", "--db", path, "--quiet"],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
    return None


# Seconds between mapping the index and reading it ahead: a server maps it while its first page
# is served, and on a cold start that page's own reads (the store's, the app's modules) waited
# behind the 4.9 GB of the read-ahead (the Overview's first run on a cold start 3.1-4.0 s without
# it, 4.7-5.3 s with it at once; 2.6-2.9 s delayed and in the idle class).
PREFETCH_AFTER = 8.0


def _prefetch_later(where: Path, index: Index) -> None:
    time.sleep(PREFETCH_AFTER)
    _idle_io()
    prefetch(where)
    index.map_pages()


def _idle_io() -> None:
    """Put this thread's disk reads in the idle class (Linux ``ioprio_set``, on x86-64 and
    arm64 only): the disk serves them when no other read waits, so a page's own reads go
    first. Nothing is done elsewhere or when the call fails."""
    import ctypes
    import platform

    number = {"x86_64": 251, "aarch64": 30}.get(platform.machine())
    if sys.platform != "linux" or number is None:
        return
    with contextlib.suppress(Exception):
        libc = ctypes.CDLL(None, use_errno=True)
        # who: one thread (IOPRIO_WHO_PROCESS with its id); class 3 (IOPRIO_CLASS_IDLE) << 13
        libc.syscall(number, 1, threading.get_native_id(), 3 << 13)


def prefetch(where: Path) -> list[Path]:
    """Read the index's files once, so that the system keeps them in its page cache: smallest
    first, the long texts last (a list reads a few hundred of them); returns the files read.

    A row filter's first view reads its articles' rows from all over the files: on a cold
    cache, a speaker in 1,000 articles read 1,000 places of the 1.3 GB of attitude sums (the
    Speakers page's matrix 1.07 s; 0.16 s after this, 0.01 s warm). Run in a background thread
    :data:`PREFETCH_AFTER` seconds after the index is first mapped. The kernel sends the files
    to the null device (``sendfile``: the 3 GB of rows at a million articles in 1.4 s and 0.1 s
    of CPU here; read into a buffer, 5.6 s and 4.5 s of CPU), so the pages are the system's
    cache, which it drops again as it needs, not the server's memory.
    (``posix_fadvise(WILLNEED)`` read next to nothing on this machine's ext4.)"""
    try:
        files = sorted(
            (p for p in where.iterdir() if p.suffix in (".arrow", ".npy")),
            key=lambda p: (".texts." in p.name, p.stat().st_size),
        )
    except OSError:  # removed meanwhile (a newer index replaced it)
        return []
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        for path in files:
            try:
                _read_through(path, null)
            except OSError:  # removed meanwhile (a newer index replaced it)
                continue
    finally:
        os.close(null)
    return files


def _read_through(path: Path, null: int) -> None:
    """Read ``path`` whole into the page cache: sent to ``null`` where the system can, else
    read into a small buffer."""
    with open(path, "rb", buffering=0) as fh:
        size, done = os.fstat(fh.fileno()).st_size, 0
        try:
            while done < size:
                sent = os.sendfile(null, fh.fileno(), done, min(size - done, 1 << 30))
                if sent == 0:
                    return
                done += sent
        except (AttributeError, OSError):  # no sendfile to a device here: read it
            fh.seek(done)
            buffer = bytearray(8 << 20)
            while fh.readinto(buffer):
                pass


def _log_path(store_path: str) -> Path:
    return folder(store_path, "").parent / "build.log"


def reader_index(con: duckdb.DuckDBPyConnection, version: str | None) -> Index | None:
    """The index a reader's connection may gather from for filters pinned at ``version``."""
    if version is None or not _loaded:
        return None
    with contextlib.suppress(Exception):
        from analysis.store_lock import READER_CATALOG

        [(path,)] = con.execute(  # all fetched: an open result blocks register()
            "SELECT path FROM duckdb_databases() WHERE database_name = ?", [READER_CATALOG]
        ).fetchall()
        return _loaded.get((str(Path(path).resolve()), version))
    return None
