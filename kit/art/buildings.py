"""Houses, church, town hall, and the energy sites: wind turbines, solar panels, methaniser."""

from __future__ import annotations

from .palette import WHITE
from .scene import Scene
from .shapes import Path, Point, Ridge, rotated


def draw_house(
    scene: Scene, x: float, ground: float, size: float, wall: str, roof: str, solar: bool
) -> None:
    """A house ``size`` points wide at the wall, centred on ``x``, with a pitched roof."""
    pen, palette = scene.pen, scene.palette
    w, h = size, size * scene.rng.uniform(0.55, 0.8)
    left, eaves = x - w / 2, ground + h
    pen.rect(left, ground, w, h, wall)
    overhang, pitch = w * 0.1, w * scene.rng.uniform(0.38, 0.55)
    pen.polygon([(left - overhang, eaves), (x + w / 2 + overhang, eaves), (x, eaves + pitch)], roof)
    pen.rect(left + w * 0.16, ground, w * 0.2, h * 0.5, palette.deep)
    pen.rect(x + w * 0.1, ground + h * 0.35, w * 0.24, h * 0.3, palette.mid)
    if solar:
        _roof_panels(scene, (left - overhang, eaves), (x, eaves + pitch), w * 0.12)


def _roof_panels(scene: Scene, eave: Point, apex: Point, depth: float) -> None:
    """Panels laid along the left slope of a roof, just below its surface."""
    (ex, ey), (ax, ay) = eave, apex
    along = [(ex + (ax - ex) * t, ey + (ay - ey) * t) for t in (0.2, 0.85)]
    inner = [(px + depth * 0.55, py - depth * 0.55) for px, py in along]
    scene.pen.polygon([along[0], along[1], inner[1], inner[0]], scene.palette.deep)


def draw_church(scene: Scene, x: float, ground: float, size: float, wall: str, roof: str) -> None:
    """A nave with a bell tower and its spire; ``size`` is the nave's width."""
    pen = scene.pen
    nave_h = size * 0.55
    pen.rect(x - size / 2, ground, size, nave_h, wall)
    pen.polygon(
        [
            (x - size * 0.55, ground + nave_h),
            (x + size * 0.55, ground + nave_h),
            (x + size * 0.3, ground + nave_h + size * 0.32),
            (x - size * 0.3, ground + nave_h + size * 0.32),
        ],
        roof,
    )
    tower_x, tower_w = x - size * 0.5, size * 0.34
    tower_top = ground + size * 1.05
    pen.rect(tower_x - tower_w / 2, ground, tower_w, tower_top - ground, wall)
    pen.polygon(
        [
            (tower_x - tower_w * 0.62, tower_top),
            (tower_x + tower_w * 0.62, tower_top),
            (tower_x, tower_top + size * 0.75),
        ],
        roof,
    )
    pen.rect(
        tower_x - tower_w * 0.18,
        tower_top - size * 0.3,
        tower_w * 0.36,
        size * 0.16,
        scene.palette.deep,
        radius=tower_w * 0.18,
    )


def draw_town_hall(
    scene: Scene, x: float, ground: float, size: float, wall: str, roof: str
) -> None:
    """A wide symmetric building with a pediment, a clock and a flag; ``size`` is its width."""
    pen, palette = scene.pen, scene.palette
    h = size * 0.45
    pen.rect(x - size / 2, ground, size, h, wall)
    pen.polygon(
        [
            (x - size * 0.56, ground + h),
            (x + size * 0.56, ground + h),
            (x + size * 0.4, ground + h + size * 0.2),
            (x - size * 0.4, ground + h + size * 0.2),
        ],
        roof,
    )
    pen.polygon(
        [(x - size * 0.2, ground + h), (x + size * 0.2, ground + h), (x, ground + h + size * 0.28)],
        wall,
    )
    pen.circle(x, ground + h + size * 0.1, size * 0.055, palette.deep)
    for dx in (-0.34, -0.18, 0.18, 0.34):
        pen.rect(x + size * (dx - 0.04), ground + h * 0.45, size * 0.08, h * 0.35, palette.mid)
    pen.rect(x - size * 0.07, ground, size * 0.14, h * 0.55, palette.deep)
    pole_top = ground + h + size * 0.55
    pen.rect(x - size * 0.01, ground + h + size * 0.24, size * 0.02, size * 0.31, palette.deep)
    flag = palette.accent(0, palette.base)
    pen.polygon(
        [
            (x + size * 0.01, pole_top),
            (x + size * 0.2, pole_top - size * 0.04),
            (x + size * 0.01, pole_top - size * 0.1),
        ],
        flag,
    )


