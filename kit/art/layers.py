"""The hills of a picture, farthest first down to the foreground, and the drawing depths.

Every hill owns a band of ten drawing depths: what stands on it is painted over it, under the
hills in front. The sky's features take the depths below the farthest hill.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from .scene import Scene
from .shapes import Ridge

SKY, SUN, CLOUDS, BIRDS = 0, 1, 2, 3
# Depths inside one hill's band of ten, farthest first: what stands on a hill...
RIDGE, FIELDS, HEDGE, FOREST, TURBINES, SITES = 0, 1, 2, 3, 4, 5
# ... and on the foreground.
RIVER, BACK_TREES, CROWD, FRONT_TREES = 1, 3, 5, 6
SKYLINE = 32  # samples across the band of the line the nearer hills draw


@dataclass(frozen=True)
class Layer:
    ridge: Ridge
    colour: str
    depth: float  # 0 for the farthest hill, 1 for the foreground
    base: int  # the first of its ten drawing depths


def plan_layers(scene: Scene, horizon: float, river: bool) -> list[Layer]:
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


def paint_hills(scene: Scene, layers: list[Layer]) -> None:
    for layer in layers:
        area = layer.ridge.area(scene.box.y - 1)
        scene.terrain(None, layer.base + RIDGE, partial(scene.pen.fill, area, layer.colour))


def hidden_line(scene: Scene, layer: Layer, left: float, right: float) -> float:
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
        highest = max(highest, height)
    return highest
