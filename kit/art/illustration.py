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
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from ..layout.geometry import Box
from .buildings import (
    draw_farm,
    draw_heat_plant,
    draw_methaniser,
    draw_school,
    draw_solar_field,
    draw_turbine,
    draw_village,
)
from .nature import (
    SUN_RING,
    Trees,
    draw_birds,
    draw_cloud,
    draw_fallen_tree,
    draw_fields,
    draw_forest,
    draw_hedgerow,
    draw_rain,
    draw_river,
    draw_sky,
    draw_storm_cloud,
    draw_sun,
    draw_tree,
    river_course,
    tree_boxes,
)
from .palette import WHITE, Palette
from .people import draw_group, group_width
from .scene import GAP, Scene
from .shapes import BBox, Path, Pen, Ridge, overlaps

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

SKY, SUN, CLOUDS, BIRDS = 0, 1, 2, 3
# Depths inside one hill's band of ten, farthest first: what stands on a hill...
RIDGE, FIELDS, HEDGE, FOREST, TURBINES, SITES = 0, 1, 2, 3, 4, 5
# ... and on the foreground.
RIVER, BACK_TREES, CROWD, FRONT_TREES = 1, 3, 5, 6
SITE_KINDS = {
    "village": ("village",),
    "methaniser": ("methaniser",),
    "solar": ("solar_field",),
    "school": ("school", "playground"),
    "heat": ("heat_plant", "heat_network"),
    "farm": ("farm",),
}
SEEDED_SITES = ("village", "methaniser", "solar", "village", "methaniser", "solar")
# Themed sites are placed the most particular first: the village can shrink or move back.
THEMED_SITES = (
    ("ecole", "school"),
    ("chaleur", "heat"),
    ("methanisation", "methaniser"),
    ("agriculture", "farm"),
    ("solaire", "solar"),
    ("village", "village"),
)


@dataclass(frozen=True)
class Layer:
    ridge: Ridge
    colour: str
    depth: float  # 0 for the farthest hill, 1 for the foreground
    base: int  # the first of its ten drawing depths


@dataclass
class Wishes:
    """What the picture should hold: the themed elements first, then the seed's."""

    themes: frozenset[str]
    sites: list[tuple[str, bool]]  # (site, themed)
    crowds: list[tuple[str | None, bool]]  # (style, themed)
    turbines: int
    prominent_turbines: bool
    river: str | None  # None, "seeded" or "themed"


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
    scene = compose(box, seed, colour, accents, keep_clear, themes)
    _write(canvas, scene, terrain_only=False)


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
        _compose(scene, frozenset(themes))
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


def _compose(scene: Scene, themes: frozenset[str]) -> None:
    rng = scene.rng
    horizon = rng.uniform(0.5, 0.66)
    storm = "tempete" in themes
    sky = draw_sky(scene, horizon, storm, pale="eolien" not in themes)
    scene.sky = sky.tone
    if storm:
        scene.kinds.append("storm_sky")
    layers = _plan_layers(scene, horizon, "eau" in themes)
    hills, ground = layers[:-1], layers[-1]
    scene.layers = layers
    for layer in layers:
        scene.pen.layer = layer.base + RIDGE
        scene.pen.fill(layer.ridge.area(scene.box.y - 1), layer.colour)
    scene.pen.layer = SKY
    wishes = _wishes(scene, themes)
    trees = Trees()
    bend = rng.choice((-1, 1)) * rng.uniform(0.22, 0.3) if storm else 0.0
    # White turbines vanish against the palest sky: there they take a darker tone.
    turbine_colour = scene.palette.mid if sky.tone == scene.palette.paper else WHITE

    # The themed elements first: they must find room.
    if wishes.turbines and wishes.prominent_turbines:
        _place_turbines(scene, hills, wishes.turbines, True, turbine_colour)
    if wishes.river is not None:  # first: the people of the foreground stand on its bank
        _place_river(scene, ground, themed=wishes.river == "themed")
    # The sites first (a crowd can shrink), the village last of all (it can move back).
    for name, themed in wishes.sites:
        if themed and name != "village":
            _place_site(scene, hills, ground, name, True, wishes.themes)
    for style, themed in wishes.crowds:
        if themed:
            _place_crowd(scene, ground, style, True)
    if ("village", True) in wishes.sites:
        _place_site(scene, hills, ground, "village", True, wishes.themes)
    if "foret" in themes and storm:
        _place_fallen_trees(scene, ground)
    if storm:
        _place_sky_features(scene, hills[0], sky, 1.0 if bend > 0 else -1.0)
    # Then the sun, in a free part of the sky, and the seed's own choices.
    if not storm:
        _place_sun(scene, hills[0], sky.time)
    for style, themed in wishes.crowds:
        if not themed:
            _place_crowd(scene, ground, style, False)
    for name, themed in wishes.sites:
        if not themed:
            _place_site(scene, hills, ground, name, False, wishes.themes)
    if wishes.turbines and not wishes.prominent_turbines:
        _place_turbines(scene, hills, wishes.turbines, False, turbine_colour)
    if not storm:
        _place_sky_features(scene, hills[0], sky, 0.0)
    # Last the landscape around them.
    for i, layer in enumerate(hills):
        _decorate_hill(scene, trees, layer, i, len(hills), themes, bend)
    _decorate_ground(scene, trees, ground, themes, bend)
    if bend and any(k in scene.kinds for k in ("tree", "forest")):
        scene.kinds.append("bent_tree")


