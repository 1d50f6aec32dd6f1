"""Names beside the points of a chart that never overlap: a greedy label placer.

Plotly draws a point's text where ``textposition`` says and never moves it, so a crowded scatter
piles names on top of each other. Before the figure is built, each name is given one of eight
positions around its marker — the first, in order of importance, whose box (estimated from the
text's length and the font size, in pixels of the plot area the chart is drawn at) overlaps no
name already placed, no other marker and stays inside the plot; a name with no free position is
left to the hover. Estimates use the narrowest width the chart is drawn at, so on a wider screen
names only get further apart. With ``leaders``, a name with no free place beside its marker is set
further out, joined to it by a thin line (a :class:`Leader`), rather than over another marker,
where a reader takes it for that marker's name. With ``edges`` (a network's), a name goes, of the
free positions, to the one farthest from the lines between points — the first position free of
names and markers had set hubs' names across the edges leaving them, where they were hard to read.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# Tried in this order: above and below read best, then beside, then the corners.
POSITIONS = (
    "top center", "bottom center", "middle right", "middle left",
    "top right", "top left", "bottom right", "bottom left",
)  # fmt: skip
CHAR_WIDTH = 0.62  # a proportional font's mean advance, in ems (a little generous)
LINE_HEIGHT = 1.25  # in ems
GAP_PX = 2.0


@dataclass(frozen=True)
class Canvas:
    """The plot area a chart is drawn in: its size in pixels and the data ranges it shows.
    ``equal_aspect``: one data unit is as long on both axes (a network's layout)."""

    width_px: float
    height_px: float
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    equal_aspect: bool = False

    def scale(self) -> tuple[float, float]:
        sx = self.width_px / max(self.x_range[1] - self.x_range[0], 1e-9)
        sy = self.height_px / max(self.y_range[1] - self.y_range[0], 1e-9)
        if self.equal_aspect:
            sx = sy = min(sx, sy)
        return sx, sy

    def to_px(self, x: float, y: float) -> tuple[float, float]:
        """Pixel coordinates, y downwards, of the data point (x, y), the plot area centred."""
        sx, sy = self.scale()
        cx = (self.x_range[0] + self.x_range[1]) / 2
        cy = (self.y_range[0] + self.y_range[1]) / 2
        return self.width_px / 2 + (x - cx) * sx, self.height_px / 2 - (y - cy) * sy


Box = tuple[float, float, float, float]  # left, top, right, bottom
Segment = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels


@dataclass(frozen=True)
class Leader:
    """A name set apart from its point and joined to it by a line: ``dx, dy`` from the point to
    the name's centre in pixels, y downwards (Plotly's annotation ``ax``, ``ay``)."""

    dx: float
    dy: float


# Where a leader's name may go: the eight directions, at these distances beyond the marker.
_DIRECTIONS = ((0, -1), (0, 1), (1, 0), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1))
# ... then lines at these angles (degrees from the right, counterclockwise as seen), the name's
# box centred on the line: a leader's line must pass between the markers around its own, and
# in a crowd they sit on the eight directions' lines as often as not.
_ANGLES = (15, 30, 60, 75, 105, 120, 150, 165, 195, 210, 240, 255, 285, 300, 330, 345)
_LEADER_PX = (16.0, 30.0, 46.0, 64.0, 90.0, 120.0)
# A name keeps this far from the other markers: one that touched a neighbour's edge was read as
# the neighbour's name.
MARKER_MARGIN_PX = 5.0
# With leaders, a chosen point's name (``must``) goes at a corner only beside a marker this small:
# a corner of a large bubble's box lies well off its rim, and the name there read as a
# neighbour's (?speaker=Tony+Blair on the real store: "Tony Blair", in bold, at his bubble's top
# left sat beside the Conservative Party's dot); it goes on a leader, its line showing whose it
# is. Other names keep the corners: as leaders, a crowd of them crossed each other's names.
CORNER_RADIUS_PX = 8.0
SIDES = POSITIONS[:4]
# A name this far from every edge (and other name) reads clearly: beyond it, the order of
# POSITIONS decides (above before beside), not a few more pixels of clearance.
EDGE_CLEAR_PX = 8.0


def text_size(text: str, font_px: float) -> tuple[float, float]:
    """The estimated width and height in pixels of ``text`` (lines split by ``<br>``)."""
    lines = text.split("<br>")
    width = max(max(len(line) for line in lines), 1) * font_px * CHAR_WIDTH
    return width, len(lines) * font_px * LINE_HEIGHT


