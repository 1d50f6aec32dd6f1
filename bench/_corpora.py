"""Where the benchmark and evaluation scripts find the shared data sets (never copied in here)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


def corpus(name: str) -> Path:
    """Path of a shared data set, with a clear exit when it is not beside the checkout."""
    path = SHARED_DATA / name
    if not path.exists():
        raise SystemExit(f"{path} not found: the shared data sets live in ../shared/data")
    return path
