"""The analysis pipeline: inputs → clean articles → spaCy → extractors → the store, in batches.

:func:`analyze_paths` is what the CLI and the dashboard's upload page call. It reads and cleans
every input first (cheap), sets aside what the store already holds (same article id) and
near-duplicates of stored or earlier articles, then parses the rest with ``nlp.pipe`` — in this
process, or in ``workers`` processes that each load the model once — and writes the finished
batches a few at a time (:class:`_Writer`), each write in its own transaction followed by the
corpus identity pass. A bad input becomes one :class:`Failure`; an interrupted run writes what it
has analysed and keeps every write made before.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import dataclasses
import itertools
import logging
import math
import multiprocessing
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from analysis import clean as cleaning
from analysis import datelines, heap, lifeline, nlp
from analysis.ingest import (
    DEFAULT_MAX_BYTES,
    EXPORT_SCHEMA,
    FieldMaps,
    IngestError,
    RawDocument,
    expand_inputs,
    read_file,
)
from analysis.lexicon import aliases as user_aliases
from analysis.lexicon.aliases import Alias
from analysis.records import Article, ArticleResult, Failure, RunSummary

# The store, the identity pass and near-duplicate triage (DuckDB, pandas) are imported where
# they are used: a worker process imports this
# module for the batch function alone and needs none of them.
if TYPE_CHECKING:
    from analysis.dedup import NearDuplicateIndex, Origin
    from analysis.store import Store

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
# Runs the parse somewhere else (analysis.engines): (articles, batch_size) -> finished batches, in
# any order. None = this machine (``workers`` processes).
Engine = Callable[[list[Article], int], Iterable[list[ArticleResult | Failure]]]
DEFAULT_BATCH_SIZE = 32
# One article longer than this is refused with a message (upload page and CLI alike): far beyond
# any news story (~150,000 words), and what one analysis can take within 1.5 GB and a couple of
# minutes (bench/long_article.py). Longer texts are parsed in pieces up to this size.
MAX_ARTICLE_CHARS = 1_000_000


def load_articles(
    paths: Sequence[str | Path],
    *,
    field_map: Mapping[str, str] | FieldMaps | None = None,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    notes: list[str] | None = None,
    max_chars: int = MAX_ARTICLE_CHARS,
) -> tuple[list[Article], list[Failure]]:
    """Read and clean every input; failures name the file (and row) and the reason. ``notes``,
    when given, receives one line per file whose text came from a guessed field, whose articles
    the text's own date redated, whose dates named no day (those articles left undated), or
    whose texts the export cut short."""
    articles: list[Article] = []
    failures: list[Failure] = []
    guessed: dict[tuple[str, str], int] = {}
    redated: dict[str, int] = {}  # articles whose text's own date replaced the given one
    undated: dict[str, list] = {}  # path -> [articles, a date given that names no day]
    truncated: dict[str, int] = {}  # path -> articles whose export cut the text short
    schemas: dict[str, str] = {}  # path -> the export schema of another version it declares
    read: list[Path] = []  # the files found, for the mappings that name none of them
    for item in expand_inputs(list(paths)):
        if isinstance(item, Failure):
            failures.append(item)
            continue
        read.append(item)
        try:
            docs, record_failures = read_file(item, field_map=field_map, max_bytes=max_bytes)
        except IngestError as exc:
            failures.append(Failure(str(item), str(exc)))
            continue
        except Exception as exc:  # an unexpected reader bug must not end the batch
            log.exception("reading %s failed", item)
            failures.append(Failure(str(item), f"cannot read ({type(exc).__name__}: {exc})"))
            continue
        failures.extend(record_failures)
        for raw in docs:
            if "text_field" in raw.extra:
                key = (raw.path, raw.extra["text_field"])
                guessed[key] = guessed.get(key, 0) + 1
            if raw.extra.get("truncated"):
                truncated[raw.path] = truncated.get(raw.path, 0) + 1
            if "schema" in raw.extra:
                schemas[raw.path] = raw.extra["schema"]
            try:
                article = to_article(raw, source=source)
            except Exception as exc:  # one record's unexpected bug must not end the batch
                log.exception("cleaning %s failed", raw.where or raw.path)
                failures.append(
                    Failure(raw.where or raw.path, f"cannot read ({type(exc).__name__}: {exc})")
                )
                continue
            if article is not None and article.published != raw.published and raw.published:
                redated[raw.path] = redated.get(raw.path, 0) + 1
            if article is not None and article.published is None and "unread_date" in raw.extra:
                undated.setdefault(raw.path, [0, raw.extra["unread_date"]])[0] += 1
            where = raw.where or raw.path  # a table's row, a feed's line
            if article is None:
                failures.append(Failure(where, "no article text left after cleaning"))
            elif len(article.text) > max_chars:
                failures.append(
                    Failure(
                        where,
                        f"article is {len(article.text):,} characters long, over the limit of "
                        f"{max_chars:,} per article (split it into several articles)",
                    )
                )
            else:
                articles.append(article)
    if notes is not None:
        notes.extend(
            f"{n} article{'s' if n != 1 else ''} of {path} dated by the date printed at the start "
            f"of the text (a publication stamp, or a dateline more than {datelines.REDATE_DAYS} days "
            "from the date given)"
            for path, n in redated.items()
        )
        notes.extend(
            f"{n} article{'s' if n != 1 else ''} of {path} left undated (a date such as "
            f"“{given}” names no day presslens can read)"
            for path, (n, given) in undated.items()
        )
        notes.extend(
            f"{n} article{'s' if n != 1 else ''} of {path} cut short by the export "
            "(“[+N chars]”: an API's free plan gives the first characters only); "
            "what it gives was analysed"
            for path, n in truncated.items()
        )
        notes.extend(
            f"text read from field “{name}” of {path} ({n} record{'s' if n != 1 else ''}; "
            "no known text field — name another with --map)"
            for (path, name), n in guessed.items()
        )
        notes.extend(
            f"{path} is an export of {schema}, not the {EXPORT_SCHEMA} this presslens reads: its "
            "articles' text, title and date were read as far as they are named alike"
            for path, schema in schemas.items()
        )
        if isinstance(field_map, FieldMaps):
            notes.extend(
                f"--map {pattern}: names none of the inputs, so its columns were not used"
                for pattern in field_map.unmatched(read)
            )
    return articles, failures


def to_article(raw: RawDocument, *, source: str | None = None) -> Article | None:
    """Clean a raw document into an :class:`Article` (None when nothing is left: fewer than
    three words, punctuation and symbols not counting)."""
    raw = _storable(raw)
    cleaned = cleaning.clean(raw.text, title=raw.title)
    words = cleaned.text.split()
    # (three word-like tokens are enough: the rest of a long text is not looked at)
    if len(list(itertools.islice((t for t in words if _WORDLIKE.search(t)), 3))) < 3:
        return None
    tags = tuple(dict.fromkeys(raw.tags + cleaned.tags))
    # the date the text prints at its start wins over one an export gives that disagrees (the
    # raw text: a site's time stamp is cut by the cleaning)
    published, _ = datelines.settled(
        raw.published, " ".join(raw.text[: 2 * datelines.REACH].split())
    )
    return Article(
        id=cleaning.article_id(cleaned.text),
        title=cleaning.clean_title(raw.title),
        text=cleaned.text,
        source=source or raw.source,
        published=published,
        url=raw.url,
        tags=tags,
        path=raw.path,
        n_words=len(words),
        author=raw.author,
    )


# A token with a letter or digit in it: "!!! ??? ---" (a file of punctuation) had been stored as
# an article of three words.
_WORDLIKE = re.compile(r"[^\W_]")
# A UTF-16 surrogate standing alone: JSON may spell one ("\ud800"), and a file name that is not
# UTF-8 comes to Python with one per undecodable byte (b"caf\xe9.txt" -> "caf\udce9.txt"). No
# such string can be encoded as UTF-8: hashing the text or writing the store failed, ending the
# whole batch in a traceback.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _storable(raw: RawDocument) -> RawDocument:
    """``raw`` with every field encodable as UTF-8: a lone surrogate in a text becomes U+FFFD,
    the undecodable bytes of a file name ``\\xe9`` (the path stays one name for one file, so a
    re-run still finds the version it replaces)."""
    fields = (raw.title, raw.text, raw.source, raw.published, raw.url, raw.author, *raw.tags)
    if not any(value and _SURROGATE.search(value) for value in (*fields, raw.path)):
        return raw

    def fix(value: str | None) -> str | None:
        return value if value is None else _SURROGATE.sub("\ufffd", value)

    return dataclasses.replace(
        raw,
        title=fix(raw.title) or "",
        text=fix(raw.text) or "",
        source=fix(raw.source),
        published=fix(raw.published),
        url=fix(raw.url),
        author=fix(raw.author),
        tags=tuple(fix(t) or "" for t in raw.tags),
        path=storable_path(raw.path),
    )


def storable_path(path: str) -> str:
    """``path`` as UTF-8 can hold it: a name's bytes that are not UTF-8 as ``\\xNN``."""
    if not _SURROGATE.search(path):
        return path
    with contextlib.suppress(UnicodeEncodeError):  # a surrogate no file system gives
        path = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _SURROGATE.sub("\ufffd", path)


