"""Sky, sun, clouds, birds, trees, hedgerows, ploughed fields and rivers."""

from __future__ import annotations

from .palette import WHITE
from .scene import Scene
from .shapes import Path, Point, Ridge

TREE_KINDS = ("round", "conifer", "poplar", "round", "bush")
SKIES = ("day", "day", "morning", "dusk")


def draw_sky(scene: Scene, horizon: float) -> str:
    """One of three times of day: a clear day, a pale morning, or a dusk lit near the horizon.

    Returns the sky's tone.
    """
    pen, rng, palette, box = scene.pen, scene.rng, scene.palette, scene.box
    time_of_day = rng.choice(SKIES)
    sky, halo, cloud = {
        "day": (palette.sky, palette.paper, WHITE),
        "morning": (palette.paper, palette.sky, palette.sky),
        "dusk": (palette.haze, palette.paper, palette.paper),
    }[time_of_day]
    pen.rect(box.x, box.y, box.w, box.h, sky)
    if time_of_day == "dusk":
        pen.rect(box.x, box.y, box.w, scene.unit * (horizon + 0.14), palette.sky)
    sun_x = scene.x(rng.uniform(0.12, 0.88))
    rise = 0.02 if time_of_day == "dusk" else rng.uniform(0.1, 0.22)
    sun_y = scene.y(min(horizon + rise, 0.76))
    sun = palette.accent(rng.randrange(3), WHITE)
    draw_sun(scene, sun_x, sun_y, scene.unit * rng.uniform(0.07, 0.1), sun, halo)
    for _ in range(rng.randint(0, 3)):
        x = scene.x(rng.uniform(0.05, 0.95))
        if abs(x - sun_x) > scene.unit * 0.35:
            size = scene.unit * rng.uniform(0.05, 0.08)
            draw_cloud(scene, x, scene.y(rng.uniform(0.72, 0.86)), size, cloud)
    if rng.random() < 0.5:
        x, y = scene.x(rng.uniform(0.2, 0.8)), scene.y(rng.uniform(0.75, 0.86))
        draw_birds(scene, x, y, scene.unit * 0.025, palette.base)
    return sky


def draw_sun(scene: Scene, x: float, y: float, r: float, colour: str, halo: str) -> None:
    """A disc inside a flat ring of light."""
    scene.pen.circle(x, y, r * 1.55, halo)
    scene.pen.circle(x, y, r, colour)


def draw_cloud(scene: Scene, x: float, y: float, size: float, colour: str) -> None:
    """A flat-bottomed cloud of two or three puffs, ``y`` being its base."""
    pen, rng = scene.pen, scene.rng
    width = size * rng.uniform(2.0, 2.8)
    pen.rect(x - width / 2, y, width, size * 0.5, colour, radius=size * 0.25)
    puffs = rng.choice(((-0.22, 0.2), (-0.28, 0.05, 0.28)))
    for i, offset in enumerate(puffs):
        r = size * (0.55 if i == 1 else 0.42) * rng.uniform(0.85, 1.1)
        pen.circle(x + offset * width, y + size * 0.45, r, colour)


def draw_birds(scene: Scene, x: float, y: float, size: float, colour: str) -> None:
    rng, path = scene.rng, Path()
    for _ in range(rng.randint(2, 4)):
        bx, by = x + rng.uniform(-3, 3) * size, y + rng.uniform(-1.2, 1.2) * size
        s = size * rng.uniform(0.7, 1.1)
        path.move(bx - s, by + s * 0.35)
        path.curve(bx - s * 0.6, by + s * 0.5, bx - s * 0.2, by + s * 0.3, bx, by)
        path.curve(bx + s * 0.2, by + s * 0.3, bx + s * 0.6, by + s * 0.5, bx + s, by + s * 0.35)
    scene.pen.stroke(path, colour, size * 0.16)


def tree_shapes(kind: str, x: float, ground: float, size: float) -> tuple[Path, Path]:
    """The trunk and the crown of a tree ``size`` points tall standing on ``ground``."""
    trunk, crown = Path(), Path()
    if kind == "bush":
        crown.ellipse(x, ground + size * 0.2, size * 0.32, size * 0.24)
    elif kind == "conifer":
        trunk.rect(x - size * 0.04, ground, size * 0.08, size * 0.2)
        w, base = size * 0.24, ground + size * 0.14
        crown.polygon([(x - w, base), (x + w, base), (x, ground + size)])
    else:
        trunk.rect(x - size * 0.045, ground, size * 0.09, size * 0.45)
        if kind == "poplar":
            crown.ellipse(x, ground + size * 0.58, size * 0.17, size * 0.42)
        else:
            crown.ellipse(x, ground + size * 0.64, size * 0.33, size * 0.33)
    return trunk, crown


def draw_tree(
    scene: Scene, kind: str, x: float, ground: float, size: float, crown: str, trunk: str
) -> None:
    trunk_path, crown_path = tree_shapes(kind, x, ground, size)
    scene.pen.fill(trunk_path, trunk)
    scene.pen.fill(crown_path, crown)


