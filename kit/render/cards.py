"""Draw one card face or back, once, as a PDF form placed wherever the card is needed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from reportlab.pdfgen.canvas import Canvas

from ..art.illustration import draw_illustration
from ..colours import tint
from ..deck import Back, Deck, Face
from ..fonts import BLACK, BOLD, REGULAR, check_glyphs
from ..layout.card import BOX_PADDING, CardBoxes, FittedText, centred, paragraph
from ..layout.geometry import Box
from ..units import mm
from .blank import draw_writing_space
from .patterns import draw_pattern
from .shapes import draw_number, draw_shape, draw_sign, draw_user_image

WHITE = "#FFFFFF"
GREY = "#5A6270"


def form_name(key: str) -> str:
    return "card-" + key


def draw_face_form(canvas: Canvas, face: Face, boxes: CardBoxes, fitted: FittedText) -> None:
    check_glyphs(face.label, dict(face.texts))
    canvas.beginForm(form_name(face.key), *boxes.bleed.as_pdf_box())
    _clip(canvas, boxes.bleed)
    canvas.setFillColor(WHITE)
    canvas.rect(*_rect(boxes.bleed), stroke=0, fill=1)
    if face.blank:
        draw_writing_space(canvas, face, boxes)
    else:
        _draw_illustration(canvas, face, boxes)
    canvas.setFillColor(face.colour)
    canvas.rect(*_rect(boxes.strip), stroke=0, fill=1)
    draw_pattern(canvas, boxes.strip, face.pattern, tint(face.colour, 0.8))
    _draw_header(canvas, face, boxes)
    if not face.blank:
        _draw_pictogram_disc(canvas, face, boxes.pictogram)
        _draw_text(canvas, face, boxes.text, fitted)
    _draw_footer(canvas, face, boxes)
    canvas.endForm()


def draw_back_form(canvas: Canvas, back: Back, boxes: CardBoxes, game_title: str) -> None:
    check_glyphs(f"dos « {back.key} »", [back.title, back.subtitle, game_title])
    canvas.beginForm(form_name("dos-" + back.key), *boxes.bleed.as_pdf_box())
    _clip(canvas, boxes.bleed)
    canvas.setFillColor(back.colour)
    canvas.rect(*_rect(boxes.bleed), stroke=0, fill=1)
    draw_pattern(canvas, boxes.bleed, back.pattern, tint(back.colour, 0.82))
    trim = boxes.trim
    size = min(trim.w * 0.62, trim.h * 0.4)
    emblem = Box(trim.w / 2 - size / 2, trim.h * 0.5 - size / 2 + mm(4), size, size)
    draw_shape(canvas, back.shape, emblem.expand(mm(2.5)), back.colour)
    draw_shape(canvas, back.shape, emblem, tint(back.colour, 0.75), WHITE, width=2.2)
    icon = emblem.inset(size * 0.27)
    if back.shape == "triangle":  # the icon sits in the wide lower part of the triangle
        icon = Box(icon.x + icon.w * 0.15, icon.y - size * 0.08, icon.w * 0.7, icon.h * 0.7)
    draw_sign(canvas, back.pictogram, icon, WHITE)
    plate = Box(trim.x + mm(6), emblem.y - mm(23), trim.w - mm(12), mm(17))
    canvas.setFillColor(back.colour)
    canvas.roundRect(*_rect(plate), mm(2), stroke=0, fill=1)
    _draw_centred(canvas, game_title.upper(), BLACK, 11, trim, boxes.safe.top - mm(7), WHITE)
    _draw_centred(canvas, back.title, BOLD, 20, trim, emblem.y - mm(12), WHITE)
    _draw_centred(canvas, back.subtitle, REGULAR, 12, trim, emblem.y - mm(19), WHITE)
    canvas.endForm()


def _draw_illustration(canvas: Canvas, face: Face, boxes: CardBoxes) -> None:
    if face.illustration is not None:
        draw_user_image(canvas, face.illustration, boxes.illustration, cover=True)
        return
    draw_illustration(canvas, *picture_arguments(face, boxes))


def icons_to_draw(deck: Deck) -> list[tuple[str, str]]:
    """The icons (name, colour) these cards draw; a user's file is not one."""
    icons = [(back.pictogram, WHITE) for back in deck.backs.values()]
    for face in deck.fronts:
        icons.append((face.family_pictogram, WHITE))
        if not face.blank:
            icons.append((face.pictogram, face.colour))
    return [icon for icon in dict.fromkeys(icons) if isinstance(icon[0], str)]


def pictures_to_draw(fronts: Iterable[Face], boxes: Mapping[str, CardBoxes]) -> list[tuple]:
    """The generated pictures of these cards, in drawing order."""
    return [
        picture_arguments(face, boxes[face.family])
        for face in fronts
        if not face.blank and face.illustration is None
    ]