def analyze_paths(
    paths: Sequence[str | Path],
    store: Store,
    *,
    workers: int = 1,
    field_map: Mapping[str, str] | FieldMaps | None = None,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    reanalyse: bool = False,
    engine: Engine | None = None,
    aliases: tuple[Alias, ...] = (),
    encoder: bool = False,
    write_every: int | None = None,
) -> tuple[RunSummary, list[str]]:
    """Analyse ``paths`` into ``store``. Returns the summary and the ids of the articles in the
    inputs (new and already known), e.g. for a JSON export of just this run."""
    from analysis import identity

    notes: list[str] = []
    articles, failures = load_articles(
        paths, field_map=field_map, source=source, max_bytes=max_bytes, notes=notes
    )
    if source:  # (no --source: nothing to note, and no opening of the store for it)
        with store.session() as con:
            identity.note_explicit_outlet(con, source)  # "--source" names win the outlet joins
    summary = analyze_articles(
        articles,
        store,
        workers=workers,
        batch_size=batch_size,
        progress=progress,
        reanalyse=reanalyse,
        engine=engine,
        aliases=aliases,
        encoder=encoder,
        input_failures=failures,
        write_every=write_every,
    )
    summary.failures[:0] = failures
    summary.notes[:0] = notes
    return summary, list(dict.fromkeys(a.id for a in articles))


