"""Family shapes and pictograms drawn on a reportlab canvas."""

from __future__ import annotations

import contextlib
import functools
import io
import math
from collections.abc import Iterable
from pathlib import Path

from PIL import Image
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from svglib.svglib import svg2rlg

from ..art.replay import replayed
from ..fonts import REGULAR, register_fonts
from ..icons import icon_path_data
from ..images import ImageProblem, cover_crop
from ..layout.geometry import Box
from .inks import Inks
from .pdf import RGB_INKS, KitCanvas

# renderPDF selects the graphics state's default font before drawing anything, and that
# default (Helvetica) would be referenced, unembedded, in the PDF: use our embedded font.
register_fonts()
STATE_DEFAULTS["fontName"] = REGULAR


def shape_path(canvas: Canvas, shape: str, box: Box):
    """A closed path of the family shape, inscribed in ``box``."""
    cx, cy = box.center
    r = min(box.w, box.h) / 2
    path = canvas.beginPath()
    if shape == "cercle":
        path.circle(cx, cy, r)
        return path
    if shape == "carre":
        side = r * 1.7
        path.roundRect(cx - side / 2, cy - side / 2, side, side, r * 0.18)
        return path
    corners = {
        "triangle": (3, 90, 1.0, -0.18),
        "losange": (4, 90, 1.0, 0),
        "hexagone": (6, 90, 1.0, 0),
        "pentagone": (5, 90, 1.0, -0.095),  # centred between its top point and flat base
    }
    count, start, scale, shift = corners[shape]
    points = [
        (
            cx + r * scale * math.cos(math.radians(start + k * 360 / count)),
            cy + r * shift + r * scale * math.sin(math.radians(start + k * 360 / count)),
        )
        for k in range(count)
    ]
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    path.close()
    return path


def draw_shape(
    canvas: Canvas,
    shape: str,
    box: Box,
    fill: str | None,
    stroke: str | None = None,
    width: float = 1.0,
) -> None:
    canvas.saveState()
    if fill:
        canvas.setFillColor(fill)
    if stroke:
        canvas.setStrokeColor(stroke)
        canvas.setLineWidth(width)
        canvas.setLineJoin(1)
    canvas.drawPath(
        shape_path(canvas, shape, box), fill=1 if fill else 0, stroke=1 if stroke else 0
    )
    canvas.restoreState()


@functools.cache
def _icon_drawing(slug: str, colour: str) -> Drawing:
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        f'<path fill="{colour}" d="{icon_path_data(slug)}"/></svg>'
    )
    drawing = svg2rlg(io.BytesIO(svg.encode()))
    assert drawing is not None
    return drawing


def draw_sign(canvas: Canvas, sign: str | Path, box: Box, colour: str) -> None:
    """A pictogram: an icon name drawn in ``colour``, or a user's file drawn as it is."""
    if isinstance(sign, Path):
        draw_user_image(canvas, sign, box, cover=False)
    else:
        draw_icon(canvas, sign, box, colour)


def draw_user_image(canvas: Canvas, path: Path, box: Box, cover: bool) -> None:
    """A user's SVG, PNG or JPEG, either covering ``box`` (cropped) or contained in it."""
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(box.x, box.y, box.w, box.h)
    canvas.clipPath(clip, stroke=0, fill=0)
    if path.suffix.lower() == ".svg":
        drawing = _user_svg(path)
        scale = (max if cover else min)(box.w / drawing.width, box.h / drawing.height)
        width, height = drawing.width * scale, drawing.height * scale
        canvas.translate(box.x + (box.w - width) / 2, box.y + (box.h - height) / 2)
        canvas.scale(scale, scale)
        renderPDF.draw(drawing, canvas, 0, 0)
    elif cover:
        image = _inks(canvas).image(cover_crop(path, box.w, box.h))
        canvas.drawImage(ImageReader(image), box.x, box.y, box.w, box.h)
    else:
        with Image.open(path) as source:
            image = _inks(canvas).image(_flattened(source))
        canvas.drawImage(
            ImageReader(image), box.x, box.y, box.w, box.h, preserveAspectRatio=True, anchor="c"
        )
    canvas.restoreState()


