"""The board PDF: title, four radial axis diagrams, the scenario card's slot."""

from __future__ import annotations

import io

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT

from ..errors import CardError
from ..fonts import BOLD, REGULAR, check_glyphs
from ..layout.board import BoardPlan, Diagram, Node
from ..layout.card import TEXT_DARK, paragraph
from ..layout.geometry import Box
from ..model import Kit
from ..units import mm
from .cards import WHITE, tint
from .pdf import new_canvas
from .shapes import draw_icon, draw_shape

MIN_SIZE = 8
ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "centre": TA_CENTER}


def render_board(kit: Kit, plan: BoardPlan, game_title: str) -> bytes:
    buffer = io.BytesIO()
    canvas = new_canvas(
        buffer, (plan.page.w, plan.page.h), f"{game_title} — plateau", kit.territory["nom"]
    )
    _draw_title(canvas, kit, plan, game_title)
    for diagram in plan.diagrams:
        _draw_diagram(canvas, kit.axis(diagram.axis_id), diagram)
    _draw_slot(canvas, kit, plan.scenario_slot)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _fitted(text: str, font: str, box: Box, colour: str, align: int, start: float, label: str):
    check_glyphs(label, [text])
    size = start
    while size >= MIN_SIZE:
        para = paragraph(text, font, size, colour, align=align, leading=1.1, hyphenate=False)
        width, height = para.wrap(box.w, box.h * 4)
        if height <= box.h and max(para.getActualLineWidths0() or [0]) <= box.w + 0.01:
            return para, height
        size -= 0.25
    raise CardError(label, f"le texte « {text} » ne tient pas sur le plateau : raccourcissez-le")


def _draw_title(canvas, kit: Kit, plan: BoardPlan, game_title: str) -> None:
    box = plan.title_box
    title = f"{game_title} · {kit.territory['nom']}"
    para, height = _fitted(
        title, BOLD, Box(box.x, box.y, box.w, mm(12)), TEXT_DARK, TA_CENTER, 26, "plateau"
    )
    para.drawOn(canvas, box.x, box.top - height)
    subtitle = f"Plateau de jeu · {kit.source['titre']}"
    para, height = _fitted(
        subtitle, REGULAR, Box(box.x, box.y, box.w, mm(7)), "#4B5563", TA_CENTER, 12, "plateau"
    )
    para.drawOn(canvas, box.x, box.top - mm(13) - height)
    canvas.setStrokeColor("#D1D5DB")
    canvas.setLineWidth(0.6)
    canvas.line(box.x, box.y, box.right, box.y)


def _draw_diagram(canvas, axis, diagram: Diagram) -> None:
    light = tint(axis.colour, 0.08)
    canvas.setFillColor(light)
    canvas.roundRect(*_rect(diagram.cell.inset(mm(2))), mm(4), stroke=0, fill=1)
    title = f"Axe {axis.number} · {axis.short_title}"
    para, height = _fitted(
        title, BOLD, diagram.title_box.inset(mm(3)), axis.colour, TA_LEFT, 15, "plateau"
    )
    para.drawOn(canvas, diagram.title_box.x + mm(5), diagram.title_box.top - mm(4) - height)
    draw_shape(
        canvas,
        axis.shape,
        Box(diagram.title_box.right - mm(13), diagram.title_box.top - mm(11), mm(8), mm(8)),
        axis.colour,
    )
    canvas.setStrokeColor(tint(axis.colour, 0.55))
    canvas.setLineWidth(1.6)
    for node in diagram.nodes:
        canvas.line(diagram.cx, diagram.cy, node.x, node.y)
    r = diagram.concept_radius
    canvas.setFillColor(axis.colour)
    canvas.circle(diagram.cx, diagram.cy, r, stroke=0, fill=1)
    draw_icon(
        canvas,
        axis.pictogram,
        Box(diagram.cx - r * 0.28, diagram.cy + r * 0.38, r * 0.56, r * 0.42),
        WHITE,
    )
    concept_box = Box(diagram.cx - r * 0.82, diagram.cy - r * 0.7, r * 1.64, r * 1.05)
    para, height = _fitted(axis.concept, BOLD, concept_box, WHITE, TA_CENTER, 12, "plateau")
    para.drawOn(canvas, concept_box.x, concept_box.top - (concept_box.h - height) / 2 - height)
    for node in diagram.nodes:
        _draw_node(canvas, axis, node)


def _draw_node(canvas, axis, node: Node) -> None:
    box = Box(node.x - node.radius, node.y - node.radius, 2 * node.radius, 2 * node.radius)
    draw_shape(canvas, axis.shape, box, WHITE, axis.colour, width=2)
    canvas.setFillColor(axis.colour)
    canvas.setFont(BOLD, 15)
    lift = mm(1.4) if axis.shape == "triangle" else 0
    canvas.drawCentredString(node.x, node.y - 5.3 - lift, str(node.number))
    para, height = _fitted(
        node.label, BOLD, node.label_box, TEXT_DARK, ALIGN[node.align], 12, "plateau"
    )
    label = node.label_box
    if node.align == "centre":
        y = label.y if label.y > node.y else label.top - height
    else:
        y = label.y + (label.h - height) / 2
    para.drawOn(canvas, label.x, y)


def _draw_slot(canvas, kit: Kit, slot: Box) -> None:
    canvas.saveState()
    canvas.setStrokeColor(kit.families["scenario"].colour)
    canvas.setLineWidth(1.2)
    canvas.setDash(6, 4)
    canvas.roundRect(*_rect(slot), mm(3), stroke=1, fill=0)
    canvas.restoreState()
    draw_icon(
        canvas,
        "map-search",
        Box(slot.center[0] - mm(9), slot.center[1] + mm(2), mm(18), mm(18)),
        tint(kit.families["scenario"].colour, 0.35),
    )
    for text, font, size, dy in (
        ("Carte scénario", BOLD, 14, -mm(8)),
        ("posez-la ici", REGULAR, 11, -mm(14)),
    ):
        para, height = _fitted(
            text, font, Box(slot.x, slot.y, slot.w, mm(8)), "#4B5563", TA_CENTER, size, "plateau"
        )
        para.drawOn(canvas, slot.x, slot.center[1] + dy)


def _rect(box: Box) -> tuple[float, float, float, float]:
    return (box.x, box.y, box.w, box.h)