def _drop_superseded(store: Store, articles: Sequence[Article], failures: list[Failure]) -> int:
    """Remove what the store holds from these input files that they no longer give: a story's
    id is a hash of its cleaned text, so after the cleaner improved (or a file was edited) a
    run stored it under a new id beside the old one, and every count held it twice. Files
    with a failure in this run keep their old articles (a story that failed now may be one of
    them). Returns how many were removed."""
    paths = {a.path for a in articles if a.path}
    paths = {p for p in paths if not any(f.path.startswith(p) for f in failures)}
    if not paths:
        return 0
    return store.drop_superseded(sorted(paths), list(dict.fromkeys(a.id for a in articles)))


def analyze_articles(
    articles: Sequence[Article],
    store: Store,
    *,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    reanalyse: bool = False,
    engine: Engine | None = None,
    aliases: tuple[Alias, ...] = (),
    encoder: bool = False,
    input_failures: Sequence[Failure] = (),
    write_every: int | None = None,
) -> RunSummary:
    """Deduplicate, parse, extract and store ``articles``. ``aliases`` (a user's alias file,
    analysis.lexicon.aliases) apply to this run's extraction, here or in the worker processes;
    ``encoder`` stores the sentence encoder's attitudes too (analysis.attitude_encoder; with
    a Dask engine, the engine's own setting decides). Finished articles are written every
    ``write_every`` of them (default :data:`WRITE_EVERY_ARTICLES`; see :class:`_Writer`). What
    the stored articles' input files no longer give is removed after the run, but from files
    that failed to read (``input_failures``) or to analyse (:func:`_drop_superseded`)."""
    from analysis import identity

    if aliases and engine is not None:
        raise ValueError("user aliases work with the local engine only")
    summary = RunSummary()
    every = WRITE_EVERY_ARTICLES if write_every is None else write_every
    # The store's lookups before the parse, and its writes after it, each in one opening of the
    # file (an opening and closing costs about 20 ms of CPU, and a run made ten): the file is
    # let go while the articles are parsed, so readers get in between.
    with store.session():
        todo, duplicates, signatures, demoted, rewritten = _triage(
            articles, store, summary, reanalyse=reanalyse
        )
        held = store.known_ids(a.id for a in todo) if reanalyse else set()
        # A run no longer than one write's worth is written once, at its end: an early first
        # write would be a second fixed cost (about 0.5 s) in a run of seconds.
        first_at_once = len(todo) > every and not store.is_large()
    # A near-duplicate is written in the same transaction as its original, never before it: a
    # run killed in between must not leave copies pointing at an original that was never stored.
    # Copies of an original that failed are not stored; a re-run triages them again.
    pending = {a.id for a in todo}
    waiting: dict[str, list[tuple[Article, str]]] = {}
    for dup in duplicates:
        waiting.setdefault(dup[1] if dup[1] in pending else "", []).append(dup)
    # The run's writes leave the summaries' recount to its end: one recount, not one a write
    # (about half a second of CPU each); an interrupted run recounts what it kept.
    with contextlib.ExitStack() as run_end, store.deferring_summaries():
        if waiting.get(""):
            store.write_batch([], waiting.pop(""))
        total = len(todo)
        done = 0
        if progress:
            progress(0, total)
        if engine is None:
            batches = _analyse_batches(
                todo, workers=workers, batch_size=batch_size, aliases=aliases, encoder=encoder
            )
        else:
            batches = engine(todo, batch_size)
        writer = _Writer(
            store,
            summary,
            waiting,
            signatures,
            every_articles=every,
            first_at_once=first_at_once,
            held=held,
        )
        try:
            for batch_results in batches:
                summary.failures.extend(r for r in batch_results if isinstance(r, Failure))
                writer.add([r for r in batch_results if isinstance(r, ArticleResult)])
                done += len(batch_results)
                if progress:
                    progress(done, total)
            # the last write, the removal of superseded versions and the summaries' recount
            # (on leaving deferring_summaries) in one opening of the store
            run_end.enter_context(store.session())
            writer.flush()
            if not todo:
                with store.session() as con:
                    identity.update(con)  # nothing new: still apply joins (and undos) made since
        except KeyboardInterrupt:
            summary.interrupted = True
            writer.flush()  # what was analysed is kept: a finished batch is never lost
            log.warning("interrupted: %d of %d articles analysed and stored", summary.new, total)
        _uncount_unstored_copies(waiting, summary, rewritten)
        _say_demoted(waiting, summary, demoted)
        if not summary.interrupted:  # the versions triaged as stale above, removed
            summary.replaced = _drop_superseded(
                store, articles, [*input_failures, *summary.failures]
            )
    return summary


