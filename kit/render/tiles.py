"""The large board printed on office sheets: an assembly map, then one page per sheet.

The board is drawn once as a form, in its design coordinates, and each page places it scaled
and clipped to the sheet's region. On every sheet the sides to trim carry a dashed cut line,
the sides glued under a neighbour are hatched, and alignment crosses sit at the corners of
each overlap, so that the two halves of a cross meet when the sheets are in place.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from reportlab.lib.enums import TA_LEFT

from ..fonts import BOLD, REGULAR, check_glyphs
from ..layout.board import BoardPlan
from ..layout.card import TEXT_DARK, paragraph
from ..layout.geometry import Box
from ..layout.tiling import Tile, TilePlan, plan_tiles
from ..model import Kit
from ..typography import NBSP, french
from ..units import mm, to_mm
from .board import draw_board
from .pdf import new_canvas

if TYPE_CHECKING:
    from .inks import Inks

FORM = "plateau-tuiles"
WHITE = "#FFFFFF"
BLACK = "#000000"
GREY = "#4B5563"
HATCH = "#8A94A6"
ACCENT = "#B45309"  # the glue zones and the cut lines: one colour for "work to do here"
CUT_DASH = (5, 3)
HATCH_STEP = mm(2.2)
CROSS = mm(3)  # half the length of an alignment cross's arms
SMALL = 7.5  # the size of the working notes: "couper ici", "coller sous…"


def render_board_tiles(
    kit: Kit,
    plan: BoardPlan,
    game_title: str,
    board_size: tuple[float, float],
    sheet_size: tuple[float, float],
    margin: float,
    overlap: float,
    inks: Inks | None = None,
) -> tuple[bytes, int]:
    """The board at ``board_size`` (points; its width sets the scale) tiled on ``sheet_size``."""
    scale = board_size[0] / plan.page.w
    tiling = plan_tiles(board_size[0], plan.page.h * scale, *sheet_size, margin, overlap)
    buffer = io.BytesIO()
    title = f"{game_title} — plateau en {len(tiling.tiles)} feuilles"
    extra = {} if inks is None else {"inks": inks}
    canvas = new_canvas(buffer, tiling.sheet, title, kit.territory["nom"], **extra)
    canvas.beginForm(FORM, *plan.page.as_pdf_box())
    draw_board(canvas, kit, plan, game_title)
    canvas.endForm()
    _draw_map(canvas, tiling, plan, scale)
    canvas.showPage()
    for tile in tiling.tiles:
        _draw_tile(canvas, tiling, tile, plan, scale)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue(), 1 + len(tiling.tiles)


def _place_board(canvas, plan: BoardPlan, scale: float, at: tuple[float, float], clip: Box):
    """The board form scaled by ``scale``, its bottom-left at ``at``, seen through ``clip``."""
    canvas.saveState()
    path = canvas.beginPath()
    path.rect(clip.x, clip.y, clip.w, clip.h)
    canvas.clipPath(path, stroke=0, fill=0)
    canvas.translate(*at)
    canvas.scale(scale, scale)
    canvas.translate(-plan.page.x, -plan.page.y)
    canvas.doForm(FORM)
    canvas.restoreState()


def _text(canvas, text: str, font: str, size: float, colour: str) -> str:
    text = french(text).replace("\u202f", NBSP)
    check_glyphs("plateau en feuilles", [text], font)
    canvas.setFont(font, size)
    canvas.setFillColor(colour)
    return text


def _mm(points: float) -> str:
    return f"{round(to_mm(points)):d}"


# The assembly map ---------------------------------------------------------------------------


def _draw_map(canvas, tiling: TilePlan, plan: BoardPlan, scale: float) -> None:
    sheet = Box(0, 0, *tiling.sheet)
    area = sheet.inset(max(tiling.margin, mm(12)))
    text = _text(canvas, "Plan d’assemblage du plateau", BOLD, 20, TEXT_DARK)
    canvas.drawString(area.x, area.top - 18, text)
    board, sheet_w, sheet_h = tiling.board, *tiling.sheet
    orientation = "paysage" if sheet_w > sheet_h else "portrait"
    summary = (
        f"Plateau de {_mm(board.w)} × {_mm(board.h)} mm en {len(tiling.tiles)} feuilles "
        f"de {_mm(min(tiling.sheet))} × {_mm(max(tiling.sheet))} mm ({orientation}), "
        f"{tiling.rows} rangée{'s' * (tiling.rows > 1)} de {tiling.cols} · "
        f"recouvrement de {_mm(tiling.overlap)} mm"
    )
    text = _text(canvas, summary, REGULAR, 10.5, GREY)
    canvas.drawString(area.x, area.top - 34, text)
    body = Box(area.x, area.y, area.w, area.h - mm(18))
    mini, notes = _map_boxes(body, board)
    _draw_miniature(canvas, tiling, plan, scale, mini)
    ruler_y = _draw_instructions(canvas, tiling, notes)
    text = _text(canvas, "Plateau · plan d’assemblage · imprimer à 100 %", REGULAR, 8.5, GREY)
    canvas.drawRightString(notes.right, ruler_y - 11, text)


def _map_boxes(body: Box, board: Box) -> tuple[Box, Box]:
    """The miniature's box and the instructions' box: below it, or beside it on a wide page."""
    gap = mm(8)
    if body.w > body.h:  # landscape sheet: instructions on the right
        notes_w = max(mm(95), body.w * 0.38)
        room = Box(body.x, body.y, body.w - notes_w - gap, body.h)
        mini = _fitted(room, board)
        return mini, Box(mini.right + gap, body.y, body.right - mini.right - gap, body.h)
    room = Box(body.x, body.y + body.h * 0.45, body.w, body.h * 0.55)
    mini = _fitted(room, board)
    return mini, Box(body.x, body.y, body.w, mini.y - gap - body.y)


def _fitted(room: Box, board: Box) -> Box:
    """The board scaled to fit ``room``, centred across and against its top."""
    k = min(room.w / board.w, room.h / board.h)
    w, h = board.w * k, board.h * k
    return Box(room.x + (room.w - w) / 2, room.top - h, w, h)


def _draw_miniature(canvas, tiling: TilePlan, plan: BoardPlan, scale: float, mini: Box) -> None:
    k = mini.w / tiling.board.w  # board points to map points

    def on_map(box: Box) -> Box:
        return Box(mini.x + box.x * k, mini.y + box.y * k, box.w * k, box.h * k)

    _place_board(canvas, plan, scale * k, (mini.x, mini.y), mini)
    for tile in tiling.tiles:
        for strip in _glue_strips(tile, tiling.overlap):
            _hatch(canvas, on_map(strip), ACCENT, mm(1.2), 0.6)
    canvas.setStrokeColor(TEXT_DARK)
    canvas.setLineWidth(0.8)
    for tile in tiling.tiles:
        region = on_map(tile.region)
        canvas.rect(region.x, region.y, region.w, region.h, stroke=1, fill=0)
    for tile in tiling.tiles:
        _number_disc(canvas, on_map(_own_part(tile, tiling.overlap)).center, tile.number, k)


def _own_part(tile: Tile, overlap: float) -> Box:
    """The region without its glue strips: where the sheet shows once assembled."""
    r = tile.region
    left = overlap if tile.glue_left else 0
    top = overlap if tile.glue_top else 0
    return Box(r.x + left, r.y, r.w - left, r.h - top)


def _number_disc(canvas, centre: tuple[float, float], number: int, k: float) -> None:
    radius = max(mm(4), min(mm(7), mm(60) * k))
    canvas.setFillColor(WHITE)
    canvas.setStrokeColor(TEXT_DARK)
    canvas.setLineWidth(1.2)
    canvas.circle(*centre, radius, stroke=1, fill=1)
    size = radius * 1.15
    _text(canvas, str(number), BOLD, size, TEXT_DARK)
    canvas.drawCentredString(centre[0], centre[1] - size * 0.34, str(number))


def _instructions(tiling: TilePlan) -> list[str]:
    last = len(tiling.tiles)
    return [
        "Imprimez toutes les feuilles à 100 % (« taille réelle », sans « ajuster à la page »). "
        "Vérifiez à la règle que le trait de contrôle ci-dessous mesure 10 cm.",
        "Disposez les feuilles comme sur le plan, la feuille 1 en haut à gauche. Leur numéro est "
        "imprimé dans la marge, qui sera coupée : notez-le au crayon au dos de chaque feuille.",
        f"Prenez les feuilles une à une, de 1 à {last}. Coupez la marge blanche le long des "
        "pointillés « couper ici », mais jamais du côté des bandes hachurées « coller sous "
        "la feuille… » : elles servent à coller.",
        "Encollez la bande hachurée (et la marge blanche qui la prolonge), puis glissez-la sous "
        "la feuille indiquée : le bord coupé de celle-ci vient sur le trait plein orange, et les "
        "demi-croix de repérage des deux feuilles forment des croix entières.",
        "Sur le plan, les bandes hachurées sont les recouvrements : imprimés sur les deux "
        "feuilles voisines, ils disparaissent sous la feuille du dessus une fois collés.",
    ]


def _draw_instructions(canvas, tiling: TilePlan, box: Box) -> float:
    """The numbered steps, then the control ruler; returns the ruler's height on the page."""
    y = box.top - 2
    title = _text(canvas, "Assemblage", BOLD, 13, TEXT_DARK)
    canvas.drawString(box.x, y - 11, title)
    y -= 20
    indent = mm(7)
    for number, step in enumerate(_instructions(tiling), start=1):
        para = paragraph(french(step), REGULAR, 10, TEXT_DARK, TA_LEFT, leading=1.22)
        _, height = para.wrap(box.w - indent, box.h)
        canvas.setFillColor(ACCENT)
        canvas.setFont(BOLD, 10)
        canvas.drawString(box.x, y - 9.5, f"{number}.")
        para.drawOn(canvas, box.x + indent, y - height)
        y -= height + mm(2.5)
    ruler_y = max(box.y + mm(4), y - mm(12))
    _draw_ruler(canvas, box.x, ruler_y)
    return ruler_y


