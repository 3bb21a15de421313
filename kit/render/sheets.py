"""The cards PDF: each card drawn once as a form, placed on imposed sheets with crop marks."""

from __future__ import annotations

import io

from ..deck import Deck
from ..fonts import REGULAR
from ..layout.imposition import SheetPlan, crop_marks
from ..layout.plan import CardsPlan
from ..model import Kit
from ..units import mm
from .cards import draw_back_form, draw_face_form, form_name
from .pdf import new_canvas

LABEL_GREY = "#6B7280"
MARK_BLACK = "#000000"


def render_cards(kit: Kit, deck: Deck, plan: CardsPlan, game_title: str) -> bytes:
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, kit.profile.sheet, f"{game_title} — cartes", kit.territory["nom"])
    for face in deck.fronts:
        draw_face_form(canvas, face, plan.boxes[face.family], plan.fitted[face.key])
    for key, back in deck.backs.items():
        if key in plan.back_family:
            draw_back_form(canvas, back, plan.boxes[plan.back_family[key]], game_title)
    total = len(plan.sheets)
    for sheet in plan.sheets:
        _draw_sheet(canvas, kit, sheet, total, game_title)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_sheet(canvas, kit: Kit, sheet: SheetPlan, total: int, game_title: str) -> None:
    for box, key in sheet.placements:
        canvas.saveState()
        canvas.translate(box.x, box.y)
        canvas.doForm(form_name(key))
        canvas.restoreState()
    marks = kit.profile.crop_marks
    canvas.setStrokeColor(MARK_BLACK)
    canvas.setLineWidth(marks.stroke)
    for line in crop_marks(sheet.grid, marks.length, marks.offset):
        canvas.line(line.x0, line.y0, line.x1, line.y1)
    if kit.profile.sheet_label:
        _draw_label(canvas, kit, sheet, total, game_title)


def sheet_label(kit: Kit, sheet: SheetPlan, total: int, game_title: str) -> str:
    physical, count = (sheet.number + 1) // 2, (total + 1) // 2
    return (
        f"{game_title} · {kit.territory['nom_court']} · cartes · feuille {physical}/{count} "
        f"({sheet.side}) · imprimer à 100 %, recto verso bord long"
    )


def _draw_label(canvas, kit: Kit, sheet: SheetPlan, total: int, game_title: str) -> None:
    canvas.setFillColor(LABEL_GREY)
    canvas.setFont(REGULAR, 7)
    text = sheet_label(kit, sheet, total, game_title).replace(" %", "\u00a0%")
    canvas.drawCentredString(sheet.grid.sheet.w / 2, mm(6), text)