def _uncount_unstored_copies(waiting, summary: RunSummary, rewritten: Set[str]) -> None:
    """Near-duplicates whose original was not written (the run was interrupted first, or its
    analysis failed) are not stored either: the closing line had counted them among the
    near-duplicates (an interrupted FA-KES run: "15 near-duplicate", 3 stored). They are said
    apart; the next run triages them again. (Stored articles that were to be ``rewritten`` as
    copies of such an original are no inputs of the run: they stay as they were.)"""
    unstored = sum(a.id not in rewritten for copies in waiting.values() for a, _ in copies)
    if unstored:
        summary.duplicates -= unstored
        summary.notes.append(
            f"{unstored} near-duplicate(s) of articles not stored in this run not stored "
            "either; the next run takes them"
        )


def _say_demoted(waiting, summary: RunSummary, demoted: Set[str]) -> None:
    """A note of the stored originals that are now copies of a fuller run of their story."""
    left = {a.id for copies in waiting.values() for a, _ in copies}
    now_copies = len(demoted - left)
    if now_copies:
        summary.notes.append(
            f"{now_copies} stored article(s) now the near-duplicate of a fuller run of the "
            "story in this run"
        )


# Finished batches are written together: each write and, above all, each corpus identity pass
# has a cost that does not shrink with the batch (the pass reads every name in the store), and
# writing every 32-article batch made them 15% of a 200-article run (bench/phases.py). In a run
# of more articles than one write takes, the first finished batch is written at once (a store
# being built shows articles early, and a run killed soon after keeps them); a shorter run is
# written once, at its end. Then a write takes this many analysed articles (the default of
# ``presslens analyze --write-every``) ... (256: a write
# costs about 0.5 s of CPU whatever its size — ~200 statements, the identity pass, the
# summaries — measured on 32 articles into an empty store; at 128, a 200-article run made three;
# the summaries are now recounted once a run, at its end: Store.deferring_summaries)
WRITE_EVERY_ARTICLES = 256
# ... or whatever has finished once this long has passed since the last write, so a slow run
# still shows its progress in the store. The progress bar moves per batch, and an interrupted
# run writes what it has analysed.
WRITE_EVERY_S = 30.0
# A write into a large store costs more: the identity pass reads every name the store holds
# (into 50,000 articles: about 13 s of CPU a write, against half a second into a new store). So the
# next write also waits until this many times the last write's duration has passed, which
# keeps the writes to about a sixth of a run at any store size — ...
WRITE_PAUSE_FACTOR = 5.0
# ... but no more than this many analysed articles wait in memory for it.
WRITE_MAX_PENDING = 4096
# (A large store, Store.is_large, already shows thousands of articles, and its first write
# costs as much as any: there the first finished batch waits like the others.)


