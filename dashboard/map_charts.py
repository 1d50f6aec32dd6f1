"""The Places map, drawn offline: country borders and coasts from a shipped outline (Natural
Earth 1:110m, see ``assets/make_world_outline.py``) and the places as bubbles at their gazetteer
coordinates, on a plain Plotly scatter — no tile server, no topojson fetched from a CDN (Plotly's
``scattergeo`` would download its world map at view time; plotly.py does not ship it).

Longitude is x and latitude is y, with y stretched by 1/cos(latitude) of the view's centre so that
shapes keep their proportions where the map is looked at. Bubble area follows the count; colour
follows the place's main category of figures. Like :mod:`dashboard.charts`: frame in, figure out.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import CATEGORY_TITLES, _style

OUTLINE = Path(__file__).resolve().parent / "assets" / "world-110m-outline.json"
MENTIONED_ONLY = "mentioned only"
MAX_BUBBLE = 46  # px diameter of the largest place


@functools.lru_cache(maxsize=1)
def outline_xy() -> tuple[tuple, tuple]:
    """The outline as one polyline: longitudes and latitudes with ``None`` between arcs."""
    arcs = json.loads(OUTLINE.read_text())["arcs"]
    xs: list = []
    ys: list = []
    for arc in arcs:
        for i, (lon, lat) in enumerate(arc):
            if i and abs(lon - arc[i - 1][0]) > 180:
                # A coast crossing the date line (Russia, Fiji, Antarctica) jumps from +180 to
                # -180: broken there, not drawn as a line across the whole map.
                xs.append(None)
                ys.append(None)
            xs.append(lon)
            ys.append(lat)
        xs.append(None)
        ys.append(None)
    return tuple(xs), tuple(ys)


def places_note(
    table: pd.DataFrame, region: str = "", size_by: str = "", selected: str | None = None
) -> str:
    """What the map of ``table`` (:func:`analysis.place_views.places`) draws and leaves out: the
    page's caption and the report's note. Sized by figures (``size_by="n_figures"``), only the
    places that report one are drawn, and the note says how many (an analyst had counted 404
    places drawn where 150 were)."""
    places = f"{len(table):,} places" + (f" in {region}" if region else "")
    if size_by == "n_figures" and (with_figures := int((table["n_figures"] > 0).sum())) < len(
        table
    ):
        places += (
            f", {with_figures:,} of them with figures (drawn; size by articles to see them all)"
        )
    parts = [places]
    if size_by and (far := outside_view(table, size_by, selected)):
        named = ", ".join(far[:3]) + (" …" if len(far) > 3 else "")
        parts.append(
            f"{len(far):,} of those drawn {'lies' if len(far) == 1 else 'lie'} outside the "
            f"map's first view ({named}): drag the map or zoom out"
        )
    untagged = table.loc[(table["n_figures"] > 0) & (table["n_articles"] == 0), "place"]
    if untagged.size:
        # The two counts come from two readings: "articles" those whose tagger named the place
        # a place, "figures" those whose sentence puts a figure there. "Tamarac: 0 articles, 12
        # figures" (a golf-course story the tagger read as an organisation's) had looked like
        # a slip; the caption says why, and the place's articles below list both kinds.
        named = ", ".join(untagged.head(3)) + (" …" if untagged.size > 3 else "")
        parts.append(
            f"{untagged.size:,} {'places have' if untagged.size > 1 else 'place has'} figures "
            f"but 0 articles ({named}): an article counts where the tagger takes the name for "
            "a place, a figure where its sentence puts it, and the tagger took these names for "
            "something else (an organisation, a building); a place's articles below list both"
        )
    if up_to := [p for p in table.attrs.get("articles_up_to", ()) if p in set(table["place"])]:
        named = ", ".join(up_to[:3]) + (" …" if len(up_to) > 3 else "")
        parts.append(
            f"{len(up_to):,} {'places' if len(up_to) > 1 else 'place'} spelled more ways than "
            f"one ({named}) count up to their number of articles: on a store this large an "
            "article naming two of a place's spellings is counted for each"
        )
    parts.append(
        f"{table.attrs.get('unlocated', 0):,} place names in the articles in view are not in "
        "the gazetteer and are not drawn, nor are continents and regions such as North "
        "America or the Middle East"
    )
    if rare := table.attrs.get("rare", 0):
        parts.append(
            f"{rare:,} rarer names (after the {table.attrs.get('mapped_max', 0):,} most named) "
            "are not looked up"
        )
    # One sentence each (every part opens with its count): joined by semicolons, the real
    # store's note ran to one 90-word sentence a reader lost the thread of.
    return " ".join(f"{part}." for part in parts)


# Each category's colour, the same on every map whatever the filters keep (given by the
# categories present, "Money" had been purple under one outlet and brown over all of them).
_CATEGORY_COLOURS = {
    "killed": "#d62728", "injured": "#ff7f0e", "missing": "#9467bd", "displaced": "#2ca02c",
    "remaining": "#8c564b", "troops": "#1f77b4", "territory_share": "#17becf",
    "people": "#e377c2", "percent": "#bcbd22", "money": "#393b79", "price": "#6b6ecf",
    "other": "#637939",
}  # fmt: skip


def spelled_places(table: pd.DataFrame) -> dict[str, str]:
    """The articles' own spellings of the places in ``table`` as options of the place picker,
    each for the place it spells ("Raqqa → Ar Raqqah"): the map's names are the gazetteer's,
    and a reader typing "Raqqa", "Hama" or "Palmyra" had found nothing. The plain names stay
    the picker's options and its links; a link may hold one of these, and means its place."""
    known = set(table["place"])
    out = {}
    for place, names in zip(table["place"], table["names"], strict=True):
        for name in names:
            if name != place and name not in known:
                out[f"{name} → {place}"] = place
    return dict(sorted(out.items()))


