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


# --- keep-clear boxes, top margin, sun, themes --------------------------------------------

from kit.art.illustration import THEMES, compose, draw_terrain, element_kinds  # noqa: E402

CARD = (76, 35)  # the band on a tarot card, bleed included
SCALE = 2  # pixels per point for the pixel comparisons
THEMED = [
    ("methanisation-contestee", ("methanisation", "reunion")),
    ("tempete-foret", ("foret", "tempete")),
    ("cooperative-solaire", ("solaire", "village")),
    ("concertation-eolien", ("eolien", "reunion")),
    ("reseau-de-chaleur", ("chaleur",)),
    ("fermeture-ecole", ("ecole", "village")),
    ("marche-climat-jeunes", ("jeunes",)),
    ("secheresse", ("agriculture", "eau")),
]
SCENARIO_ACCENTS = ("#0E7358", "#B34A12")
# What each theme must show, as element kinds.
THEME_KINDS = {
    "eolien": ("turbine",),
    "solaire": ("solar_field",),
    "methanisation": ("methaniser",),
    "foret": ("forest",),
    "tempete": ("storm_sky", "bent_tree"),
    "village": ("village", "town_hall"),
    "ecole": ("school", "playground"),
    "agriculture": ("fields", "farm"),
    "eau": ("river",),
    "chaleur": ("heat_plant", "heat_network"),
    "jeunes": ("people", "banner"),
    "reunion": ("people", "table"),
}
FEATURES = {
    "sun",
    "cloud",
    "birds",
    "turbine",
    "people",
    "village",
    "methaniser",
    "solar",
    "school",
    "heat",
    "farm",
    "fallen_tree",
}


def card_band(origin=(0.0, 0.0), size=CARD) -> tuple[Box, tuple[Box, Box]]:
    """The band and, over it, the pictogram disc (bottom left) and the number badge (top
    right, over the band's top 5 mm), placed as on a card."""
    box = Box(origin[0], origin[1], mm(size[0]), mm(size[1]))
    disc = Box(box.x + mm(7), box.y + mm(2.5), mm(15), mm(15))
    badge = Box(box.right - mm(18), box.top - mm(5), mm(11), mm(11))
    return box, (disc, badge)


def render_band(draw, seed, colour, accents, themes, box, keep_clear):
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(box.right, box.top), invariant=1)
    draw(canvas, box, seed, colour, accents, keep_clear=keep_clear, themes=themes)
    canvas.showPage()
    canvas.save()
    page = pypdfium2.PdfDocument(buffer.getvalue())[0]
    return page.render(scale=SCALE).to_pil().convert("RGB")


def pixel_box(box: Box, page_height: float) -> tuple[int, int, int, int]:
    """A box in pixels, shrunk by a pixel on each side (antialiasing of the terrain's edges)."""
    top = (page_height - box.top) * SCALE
    return (
        int(box.x * SCALE) + 1,
        int(top) + 1,
        int(box.right * SCALE) - 1,
        int(top + box.h * SCALE) - 1,
    )


ALL_CASES = [(seed, colour, (), ()) for seed, colour, _ in BALISES] + [
    (seed, SLATE, SCENARIO_ACCENTS, themes) for seed, themes in THEMED
]


@pytest.mark.parametrize("seed, colour, accents, themes", ALL_CASES)
def test_only_terrain_under_the_keep_clear_boxes(seed, colour, accents, themes):
    box, keep_clear = card_band()
    full = render_band(draw_illustration, seed, colour, accents, themes, box, keep_clear)
    terrain = render_band(draw_terrain, seed, colour, accents, themes, box, keep_clear)
    assert ImageChops.difference(full, terrain).getbbox() is not None, "rien que du terrain"
    for clear in keep_clear:
        area = pixel_box(clear, box.top)
        diff = ImageChops.difference(full.crop(area), terrain.crop(area))
        assert diff.getbbox() is None, f"{seed}: un élément passe sous {clear}"


@pytest.mark.parametrize("seed, colour, accents, themes", ALL_CASES)
def test_placed_features_keep_clear_of_the_boxes_and_of_the_sun(seed, colour, accents, themes):
    box, keep_clear = card_band()
    scene = compose(box, seed, colour, accents, keep_clear, themes)
    boxes = [(k.x, k.y, k.right, k.top) for k in keep_clear]
    features = [item for item in scene.items if item.kind in FEATURES]
    assert features
    for item in features:
        x0, y0, x1, y1 = item.bbox
        assert y1 <= box.top - mm(2) + 1e-6, f"{item.kind} monte trop haut"
        for k in boxes:
            assert x1 <= k[0] or x0 >= k[2] or y1 <= k[1] or y0 >= k[3], (item.kind, k)
    suns = [item.bbox for item in features if item.kind == "sun"]
    for sun in suns:
        for item in features:
            if item.kind in ("turbine", "birds", "cloud"):
                x0, y0, x1, y1 = item.bbox
                assert x1 <= sun[0] or x0 >= sun[2] or y1 <= sun[1] or y0 >= sun[3], item.kind


