"""Glyph boxes as pdfminer places them, packed in arrays: what the safe-zone check reads."""

from __future__ import annotations

import json
import math
import sys
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTLayoutContainer
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.utils import apply_matrix_rect

from .geometry import Box, Matrix, transform_box

Extent = tuple[tuple[float, int], ...]  # ((x0, glyph), (y0, glyph), (x1, glyph), (y1, glyph))


@dataclass(frozen=True)
class Glyph:
    box: Box
    char: str
    run: int  # index of the text run (one Tj/TJ/'/") in Glyphs.runs


@dataclass(frozen=True)
class Glyphs:
    """Glyph boxes packed in arrays (a 1,000-card deck has some 400,000 glyphs)."""

    boxes: array = field(default_factory=lambda: array("d"))  # x0, y0, x1, y1 of each glyph
    chars: tuple[str, ...] = ()
    run_of: array = field(default_factory=lambda: array("i"))  # each glyph's index in runs
    runs: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()  # why some text could not be placed
    extent: Extent | None = field(default=None, compare=False)  # ink_extent(), if known yet

    def ink_extent(self) -> Extent:
        """The lowest x0 and y0, highest x1 and y1 of the glyphs that are not spaces, each
        with the first glyph that has it; () without such glyphs."""
        return self.extent if self.extent is not None else _extent(self.boxes, self.chars)

    @property
    def glyphs(self) -> Iterator[Glyph]:
        boxes = self.boxes
        for index, (char, run) in enumerate(zip(self.chars, self.run_of, strict=True)):
            yield Glyph(tuple(boxes[4 * index : 4 * index + 4]), char, run)  # type: ignore[arg-type]

    def moved(self, matrix: Matrix) -> Glyphs:
        boxes = array("d")
        for glyph in self.glyphs:
            boxes.extend(transform_box(glyph.box, matrix))
        return Glyphs(boxes, self.chars, self.run_of, self.runs, self.errors)

    def __add__(self, other: Glyphs) -> Glyphs:
        shift = len(self.runs)
        runs = self.run_of + array("i", (run + shift for run in other.run_of))
        return Glyphs(
            self.boxes + other.boxes,
            self.chars + other.chars,
            runs,
            self.runs + other.runs,
            self.errors + other.errors,
        )


class GlyphDevice(PDFLayoutAnalyzer):
    """Collects the box of every character pdfminer places, with the text run it is in."""

    def __init__(self, manager: PDFResourceManager, texts: dict[tuple[int, int], Any]) -> None:
        super().__init__(manager, pageno=1, laparams=None)
        self.cur_item = LTLayoutContainer((0, 0, 0, 0))
        self.boxes = array("d")
        self.chars: list[str] = []
        self.run_of = array("i")
        self.runs = 0
        self.texts = texts  # (id of a font, cid) -> (its text, its width, the font)

    def render_string(self, *args: Any, **kwargs: Any) -> None:
        self.runs += 1
        super().render_string(*args, **kwargs)

    def render_string_horizontal(self, *args: Any) -> Any:
        """pdfminer's loop (pdfminer/pdfdevice.py) with ``render_char`` inlined for upright
        text, the case of every card: 400,000 glyphs for 1,000 cards."""
        seq, matrix, pos, font, fontsize, scaling, charspace, wordspace, rise, dxscale = args[:10]
        a, b, c, d, e, f = matrix
        if b or c or font.is_vertical():
            return super().render_string_horizontal(*args)
        x, y = pos
        low = font.get_descent() * fontsize + rise
        y0, y1 = d * (low + y) + f, d * (low + fontsize + y) + f
        scale = fontsize * scaling
        known, boxes, chars, run_of, run = (
            self.texts,
            self.boxes,
            self.chars,
            self.run_of,
            self.runs - 1,
        )
        needcharspace = False
        for obj in seq:
            if isinstance(obj, int | float):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    text, width, _ = known.get((id(font), cid)) or self._learn(font, cid)
                    advance = width * scale
                    x0 = a * x + e
                    x1 = a * advance + x0
                    if x0 <= x1 and y0 <= y1:
                        boxes.extend((x0, y0, x1, y1))
                    else:
                        boxes.extend(_ordered(x0, y0, x1, y1))
                    chars.append(text)
                    run_of.append(run)
                    x += advance
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
        return (x, y)

    def _learn(self, font: Any, cid: int) -> tuple[str, float, Any]:
        """A character's text and width in text space units, kept by font and cid."""
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        # one string for all the "e"s; the font kept alive, so that its id stays its own
        entry = (sys.intern(text), font.char_width(cid), font)
        self.texts[(id(font), cid)] = entry
        return entry

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
        """pdfminer's LTChar box (pdfminer/layout.py), without the LTChar."""
        if font.is_vertical():  # rare: let pdfminer build it
            advance = super().render_char(
                matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate
            )
            char = self.cur_item._objs.pop()
            self._add(char.bbox, char.get_text())
            return advance
        text, width, _ = self.texts.get((id(font), cid)) or self._learn(font, cid)
        advance = width * fontsize * scaling
        low = font.get_descent() * fontsize + rise
        high = low + fontsize
        a, b, c, d, e, f = matrix
        if b or c:
            x0, y0, x1, y1 = apply_matrix_rect(matrix, (0, low, advance, high))
        else:  # upright text: the same sums as apply_matrix_rect, without the corners
            x0, y0, x1, y1 = a * 0 + e, d * low + f, a * advance + e, d * high + f
        box = (x0, y0, x1, y1) if x0 <= x1 and y0 <= y1 else _ordered(x0, y0, x1, y1)
        self._add(box, text)
        return advance

    def _add(self, box: Box, text: str) -> None:
        self.boxes.extend(box)
        self.chars.append(text)
        self.run_of.append(self.runs - 1)

    def glyphs(self) -> Glyphs:
        texts: list[list[str]] = [[] for _ in range(self.runs)]
        for char, run in zip(self.chars, self.run_of, strict=True):
            texts[run].append(char)
        runs = tuple("".join(t) for t in texts)
        chars = tuple(self.chars)
        # measured here, where a deck's forms are read on every core
        return Glyphs(self.boxes, chars, self.run_of, runs, extent=_extent(self.boxes, chars))


