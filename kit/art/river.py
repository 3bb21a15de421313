"""A river across the foot of the foreground: its course, its water and wavelets."""

from __future__ import annotations

from dataclasses import dataclass

from .scene import Scene
from .shapes import Path, Ridge


@dataclass(frozen=True)
class River:
    """A river across the foot of the foreground: its far bank follows the ground's crest (the
    hill behind rises straight from the water), its near bank winds a little below."""

    far: Ridge
    near: Ridge

    def near_bank(self, x: float) -> float:
        return self.near.height_at(x)


def river_course(scene: Scene, ground: Ridge, width: float, lowest: float) -> River:
    """The river under ``ground``'s crest, about ``width`` wide, its near bank above ``lowest``.

    The near bank has its own, closer bends: a river's width changes all along, a road's not.
    """
    rng, unit = scene.rng, scene.unit
    far = tuple(h - unit * 0.012 for h in ground.heights)
    count = 9
    step = (ground.right - ground.x0) / (count - 1)
    near = []
    for k in range(count):
        top = ground.height_at(ground.x0 + k * step) - unit * 0.012
        near.append(max(top - width * rng.uniform(0.55, 1.45), min(lowest, top - unit * 0.03)))
    return River(Ridge(ground.x0, ground.step, far), Ridge(ground.x0, step, tuple(near)))


def draw_river(scene: Scene, river: River, water: str, ripple: str) -> None:
    """The water, with little wavelets here and there on it."""
    pen, rng, unit = scene.pen, scene.rng, scene.unit
    path = Path()
    river.far.trace(path)
    near = river.near
    path.line(near.right, near.heights[-1])
    # the near bank, right to left: trace the mirrored bank and mirror it back
    mirrored = Path()
    Ridge(near.x0, near.step, near.heights[::-1]).trace(mirrored)
    span = near.right + near.x0
    for op, n in mirrored.ops[1:]:
        path.ops.append((op, tuple(span - v if i % 2 == 0 else v for i, v in enumerate(n))))
    pen.fill(path.close(), water)
    waves = Path()
    box = scene.box
    x = box.x + unit * rng.uniform(0.0, 0.2)
    while x < box.right:
        top, bottom = river.far.height_at(x), near.height_at(x)
        room = top - bottom
        if room > unit * 0.04:
            y = bottom + room * rng.uniform(0.3, 0.65)
            length, a = unit * rng.uniform(0.05, 0.08), unit * 0.008
            waves.move(x, y)
            waves.curve(x + length / 6, y + a, x + length / 3, y + a, x + length / 2, y)
            waves.curve(x + 2 * length / 3, y - a, x + 5 * length / 6, y - a, x + length, y)
        x += unit * rng.uniform(0.16, 0.34)
    pen.stroke(waves, ripple, unit * 0.01)
