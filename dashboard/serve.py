"""The Streamlit server process that ``presslens dashboard`` and ``report`` start.

``python -m dashboard.serve PARENT_PID run APP [streamlit options]`` runs ``streamlit`` in this
process after three things. First, a parent-death watch (:mod:`analysis.lifeline`): a server whose
presslens was killed outright stops instead of serving on (and holding its store) under PID 1.
Second, a filter on Streamlit's startup noise: a newcomer reads three of its log lines as errors
though nothing is wrong — "Did not auto detect external IP" (the server asks an internet service
for its public address; offline it cannot, and presslens never needs it), "No runtime found, using
MemoryCacheStorageManager" and "… missing ScriptRunContext" (code touching ``st.*`` outside a page
run, e.g. a progress callback from a worker thread — harmless here). Those exact messages are
dropped; every other warning and error still shows. Third, the place gazetteer starts loading in
the background, so the first visit to the Places page does not pay for it (unless
``PRESSLENS_WARM_PLACES=0``: a report without the Places page has no use for it), and so do the
app's own modules (and Plotly's figure classes, :func:`dashboard.charts.warm`), once Streamlit's
runtime has started, and then what every first page run reads from the store
(:func:`dashboard.data.warm`).
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import threading
import time

from analysis import lifeline
from dashboard.settings import ENV_WARM_PLACES

NOISE = (
    "Did not auto detect external IP",
    "No runtime found, using MemoryCacheStorageManager",
    "missing ScriptRunContext",
)
NOISY_LOGGERS = (
    "streamlit.net_util",
    "streamlit.runtime.caching.cache_data_api",
    "streamlit.runtime.caching.cache_resource_api",
    "streamlit.runtime.scriptrunner_utils.script_run_context",
)


class QuietStartup(logging.Filter):
    """Drops the log records whose message is one of :data:`NOISE`."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not any(noise in message for noise in NOISE)


def quiet() -> None:
    """Install the filter on the loggers that write those lines (idempotent)."""
    for name in NOISY_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, QuietStartup) for f in logger.filters):
            logger.addFilter(QuietStartup())


def load_gazetteer() -> None:
    """Load the place gazetteer's tables: the places, the namesakes and the villages."""
    from analysis import geo

    geo.locate("Damascus")
    geo.shared("Damascus")  # the namesakes table, which the map reads too
    geo.locate("Armanaz")  # and the village table (0.3 s of the map's first load)


def warm_gazetteer() -> None:
    """Load the place gazetteer in a background thread while the server starts. Loading it
    takes 5–15 s of CPU; done by the first visit to the Places page, it held up that visitor and,
    through the GIL, every other session of the server (bench/load.py)."""
    threading.Thread(target=load_gazetteer, name="warm-gazetteer", daemon=True).start()


# What every page run imports first (pandas, Plotly, the views, the sidebar): imported while the
# server starts and the browser loads the app, not in the first visitor's run (0.6–1 s).
APP_MODULES = (
    "dashboard.code_changes",  # first: the code as this process loads it
    "dashboard.data",
    "dashboard.charts",
    "dashboard.components",
    "dashboard.filters_ui",
    "dashboard.reporting",
)


def warm_app_modules(timeout: float = 60.0) -> None:
    """Import :data:`APP_MODULES` in a background thread once Streamlit's runtime has started
    (the server's own start-up imports are done by then, and the modules' caches are made as
    in a page run), then warm the store's shared first-run values (:func:`dashboard.data.warm`).
    A run that needs a module meanwhile waits on Python's import lock for it, and a run that
    needs a value being warmed waits on Streamlit's lock for it: nothing is done twice."""

    def _import() -> None:
        from streamlit.runtime import Runtime, RuntimeState

        deadline = time.monotonic() + timeout
        while not (Runtime.exists() and Runtime.instance().state != RuntimeState.INITIAL):
            if time.monotonic() > deadline:
                return
            time.sleep(0.02)
        for name in APP_MODULES:
            importlib.import_module(name)
        # Then Plotly's figure classes, and what every first page run reads from the store
        # (its version, index, the sidebar's lists): done now, the first visitor finds them.
        try:
            importlib.import_module("dashboard.charts").warm()
            importlib.import_module("dashboard.filters_ui").warm()
        except Exception as exc:  # noqa: BLE001 - the first page run meets the error and shows it
            logging.getLogger(__name__).info("store not warmed: %s", exc)

    threading.Thread(target=_import, name="warm-app", daemon=True).start()


def main() -> int:
    lifeline.watch_parent(int(sys.argv[1]))
    quiet()
    if os.environ.get(ENV_WARM_PLACES, "1") != "0":
        warm_gazetteer()
    from streamlit.web import cli

    # Only now: a thread importing Streamlit while this one does would see it half-initialised.
    warm_app_modules()

    sys.argv = ["streamlit", *sys.argv[2:]]
    return cli.main()


if __name__ == "__main__":
    raise SystemExit(main())
