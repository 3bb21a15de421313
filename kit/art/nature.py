"""Sky, sun, clouds, birds, trees, hedgerows, ploughed fields and rivers."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .palette import WHITE
from .scene import Scene
from .shapes import BBox, Path, Point, Ridge

TREE_KINDS = ("round", "conifer", "poplar", "round")  # a lone bush reads as a blob
SKIES = ("day", "day", "morning", "dusk")
SUN_RING = 1.55  # the ring of light's radius, in sun radii


@dataclass(frozen=True)
class Sky:
    time: str  # day, morning, dusk or storm
    tone: str  # the sky's own tone
    cloud: str


def draw_sky(scene: Scene, horizon: float, storm: bool = False, pale: bool = True) -> Sky:
    """A clear day, a pale morning, a dusk lit near the horizon, or a dark stormy sky.

    Without ``pale``, no morning: its sky is too pale for white turbines.
    """
    pen, rng, palette, box = scene.pen, scene.rng, scene.palette, scene.box
    time = "storm" if storm else rng.choice(SKIES if pale else ("day", "day", "dusk"))
    tone, cloud = {
        "day": (palette.sky, WHITE),
        "morning": (palette.paper, palette.sky),
        "dusk": (palette.haze, palette.paper),
        "storm": (palette.mid, palette.base),
    }[time]
    pen.rect(box.x, box.y, box.w, box.h, tone)
    if time == "dusk":
        pen.rect(box.x, box.y, box.w, scene.unit * (horizon + 0.14), palette.sky)
    elif time == "storm":  # a paler break above the horizon, under the dark clouds
        pen.rect(box.x, box.y, box.w, scene.unit * (horizon + 0.05), palette.far)
    return Sky(time, tone, cloud)


def draw_sun(scene: Scene, x: float, y: float, r: float) -> None:
    """A warm disc inside a flat ring of light."""
    scene.pen.circle(x, y, r * SUN_RING, scene.palette.glow)
    scene.pen.circle(x, y, r, scene.palette.sun)


def draw_cloud(scene: Scene, x: float, y: float, size: float, colour: str) -> None:
    """A flat-bottomed cloud of two or three puffs, ``y`` being its base."""
    pen, rng = scene.pen, scene.rng
    width = size * rng.uniform(2.0, 2.8)
    path = Path().round_rect(x - width / 2, y, width, size * 0.5, size * 0.25)
    puffs = rng.choice(((-0.22, 0.2), (-0.28, 0.05, 0.28)))
    for i, offset in enumerate(puffs):
        r = size * (0.55 if i == 1 else 0.42) * rng.uniform(0.85, 1.1)
        path.ellipse(x + offset * width, y + size * 0.45, r, r)
    pen.fill(path, colour)


def draw_storm_cloud(scene: Scene, x: float, y: float, width: float, colour: str) -> None:
    """A long, low, flat-bottomed cloud, ``y`` being its base."""
    rng = scene.rng
    h = width * 0.14
    path = Path().round_rect(x - width / 2, y, width, h, h * 0.5)
    puffs = rng.choice(((0.2, 0.45, 0.75), (0.15, 0.38, 0.62, 0.85), (0.25, 0.6, 0.82)))
    for i, at in enumerate(puffs):
        r = h * rng.uniform(0.55, 0.8) * (1.25 if i == 1 else 1.0)
        path.ellipse(x - width / 2 + width * at, y + h * 0.75, r * 2.0, r)
    scene.pen.fill(path, colour)


def draw_rain(scene: Scene, x: float, y: float, width: float, colour: str, wind: float) -> None:
    """Rain slanting in the wind under a cloud whose base is ``y``."""
    streaks = Path()
    fall = scene.unit * 0.16
    for k in range(7):
        sx = x - width * 0.38 + width * 0.76 * k / 6
        top = y - scene.unit * 0.015
        streaks.move(sx, top).line(sx + wind * fall, top - fall * scene.rng.uniform(0.5, 1.0))
    scene.pen.stroke(streaks, colour, scene.unit * 0.008)


def draw_birds(scene: Scene, x: float, y: float, size: float, colour: str) -> None:
    rng, path = scene.rng, Path()
    for _ in range(rng.randint(2, 4)):
        bx, by = x + rng.uniform(-3, 3) * size, y + rng.uniform(-1.2, 1.2) * size
        s = size * rng.uniform(0.7, 1.1)
        path.move(bx - s, by + s * 0.35)
        path.curve(bx - s * 0.6, by + s * 0.5, bx - s * 0.2, by + s * 0.3, bx, by)
        path.curve(bx + s * 0.2, by + s * 0.3, bx + s * 0.6, by + s * 0.5, bx + s, by + s * 0.35)
    scene.pen.stroke(path, colour, size * 0.16)


CROWN_WIDTH = {"bush": 0.32, "conifer": 0.24, "poplar": 0.17, "round": 0.33}  # half, in sizes
CROWN_BASE = {"bush": 0.0, "conifer": 0.14, "poplar": 0.16, "round": 0.31}  # above the ground


def tree_boxes(
    kind: str, x: float, ground: float, size: float, bend: float = 0.0
) -> tuple[BBox, BBox]:
    """The room a tree's trunk and crown take (a little generous), without drawing them."""
    half, lean = size * CROWN_WIDTH[kind], bend * size
    crown = (
        x - half + min(lean, 0.0),
        ground + size * CROWN_BASE[kind],
        x + half + max(lean, 0.0),
        ground + size,
    )
    trunk = (
        x - size * 0.05 + min(lean * 0.4, 0.0),
        ground,
        x + size * 0.05 + max(lean * 0.4, 0.0),
        ground + size * 0.45,
    )
    return trunk, crown


