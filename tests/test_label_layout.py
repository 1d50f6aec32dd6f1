"""Names beside chart points never overlap: the placer on crowded points, and the speakers'
scatter and the entity network built from many names."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from dashboard import charts, label_layout
from dashboard.label_layout import Canvas, label_box, place_labels


def _boxes(xs, ys, texts, radii, canvas, positions, font_px=11.0):
    out = []
    for x, y, t, r, p in zip(xs, ys, texts, radii, positions, strict=True):
        if p is None or not t:
            continue
        px, py = canvas.to_px(x, y)
        out.append(label_box(px, py, r, t, p, font_px))
    return out


def _no_overlap(boxes) -> bool:
    return not any(
        a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
        for a, b in itertools.combinations(boxes, 2)
    )


def test_crowded_points_get_names_that_never_overlap():
    rng = np.random.default_rng(3)
    xs = rng.normal(0, 0.1, 60).tolist()
    ys = rng.normal(0.5, 0.1, 60).tolist()
    texts = [f"Speaker number {i}" for i in range(60)]
    canvas = Canvas(420, 350, (-1, 1), (0, 1))
    positions = place_labels(xs, ys, texts, [5.0] * 60, canvas)
    boxes = _boxes(xs, ys, texts, [5.0] * 60, canvas, positions)
    assert 3 <= len(boxes) < 60  # some fit, the pile does not
    assert _no_overlap(boxes)
    for box in boxes:  # inside the plot
        assert box[0] >= 0 and box[1] >= 0 and box[2] <= 420 and box[3] <= 350


def test_far_apart_points_are_all_named_and_chosen_ones_always():
    xs, ys = [-0.8, 0.0, 0.8], [0.2, 0.5, 0.8]
    canvas = Canvas(420, 350, (-1, 1), (0, 1))
    assert all(place_labels(xs, ys, ["A", "B", "C"], [4, 4, 4], canvas))
    # Ten points on one spot: only one name fits, unless a point must be named.
    same = place_labels([0.0] * 10, [0.5] * 10, [f"name{i}" for i in range(10)], [4] * 10, canvas,
                        must=[i == 9 for i in range(10)])  # fmt: skip
    assert same[9] is not None
    assert sum(p is not None for p in same) <= 9


def test_a_name_is_placed_away_from_the_edge():
    canvas = Canvas(200, 100, (0, 1), (0, 1))
    # At the top edge a name cannot go above its point: it goes below or beside.
    pos = place_labels([0.5], [1.0], ["Edge"], [4.0], canvas)
    assert pos[0] is not None and not pos[0].startswith("top")


def _speakers(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(11)
    return pd.DataFrame(
        {
            "speaker": [f"Spokesperson {i:02d} of the ministry" for i in range(n)],
            "polarity": rng.normal(0.05, 0.08, n),
            "subjectivity": rng.uniform(0.2, 0.6, n),
            "n_quotes": np.linspace(60, 2, n).round(),
        }
    )


def _drawn_names(fig) -> dict[str, bool]:
    """Every name the scatter draws, beside its bubble or on a leader: name → bold."""
    drawn = [*fig.data[0].text, *(a.text for a in fig.layout.annotations)]
    return {
        t.replace("<b>", "").replace("</b>", "").replace("<br>", " "): t.startswith("<b>")
        for t in drawn
        if t
    }


def test_speaker_scatter_names_do_not_overlap_and_the_chosen_is_named():
    df = _speakers(40)
    chosen = df["speaker"].iloc[-1]  # the least quoted, in the middle of the crowd
    fig = charts.polarity_subjectivity(df, highlight=(chosen,))
    trace = fig.data[0]
    texts = [t.replace("<b>", "").replace("</b>", "") for t in trace.text]
    names = _drawn_names(fig)
    assert names.get(chosen) is True  # named, in bold
    assert 2 <= len(names) <= charts.SCATTER_MAX_NAMES + 2 * charts.SCATTER_EXTREME_NAMES + 1
    x_range, y_range = tuple(fig.layout.xaxis.range), tuple(fig.layout.yaxis.range)
    assert x_range[0] == -x_range[1] and x_range[1] < 1.05  # zoomed on the speakers, 0 centred
    assert all(x_range[0] < x < x_range[1] for x in trace.x)
    assert all(y_range[0] < y < y_range[1] for y in trace.y)
    canvas = Canvas(*charts.SCATTER_CANVAS, x_range, y_range)
    sizeref = trace.marker.sizeref
    radii = [charts._marker_radius(v, sizeref, charts.SCATTER_SIZEMIN) for v in trace.marker.size]
    positions = [p if t else None for p, t in zip(trace.textposition, texts, strict=True)]
    boxes = _boxes(list(trace.x), list(trace.y), texts, radii, canvas, positions)
    assert _no_overlap(boxes)


def test_speaker_scatter_names_the_ends_of_the_polarity_axis():
    """Beyond the most quoted, the most positive and most negative speakers are named where
    their names fit: a reader asks first who the outliers are."""
    df = _speakers(30)
    df.loc[29, ["polarity", "subjectivity"]] = [0.45, 0.9]  # the least quoted, far out
    df.loc[28, ["polarity", "subjectivity"]] = [-0.4, 0.1]
    names = _drawn_names(charts.polarity_subjectivity(df))
    assert df["speaker"][29] in names and df["speaker"][28] in names
    assert df["speaker"][27] not in names  # a quiet speaker in the crowd stays in the hover


def test_network_names_do_not_overlap():
    names = [f"Entity {c}" for c in "ABCDEFGHIJKLMNOPQRST"]
    rows = [(a, b, 1 + (i * j) % 5) for i, a in enumerate(names) for j, b in enumerate(names)
            if i < j and (i + j) % 3 == 0][:30]  # fmt: skip
    pairs = pd.DataFrame(rows, columns=["name_a", "name_b", "weight"])
    pairs["label_a"] = "PERSON"
    pairs["label_b"] = "ORG"
    fig = charts.cooccurrence_network(pairs)
    nodes = [t for t in fig.data if t.mode == "markers+text"]
    x_range, y_range = fig.layout.xaxis.range, fig.layout.yaxis.range
    canvas = Canvas(*charts.NETWORK_CANVAS, tuple(x_range), tuple(y_range), equal_aspect=True)
    xs, ys, texts, radii, positions = [], [], [], [], []
    for t in nodes:
        xs += list(t.x)
        ys += list(t.y)
        texts += list(t.text)
        radii += [d / 2 for d in t.marker.size]
        positions += [p if name else None for p, name in zip(t.textposition, t.text, strict=True)]
    boxes = _boxes(xs, ys, texts, radii, canvas, positions)
    assert len(boxes) >= 5
    assert _no_overlap(boxes)
    # Every node is in the hover even when unnamed.
    assert {cd[0] for t in nodes for cd in t.customdata} == set(pairs["name_a"]) | set(
        pairs["name_b"]
    )


def test_marker_radius_matches_plotly_area_sizing():
    # plotly's sizeref recipe: the largest value is drawn at the desired diameter (46 px).
    sizeref = 2.0 * 100 / 46.0**2
    assert math.isclose(charts._marker_radius(100, sizeref, 6), 23.0)
    assert charts._marker_radius(0.01, sizeref, 6) == 6
    assert label_layout.POSITIONS[0] == "top center"


def _ring(n: int = 8, gap_px: float = 30.0):
    """A big point in the middle of a canvas with small ones close around it on every side."""
    canvas = Canvas(400, 300, (0, 400), (0, 300))  # one data unit = one pixel
    xs, ys = [200.0], [150.0]
    for k in range(n):
        angle = 2 * math.pi * k / n
        xs.append(200 + (20 + gap_px) * math.cos(angle))
        ys.append(150 + (20 + gap_px) * math.sin(angle))
    return canvas, xs, ys, [20.0] + [6.0] * n


def test_a_name_with_no_room_beside_its_bubble_goes_further_out_on_a_leader():
    canvas, xs, ys, radii = _ring()
    texts = ["Syrian Observatory for Human Rights"] + [""] * 8
    # without leaders the name had landed over a neighbour, where it read as that one's name;
    # now, with no place clear of the neighbours' middles, it is left to the hover
    assert place_labels(xs, ys, texts, radii, canvas) == [None] * 9
    markers = [
        (px - r, py - r, px + r, py + r)
        for (px, py), r in zip(
            (canvas.to_px(x, y) for x, y in zip(xs, ys, strict=True)), radii, strict=True
        )
    ]
    new = place_labels(xs, ys, texts, radii, canvas, leaders=True)
    assert isinstance(new[0], label_layout.Leader)
    box = label_layout.leader_box(*canvas.to_px(xs[0], ys[0]), new[0], texts[0], 11.0)
    assert all(_no_overlap([box, m]) for m in markers)  # its own bubble too
    assert box[0] >= 0 and box[2] <= 400 and box[1] >= 0 and box[3] <= 300


def test_speaker_scatter_draws_a_leader_to_the_bubble_it_names():
    # one speaker quoted far more than the others, all of them close to neutral: the big
    # bubble's neighbours leave no room beside it
    rng = np.random.default_rng(5)
    n = 30
    df = pd.DataFrame(
        {
            "speaker": ["Syrian Observatory for Human Rights"]
            + [f"Source {i}" for i in range(1, n)],
            "polarity": np.r_[0.0, rng.normal(0, 0.03, n - 1)],
            "subjectivity": np.r_[0.3, rng.normal(0.3, 0.03, n - 1)],
            "n_quotes": np.r_[400, np.full(n - 1, 3)],
        }
    )
    fig = charts.polarity_subjectivity(df)
    notes = {a.text: a for a in fig.layout.annotations}
    # a long name in two lines, on a line to its bubble
    assert "Syrian Observatory<br>for Human Rights" in notes
    note = notes["Syrian Observatory<br>for Human Rights"]
    assert (note.x, note.y) == (0.0, 0.3) and note.showarrow  # the line ends at its bubble
    # a name drawn on a leader is not drawn beside the bubble as well
    assert fig.data[0].text[0] == ""
    # every name, beside a bubble or on a leader, is clear of every other name
    trace = fig.data[0]
    x_range, y_range = tuple(fig.layout.xaxis.range), tuple(fig.layout.yaxis.range)
    canvas = Canvas(*charts.SCATTER_CANVAS, x_range, y_range)
    radii = [
        charts._marker_radius(v, trace.marker.sizeref, charts.SCATTER_SIZEMIN)
        for v in trace.marker.size
    ]
    texts = list(trace.text)
    positions = [p if t else None for p, t in zip(trace.textposition, texts, strict=True)]
    boxes = _boxes(list(trace.x), list(trace.y), texts, radii, canvas, positions)
    for a in fig.layout.annotations:
        # the name's centre in data coordinates, where it is drawn at any width
        assert (a.axref, a.ayref) == ("x", "y")
        (px, py), (nx, ny) = canvas.to_px(a.x, a.y), canvas.to_px(a.ax, a.ay)
        boxes.append(
            label_layout.leader_box(px, py, label_layout.Leader(nx - px, ny - py), a.text, 11.0)
        )
    assert _no_overlap(boxes)


def test_a_long_name_is_wrapped_at_the_space_nearest_its_middle():
    assert label_layout.wrap("Syrian Observatory for Human Rights") == (
        "Syrian Observatory<br>for Human Rights"
    )
    assert label_layout.wrap("Tony Blair") == "Tony Blair"
    assert label_layout.wrap("Supercalifragilisticexpialidocious") == (
        "Supercalifragilisticexpialidocious"  # no space: one line
    )
    w1, h1 = label_layout.text_size("Syrian Observatory for Human Rights", 11)
    w2, h2 = label_layout.text_size("Syrian Observatory<br>for Human Rights", 11)
    assert w2 < w1 / 1.8 and h2 == 2 * h1


def _crosses(seg, box) -> bool:
    """Whether the segment (x0, y0, x1, y1) passes through the box (left, top, right, bottom):
    sampled along its length, finely enough for boxes of text."""
    x0, y0, x1, y1 = seg
    steps = 400
    return any(
        box[0] < x0 + (x1 - x0) * k / steps < box[2]
        and box[1] < y0 + (y1 - y0) * k / steps < box[3]
        for k in range(steps + 1)
    )


def test_a_hubs_name_goes_between_its_edges_not_on_one():
    # A hub with edges straight up, down, left and right: "top center", the first free place,
    # sat on the edge going up. Each name goes where no edge runs, the leaves' too.
    canvas = Canvas(400, 400, (0, 400), (0, 400))  # one data unit = one pixel (y up)
    xs, ys = [200.0, 200.0, 200.0, 80.0, 320.0], [200.0, 320.0, 80.0, 200.0, 200.0]
    texts = ["Hub of the network", "Up", "Down", "Left", "Right"]
    radii = [14.0, 6.0, 6.0, 6.0, 6.0]
    edges = [(0, 1), (0, 2), (0, 3), (0, 4)]
    positions = place_labels(xs, ys, texts, radii, canvas, edges=edges)
    assert all(positions)
    assert positions[0] not in ("top center", "bottom center", "middle left", "middle right")
    points = [canvas.to_px(x, y) for x, y in zip(xs, ys, strict=True)]
    segments = [(*points[a], *points[b]) for a, b in edges]
    boxes = _boxes(xs, ys, texts, radii, canvas, positions)
    for box in boxes:
        assert not any(_crosses(seg, box) for seg in segments), (box, positions)
    assert _no_overlap(boxes)
    # without edges, the placer keeps its order (the speakers' scatter has none)
    assert place_labels(xs, ys, texts, radii, canvas)[0] == "top center"


def test_network_names_sit_off_the_edges_of_a_star():
    # A star: one entity named with five others (the first free place had set the hub's name
    # and two leaves' across edges). Every name is clear of every edge, and has a white halo
    # for an edge that still passes it on a crowded network.
    leaves = ["Damascus", "Aleppo", "Homs", "Idlib", "Latakia"]
    pairs = pd.DataFrame(
        {
            "name_a": ["Syrian Arab Red Crescent"] * len(leaves),
            "name_b": leaves,
            "label_a": ["ORG"] * len(leaves),
            "label_b": ["GPE"] * len(leaves),
            "weight": [5, 4, 3, 2, 1],
        }
    )
    fig = charts.cooccurrence_network(pairs)
    nodes = [t for t in fig.data if t.mode == "markers+text"]
    x_range, y_range = fig.layout.xaxis.range, fig.layout.yaxis.range
    canvas = Canvas(*charts.NETWORK_CANVAS, tuple(x_range), tuple(y_range), equal_aspect=True)
    where, boxes = {}, []
    for t in nodes:
        assert t.textfont.shadow and "white" in t.textfont.shadow
        for x, y, text, d, p, cd in zip(t.x, t.y, t.text, t.marker.size, t.textposition,
                                        t.customdata, strict=True):  # fmt: skip
            where[cd[0]] = (canvas.to_px(x, y), d / 2)
            if text:
                boxes.append(label_box(*canvas.to_px(x, y), d / 2, text, p, 11.0))
    assert len(boxes) == 6  # every name drawn (the hub's in two lines)
    for a, b in zip(pairs["name_a"], pairs["name_b"], strict=True):
        ((xa, ya), ra), ((xb, yb), rb) = where[a], where[b]
        length = math.hypot(xb - xa, yb - ya)
        ux, uy = (xb - xa) / length, (yb - ya) / length
        # the edge as drawn outside the two markers (under a marker it hides nothing)
        seg = (xa + ux * ra, ya + uy * ra, xb - ux * rb, yb - uy * rb)
        assert not any(_crosses(seg, box) for box in boxes), (a, b)
    assert _no_overlap(boxes)


def test_a_chosen_large_bubble_hemmed_in_on_its_sides_is_named_on_a_leader_not_at_a_corner():
    # A big bubble with a small one above, below, left and right of it: only its corners are
    # free. A name at the corner of a big bubble's box stands off its rim, beside whatever lies
    # there ("Tony Blair", chosen, had read as the Conservative Party's dot): with leaders a
    # chosen name goes on a line to its bubble; a small marker's corner, close to it, is still
    # used, and so is a big one's for a name not chosen (a crowd on leaders crossed names).
    canvas = Canvas(400, 300, (0, 400), (0, 300))  # one unit a pixel
    xs, ys = [200, 200, 200, 250, 150], [150, 180, 120, 150, 150]
    texts = ["Tony Blair", "", "", "", ""]
    big = [20.0, 4.0, 4.0, 4.0, 4.0]
    chosen = [True, False, False, False, False]
    corners = ("top left", "top right", "bottom left", "bottom right")
    assert place_labels(xs, ys, texts, big, canvas)[0] in corners
    assert place_labels(xs, ys, texts, big, canvas, leaders=True)[0] in corners
    named = place_labels(xs, ys, texts, big, canvas, leaders=True, must=chosen)
    assert isinstance(named[0], label_layout.Leader)
    small = [label_layout.CORNER_RADIUS_PX] + big[1:]  # its neighbours as close to it
    xs, ys = [200, 215, 200, 235, 165], [150, 165, 135, 150, 150]
    assert place_labels(xs, ys, texts, small, canvas, leaders=True, must=chosen)[0] == "top left"


def _drawn_boxes_and_lines(xs, ys, texts, radii, canvas, placed, font_px=11.0):
    """Each drawn name's box and, for a name on a leader, the line to its marker."""
    boxes, lines = [], []
    for x, y, t, r, p in zip(xs, ys, texts, radii, placed, strict=True):
        px, py = canvas.to_px(x, y)
        if isinstance(p, label_layout.Leader):
            box = label_layout.leader_box(px, py, p, t, font_px)
            lines.append((len(boxes), label_layout._leader_line(px, py, r, box)))
            boxes.append(box)
        elif p is not None and t:
            boxes.append(label_box(px, py, r, t, p, font_px))
    return boxes, lines


