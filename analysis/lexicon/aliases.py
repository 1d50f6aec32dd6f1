"""A user's alias file: more name variants for one run of ``presslens analyze --aliases FILE``.

The curated alias tables (``org_aliases``, ``person_aliases``, ``norp_groups``,
``country_aliases`` in this package) say which spellings name the same actor. A user extends or
overrides them without editing code with a UTF-8 TSV file, one alias a line::

    # variant<TAB>canonical<TAB>label       (lines starting with "#" and blank lines are skipped)
    Acme Widgets Co<TAB>Acme Widgets<TAB>ORG
    Blighty<TAB>United Kingdom<TAB>GPE

``label`` is one of :data:`LABELS`. A variant is matched as the curated tables match theirs:
ORG, GPE and NORP variants case-insensitively and without accents (a variant of up to four
capitals, like "WHO", only in capitals), PERSON variants by their name key (particles such as
"al-" dropped). A user line wins over a curated entry for the same variant. :func:`read_file`
checks the whole file first and raises one :class:`AliasFileError` naming the file, the line
and the reason. The aliases apply where names are resolved (analysis/entities.py), in whichever
process runs the extractors: :func:`using` sets them for the extraction of a batch.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# The entity label a line names → the curated table it extends.
LABELS = {
    "ORG": "org_aliases",
    "PERSON": "person_aliases",
    "NORP": "norp_groups",
    "GPE": "country_aliases",
}


@dataclass(frozen=True)
class Alias:
    """One line of an alias file: ``variant`` is shown as ``canonical``, an entity of ``label``."""

    variant: str
    canonical: str
    label: str


class AliasFileError(ValueError):
    """An alias file that cannot be used; the message names the file, the line and the reason."""

    def __init__(self, path: str | Path, line: int | None, reason: str) -> None:
        where = f"{path}, line {line}" if line else str(path)
        super().__init__(f"alias file {where}: {reason}")


class Active:
    """The aliases in force for one extraction. Hashed by identity, so the tables built from
    them can be cached per run without hashing every alias on each lookup."""

    __slots__ = ("entries",)

    def __init__(self, entries: tuple[Alias, ...]) -> None:
        self.entries = entries

    def of_label(self, *labels: str) -> list[Alias]:
        """The aliases of these labels, in file order."""
        return [a for a in self.entries if a.label in labels]


NONE = Active(())
# The user's aliases for the extraction running in this context (NONE: the curated tables
# only). A context variable, not a module global, so a run's aliases end with the run.
_ACTIVE: contextvars.ContextVar[Active] = contextvars.ContextVar("presslens_aliases", default=NONE)


def read_file(path: str | Path) -> tuple[Alias, ...]:
    """Every alias in the TSV file at ``path``, checked; raises :class:`AliasFileError`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise AliasFileError(path, None, "not UTF-8 text") from None
    except OSError as exc:
        raise AliasFileError(path, None, f"cannot be read ({exc.strerror or exc})") from None
    found: dict[tuple[str, str], Alias] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        alias = _parse_line(path, number, line)
        key = (alias.variant.casefold(), alias.label)
        if key in found and found[key].canonical != alias.canonical:
            raise AliasFileError(
                path,
                number,
                f"{alias.variant!r} ({alias.label}) is already an alias of "
                f"{found[key].canonical!r} on an earlier line",
            )
        found[key] = alias
    if not found:
        raise AliasFileError(
            path, None, "no alias in it (expected variant<TAB>canonical<TAB>label)"
        )
    return tuple(found.values())


def _parse_line(path: str | Path, number: int, line: str) -> Alias:
    fields = [field.strip() for field in line.split("\t")]
    if len(fields) != 3:
        raise AliasFileError(
            path,
            number,
            f"expected 3 tab-separated fields (variant, canonical, label), found {len(fields)}",
        )
    variant, canonical, label = fields
    if not variant or not canonical:
        raise AliasFileError(path, number, "the variant and the canonical name cannot be empty")
    if label.upper() not in LABELS:
        raise AliasFileError(path, number, f"unknown label {label!r} (one of {', '.join(LABELS)})")
    return Alias(variant, canonical, label.upper())


def active() -> Active:
    """The user's aliases in force here (:data:`NONE` when none were given)."""
    return _ACTIVE.get()


@contextlib.contextmanager
def using(extra: tuple[Alias, ...]) -> Iterator[None]:
    """Resolve names with ``extra`` on top of the curated tables inside this block."""
    token = _ACTIVE.set(Active(tuple(extra)) if extra else NONE)
    try:
        yield
    finally:
        _ACTIVE.reset(token)
