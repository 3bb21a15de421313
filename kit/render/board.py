"""The board PDF: four radial axis diagrams, the scenario card's slot, a legend."""

from __future__ import annotations

import io

from reportlab.lib.enums import TA_CENTER, TA_LEFT

from ..errors import CardError
from ..fonts import BOLD, REGULAR, check_glyphs
from ..layout.board import BoardPlan, Diagram, Node
from ..layout.card import TEXT_DARK, paragraph
from ..layout.geometry import Box
from ..model import Kit
from ..units import mm
from .cards import WHITE, tint
from .inks import Inks
from .patterns import draw_pattern
from .pdf import new_canvas
from .shapes import draw_icon, draw_number, draw_shape, draw_sign, draw_user_image

LABEL_SIZE = 14  # the smallest text of the board, read from across the table
GREY = "#4B5563"
BACKGROUND = "#F7F4EE"  # only behind a board printed with bleed, so the trim is never white


def render_board(
    kit: Kit,
    plan: BoardPlan,
    game_title: str,
    inks: Inks,
    trim_size: tuple[float, float],
    bleed: float = 0.0,
) -> bytes:
    """The board on one page of ``trim_size``, scaled from its A3 design; with a bleed, a
    background runs into it and the page carries TrimBox and BleedBox."""
    buffer = io.BytesIO()
    size = (trim_size[0] + 2 * bleed, trim_size[1] + 2 * bleed)
    canvas = new_canvas(buffer, size, f"{game_title} — plateau", kit.territory["nom"], inks)
    trim = Box(bleed, bleed, *trim_size)
    if bleed > 0:
        canvas.setTrimBox(trim.as_pdf_box())
        canvas.setBleedBox(Box(0, 0, *size).as_pdf_box())
        canvas.setFillColor(BACKGROUND)
        canvas.rect(0, 0, *size, stroke=0, fill=1)
    scale = trim_size[0] / plan.page.w
    canvas.translate(bleed, bleed)
    canvas.scale(scale, scale)
    draw_board(canvas, kit, plan, game_title)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def draw_board(canvas, kit: Kit, plan: BoardPlan, game_title: str) -> None:
    """The whole board in page coordinates (origin at the bottom-left of ``plan.page``)."""
    for diagram in plan.diagrams:
        _draw_diagram(canvas, kit.axis(diagram.axis_id), diagram)
    _draw_title(canvas, kit, plan.title_box, game_title)
    _draw_slot(canvas, kit, plan.scenario_slot)
    _draw_legend(canvas, kit, plan.legend_box)
    if kit.logo is not None:  # the territory's own logo, under the legend
        legend = plan.legend_box
        draw_user_image(canvas, kit.logo, Box(legend.x, legend.y, legend.w, mm(30)), cover=False)


def _fitted(text: str, font: str, box: Box, colour: str, align: int, start: float, floor: float):
    """The largest size from ``start`` down to ``floor`` at which ``text`` fits ``box``."""
    check_glyphs("plateau", [text])
    size = start
    while size >= floor:
        para = paragraph(
            text, font, size, colour, align=align, leading=1.1, hyphenate=False, no_widow=False
        )
        _, height = para.wrap(box.w, box.h * 4)
        if height <= box.h and max(para.getActualLineWidths0() or [0]) <= box.w + 0.01:
            return para, height
        size -= 0.25
    raise CardError("plateau", f"le texte « {text} » ne tient pas dans sa place : raccourcissez-le")


def _draw_title(canvas, kit: Kit, box: Box, game_title: str) -> None:
    para, height = _fitted(
        game_title, BOLD, Box(box.x, box.y, box.w, mm(13)), TEXT_DARK, TA_CENTER, 34, 20
    )
    para.drawOn(canvas, box.x, box.top - height)
    name_box = Box(box.x, box.y, box.w, mm(20))
    colour = kit.territory.get("couleur", GREY)
    para, name_h = _fitted(kit.territory["nom"], BOLD, name_box, colour, TA_CENTER, 16, LABEL_SIZE)
    para.drawOn(canvas, box.x, box.top - mm(15) - name_h)
    para, sub_h = _fitted(
        "Plateau de jeu", REGULAR, Box(box.x, box.y, box.w, mm(7)), GREY, TA_CENTER, 14, 14
    )
    para.drawOn(canvas, box.x, box.top - mm(17) - name_h - sub_h)