class _Writer:
    """Collects finished batches and writes them to the store, with their near-duplicates, in
    one transaction, followed by the corpus identity pass over what the store then holds — the
    first batch at once (unless ``first_at_once`` is False: a large store, or a run of no more
    than ``every_articles``), then every ``every_articles`` articles (default
    :data:`WRITE_EVERY_ARTICLES`) or :data:`WRITE_EVERY_S` seconds, no sooner than
    :data:`WRITE_PAUSE_FACTOR` times the last write's duration, and on :meth:`flush`."""

    def __init__(
        self,
        store: Store,
        summary: RunSummary,
        waiting,
        signatures,
        clock=time.monotonic,
        first_at_once: bool = True,
        every_articles: int | None = None,
        held: Set[str] = frozenset(),
    ) -> None:
        self.store = store
        # the ids the store held before (--reanalyse): written again, they are counted as
        # re-analysed (the closing line had said "3 new" of a store that gained nothing)
        self.held = held
        self.summary = summary
        self.waiting = waiting
        self.signatures = signatures
        self.pending: list[ArticleResult] = []
        self.written = False
        self.last = clock()
        self.took = 0.0  # how long the last write took
        self.clock = clock
        self.first_at_once = first_at_once
        self.every_articles = WRITE_EVERY_ARTICLES if every_articles is None else every_articles

    def add(self, results: list[ArticleResult]) -> None:
        self.pending.extend(results)
        if self.due():
            self.flush()

    def due(self) -> bool:
        """Whether the finished batches are to be written now (see ``every_articles``,
        :data:`WRITE_EVERY_S`, :data:`WRITE_PAUSE_FACTOR`)."""
        if (self.first_at_once and not self.written) or len(self.pending) >= WRITE_MAX_PENDING:
            return True
        waited = self.clock() - self.last
        if waited < WRITE_PAUSE_FACTOR * self.took:
            return False
        return len(self.pending) >= self.every_articles or waited >= WRITE_EVERY_S

    def flush(self) -> None:
        from analysis import identity

        results = self.pending
        start = self.clock()
        if results:
            fresh_ids = [r.article.id for r in results]
            # One transaction for the batch and the corpus identity pass over what the store
            # then holds (one name per actor), the summaries recounted once for both.
            self.store.write_batch(
                results,
                [d for r in results for d in self.waiting.get(r.article.id, [])],
                signatures={r.article.id: self.signatures.get(r.article.id) for r in results},
                then=lambda con: identity.update_within(con, fresh_ids=fresh_ids),
            )
            for r in results:  # written: a retried flush must not write them again
                self.waiting.pop(r.article.id, None)
            self.pending = []
            self.written = True
            self.summary.new += len(results)
            self.summary.reanalysed += sum(r.article.id in self.held for r in results)
            self.took = self.clock() - start
            log.info("wrote %d article(s) in %.1f s", len(results), self.took)
        self.last = self.clock()


