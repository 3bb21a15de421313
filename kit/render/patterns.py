"""A regular pattern per family, drawn over its coloured surfaces so families differ without colour.

Vector only, opaque, in one colour (a lighter or darker tone of the background), clipped to
its box and centred on it. Rows of identical shapes are drawn once and repeated by
translation, dots are the round caps of tiny dashes and stripes the dashes of one wide line,
so a card back's pattern stays under a kilobyte of compressed PDF.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from ..layout.geometry import Box
from ..units import mm

DOT_PITCH = mm(3.5)
DOT_DIAMETER = mm(1.25)
STRIPE_SPACING = mm(3.4)
STRIPE_WIDTH = mm(0.75)
HATCH_SPACING = mm(3.8)
HATCH_WIDTH = mm(0.45)
WAVE_SPACING = mm(3.8)
WAVE_LENGTH = mm(7.6)
WAVE_AMPLITUDE = mm(0.8)
WAVE_WIDTH = mm(0.6)

DOT_DASH = 0.01  # pt: a dot is a round-capped dash; pdfium misplaces zero-length dashes
ROUND_CAP = 1


def draw_pattern(canvas: Canvas, box: Box, kind: str, colour: str) -> None:
    """Draw the ``kind`` pattern in ``colour`` ("#RRGGBB"), clipped to ``box``."""
    if kind not in PATTERNS:
        known = ", ".join(PATTERNS)
        raise ValueError(f"motif inconnu : {kind!r} (connus : {known})")
    drawer = PATTERNS[kind]
    if drawer is None:
        return
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(box.x, box.y, box.w, box.h)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.setStrokeColor(colour)  # every pattern is stroked
    drawer(canvas, box)
    canvas.restoreState()


def _rows(reach: float, step: float) -> range:
    """Indices k of the rows k * step from a centre that fall within ±reach of it."""
    count = math.floor(reach / step)
    return range(-count, count + 1)


def _rounded(value: float) -> float:
    """A coordinate rounded to 0.01 pt: shorter PDF numbers, invisible on paper."""
    return round(value, 2)


def _draw_points(canvas: Canvas, box: Box) -> None:
    """A square grid of dots: dotted lines (tiny round-capped dashes) along the longer side."""
    cx, cy = box.center
    canvas.setLineWidth(DOT_DIAMETER)
    canvas.setLineCap(ROUND_CAP)
    canvas.setDash([DOT_DASH, _rounded(DOT_PITCH - DOT_DASH)])
    path = canvas.beginPath()
    if box.w >= box.h:
        x0, x1 = _dash_span(cx, box.w)
        for k in _rows(box.h / 2 + DOT_DIAMETER / 2, DOT_PITCH):
            y = _rounded(cy + k * DOT_PITCH)
            path.moveTo(x0, y)
            path.lineTo(x1, y)
    else:
        y0, y1 = _dash_span(cy, box.h)
        for k in _rows(box.w / 2 + DOT_DIAMETER / 2, DOT_PITCH):
            x = _rounded(cx + k * DOT_PITCH)
            path.moveTo(x, y0)
            path.lineTo(x, y1)
    canvas.drawPath(path, stroke=1, fill=0)


def _dash_span(centre: float, length: float) -> tuple[float, float]:
    """Ends of a dotted line across ``length``, with a dot on ``centre``."""
    reach = math.ceil(length / 2 / DOT_PITCH) * DOT_PITCH
    return _rounded(centre - reach), _rounded(centre + reach)


def _draw_stripes_at(canvas: Canvas, box: Box, angle: float, spacing: float, width: float) -> None:
    """Parallel stripes at ``angle`` degrees, one centred on the box.

    Drawn as a single line across the stripes, as wide as the box's diagonal and dashed
    ``width`` on, ``spacing - width`` off: each dash is one stripe.
    """
    cx, cy = box.center
    reach = math.hypot(box.w, box.h) / 2
    nx, ny = -math.sin(math.radians(angle)), math.cos(math.radians(angle))
    canvas.setLineWidth(_rounded(2 * reach))
    phase = (width / 2 - reach) % spacing
    canvas.setDash([_rounded(width), _rounded(spacing - width)], _rounded(phase))
    canvas.line(
        _rounded(cx - nx * reach),
        _rounded(cy - ny * reach),
        _rounded(cx + nx * reach),
        _rounded(cy + ny * reach),
    )


def _draw_stripes(canvas: Canvas, box: Box) -> None:
    _draw_stripes_at(canvas, box, 45.0, STRIPE_SPACING, STRIPE_WIDTH)


def _draw_crosshatch(canvas: Canvas, box: Box) -> None:
    for angle in (45.0, -45.0):
        _draw_stripes_at(canvas, box, angle, HATCH_SPACING, HATCH_WIDTH)


def _draw_waves(canvas: Canvas, box: Box) -> None:
    """Horizontal waves: one row path, drawn again one row higher each time."""
    cx, cy = box.center
    waves_per_side = math.ceil(box.w / 2 / WAVE_LENGTH)
    row = _wave_row(canvas, cx - waves_per_side * WAVE_LENGTH, 4 * waves_per_side)
    canvas.setLineWidth(WAVE_WIDTH)
    canvas.setLineCap(ROUND_CAP)
    rows = _rows(box.h / 2 + WAVE_AMPLITUDE + WAVE_WIDTH / 2, WAVE_SPACING)
    canvas.translate(0, _rounded(cy + rows.start * WAVE_SPACING))
    step = _rounded(WAVE_SPACING)
    for _ in rows:
        canvas.drawPath(row, stroke=1, fill=0)
        canvas.translate(0, step)


def _wave_row(canvas: Canvas, x0: float, half_waves: int) -> PDFPathObject:
    """A wave along y = 0 from ``x0``: smooth half-waves, each one cubic Bézier curve."""
    half = WAVE_LENGTH / 2
    lift = _rounded(WAVE_AMPLITUDE * 4 / 3)  # a cubic's control height for this crest
    path = canvas.beginPath()
    path.moveTo(_rounded(x0), 0)
    for i in range(half_waves):
        x, y = x0 + i * half, lift if i % 2 == 0 else -lift
        xs = (_rounded(x + half / 3), _rounded(x + 2 * half / 3), _rounded(x + half))
        path.curveTo(xs[0], y, xs[1], y, xs[2], 0)
    return path


PATTERNS: dict[str, Callable[[Canvas, Box], None] | None] = {
    "points": _draw_points,
    "rayures": _draw_stripes,
    "croisillons": _draw_crosshatch,
    "vagues": _draw_waves,
    "aucun": None,
}
