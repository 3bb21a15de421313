"""The pen: fills and strokes recorded in depth layers, drafted, kept or dropped, then written.

Colours go through ``setFillColor`` and ``setStrokeColor`` with "#RRGGBB" strings, where the
print stage converts them.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from .shapes import BBox, Path, Point, union

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

    def flush(self, canvas: Canvas, terrain_only: bool = False) -> None:
        """Write the recorded layers, farthest first (with ``terrain_only``, no feature)."""
        writer = Writer(canvas)
        for layer in sorted(self.layers):
            for op, feature in self.layers[layer]:
                if not (terrain_only and feature):
                    writer.write(op)
        writer.flush()


class Writer:
    """Writes operations to a canvas as literal text, setting each colour only when it changes
    (a colour change must go through the canvas, which ends the pending text)."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.fill: str | None = None
        self.stroke: str | None = None
        self.width: float | None = None
        self.saved: list[tuple[str | None, str | None, float | None]] = []
        self.text: list[str] = []

    def write(self, op: Op) -> None:
        kind, colour, width, path, dash = op
        if kind == "f":
            self._fill(colour, path)
        elif kind == "S":
            self._stroke(colour, width, path, dash)
        elif kind == "q":
            self.saved.append((self.fill, self.stroke, self.width))
            self.text.append("q")
        elif kind == "Q":
            self.fill, self.stroke, self.width = self.saved.pop()
            self.text.append("Q")
        else:
            self.text.append(path.text() + " W n")

    def flush(self) -> None:
        if self.text:
            self.canvas.addLiteral(" ".join(self.text))
            self.text.clear()

    def _fill(self, colour: str, path: Path) -> None:
        if colour != self.fill:
            self.flush()
            self.canvas.setFillColor(colour)
            self.fill = colour
        self.text.append(path.text() + " f")

    def _stroke(self, colour: str, width: float, path: Path, dash: str | None) -> None:
        if colour != self.stroke:
            self.flush()
            self.canvas.setStrokeColor(colour)
            self.stroke = colour
        if width != self.width:
            self.text.append(f"{width:.2f} w")
            self.width = width
        if dash:
            self.text.append(f"{dash} {path.text()} S [] 0 d")
        else:
            self.text.append(path.text() + " S")


class Draft:
    """``with pen.draft() as ops:`` gathers what is drawn inside into ``ops``."""

    def __init__(self, pen: Pen) -> None:
        self.pen = pen
        self.ops: list[Op] = []

    def __enter__(self) -> list[Op]:
        self.saved = self.pen._draft
        self.pen._draft = self.ops
        return self.ops

    def __exit__(self, *exc: object) -> None:
        self.pen._draft = self.saved