class Triage(NamedTuple):
    """What :func:`_triage` made of a run's articles."""

    todo: list[Article]  # to analyse
    duplicates: list[tuple[Article, str]]  # near-duplicates, each with its original's id
    signatures: dict[str, bytes | None]  # of the articles to analyse
    # Stored originals a fuller run of their story in this run replaces, and the stored
    # articles (those and their copies) written again among ``duplicates``, as its copies.
    demoted: set[str]
    rewritten: set[str]


def _triage(
    articles: Sequence[Article],
    store: Store,
    summary: RunSummary,
    *,
    reanalyse: bool,
) -> Triage:
    """Split into articles to analyse, near-duplicates (with their original) and known ones."""
    from analysis import dedup

    # Versions these inputs no longer give (their text now reads otherwise) are no originals
    # for the new ones to be copies of, and copies of them are triaged again: they are
    # removed after the run (_drop_superseded).
    stale, copies_of_stale = store.superseded(
        sorted({a.path for a in articles if a.path}), [a.id for a in articles]
    )
    known = set() if reanalyse else store.known_ids(a.id for a in articles) - copies_of_stale
    index = dedup.NearDuplicateIndex()
    for article_id_, signature, source, published in store.signatures():
        if article_id_ not in stale:
            index.add(article_id_, signature, origin=dedup.Origin.of(source, published))
    # the stored stories these texts may be other versions of: same outlet, same headline
    keys = {a.id: dedup.title_key(a.source, a.title) for a in articles}
    for article_id_, source, title in store.titled_originals(
        [key[1] for key in keys.values() if key is not None]
    ):
        if article_id_ not in stale:
            index.add_title(article_id_, dedup.title_key(source, title))
    todo: dict[str, Article] = {}
    duplicates: list[tuple[Article, str]] = []
    signatures: dict[str, bytes | None] = {}
    seen: set[str] = set()
    texts = {a.id: a.text for a in articles}
    # This run's originals, and stored ones, that a fuller run of their wire story replaced, to
    # the one that did.
    replaced_by: dict[str, str] = {}
    demoted: list[str] = []  # the stored ones
    for article in articles:
        if article.id in known or article.id in seen:
            summary.known += 1
            continue
        seen.add(article.id)
        signature = dedup.signature_bytes(article.text)
        origin = dedup.Origin.of(article.source, article.published)
        original = index.original_of(article.id, signature, keys[article.id])
        if original is None:
            original = _wire_original(index, article, signature, origin, texts, store)
            original = _latest(replaced_by, original)
            if original in todo and dedup.fuller_run(article.text, texts[original]):
                # The earlier run of the story is the copy, of this one: its figures are all
                # here, and this one's extra figures count.
                duplicates.append((todo.pop(original), article.id))
                del signatures[original]
                replaced_by[original] = article.id
                summary.duplicates += 1
                original = None
            elif (
                original is not None
                and original not in todo
                and _fuller_than_stored(article, original, store)
            ):
                # The same for a run stored before (a wire story updated through the day):
                # the stored run and its copies are written again as copies of this one.
                demoted.append(original)
                replaced_by[original] = article.id
                original = None
        if original is not None:
            duplicates.append((article, original))
            summary.duplicates += 1
            continue
        index.add(article.id, signature, keys[article.id], origin)
        signatures[article.id] = signature
        todo[article.id] = article
    rewritten: set[str] = set()
    for stored in demoted:
        story = store.stored_story(stored)
        duplicates.extend((copy, stored) for copy in story)
        rewritten.update(copy.id for copy in story)
    duplicates = [(copy, _latest(replaced_by, original)) for copy, original in duplicates]
    return Triage(list(todo.values()), duplicates, signatures, set(demoted), rewritten)