def _draw_diagram(canvas, axis, diagram: Diagram) -> None:
    panel = diagram.cell
    canvas.setFillColor(tint(axis.colour, 0.09))
    canvas.roundRect(panel.x, panel.y, panel.w, panel.h, mm(4), stroke=0, fill=1)
    strip = diagram.title_box
    canvas.saveState()
    clip = canvas.beginPath()
    clip.roundRect(panel.x, panel.y, panel.w, panel.h, mm(4))
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.setFillColor(axis.colour)
    canvas.rect(strip.x, strip.y, strip.w, strip.h, stroke=0, fill=1)
    draw_pattern(canvas, strip, axis.pattern, tint(axis.colour, 0.8))
    canvas.restoreState()
    draw_sign(canvas, axis.pictogram, Box(strip.x + mm(4), strip.y + mm(2.5), mm(7), mm(7)), WHITE)
    title = f"Axe {axis.number} · {axis.short_title}"
    title_box = Box(strip.x + mm(13), strip.y, strip.w - mm(30), strip.h)
    para, height = _fitted(title, BOLD, title_box, WHITE, TA_LEFT, 18, LABEL_SIZE)
    para.drawOn(canvas, title_box.x, strip.y + (strip.h - height) / 2 + mm(0.4))
    badge = Box(strip.right - mm(12), strip.y + mm(2), mm(8), mm(8))
    draw_shape(canvas, axis.shape, badge, WHITE)
    canvas.setStrokeColor(tint(axis.colour, 0.55))
    canvas.setLineWidth(2.2)
    for node in diagram.nodes:
        canvas.line(diagram.cx, diagram.cy, node.x, node.y)
    _draw_concept(canvas, axis, diagram)
    for node in diagram.nodes:
        _draw_node(canvas, axis, node)


def _draw_concept(canvas, axis, diagram: Diagram) -> None:
    """The axis's central concept, as large as the circle allows (the pictogram is already
    in the panel's title strip)."""
    r = diagram.concept_radius
    canvas.setFillColor(axis.colour)
    canvas.circle(diagram.cx, diagram.cy, r, stroke=0, fill=1)
    box = Box(diagram.cx - r * 0.82, diagram.cy - r * 0.62, r * 1.64, r * 1.24)
    para, height = _fitted(axis.concept, BOLD, box, WHITE, TA_CENTER, 16, 11)
    para.drawOn(canvas, box.x, box.top - (box.h - height) / 2 - height)


def _draw_node(canvas, axis, node: Node) -> None:
    canvas.setFillColor(WHITE)
    canvas.setStrokeColor(axis.colour)
    canvas.setLineWidth(2.2)
    canvas.circle(node.x, node.y, node.radius, stroke=1, fill=1)
    icon = node.radius * 1.1
    draw_sign(
        canvas, node.pictogram, Box(node.x - icon / 2, node.y - icon / 2, icon, icon), axis.colour
    )
    size = mm(9) if axis.shape == "triangle" else mm(7.5)
    badge = Box(node.x - node.radius * 1.45, node.y + node.radius * 0.25, size, size)
    draw_shape(canvas, axis.shape, badge.expand(mm(0.5)), WHITE)
    draw_shape(canvas, axis.shape, badge, axis.colour)
    draw_number(canvas, axis.shape, badge, str(node.number), WHITE, BOLD, 13)
    label = node.label_box
    para, height = _fitted(node.label, BOLD, label, TEXT_DARK, TA_CENTER, LABEL_SIZE, LABEL_SIZE)
    y = label.y if node.align == "above" else label.top - height
    para.drawOn(canvas, label.x, y)


def _draw_slot(canvas, kit: Kit, slot: Box) -> None:
    colour = kit.families["scenario"].colour
    canvas.saveState()
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(1.4)
    canvas.setDash(6, 4)
    canvas.roundRect(slot.x, slot.y, slot.w, slot.h, mm(3), stroke=1, fill=0)
    canvas.restoreState()
    draw_icon(
        canvas,
        "map-search",
        Box(slot.center[0] - mm(10), slot.center[1] + mm(4), mm(20), mm(20)),
        tint(colour, 0.35),
    )
    for text, font, size, dy in (
        ("Carte scénario", BOLD, 16, -mm(6)),
        ("posez-la ici", REGULAR, LABEL_SIZE, -mm(13)),
    ):
        para, _ = _fitted(
            text, font, Box(slot.x, slot.y, slot.w, mm(8)), GREY, TA_CENTER, size, size
        )
        para.drawOn(canvas, slot.x, slot.center[1] + dy)


def _draw_legend(canvas, kit: Kit, box: Box) -> None:
    """The family signs, so that no one has to tell the axes apart by colour alone."""
    row_h = min(mm(12), box.h / max(len(kit.axes), 1))
    y = box.top - row_h
    for axis in kit.axes:
        sign = Box(box.x + mm(2), y + (row_h - mm(8)) / 2, mm(8), mm(8))
        draw_shape(canvas, axis.shape, sign, axis.colour)
        draw_number(canvas, axis.shape, sign, str(axis.number), WHITE, BOLD, 12)
        text_box = Box(sign.right + mm(2), y, box.right - sign.right - mm(2), row_h)
        para, height = _fitted(
            axis.short_title, REGULAR, text_box, TEXT_DARK, TA_LEFT, LABEL_SIZE, 11
        )
        para.drawOn(canvas, text_box.x, y + (row_h - height) / 2)
        y -= row_h
