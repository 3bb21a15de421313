"""The writing space of a blank card: labelled zones with ruled lines, pitched for handwriting."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from ..colours import tint
from ..deck import Face
from ..fonts import BOLD, REGULAR
from ..layout.card import CardBoxes
from ..layout.geometry import Box
from ..units import mm

LINE_PITCH = mm(7.5)
LABEL_SIZE = 7.5
GREY = "#5A6270"
FRAME_H = mm(22)


def draw_writing_space(canvas: Canvas, face: Face, boxes: CardBoxes) -> None:
    """A drawing frame under the strip, then the title, the main text and the boxed text."""
    safe = boxes.safe
    # a small drawing frame: the writing lines matter more on a card written by hand
    frame_h = min(boxes.strip.y - boxes.text.top - mm(6), FRAME_H)
    frame = Box(safe.x, boxes.strip.y - mm(3) - frame_h, safe.w, frame_h)
    canvas.setFillColor(tint(face.colour, 0.08))
    canvas.setStrokeColor(tint(face.colour, 0.45))
    canvas.setLineWidth(0.6)
    canvas.setDash(2, 2)
    canvas.roundRect(frame.x, frame.y, frame.w, frame.h, mm(2), stroke=1, fill=1)
    canvas.setDash()
    _label(canvas, "Un dessin, un symbole", frame.x + mm(2), frame.top - mm(4), REGULAR)
    text = Box(boxes.text.x, boxes.text.y, boxes.text.w, frame.y - mm(2) - boxes.text.y)
    boxed_h = LINE_PITCH * 2 + mm(6)
    y = _zone(canvas, face, face.texts["titre"], text.x, text.top, text.w, 1)
    body_lines = int((y - mm(3) - text.y - boxed_h - mm(2)) // LINE_PITCH)
    y = _zone(canvas, face, face.texts["corps"], text.x, y - mm(3), text.w, max(body_lines, 1))
    panel = Box(text.x, text.y, text.w, boxed_h)
    canvas.setFillColor(tint(face.colour, 0.13))
    canvas.roundRect(panel.x, panel.y, panel.w, panel.h, mm(1.5), stroke=0, fill=1)
    canvas.setFillColor(face.colour)
    canvas.rect(panel.x, panel.y, mm(1), panel.h, stroke=0, fill=1)
    _zone(
        canvas, face, face.texts["encadre"], text.x + mm(2.5), panel.top - mm(1), text.w - mm(4), 2
    )


def _zone(
    canvas: Canvas, face: Face, label: str, x: float, top: float, w: float, lines: int
) -> float:
    """A label and ``lines`` ruled lines under it; returns the bottom of the zone."""
    _label(canvas, label, x, top - mm(3), BOLD)
    canvas.setStrokeColor(tint(face.colour, 0.4))
    canvas.setLineWidth(0.5)
    y = top - mm(3)
    for _ in range(lines):
        y -= LINE_PITCH
        canvas.line(x, y, x + w, y)
    return y


def _label(canvas: Canvas, text: str, x: float, y: float, font: str) -> None:
    canvas.setFillColor(GREY)
    canvas.setFont(font, LABEL_SIZE)
    canvas.drawString(x, y, text)