def _draw_ruler(canvas, x: float, y: float) -> None:
    """A 10 cm bar with centimetre ticks: measured on paper, it proves the scale is 100 %."""
    canvas.setStrokeColor(TEXT_DARK)
    canvas.setLineWidth(0.8)
    canvas.line(x, y, x + mm(100), y)
    for cm in range(11):
        tick = mm(3) if cm % 5 == 0 else mm(1.8)
        canvas.line(x + mm(10 * cm), y, x + mm(10 * cm), y + tick)
    text = _text(canvas, "trait de contrôle : 10 cm", REGULAR, 9, GREY)
    canvas.drawString(x, y - 11, text)


# One sheet ----------------------------------------------------------------------------------


def _draw_tile(canvas, tiling: TilePlan, tile: Tile, plan: BoardPlan, scale: float) -> None:
    placed = tile.placed
    _place_board(canvas, plan, scale, tile.shift, placed)
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


def _glue_strips(tile: Tile, overlap: float) -> list[Box]:
    """The glue zones of a tile, in board coordinates: its left and top strips."""
    r, strips = tile.region, []
    if overlap <= 0:
        return strips
    if tile.glue_left:
        strips.append(Box(r.x, r.y, overlap, r.h))
    if tile.glue_top:
        strips.append(Box(r.x, r.top - overlap, r.w, overlap))
    return strips