def test_a_leaders_line_crosses_no_name_and_no_other_leaders_line():
    """On the unfiltered Speakers scatter of the real store, Robert Kilroy-Silk's line ran
    through Charles Kennedy's name, and names were set across the lines of earlier leaders."""
    rng = np.random.default_rng(8)
    n = 40
    xs = np.r_[rng.normal(0.05, 0.04, n - 1), -0.06].tolist()
    ys = np.r_[rng.normal(0.38, 0.04, n - 1), 0.22].tolist()
    radii = np.r_[rng.uniform(6, 14, n - 1), 24.0].tolist()
    texts = [f"Minister {chr(65 + i % 26)}{i}" for i in range(n)]
    canvas = Canvas(320, 345, (-0.25, 0.25), (0.05, 0.55))
    placed = place_labels(xs, ys, texts, radii, canvas, leaders=True)
    boxes, lines = _drawn_boxes_and_lines(xs, ys, texts, radii, canvas, placed)
    assert len(lines) >= 2  # the crowd sends names out on leaders
    assert _no_overlap(boxes)
    for own, line in lines:
        crossed = [
            k for k, b in enumerate(boxes) if k != own and label_layout._length_inside(line, b)
        ]
        assert not crossed
    for (_, a), (_, b) in itertools.combinations(lines, 2):
        assert not label_layout._segments_cross(a, b)