def category_colours(categories) -> dict[str, str]:
    present = set(categories)
    colours = {c: colour for c, colour in _CATEGORY_COLOURS.items() if c in present}
    colours[MENTIONED_ONLY] = "#9e9e9e"
    return colours


def _articles_count(place: str, n: int, up_to: set[str]) -> str:
    """A place's article count as the hover writes it: "up to 123" where it is the sum of its
    spellings' counts (:data:`analysis.place_views.EXACT_ARTICLES_ROWS_MAX`)."""
    return f"up to {int(n)}" if place in up_to else str(int(n))


def places_map(df: pd.DataFrame, *, size_by: str, selected: str | None = None) -> go.Figure:
    """Bubbles for the places of ``df`` (from :func:`analysis.place_views.places`), area by
    ``size_by`` ("n_figures" or "n_articles"); ``selected`` gets a black ring."""
    xs, ys = outline_xy()
    fig = go.Figure()
    fig.add_scatter(
        x=xs, y=ys, mode="lines", line=dict(color="#b9b9b9", width=0.8), hoverinfo="skip",
        showlegend=False,
    )  # fmt: skip
    up_to = set(df.attrs.get("articles_up_to", ()))
    df = df[df[size_by] > 0]
    biggest = max(float(df[size_by].max()), 1.0) if not df.empty else 1.0
    colours = category_colours(df["top_category"])
    for category in colours:
        part = df[df["top_category"] == category]
        if part.empty:
            continue
        sizes = [max(6.0, MAX_BUBBLE * math.sqrt(v / biggest)) for v in part[size_by]]
        fig.add_scatter(
            x=part["lon"], y=part["lat"], mode="markers",
            name=CATEGORY_TITLES.get(category, category),
            marker=dict(size=sizes, color=colours[category], opacity=0.75,
                        line=dict(width=[2.5 if p == selected else 0.5 for p in part["place"]],
                                  color=["#000" if p == selected else "#fff" for p in part["place"]])),
            customdata=part[["place", "n_figures"]].astype(str).assign(
                n_articles=[_articles_count(p, n, up_to) for p, n in
                            zip(part["place"], part["n_articles"], strict=True)]
            ).values,
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]} figures · "
            "%{customdata[2]} articles tagging it a place<extra></extra>",
        )  # fmt: skip
    fig = _style(fig, title="Where the articles report figures and name places", height=560)
    (x0, x1), (y0, y1), ratio = _view_box(df, size_by, selected)
    labels = place_labels(df, size_by, selected, ((x0, x1), (y0, y1)))
    if labels:
        # the names of the largest bubbles, on the map itself: a PNG or PDF of the page has no
        # hover, and a map of unnamed bubbles said nothing of where (the reports' Places page)
        # (each name on an invisible marker the size of its bubble, so Plotly sets it off by
        # the bubble's radius whatever the page's scale)
        fig.add_scatter(
            x=[x for _, x, _, _, _ in labels], y=[y for _, _, y, _, _ in labels],
            mode="markers+text", marker=dict(size=[d for *_, d in labels], opacity=0),
            text=[name for name, *_ in labels], textposition=[at for *_, at, _ in labels],
            textfont=dict(size=11, color="#333"), hoverinfo="skip", showlegend=False,
        )  # fmt: skip
    fig.update_xaxes(range=[x0, x1], visible=False, constrain="domain")
    fig.update_yaxes(range=[y0, y1], visible=False, scaleanchor="x", scaleratio=ratio)
    fig.update_layout(
        legend=dict(orientation="h", y=-0.02, yanchor="top", x=0, xanchor="left"),
        plot_bgcolor="#f4f8fb", dragmode="pan",
    )  # fmt: skip
    return fig