@functools.cache
def _user_svg(path: Path) -> Drawing:
    drawing = svg2rlg(str(path), resolve_entities=False)
    if drawing is None or not drawing.width or not drawing.height:
        raise ImageProblem(f"« {path.name} » : fichier SVG illisible")
    return drawing


def _inks(canvas: Canvas) -> Inks:
    return getattr(canvas, "inks", RGB_INKS)


def _flattened(image: Image.Image) -> Image.Image:
    """Transparent pixels on white: print files carry no transparency."""
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, "#FFFFFF")
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image.convert("RGB")


def draw_icon(canvas: Canvas, slug: str, box: Box, colour: str) -> None:
    """Draw a pictogram scaled to fit ``box``, centred (on cards, replayed from the cache)."""
    replayed(canvas, ("icon", slug, box, colour), lambda: _draw_icon(canvas, slug, box, colour))


def prepare_icons(icons: Iterable[tuple[str, str]], inks: Inks) -> None:
    """Make these icons' (name, colour) operators now: a process forked afterwards has them
    too, instead of making them again (about a millisecond each)."""
    for slug, colour in icons:
        with contextlib.suppress(KeyError):  # an unknown name: said when it is drawn
            _operators(slug, colour, inks)


def _draw_icon(canvas: Canvas, slug: str, box: Box, colour: str) -> None:
    width, operators = _operators(slug, colour, _inks(canvas))
    size = min(box.w, box.h)
    scale = size / width
    canvas.saveState()
    canvas.translate(box.x + (box.w - size) / 2, box.y + (box.h - size) / 2)
    canvas.scale(scale, scale)
    canvas.addLiteral(operators)
    canvas.restoreState()


def _operators(slug: str, colour: str, inks: Inks) -> tuple[float, str]:
    key = (slug, colour, inks.key)  # canvases with equal inks share an icon's operators
    if key not in _ICON_OPERATORS:
        _ICON_OPERATORS[key] = _icon_operators(slug, colour, inks)
    return _ICON_OPERATORS[key]


_ICON_OPERATORS: dict[tuple[str, str, str], tuple[float, str]] = {}


def _icon_operators(slug: str, colour: str, inks: Inks) -> tuple[float, str]:
    """An icon's PDF drawing operators, made once by svglib and reused on every card."""
    drawing = _icon_drawing(slug, colour)
    scratch = KitCanvas(io.BytesIO(), inks=inks)
    scratch._code = []  # only this drawing's operators
    renderPDF.draw(drawing, scratch, 0, 0)
    return drawing.width, "\n".join(scratch._code)


# Where a number sits inside each shape, as fractions of the shape's box (x, y, w, h).
NUMBER_ROOM = {
    "cercle": (0.2, 0.26, 0.6, 0.48),
    "carre": (0.18, 0.26, 0.64, 0.48),
    "losange": (0.26, 0.32, 0.48, 0.36),
    "hexagone": (0.2, 0.28, 0.6, 0.44),
    "pentagone": (0.22, 0.24, 0.56, 0.42),
    "triangle": (0.3, 0.19, 0.4, 0.31),  # the wide lower part, just above the base
}


def draw_number(
    canvas: Canvas, shape: str, box: Box, text: str, colour: str, font: str, largest: float
) -> None:
    """``text`` centred in the room its shape leaves, as large as fits up to ``largest``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fx, fy, fw, fh = NUMBER_ROOM[shape]
    room = Box(box.x + fx * box.w, box.y + fy * box.h, fw * box.w, fh * box.h)
    cap = 0.66  # Source Sans Pro's cap height, in ems
    size = min(largest, room.h / cap)
    width = stringWidth(text, font, size)
    if width > room.w:
        size *= room.w / width
    canvas.setFillColor(colour)
    canvas.setFont(font, size)
    canvas.drawCentredString(room.center[0], room.y + (room.h - cap * size) / 2, text)