def draw_village(scene: Scene, ridge: Ridge, centre: float, width: float, size: float) -> None:
    """Houses around a church or a town hall (or both), roofs in the family's darks."""
    rng, palette = scene.rng, scene.palette
    landmarks = rng.choice((("church",), ("town hall",), ("church", "town hall")))
    spots = [centre] if len(landmarks) == 1 else [centre - width * 0.25, centre + width * 0.25]
    count = rng.randint(4, 6)
    slots = [
        centre + width * (0.9 * i / (count - 1) - 0.45 + rng.uniform(-0.04, 0.04))
        for i in range(count)
    ]
    # Houses would hide the landmarks' doors: leave them only the room beside and behind.
    houses = [x for x in slots if all(abs(x - spot) > size * 0.6 for spot in spots)]
    _draw_houses(scene, ridge, houses, size)
    front = ridge.height_at(centre) - size * 0.3
    for kind, x in zip(landmarks, spots, strict=True):
        if kind == "church":
            draw_church(scene, x, front, size * 1.3, WHITE, palette.deep)
        else:
            draw_town_hall(scene, x, front - size * 0.1, size * 1.8, palette.paper, palette.deep)


def _draw_houses(scene: Scene, ridge: Ridge, slots: list[float], size: float) -> None:
    """Every other house sits up the slope and smaller, drawn first, so the roofs stagger."""
    rng, palette = scene.rng, scene.palette
    walls = (palette.paper, WHITE, palette.sky)
    roofs = (palette.deep, palette.base, palette.deep)
    solar_index = rng.randrange(4)
    for i in sorted(range(len(slots)), key=lambda i: i % 2 == 0):
        back = i % 2 == 1
        ground = ridge.height_at(slots[i]) - size * (0.02 if back else rng.uniform(0.15, 0.3))
        roof = palette.accent(i, roofs[i % 3]) if i == 1 and palette.accents else roofs[i % 3]
        house_size = size * rng.uniform(0.8, 1.1) * (0.85 if back else 1.0)
        draw_house(scene, slots[i], ground, house_size, walls[i % 3], roof, solar=i == solar_index)


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


def draw_solar_field(scene: Scene, ridge: Ridge, centre: float, width: float, size: float) -> None:
    """A row of tilted panels on short legs; ``size`` is one panel's width."""
    palette, pitch = scene.palette, size * 1.15
    count = max(2, int(width / pitch))
    panels, seams = Path(), Path()
    for i in range(count):
        x = centre + (i - (count - 1) / 2) * pitch
        ground = ridge.height_at(x) - size * 0.15
        low, high, lean = ground + size * 0.25, ground + size * 0.67, size * 0.18
        panels.rect(x - size * 0.03, ground, size * 0.06, size * 0.35)
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
    scene.pen.fill(panels, palette.deep)
    scene.pen.stroke(seams, palette.far, size * 0.03)


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
        palette.base,
    )
    for x, w in ((centre - size * 0.8, size * 0.7), (centre, size)):
        wall = w * 0.24
        pen.rect(x - w / 2, ground, w, wall, palette.deep)
        pen.dome(x, ground + wall, w / 2, w * 0.38, palette.paper)
