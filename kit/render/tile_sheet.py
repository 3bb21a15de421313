"""One page per sheet of the tiled board: its part of the board and the marks to assemble it.

The sides to trim carry a dashed cut line, the sides glued under a neighbour are hatched, and
alignment crosses sit at the corners of each overlap, so that the two halves of a cross meet
when the sheets are in place.
"""

from __future__ import annotations

from ..fonts import BOLD, REGULAR
from ..layout.board import BoardPlan
from ..layout.geometry import Box
from ..layout.tiling import Tile, TilePlan
from ..units import mm
from .tile_drawing import (
    ACCENT,
    BLACK,
    GREY,
    HATCH,
    HATCH_STEP,
    SMALL,
    WHITE,
    glue_strips,
    hatch,
    place_board,
    prepared_text,
)

CUT_DASH = (5, 3)
CROSS = mm(3)  # half the length of an alignment cross's arms


def draw_tile_sheet(canvas, tiling: TilePlan, tile: Tile, plan: BoardPlan, scale: float) -> None:
    """The tile's part of the board with its glue zones, cut lines, crosses and label."""
    placed = tile.placed
    place_board(canvas, plan, scale, tile.shift, placed)
    _draw_glue_zones(canvas, tiling, tile)
    _draw_cut_lines(canvas, tiling, tile)
    _draw_crosses(canvas, tiling, tile)
    label = f"Plateau · feuille {tile.number}/{len(tiling.tiles)} · {_glue_note(tile)}"
    _draw_label(canvas, tiling, label + " · imprimer à 100 %", tile)


def _glue_note(tile: Tile) -> str:
    if not tile.glue_onto:
        return "première feuille, en haut à gauche"
    if len(tile.glue_onto) == 1:
        return f"coller sur la feuille {tile.glue_onto[0]}"
    return "coller sur les feuilles " + " et ".join(str(n) for n in tile.glue_onto)


def _on_sheet(tile: Tile, box: Box) -> Box:
    return box.moved(*tile.shift)


def _draw_glue_zones(canvas, tiling: TilePlan, tile: Tile) -> None:
    placed, ov = tile.placed, tiling.overlap
    strips = glue_strips(tile, ov)
    for strip in strips:
        hatch(canvas, _on_sheet(tile, strip), HATCH, HATCH_STEP, 0.5)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.7)
    top = placed.top - ov if tile.glue_top else placed.top
    left = placed.x + ov if tile.glue_left else placed.x
    if tile.glue_left:
        canvas.line(left, placed.y, left, top)
    if tile.glue_top:
        canvas.line(left, top, placed.right, top)
    for strip, onto, vertical in _glue_labels(tile, ov):
        _strip_label(canvas, _on_sheet(tile, strip), f"coller sous la feuille {onto}", vertical)


def _glue_labels(tile: Tile, ov: float) -> list[tuple[Box, int, bool]]:
    """Where each "glue under sheet N" note goes: the strip's part outside the corner."""
    if ov <= 0:
        return []
    r, labels = tile.region, []
    top = r.top - ov if tile.glue_top else r.top
    if tile.glue_left:
        labels.append((Box(r.x, r.y, ov, top - r.y), tile.number - 1, True))
    if tile.glue_top:
        left = r.x + ov if tile.glue_left else r.x
        labels.append((Box(left, top, r.right - left, ov), tile.glue_onto[0], False))
    return labels


def _strip_label(canvas, strip: Box, text: str, vertical: bool) -> None:
    """A note in a white box, centred in a glue strip, along it."""
    length, thickness = (strip.h, strip.w) if vertical else (strip.w, strip.h)
    size = max(4.5, min(SMALL, (thickness - mm(2)) / 1.25))
    text = prepared_text(canvas, text, BOLD, size, ACCENT)
    width = canvas.stringWidth(text, BOLD, size) + mm(3)
    if width > length or thickness < mm(3):
        return
    canvas.saveState()
    canvas.translate(*strip.center)
    if vertical:
        canvas.rotate(90)
    h = size * 1.3
    canvas.setFillColor(WHITE)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.5)
    canvas.roundRect(-width / 2, -h / 2, width, h, mm(1), stroke=1, fill=1)
    canvas.setFillColor(ACCENT)
    canvas.drawCentredString(0, -size * 0.33, text)
    canvas.restoreState()


