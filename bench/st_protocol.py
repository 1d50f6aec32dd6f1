"""A dashboard session without a browser: Streamlit's own websocket protocol, spoken from Python.

A browser tab talks to the Streamlit server over one websocket (``/_stcore/stream``): it sends
``BackMsg`` protobufs (``rerun_script`` carries the URL's query string and the page to run) and
receives ``ForwardMsg`` protobufs (``new_session``, ``navigation``, the ``delta`` elements the page
draws, and ``script_finished`` when the run is over). :class:`Session` does exactly that with the
protobuf classes Streamlit ships (``streamlit.proto``), so a load test can hold many sessions open
on a few client processes: the server does all the work it does for a browser, while the client
only parses messages (rendering Plotly and the React app is what made 5 browser sessions
client-bound on this machine).

One :meth:`Session.run` = one page opened with one query string, timed from sending the request
to ``script_finished``. An ``exception`` element in the page, an error alert, a compile error or a
"page not found" is recorded as an error of that run (the page's own words, first line).

Checked against Streamlit 1.67 (Starlette server): the first subprotocol entry is the one the
server selects; the XSRF token and session id entries are only needed for auth cookies and
reconnects, which a load session does not use.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

FINISHED_OK = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)


@dataclass
class Run:
    """One page run as the session saw it."""

    page: str
    query: str
    seconds: float
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # warning alerts (e.g. "values ignored")
    elements: int = 0  # elements the page drew (a sanity check that it drew something)
    # the ForwardMsg bytes the server sent for the run: the page's payload as a browser gets it
    # in its first run (the session reports no cached message, so nothing is sent by reference)
    bytes: int = 0


def _first_line(text: str) -> str:
    return (text.strip().splitlines() or [""])[0][:300]


class Session:
    """One dashboard session on ``base_url`` (e.g. ``http://127.0.0.1:8501``)."""

    def __init__(self, base_url: str, *, timeout: float = 120.0) -> None:
        parts = urlsplit(base_url)
        self.ws_url = f"ws://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"
        self.timeout = timeout
        self.pages: dict[str, str] = {}  # url path ("" = the default page) → page_script_hash
        self.nav: list[str] = []  # the url paths the page navigation offers, in its order
        self.page: str | None = None  # the page shown now
        self._ws = None

    async def __aenter__(self) -> Session:
        # No size limit: a page's table arrives as one Arrow message of a few MB.
        self._ws = await connect(self.ws_url, subprotocols=["streamlit"], max_size=None)
        return self

    async def __aexit__(self, *exc) -> None:
        await self._ws.close()

    async def run(self, page: str, query: str = "") -> Run:
        """Open ``page`` (its URL path, ``""`` for the default) with the URL query ``query``.

        The first run names the page by its URL path, as a browser's first request does; later
        runs name it by its script hash, as a click in the page navigation does. Either way the
        server reads the query string afresh (Streamlit re-reads it on a page change, so a
        session switches page with every run; see bench/load.py)."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = query
        if page in self.pages:
            state.page_script_hash = self.pages[page]
        else:
            state.page_name = page
        result = Run(page=page, query=query, seconds=0.0)
        start = time.perf_counter()
        await self._ws.send(msg.SerializeToString())
        try:
            await asyncio.wait_for(self._until_finished(result), self.timeout)
        except TimeoutError:
            result.errors.append(f"no script_finished within {self.timeout:g} s")
        result.seconds = time.perf_counter() - start
        self.page = page
        return result

    async def _until_finished(self, result: Run) -> None:
        while True:
            raw = await self._ws.recv()
            result.bytes += len(raw)
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "delta":
                self._on_delta(fwd, result)
            elif kind == "new_session":
                self._learn_pages(fwd.new_session.app_pages)
            elif kind == "navigation":
                self._learn_pages(fwd.navigation.app_pages)
                self.nav = [p.url_pathname for p in fwd.navigation.app_pages if not p.is_hidden]
            elif kind == "page_not_found":
                result.errors.append(f"page not found: {fwd.page_not_found.page_name!r}")
            elif kind == "session_event":
                event = fwd.session_event
                if event.WhichOneof("type") == "script_compilation_exception":
                    exc = event.script_compilation_exception
                    result.errors.append(f"{exc.type}: {_first_line(exc.message)}")
            elif kind == "script_finished":
                if fwd.script_finished not in FINISHED_OK:
                    result.errors.append(f"script finished with status {fwd.script_finished}")
                return

    def _learn_pages(self, app_pages) -> None:
        for p in app_pages:
            self.pages[p.url_pathname] = p.page_script_hash
            if p.is_default:
                self.pages.setdefault("", p.page_script_hash)

    @staticmethod
    def _on_delta(fwd: ForwardMsg, result: Run) -> None:
        delta = fwd.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        result.elements += 1
        kind = element.WhichOneof("type")
        if kind == "exception":
            exc = element.exception
            line = f"{exc.type}: {_first_line(exc.message)}"
            (result.warnings if exc.is_warning else result.errors).append(line)
        elif kind == "alert":
            if element.alert.format == Alert.ERROR:
                result.errors.append(_first_line(element.alert.body))
            elif element.alert.format == Alert.WARNING:  # whole: the notice lists its values
                result.warnings.append(element.alert.body.strip()[:1000])
