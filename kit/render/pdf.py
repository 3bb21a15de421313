"""A reportlab canvas set for reproducible, fully embedded output."""

from __future__ import annotations

import io

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from ..fonts import REGULAR, register_fonts

rl_config.useA85 = 0  # plain Flate streams: smaller files


def new_canvas(
    buffer: io.BytesIO, pagesize: tuple[float, float], title: str, subject: str
) -> Canvas:
    register_fonts()
    canvas = Canvas(
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
