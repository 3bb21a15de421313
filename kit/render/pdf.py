"""A reportlab canvas set for reproducible, fully embedded output, in the profile's inks."""

from __future__ import annotations

import contextlib
import functools
import io
import zlib
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from reportlab import rl_config
from reportlab.lib.colors import Color, toColor
from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFStream, xObjectName
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from ..fonts import REGULAR, register_fonts
from .inks import Inks

rl_config.useA85 = 0  # plain Flate streams: smaller files
_REFUSED = [chr(code) for code in range(0x18, 0x20)]  # by reportlab's PDFDocEncoding codec
RGB_INKS = Inks()


@functools.cache
def _parsed(value: str) -> Color:
    return toColor(value)


def _converted(inks: Inks, colour) -> Color:
    if isinstance(colour, str):
        colour = _parsed(colour)
    elif isinstance(colour, tuple | list):
        colour = Color(*colour)
    return inks.colour(colour)


class KitCanvas(Canvas):
    """Every colour goes through the profile's inks; each "#RRGGBB" string is parsed once (the
    illustrations set tens of thousands)."""

    def __init__(self, *args, inks: Inks = RGB_INKS, **kwargs) -> None:
        self.inks = inks
        super().__init__(*args, enforceColorSpace="cmyk" if inks.cmyk else None, **kwargs)

    def setFillColor(self, aColor, alpha=None):  # noqa: N802, N803 (reportlab's names)
        super().setFillColor(_converted(self.inks, aColor), alpha)

    def setStrokeColor(self, aColor, alpha=None):  # noqa: N802, N803
        super().setStrokeColor(_converted(self.inks, aColor), alpha)

    def beginText(self, x=0, y=0, direction=None):  # noqa: N802
        return KitTextObject(self, x, y, direction=direction)

    def endForm(self, **extra_attributes):  # noqa: N802
        """reportlab encodes a form's operators through a Python mapping, character by
        character (0.6 s for 1,000 cards); for ASCII without the 8 characters that mapping
        refuses, its bytes are the ASCII bytes, encoded here at C speed."""
        text = "\n".join([self._preamble, *self._code])
        if not text.isascii() or any(char in text for char in _REFUSED):
            return super().endForm(**extra_attributes)
        name, preamble = self._formData[0], self._preamble
        self._preamble, self._code = "", []  # reportlab's own encoding gets nothing to do
        try:
            super().endForm(**extra_attributes)
        finally:
            self._preamble = preamble
        form, data = self._doc.idToObject[xObjectName(name)], text.encode("ascii")
        pool = getattr(self, "_pool", None)
        if pool is not None and form.compression and not rl_config.useA85:
            form.Contents = _DeflatedStream(pool.submit(zlib.compress, data))
        else:
            form.stream = data
        return None

    @contextlib.contextmanager
    def compressing_forms(self) -> Iterator[None]:
        """Within it, forms are compressed on two threads while drawing goes on (zlib
        releases the GIL); the threads end with it, whatever happens, before the build
        forks again."""
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="makekit-zlib")
        try:
            yield
        finally:
            self._pool.shutdown()  # the streams not formatted yet are compressed by now
            self._pool = None


class _DeflatedStream(PDFStream):
    """A form's content compressed on a thread: the bytes reportlab's own FlateDecode
    filter writes (zlib.compress at its default level), under the same dictionary."""

    def __init__(self, compressed: Future[bytes]) -> None:
        super().__init__()
        self._compressed = compressed
        self.dictionary["Filter"] = PDFArray([PDFName("FlateDecode")])
        self.__Comment__ = "xobject form stream"

    def format(self, document):
        self.content = self._compressed.result()
        return super().format(document)


class KitTextObject(PDFTextObject):
    """Paragraphs set their colours on the text object, not on the canvas."""

    def setFillColor(self, aColor, alpha=None):  # noqa: N802, N803
        super().setFillColor(_converted(self._canvas.inks, aColor), alpha)

    def setStrokeColor(self, aColor, alpha=None):  # noqa: N802, N803
        super().setStrokeColor(_converted(self._canvas.inks, aColor), alpha)


def new_canvas(
    buffer: io.BytesIO,
    pagesize: tuple[float, float],
    title: str,
    subject: str,
    inks: Inks = RGB_INKS,
) -> KitCanvas:
    register_fonts()
    canvas = KitCanvas(
        buffer,
        pagesize=pagesize,
        invariant=1,
        initialFontName=REGULAR,
        initialFontSize=10,
        pageCompression=1,
        lang="fr-FR",
        inks=inks,
    )
    canvas.setTitle(title)
    canvas.setSubject(subject)
    canvas.setAuthor("makekit")
    canvas.setCreator("makekit")
    return canvas
