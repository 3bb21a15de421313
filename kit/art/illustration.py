"""A landscape of the rural energy transition, composed from a card's id."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from ..layout.geometry import Box
from .buildings import draw_methaniser, draw_solar_field, draw_turbine, draw_village
from .nature import draw_fields, draw_forest, draw_hedgerow, draw_river, draw_sky, draw_tree
from .palette import WHITE, Palette
from .people import draw_group, group_width
from .scene import Scene
from .shapes import Path, Pen, Ridge


@dataclass(frozen=True)
class Crowd:
    centre: float
    count: int
    height: float


@dataclass(frozen=True)
class Layer:
    ridge: Ridge
    colour: str
    depth: float  # 0 for the farthest hill, 1 for the foreground


def seeded_random(seed: str) -> random.Random:
    return random.Random(int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big"))


def draw_illustration(
    canvas: Canvas, box: Box, seed: str, colour: str, accents: tuple[str, ...] = ()
) -> None:
    """Draw a landscape illustration filling `box` (a kit.layout.geometry.Box: x, y, w, h in points, origin bottom-left), clipped to it."""
    pen = Pen(canvas)
    scene = Scene(pen, box, Palette.from_colour(colour, tuple(accents)), seeded_random(seed))
    pen.save()
    pen.clip(Path().rect(box.x, box.y, box.w, box.h))
    canvas.setLineCap(1)  # round ends and joins: arms, birds, hedges
    canvas.setLineJoin(1)
    _compose(scene)
    pen.restore()


def _compose(scene: Scene) -> None:
    rng = scene.rng
    horizon = rng.uniform(0.5, 0.66)
    sky = draw_sky(scene, horizon)
    layers = _plan_layers(scene, horizon)
    hills, ground = layers[:-1], layers[-1]
    # Reserve room for the people first, then the main sites: they matter more than trees.
    crowd = _plan_crowd(scene)
    river = _plan_river(scene)
    sites = _plan_sites(scene, rng.choice((1, 2, 2)))
    for i, layer in enumerate(hills):
        _draw_ridge(scene, layer)
        _decorate_hill(scene, layer, i, len(hills), sky)
    _draw_sites(scene, hills[-1], sites, 0.5 + 0.5 * hills[-1].depth)
    _draw_ridge(scene, ground)
    if river is not None:
        draw_river(scene, ground.ridge, *river, scene.palette.sky)
    _decorate_ground(scene, ground, crowd)


def _plan_layers(scene: Scene, horizon: float) -> list[Layer]:
    """Hills from the horizon down to the foreground, each nearer one lower and darker."""
    rng, palette = scene.rng, scene.palette
    count = rng.choice((2, 3, 3))
    foreground = rng.uniform(0.14, 0.22)
    tones = [palette.haze, palette.far, palette.mid, palette.base, palette.deep][
        -(count + 1) - rng.randrange(2) :
    ]
    layers = []
    for i in range(count + 1):
        t = i / count
        level = horizon + (foreground - horizon) * t
        amplitude = (horizon - foreground) / count * rng.uniform(0.35, 0.6)
        ridge = Ridge.random(
            rng, scene.x(-0.15), scene.x(1.15), scene.y(level), amplitude * scene.unit
        )
        layers.append(Layer(ridge, tones[i], t))
    return layers


def _draw_ridge(scene: Scene, layer: Layer) -> None:
    scene.pen.fill(layer.ridge.area(scene.box.y - 1), layer.colour)


def _decorate_hill(scene: Scene, layer: Layer, index: int, count: int, sky: str) -> None:
    rng, palette, unit = scene.rng, scene.palette, scene.unit
    scale = 0.5 + 0.5 * layer.depth
    darker, darkest = palette.darker(layer.colour), palette.darker(layer.colour, 2)
    if index > 0 and rng.random() < 0.55:
        draw_fields(scene, layer.ridge, (palette.darker(layer.colour, -1), layer.colour), darker)
    if index > 0 and rng.random() < 0.45:
        left = scene.x(rng.uniform(-0.1, 0.6))
        right = left + unit * rng.uniform(0.4, 1.0)
        drop = unit * rng.uniform(0.04, 0.1)
        draw_hedgerow(scene, layer.ridge, left, right, drop, unit * 0.025 * scale, darkest)
    if index == 0 and rng.random() < 0.6:
        # White turbines vanish against the palest sky: there they take a hill's tone.
        colour = palette.far if sky == palette.paper else WHITE
        _draw_turbines(scene, layer, unit * rng.uniform(0.22, 0.3), colour)
    elif rng.random() < 0.6:
        width = unit * rng.uniform(0.5, 0.9)
        # Woods on farther hills may stand behind anything; on the nearest one they need room.
        nearest = index == count - 1
        centre = scene.reserve(width) if nearest else scene.x(rng.uniform(0.1, 0.9))
        if centre is not None:
            left, right = centre - width / 2, centre + width / 2
            draw_forest(scene, layer.ridge, left, right, unit * 0.18 * scale, (darker, darkest))


def _draw_turbines(scene: Scene, layer: Layer, height: float, colour: str) -> None:
    rng = scene.rng
    x = scene.x(rng.uniform(0.05, 0.5))
    for _ in range(rng.randint(2, 4)):
        ground = layer.ridge.height_at(x) - height * 0.05
        draw_turbine(scene, x, ground, height * rng.uniform(0.85, 1.1), colour)
        x += height * rng.uniform(0.55, 0.9)


SITE_WIDTHS = {"village": 0.75, "methaniser": 0.65, "solar": 0.5}


def _plan_crowd(scene: Scene) -> Crowd | None:
    rng = scene.rng
    if rng.random() < 0.12:
        return None
    height = scene.unit * rng.uniform(0.27, 0.33)
    count = rng.choice((2, 3, 3, 4, 4, 5))
    # Off to one side most of the time, leaving the other for the village or an energy site.
    low, high = rng.choice(((0.06, 0.5), (0.5, 0.94), (0.25, 0.75), (0.06, 0.5), (0.5, 0.94)))
    centre = scene.reserve(group_width(count, height), low, high)
    return None if centre is None else Crowd(centre, count, height)


def _plan_river(scene: Scene) -> tuple[float, float] | None:
    """Where a river leaves the far side of the foreground and where it meets the bottom edge."""
    rng, unit = scene.rng, scene.unit
    if rng.random() > 0.35:
        return None
    bend = unit * rng.uniform(-0.3, 0.3)
    # Only the people must keep dry feet: sites stand on the hill behind the river.
    middle = scene.reserve(unit * 0.55 + abs(bend), 0.0, 1.0, keep=False)
    return None if middle is None else (middle + bend / 2, middle - bend / 2)


def _plan_sites(scene: Scene, count: int) -> list[tuple[str, float, float]]:
    """Up to ``count`` of the village and energy sites of the nearest hill: (name, centre, width)."""
    rng = scene.rng
    names = list(SITE_WIDTHS)
    rng.shuffle(names)
    if "village" in names and rng.random() < 0.4:
        names.insert(0, names.pop(names.index("village")))
    sites = []
    for name in names:
        width = scene.unit * SITE_WIDTHS[name]
        centre = scene.reserve(width)
        if centre is not None:
            sites.append((name, centre, width))
        if len(sites) == count:
            break
    return sites


def _draw_sites(scene: Scene, layer: Layer, sites: list, scale: float) -> None:
    unit = scene.unit
    for name, centre, width in sites:
        if name == "village":
            draw_village(scene, layer.ridge, centre, width * 0.8, unit * 0.15 * scale)
        elif name == "methaniser":
            draw_methaniser(scene, layer.ridge, centre, unit * 0.26 * scale)
        else:
            draw_solar_field(scene, layer.ridge, centre, width, unit * 0.13 * scale)


def _decorate_ground(scene: Scene, layer: Layer, crowd: Crowd | None) -> None:
    rng, palette, unit, box = scene.rng, scene.palette, scene.unit, scene.box
    for _ in range(rng.randint(0, 2)):
        x = scene.x(rng.choice((rng.uniform(0.0, 0.12), rng.uniform(0.88, 1.0))))
        kind = rng.choice(("round", "conifer", "poplar"))
        size, ground = unit * rng.uniform(0.28, 0.4), layer.ridge.height_at(x) - unit * 0.03
        draw_tree(scene, kind, x, ground, size, palette.deep, palette.deep)
    if crowd is not None:
        feet = box.y + unit * rng.uniform(0.05, 0.09)
        draw_group(scene, crowd.centre, feet, crowd.height, crowd.count, layer.colour)
