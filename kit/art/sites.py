"""Where the buildings and the energy sites stand: on the nearest hill with room, or, for the
story's own, wherever they fit; and the rows of wind turbines."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from .energy import draw_heat_plant, draw_methaniser, draw_solar_field, draw_turbine
from .farm import draw_farm
from .layers import SITES, TURBINES, Layer, hidden_line
from .scene import Scene
from .school import draw_school
from .village import draw_village

SITE_SIZES = {  # (size, in box heights; rough half-width and rise, in sizes)
    "village": (0.15, 2.2, 1.6),
    "methaniser": (0.26, 1.35, 0.6),
    "solar": (0.13, 1.7, 0.6),
    "school": (0.34, 1.2, 0.7),
    "heat": (0.24, 1.6, 1.5),
    "farm": (0.26, 1.1, 1.0),
}
SITE_KINDS = {  # the element kinds a site shows
    "village": ("village",),
    "methaniser": ("methaniser",),
    "solar": ("solar_field",),
    "school": ("school", "playground"),
    "heat": ("heat_plant", "heat_network"),
    "farm": ("farm",),
}


def place_site(
    scene: Scene,
    hills: list[Layer],
    ground: Layer,
    name: str,
    themed: bool,
    themes: frozenset[str],
) -> bool:
    """The site on the nearest hill that has room for it, smaller if need be; a themed one
    also tries the foreground, smaller sizes and the hills behind."""
    share, half, rise = SITE_SIZES[name]
    for layer, shrink in _site_tries(hills, ground, themed):
        scale = shrink * (0.55 + 0.45 * min(layer.depth / max(hills[-1].depth, 1e-6), 1.0))
        size = scene.unit * share * scale
        depth = layer.base + SITES
        for x in scene.xs(0.06, 0.94, 20 if themed else 12):
            foot = layer.ridge.height_at(x)
            rough = (x - half * size * 0.8, foot, x + half * size * 0.8, foot + rise * size)
            if not scene.fits(rough, depth):
                continue
            # Mostly in sight: the hills in front may hide its foot, not its walls.
            if hidden_line(scene, layer, rough[0], rough[2]) > foot + rise * size * 0.3:
                continue
            side = scene.rng.choice((-1, 1))
            if scene.place(name, depth, _site_drawing(scene, name, layer, x, size, themes, side)):
                _record_site(scene, name, themes)
                return True
    return False


def _site_tries(hills: list[Layer], ground: Layer, themed: bool) -> list[tuple[Layer, float]]:
    """Where to try a site, in turn, and how big (a share of its full size)."""
    tries = [(hills[-1], 1.0), (hills[-1], 0.85)]
    if len(hills) > 1 and not themed:
        tries.append((hills[-2], 0.85))
    if themed:
        tries += [(ground, 0.9), (hills[-1], 0.72), (ground, 0.72)]
        tries += [(hills[-2], 0.8)] if len(hills) > 1 else []
        tries += [(hills[0], 1.0), (hills[-1], 0.6), (ground, 0.6)]
    return tries


def _site_drawing(
    scene: Scene,
    name: str,
    layer: Layer,
    x: float,
    size: float,
    themes: frozenset[str],
    side: int,
) -> Callable[[], None]:
    """The drawing of one site at ``x`` on ``layer``, ``size`` being its main building's."""
    ridge, rng = layer.ridge, scene.rng
    if name == "village":
        width = size * 4.0
        landmarks = None
        if "village" in themes:  # the town hall in the middle, houses around; maybe a church
            size *= 1.12
            landmarks = rng.choice((("town hall",), ("town hall",), ("church", "town hall")))
            width *= 1.25 if len(landmarks) == 2 else 1.0
        solar = rng.randint(2, 3) if "solaire" in themes else 1
        return partial(draw_village, scene, ridge, x, width, size, landmarks, solar)
    if name == "methaniser":
        return partial(draw_methaniser, scene, ridge, x, size)
    if name == "solar":
        if "solaire" in themes:  # the story's field: bigger panels, more of them
            size *= 1.2
        width = size * (4.2 if "solaire" in themes else 3.5)
        return partial(draw_solar_field, scene, ridge, x, width, size, layer.colour)
    if name == "school":
        return partial(draw_school, scene, ridge, x, size, side)
    if name == "heat":
        return partial(draw_heat_plant, scene, ridge, x, size, side, layer.colour)
    cows = rng.choice((0, 1, 2, 2)) if "agriculture" in themes else 0
    return partial(draw_farm, scene, ridge, x, size, cows, side)


def _record_site(scene: Scene, name: str, themes: frozenset[str]) -> None:
    """Tell the kinds a placed site shows, in place of its name."""
    scene.kinds.pop()
    scene.kinds.extend(SITE_KINDS[name])
    # The village drew its landmarks from the dice; what it holds is told by its themes.
    if name == "village" and "village" in themes:
        scene.kinds.append("town_hall")
    if name == "village" and "solaire" in themes:
        scene.kinds.append("roof_panels")
    if name == "farm" and "agriculture" in themes:
        scene.kinds.append("cows")


def place_turbines(
    scene: Scene, hills: list[Layer], count: int, prominent: bool, colour: str
) -> int:
    """A row of turbines: far and modest, or (themed) tall on the nearer hills."""
    rng, unit = scene.rng, scene.unit
    order = hills[::-1] if prominent else hills[:1]
    base = unit * (rng.uniform(0.28, 0.33) if prominent else rng.uniform(0.2, 0.27))
    least = unit * (0.2 if prominent else 0.14)
    placed = 0
    for layer in order:
        placed += _turbine_row(scene, layer, count - placed, base, least, colour)
        if placed >= min(count, 2):
            break
    return placed


def _turbine_row(
    scene: Scene, layer: Layer, count: int, base: float, least: float, colour: str
) -> int:
    """Up to ``count`` turbines about ``base`` tall on ``layer``, kept together."""
    places = scene.xs(0.06, 0.94, 18)
    last = None
    placed = 0
    while places and placed < count:
        if last is not None:
            places.sort(key=lambda x, last=last: abs(x - last))
        x = places.pop(0)
        ground = layer.ridge.height_at(x) - base * 0.05
        height = min(base * scene.rng.uniform(0.88, 1.08), (scene.top_limit - ground) / 1.55)
        if _place_turbine(scene, layer, x, ground, height, least, colour):
            placed += 1
            last = x
    return placed


def _place_turbine(
    scene: Scene,
    layer: Layer,
    x: float,
    ground: float,
    height: float,
    least: float,
    colour: str,
) -> bool:
    depth = layer.base + TURBINES
    for h in (height, height * 0.8):  # lower where a tall one would meet the badge
        if h < least:
            return False
        # The whole rotor in sight, above the hills in front.
        if hidden_line(scene, layer, x - h * 0.5, x + h * 0.5) > ground + h * 0.45:
            continue
        rough = (x - h * 0.45, ground + h * 0.3, x + h * 0.45, ground + h * 1.45)
        if not scene.fits(rough, depth, 0.0):
            continue
        draw = partial(draw_turbine, scene, x, ground, h, colour)
        if scene.place("turbine", depth, draw, lenient=0.3):  # its mast, below the rotor
            return True
    return False
