"""What stands in the foreground: a river across its foot, a group of people on the near bank,
trees blown down by a storm."""

from __future__ import annotations

from functools import partial

from .layers import BACK_TREES, CROWD, RIVER, Layer
from .palette import WHITE
from .people import draw_group, group_width
from .river import draw_river, river_course
from .scene import Scene
from .trees import draw_fallen_tree

CROWD_STYLES = ("hands", "chat", "table", "hands", "chat", "table", "hands", "banner")


def place_river(scene: Scene, ground: Layer, themed: bool) -> bool:
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
    scene.terrain("river", depth, partial(draw_river, scene, river, palette.sky, WHITE))
    scene.river = river
    return True


def place_crowd(scene: Scene, ground: Layer, style: str | None, themed: bool) -> bool:
    """A group standing in the foreground, where nothing hides it and it hides nothing; fewer
    and smaller people if need be."""
    rng, unit, box = scene.rng, scene.unit, scene.box
    style = style or rng.choice(CROWD_STYLES)
    counts = {"table": (3, 4, 4), "banner": (4, 5, 5)}.get(style, (2, 3, 3, 4, 4, 5))
    count = rng.choice(counts)
    height = unit * rng.uniform(0.27, 0.33)
    feet = box.y + unit * rng.uniform(0.04, 0.08)
    least = 3 if style == "banner" else 2
    shrink = (1.0, 0.88, 0.76, 0.66) if themed else (1.0, 0.88)
    tries = 24 if themed else 14
    while count >= least:
        for factor in shrink:
            if _place_group(scene, ground, style, count, height * factor, feet, tries):
                return True
        count -= 1
    return False


def _place_group(
    scene: Scene,
    ground: Layer,
    style: str,
    count: int,
    size: float,
    feet: float,
    tries: int,
) -> bool:
    """``count`` people ``size`` tall, their feet at ``feet`` or on the river's near bank."""
    box, unit = scene.box, scene.unit
    width = group_width(count, size, style)
    depth = ground.base + CROWD
    for centre in scene.xs(0.05, 0.95, tries):
        stand = min(scene.dry(centre + d * width / 2, feet) for d in (-1, 0, 1))
        if stand < box.y + unit * 0.02:
            continue
        rough = (centre - width / 2, stand, centre + width / 2, stand + size)
        if not scene.fits(rough, depth):
            continue
        draw = partial(draw_group, scene, centre, stand, size, count, ground.colour, style)
        if scene.place("people", depth, draw):
            if style in ("table", "banner"):
                scene.kinds.append(style)
            return True
    return False


def place_fallen_trees(scene: Scene, ground: Layer) -> None:
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
        draw = partial(draw_fallen_tree, scene, x, y, size, side, crown, wood)
        if scene.place("fallen_tree", ground.base + BACK_TREES, draw):
            placed += 1
            if placed == 2:
                return