def _plan_layers(scene: Scene, horizon: float, river: bool) -> list[Layer]:
    """Hills from the horizon down to the foreground, each nearer one lower and darker; with a
    river, the foreground rises to give it room."""
    rng, palette = scene.rng, scene.palette
    count = rng.choice((2, 3, 3))
    foreground = rng.uniform(0.24, 0.28) if river else rng.uniform(0.14, 0.22)
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
        layers.append(Layer(ridge, tones[i], t, 10 * (i + 1)))
    return layers


def _wishes(scene: Scene, themes: frozenset[str]) -> Wishes:
    """The elements to place: every themed one, and the seed's choice among the others."""
    rng = scene.rng
    sites: list[tuple[str, bool]] = []
    for theme, site in THEMED_SITES:
        if theme in themes:
            sites.append((site, True))
    crowds: list[tuple[str | None, bool]] = []
    if "reunion" in themes:
        crowds.append(("table", True))
    if "jeunes" in themes:
        crowds.append(("banner", True))
    # The seed's share: fewer extras when themes already fill the picture; a forest keeps
    # its room.
    extra_sites = rng.choice((1, 2, 2)) - len(sites) - (2 if "foret" in themes else 0)
    names = list(SEEDED_SITES)
    rng.shuffle(names)
    if rng.random() < 0.08:
        names.insert(0, "farm")
    for name in names:
        if extra_sites <= 0:
            break
        if all(name != s for s, _ in sites):
            sites.append((name, False))
            extra_sites -= 1
    if not crowds and rng.random() < (0.88 if not themes else 0.3 if "foret" in themes else 0.6):
        crowds.append((None, False))
    eolien = "eolien" in themes
    turbines = rng.randint(3, 4) if eolien else (rng.randint(2, 4) if rng.random() < 0.55 else 0)
    river = "themed" if "eau" in themes else "seeded" if rng.random() < 0.35 else None
    return Wishes(themes, sites, crowds, turbines, eolien, river)


# --- features ---------------------------------------------------------------------------


SKYLINE = 32  # samples across the band of the line the nearer hills draw


def _hidden_line(scene: Scene, layer: Layer, left: float, right: float) -> float:
    """How high the hills in front of ``layer`` rise between ``left`` and ``right``
    (sampled, each sample worked out once)."""
    line = scene.skylines.get(layer.base)
    if line is None:
        line = scene.skylines[layer.base] = [None] * (SKYLINE + 1)
    nearer = [other.ridge for other in scene.layers if other.base > layer.base]
    if not nearer:
        return -1e9
    box = scene.box
    first = int((left - box.x) / box.w * SKYLINE)
    last = int((right - box.x) / box.w * SKYLINE) + 1
    highest = -1e9
    for k in range(max(first, 0), min(last, SKYLINE) + 1):
        height = line[k]
        if height is None:
            x = box.x + box.w * k / SKYLINE
            height = line[k] = max([ridge.height_at(x) for ridge in nearer])
        if height > highest:
            highest = height
    return highest


