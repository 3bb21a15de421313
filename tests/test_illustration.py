"""Generated illustrations: deterministic, varied, in the family's palette, inside their box."""

from __future__ import annotations

import io
import itertools
import re

import pypdfium2
import pytest
from PIL import ImageChops, ImageDraw
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from kit.art.illustration import draw_illustration
from kit.art.palette import Palette
from kit.layout.geometry import Box
from kit.units import mm

AXES = {
    "engagement": ("#B34A12", 6),
    "integration": ("#1B63A0", 5),
    "cooperation": ("#0E7358", 6),
    "valeur": ("#7A3B8F", 6),
}
SLATE = "#2F3E56"
SCENARIO = ("methanisation-contestee", SLATE, ("#0E7358", "#B34A12", "#7A3B8F"))
BALISES = [
    (f"{axis}-{n}", colour, ())
    for axis, (colour, count) in AXES.items()
    for n in range(1, count + 1)
]
SIZES = [(74, 40), (63, 30), (105, 55)]
WHITE = ((255, 255), (255, 255), (255, 255))  # getextrema() of an all-white RGB image
COLOUR_OPERATOR = re.compile(rb"([\d.]+) ([\d.]+) ([\d.]+) (rg|RG)\b")


def content_stream(seed: str, colour: str, accents=(), size=(74, 40), origin=(0, 0)) -> bytes:
    """The page content stream of one illustration drawn alone on a fresh canvas."""
    box = Box(origin[0], origin[1], mm(size[0]), mm(size[1]))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(box.right + 20, box.top + 20), invariant=1)
    draw_illustration(canvas, box, seed, colour, accents)
    canvas.showPage()
    canvas.save()
    return PdfReader(io.BytesIO(buffer.getvalue())).pages[0].get_contents().get_data()


def rendered(seed: str, colour: str, accents=(), size=(74, 40), origin=(0, 0), margin=0.0):
    """The illustration rendered at 1 px per point on a white page ``margin`` points larger."""
    box = Box(origin[0], origin[1], mm(size[0]), mm(size[1]))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(box.right + margin, box.top + margin), invariant=1)
    draw_illustration(canvas, box, seed, colour, accents)
    canvas.showPage()
    canvas.save()
    page = pypdfium2.PdfDocument(buffer.getvalue())[0]
    return page.render(scale=1).to_pil().convert("RGB"), box


def hex_colours(stream: bytes) -> set[str]:
    return {
        "#" + "".join(f"{round(float(v) * 255):02X}" for v in match.groups()[:3])
        for match in COLOUR_OPERATOR.finditer(stream)
    }


@pytest.mark.parametrize("seed, colour, accents", [BALISES[0], BALISES[-1], SCENARIO])
def test_same_seed_draws_the_same_bytes(seed, colour, accents):
    assert content_stream(seed, colour, accents) == content_stream(seed, colour, accents)


@pytest.mark.parametrize("axis", sorted(AXES))
def test_cards_of_one_axis_all_look_different(axis):
    colour, count = AXES[axis]
    images = [rendered(f"{axis}-{n}", colour)[0] for n in range(1, count + 1)]
    for (i, a), (j, b) in itertools.combinations(enumerate(images, 1), 2):
        changed = sum(ImageChops.difference(a, b).convert("L").histogram()[1:])
        assert changed > 0.3 * a.width * a.height, f"{axis}-{i} et {axis}-{j} se ressemblent trop"


@pytest.mark.parametrize("seed, colour, accents", [*BALISES, SCENARIO])
def test_colours_come_from_the_palette_and_accents_only(seed, colour, accents):
    stream = content_stream(seed, colour, accents)
    used = hex_colours(stream)
    assert used, "aucune couleur posée"
    assert used <= Palette.from_colour(colour, accents).allowed
    assert not set(accents) or used & set(accents), "les accents ne servent jamais"


@pytest.mark.parametrize("seed, colour, accents", [BALISES[3], SCENARIO])
def test_no_transparency_no_image_and_balanced_state(seed, colour, accents):
    stream = content_stream(seed, colour, accents)
    operators = stream.split()
    for forbidden in (b"gs", b"Do", b"BI", b"sh"):
        assert forbidden not in operators
    assert operators.count(b"q") == operators.count(b"Q")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("seed, colour, accents", [BALISES[1], BALISES[9], SCENARIO])
def test_nothing_is_drawn_outside_the_box(seed, colour, accents, size):
    image, box = rendered(seed, colour, accents, size, origin=(30.4, 25.6), margin=30)
    top = image.height - box.top  # pixel rows run downwards
    assert (
        image.crop((int(box.x), int(top), int(box.right), int(top + box.h))).getextrema() != WHITE
    )
    # Blank the box and one pixel of antialiasing around it: what is left must be white.
    ImageDraw.Draw(image).rectangle(
        (box.x - 1, top - 1, box.right + 1, top + box.h + 1), fill="white"
    )
    assert image.getextrema() == WHITE
