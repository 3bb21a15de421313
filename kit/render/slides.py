"""Slides for projection in large rooms: 16:9 pages, one card each, large, its title beside it.

The page is PowerPoint's and LibreOffice Impress's 16:9 size, 13.333 × 7.5 in
(338.67 × 190.5 mm): projectors and presentation software show it without rescaling bars.
Each card is drawn once as a form and placed scaled, as on the print sheets.
"""

from __future__ import annotations

import io

from ..deck import Deck, Face
from ..fonts import BOLD, REGULAR
from ..layout.card import paragraph
from ..layout.plan import CardsPlan
from ..model import Kit
from ..typography import french
from .cards import draw_face_form, form_name, tint
from .pdf import new_canvas

SLIDE = (960.0, 540.0)  # 13.333 × 7.5 in
CARD_HEIGHT = 0.9 * SLIDE[1]
CARD_LEFT = 72.0
TEXT_GAP = 56.0
RIGHT_MARGIN = 64.0
BACKGROUND = "#1E2227"
WHITE = "#FFFFFF"
MUTED = "#9AA1AC"
TITLE_SIZES = (44, 40, 36, 32, 28, 24)
TITLE_MAX_HEIGHT = 300.0


def render_slides(kit: Kit, deck: Deck, plan: CardsPlan, game_title: str) -> tuple[bytes, int]:
    """The slides PDF and its number of pages: every printed card face in deck order (blank
    cards, written during the workshop, have nothing to project)."""
    faces = [face for face in deck.fronts if not getattr(face, "blank", False)]
    buffer = io.BytesIO()
    subject = kit.territory["nom"]
    canvas = new_canvas(buffer, SLIDE, f"{game_title} — diapositives", subject)
    for face in faces:
        draw_face_form(canvas, face, plan.boxes[face.family], plan.fitted[face.key])
    footer = french(f"{game_title} · {subject}")
    total = len(faces)
    for number, face in enumerate(faces, 1):
        canvas.setFillColor(BACKGROUND)
        canvas.rect(0, 0, *SLIDE, stroke=0, fill=1)
        card_right = _draw_card(canvas, kit, face)
        _draw_caption(canvas, face, card_right + TEXT_GAP)
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 12)
        canvas.drawRightString(
            SLIDE[0] - RIGHT_MARGIN, 24, f"{footer} · {number}\u202f/\u202f{total}"
        )
        canvas.showPage()
    canvas.save()
    return buffer.getvalue(), total


def _draw_card(canvas, kit: Kit, face: Face) -> float:
    """The card at 90 % of the slide's height, its corners cut round; returns its right edge."""
    family = kit.families[face.family]
    scale = CARD_HEIGHT / family.height
    y = (SLIDE[1] - CARD_HEIGHT) / 2
    canvas.saveState()
    canvas.translate(CARD_LEFT, y)
    canvas.scale(scale, scale)
    outline = canvas.beginPath()
    outline.roundRect(0, 0, family.width, family.height, family.corner_radius)
    canvas.clipPath(outline, stroke=0, fill=0)
    canvas.doForm(form_name(face.key))
    canvas.restoreState()
    return CARD_LEFT + family.width * scale


def _draw_caption(canvas, face: Face, left: float) -> None:
    """The card's family line and title, large, centred on the card's height."""
    width = SLIDE[0] - RIGHT_MARGIN - left
    light = tint(face.colour, 0.45)  # some family colours are too dark for the background
    header = paragraph(face.texts.get("entete", ""), BOLD, 24, light)
    _, header_h = header.wrap(width, SLIDE[1])
    title = _title(face.texts.get("titre", face.label), width)
    _, title_h = title.wrap(width, SLIDE[1])
    rule_gap = 22.0
    block = header_h + rule_gap + title_h
    top = (SLIDE[1] + block) / 2
    header.drawOn(canvas, left, top - header_h)
    canvas.setFillColor(light)
    canvas.rect(left, top - header_h - rule_gap / 2 - 2, 64, 4, stroke=0, fill=1)
    title.drawOn(canvas, left, top - block)


def _title(text: str, width: float):
    """The largest of TITLE_SIZES at which the title fits its height."""
    for size in TITLE_SIZES:
        title = paragraph(text, BOLD, size, WHITE, leading=1.12, hyphenate=False)
        if title.wrap(width, SLIDE[1])[1] <= TITLE_MAX_HEIGHT:
            return title
    return title
