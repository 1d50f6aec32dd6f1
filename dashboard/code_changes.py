"""Whether presslens's own code changed on disk since this server process loaded it.

Streamlit reads a page's script from disk on every run but keeps the modules it has imported: a
presslens upgraded (or edited) under a running ``presslens dashboard`` ran new pages against old
modules, and a reader saw a traceback ("figure_series() got an unexpected keyword argument
'unit'"). The app asks :func:`changed` once per run (a stat of each source file, about a
millisecond) and, when the code moved, says so and that a restart picks it up.
"""

from __future__ import annotations

import os
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
_PACKAGES = ("analysis", "dashboard")


def fingerprint() -> tuple[tuple[str, int], ...]:
    """Each source file of the packages with its modification time (nanoseconds)."""
    out = []
    for package in _PACKAGES:
        for folder, _dirs, files in os.walk(_ROOT / package):
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    try:
                        out.append((path, os.stat(path).st_mtime_ns))
                    except OSError:  # removed meanwhile: a change too
                        out.append((path, -1))
    return tuple(sorted(out))


_LOADED = fingerprint()  # when the server process first imported the app


def changed() -> bool:
    """Whether any source file was added, removed or modified since the process loaded them."""
    return fingerprint() != _LOADED
