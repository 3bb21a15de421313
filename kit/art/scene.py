"""What every drawing function shares: the pen, the box, the palette, the seeded dice, and the
room already taken by the elements placed so far."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from ..layout.geometry import Box
from ..units import mm
from .palette import Palette
from .pen import Pen, ops_bbox
from .shapes import BBox, overlaps

if TYPE_CHECKING:
    from .layers import Layer
    from .river import River

TOP_MARGIN = mm(2)  # nothing rises closer than this to the band's top edge (the header hides it)
CLEAR_MARGIN = mm(1)  # between a feature and a keep-clear box
GAP = mm(1.0)  # between two features

T = TypeVar("T")


@dataclass(frozen=True)
class Item:
    """A placed feature: what it is, the room it takes, how near it stands.

    ``lenient`` is the share of its height, from the bottom, that nearer features may hide
    (a turbine's mast behind a roof, never its rotor).
    """

    kind: str
    bbox: BBox
    depth: float
    lenient: float = 0.0


@dataclass
class Scene:
    pen: Pen
    box: Box
    palette: Palette
    rng: random.Random
    keep_clear: tuple[BBox, ...] = ()
    items: list[Item] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    river: River | None = None  # the river across the foreground, if any: no one stands in it
    layers: list[Layer] = field(default_factory=list)  # the hills, farthest first, then the ground
    skylines: dict[int, list[float | None]] = field(default_factory=dict)  # see hidden_line
    sky: str = ""  # the sky's tone

    def dry(self, x: float, feet: float) -> float:
        """``feet`` lowered, if need be, to stand on the near bank of the river."""
        if self.river is None:
            return feet
        return min(feet, self.river.near_bank(x) - self.unit * 0.015)

    @property
    def unit(self) -> float:
        """The size every element scales with: the box's height."""
        return self.box.h

    @property
    def top_limit(self) -> float:
        return self.box.top - min(TOP_MARGIN, self.box.h * 0.1)

    @property
    def side(self) -> float:
        """How far features keep from the left and right edges (they run into the bleed)."""
        return self.box.w * 0.05

    def x(self, u: float) -> float:
        return self.box.x + u * self.box.w

    def y(self, v: float) -> float:
        return self.box.y + v * self.box.h

    def xs(self, low: float, high: float, count: int = 16) -> list[float]:
        """``count`` evenly spread places between two shares of the width, in a seeded order
        (a seeded start and stride through them: two throws of the dice, not a shuffle)."""
        rng, box = self.rng, self.box
        phase = rng.random()
        step = (high - low) / count
        stride = rng.choice([s for s in (1, 3, 5, 7, 11) if count % s])
        start = rng.randrange(count)
        return [
            box.x + box.w * (low + step * (((start + i * stride) % count) + phase))
            for i in range(count)
        ]

    def clear(self, bbox: BBox) -> bool:
        """Out of every keep-clear box."""
        return not any(overlaps(bbox, k, CLEAR_MARGIN) for k in self.keep_clear)

    def fits(self, bbox: BBox, depth: float, lenient: float = 0.0) -> bool:
        """Room for a feature: inside the band, out of the keep-clear boxes, off the others."""
        x0, y0, x1, y1 = bbox
        box = self.box
        if x0 < box.x + self.side or x1 > box.right - self.side:
            return False
        if y1 > self.top_limit or y0 < box.y - 0.5:
            return False
        return self.clear(bbox) and self.free(bbox, depth, lenient)

    def free(self, bbox: BBox, depth: float, lenient: float = 0.0) -> bool:
        """Off every placed feature, but for the lower part of a far one a nearer one may hide."""
        height = bbox[3] - bbox[1]
        for item in self.items:
            if not overlaps(bbox, item.bbox, GAP):
                continue
            other = item.bbox
            if item.depth < depth and bbox[3] <= other[1] + item.lenient * (other[3] - other[1]):
                continue  # in front of the foot of a far one
            if depth < item.depth and other[3] <= bbox[1] + lenient * height:
                continue  # behind it, the hidden part being our foot
            return False
        return True

    def place(
        self, kind: str, depth: float, draw: Callable[[], object], lenient: float = 0.0
    ) -> BBox | None:
        """Draft a feature; keep it (and return its box) only if it has room."""
        with self.pen.draft() as ops:
            draw()
        bbox = ops_bbox(ops)
        if bbox is None or not self.fits(bbox, depth, lenient):
            return None
        self.pen.commit(ops, depth, feature=True)
        self.items.append(Item(kind, bbox, depth, lenient))
        self.kinds.append(kind)
        return bbox

    def terrain(self, kind: str | None, depth: float, draw: Callable[[], T]) -> T:
        """Draw part of the landscape: it may pass under keep-clear boxes and features.
        Returns what ``draw`` returns."""
        with self.pen.draft() as ops:
            drawn = draw()
        self.pen.commit(ops, depth, feature=False)
        if kind is not None and ops:
            self.kinds.append(kind)
        return drawn
