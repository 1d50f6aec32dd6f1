"""Make ``world-110m-outline.json``: the borders and coastlines of Natural Earth's 1:110m countries
as plain longitude/latitude polylines, for the Places map to draw offline.

Source: the ``countries-110m.json`` TopoJSON of the npm package ``world-atlas`` 2.0.2 (Natural
Earth, public domain; packaging © Michael Bostock, ISC licence). Each TopoJSON arc (a shared border
or a stretch of coast) becomes one polyline, so every border is drawn once. Run once, by hand:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python dashboard/assets/make_world_outline.py package/countries-110m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "world-110m-outline.json"


def decode_arcs(topo: dict) -> list[list[list[float]]]:
    """TopoJSON's quantised, delta-encoded arcs as absolute [lon, lat] points (2 decimals)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * sx + tx, 2), round(y * sy + ty, 2)])
        out.append(points)
    return out


def main(src: str) -> None:
    topo = json.loads(Path(src).read_text())
    payload = {
        "source": "world-atlas 2.0.2 countries-110m (Natural Earth, public domain)",
        "arcs": decode_arcs(topo),
    }
    OUT.write_text(json.dumps(payload, separators=(",", ":")))
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, {len(payload['arcs'])} arcs)")


if __name__ == "__main__":
    main(sys.argv[1])
