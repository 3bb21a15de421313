"""The village: houses (some with solar panels on their roofs), its church and town hall."""

from __future__ import annotations

from .palette import WHITE
from .scene import Scene
from .shapes import Path, Point, Ridge

# One house of a row: x, ground, width, wall, roof, solar panels, height and roof pitch (the
# last two in widths).
House = tuple[float, float, float, str, str, bool, float, float]


def draw_house(scene: Scene, x: float, ground: float, size: float, wall: str, roof: str) -> None:
    """A house ``size`` points wide at the wall, centred on ``x``, with a pitched roof."""
    pen, palette = scene.pen, scene.palette
    w, h = size, size * scene.rng.uniform(0.55, 0.8)
    left, eaves = x - w / 2, ground + h
    pen.rect(left, ground, w, h, wall)
    overhang, pitch = w * 0.1, w * scene.rng.uniform(0.38, 0.55)
    pen.polygon([(left - overhang, eaves), (x + w / 2 + overhang, eaves), (x, eaves + pitch)], roof)
    pen.rect(left + w * 0.16, ground, w * 0.2, h * 0.5, palette.deep)
    pen.rect(x + w * 0.1, ground + h * 0.35, w * 0.24, h * 0.3, palette.mid)


def roof_panels(scene: Scene, eave: Point, apex: Point, roof: str) -> None:
    """Solar panels on the left slope of a roof: a dark band with light seams across it."""
    (ex, ey), (ax, ay) = eave, apex
    palette = scene.palette
    a = (ex + (ax - ex) * 0.16, ey + (ay - ey) * 0.16)
    b = (ex + (ax - ex) * 0.82, ey + (ay - ey) * 0.82)
    depth = (ax - ex) * 0.42  # down the slope's face, towards the viewer
    c, d = (b[0] + depth * 0.45, b[1] - depth * 0.45), (a[0] + depth * 0.45, a[1] - depth * 0.45)
    panel = palette.deep if roof != palette.deep else palette.base
    scene.pen.polygon([a, b, c, d], panel)
    seams = Path()
    for t in (1 / 3, 2 / 3):
        seams.move(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        seams.line(d[0] + (c[0] - d[0]) * t, d[1] + (c[1] - d[1]) * t)
    seams.move((a[0] + d[0]) / 2, (a[1] + d[1]) / 2).line((b[0] + c[0]) / 2, (b[1] + c[1]) / 2)
    scene.pen.stroke(seams, palette.far, depth * 0.07)


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
    draw_flag(
        scene, x, ground + h + size * 0.24, size * 0.31, size, palette.accent(0, palette.base)
    )


def draw_flag(scene: Scene, x: float, foot: float, pole: float, size: float, colour: str) -> None:
    """A flag on a pole ``pole`` tall standing on ``foot``, sized for a building ``size`` wide."""
    pen, top = scene.pen, foot + pole
    pen.rect(x - size * 0.01, foot, size * 0.02, pole, scene.palette.deep)
    pen.polygon(
        [
            (x + size * 0.01, top),
            (x + size * 0.2, top - size * 0.04),
            (x + size * 0.01, top - size * 0.1),
        ],
        colour,
    )


def draw_village(
    scene: Scene,
    ridge: Ridge,
    centre: float,
    width: float,
    size: float,
    landmarks: tuple[str, ...] | None = None,
    solar: int = 1,
) -> None:
    """Houses around a church or a town hall (or both), roofs in the family's darks.

    ``solar`` houses carry panels on their roofs.
    """
    rng, palette = scene.rng, scene.palette
    if landmarks is None:
        landmarks = rng.choice((("church",), ("town hall",), ("church", "town hall")))
    spots = [centre] if len(landmarks) == 1 else [centre - width * 0.25, centre + width * 0.25]
    count = rng.randint(4, 6)
    slots = [
        centre + width * (0.9 * i / (count - 1) - 0.45 + rng.uniform(-0.04, 0.04))
        for i in range(count)
    ]
    # Houses would hide the landmarks' doors: leave them only the room beside and behind.
    houses = [x for x in slots if all(abs(x - spot) > size * 0.6 for spot in spots)]
    _draw_houses(scene, ridge, houses, size, solar)
    front = ridge.height_at(centre) - size * 0.3
    for kind, x in zip(landmarks, spots, strict=True):
        if kind == "church":
            draw_church(scene, x, front, size * 1.3, WHITE, palette.deep)
        else:
            draw_town_hall(scene, x, front - size * 0.1, size * 1.8, palette.paper, palette.deep)


def _draw_houses(scene: Scene, ridge: Ridge, slots: list[float], size: float, solar: int) -> None:
    """Every other house sits up the slope and smaller, drawn first, so the roofs stagger.

    The houses of one row stand apart: each row's walls, windows, doors and roofs are filled
    a colour at a time (the colour changes cost more than the shapes).
    """
    rng, palette = scene.rng, scene.palette
    walls = (palette.paper, WHITE, palette.sky)
    roofs = (palette.deep, palette.base, palette.deep)
    order = sorted(range(len(slots)), key=lambda i: i % 2 == 0)
    # Panels go on front houses first: a back roof may hide behind a front one.
    front = [i for i in order if i % 2 == 0] + [i for i in order if i % 2 == 1]
    start = rng.randrange(len(front)) if solar == 1 and front else 0
    with_panels = {front[(start + k) % len(front)] for k in range(min(solar, len(front)))}
    rows: dict[bool, list[House]] = {True: [], False: []}
    for i in order:
        back = i % 2 == 1
        ground = ridge.height_at(slots[i]) - size * (0.02 if back else rng.uniform(0.15, 0.3))
        roof = palette.accent(i, roofs[i % 3]) if i == 1 and palette.accents else roofs[i % 3]
        house_size = size * rng.uniform(0.8, 1.1) * (0.85 if back else 1.0)
        tall, pitch = rng.uniform(0.55, 0.8), rng.uniform(0.38, 0.55)
        rows[back].append(
            (slots[i], ground, house_size, walls[i % 3], roof, i in with_panels, tall, pitch)
        )
    for back in (True, False):
        _draw_row(scene, rows[back])


def _draw_row(scene: Scene, houses: list[House]) -> None:
    pen, palette = scene.pen, scene.palette
    walls: dict[str, Path] = {}
    roofs: dict[str, Path] = {}
    doors, windows = Path(), Path()
    panels = []
    for x, ground, w, wall, roof, solar, tall, pitch in houses:
        h = w * tall
        left, eaves = x - w / 2, ground + h
        walls.setdefault(wall, Path()).rect(left, ground, w, h)
        overhang, rise = w * 0.1, w * pitch
        eave, apex = (left - overhang, eaves), (x, eaves + rise)
        roofs.setdefault(roof, Path()).polygon([eave, (x + w / 2 + overhang, eaves), apex])
        doors.rect(left + w * 0.16, ground, w * 0.2, h * 0.5)
        windows.rect(x + w * 0.1, ground + h * 0.35, w * 0.24, h * 0.3)
        if solar:
            panels.append((eave, apex, roof))
    for colour, path in walls.items():
        pen.fill(path, colour)
    pen.fill(windows, palette.mid)
    pen.fill(doors, palette.deep)
    for colour in sorted(roofs, key=lambda c: c != palette.deep):  # the doors' colour first
        pen.fill(roofs[colour], colour)
    for eave, apex, roof in panels:
        roof_panels(scene, eave, apex, roof)