def _place_turbines(
    scene: Scene, hills: list[Layer], count: int, prominent: bool, colour: str
) -> int:
    """A row of turbines: far and modest, or (themed) tall on the nearer hills."""
    rng, unit = scene.rng, scene.unit
    order = [hills[-1], hills[-2], hills[0]] if prominent and len(hills) > 2 else hills[::-1]
    if not prominent:
        order = hills[:1]
    base = unit * (rng.uniform(0.28, 0.33) if prominent else rng.uniform(0.2, 0.27))
    least = unit * (0.2 if prominent else 0.14)
    placed = 0
    for layer in order:
        places = scene.xs(0.06, 0.94, 18)
        last = None
        while places and placed < count:
            if last is not None:  # keep the row together
                places.sort(key=lambda x: abs(x - last))
            x = places.pop(0)
            ground = layer.ridge.height_at(x) - base * 0.05
            height = min(base * rng.uniform(0.88, 1.08), (scene.top_limit - ground) / 1.55)
            for h in (height, height * 0.8):  # lower where a tall one would meet the badge
                if h < least:
                    break
                # The whole rotor in sight, above the hills in front.
                if _hidden_line(scene, layer, x - h * 0.5, x + h * 0.5) > ground + h * 0.45:
                    continue
                rough = (x - h * 0.45, ground + h * 0.3, x + h * 0.45, ground + h * 1.45)
                if not scene.fits(rough, layer.base + TURBINES, 0.0):
                    continue
                if scene.place(
                    "turbine",
                    layer.base + TURBINES,
                    lambda x=x, g=ground, h=h: draw_turbine(scene, x, g, h, colour),
                    lenient=0.3,  # its mast, below the rotor
                ):
                    placed += 1
                    last = x
                    break
        if placed >= min(count, 2):
            break
    return placed


SITE_SIZES = {  # (size, in box heights; rough half-width and rise, in sizes)
    "village": (0.15, 2.2, 1.6),
    "methaniser": (0.26, 1.35, 0.6),
    "solar": (0.13, 1.7, 0.6),
    "school": (0.34, 1.2, 0.7),
    "heat": (0.24, 1.6, 1.5),
    "farm": (0.26, 1.1, 1.0),
}


def _site_drawing(scene: Scene, name: str, layer: Layer, x: float, size: float, themes, side):
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
        return lambda: draw_village(scene, ridge, x, width, size, landmarks, solar)
    if name == "methaniser":
        return lambda: draw_methaniser(scene, ridge, x, size)
    if name == "solar":
        if "solaire" in themes:  # the story's field: bigger panels, more of them
            size *= 1.2
        width = size * (4.2 if "solaire" in themes else 3.5)
        return lambda: draw_solar_field(scene, ridge, x, width, size, layer.colour)
    if name == "school":
        return lambda: draw_school(scene, ridge, x, size, side)
    if name == "heat":
        return lambda: draw_heat_plant(scene, ridge, x, size, side, layer.colour)
    cows = rng.choice((0, 1, 2, 2)) if "agriculture" in themes else 0
    return lambda: draw_farm(scene, ridge, x, size, cows, side)


def _place_site(
    scene: Scene, hills: list[Layer], ground: Layer, name: str, themed: bool, themes
) -> bool:
    """The site on the nearest hill that has room for it, smaller if need be; a themed one
    also tries the foreground, smaller sizes and the hills behind."""
    rng = scene.rng
    tries = [(hills[-1], 1.0), (hills[-1], 0.85)]
    if len(hills) > 1 and not themed:
        tries.append((hills[-2], 0.85))
    if themed:
        tries += [(ground, 0.9), (hills[-1], 0.72), (ground, 0.72)]
        tries += [(hills[-2], 0.8)] if len(hills) > 1 else []
        tries += [(hills[0], 1.0), (hills[-1], 0.6), (ground, 0.6)]
    unit, depth_of = scene.unit, SITES
    share, half, rise = SITE_SIZES[name]
    for layer, scale in tries:
        scale *= 0.55 + 0.45 * min(layer.depth / max(hills[-1].depth, 1e-6), 1.0)
        size = unit * share * scale
        for x in scene.xs(0.06, 0.94, 20 if themed else 12):
            foot = layer.ridge.height_at(x)
            rough = (x - half * size * 0.8, foot, x + half * size * 0.8, foot + rise * size)
            if not scene.fits(rough, layer.base + depth_of):
                continue
            # Mostly in sight: the hills in front may hide its foot, not its walls.
            if _hidden_line(scene, layer, rough[0], rough[2]) > foot + rise * size * 0.3:
                continue
            draw = _site_drawing(scene, name, layer, x, size, themes, rng.choice((-1, 1)))
            if scene.place(name, layer.base + depth_of, draw):
                scene.kinds.pop()
                scene.kinds.extend(SITE_KINDS[name])
                if name == "village":
                    _village_kinds(scene, themes)
                if name == "farm" and "agriculture" in themes:
                    scene.kinds.append("cows")
                return True
    return False