def draw_forest(
    scene: Scene, ridge: Ridge, left: float, right: float, size: float, tones: tuple[str, str]
) -> None:
    """Trees of mixed kinds along ``ridge``, in two tones so neighbours stand apart.

    Each tone's crowns are filled as one path: the trees are flat shapes of a far hill, so
    which overlaps which hardly shows, and three fills cost far less than three per tree.
    """
    rng = scene.rng
    kinds = rng.sample(TREE_KINDS, 3)
    trunks, crowns = Path(), (Path(), Path())
    x, index = left, 0
    while x < right:
        tree_size = size * rng.uniform(0.7, 1.15)
        ground = ridge.height_at(x) - size * rng.uniform(0.05, 0.3)
        trunk, crown = tree_shapes(kinds[rng.randrange(3)], x, ground, tree_size)
        trunks.extend(trunk)
        crowns[index % 2].extend(crown)
        x += size * rng.uniform(0.35, 0.6)
        index += 1
    for path, tone in ((trunks, scene.palette.deep), (crowns[0], tones[0]), (crowns[1], tones[1])):
        scene.pen.fill(path, tone)


def draw_hedgerow(
    scene: Scene, ridge: Ridge, left: float, right: float, drop: float, size: float, colour: str
) -> None:
    """A hedge following ``ridge``, ``drop`` points below it: a band with a bumpy top."""
    rng = scene.rng
    steps = max(2, int((right - left) / (size * 1.6)))
    xs = [left + (right - left) * k / steps for k in range(steps + 1)]
    points = [(x, ridge.height_at(x) - drop) for x in xs]
    scene.pen.polyline(points, colour, size)
    bumps = Path()
    for x, y in points[1:-1]:
        r = size * rng.uniform(0.6, 1.0)
        bumps.ellipse(x + size * rng.uniform(-0.3, 0.3), y + size * 0.35, r, r)
    scene.pen.fill(bumps, colour)


def draw_fields(scene: Scene, ridge: Ridge, tones: tuple[str, str], furrow: str) -> None:
    """Cut the hill under ``ridge`` into patches, some tinted, some ploughed."""
    pen, rng = scene.pen, scene.rng
    pen.save()
    pen.clip(ridge.area(scene.box.y))
    cuts = sorted(rng.uniform(0.1, 0.9) for _ in range(rng.randint(2, 3)))
    edges = [scene.x(-0.3), *(scene.x(c) for c in cuts), scene.x(1.3)]
    for i in range(len(edges) - 1):
        patch = _patch(scene, edges[i], edges[i + 1])
        style = rng.choice(("plain", "tinted", "furrows", "rows"))
        if style != "plain":
            pen.polygon(patch, tones[i % 2])
        if style in ("furrows", "rows"):
            pen.save()
            pen.clip(Path().polygon(patch))
            _plough(scene, ridge, patch, furrow, style)
            pen.restore()
    pen.restore()


def _patch(scene: Scene, left: float, right: float) -> list[Point]:
    """A field between two edges that fan out towards the viewer."""
    centre, box = scene.x(0.5), scene.box
    spread = 0.6
    return [
        (left, box.top),
        (right, box.top),
        (right + (right - centre) * spread, box.y),
        (left + (left - centre) * spread, box.y),
    ]


def _plough(scene: Scene, ridge: Ridge, patch: list[Point], colour: str, style: str) -> None:
    unit, path = scene.unit, Path()
    if style == "furrows":
        gap = unit * 0.022
        width, drop = gap * 0.4, gap * 2
        while drop < unit * 0.6:
            ridge.trace(path, drop)
            gap *= 1.18  # furrows widen as they come nearer
            drop += gap
    else:
        width = unit * 0.012
        (tl, top), (tr, _), (br, bottom), (bl, _) = patch
        for k in range(1, 14):
            t = k / 14
            path.move(tl + (tr - tl) * t, top).line(bl + (br - bl) * t, bottom)
    scene.pen.stroke(path, colour, width)


def draw_river(scene: Scene, ground: Ridge, source: float, mouth: float, colour: str) -> None:
    """A river winding from behind ``ground``'s ridge to the bottom edge, clipped to the ground."""
    pen, box, unit = scene.pen, scene.box, scene.unit
    top = ground.height_at(source) + unit * 0.02
    bottom = box.y - unit * 0.02
    narrow, wide = unit * 0.015, unit * scene.rng.uniform(0.16, 0.24)
    swing = (mouth - source) * 0.9 + unit * scene.rng.choice((-0.35, 0.35))
    fall = top - bottom
    upper, lower = top - fall * 0.35, bottom + fall * 0.45
    path = Path().move(source - narrow, top)
    path.curve(
        source - narrow + swing, upper, mouth - wide - swing * 0.4, lower, mouth - wide, bottom
    )
    path.line(mouth + wide, bottom)
    path.curve(
        mouth + wide - swing * 0.4, lower, source + narrow + swing, upper, source + narrow, top
    )
    pen.save()
    pen.clip(ground.area(box.y))
    pen.fill(path.close(), colour)
    pen.restore()
