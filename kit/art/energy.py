"""The energy sites: wind turbines, a solar field, a methaniser, a small wood-fired heat plant
with its network."""

from __future__ import annotations

from .palette import WHITE
from .scene import Scene
from .shapes import Path, Ridge, rotated
from .village import draw_house


def draw_turbine(scene: Scene, x: float, ground: float, height: float, colour: str) -> None:
    """A three-bladed wind turbine; the blades' angle is seeded so rows never look cloned."""
    hub = (x, ground + height)
    hx, hy = hub
    path = Path().polygon(
        [
            (x - height * 0.025, ground),
            (x + height * 0.025, ground),
            (x + height * 0.01, hy),
            (x - height * 0.01, hy),
        ]
    )
    blade = height * 0.5
    shape = [
        (hx, hy),
        (hx + blade * 0.07, hy + blade * 0.2),
        (hx, hy + blade),
        (hx - blade * 0.035, hy + blade * 0.15),
    ]
    angle = scene.rng.uniform(0, 120)
    for k in range(3):
        path.polygon(rotated(hub, shape, angle + 120 * k))
    scene.pen.fill(path.ellipse(hx, hy, height * 0.04, height * 0.04), colour)


def draw_solar_field(
    scene: Scene, ridge: Ridge, centre: float, width: float, size: float, ground_tone: str
) -> None:
    """Rows of tilted panels on short legs, standing on the hill; ``size`` is one panel's width.

    Dark panels with lighter seams; on the darkest hill, mid-tone panels.
    """
    palette, pitch = scene.palette, size * 1.15
    panel = palette.mid if ground_tone == palette.deep else palette.deep
    seam = palette.darker(panel, -2)
    count = max(2, int(width / pitch))
    legs, panels, seams = Path(), Path(), Path()
    for i in range(count):
        x = centre + (i - (count - 1) / 2) * pitch
        ground = ridge.height_at(x) - size * 0.3
        low, high, lean = ground + size * 0.25, ground + size * 0.67, size * 0.18
        legs.rect(x - size * 0.03, ground, size * 0.06, size * 0.35)
        panels.polygon(
            [
                (x - size / 2, low),
                (x + size / 2, low),
                (x + size / 2 + lean, high),
                (x - size / 2 + lean, high),
            ]
        )
        middle = (low + high) / 2
        seams.move(x - size / 2 + lean / 2, middle).line(x + size / 2 + lean / 2, middle)
        seams.move(x, low).line(x + lean, high)
    scene.pen.fill(legs, panel)
    scene.pen.fill(panels, panel)
    scene.pen.stroke(seams, seam, size * 0.035)
    _transformer_hut(scene, ridge, centre + ((count - 1) / 2 + 0.95) * pitch, size)


def _transformer_hut(scene: Scene, ridge: Ridge, hx: float, size: float) -> None:
    """The hut at the end of the row, its roof in an accent colour."""
    palette = scene.palette
    ground = ridge.height_at(hx) - size * 0.3
    scene.pen.rect(hx - size * 0.25, ground, size * 0.5, size * 0.42, palette.paper)
    scene.pen.polygon(
        [
            (hx - size * 0.32, ground + size * 0.42),
            (hx + size * 0.32, ground + size * 0.42),
            (hx, ground + size * 0.62),
        ],
        palette.accent(0, palette.deep),
    )


def draw_methaniser(scene: Scene, ridge: Ridge, centre: float, size: float) -> None:
    """Two round digesters under membrane domes, and a farm shed; ``size`` is the big tank's width."""
    palette = scene.palette
    pen = scene.pen
    ground = ridge.height_at(centre) - size * 0.12
    shed_x = centre + size * 0.95
    pen.rect(shed_x - size * 0.35, ground, size * 0.7, size * 0.32, palette.paper)
    pen.polygon(
        [
            (shed_x - size * 0.4, ground + size * 0.32),
            (shed_x + size * 0.4, ground + size * 0.32),
            (shed_x, ground + size * 0.5),
        ],
        palette.accent(1, palette.deep),
    )
    for x, w in ((centre - size * 0.8, size * 0.7), (centre, size)):
        wall = w * 0.24
        pen.rect(x - w / 2, ground, w, wall, palette.deep)
        pen.dome(x, ground + wall, w / 2, w * 0.38, palette.paper)


