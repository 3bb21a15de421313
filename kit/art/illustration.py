"""A landscape of the rural energy transition, composed from a card's id.

The composition is planned, then painted. Every feature (people, buildings, energy sites, the
sun, clouds, birds) is drafted, measured, and kept only where it has room: inside the band,
2 mm under its top edge (the header strip covers it), out of the ``keep_clear`` boxes (the
pictogram disc and the number badge drawn over the band), off the sun and off the other
features. The terrain (sky, hills, fields, hedges, trees, water) may pass under everything.
Themes name what a picture must show; the rest still comes from the seed.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable

from reportlab.pdfgen.canvas import Canvas

from ..layout.geometry import Box
from .composition import compose_scene
from .palette import Palette
from .pen import Pen
from .replay import replayed
from .scene import Scene
from .shapes import Path

THEMES = (
    "eolien",  # wind turbines, prominent
    "solaire",  # a solar field, and panels on the roofs
    "methanisation",  # the methaniser's domes
    "foret",  # a forest everywhere (trees blown down if also "tempete")
    "tempete",  # a dark sky, trees bent by the wind
    "village",  # a village, its town hall in front
    "ecole",  # a school with its playground
    "agriculture",  # fields and a farm, maybe cows
    "eau",  # a river, wide
    "chaleur",  # a small heat plant, its chimney and its network's pipes
    "jeunes",  # young people under a banner
    "reunion",  # people around a table
)

# What each theme must show, as element kinds (see element_kinds).
THEME_ELEMENTS = {
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
RETRIES = 6  # compositions tried, from the seed then derived seeds, until every theme shows


def seeded_random(seed: str) -> random.Random:
    return random.Random(int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big"))


def check_themes(themes: Iterable[str]) -> tuple[str, ...]:
    themes = tuple(themes)
    unknown = [t for t in themes if t not in THEMES]
    if unknown:
        raise ValueError(
            f"thème d'illustration inconnu : {', '.join(map(repr, unknown))} "
            f"(thèmes connus : {', '.join(THEMES)})"
        )
    return themes


def draw_illustration(
    canvas: Canvas,
    box: Box,
    seed: str,
    colour: str,
    accents: tuple[str, ...] = (),
    keep_clear: tuple[Box, ...] = (),
    themes: tuple[str, ...] = (),
) -> None:
    """Draw a landscape illustration filling `box` (a kit.layout.geometry.Box: x, y, w, h in
    points, origin bottom-left), clipped to it.

    ``keep_clear``: boxes (same coordinates) that will be covered by something drawn over the
    illustration (the pictogram disc, the number badge): no person, building, energy site,
    sun or cloud is placed under them; only the landscape passes there.
    ``themes``: what the picture is about (see ``THEMES``); those elements are sure to appear.
    Raises ValueError on an unknown theme.
    """
    arguments = (box, seed, colour, tuple(accents), tuple(keep_clear), tuple(themes))
    replayed(
        canvas,
        arguments,
        lambda: _write(canvas, compose(box, seed, colour, accents, keep_clear, themes), False),
    )


def draw_terrain(
    canvas: Canvas,
    box: Box,
    seed: str,
    colour: str,
    accents: tuple[str, ...] = (),
    keep_clear: tuple[Box, ...] = (),
    themes: tuple[str, ...] = (),
) -> None:
    """The same picture with its terrain only (sky, hills, fields, trees, water): what the
    full picture must match inside the keep-clear boxes."""
    scene = compose(box, seed, colour, accents, keep_clear, themes)
    _write(canvas, scene, terrain_only=True)


def element_kinds(
    box: Box,
    seed: str,
    colour: str,
    accents: tuple[str, ...] = (),
    keep_clear: tuple[Box, ...] = (),
    themes: tuple[str, ...] = (),
) -> list[str]:
    """The kinds of the elements the composition holds, in the order they were placed
    (a kind once per element: three turbines give three "turbine")."""
    return list(compose(box, seed, colour, accents, keep_clear, themes).kinds)


def compose(
    box: Box,
    seed: str,
    colour: str,
    accents: tuple[str, ...] = (),
    keep_clear: tuple[Box, ...] = (),
    themes: tuple[str, ...] = (),
) -> Scene:
    """The planned picture: every element placed and drawn into the scene's pen, unwritten.

    When crowded keep-clear boxes or many themes leave no room for a themed element, the
    composition starts again from a seed derived from the first (still deterministic).
    """
    themes = check_themes(themes)
    clear = tuple((k.x, k.y, k.x + k.w, k.y + k.h) for k in keep_clear)
    palette = Palette.from_colour(colour, tuple(accents))
    wanted = {kind for theme in themes for kind in THEME_ELEMENTS[theme]}
    for attempt in range(RETRIES):
        rng = seeded_random(seed if attempt == 0 else f"{seed}#{attempt}")
        scene = Scene(Pen(), box, palette, rng, clear)
        compose_scene(scene, frozenset(themes))
        if wanted <= set(scene.kinds):
            break
    return scene


def _write(canvas: Canvas, scene: Scene, terrain_only: bool) -> None:
    box = scene.box
    canvas.saveState()
    canvas.addLiteral(Path().rect(box.x, box.y, box.w, box.h).text() + " W n")
    canvas.setLineCap(1)  # round ends and joins: arms, birds, hedges
    canvas.setLineJoin(1)
    scene.pen.flush(canvas, terrain_only)
    canvas.restoreState()
