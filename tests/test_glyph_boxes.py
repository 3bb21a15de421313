"""The preflight's glyph boxes are pdfminer's own LTChar boxes, for every text operator.

kit/preflight/glyph_boxes.py reads text with pdfminer's interpreter but its own loop over
the glyphs (pdfminer's is 3× slower on 1,000 cards): this holds it to pdfminer's layout.
"""

from __future__ import annotations

import io
from dataclasses import replace

import pikepdf
import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTContainer
from reportlab.pdfgen.canvas import Canvas

from kit.fonts import REGULAR, register_fonts
from kit.preflight.glyphs import GlyphReader

# Raw text operators: kerning in TJ, character and word spacing, horizontal scaling, rise,
# leading with T* and ', a scaled and a rotated text matrix, a string shown under a cm.
OPERATORS = """
BT /F1 12 Tf 1 0 0 1 40 700 Tm (Plain text) Tj ET
BT /F1 10 Tf 40 680 Td [(Ke) 120 (rn) -250 (ing)] TJ ET
BT /F1 11 Tf 1.5 Tc 4 Tw 40 660 Td (Spaced out words) Tj ET
BT /F1 11 Tf 80 Tz 3 Ts 40 640 Td (Squeezed and raised) Tj ET
BT /F1 9 Tf 14 TL 40 620 Td (First line) Tj T* (Second line) Tj (Third) ' ET
BT /F1 10 Tf 2 0 0 1.5 40 560 Tm (Stretched) Tj ET
BT /F1 10 Tf 0 1 -1 0 300 500 Tm (Turned a quarter) Tj ET
q 0.5 0 0 0.5 100 100 cm BT /F1 20 Tf 10 10 Td (Under a cm) Tj ET Q
"""


def _pdf() -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pageCompression=0)
    canvas.setFont(REGULAR, 12)
    canvas.drawString(40, 760, "Ensures the font is on the page")  # registers /F1
    canvas.addLiteral(OPERATORS)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _miner_chars(data: bytes) -> list[tuple[str, tuple[float, ...]]]:
    found: list[tuple[str, tuple[float, ...]]] = []

    def walk(item: object) -> None:
        if isinstance(item, LTChar):
            found.append((item.get_text(), item.bbox))
        elif isinstance(item, LTContainer):
            for child in item:
                walk(child)

    for page in extract_pages(io.BytesIO(data)):
        walk(page)
    return found


def test_every_glyph_box_is_pdfminers_own():
    data = _pdf()
    expected = _miner_chars(data)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        glyphs = GlyphReader(data, {}).page(0, pdf.pages[0])
    ours = [(g.char, g.box) for g in glyphs.glyphs]
    assert len(ours) == len(expected) > 120
    assert sorted(c for c, _ in ours) == sorted(c for c, _ in expected)
    for (char, box), (miner_char, miner_box) in zip(
        sorted(ours, key=_order), sorted(expected, key=_order), strict=True
    ):
        assert char == miner_char
        assert box == pytest.approx(miner_box, abs=1e-6), char


def test_each_operator_is_one_run_with_its_text():
    data = _pdf()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        glyphs = GlyphReader(data, {}).page(0, pdf.pages[0])
    assert "Kerning" in glyphs.runs
    assert {"First line", "Second line", "Third", "Turned a quarter"} <= set(glyphs.runs)


def _order(item: tuple[str, tuple[float, ...]]) -> tuple:
    char, box = item
    return (round(box[1], 3), round(box[0], 3), char)


def test_the_ink_extent_is_the_first_glyph_at_each_extreme():
    data = _pdf()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        glyphs = GlyphReader(data, {}).page(0, pdf.pages[0])
    inked = [(i, g.box) for i, g in enumerate(glyphs.glyphs) if not g.char.isspace()]
    expected = []
    for side, pick in ((0, min), (1, min), (2, max), (3, max)):
        value = pick(box[side] for _, box in inked)
        expected.append((value, next(i for i, box in inked if box[side] == value)))
    assert glyphs.extent == tuple(expected)  # measured as the glyphs were read
    assert replace(glyphs, extent=None).ink_extent() == tuple(expected)
    assert replace(glyphs, chars=(" ",) * len(glyphs.chars), extent=None).ink_extent() == ()