@pytest.mark.parametrize("seed, colour, accents, themes", ALL_CASES[::3])
def test_the_top_two_millimetres_are_plain_sky(seed, colour, accents, themes):
    box, keep_clear = card_band()
    image = render_band(draw_illustration, seed, colour, accents, themes, box, keep_clear)
    strip = image.crop((1, 1, int(box.w * SCALE) - 1, int(mm(2) * SCALE) - 1))
    assert len(strip.getcolors(64) or ()) == 1, "quelque chose dépasse dans les 2 mm du haut"


@pytest.mark.parametrize("colour", [*(c for c, _ in AXES.values()), SLATE, "#141C28"])
def test_the_sun_is_warm_and_light_in_every_palette(colour):
    palette = Palette.from_colour(colour, SCENARIO_ACCENTS)
    for tone, warmth in ((palette.sun, 50), (palette.glow, 25)):
        r, g, b = (int(tone[i : i + 2], 16) for i in (1, 3, 5))
        assert r > b + warmth and r >= g >= b and min(r, g) > 200, tone
        assert tone not in palette.accents
    box, keep_clear = card_band()
    for seed in ("valeur-1", "integration-2", "cooperation-3"):
        stream = content_stream(seed, colour, SCENARIO_ACCENTS, size=CARD)
        if "sun" in element_kinds(box, seed, colour, SCENARIO_ACCENTS):
            assert palette.sun in hex_colours(stream)


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_draws_its_element(theme):
    box, keep_clear = card_band()
    for n in range(8):
        seed = f"scenario-{n}"
        kinds = element_kinds(box, seed, SLATE, SCENARIO_ACCENTS, keep_clear, (theme,))
        for kind in THEME_KINDS[theme]:
            assert kind in kinds, f"{theme} ({seed}) : pas de {kind}"


@pytest.mark.parametrize("seed, themes", THEMED)
def test_the_themes_of_a_scenario_all_show(seed, themes):
    for size in (CARD, (63, 30)):
        box, keep_clear = card_band(size=size)
        kinds = element_kinds(box, seed, SLATE, SCENARIO_ACCENTS, keep_clear, themes)
        for theme in themes:
            assert set(THEME_KINDS[theme]) <= set(kinds), (seed, size, theme, kinds)


def test_the_turbines_of_a_wind_story_are_several():
    box, keep_clear = card_band()
    for n in range(6):
        kinds = element_kinds(box, f"eolien-{n}", SLATE, (), keep_clear, ("eolien",))
        assert kinds.count("turbine") >= 2


def test_an_unknown_theme_is_refused_with_the_known_ones():
    box, keep_clear = card_band()
    canvas = Canvas(io.BytesIO())
    with pytest.raises(ValueError) as error:
        draw_illustration(canvas, box, "x", SLATE, (), keep_clear, ("eolien", "plage"))
    assert "plage" in str(error.value)
    assert all(theme in str(error.value) for theme in THEMES)
    with pytest.raises(ValueError):
        element_kinds(box, "x", SLATE, themes=("Eolien",))


@pytest.mark.parametrize("seed, themes", THEMED[:3])
def test_same_seed_and_themes_draw_the_same_bytes(seed, themes):
    def stream(themes):
        box, keep_clear = card_band()
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(box.right, box.top), invariant=1, pageCompression=0)
        draw_illustration(canvas, box, seed, SLATE, SCENARIO_ACCENTS, keep_clear, themes)
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    assert stream(themes) == stream(themes)
    assert stream(themes) != stream(())


@pytest.mark.parametrize("seed, themes", THEMED[::2])
def test_themed_pictures_keep_to_the_palette_and_the_old_calls_still_work(seed, themes):
    box, keep_clear = card_band()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(box.right, box.top), invariant=1)
    draw_illustration(
        canvas, box, seed, SLATE, SCENARIO_ACCENTS, keep_clear=keep_clear, themes=themes
    )
    canvas.showPage()
    canvas.save()
    stream = PdfReader(io.BytesIO(buffer.getvalue())).pages[0].get_contents().get_data()
    assert hex_colours(stream) <= Palette.from_colour(SLATE, SCENARIO_ACCENTS).allowed
    assert content_stream(seed, SLATE, SCENARIO_ACCENTS)  # positional, no new parameters


@pytest.mark.parametrize("seed, colour, accents, themes", ALL_CASES[::2])
def test_an_illustration_stays_light(seed, colour, accents, themes):
    """At most 12 KB of compressed PDF page content per illustration, on a card's band."""

    def size(draw: bool) -> int:
        box, keep_clear = card_band()
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(box.right, box.top), invariant=1, pageCompression=1)
        if draw:
            draw_illustration(canvas, box, seed, colour, accents, keep_clear, themes)
        canvas.showPage()
        canvas.save()
        return len(buffer.getvalue())

    assert size(True) - size(False) <= 12 * 1024