def picture_arguments(face: Face, boxes: CardBoxes) -> tuple:
    """What a card's generated picture is drawn from (see art.illustration)."""
    covered = (boxes.pictogram, boxes.badge.expand(mm(1)), boxes.strip)
    return (boxes.illustration, face.seed, face.colour, face.accents, covered, face.themes)


def _draw_pictogram_disc(canvas: Canvas, face: Face, box: Box) -> None:
    canvas.setFillColor(WHITE)
    canvas.setStrokeColor(face.colour)
    canvas.setLineWidth(1.2)
    canvas.circle(*box.center, box.w / 2, stroke=1, fill=1)
    draw_sign(canvas, face.pictogram, box.inset(box.w * 0.2), face.colour)


def _clip(canvas: Canvas, box: Box) -> None:
    path = canvas.beginPath()
    path.rect(*_rect(box))
    canvas.clipPath(path, stroke=0, fill=0)


def _rect(box: Box) -> tuple[float, float, float, float]:
    return (box.x, box.y, box.w, box.h)


def _draw_header(canvas: Canvas, face: Face, boxes: CardBoxes) -> None:
    header = paragraph(face.texts["entete"], BOLD, 8.5, WHITE)
    _, height = header.wrap(boxes.header.w, boxes.header.h * 3)
    text_w = max(header.getActualLineWidths0(), default=0)
    # a plain backdrop, so the family's pattern never runs behind the words
    backdrop = Box(
        boxes.family_icon.x - mm(1.2),
        boxes.header.y + mm(0.6),
        boxes.header.x - boxes.family_icon.x + text_w + mm(2.4),
        boxes.header.h - mm(1.2),
    )
    canvas.setFillColor(face.colour)
    canvas.roundRect(*_rect(backdrop), mm(1.2), stroke=0, fill=1)
    draw_sign(canvas, face.family_pictogram, boxes.family_icon, WHITE)
    header.drawOn(canvas, boxes.header.x, boxes.header.y + (boxes.header.h - height) / 2 + mm(0.3))
    draw_shape(canvas, face.shape, boxes.badge.expand(mm(0.6)), face.colour)
    draw_shape(canvas, face.shape, boxes.badge, WHITE)
    draw_number(canvas, face.shape, boxes.badge, face.badge, face.colour, BOLD, 11)


def _draw_text(canvas: Canvas, face: Face, box: Box, fitted: FittedText) -> None:
    y = box.top
    for name, para in fitted.parts():
        if name == "encadre":
            height = para.wrap(box.w - 2 * BOX_PADDING, 10_000)[1]  # the lines the fitting broke
            panel = Box(box.x, y - height - 2 * BOX_PADDING, box.w, height + 2 * BOX_PADDING)
            canvas.setFillColor(tint(face.colour, 0.13))
            canvas.roundRect(*_rect(panel), mm(1.5), stroke=0, fill=1)
            canvas.setFillColor(face.colour)
            canvas.rect(panel.x, panel.y, mm(1), panel.h, stroke=0, fill=1)
            para.drawOn(canvas, box.x + BOX_PADDING, y - BOX_PADDING - height)
            y = panel.y - fitted.gap
        else:
            height = para.wrap(box.w, 10_000)[1]
            para.drawOn(canvas, box.x, y - height)
            y -= height + fitted.gap


def _draw_footer(canvas: Canvas, face: Face, boxes: CardBoxes) -> None:
    footer = boxes.footer
    canvas.setStrokeColor(tint(face.colour, 0.35))
    canvas.setLineWidth(0.5)
    canvas.line(footer.x, footer.top, footer.right, footer.top)
    marker = mm(4.2)
    x = footer.right - marker
    for sign in reversed(face.markers):
        box = Box(x, footer.y + mm(0.6), marker, marker)
        draw_shape(canvas, sign.shape, box, sign.colour)
        draw_number(canvas, sign.shape, box, str(sign.number), WHITE, BOLD, 8)
        x -= marker + mm(1.2)
    text = paragraph(face.texts["pied"], REGULAR, 7, GREY)
    _, height = text.wrap(x - footer.x - mm(1), footer.h)
    text.drawOn(canvas, footer.x, footer.y + (footer.h - height) / 2 - mm(0.3))


def _draw_centred(
    canvas: Canvas, text: str, font: str, size: float, trim: Box, y: float, colour: str
) -> None:
    para = centred(text, font, size, colour)
    _, height = para.wrap(trim.w - mm(8), trim.h)
    para.drawOn(canvas, mm(4), y - height / 2)
