"""Paths kept as numbers and written straight as PDF operators, boxes, and the smooth ridge
lines of hills.

reportlab's path objects format every coordinate through a general routine that costs
microseconds a number; an illustration has thousands of them, so paths are written here as
text and handed to the canvas whole.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass

Point = tuple[float, float]
KAPPA = 0.5523  # control-point distance of a quarter circle drawn as one Bézier curve


BBox = tuple[float, float, float, float]  # x0, y0, x1, y1
FORMATS = {
    "m": "%.2f %.2f m",
    "l": "%.2f %.2f l",
    "c": "%.2f %.2f %.2f %.2f %.2f %.2f c",
    "re": "%.2f %.2f %.2f %.2f re",
}


class Path:
    """A path kept as numbers until it is written, so drafts that are thrown away cost little."""

    __slots__ = ("ops",)

    def __init__(self) -> None:
        self.ops: list[tuple[str, tuple[float, ...]]] = []

    def move(self, x: float, y: float) -> Path:
        self.ops.append(("m", (x, y)))
        return self

    def line(self, x: float, y: float) -> Path:
        self.ops.append(("l", (x, y)))
        return self

    def curve(self, x1: float, y1: float, x2: float, y2: float, x3: float, y3: float) -> Path:
        self.ops.append(("c", (x1, y1, x2, y2, x3, y3)))
        return self

    def close(self) -> Path:
        self.ops.append(("h", ()))
        return self

    def polygon(self, points: list[Point]) -> Path:
        self.move(*points[0])
        for point in points[1:]:
            self.line(*point)
        return self.close()

    def rect(self, x: float, y: float, w: float, h: float) -> Path:
        self.ops.append(("re", (x, y, w, h)))
        return self

    def ellipse(self, x: float, y: float, rx: float, ry: float) -> Path:
        kx, ky = rx * KAPPA, ry * KAPPA
        self.move(x + rx, y)
        self.curve(x + rx, y + ky, x + kx, y + ry, x, y + ry)
        self.curve(x - kx, y + ry, x - rx, y + ky, x - rx, y)
        self.curve(x - rx, y - ky, x - kx, y - ry, x, y - ry)
        self.curve(x + kx, y - ry, x + rx, y - ky, x + rx, y)
        return self.close()

    def round_rect(self, x: float, y: float, w: float, h: float, r: float) -> Path:
        r = min(r, w / 2, h / 2)
        k = r * (1 - KAPPA)
        top, right = y + h, x + w
        self.move(x + r, y).line(right - r, y)
        self.curve(right - k, y, right, y + k, right, y + r).line(right, top - r)
        self.curve(right, top - k, right - k, top, right - r, top).line(x + r, top)
        self.curve(x + k, top, x, top - k, x, top - r).line(x, y + r)
        self.curve(x, y + k, x + k, y, x + r, y)
        return self.close()

    def dome(self, x: float, y: float, rx: float, ry: float) -> Path:
        """The upper half of an ellipse standing on ``y``."""
        kx, ky = rx * KAPPA, ry * KAPPA
        self.move(x - rx, y)
        self.curve(x - rx, y + ky, x - kx, y + ry, x, y + ry)
        self.curve(x + kx, y + ry, x + rx, y + ky, x + rx, y)
        return self.close()

    def extend(self, other: Path) -> Path:
        """Append ``other``'s subpaths, to fill many shapes of one colour at once."""
        self.ops += other.ops
        return self

    def mapped(self, transform: Callable[[Point], Point]) -> Path:
        """A copy with every point moved by ``transform((x, y)) -> (x, y)``: bent, turned."""
        out = Path()
        for op, n in self.ops:
            if op == "re":
                x, y, w, h = n
                out.polygon(
                    [transform(p) for p in ((x, y), (x + w, y), (x + w, y + h), (x, y + h))]
                )
            elif op == "h":
                out.ops.append(("h", ()))
            else:
                points = [transform((n[i], n[i + 1])) for i in range(0, len(n), 2)]
                out.ops.append((op, tuple(v for p in points for v in p)))
        return out

    def bbox(self) -> BBox | None:
        """The box around every point, control points included: it holds the whole path."""
        xs: list[float] = []
        ys: list[float] = []
        for op, n in self.ops:
            if op == "re":
                x, y, w, h = n
                xs += (x, x + w)
                ys += (y, y + h)
            elif n:
                xs += n[::2]
                ys += n[1::2]
        return (min(xs), min(ys), max(xs), max(ys)) if xs else None

    def text(self) -> str:
        return " ".join([FORMATS[op] % n if n else op for op, n in self.ops])


def union(a: BBox | None, b: BBox | None) -> BBox | None:
    if a is None:
        return b
    if b is None:
        return a
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def overlaps(a: BBox, b: BBox, gap: float = 0.0) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def rotated(origin: Point, points: list[Point], degrees: float) -> list[Point]:
    ox, oy = origin
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return [(ox + (x - ox) * c - (y - oy) * s, oy + (x - ox) * s + (y - oy) * c) for x, y in points]


@dataclass(frozen=True)
class Ridge:
    """A smooth hill line through evenly spaced heights (a Catmull-Rom spline)."""

    x0: float
    step: float
    heights: tuple[float, ...]

    @classmethod
    def random(
        cls, rng: random.Random, left: float, right: float, level: float, amplitude: float
    ) -> Ridge:
        count = rng.randint(4, 6)
        step = (right - left) / (count - 1)
        heights = tuple(level + amplitude * rng.uniform(-1, 1) for _ in range(count))
        return cls(left, step, heights)

    @property
    def right(self) -> float:
        return self.x0 + self.step * (len(self.heights) - 1)

    def __post_init__(self) -> None:
        # The heights with a mirrored ghost point past each end. The ghosts keep every
        # tangent's x equal to the step, so x runs linearly along each segment and height_at
        # matches the drawn curve exactly.
        h = self.heights
        object.__setattr__(self, "padded", (2 * h[0] - h[1], *h, 2 * h[-1] - h[-2]))
        object.__setattr__(self, "_last", len(h) - 2)

    def height_at(self, x: float) -> float:
        u = (x - self.x0) / self.step
        index = int(u) if u > 0 else 0
        if index > self._last:
            index = self._last
        t = u - index
        p0, p1, p2, p3 = self.padded[index : index + 4]
        return 0.5 * (
            2 * p1
            + t
            * ((p2 - p0) + t * ((2 * p0 - 5 * p1 + 4 * p2 - p3) + t * (3 * p1 - p0 - 3 * p2 + p3)))
        )

    def trace(self, path: Path, drop: float = 0, start: bool = True) -> Path:
        """Add the ridge line, lowered by ``drop``, left to right, to ``path``."""
        h, step = self.padded, self.step
        first = (self.x0, h[1] - drop)
        if start:
            path.move(*first)
        else:
            path.line(*first)
        ops = path.ops
        for i in range(1, len(h) - 2):
            x1 = self.x0 + (i - 1) * step
            cy1 = h[i] + (h[i + 1] - h[i - 1]) / 6
            cy2 = h[i + 1] - (h[i + 2] - h[i]) / 6
            ops.append(
                (
                    "c",
                    (
                        x1 + step / 3,
                        cy1 - drop,
                        x1 + 2 * step / 3,
                        cy2 - drop,
                        x1 + step,
                        h[i + 1] - drop,
                    ),
                )
            )
        return path

    def area(self, bottom: float) -> Path:
        """The closed region under the ridge, down to ``bottom``."""
        path = Path().move(self.x0, bottom)
        self.trace(path, start=False)
        return path.line(self.right, bottom).close()
