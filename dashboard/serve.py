"""The Streamlit server process that ``presslens dashboard`` and ``report`` start:
``python -m dashboard.serve PARENT_PID STREAMLIT_ARGS...`` runs ``streamlit`` in this process
after starting a parent-death watch (:mod:`analysis.lifeline`), so a server whose presslens was
killed outright stops instead of serving on (and holding its store) under PID 1."""

from __future__ import annotations

import sys

from analysis import lifeline


def main() -> None:
    parent = int(sys.argv[1])
    lifeline.watch_parent(parent)
    from streamlit.web import cli as streamlit_cli

    sys.argv = ["streamlit", *sys.argv[2:]]
    sys.exit(streamlit_cli.main())


if __name__ == "__main__":
    main()
