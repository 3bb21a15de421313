"""The cards PDFs: each card drawn once as a form, placed on imposed pages with their marks."""

from __future__ import annotations

import io

from ..deck import Deck
from ..fonts import REGULAR
from ..layout.imposition import Placement, SheetPlan
from ..layout.plan import CardsDocument, CardsPlan
from ..model import Kit
from ..units import mm
from .cards import draw_back_form, draw_face_form, form_name
from .inks import Inks
from .pdf import new_canvas

LABEL_GREY = "#6B7280"
MARK_BLACK = "#000000"
GUIDE_GREY = "#9CA3AF"
FOLD_DASH = (3, 2)


def render_cards(
    kit: Kit, deck: Deck, plan: CardsPlan, document: CardsDocument, game_title: str, inks: Inks
) -> bytes:
    buffer = io.BytesIO()
    first = document.sheets[0].size
    canvas = new_canvas(buffer, first, f"{game_title} — cartes", kit.territory["nom"], inks)
    with canvas.compressing_forms():
        _draw_forms(canvas, deck, plan, document, game_title)
    corners = _corner_radii(kit, deck, plan) if kit.profile.imposition != "carte" else {}
    total = len(document.sheets)
    for sheet in document.sheets:
        canvas.setPageSize(sheet.size)
        if sheet.trim is not None:
            canvas.setTrimBox(sheet.trim.as_pdf_box())
            canvas.setBleedBox(sheet.bleed.as_pdf_box())
        _draw_sheet(canvas, kit, sheet, total, game_title)
        _draw_corner_guides(canvas, sheet, corners)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_forms(canvas, deck: Deck, plan: CardsPlan, document: CardsDocument, title: str) -> None:
    """Each card of the document, once."""
    for face in deck.fronts:
        if face.key in document.keys:
            draw_face_form(canvas, face, plan.boxes[face.family], plan.fitted[face.key])
    for key, back in deck.backs.items():
        if "dos-" + key in document.keys:
            draw_back_form(canvas, back, plan.boxes[plan.back_family[key]], title)


def _draw_sheet(canvas, kit: Kit, sheet: SheetPlan, total: int, game_title: str) -> None:
    for placement in sheet.placements:
        _place(canvas, placement)
    marks = kit.profile.crop_marks
    canvas.setStrokeColor(MARK_BLACK)
    canvas.setLineWidth(marks.stroke if marks else 0.25)
    for line in sheet.marks:
        canvas.line(line.x0, line.y0, line.x1, line.y1)
    if sheet.folds:
        canvas.saveState()
        canvas.setDash(*FOLD_DASH)
        for line in sheet.folds:
            canvas.line(line.x0, line.y0, line.x1, line.y1)
        canvas.restoreState()
    if kit.profile.sheet_label and sheet.trim is None:
        _draw_label(canvas, sheet, sheet_label(kit, sheet, total, game_title))


def _corner_radii(kit: Kit, deck: Deck, plan: CardsPlan) -> dict[str, float]:
    radii = {face.key: kit.families[face.family].corner_radius for face in deck.fronts}
    for back, family in plan.back_family.items():
        radii["dos-" + back] = kit.families[family].corner_radius
    return {key: radius for key, radius in radii.items() if radius > 0}


def _draw_corner_guides(canvas, sheet: SheetPlan, radii: dict[str, float]) -> None:
    """Light arcs where scissors round the corners (a print shop die-cuts them instead)."""
    canvas.setStrokeColor(GUIDE_GREY)
    canvas.setLineWidth(0.3)
    for placement in sheet.placements:
        r = radii.get(placement.key, 0)
        if not r:
            continue
        box = placement.box
        for cx, cy, start in (
            (box.x + r, box.y + r, 180),
            (box.right - r, box.y + r, 270),
            (box.right - r, box.top - r, 0),
            (box.x + r, box.top - r, 90),
        ):
            canvas.arc(cx - r, cy - r, cx + r, cy + r, start, 90)


def _place(canvas, placement: Placement) -> None:
    canvas.saveState()
    if placement.clip is not None:
        clip = canvas.beginPath()
        clip.rect(placement.clip.x, placement.clip.y, placement.clip.w, placement.clip.h)
        canvas.clipPath(clip, stroke=0, fill=0)
    canvas.translate(placement.box.x, placement.box.y)
    canvas.doForm(form_name(placement.key))
    canvas.restoreState()


def sheet_label(kit: Kit, sheet: SheetPlan, total: int, game_title: str) -> str:
    name = kit.territory["nom_court"]
    if sheet.side == "recto-verso":
        return (
            f"{game_title} · {name} · cartes · feuille {sheet.number}/{total} · imprimer à 100 %, "
            "recto seul ; découper chaque paire, plier sur les pointillés, coller dos à dos"
        )
    physical, count = (sheet.number + 1) // 2, (total + 1) // 2
    return (
        f"{game_title} · {name} · cartes · feuille {physical}/{count} "
        f"({sheet.side}) · imprimer à 100 %, recto verso bord long"
    )


def _draw_label(canvas, sheet: SheetPlan, text: str) -> None:
    canvas.setFillColor(LABEL_GREY)
    canvas.setFont(REGULAR, 7)
    canvas.drawCentredString(sheet.size[0] / 2, mm(6), text.replace(" %", "\u00a0%"))