def draw_heat_plant(
    scene: Scene, ridge: Ridge, centre: float, size: float, side: int, ground_tone: str
) -> None:
    """A small wood-fired heat plant: boiler house, chimney with a wisp of steam, wood-chip pile,
    and the insulated pipes of its network running to two houses on ``side``;
    ``size`` is the boiler house's width."""
    ground = ridge.height_at(centre) - size * 0.12
    _boiler_house(scene, centre, ground, size)
    _chimney(scene, centre - side * size * 0.32, ground, size, side)  # away from the houses
    pile_x = centre - side * size * 0.85  # the wood chips
    scene.pen.dome(
        pile_x, ridge.height_at(pile_x) - size * 0.1, size * 0.28, size * 0.2, scene.palette.mid
    )
    _heat_network(scene, ridge, centre, ground, size, side, ground_tone)


def _boiler_house(scene: Scene, centre: float, ground: float, size: float) -> None:
    pen, palette = scene.pen, scene.palette
    h = size * 0.5
    left = centre - size / 2
    pen.rect(left, ground, size, h, palette.paper)
    pen.polygon(
        [
            (left - size * 0.05, ground + h),
            (left + size * 1.05, ground + h),
            (left + size * 1.05, ground + h + size * 0.18),
        ],
        palette.accent(2, palette.deep),
    )
    pen.rect(left + size * 0.12, ground, size * 0.3, h * 0.62, palette.deep)  # wide door
    pen.rect(left + size * 0.58, ground + h * 0.45, size * 0.28, h * 0.28, palette.mid)


STEAM = ((0.0, 0.12, 0.08), (0.1, 0.24, 0.1), (0.24, 0.3, 0.08))  # puffs: dx, dy, r in sizes


def _chimney(scene: Scene, cx: float, ground: float, size: float, side: int) -> None:
    """The chimney rising from the boiler house's roof, its steam drifting towards ``side``."""
    pen, palette = scene.pen, scene.palette
    h = size * 0.5  # the boiler house's height
    chimney_top = ground + size * 1.35
    pen.rect(cx - size * 0.06, ground + h, size * 0.12, chimney_top - ground - h, palette.deep)
    pen.rect(cx - size * 0.075, chimney_top - size * 0.08, size * 0.15, size * 0.08, palette.base)
    steam = Path()
    for dx, dy, r in STEAM:
        steam.ellipse(cx + side * -size * dx, chimney_top + size * dy, size * r * 1.2, size * r)
    # A throw meant to drop the last puff once came after it, uselessly; it stays, so that the
    # seed's later choices, and every picture, are unchanged.
    scene.rng.random()
    pen.fill(steam, WHITE)


def _heat_network(
    scene: Scene,
    ridge: Ridge,
    centre: float,
    ground: float,
    size: float,
    side: int,
    ground_tone: str,
) -> None:
    """Two houses on ``side`` and the pipes that bring them the heat, on low supports: light on
    a dark hill, dark on a light one."""
    pen, palette = scene.pen, scene.palette
    hot = WHITE if ground_tone in (palette.base, palette.deep) else palette.contrasting(ground_tone)
    pipe_y = ground + size * 0.1
    houses = [centre + side * size * (1.05 + 0.72 * k) for k in range(2)]
    grounds = [max(ridge.height_at(hx) - size * 0.15, pipe_y + size * 0.03) for hx in houses]
    for hx, house_ground in zip(houses, grounds, strict=True):
        draw_house(scene, hx, house_ground, size * 0.55, WHITE, palette.deep)
    start, end = centre + side * size * 0.5, houses[-1]
    supports = Path()
    for k in range(1, 6):
        px = start + (end - start) * k / 6
        supports.rect(px - size * 0.015, pipe_y - size * 0.12, size * 0.03, size * 0.12)
    pen.fill(supports, palette.deep)
    pipes = Path().move(start, pipe_y).line(end, pipe_y)
    for hx, house_ground in zip(houses, grounds, strict=True):
        pipes.move(hx - side * size * 0.08, pipe_y).line(
            hx - side * size * 0.08, house_ground + size * 0.08
        )
    pen.stroke(pipes, hot, size * 0.055)
