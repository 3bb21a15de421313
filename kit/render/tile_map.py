"""The first page of the tiled board: a miniature of the board cut into numbered sheets,
the assembly steps and a control ruler proving the print is at 100 %."""

from __future__ import annotations

from reportlab.lib.enums import TA_LEFT

from ..fonts import BOLD, REGULAR
from ..layout.board import BoardPlan
from ..layout.card import TEXT_DARK, paragraph
from ..layout.geometry import Box
from ..layout.tiling import Tile, TilePlan
from ..typography import french
from ..units import mm
from .tile_drawing import (
    ACCENT,
    GREY,
    WHITE,
    glue_strips,
    hatch,
    place_board,
    prepared_text,
    whole_mm,
)


def draw_assembly_map(canvas, tiling: TilePlan, plan: BoardPlan, scale: float) -> None:
    """The title and summary, the miniature, the steps and the ruler, on the current page."""
    sheet = Box(0, 0, *tiling.sheet)
    area = sheet.inset(max(tiling.margin, mm(12)))
    text = prepared_text(canvas, "Plan d’assemblage du plateau", BOLD, 20, TEXT_DARK)
    canvas.drawString(area.x, area.top - 18, text)
    board, sheet_w, sheet_h = tiling.board, *tiling.sheet
    orientation = "paysage" if sheet_w > sheet_h else "portrait"
    sheets = len(tiling.tiles)
    summary = (
        f"Plateau de {whole_mm(board.w)} × {whole_mm(board.h)} mm en {sheets} feuilles "
        f"de {whole_mm(min(tiling.sheet))} × {whole_mm(max(tiling.sheet))} mm ({orientation}), "
        f"{tiling.rows} rangée{'s' * (tiling.rows > 1)} de {tiling.cols} · "
        f"recouvrement de {whole_mm(tiling.overlap)} mm"
    )
    text = prepared_text(canvas, summary, REGULAR, 10.5, GREY)
    canvas.drawString(area.x, area.top - 34, text)
    body = Box(area.x, area.y, area.w, area.h - mm(18))
    mini, notes = _map_boxes(body, board)
    _draw_miniature(canvas, tiling, plan, scale, mini)
    ruler_y = _draw_instructions(canvas, tiling, notes)
    text = prepared_text(
        canvas, "Plateau · plan d’assemblage · imprimer à 100 %", REGULAR, 8.5, GREY
    )
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

    place_board(canvas, plan, scale * k, (mini.x, mini.y), mini)
    for tile in tiling.tiles:
        for strip in glue_strips(tile, tiling.overlap):
            hatch(canvas, on_map(strip), ACCENT, mm(1.2), 0.6)
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
    prepared_text(canvas, str(number), BOLD, size, TEXT_DARK)
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
    title = prepared_text(canvas, "Assemblage", BOLD, 13, TEXT_DARK)
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
    text = prepared_text(canvas, "trait de contrôle : 10 cm", REGULAR, 9, GREY)
    canvas.drawString(x, y - 11, text)
