"""Family patterns: drawn only inside their box, one look per kind, small and deterministic."""

from __future__ import annotations

import io
import itertools

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageOps
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.pdfgen.canvas import Canvas

from kit.layout.geometry import Box
from kit.render.patterns import PATTERNS, draw_pattern
from kit.units import mm

PAGE = (mm(100), mm(160))
CARD = Box(mm(15), mm(20), mm(70), mm(120))
STRIP = Box(mm(10), mm(60), mm(76), mm(14))
SCALE = 3  # pixels per point
KINDS = [kind for kind in PATTERNS if kind != "aucun"]
INK = "#000000"


def pattern_pdf(kind: str, box: Box, colour: str = INK) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE, invariant=1, pageCompression=1)
    draw_pattern(canvas, box, kind, colour)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render(pdf: bytes) -> Image.Image:
    page = pdfium.PdfDocument(pdf)[0]
    return page.render(scale=SCALE).to_pil().convert("L")


def ink_bbox(image: Image.Image) -> tuple[int, int, int, int] | None:
    return ImageOps.invert(image).getbbox()


def pixel_box(box: Box) -> tuple[float, float, float, float]:
    """``box`` in image pixels: left, top, right, bottom."""
    height = PAGE[1]
    return (box.x * SCALE, (height - box.top) * SCALE, box.right * SCALE, (height - box.y) * SCALE)


def inked_fraction(image: Image.Image, box: Box) -> float:
    crop = image.crop(tuple(round(v) for v in pixel_box(box)))
    histogram = crop.point(lambda v: 255 if v < 128 else 0).histogram()
    return histogram[255] / (crop.width * crop.height)


def filled_bbox(box: Box) -> tuple[int, int, int, int]:
    """Pixels inked by a plain fill of ``box``: the reference for "inside"."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE, invariant=1)
    canvas.setFillColor(INK)
    canvas.rect(box.x, box.y, box.w, box.h, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    return ink_bbox(render(buffer.getvalue()))


@pytest.mark.parametrize("box", [CARD, STRIP], ids=["carte", "bandeau"])
@pytest.mark.parametrize("kind", KINDS)
def test_pattern_inks_its_box_and_nothing_else(kind, box):
    left, top, right, bottom = ink_bbox(render(pattern_pdf(kind, box)))
    fill_left, fill_top, fill_right, fill_bottom = filled_bbox(box)
    slack = 1  # pdfium rounds clip edges out to whole pixels
    assert left >= fill_left - slack and top >= fill_top - slack
    assert right <= fill_right + slack and bottom <= fill_bottom + slack
    # The pattern runs to every edge, not just over part of the box.
    edge = round(mm(2) * SCALE)
    assert left <= fill_left + edge and right >= fill_right - edge
    assert top <= fill_top + edge and bottom >= fill_bottom - edge


@pytest.mark.parametrize("kind", KINDS)
def test_pattern_is_subtle_but_present(kind):
    fraction = inked_fraction(render(pattern_pdf(kind, CARD)), CARD)
    assert 0.08 <= fraction <= 0.35


def test_aucun_draws_nothing():
    assert ink_bbox(render(pattern_pdf("aucun", CARD))) is None


def test_kinds_look_different():
    images = {kind: render(pattern_pdf(kind, CARD)) for kind in KINDS}
    for a, b in itertools.combinations(KINDS, 2):
        difference = ImageChops.difference(images[a], images[b])
        assert inked_fraction(ImageOps.invert(difference), CARD) > 0.1, (a, b)


@pytest.mark.parametrize("kind", KINDS)
def test_pattern_is_deterministic(kind):
    assert pattern_pdf(kind, CARD) == pattern_pdf(kind, CARD)


@pytest.mark.parametrize("kind", KINDS)
def test_card_back_pattern_is_small(kind):
    back = CARD.expand(mm(3))
    empty = len(pattern_pdf("aucun", back))
    assert len(pattern_pdf(kind, back)) - empty <= 3 * 1024


@pytest.mark.parametrize("kind", KINDS)
def test_pattern_is_one_opaque_colour_in_a_saved_state(kind):
    reader = PdfReader(io.BytesIO(pattern_pdf(kind, CARD, "#4A82B3")))
    page = reader.pages[0]
    operations = ContentStream(page.get_contents(), reader).operations
    operators = [operator.decode() for _, operator in operations]
    colours = [
        [round(float(v), 3) for v in operands]
        for operands, op in operations
        if op in (b"RG", b"rg")
    ]
    assert colours == [[0.29, 0.51, 0.702]]  # #4A82B3, set once, for stroking
    start, end = operators.index("q"), len(operators) - 1 - operators[::-1].index("Q")
    assert all(
        op in ("q", "Q") or start < i < end for i, op in enumerate(operators) if op in "mlcS"
    )
    assert not {"gs", "Do", "BI", "sh", "scn", "SCN"} & set(operators)
    resources = page["/Resources"]
    assert "/ExtGState" not in resources and "/Pattern" not in resources


def test_unknown_kind_is_refused():
    canvas = Canvas(io.BytesIO(), pagesize=PAGE)
    with pytest.raises(ValueError, match="motif inconnu"):
        draw_pattern(canvas, CARD, "damier", INK)