def _village_kinds(scene: Scene, themes) -> None:
    # The village drew its landmarks from the dice; what it holds is told by its themes.
    if "village" in themes:
        scene.kinds.append("town_hall")
    if "solaire" in themes:
        scene.kinds.append("roof_panels")


def _place_crowd(scene: Scene, ground: Layer, style: str | None, themed: bool) -> bool:
    """A group standing in the foreground, where nothing hides it and it hides nothing."""
    rng, unit, box = scene.rng, scene.unit, scene.box
    style = style or rng.choice(
        ("hands", "chat", "table", "hands", "chat", "table", "hands", "banner")
    )
    counts = {"table": (3, 4, 4), "banner": (4, 5, 5)}.get(style, (2, 3, 3, 4, 4, 5))
    count = rng.choice(counts)
    height = unit * rng.uniform(0.27, 0.33)
    feet = box.y + unit * rng.uniform(0.04, 0.08)
    least = 3 if style == "banner" else 2
    depth = ground.base + CROWD
    shrink = (1.0, 0.88, 0.76, 0.66) if themed else (1.0, 0.88)
    while count >= least:
        for factor in shrink:
            size = height * factor
            width = group_width(count, size, style)
            for centre in scene.xs(0.05, 0.95, 24 if themed else 14):
                stand = min(scene.dry(centre + d * width / 2, feet) for d in (-1, 0, 1))
                if stand < box.y + unit * 0.02:
                    continue
                rough = (centre - width / 2, stand, centre + width / 2, stand + size)
                if not scene.fits(rough, depth):
                    continue
                drawn = {}

                def draw(c=centre, f=stand, h=size, n=count, drawn=drawn):
                    drawn["style"] = draw_group(scene, c, f, h, n, ground.colour, style)

                if scene.place("people", depth, draw):
                    if drawn["style"] in ("table", "banner"):
                        scene.kinds.append(drawn["style"])
                    return True
        count -= 1
    return False


def _place_river(scene: Scene, ground: Layer, themed: bool) -> bool:
    """A river across the foot of the foreground, below the nearest hill; a themed one wide.
    The people and trees of the foreground stand on its near bank, which leaves them room."""
    rng, unit, palette = scene.rng, scene.unit, scene.palette
    width = unit * (rng.uniform(0.1, 0.13) if themed else rng.uniform(0.075, 0.1))
    river = river_course(scene, ground.ridge, width, scene.y(0.09))
    xs = [scene.x(u / 10) for u in range(11)]
    thickness = [river.far.height_at(x) - river.near_bank(x) for x in xs]
    # A seeded river only where the ground leaves it its full width; a themed one squeezes.
    if min(thickness) < unit * (0.03 if themed else 0.045):
        return False
    depth = ground.base + RIVER
    scene.terrain("river", depth, lambda: draw_river(scene, river, palette.sky, WHITE))
    scene.river = river
    return True


def _place_fallen_trees(scene: Scene, ground: Layer) -> None:
    """Two trees lying in the foreground, lighter than the ground so they read."""
    rng, unit, palette = scene.rng, scene.unit, scene.palette
    i = palette.ramp.index(ground.colour)
    crown = palette.ramp[i - 2] if i >= 2 else palette.ramp[i + 2]  # leaves apart from the ground
    wood = palette.ramp[i - 3] if i >= 3 else palette.ramp[i + 3]  # pale wood, torn fresh
    placed = 0
    for x in scene.xs(0.06, 0.94, 12):
        side = rng.choice((-1, 1))
        size = unit * rng.uniform(0.4, 0.48)
        y = scene.dry(
            x, min(ground.ridge.height_at(x) - unit * rng.uniform(0.06, 0.1), scene.y(0.12))
        )
        if scene.place(
            "fallen_tree",
            ground.base + BACK_TREES,
            lambda x=x, y=y, s=size, d=side: draw_fallen_tree(scene, x, y, s, d, crown, wood),
        ):
            placed += 1
            if placed == 2:
                return