def _fuller_than_stored(article: Article, original: str, store: Store) -> bool:
    """Whether ``article`` is a fuller run (:func:`analysis.dedup.fuller_run`) of the stored
    wire story ``original``."""
    from analysis import dedup

    text = store.article_texts([original]).get(original)
    return text is not None and dedup.fuller_run(article.text, text)


def _latest(replaced_by: Mapping[str, str], original: str | None) -> str | None:
    """The original that stands for ``original`` now: itself, or the run that replaced it (or
    the one that replaced that)."""
    while original in replaced_by:
        original = replaced_by[original]
    return original


def _wire_original(
    index: NearDuplicateIndex,
    article: Article,
    signature: bytes | None,
    origin: Origin,
    texts: Mapping[str, str],
    store: Store,
) -> str | None:
    """The wire story ``article`` is another outlet's copy of, among this run's originals
    (``texts``) and the store's: the one holding most of the shorter text of the two
    (:func:`analysis.dedup.contained`, at least WIRE_CONTAINMENT) whose figures agree with the
    article's (:func:`analysis.dedup.wire_copy`), the first candidate among equals; or None."""
    from analysis import dedup

    candidates = index.wire_originals(article.id, signature, origin)
    if not candidates:
        return None
    stored = store.article_texts([c for c in candidates if c not in texts])
    words = dedup.shingles(article.text)
    figures = dedup.figures_in(article.text)
    best, best_share = None, 0.0
    for candidate in candidates:
        text = texts[candidate] if candidate in texts else stored.get(candidate)
        if text is None:
            continue
        share = dedup.contained(words, dedup.shingles(text))
        if (
            share >= dedup.WIRE_CONTAINMENT
            and share > best_share
            and dedup.wire_copy(figures, dedup.figures_in(text))
        ):
            best, best_share = candidate, share
    return best


# A run shared among several workers is cut into at least this many batches per worker: 200
# articles in batches of 32 are 7 batches, which 2 workers finish 4 then 3 — one of them idle for
# the last seventh of the run.
BATCHES_PER_WORKER = 4


def split_batches(
    articles: Sequence[Article], batch_size: int, workers: int
) -> list[list[Article]]:
    """``articles`` in batches of ``batch_size``, smaller when that gives ``workers`` (> 1) fewer
    than :data:`BATCHES_PER_WORKER` batches each. Each article is analysed on its own, so the
    cut changes when a batch is done, not what is stored."""
    if workers > 1:
        share = math.ceil(len(articles) / (workers * BATCHES_PER_WORKER))
        batch_size = max(1, min(batch_size, share))
    return [list(articles[i : i + batch_size]) for i in range(0, len(articles), batch_size)]


def _analyse_batches(
    articles: list[Article],
    *,
    workers: int,
    batch_size: int,
    aliases: tuple[Alias, ...] = (),
    encoder: bool = False,
) -> Iterator[list[ArticleResult | Failure]]:
    batches = split_batches(articles, batch_size, workers)
    if not batches:
        return
    if workers <= 1 or len(batches) == 1:
        language = nlp.load()
        for batch in batches:
            yield analyse_batch(batch, language, aliases=aliases, encoder=encoder)
        return
    # "spawn": a forked child would inherit the parent's DuckDB connection and threads.
    ctx = multiprocessing.get_context("spawn")
    # Each worker watches this process and ends itself if it is killed outright (SIGKILL, OOM).
    with cf.ProcessPoolExecutor(
        max_workers=workers,
        mp_context=ctx,
        initializer=_start_worker,
        initargs=(os.getpid(),),
    ) as pool:
        with _main_script_hidden():  # the workers start on the first submits
            futures = [
                pool.submit(_analyse_batch_in_worker, batch, aliases, encoder) for batch in batches
            ]
        try:
            for future in futures:  # in submission order, so the progress bar is monotonic
                yield future.result()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


