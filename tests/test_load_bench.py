"""The load benchmark's client (bench/load.py, bench/st_protocol.py) against a real server.

So that the benchmark cannot rot: four page runs of each of two sessions on the small dashboard store must
visit pages that draw something and finish without an error, and the protocol client must carry
the URL's filters to the page (an unknown outlet in the query string gets the page's "values
ignored" notice). No timing is asserted: the machine is shared. Plus the one part that needs no
server — a page's exception element is recorded as an error of its run.
"""

from __future__ import annotations

import asyncio
import json

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench import load
from bench.st_protocol import Run, Session
from dashboard import launch


def test_a_short_load_run_visits_pages_without_error(dashboard_db, tmp_path):
    out = tmp_path / "load.json"
    code = load.main(
        [str(dashboard_db), "--sessions", "2", "--runs", "4", "--seconds", "300", "--clients", "1",
         "--think", "0", "0.2", "--ramp", "0", "--warmup", "0", "--json", str(out)]
    )  # fmt: skip
    result = json.loads(out.read_text())
    assert result["errors"] == [] and code == 0
    runs = result["runs"]
    assert len(runs) == 8 and len({r["page"] for r in runs}) >= 3  # it switched pages
    assert all(r["elements"] > 5 for r in runs)  # every page drew its sidebar and content
    assert result["overall"]["n"] == len(runs)
    assert result["meta"]["peak_rss_mb"] > 50  # the server's tree was sampled


def test_the_query_string_reaches_the_page(dashboard_db):
    async def visit(url: str) -> tuple[Run, Run, list[str]]:
        async with Session(url) as session:
            bad = await session.run("", "source=nosuchoutlet")
            good = await session.run("speakers", "scorer=VADER")
            return bad, good, session.nav

    with launch.background_server(dashboard_db, read_only=True) as url:
        bad, good, nav = asyncio.run(visit(url))
    assert not bad.errors and not good.errors
    assert any("nosuchoutlet" in w for w in bad.warnings), bad.warnings
    assert not good.warnings
    assert bad.bytes > 10_000 and good.bytes > 10_000  # the pages' payload, counted
    assert {"speakers", "entities", "places"} <= set(nav)


def test_an_exception_element_is_an_error_of_the_run():
    msg = ForwardMsg()
    msg.delta.new_element.exception.type = "KeyError"
    msg.delta.new_element.exception.message = "'speaker'\nmore lines"
    run = Run(page="speakers", query="", seconds=0.0)
    Session._on_delta(msg, run)
    assert run.errors == ["KeyError: 'speaker'"] and run.elements == 1
    warning = ForwardMsg()
    warning.delta.new_element.exception.type = "DeprecationWarning"
    warning.delta.new_element.exception.is_warning = True
    Session._on_delta(warning, run)
    assert len(run.errors) == 1 and run.warnings == ["DeprecationWarning: "]
