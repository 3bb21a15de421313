"""Trees: standing, leaning in the wind, blown down, or in woods along a hill's line."""

from __future__ import annotations

import math
from collections.abc import Callable

from .scene import Scene
from .shapes import BBox, Path, Point, Ridge

TREE_KINDS = ("round", "conifer", "poplar", "round")

CROWN_WIDTH = {"conifer": 0.24, "poplar": 0.17, "round": 0.33}  # half, in sizes
CROWN_BASE = {"conifer": 0.14, "poplar": 0.16, "round": 0.31}  # above the ground


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
    if kind == "conifer":
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
    allowed: Callable[[BBox, BBox], bool] | None = None,
) -> int:
    """Trees of mixed kinds along ``ridge``, in two tones so neighbours stand apart.

    Each tone's crowns are filled as one path. A tree whose crown would touch another crown of
    its tone moves on; ``allowed(trunk, crown)`` may refuse a tree (one that would hide a
    house). Returns how many trees stand.
    """
    rng = scene.rng
    kinds = tuple(rng.sample(TREE_KINDS, 3))
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