def _on_sheet(tile: Tile, box: Box) -> Box:
    return box.moved(*tile.shift)


def _draw_glue_zones(canvas, tiling: TilePlan, tile: Tile) -> None:
    placed, ov = tile.placed, tiling.overlap
    strips = _glue_strips(tile, ov)
    for strip in strips:
        _hatch(canvas, _on_sheet(tile, strip), HATCH, HATCH_STEP, 0.5)
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


def _hatch(canvas, box: Box, colour: str, step: float, width: float) -> None:
    """Diagonal lines over ``box``, anchored to the page so that crossing strips agree."""
    canvas.saveState()
    path = canvas.beginPath()
    path.rect(box.x, box.y, box.w, box.h)
    canvas.clipPath(path, stroke=0, fill=0)
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(width)
    start = int((box.x - box.top) // step)
    end = int((box.right - box.y) // step) + 1
    for n in range(start, end + 1):
        c = n * step  # the line x - y = c
        canvas.line(box.y + c, box.y, box.top + c, box.top)
    canvas.restoreState()


def _strip_label(canvas, strip: Box, text: str, vertical: bool) -> None:
    """A note in a white box, centred in a glue strip, along it."""
    length, thickness = (strip.h, strip.w) if vertical else (strip.w, strip.h)
    size = max(4.5, min(SMALL, (thickness - mm(2)) / 1.25))
    text = _text(canvas, text, BOLD, size, ACCENT)
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
    text = _text(canvas, "couper ici", REGULAR, SMALL, ACCENT)
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
    return strips + _glue_strips(tile, ov)


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
    text = _text(canvas, label, BOLD, 8.5, GREY)
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