def wrap(name: str, width: int = 18) -> str:
    """``name`` in two lines (``<br>``) at the space nearest its middle when it is longer than
    ``width`` characters: a long name beside a point takes half the width."""
    if len(name) <= width or " " not in name:
        return name
    middle = len(name) / 2
    cut = min((i for i, c in enumerate(name) if c == " "), key=lambda i: abs(i - middle))
    return f"{name[:cut]}<br>{name[cut + 1 :]}"


def label_box(px: float, py: float, radius: float, text: str, position: str, font_px: float) -> Box:
    """Where Plotly draws ``text`` for a marker of ``radius`` at (px, py) at ``position``."""
    w, h = text_size(text, font_px)
    vertical, horizontal = position.split()
    off = radius + GAP_PX
    if horizontal == "center":
        left = px - w / 2
    elif horizontal == "right":
        left = px + (off if vertical == "middle" else off * 0.7)
    else:
        left = px - w - (off if vertical == "middle" else off * 0.7)
    if vertical == "top":
        top = py - off - h
    elif vertical == "bottom":
        top = py + off
    else:
        top = py - h / 2
    return left, top, left + w, top + h


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _near(box: Box, marker: Box) -> bool:
    """Whether a name's ``box`` comes within :data:`MARKER_MARGIN_PX` of a ``marker``."""
    m = MARKER_MARGIN_PX
    return _overlaps(box, (marker[0] - m, marker[1] - m, marker[2] + m, marker[3] + m))


def place_labels(
    xs: Sequence[float],
    ys: Sequence[float],
    texts: Sequence[str],
    radii_px: Sequence[float],
    canvas: Canvas,
    *,
    order: Sequence[int] | None = None,
    must: Sequence[bool] | None = None,
    font_px: float = 11.0,
    leaders: bool = False,
    edges: Sequence[tuple[int, int]] = (),
) -> list[str | Leader | None]:
    """A ``textposition`` per point, or ``None`` where its name would overlap another name, a
    marker or the plot's edge. Points are placed in ``order`` (most important first; default:
    as given); a point with ``must`` set is always named (the user asked for it), at the best
    position found — it still goes first, so it nearly always finds a free one. ``leaders``:
    a name with no place beside its marker clear of the others gets a :class:`Leader` to a
    place further out that is, instead of one over another marker. ``edges``: pairs of point
    indices joined by a line; of the free positions a name takes the one clearest of the lines
    (see :func:`_clearance`)."""
    n = len(texts)
    must = list(must) if must is not None else [False] * n
    order = list(order) if order is not None else list(range(n))
    order = [i for i in order if must[i]] + [i for i in order if not must[i]]
    points = [canvas.to_px(float(x), float(y)) for x, y in zip(xs, ys, strict=True)]
    markers = [
        (px - r, py - r, px + r, py + r) for (px, py), r in zip(points, radii_px, strict=True)
    ]
    # What a name placed clear of names only must still keep off: the middle half of every
    # other marker (a name across a node's centre on the real store's networks read as that
    # node's: 54 of 694 names; one over its rim still reads as its own marker's).
    cores = [_core(px, py, r) for (px, py), r in zip(points, radii_px, strict=True)]
    segments = [_trimmed(points[a], points[b], radii_px[a], radii_px[b]) for a, b in edges]
    placed: list[Box] = []
    # The leaders' lines drawn so far: no later name may sit across one (a line through a name
    # reads as pointing at it, or strikes it out).
    lines: list[Segment] = []
    result: list[str | Leader | None] = [None] * n

    def beside(i: int, obstacles) -> str | None:
        px, py = points[i]
        # a chosen large bubble's name at a corner sat well off its rim (CORNER_RADIUS_PX)
        around = SIDES if leaders and must[i] and radii_px[i] > CORNER_RADIUS_PX else POSITIONS
        return _free(
            i, px, py, texts[i], radii_px[i], canvas, placed, obstacles, font_px, segments,
            around, lines,
        )  # fmt: skip

    def put(i: int, where: str | Leader | None) -> None:
        if isinstance(where, Leader):
            box = leader_box(*points[i], where, texts[i], font_px)
            lines.append(_leader_line(*points[i], radii_px[i], box))
        elif where is not None:
            box = label_box(*points[i], radii_px[i], texts[i], where, font_px)
        else:
            return
        result[i] = where
        placed.append(box)

    def leader(i: int) -> Leader | None:
        found = _free_leader(
            i, *points[i], texts[i], radii_px[i], canvas, placed, markers, font_px, lines,
            over_markers=must[i],
        )  # fmt: skip
        return found[0] if found else None

    named = [i for i in order if texts[i]]
    # First a place beside its marker clear of every other marker too; failing that, without
    # leaders, one clear of names and of the other markers' middles (a name over a bubble's rim
    # still reads; over its middle, or over another name, it does not). With leaders, every name that fits beside its marker goes first (a
    # chosen one at once further out when it does not), then the rest further out on lines,
    # in the same order: placed one by one, the first names' leaders had taken the free places
    # beside later markers (an outlier at the axis's end went unnamed); a chosen name with no
    # room for a leader either goes clear of names and markers' middles.
    for i in named:
        where = beside(i, markers)
        if where is None and not leaders:
            where = beside(i, cores) or (POSITIONS[0] if must[i] else None)
        elif where is None and must[i]:
            where = leader(i)
        put(i, where)
    for i in named:
        if result[i] is None and leaders:
            where = leader(i)
            if where is None and must[i]:
                where = beside(i, cores) or POSITIONS[0]
            put(i, where)
    return result


