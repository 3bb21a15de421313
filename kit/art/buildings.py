"""Houses, church, town hall, school, farm, and the energy sites: wind turbines, solar panels,
methaniser, a small wood-fired heat plant with its network."""

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
        roof_panels(scene, (left - overhang, eaves), (x, eaves + pitch), roof)


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
    _flag(scene, x, ground + h + size * 0.24, size * 0.31, size, palette.accent(0, palette.base))


def _flag(scene: Scene, x: float, foot: float, pole: float, size: float, colour: str) -> None:
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
    rows: dict[bool, list] = {True: [], False: []}
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


def _draw_row(scene: Scene, houses: list) -> None:
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
    # The transformer hut at the end of the row, its roof in an accent colour.
    hx = centre + ((count - 1) / 2 + 0.95) * pitch
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


def draw_school(scene: Scene, ridge: Ridge, centre: float, size: float, side: int) -> None:
    """A school: a long building with a gabled porch, a bell turret and a flag, and beside it
    (on ``side``) a fenced playground with a slide and a swing; ``size`` is the school's width."""
    pen, palette, rng = scene.pen, scene.palette, scene.rng
    ground = ridge.height_at(centre) - size * 0.1
    h = size * 0.36
    left = centre - size / 2
    pen.rect(left, ground, size, h, palette.paper)
    pen.polygon(
        [
            (left - size * 0.04, ground + h),
            (left + size * 1.04, ground + h),
            (left + size * 0.94, ground + h + size * 0.14),
            (left + size * 0.06, ground + h + size * 0.14),
        ],
        palette.deep,
    )
    windows = Path()
    for k in range(6):
        if k in (2, 3):
            continue
        windows.rect(left + size * (0.06 + k * 0.155), ground + h * 0.35, size * 0.1, h * 0.42)
    pen.fill(windows, palette.mid)
    porch_w, porch_h = size * 0.3, size * 0.5
    pen.rect(centre - porch_w / 2, ground, porch_w, porch_h, WHITE)
    pen.polygon(
        [
            (centre - porch_w * 0.62, ground + porch_h),
            (centre + porch_w * 0.62, ground + porch_h),
            (centre, ground + porch_h + size * 0.14),
        ],
        palette.deep,
    )
    pen.rect(centre - porch_w * 0.22, ground, porch_w * 0.44, porch_h * 0.48, palette.deep)
    pen.circle(centre, ground + porch_h * 0.72, porch_w * 0.14, palette.mid)
    # Bell turret on the roof, and the flag.
    turret = left + size * 0.2
    top = ground + h + size * 0.14
    pen.rect(turret - size * 0.035, top - size * 0.02, size * 0.07, size * 0.1, WHITE)
    pen.polygon(
        [
            (turret - size * 0.055, top + size * 0.08),
            (turret + size * 0.055, top + size * 0.08),
            (turret, top + size * 0.16),
        ],
        palette.deep,
    )
    flag = palette.accent(rng.randrange(3), palette.base)
    _flag(scene, left + size * 0.82, top - size * 0.03, size * 0.22, size * 0.8, flag)
    # The playground.
    yard = centre + side * size * 0.5
    yard_w = size * 0.72
    x0 = yard if side > 0 else yard - yard_w
    yard_ground = ridge.height_at(x0 + yard_w / 2) - size * 0.12
    frame = palette.deep
    # slide: a ladder and a white slope
    sx = x0 + yard_w * 0.28
    sh = size * 0.26
    ladder = Path().move(sx, yard_ground).line(sx, yard_ground + sh)
    ladder.move(sx + size * 0.05, yard_ground).line(sx + size * 0.05, yard_ground + sh)
    for k in (0.3, 0.6, 0.9):
        ladder.move(sx, yard_ground + sh * k).line(sx + size * 0.05, yard_ground + sh * k)
    pen.stroke(ladder, frame, size * 0.014)
    slide = WHITE
    pen.polygon(
        [
            (sx + size * 0.03, yard_ground + sh),
            (sx + size * 0.07, yard_ground + sh),
            (sx + size * 0.3, yard_ground),
            (sx + size * 0.24, yard_ground),
        ],
        slide,
    )
    # swing: an A-frame, its bar and a seat on two ropes
    wx, wh, ww = x0 + yard_w * 0.78, size * 0.3, size * 0.2
    frame_path = Path()
    for fx in (wx - ww / 2, wx + ww / 2):
        frame_path.move(fx - size * 0.04, yard_ground).line(fx, yard_ground + wh)
        frame_path.line(fx + size * 0.04, yard_ground)
    frame_path.move(wx - ww / 2, yard_ground + wh).line(wx + ww / 2, yard_ground + wh)
    pen.stroke(frame_path, frame, size * 0.018)
    rope = (
        Path()
        .move(wx - size * 0.035, yard_ground + wh)
        .line(wx - size * 0.035, yard_ground + wh * 0.3)
    )
    rope.move(wx + size * 0.035, yard_ground + wh).line(wx + size * 0.035, yard_ground + wh * 0.3)
    pen.stroke(rope, frame, size * 0.008)
    pen.rect(wx - size * 0.05, yard_ground + wh * 0.26, size * 0.1, size * 0.025, slide)
    # low picket fence in front of the yard
    pickets = Path()
    fy = yard_ground - size * 0.04
    pickets.move(x0, fy + size * 0.05).line(x0 + yard_w, fy + size * 0.05)
    steps = 9
    for k in range(steps + 1):
        px = x0 + yard_w * k / steps
        pickets.move(px, fy).line(px, fy + size * 0.08)
    pen.stroke(pickets, WHITE, size * 0.014)