def test_crossing_lines_are_told_from_parallel_and_apart_ones():
    cross = label_layout._segments_cross
    assert cross((0, 0, 10, 10), (0, 10, 10, 0))
    assert not cross((0, 0, 10, 0), (0, 5, 10, 5))
    assert not cross((0, 0, 4, 4), (6, 0, 10, -4))
    # from a marker's rim to the edge of its name's box, never into the box
    line = label_layout._leader_line(0, 0, 5, (20, -5, 60, 5))
    assert line == (5.0, 0.0, 20.0, 0.0)


def test_the_scatters_names_fit_the_plot_area_drawn_at_1280_px():
    """The placer's canvas is the plot area at the narrowest width the chart is drawn at (1280
    px, sidebar open: 323 × 346 px measured in Chromium): a larger guess set names past the
    right edge, where the chart cut them ("Michael Howar")."""
    assert charts.SCATTER_CANVAS[0] <= 323 and charts.SCATTER_CANVAS[1] <= 346
    assert charts.NETWORK_CANVAS[0] <= 464 and charts.NETWORK_CANVAS[1] <= 450


def _as_drawn(fig, canvas):
    """The scatter's names (boxes) and leaders' lines as Plotly draws them on ``canvas``: a
    leader's name centred at its tail, in data coordinates (axref "x") or pixels from its
    bubble; and the bubbles' boxes."""
    trace = fig.data[0]
    radii = [
        charts._marker_radius(v, trace.marker.sizeref, charts.SCATTER_SIZEMIN)
        for v in trace.marker.size
    ]
    points = [canvas.to_px(x, y) for x, y in zip(trace.x, trace.y, strict=True)]
    markers = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(points, radii, strict=True)]
    names, lines = [], []
    for (px, py), r, t, p in zip(points, radii, trace.text, trace.textposition, strict=True):
        if t:
            names.append(label_box(px, py, r, t, p, 11.0))
    for a in fig.layout.annotations:
        px, py = canvas.to_px(a.x, a.y)
        nx, ny = canvas.to_px(a.ax, a.ay) if a.axref == "x" else (px + a.ax, py + a.ay)
        box = label_layout.leader_box(px, py, label_layout.Leader(nx - px, ny - py), a.text, 11.0)
        radius = radii[list(trace.x).index(a.x)]
        lines.append((len(names), (px, py), label_layout._leader_line(px, py, radius, box)))
        names.append(box)
    return names, lines, points, markers