# The places named on the map: the largest bubbles first, as many as fit without one name
# running over another (or over a larger named bubble), and the selected place always.
MAX_LABELS = 8
# The plot's size in pixels on the narrowest page it is read on (a 1024-px screen with the
# sidebar open draws it 560 px wide; 816 at 1280, 940 from 1500 px on), at the map's ratio
# (LAT_SHARE), and a name's size at 11 px. Names placed at this scale stay apart, and inside the
# frame, on every wider page: the x axis keeps its range, so a wider plot only sets them further
# apart (a narrower one shows more latitudes). Placed at 940 px, "United Kingdom" at the east
# edge ran off the map at 1280 px; placed at 800, off it at 1024 ("United Kin") and London's
# name ran into Germany's.
PLOT_PX = (560, 280)
CHAR_PX, LINE_PX = 6.5, 14


def place_labels(
    drawn: pd.DataFrame, size_by: str, selected: str | None, box: tuple
) -> list[tuple[str, float, float, str, float]]:
    """``(name, lon, lat, textposition, marker diameter)`` for each place :func:`places_map`
    names: tried beside its
    bubble to the right, then left, above and below, where the name overlaps no name placed
    before it and no larger named bubble and stays inside the frame; the largest bubbles first,
    at most :data:`MAX_LABELS`, only places inside the view ``box`` (``((x0, x1), (y0, y1))``)."""
    if drawn.empty or "place" not in drawn:
        return []
    (x0, x1), (y0, y1) = box
    px_x, px_y = (x1 - x0) / PLOT_PX[0], (y1 - y0) / PLOT_PX[1]  # degrees per pixel
    biggest = max(float(drawn[size_by].max()), 1.0)
    order = drawn.assign(_sel=drawn["place"] == selected).sort_values(
        ["_sel", size_by], ascending=False, kind="stable"
    )
    taken: list[tuple[float, float, float, float]] = []  # boxes in pixels: x0, y0, x1, y1
    out: list[tuple[str, float, float, str, float]] = []
    for row in order.itertuples():
        if len(out) >= MAX_LABELS and row.place != selected:
            break
        lon, lat = float(row.lon), float(row.lat)
        if not (x0 <= lon <= x1 and y0 <= lat <= y1):
            continue
        cx, cy = (lon - x0) / px_x, (lat - y0) / px_y
        r = _radius(float(getattr(row, size_by)), biggest)
        w, h = CHAR_PX * len(str(row.place)), LINE_PX
        bubble = (cx - r, cy - r, cx + r, cy + r)
        # Plotly sets a marker's text off by its radius and 1 px; the invisible marker is
        # drawn 4 px wider than the bubble, so the name stands clear of it
        g = r + 5
        tries = (
            ("middle right", (cx + g, cy - h / 2, cx + g + w, cy + h / 2)),
            ("middle left", (cx - g - w, cy - h / 2, cx - g, cy + h / 2)),
            ("top center", (cx - w / 2, cy + g, cx + w / 2, cy + g + h)),
            ("bottom center", (cx - w / 2, cy - g - h, cx + w / 2, cy - g)),
        )
        for at, label in tries:
            if _in_frame(label) and not any(_overlap(label, other) for other in taken):
                out.append((str(row.place), lon, lat, at, 2 * r + 8))
                taken += [label, bubble]
                break
    return out


