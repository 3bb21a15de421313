"""What every drawing function shares: the pen, the box, the palette and the seeded dice."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ..layout.geometry import Box
from .palette import Palette
from .shapes import Pen


@dataclass
class Scene:
    pen: Pen
    box: Box
    palette: Palette
    rng: random.Random
    taken: list[tuple[float, float]] = field(default_factory=list)

    @property
    def unit(self) -> float:
        """The size every element scales with: the box's height."""
        return self.box.h

    def x(self, u: float) -> float:
        return self.box.x + u * self.box.w

    def y(self, v: float) -> float:
        return self.box.y + v * self.box.h

    def reserve(
        self, width: float, low: float = 0.06, high: float = 0.94, keep: bool = True
    ) -> float | None:
        """A free horizontal place (its centre, in points) for something ``width`` points wide.

        Keeps the big elements (village, people, forest, energy sites) from piling up on one
        another; small decorations are placed without asking. With ``keep`` false the place
        is found but stays free for others.
        """
        half = width / 2 / self.box.w
        if low + half >= high - half:
            return None
        for _ in range(12):
            centre = self.x(self.rng.uniform(low + half, high - half))
            span = (centre - width / 2, centre + width / 2)
            if all(span[1] < a or span[0] > b for a, b in self.taken):
                if keep:
                    self.taken.append(span)
                return centre
        return None