def test_a_leaders_line_keeps_clear_of_the_bubbles_on_a_wider_plot():
    """A leader's name is placed in data coordinates: set in pixels from its bubble, on the
    1,400 px report (a plot twice as wide as the one the names were placed for) Michael
    Howard's line crossed Tony Blair's bubble."""
    rng = np.random.default_rng(38)
    n = 24
    df = pd.DataFrame(
        {
            "speaker": [f"Delegate {chr(65 + i)}" for i in range(n)],
            "polarity": np.r_[0.05, rng.normal(0.06, 0.035, n - 1)],
            "subjectivity": np.r_[0.36, rng.normal(0.36, 0.035, n - 1)],
            "n_quotes": np.r_[280, rng.integers(8, 60, n - 1)],
        }
    )
    fig = charts.polarity_subjectivity(df)
    assert len(fig.layout.annotations) >= 3  # names on leaders
    x_range, y_range = tuple(fig.layout.xaxis.range), tuple(fig.layout.yaxis.range)
    for width in (charts.SCATTER_CANVAS[0], 703.0):  # the app at 1280 px; the report's plot
        canvas = Canvas(width, charts.SCATTER_CANVAS[1], x_range, y_range)
        names, lines, points, markers = _as_drawn(fig, canvas)
        assert _no_overlap(names)
        for own, point, line in lines:
            for p, m in zip(points, markers, strict=True):  # no line through another bubble
                gap = label_layout._point_segment_distance(*p, line) - (m[2] - m[0]) / 2
                assert p == point or gap > 0, (width, gap)
            assert not any(
                label_layout._length_inside(line, b) for k, b in enumerate(names) if k != own
            ), width