def _core(px: float, py: float, radius: float) -> Box:
    """The box a name placed clear of names only keeps :data:`MARKER_MARGIN_PX` from: so that
    it stays out of the marker's middle half (and off a small marker's body altogether)."""
    half = max(radius / 2 - MARKER_MARGIN_PX, 0.0)
    return px - half, py - half, px + half, py + half


def leader_box(px: float, py: float, leader: Leader, text: str, font_px: float) -> Box:
    """Where a :class:`Leader`'s name is drawn for a point at (px, py)."""
    w, h = text_size(text, font_px)
    cx, cy = px + leader.dx, py + leader.dy
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


def _free_leader(
    i, px, py, text, radius, canvas, placed, markers, font_px, lines=(), *, over_markers=False
):
    """The nearest place further out for a name, clear of the plot's edge, the names placed,
    every marker (its own too) and the ``lines`` of earlier leaders, whose own line crosses
    no name, no other leader's line and no other marker (a line through a bubble reads as
    ending there, and names that bubble): ``(Leader, box)``, or None. ``over_markers`` (a
    chosen name): where a ring of markers leaves no line clear of them, one over a marker."""
    w, h = text_size(text, font_px)
    others = [m for j, m in enumerate(markers) if j != i]
    for obstacles in (others, []) if over_markers else (others,):
        for distance in _LEADER_PX:
            for leader in _leader_candidates(radius + distance, w, h):
                box = leader_box(px, py, leader, text, font_px)
                inside = box[0] >= 0 and box[1] >= 0 and box[2] <= canvas.width_px
                if not inside or box[3] > canvas.height_px:
                    continue
                if any(_overlaps(box, b) for b in placed) or any(_near(box, m) for m in markers):
                    continue
                if any(_length_inside(line, box) > 0 for line in lines):
                    continue
                line = _leader_line(px, py, radius, box)
                if any(_length_inside(line, b) > 0 for b in (*placed, *obstacles)):
                    continue
                if any(_segments_cross(line, other) for other in lines):
                    continue
                return leader, box
    return None


def _leader_candidates(reach: float, w: float, h: float):
    """Where a name of ``w`` × ``h`` pixels may go with its nearest edge ``reach`` from its
    point: off the eight directions (a corner towards the point on the diagonals), then on
    the lines of :data:`_ANGLES`."""
    for ux, uy in _DIRECTIONS:
        norm = math.hypot(ux, uy)
        yield Leader(ux / norm * reach + ux * w / 2, uy / norm * reach + uy * h / 2)
    for angle in _ANGLES:
        ux, uy = math.cos(math.radians(angle)), -math.sin(math.radians(angle))
        half = min(w / 2 / abs(ux), h / 2 / abs(uy))  # centre to edge along the line
        yield Leader(ux * (reach + half), uy * (reach + half))


