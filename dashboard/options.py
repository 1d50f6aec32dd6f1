"""Command-line pieces shared by ``dashboard.cli`` and the report command: the installed version,
and the checked ``NAME=VALUE`` parsing of repeatable options. Kept apart from both so that
neither imports the other (the CLI calls the report; the report parses its own options)."""

from __future__ import annotations

from collections.abc import Iterable


def split_assignment(
    item: str,
    *,
    option: str,
    kind: str,
    names: Iterable[str],
    example: str,
    form: str = "NAME=VALUE",
) -> tuple[str, str]:
    """``NAME=VALUE`` of a repeatable option (``--map``, ``--filter``, ``--choice``), checked:
    NAME one of ``names``, VALUE not empty (surrounding quotes dropped). Raises ValueError with
    the line the user sees."""
    name, sep, value = item.partition("=")
    name, value = name.strip(), value.strip()
    # One surrounding pair of quotes only: a search may end in a "phrase" of its own.
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    if not sep or not name or not value:
        raise ValueError(f"{option} {item!r}: expected {form}, e.g. {example}")
    names = tuple(names)
    if name not in names:
        raise ValueError(f"{option} {item!r}: unknown {kind} {name!r} (one of {', '.join(names)})")
    return name, value


def presslens_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("presslens")
    except PackageNotFoundError:
        return "0.0.0+local"