def _place_sun(scene: Scene, far: Layer, time: str) -> bool:
    """The sun where the sky is free: above the far hill (setting behind it at dusk), under
    the top margin, off the keep-clear boxes; the features placed later keep off it."""
    rng, unit = scene.rng, scene.unit
    r = unit * rng.uniform(0.065, 0.085)
    ring = r * SUN_RING
    for x in scene.xs(0.1, 0.9, 14):
        hill = far.ridge.height_at(x)
        low = hill + (-r * 0.2 if time == "dusk" else r * 0.6)
        high = scene.top_limit - ring
        if low > high:
            continue
        y = rng.uniform(low, (low + high) / 2 if time == "dusk" else high)
        if scene.place("sun", SUN, lambda x=x, y=y: draw_sun(scene, x, y, r)):
            return True
    return False


def _place_sky_features(scene: Scene, far: Layer, sky, wind: float) -> None:
    """Clouds and birds, off the sun, the keep-clear boxes and the turbines; storm clouds."""
    rng, unit, palette = scene.rng, scene.unit, scene.palette

    if sky.time == "storm":
        wanted, placed = rng.randint(2, 3), 0
        for x in scene.xs(0.08, 0.92, 12):
            width = unit * rng.uniform(0.45, 0.7)
            y = scene.y(rng.uniform(0.62, 0.72))

            def draw(x=x, y=y, w=width):
                draw_storm_cloud(scene, x, y, w, sky.cloud)

            if scene.place("cloud", CLOUDS, draw):
                # The rain is weather, not a thing: it may fall behind anything.
                scene.terrain(
                    None,
                    CLOUDS,
                    lambda x=x, y=y, w=width: draw_rain(scene, x, y, w, sky.cloud, wind * 0.5),
                )
                placed += 1
                if placed == wanted:
                    break
        return
    wanted, placed = rng.randint(0, 3), 0
    for x in scene.xs(0.06, 0.94, 10):
        if placed >= wanted:
            break
        size = unit * rng.uniform(0.05, 0.08)
        y = scene.y(rng.uniform(0.7, 0.84))
        if y < max(far.ridge.height_at(x + d) for d in (-size * 1.5, 0, size * 1.5)) + unit * 0.02:
            continue
        if scene.place(
            "cloud", CLOUDS, lambda x=x, y=y, s=size: draw_cloud(scene, x, y, s, sky.cloud)
        ):
            placed += 1
    if rng.random() < 0.5:
        for x in scene.xs(0.15, 0.85, 6):
            y = scene.y(rng.uniform(0.74, 0.86))
            if y < far.ridge.height_at(x) + unit * 0.08:
                continue
            if scene.place(
                "birds", BIRDS, lambda x=x, y=y: draw_birds(scene, x, y, unit * 0.025, palette.base)
            ):
                break


# --- landscape --------------------------------------------------------------------------


def _tree_room(scene: Scene, layer: Layer, depth: float):
    """A tree may stand in front of a far thing's foot, behind a nearer hill's features, never
    on the features of its own hill (a house half inside a wood) nor in front of the sky's."""

    def room(trunk: BBox, crown: BBox) -> bool:
        bbox = (min(trunk[0], crown[0]), trunk[1], max(trunk[2], crown[2]), max(trunk[3], crown[3]))
        if bbox[3] > scene.top_limit:
            return False
        for item in scene.items:
            if item.kind == "people" and overlaps(bbox, item.bbox, GAP):
                return False  # a crown behind a head swallows it
            # Crowns behind a rotor clutter it: turbines stand against the sky.
            if (
                item.kind == "turbine"
                and overlaps(bbox, item.bbox, GAP)
                and bbox[3] > item.bbox[1] + item.lenient * (item.bbox[3] - item.bbox[1])
            ):
                return False
            if item.depth >= layer.base + 10 or depth < item.blocks_from:
                continue  # a nearer hill's feature, drawn over the tree
            if not overlaps(bbox, item.bbox, GAP):
                continue
            other = item.bbox
            if item.depth < depth and bbox[3] <= other[1] + item.lenient * (other[3] - other[1]):
                continue
            return False
        return True

    return room


def _free_span(
    scene: Scene, layer: Layer, width: float, tries: int = 6
) -> tuple[float, float] | None:
    """Where a hedge of ``width`` may run along ``layer``'s crest, clear of its features."""
    rng = scene.rng
    own = [i.bbox for i in scene.items if layer.base <= i.depth < layer.base + 10]
    for _ in range(tries):
        left = scene.x(rng.uniform(-0.1, 0.9))
        right = left + width
        if all(right < b[0] - GAP or left > b[2] + GAP for b in own):
            return left, right
    return None