def test_a_name_with_no_clear_place_never_covers_another_markers_middle():
    """On the real store's networks a name with no place clear of the other nodes was set
    across one (54 of 694 names): "Osama Abu Kuweit" over a neighbour's disc. It may graze a
    rim, never cover a middle; else it is left to the hover."""
    canvas = Canvas(400, 300, (0, 400), (0, 300))  # one data unit = one pixel
    # a node with neighbours close on its left, right, above and below
    xs = [200.0, 160.0, 240.0, 200.0, 200.0]
    ys = [150.0, 150.0, 150.0, 175.0, 125.0]
    radii = [9.0] * 5
    texts = ["Mustafa Abdelrahim Qasimi", "", "", "", ""]
    placed = place_labels(xs, ys, texts, radii, canvas)
    if placed[0] is not None:
        box = label_box(200.0, 150.0, 9.0, texts[0], placed[0], 11.0)
        for x, y, r in zip(xs[1:], ys[1:], radii[1:], strict=True):
            cx, cy = canvas.to_px(x, y)
            inner = (cx - r / 2, cy - r / 2, cx + r / 2, cy + r / 2)
            assert _no_overlap([box, inner])
    # a chosen name is always drawn
    assert place_labels(xs, ys, texts, radii, canvas, must=[True, *[False] * 4])[0]


def test_a_wider_screen_shows_more_polarity_rather_than_longer_leaders():
    """Names are placed for the narrowest plot area (charts.SCATTER_CANVAS) and a leader's name
    is set in data coordinates: stretched over a 1920-px screen's column, every line grew with
    the column (a name 120 px from its bubble). A polarity unit is now as many pixels wide as
    on the narrowest plot, a wider one showing more of the axis, so the lines keep their
    placed length."""
    df = _speakers(40)
    fig = charts.polarity_subjectivity(df)
    x_range, y_range = tuple(fig.layout.xaxis.range), tuple(fig.layout.yaxis.range)
    sx, sy = Canvas(*charts.SCATTER_CANVAS, x_range, y_range).scale()
    axis = fig.layout.xaxis
    assert axis.scaleanchor == "y" and axis.constrain == "range"
    assert axis.scaleratio == pytest.approx(sx / sy)
    assert x_range[0] == -x_range[1]  # the wider view stays centred on neutral