def _extent(boxes: array, chars: tuple[str, ...]) -> Extent:
    low_x = low_y = math.inf
    high_x = high_y = -math.inf
    at = [-1, -1, -1, -1]
    for index, char in enumerate(chars):
        if char.isspace():
            continue
        x0, y0, x1, y1 = boxes[4 * index : 4 * index + 4]
        if x0 < low_x:
            low_x, at[0] = x0, index
        if y0 < low_y:
            low_y, at[1] = y0, index
        if x1 > high_x:
            high_x, at[2] = x1, index
        if y1 > high_y:
            high_y, at[3] = y1, index
    if at[0] < 0:
        return ()
    return ((low_x, at[0]), (low_y, at[1]), (high_x, at[2]), (high_y, at[3]))


def _ordered(x0: float, y0: float, x1: float, y1: float) -> Box:
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def glyphs_to_bytes(glyphs: Glyphs) -> bytes:
    """The texts as JSON, the boxes and run numbers as raw arrays: safe to read back (not a
    pickle) and exact, and ten times faster to read than the boxes written as JSON."""
    texts = {"chars": list(glyphs.chars), "runs": list(glyphs.runs), "errors": list(glyphs.errors)}
    header = json.dumps(texts, ensure_ascii=False).encode()
    return b"".join(
        (
            _MAGIC,
            len(header).to_bytes(4, "big"),
            header,
            glyphs.boxes.tobytes(),
            glyphs.run_of.tobytes(),
        )
    )


def glyphs_from_bytes(data: bytes) -> Glyphs:
    """Raise ValueError, KeyError or TypeError for anything but what glyphs_to_bytes wrote."""
    if not data.startswith(_MAGIC):
        raise ValueError("not a glyph entry")
    size = int.from_bytes(data[4:8], "big")
    texts = json.loads(data[8 : 8 + size])
    chars = tuple(map(sys.intern, texts["chars"]))  # TypeError if one is not a text
    boxes, run_of = array("d"), array("i")
    arrays = data[8 + size :]
    if len(arrays) != len(chars) * (4 * boxes.itemsize + run_of.itemsize):
        raise ValueError("damaged glyph entry")
    boxes.frombytes(arrays[: len(chars) * 4 * boxes.itemsize])
    run_of.frombytes(arrays[len(chars) * 4 * boxes.itemsize :])
    runs = tuple(str(r) for r in texts["runs"])
    if run_of and (min(run_of) < 0 or max(run_of) >= len(runs)):
        raise ValueError("damaged glyph entry")
    return Glyphs(boxes, chars, run_of, runs, tuple(str(e) for e in texts["errors"]))


_MAGIC = b"MKG1"