def _decorate_hill(
    scene: Scene, trees: Trees, layer: Layer, index: int, count: int, themes, bend: float
) -> None:
    rng, palette, unit = scene.rng, scene.palette, scene.unit
    scale = 0.5 + 0.5 * layer.depth
    behind = (scene.layers[index - 1].colour if index > 0 else scene.sky, scene.sky)
    darker, darkest = palette.two_near(layer.colour, behind)
    farming = "agriculture" in themes
    if index > 0 and (farming or rng.random() < 0.55):
        scene.pen.layer = layer.base + FIELDS
        tones = (palette.darker(layer.colour, -1), layer.colour)
        nearer = scene.layers[index + 1].ridge
        # Fields only as far down the hill as it shows above the next one.
        seen = max(
            layer.ridge.height_at(scene.x(k / 8)) - nearer.height_at(scene.x(k / 8))
            for k in range(9)
        )

        def fields():
            draw_fields(scene, layer.ridge, tones, darker, farming, seen + unit * 0.02)

        scene.terrain("fields", layer.base + FIELDS, fields)
    if index > 0 and rng.random() < 0.45:
        span = _free_span(scene, layer, unit * rng.uniform(0.4, 0.9))
        if span is not None:
            scene.pen.layer = layer.base + HEDGE
            size = unit * 0.025 * scale
            scene.terrain(
                "hedge",
                layer.base + HEDGE,
                lambda: draw_hedgerow(scene, layer.ridge, *span, size, darkest),
            )
    forest = "foret" in themes
    turbines_here = any(
        i.kind == "turbine" and layer.base <= i.depth < layer.base + 10 for i in scene.items
    )
    if forest or (not turbines_here and rng.random() < (0.85 if bend else 0.6)):
        width = unit * (rng.uniform(1.0, 1.6) if forest else rng.uniform(0.5, 0.9))
        left = (
            scene.x(rng.uniform(-0.1, 0.9)) - width / 2
            if not forest
            else scene.x(rng.uniform(-0.1, 0.3))
        )
        depth = layer.base + FOREST
        size = unit * (0.2 if forest else 0.18) * scale
        scene.pen.layer = depth
        counted = []

        def draw():
            counted.append(
                draw_forest(
                    scene,
                    trees,
                    layer.ridge,
                    left,
                    left + width,
                    size,
                    (darker, darkest),
                    bend,
                    _tree_room(scene, layer, depth),
                )
            )

        scene.terrain(None, depth, draw)
        if counted and counted[0] >= 3:
            scene.kinds.append("forest")


def _decorate_ground(scene: Scene, trees: Trees, layer: Layer, themes, bend: float) -> None:
    """Big trees near the sides of the foreground (more of them in a forest theme)."""
    rng, palette, unit = scene.rng, scene.palette, scene.unit
    forest = "foret" in themes
    wanted = rng.randint(3, 4) if forest else rng.randint(2, 3) if bend else rng.randint(0, 2)
    depth = layer.base + FRONT_TREES
    room = _tree_room(scene, layer, depth)
    placed = 0
    places = [scene.x(rng.uniform(0.0, 0.12)), scene.x(rng.uniform(0.88, 1.0))]
    places += scene.xs(0.05, 0.95, 10) if (forest or bend) else []
    for x in places:
        if placed >= wanted:
            break
        kind = rng.choice(("round", "conifer", "poplar"))
        size = unit * rng.uniform(0.28, 0.4)
        ground = scene.dry(x, layer.ridge.height_at(x) - unit * 0.03)
        size = min(size, (scene.top_limit - ground) * 0.95)
        tilt = bend * rng.uniform(0.8, 1.1)
        trunk_box, crown_box = tree_boxes(kind, x, ground, size, tilt)
        if not trees.room(crown_box, palette.deep, size * 0.08) or not room(trunk_box, crown_box):
            continue
        trees.add(crown_box, palette.deep)
        scene.pen.layer = depth
        tree = (kind, x, ground, size, palette.deep, palette.deep, tilt)
        scene.terrain("tree", depth, lambda tree=tree: draw_tree(scene, *tree))
        placed += 1
