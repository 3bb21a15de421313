"""Paths written straight as PDF operators, and the smooth ridge lines of hills.

reportlab's path objects format every coordinate through a general routine that costs
microseconds a number; an illustration has thousands of them, so paths are built here as
text and handed to the canvas whole. Colours still go through ``setFillColor`` and
``setStrokeColor`` with "#RRGGBB" strings, where the print stage converts them.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

Point = tuple[float, float]
KAPPA = 0.5523  # control-point distance of a quarter circle drawn as one Bézier curve


class Path:
    def __init__(self) -> None:
        self.ops: list[str] = []

    def move(self, x: float, y: float) -> Path:
        self.ops.append(f"{x:.2f} {y:.2f} m")
        return self

    def line(self, x: float, y: float) -> Path:
        self.ops.append(f"{x:.2f} {y:.2f} l")
        return self

    def curve(self, x1: float, y1: float, x2: float, y2: float, x3: float, y3: float) -> Path:
        self.ops.append(f"{x1:.2f} {y1:.2f} {x2:.2f} {y2:.2f} {x3:.2f} {y3:.2f} c")
        return self

    def close(self) -> Path:
        self.ops.append("h")
        return self

    def polygon(self, points: list[Point]) -> Path:
        self.move(*points[0])
        for point in points[1:]:
            self.line(*point)
        return self.close()

    def rect(self, x: float, y: float, w: float, h: float) -> Path:
        self.ops.append(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re")
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

    def text(self) -> str:
        return " ".join(self.ops)


class Pen:
    """Fills and strokes paths on a canvas, setting each colour only when it changes."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self._state: list[tuple[str | None, str | None, float | None]] = []
        self._fill: str | None = None
        self._stroke: str | None = None
        self._width: float | None = None

    def save(self) -> None:
        self.canvas.saveState()
        self._state.append((self._fill, self._stroke, self._width))

    def restore(self) -> None:
        self.canvas.restoreState()
        self._fill, self._stroke, self._width = self._state.pop()

    def fill(self, path: Path, colour: str) -> None:
        if not path.ops:
            return
        if colour != self._fill:
            self.canvas.setFillColor(colour)
            self._fill = colour
        self.canvas.addLiteral(path.text() + " f")

    def stroke(self, path: Path, colour: str, width: float) -> None:
        if colour != self._stroke:
            self.canvas.setStrokeColor(colour)
            self._stroke = colour
        if width != self._width:
            self.canvas.setLineWidth(width)
            self._width = width
        self.canvas.addLiteral(path.text() + " S")

    def clip(self, path: Path) -> None:
        """Clip to ``path`` until the next ``restore``."""
        self.canvas.addLiteral(path.text() + " W n")

    def polygon(self, points: list[Point], colour: str) -> None:
        self.fill(Path().polygon(points), colour)

    def circle(self, x: float, y: float, r: float, colour: str) -> None:
        self.fill(Path().ellipse(x, y, r, r), colour)

    def ellipse(self, x: float, y: float, rx: float, ry: float, colour: str) -> None:
        self.fill(Path().ellipse(x, y, rx, ry), colour)

    def rect(self, x: float, y: float, w: float, h: float, colour: str, radius: float = 0) -> None:
        path = Path().round_rect(x, y, w, h, radius) if radius else Path().rect(x, y, w, h)
        self.fill(path, colour)

    def dome(self, x: float, y: float, rx: float, ry: float, colour: str) -> None:
        self.fill(Path().dome(x, y, rx, ry), colour)

    def polyline(self, points: list[Point], colour: str, width: float) -> None:
        path = Path().move(*points[0])
        for point in points[1:]:
            path.line(*point)
        self.stroke(path, colour, width)


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

    def _height(self, index: int) -> float:
        # Mirrored ghost points past both ends keep every tangent's x equal to the step, so
        # x runs linearly along each segment and height_at matches the drawn curve exactly.
        last = len(self.heights) - 1
        if index < 0:
            return 2 * self.heights[0] - self.heights[1]
        if index > last:
            return 2 * self.heights[last] - self.heights[last - 1]
        return self.heights[index]

    def height_at(self, x: float) -> float:
        index = min(max(int((x - self.x0) // self.step), 0), len(self.heights) - 2)
        t = (x - self.x0) / self.step - index
        p0, p1, p2, p3 = (self._height(index + k) for k in (-1, 0, 1, 2))
        return 0.5 * (
            2 * p1
            + (p2 - p0) * t
            + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t
            + (3 * p1 - p0 - 3 * p2 + p3) * t * t * t
        )

    def trace(self, path: Path, drop: float = 0, start: bool = True) -> Path:
        """Add the ridge line, lowered by ``drop``, left to right, to ``path``."""
        first = (self.x0, self.heights[0] - drop)
        if start:
            path.move(*first)
        else:
            path.line(*first)
        for i in range(len(self.heights) - 1):
            x1 = self.x0 + i * self.step
            cy1 = self.heights[i] + (self._height(i + 1) - self._height(i - 1)) / 6
            cy2 = self._height(i + 1) - (self._height(i + 2) - self.heights[i]) / 6
            path.curve(
                x1 + self.step / 3,
                cy1 - drop,
                x1 + 2 * self.step / 3,
                cy2 - drop,
                x1 + self.step,
                self._height(i + 1) - drop,
            )
        return path

    def area(self, bottom: float) -> Path:
        """The closed region under the ridge, down to ``bottom``."""
        path = Path().move(self.x0, bottom)
        self.trace(path, start=False)
        return path.line(self.right, bottom).close()