def tree_shapes(
    kind: str, x: float, ground: float, size: float, bend: float = 0.0
) -> tuple[Path, Path]:
    """The trunk and the crown of a tree ``size`` points tall standing on ``ground``.

    ``bend`` leans it with the wind: the top moves ``bend`` × ``size`` sideways, the foot stays.
    """
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
    if bend:

        def lean(p: Point) -> Point:
            t = max(0.0, (p[1] - ground) / size)
            return (p[0] + bend * size * t * t, p[1] - abs(bend) * size * 0.12 * t * t)

        trunk, crown = trunk.mapped(lean), crown.mapped(lean)
    return trunk, crown


def draw_tree(
    scene: Scene,
    kind: str,
    x: float,
    ground: float,
    size: float,
    crown: str,
    trunk: str,
    bend: float = 0.0,
) -> None:
    trunk_path, crown_path = tree_shapes(kind, x, ground, size, bend)
    scene.pen.fill(trunk_path, trunk)
    scene.pen.fill(crown_path, crown)


def draw_fallen_tree(
    scene: Scene, x: float, ground: float, size: float, side: int, crown: str, wood: str
) -> None:
    """A tree blown down: its trunk lying towards ``side``, the crown crushed at its end, the
    root plate torn up at its foot, with a few roots sticking out."""
    pen, rng = scene.pen, scene.rng
    thick, length = size * 0.085, size * 0.5
    tip = x + side * length
    leaves = Path()
    for dx, dy, rx, ry in (
        (0.04, 0.1, 0.17, 0.1),
        (0.2, 0.09, 0.14, 0.09),
        (0.1, 0.2, 0.15, 0.1),
        (0.26, 0.17, 0.1, 0.08),
    ):
        leaves.ellipse(tip + side * size * dx, ground + size * dy, size * rx, size * ry)
    pen.fill(leaves, crown)
    trunk = [
        (x, ground),
        (tip, ground + thick * 0.3),
        (tip, ground + thick * 0.95),
        (x, ground + thick * 1.15),
    ]
    pen.polygon(trunk, wood)
    rx, ry = x - side * thick * 0.1, ground + size * 0.09
    roots = Path()
    for k in range(5):
        angle = (k - 2) * 0.55 + rng.uniform(-0.12, 0.12)
        roots.move(rx, ry).line(
            rx - side * size * 0.09 * math.cos(angle), ry + size * 0.15 * math.sin(angle)
        )
    pen.stroke(roots, wood, size * 0.016)
    pen.ellipse(rx, ry, size * 0.04, size * 0.1, wood)


class Trees:
    """Every crown drawn so far, with its tone: two crowns of one tone must never touch, or
    they merge into one odd shape (a round crown on a fir reads as a keyhole)."""

    def __init__(self) -> None:
        self.crowns: dict[str, list[BBox]] = {}

    def room(self, crown: BBox, tone: str, gap: float) -> bool:
        x0, y0, x1, y1 = crown
        for b in self.crowns.get(tone, ()):
            if x0 < b[2] + gap and b[0] < x1 + gap and y0 < b[3] + gap and b[1] < y1 + gap:
                return False
        return True

    def add(self, crown: BBox, tone: str) -> None:
        self.crowns.setdefault(tone, []).append(crown)


def draw_forest(
    scene: Scene,
    trees: Trees,
    ridge: Ridge,
    left: float,
    right: float,
    size: float,
    tones: tuple[str, str],
    bend: float = 0.0,
    allowed=None,
    kinds: tuple[str, ...] | None = None,
) -> int:
    """Trees of mixed kinds along ``ridge``, in two tones so neighbours stand apart.

    Each tone's crowns are filled as one path. A tree whose crown would touch another crown of
    its tone moves on; ``allowed(bbox)`` may refuse a tree (one that would hide a house).
    Returns how many trees stand.
    """
    rng = scene.rng
    kinds = kinds or tuple(rng.sample(TREE_KINDS, 3))
    trunks, crowns = Path(), (Path(), Path())
    x, index, count = left, rng.randrange(2), 0
    gap = size * 0.06
    while x < right:
        kind = kinds[rng.randrange(len(kinds))]
        tree_size = size * rng.uniform(0.7, 1.15)
        ground = ridge.height_at(x) - size * rng.uniform(0.05, 0.3)
        lean = bend * rng.uniform(0.7, 1.1)
        tone = tones[index % 2]
        trunk_box, bbox = tree_boxes(kind, x, ground, tree_size, lean)
        if trees.room(bbox, tone, gap) and (allowed is None or allowed(trunk_box, bbox)):
            trunk, crown = tree_shapes(kind, x, ground, tree_size, lean)
            trunks.extend(trunk)
            crowns[index % 2].extend(crown)
            trees.add(bbox, tone)
            count += 1
            index += 1
            x += size * rng.uniform(0.35, 0.6)
        else:
            x += size * 0.15
    for path, tone in ((trunks, scene.palette.deep), (crowns[0], tones[0]), (crowns[1], tones[1])):
        scene.pen.fill(path, tone)
    return count