def _trim_sides(tile: Tile) -> list[str]:
    """The sides cut along the region's edge: all but the glue sides."""
    return [
        side
        for side, glued in (
            ("left", tile.glue_left),
            ("top", tile.glue_top),
            ("right", False),
            ("bottom", False),
        )
        if not glued
    ]


def _draw_cut_lines(canvas, tiling: TilePlan, tile: Tile) -> None:
    p, (w, h) = tile.placed, tiling.sheet
    lines = {
        "left": (p.x, 0, p.x, h),
        "right": (p.right, 0, p.right, h),
        "top": (0, p.top, w, p.top),
        "bottom": (0, p.y, w, p.y),
    }
    canvas.saveState()
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.setDash(*CUT_DASH)
    for side in _trim_sides(tile):
        canvas.line(*lines[side])
    canvas.restoreState()
    for side in _trim_sides(tile):
        _cut_notes(canvas, p, side)


def _cut_notes(canvas, placed: Box, side: str) -> None:
    """« couper ici » twice along a cut line, in the margin just outside the region."""
    text = prepared_text(canvas, "couper ici", REGULAR, SMALL, ACCENT)
    gap = mm(1.6)
    for t in (0.25, 0.75):
        canvas.saveState()
        if side in ("top", "bottom"):
            x = placed.x + placed.w * t
            y = placed.top + gap if side == "top" else placed.y - gap - SMALL * 0.72
            canvas.translate(x, y)
        else:
            y = placed.y + placed.h * t
            x = placed.x - gap if side == "left" else placed.right + gap + SMALL * 0.72
            canvas.translate(x, y)
            canvas.rotate(90)
        canvas.drawCentredString(0, 0, text)
        canvas.restoreState()


def _overlaps(tiling: TilePlan, tile: Tile) -> list[Box]:
    """Every overlap strip this sheet shares with a neighbour, in board coordinates."""
    r, ov, strips = tile.region, tiling.overlap, []
    if tile.col < tiling.cols - 1:
        strips.append(Box(r.right - ov, r.y, ov, r.h))
    if tile.row < tiling.rows - 1:
        strips.append(Box(r.x, r.y, r.w, ov))
    return strips + glue_strips(tile, ov)


def _draw_crosses(canvas, tiling: TilePlan, tile: Tile) -> None:
    if tiling.overlap <= 0:
        return
    corners = set()
    for strip in _overlaps(tiling, tile):
        s = _on_sheet(tile, strip)
        corners |= {(s.x, s.y), (s.right, s.y), (s.x, s.top), (s.right, s.top)}
    for x, y in sorted(corners):
        _cross(canvas, round(x, 3), round(y, 3))


def _cross(canvas, x: float, y: float) -> None:
    """A registration cross: black on a white halo, readable over any colour."""
    for colour, width in ((WHITE, 2.2), (BLACK, 0.5)):
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(width)
        canvas.line(x - CROSS, y, x + CROSS, y)
        canvas.line(x, y - CROSS, x, y + CROSS)
        canvas.circle(x, y, CROSS * 0.45, stroke=1, fill=0)


# The page label -----------------------------------------------------------------------------


def _draw_label(canvas, tiling: TilePlan, label: str, tile: Tile) -> None:
    """The sheet's name in the top margin, above the region, with a locator grid on its right."""
    w, h = tiling.sheet
    region_top = tile.placed.top
    baseline = region_top + max(mm(5.5), min(mm(9), (h - region_top) / 2 - mm(1)))
    text = prepared_text(canvas, label, BOLD, 8.5, GREY)
    canvas.drawCentredString(w / 2, baseline, text)
    half = canvas.stringWidth(text, BOLD, 8.5) / 2
    _locator(canvas, tiling, tile, (w / 2 + half + mm(4), baseline - 1))


def _locator(canvas, tiling: TilePlan, tile: Tile, at: tuple[float, float]) -> None:
    """A tiny grid of the sheets with this one filled: where it goes at a glance."""
    cell = mm(2.6)
    if at[0] + cell * tiling.cols > tiling.sheet[0] - mm(5):
        return
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.4)
    for other in tiling.tiles:
        x = at[0] + other.col * cell
        y = at[1] + (tiling.rows - 1 - other.row) * cell * 0.75
        canvas.setFillColor(GREY if other is tile else WHITE)
        canvas.rect(x, y, cell, cell * 0.75, stroke=1, fill=1)
