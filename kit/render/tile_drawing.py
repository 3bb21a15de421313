"""What the assembly map and the tiled sheets draw alike: the board form, texts, hatching.

The board is drawn once as a form, in its design coordinates; every page places it scaled and
clipped. The colours are shared so that the map shows the glue zones as the sheets do.
"""

from __future__ import annotations

from ..fonts import check_glyphs
from ..layout.board import BoardPlan
from ..layout.geometry import Box
from ..layout.tiling import Tile
from ..typography import NBSP, french
from ..units import mm, to_mm

FORM = "plateau-tuiles"
WHITE = "#FFFFFF"
BLACK = "#000000"
GREY = "#4B5563"
HATCH = "#8A94A6"
ACCENT = "#B45309"  # the glue zones and the cut lines: one colour for "work to do here"
HATCH_STEP = mm(2.2)
SMALL = 7.5  # the size of the working notes: "couper ici", "coller sous…"


def place_board(canvas, plan: BoardPlan, scale: float, at: tuple[float, float], clip: Box):
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


def prepared_text(canvas, text: str, font: str, size: float, colour: str) -> str:
    """``text`` in French typography, checked against ``font``, with the canvas set to draw it."""
    text = french(text).replace("\u202f", NBSP)
    check_glyphs("plateau en feuilles", [text], font)
    canvas.setFont(font, size)
    canvas.setFillColor(colour)
    return text


def whole_mm(points: float) -> str:
    return f"{round(to_mm(points)):d}"


def glue_strips(tile: Tile, overlap: float) -> list[Box]:
    """The glue zones of a tile, in board coordinates: its left and top strips."""
    r, strips = tile.region, []
    if overlap <= 0:
        return strips
    if tile.glue_left:
        strips.append(Box(r.x, r.y, overlap, r.h))
    if tile.glue_top:
        strips.append(Box(r.x, r.top - overlap, r.w, overlap))
    return strips


def hatch(canvas, box: Box, colour: str, step: float, width: float) -> None:
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
