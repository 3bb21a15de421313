"""What farmers make of a hill: hedgerows along its crest, and a patchwork of fields on its
face, some ploughed or sown."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from .scene import Scene
from .shapes import Path, Point, Ridge


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
    for (x0, y0), (x1, y1) in pairwise(foot):
        rise = size * rng.uniform(1.4, 2.0)
        path.curve(x0, y0 + rise, x1, y1 + rise, x1, y1 + size * 0.5)
    for x, y in foot[::-1]:
        path.line(x, y)
    scene.pen.fill(path.close(), colour)


@dataclass(frozen=True)
class Fan:
    """The edges between fields, given at the crest, spreading as they run down the hill: lines
    on the ground meet, in perspective, at a point ``vanish`` above the crest."""

    ridge: Ridge
    centre: float
    vanish: float

    def edge(self, x0: float, x1: float, drop: float) -> list[Point]:
        """The line of the hill, lowered by ``drop``, between two crest positions."""
        a, b = self.spread(x0, drop), self.spread(x1, drop)
        return [
            (a + (b - a) * k / 2, self.ridge.height_at(a + (b - a) * k / 2) - drop)
            for k in range(3)
        ]

    def spread(self, x: float, drop: float) -> float:
        return self.centre + (x - self.centre) * (drop + self.vanish) / self.vanish


def draw_fields(
    scene: Scene, ridge: Ridge, tones: tuple[str, str], furrow: str, full: bool, depth: float
) -> None:
    """Cut the face of the hill under ``ridge`` into a patchwork of fields lying on it.

    Rows of fields run along the hill, each row deeper than the one behind (nearer, so
    taller); the edges between fields fan out from a point just above the crest, as lines on
    the ground do in perspective. Some fields are tinted, some ploughed or sown: furrows and
    crop rows follow the hill's line, never run up it (they would stand up like a fence).
    ``full`` works every field (a farming landscape). ``depth``: how far down the hill
    shows (below, the next hill hides it).
    """
    pen = scene.pen
    depth = min(depth, scene.unit * 0.5)
    tinted, worked = _patchwork(scene, ridge, full, depth)
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


def _patchwork(
    scene: Scene, ridge: Ridge, full: bool, depth: float
) -> tuple[tuple[Path, Path], dict[str, Path]]:
    """The tinted fields, in two alternating tones, and the outlines of the worked ones by
    style ("furrows", "rows")."""
    rng, unit = scene.rng, scene.unit
    styles = (
        ("tinted", "furrows", "rows", "tinted") if full else ("plain", "tinted", "furrows", "rows")
    )
    fan = Fan(ridge, scene.x(rng.uniform(0.3, 0.7)), unit * 0.12)
    tinted = (Path(), Path())
    worked = {"furrows": Path(), "rows": Path()}
    top, height, row = 0.0, unit * rng.uniform(0.05, 0.075), 0
    while top < depth:
        bottom = top + height
        # Where the fields of this row meet, given at the crest (the fan moves them out).
        cuts = sorted(rng.uniform(-0.05, 1.05) for _ in range(rng.randint(2, 3)))
        stops = [scene.x(-0.6), *(scene.x(c) for c in cuts), scene.x(1.6)]
        for i, (x0, x1) in enumerate(pairwise(stops)):
            style = rng.choice(styles)
            if style == "plain":
                continue
            outline = fan.edge(x0, x1, top) + fan.edge(x0, x1, bottom)[::-1]
            tinted[(i + row) % 2].polygon(outline)
            if style in worked:
                worked[style].polygon(outline)
        top, height, row = bottom, height * 1.55, row + 1
    return tinted, worked


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
