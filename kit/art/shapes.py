"""Paths written straight as PDF operators, and the smooth ridge lines of hills.

reportlab's path objects format every coordinate through a general routine that costs
microseconds a number; an illustration has thousands of them, so paths are written here as
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

    def mapped(self, transform) -> Path:
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


# One drawing operation: (operator, colour, line width, path, dash). Operators: "f" fill,
# "S" stroke, "W" clip, "q" save, "Q" restore.
Op = tuple[str, "str | None", "float | None", "Path | None", "str | None"]


def ops_bbox(ops: list[Op]) -> BBox | None:
    """What a list of operations covers (strokes with their width); clips are ignored."""
    box = None
    for op, _, width, path, _ in ops:
        if op == "f":
            box = union(box, path.bbox())
        elif op == "S":
            b = path.bbox()
            if b is not None:
                w = width / 2
                box = union(box, (b[0] - w, b[1] - w, b[2] + w, b[3] + w))
    return box


class Pen:
    """Records fills and strokes in depth layers; ``flush`` writes them, farthest layer first.

    Recording first lets a composition draft an element, look at the room it really takes,
    and keep or drop it, and lets elements be planned in one order and painted in another.
    Each kept operation says whether it belongs to the terrain (sky, hills, fields, trees,
    water) or to a feature (people, buildings, energy sites, sun, clouds): ``flush`` can
    write the terrain alone, which is how the tests check what stays clear of a box.
    """

    def __init__(self) -> None:
        self.layers: dict[float, list[tuple[Op, bool]]] = {}
        self.layer = 0.0
        self._draft: list[Op] | None = None

    def _emit(self, op: Op) -> None:
        if self._draft is not None:
            self._draft.append(op)
        else:
            self.layers.setdefault(self.layer, []).append((op, False))

    def draft(self) -> Draft:
        """Record the next operations aside, to be committed or dropped."""
        return Draft(self)

    def commit(self, ops: list[Op], layer: float, feature: bool) -> None:
        self.layers.setdefault(layer, []).extend((op, feature) for op in ops)

    def fill(self, path: Path, colour: str) -> None:
        if path.ops:
            self._emit(("f", colour, None, path, None))

    def stroke(
        self, path: Path, colour: str, width: float, dash: tuple[float, float] | None = None
    ) -> None:
        if path.ops:
            pattern = None if dash is None else f"[{dash[0]:.2f} {dash[1]:.2f}] 0 d"
            self._emit(("S", colour, width, path, pattern))

    def save(self) -> None:
        self._emit(("q", None, None, None, None))

    def restore(self) -> None:
        self._emit(("Q", None, None, None, None))

    def clip(self, path: Path) -> None:
        """Clip to ``path`` until the next ``restore``."""
        self._emit(("W", None, None, path, None))

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

    def flush(self, canvas: Canvas, terrain_only: bool = False) -> None:
        """Write the recorded layers, farthest first, setting each colour only when it changes.

        Colours go through ``setFillColor`` / ``setStrokeColor`` as "#RRGGBB" strings.
        """
        fill = stroke = width = None
        stack: list[tuple] = []
        text: list[str] = []

        def write() -> None:
            if text:
                canvas.addLiteral(" ".join(text))
                text.clear()

        for layer in sorted(self.layers):
            for (op, colour, line, path, dash), feature in self.layers[layer]:
                if terrain_only and feature:
                    continue
                if op == "f":
                    if colour != fill:
                        write()
                        canvas.setFillColor(colour)
                        fill = colour
                    text.append(path.text() + " f")
                elif op == "S":
                    if colour != stroke:
                        write()
                        canvas.setStrokeColor(colour)
                        stroke = colour
                    if line != width:
                        text.append(f"{line:.2f} w")
                        width = line
                    if dash:
                        text.append(f"{dash} {path.text()} S [] 0 d")
                    else:
                        text.append(path.text() + " S")
                elif op == "q":
                    stack.append((fill, stroke, width))
                    text.append("q")
                elif op == "Q":
                    fill, stroke, width = stack.pop()
                    text.append("Q")
                else:
                    text.append(path.text() + " W n")
        write()


class Draft:
    """``with pen.draft() as ops:`` gathers what is drawn inside into ``ops``."""

    def __init__(self, pen: Pen) -> None:
        self.pen = pen
        self.ops: list[Op] = []

    def __enter__(self) -> list[Op]:
        self.saved = self.pen._draft
        self.pen._draft = self.ops
        return self.ops

    def __exit__(self, *exc) -> None:
        self.pen._draft = self.saved


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