def draw_heat_plant(
    scene: Scene, ridge: Ridge, centre: float, size: float, side: int, ground_tone: str
) -> None:
    """A small wood-fired heat plant: boiler house, chimney with a wisp of steam, wood-chip pile,
    and the insulated pipes of its network running to two houses on ``side``;
    ``size`` is the boiler house's width."""
    pen, palette, rng = scene.pen, scene.palette, scene.rng
    ground = ridge.height_at(centre) - size * 0.12
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
    # chimney, on the far side from the houses
    cx = centre - side * size * 0.32
    chimney_top = ground + size * 1.35
    pen.rect(cx - size * 0.06, ground + h, size * 0.12, chimney_top - ground - h, palette.deep)
    pen.rect(cx - size * 0.075, chimney_top - size * 0.08, size * 0.15, size * 0.08, palette.base)
    steam = Path()
    for k, (dx, dy, r) in enumerate(((0.0, 0.12, 0.08), (0.1, 0.24, 0.1), (0.24, 0.3, 0.08))):
        steam.ellipse(cx + side * -size * dx, chimney_top + size * dy, size * r * 1.2, size * r)
        if k == 2 and rng.random() < 0.5:
            break
    pen.fill(steam, WHITE)
    # wood chips
    pile_x = centre - side * size * 0.85
    pen.dome(pile_x, ridge.height_at(pile_x) - size * 0.1, size * 0.28, size * 0.2, palette.mid)
    # network pipes to the houses, light on a dark hill and dark on a light one
    hot = WHITE if ground_tone in (palette.base, palette.deep) else palette.contrasting(ground_tone)
    pipe_y = ground + size * 0.1
    houses = [centre + side * size * (1.05 + 0.72 * k) for k in range(2)]
    grounds = [max(ridge.height_at(hx) - size * 0.15, pipe_y + size * 0.03) for hx in houses]
    for hx, house_ground in zip(houses, grounds, strict=True):
        draw_house(scene, hx, house_ground, size * 0.55, WHITE, palette.deep, False)
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


def draw_farm(scene: Scene, ridge: Ridge, centre: float, size: float, cows: int, side: int) -> None:
    """A barn with a big cross-braced door, a silo, and ``cows`` grazing on ``side``;
    ``size`` is the barn's width."""
    pen, palette, rng = scene.pen, scene.palette, scene.rng
    ground = ridge.height_at(centre) - size * 0.12
    h, left = size * 0.42, centre - size / 2
    pen.rect(left, ground, size, h, palette.paper)
    eaves, ridge_y = ground + h, ground + h + size * 0.36
    pen.polygon(
        [
            (left - size * 0.06, eaves),
            (left + size * 0.16, eaves + size * 0.24),
            (centre, ridge_y),
            (left + size * 0.84, eaves + size * 0.24),
            (left + size * 1.06, eaves),
        ],
        palette.accent(rng.randrange(3), palette.base),
    )
    door_w, door_h = size * 0.34, h * 0.8
    dx = centre - door_w / 2
    pen.rect(dx, ground, door_w, door_h, palette.deep)
    cross = Path().move(dx, ground).line(dx + door_w, ground + door_h)
    cross.move(dx, ground + door_h).line(dx + door_w, ground)
    cross.rect(dx, ground, door_w, door_h)
    pen.stroke(cross, palette.paper, size * 0.022)
    pen.circle(centre, eaves + size * 0.15, size * 0.045, palette.deep)  # hay loft window
    # silo, beside the barn on the other side from the cows
    sx = centre - side * size * 0.72
    sw, sh = size * 0.24, size * 0.95
    silo_ground = ridge.height_at(sx) - size * 0.12
    pen.rect(sx - sw / 2, silo_ground, sw, sh, WHITE)
    pen.dome(sx, silo_ground + sh, sw / 2, sw * 0.45, palette.mid)
    bands = Path()
    for k in (0.3, 0.6):
        bands.rect(sx - sw / 2, silo_ground + sh * k, sw, sh * 0.04)
    pen.fill(bands, palette.far)
    for k in range(cows):
        cx = centre + side * size * (0.85 + 0.42 * k)
        draw_cow(scene, cx, ridge.height_at(cx) - size * (0.22 + 0.08 * k), size * 0.3, -side)


def draw_cow(scene: Scene, x: float, ground: float, size: float, facing: int) -> None:
    """A white cow with dark patches, ``size`` long, head towards ``facing``."""
    pen, palette = scene.pen, scene.palette
    body_h = size * 0.42
    body_y = ground + size * 0.28
    legs = Path()
    for dx in (-0.36, -0.24, 0.22, 0.34):
        legs.rect(x + dx * size - size * 0.035, ground, size * 0.07, size * 0.32)
    pen.fill(legs, palette.deep)
    body = Path().round_rect(x - size / 2, body_y, size, body_h, body_h * 0.35)
    hx = x + facing * size * 0.55
    body.round_rect(hx - size * 0.12, body_y + body_h * 0.45, size * 0.24, size * 0.26, size * 0.08)
    pen.fill(body, WHITE)
    spots = Path().ellipse(
        x - facing * size * 0.15, body_y + body_h * 0.55, size * 0.14, body_h * 0.28
    )
    spots.ellipse(x + facing * size * 0.18, body_y + body_h * 0.3, size * 0.1, body_h * 0.2)
    pen.fill(spots, palette.deep)
