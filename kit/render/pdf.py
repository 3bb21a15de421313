"""A reportlab canvas set for reproducible, fully embedded output."""

from __future__ import annotations

import functools
import io

from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from ..fonts import REGULAR, register_fonts

rl_config.useA85 = 0  # plain Flate streams: smaller files


@functools.cache
def _hex_colour(value: str) -> Color:
    return HexColor(value)


class KitCanvas(Canvas):
    """A canvas that parses each "#RRGGBB" colour once: the art sets tens of thousands."""

    def setFillColor(self, aColor, alpha=None):  # noqa: N802, N803 (reportlab's names)
        if isinstance(aColor, str) and aColor.startswith("#"):
            aColor = _hex_colour(aColor)
        super().setFillColor(aColor, alpha)

    def setStrokeColor(self, aColor, alpha=None):  # noqa: N802, N803
        if isinstance(aColor, str) and aColor.startswith("#"):
            aColor = _hex_colour(aColor)
        super().setStrokeColor(aColor, alpha)


def new_canvas(
    buffer: io.BytesIO, pagesize: tuple[float, float], title: str, subject: str
) -> Canvas:
    register_fonts()
    canvas = KitCanvas(
        buffer,
        pagesize=pagesize,
        invariant=1,
        initialFontName=REGULAR,
        initialFontSize=10,
        pageCompression=1,
        lang="fr-FR",
    )
    canvas.setTitle(title)
    canvas.setSubject(subject)
    canvas.setAuthor("makekit")
    canvas.setCreator("makekit")
    return canvas