def _in_frame(box: tuple) -> bool:
    """Whether a name's box (pixels) lies inside the plot: Plotly draws a name past the edge
    cut off ("United Kingdo")."""
    return box[0] >= 0 and box[1] >= 0 and box[2] <= PLOT_PX[0] and box[3] <= PLOT_PX[1]


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _view_box(drawn: pd.DataFrame, size_by: str, selected: str | None = None):
    """``((lon from, to), (lat from, to), ratio)``: what the map of the ``drawn`` places shows
    first (:func:`_view`, holding the ``selected`` place too: a reader who picks London on a
    map of Syrian figures sees London), and the latitude scale it is drawn at."""
    keep = drawn.index[drawn["place"] == selected] if selected and "place" in drawn else None
    lon0, lat0, span = _view(drawn, drawn[size_by], keep=keep)
    ratio = 1 / max(math.cos(math.radians(lat0)), 0.2)
    half_lat = span / ratio * LAT_SHARE
    box = [lon0 - span, lon0 + span, lat0 - half_lat, lat0 + half_lat]
    for _ in range(4):  # each widening makes a degree fewer pixels: a few rounds settle it
        if not _widen_for_names(box, _named_candidates(drawn, size_by, selected, box), ratio):
            break
    return (box[0], box[1]), (box[2], box[3]), ratio


def _named_candidates(drawn: pd.DataFrame, size_by: str, selected: str | None, box) -> list:
    """``(name, lon, lat, radius px)`` of the places :func:`place_labels` tries to name first
    (the selected one and the largest in view), for :func:`_widen_for_names`."""
    if drawn.empty or "place" not in drawn:
        return []
    x0, x1, y0, y1 = box
    lon, lat = drawn["lon"].astype(float), drawn["lat"].astype(float)
    inside = drawn[(lon >= x0) & (lon <= x1) & (lat >= y0) & (lat <= y1)]
    biggest = max(float(drawn[size_by].max()), 1.0)
    order = inside.assign(_sel=inside["place"] == selected).sort_values(
        ["_sel", size_by], ascending=False, kind="stable"
    )
    return [
        (str(r.place), float(r.lon), float(r.lat), _radius(float(getattr(r, size_by)), biggest))
        for r in order.head(MAX_LABELS).itertuples()
    ]


def _radius(count: float, biggest: float) -> float:
    return max(6.0, MAX_BUBBLE * math.sqrt(count / biggest)) / 2


def _widen_for_names(box: list, named: list, ratio: float) -> bool:
    """Widen ``box`` (``[lon from, to, lat from, to]``, in place) so that each of the ``named``
    places' bubble, and its name to its right, lies inside the frame; ``True`` if it
    widened. Under ?speaker=Tony+Blair the view held the United States and the United Kingdom
    by their points: the United Kingdom's bubble touched the right edge and its name ran off the
    map. The latitudes follow the longitudes' span (the map's ratio), centred as before."""
    x0, x1, y0, y1 = box
    px_x, px_y = (x1 - x0) / PLOT_PX[0], (y1 - y0) / PLOT_PX[1]  # degrees per pixel
    grow = [0.0, 0.0, 0.0, 0.0]  # pixels wanted beyond the left, right, bottom, top edge
    for name, lon, lat, r in named:
        left, right = (lon - x0) / px_x, (x1 - lon) / px_x
        low, high = (lat - y0) / px_y, (y1 - lat) / px_y
        # the name's first place is to the right (place_labels): set to the left instead, a
        # name at the map's east edge had covered its smaller neighbours' bubbles
        grow[1] = max(grow[1], r + 5 + CHAR_PX * len(name) + 2 - right)
        clear = r + 2
        grow = [
            max(g, clear - room) for g, room in zip(grow, (left, right, low, high), strict=True)
        ]
    if max(grow) <= 0.5 or x1 - x0 >= 360:
        return False
    x0, x1 = x0 - grow[0] * px_x, x1 + grow[1] * px_x
    y0, y1 = y0 - grow[2] * px_y, y1 + grow[3] * px_y
    # the map's ratio: a latitude span this share of the longitudes', whichever had to grow
    lat_span = (x1 - x0) / ratio * LAT_SHARE
    if lat_span >= y1 - y0:
        mid = (y0 + y1) / 2
        y0, y1 = mid - lat_span / 2, mid + lat_span / 2
    else:
        mid, lon_span = (x0 + x1) / 2, (y1 - y0) * ratio / LAT_SHARE
        x0, x1 = mid - lon_span / 2, mid + lon_span / 2
    box[:] = [x0, x1, y0, y1]
    return True