@contextlib.contextmanager
def _main_script_hidden() -> Iterator[None]:
    """Within the ``with``, a spawned worker does not run this process's main script again.

    A "spawn" child imports the parent's ``__main__`` from its file, so that functions defined
    there unpickle. The workers need none of it (their task and initializer live here), and a
    main script with no ``if __name__ == "__main__"`` guard ran again in every worker: after
    Streamlit's AppTest, whose app module stays ``__main__``, the Streamlit page ran in each
    worker and failed there, and the pool broke (a test run in another order than the suite's)."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if path is None or getattr(main, "__spec__", None) is not None:  # by name (-m): imported
        yield
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path


def _parses(batch: list[Article], language) -> Iterator[object]:
    """The parse of each article in order (or its :class:`Failure`): runs of ordinary articles
    through one ``nlp.pipe``, a long one in pieces (analysis.chunking). If the pipe fails on
    one text, the rest of its run is parsed one by one, so only that article is lost."""
    from analysis import chunking

    i = 0
    while i < len(batch):
        if len(batch[i].text) > chunking.CHUNK_CHARS:
            yield _parse_one(batch[i], lambda text: chunking.parse(language, text))
            i += 1
            continue
        j = i
        while j < len(batch) and len(batch[j].text) <= chunking.CHUNK_CHARS:
            j += 1
        try:
            for doc in language.pipe((a.text for a in batch[i:j]), batch_size=j - i):
                yield doc
                i += 1
        except Exception:
            log.warning("parsing a batch failed; parsing its articles one by one", exc_info=True)
            while i < j:
                yield _parse_one(batch[i], language)
                i += 1


def _parse_one(article: Article, parse: Callable) -> object:
    try:
        return parse(article.text)
    except Exception as exc:  # MemoryError included: this article is lost, not its batch
        log.exception("parsing %s failed", article.path or article.id)
        return Failure(article.path or article.id, f"cannot be parsed ({type(exc).__name__})")


def _start_worker(parent_pid: int) -> None:
    """A worker process's start: it watches this process, loads the model (its objects frozen:
    analysis.heap) and, at exit, leaves without the interpreter's teardown, which the pool's
    shutdown would wait for."""
    lifeline.watch_parent(parent_pid)
    lifeline.exit_without_teardown()
    # A missing model is raised again by the first task, and so reaches the caller with its
    # message (an initializer's error only breaks the pool).
    with heap.loading(freeze=True), contextlib.suppress(nlp.ModelNotFound):
        nlp.load()


def _analyse_batch_in_worker(
    batch: list[Article], aliases: tuple[Alias, ...] = (), encoder: bool = False
) -> list[ArticleResult | Failure]:
    return analyse_batch(batch, nlp.load(), aliases=aliases, encoder=encoder)


def analyse_batch(
    batch: Iterable[Article],
    language,
    *,
    aliases: tuple[Alias, ...] = (),
    encoder: bool | None = None,
) -> list[ArticleResult | Failure]:
    """Parse ``batch`` with ``nlp.pipe`` and run the extractors on each parse (with the
    user's ``aliases`` on top of the curated name tables; with the sentence encoder's
    attitudes when ``encoder``, as the caller's setting is when None)."""
    from analysis import attitude_encoder

    if encoder is None:
        encoder = attitude_encoder.is_enabled()
    with user_aliases.using(aliases), attitude_encoder.enabled(encoder):
        return _analyse_batch(batch, language)


def _analyse_batch(batch: Iterable[Article], language) -> list[ArticleResult | Failure]:
    from analysis.extract import extract_article  # the extractors import spaCy helpers lazily

    batch = list(batch)
    out: list[ArticleResult | Failure] = []
    for article, doc in zip(batch, _parses(batch, language), strict=True):
        if isinstance(doc, Failure):
            out.append(doc)
            continue
        # The parse of exactly this text (spaCy keeps every character, and chunking.parse checks
        # its joins), so nlp.text_of need not rebuild it from the tokens.
        doc.user_data[nlp.TEXT_KEY] = article.text
        try:
            out.append(extract_article(doc, article))
        except Exception as exc:  # one article's extractor bug must not lose the batch
            log.exception("extraction failed for %s", article.path)
            out.append(
                Failure(
                    article.path or article.id, f"analysis failed ({type(exc).__name__}: {exc})"
                )
            )
    return out