def draw_hedgerow(
    scene: Scene, ridge: Ridge, left: float, right: float, size: float, colour: str
) -> None:
    """A hedge standing on the crest of ``ridge``: a band along the ground with a bumpy top,
    one shape."""
    rng = scene.rng
    steps = max(2, int((right - left) / (size * 2.2)))
    xs = [left + (right - left) * k / steps for k in range(steps + 1)]
    foot = [(x, ridge.height_at(x) - size * 0.7) for x in xs]
    path = Path().move(*foot[0])
    for (x0, y0), (x1, y1) in zip(foot, foot[1:], strict=False):
        rise = size * rng.uniform(1.4, 2.0)
        path.curve(x0, y0 + rise, x1, y1 + rise, x1, y1 + size * 0.5)
    for x, y in foot[::-1]:
        path.line(x, y)
    scene.pen.fill(path.close(), colour)


def draw_fields(
    scene: Scene,
    ridge: Ridge,
    tones: tuple[str, str],
    furrow: str,
    full: bool = False,
    depth: float | None = None,
) -> None:
    """Cut the face of the hill under ``ridge`` into a patchwork of fields lying on it.

    Rows of fields run along the hill, each row deeper than the one behind (nearer, so
    taller); the edges between fields fan out from a point just above the crest, as lines on
    the ground do in perspective. Some fields are tinted, some ploughed or sown: furrows and
    crop rows follow the hill's line, never run up it (they would stand up like a fence).
    ``full`` works every field (a farming landscape). ``depth``: how far down the hill
    shows (below, the next hill hides it).
    """
    pen, rng, unit = scene.pen, scene.rng, scene.unit
    depth = min(depth if depth is not None else unit * 0.5, unit * 0.5)
    styles = (
        ("tinted", "furrows", "rows", "tinted") if full else ("plain", "tinted", "furrows", "rows")
    )
    centre = scene.x(rng.uniform(0.3, 0.7))
    vanish = unit * 0.12  # how far above the crest the field edges would meet

    def fan(x: float, drop: float) -> float:
        return centre + (x - centre) * (drop + vanish) / vanish

    def edge(x0: float, x1: float, drop: float) -> list[Point]:
        """The line of the hill, lowered by ``drop``, between two crest positions."""
        a, b = fan(x0, drop), fan(x1, drop)
        return [
            (a + (b - a) * k / 2, ridge.height_at(a + (b - a) * k / 2) - drop) for k in range(3)
        ]

    tinted = (Path(), Path())
    worked = {"furrows": Path(), "rows": Path()}
    top, height, row = 0.0, unit * rng.uniform(0.05, 0.075), 0
    while top < depth:
        bottom = top + height
        # Where the fields of this row meet, given at the crest (the fan moves them out).
        cuts = sorted(rng.uniform(-0.05, 1.05) for _ in range(rng.randint(2, 3)))
        stops = [scene.x(-0.6), *(scene.x(c) for c in cuts), scene.x(1.6)]
        for i, (x0, x1) in enumerate(zip(stops, stops[1:], strict=False)):
            style = rng.choice(styles)
            if style == "plain":
                continue
            outline = edge(x0, x1, top) + edge(x0, x1, bottom)[::-1]
            tinted[(i + row) % 2].polygon(outline)
            if style in worked:
                worked[style].polygon(outline)
        top, height, row = bottom, height * 1.55, row + 1
    pen.save()
    pen.clip(ridge.area(scene.box.y))
    for path, tone in zip(tinted, tones, strict=True):
        pen.fill(path, tone)
    for style, outline in worked.items():
        if outline.ops:
            pen.save()
            pen.clip(outline)
            _plough(scene, ridge, furrow, style, depth)
            pen.restore()
    pen.restore()


def _plough(scene: Scene, ridge: Ridge, colour: str, style: str, depth: float) -> None:
    unit, path = scene.unit, Path()
    gap = unit * (0.02 if style == "furrows" else 0.028)
    drop = gap * 0.8
    while drop < depth:
        ridge.trace(path, drop)
        gap *= 1.15  # rows widen as they come nearer
        drop += gap
    if style == "furrows":
        scene.pen.stroke(path, colour, unit * 0.009)
    else:  # crop rows: dotted lines of plants
        scene.pen.stroke(path, colour, unit * 0.014, dash=(unit * 0.012, unit * 0.02))


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