def outside_view(table: pd.DataFrame, size_by: str, selected: str | None = None) -> list[str]:
    """The places :func:`places_map` draws outside its first view, the largest first (the
    view holds most places, not every far one: a caption that says "drawn" must say where)."""
    if not {"lon", "lat", size_by} <= set(table.columns):
        return []
    drawn = table[table[size_by] > 0]
    if drawn.empty:
        return []
    (x0, x1), (y0, y1), _ = _view_box(drawn, size_by, selected)
    lon, lat = drawn["lon"].astype(float), drawn["lat"].astype(float)
    out = drawn[(lon < x0) | (lon > x1) | (lat < y0) | (lat > y1)]
    return out.sort_values(size_by, ascending=False, kind="stable")["place"].tolist()


# The map's height over its width, as drawn on a page (about 940 × 470 px of plot): the latitudes
# shown are this share of the longitudes. The x axis keeps its range (``constrain="domain"``: a
# wider page leaves a margin instead of showing more longitudes), so the caption's "outside the
# map's first view" is what a reader sees; at 0.62 a page had shown Japan the caption said was not.
LAT_SHARE = 0.5


# The places whose bubbles the view always holds, the largest first: a map of a few places cut
# by quantiles had left out the one with most figures (Beira, the south end of 13 places).
ALWAYS_SHOWN = 5
# ... unless it is a small bubble: less than this share of the largest one's count.
SMALL_SHARE = 0.1


def _view(
    df: pd.DataFrame, weights: pd.Series | None = None, keep: pd.Index | None = None
) -> tuple[float, float, float]:
    """Centre and half-width (degrees of longitude) that hold where most of what the bubbles
    count lies: the middle 90% of ``weights`` (the bubbles' sizes: figures or articles), so that
    the map of a store whose figures are 94% Syrian opens on Syria, not on the whole world its
    BBC articles' few figures span (the caption names the places left outside), and always the
    :data:`ALWAYS_SHOWN` largest and every place of the largest one's country. Without weights,
    the middle 90% of the places."""
    if df.empty:
        return 20.0, 30.0, 120.0
    lon, lat = df["lon"].astype(float), df["lat"].astype(float)
    w = pd.Series(1.0, index=df.index) if weights is None else weights.astype(float).clip(0)
    largest = w.sort_values(ascending=False, kind="stable")
    # the largest five that are large: among four Syrian towns of 15 to 30 figures, the fifth
    # "largest", Lima's one figure, had stretched the map over the Atlantic
    top = largest[largest >= SMALL_SHARE * largest.iloc[0]].index[:ALWAYS_SHOWN]
    if "country" in df and pd.notna(df.loc[top[0], "country"]):
        # and the whole country of the largest bubble: the middle 90% of Syria's figures had
        # left Daraa, Syria's southern tip, off the map of Syrian towns
        top = top.union(df.index[df["country"] == df.loc[top[0], "country"]])
    if keep is not None:
        top = top.union(keep)
    lo_x, hi_x = _weighted_quantile(lon, w, 0.05), _weighted_quantile(lon, w, 0.95)
    lo_y, hi_y = _weighted_quantile(lat, w, 0.05), _weighted_quantile(lat, w, 0.95)
    lo_x, hi_x = min(lo_x, lon[top].min()), max(hi_x, lon[top].max())
    lo_y, hi_y = min(lo_y, lat[top].min()), max(hi_y, lat[top].max())
    lat0 = (lo_y + hi_y) / 2
    # the latitudes shown are the half-width over the map's ratio (places_map): a span that
    # holds the places north to south (Milan and Rome fell off the map of Italy's places)
    ratio = 1 / max(math.cos(math.radians(lat0)), 0.2)
    span = max((hi_x - lo_x) / 2, (hi_y - lo_y) / 2 * ratio / LAT_SHARE, 3.0) * 1.25
    return float((lo_x + hi_x) / 2), float(lat0), float(min(span, 180.0))


def _weighted_quantile(values: pd.Series, weights: pd.Series, q: float) -> float:
    """The value below which the share ``q`` of the weight lies (the lowest value reaching it):
    with equal weights, the plain quantile of the places."""
    order = values.sort_values(kind="stable").index
    cumulative = weights[order].cumsum()
    total = float(cumulative.iloc[-1])
    if total <= 0:
        return float(values.quantile(q))
    return float(values[order][cumulative >= q * total].iloc[0])