def _leader_line(px: float, py: float, radius: float, box: Box) -> Segment:
    """The line Plotly draws from a leader's name in ``box`` to its marker at (px, py): from
    the box's edge to the marker's rim (the annotation's ``standoff``)."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    length = math.hypot(cx - px, cy - py)
    if length <= radius:
        return (px, py, px, py)
    ux, uy = (cx - px) / length, (cy - py) / length
    # where the line from the centre leaves the box: the nearer of its vertical and
    # horizontal sides
    half_w, half_h = (box[2] - box[0]) / 2, (box[3] - box[1]) / 2
    out = min(half_w / abs(ux) if ux else math.inf, half_h / abs(uy) if uy else math.inf)
    end = max(length - out, radius)
    return (px + ux * radius, py + uy * radius, px + ux * end, py + uy * end)


def _segments_cross(a: Segment, b: Segment) -> bool:
    """Whether two segments cross (touching ends count, collinear overlaps do not matter)."""

    def side(x0, y0, x1, y1, x, y) -> float:
        return (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)

    d1 = side(*b, a[0], a[1])
    d2 = side(*b, a[2], a[3])
    d3 = side(*a, b[0], b[1])
    d4 = side(*a, b[2], b[3])
    return d1 * d2 <= 0 and d3 * d4 <= 0 and (d1, d2) != (0, 0)


def _free(
    i,
    px,
    py,
    text,
    radius,
    canvas,
    placed,
    markers,
    font_px,
    segments=(),
    positions=POSITIONS,
    lines=(),
) -> str | None:
    """A position whose box is inside the plot and clear of ``placed``, of the ``markers`` of
    other points and of the leaders' ``lines``: the first in :data:`POSITIONS`, or with
    ``segments`` the clearest of them (:func:`_clearance`, up to :data:`EDGE_CLEAR_PX`; ties go
    to the earlier position)."""  # fmt: skip
    best, best_score = None, -math.inf
    for position in positions:
        box = label_box(px, py, radius, text, position, font_px)
        inside = (
            box[0] >= 0
            and box[1] >= 0
            and box[2] <= canvas.width_px
            and (box[3] <= canvas.height_px)
        )
        if not inside or any(_overlaps(box, b) for b in placed):
            continue
        if any(_near(box, m) for j, m in enumerate(markers) if j != i):
            continue
        if any(_length_inside(line, box) > 0 for line in lines):
            continue
        if not segments:
            return position
        score = min(_clearance(box, segments, placed), EDGE_CLEAR_PX)
        if score > best_score:
            best, best_score = position, score
    return best


def _trimmed(a, b, radius_a: float, radius_b: float) -> Segment:
    """The visible part of the line from point ``a`` to point ``b``: outside both markers (the
    part under a marker hides no name, and a name beside its own marker is always within a
    radius of the line's end at its centre)."""
    (x0, y0), (x1, y1) = a, b
    length = math.hypot(x1 - x0, y1 - y0)
    if length <= radius_a + radius_b:
        return (x0, y0, x0, y0)  # the markers touch: nothing of the line shows
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    return (x0 + ux * radius_a, y0 + uy * radius_a, x1 - ux * radius_b, y1 - uy * radius_b)


def _clearance(box: Box, segments: Sequence[Segment], placed: Sequence[Box]) -> float:
    """How clear ``box`` is of the lines and the names placed: the smallest distance in pixels
    to any of them, or, where a line runs through the box, minus the length of line inside it
    (a name crossed near a corner reads better than one struck through)."""
    worst = math.inf
    for seg in segments:
        inside = _length_inside(seg, box)
        worst = min(worst, -inside if inside > 0 else _segment_box_distance(seg, box))
    for other in placed:
        dx = max(other[0] - box[2], box[0] - other[2], 0.0)
        dy = max(other[1] - box[3], box[1] - other[3], 0.0)
        worst = min(worst, math.hypot(dx, dy))
    return worst


def _length_inside(seg: Segment, box: Box) -> float:
    """The length of ``seg`` inside ``box`` (Liang–Barsky clipping); 0 when it misses."""
    x0, y0, x1, y1 = seg
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return 0.0
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return 0.0
    return (t1 - t0) * math.hypot(dx, dy)


def _point_segment_distance(px: float, py: float, seg: Segment) -> float:
    x0, y0, x1, y1 = seg
    dx, dy = x1 - x0, y1 - y0
    denom = dx * dx + dy * dy
    t = 0.0 if denom == 0 else max(0.0, min(1.0, ((px - x0) * dx + (py - y0) * dy) / denom))
    return math.hypot(px - (x0 + t * dx), py - (y0 + t * dy))


def _segment_box_distance(seg: Segment, box: Box) -> float:
    """The distance between a segment and a box it does not cross: the nearest of its ends to
    the box, or of the box's corners to it."""
    left, top, right, bottom = box
    ends = (
        math.hypot(max(left - x, x - right, 0.0), max(top - y, y - bottom, 0.0))
        for x, y in (seg[:2], seg[2:])
    )
    corners = (
        _point_segment_distance(x, y, seg)
        for x, y in ((left, top), (right, top), (left, bottom), (right, bottom))
    )
    return min(*ends, *corners)
