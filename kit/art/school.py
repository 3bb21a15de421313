"""The school, with its bell turret, its flag and its playground."""

from __future__ import annotations

from .palette import WHITE
from .scene import Scene
from .shapes import Path, Ridge
from .village import draw_flag


def draw_school(scene: Scene, ridge: Ridge, centre: float, size: float, side: int) -> None:
    """A school: a long building with a gabled porch, a bell turret and a flag, and beside it
    (on ``side``) a fenced playground with a slide and a swing; ``size`` is the school's width."""
    ground = ridge.height_at(centre) - size * 0.1
    h = size * 0.36
    _building(scene, centre, ground, size, h)
    _porch(scene, centre, ground, size)
    _bell_turret(scene, centre - size / 2, ground + h + size * 0.14, size)
    _playground(scene, ridge, centre, size, side)


def _building(scene: Scene, centre: float, ground: float, size: float, h: float) -> None:
    pen, palette = scene.pen, scene.palette
    left = centre - size / 2
    pen.rect(left, ground, size, h, palette.paper)
    pen.polygon(
        [
            (left - size * 0.04, ground + h),
            (left + size * 1.04, ground + h),
            (left + size * 0.94, ground + h + size * 0.14),
            (left + size * 0.06, ground + h + size * 0.14),
        ],
        palette.deep,
    )
    windows = Path()
    for k in range(6):
        if k in (2, 3):
            continue
        windows.rect(left + size * (0.06 + k * 0.155), ground + h * 0.35, size * 0.1, h * 0.42)
    pen.fill(windows, palette.mid)


def _porch(scene: Scene, centre: float, ground: float, size: float) -> None:
    pen, palette = scene.pen, scene.palette
    porch_w, porch_h = size * 0.3, size * 0.5
    pen.rect(centre - porch_w / 2, ground, porch_w, porch_h, WHITE)
    pen.polygon(
        [
            (centre - porch_w * 0.62, ground + porch_h),
            (centre + porch_w * 0.62, ground + porch_h),
            (centre, ground + porch_h + size * 0.14),
        ],
        palette.deep,
    )
    pen.rect(centre - porch_w * 0.22, ground, porch_w * 0.44, porch_h * 0.48, palette.deep)
    pen.circle(centre, ground + porch_h * 0.72, porch_w * 0.14, palette.mid)


def _bell_turret(scene: Scene, left: float, top: float, size: float) -> None:
    """The bell turret on the roof whose ridge is ``top``, and the flag."""
    pen, palette = scene.pen, scene.palette
    turret = left + size * 0.2
    pen.rect(turret - size * 0.035, top - size * 0.02, size * 0.07, size * 0.1, WHITE)
    pen.polygon(
        [
            (turret - size * 0.055, top + size * 0.08),
            (turret + size * 0.055, top + size * 0.08),
            (turret, top + size * 0.16),
        ],
        palette.deep,
    )
    flag = palette.accent(scene.rng.randrange(3), palette.base)
    draw_flag(scene, left + size * 0.82, top - size * 0.03, size * 0.22, size * 0.8, flag)


def _playground(scene: Scene, ridge: Ridge, centre: float, size: float, side: int) -> None:
    yard = centre + side * size * 0.5
    yard_w = size * 0.72
    x0 = yard if side > 0 else yard - yard_w
    ground = ridge.height_at(x0 + yard_w / 2) - size * 0.12
    _slide(scene, x0 + yard_w * 0.28, ground, size)
    _swing(scene, x0 + yard_w * 0.78, ground, size)
    _fence(scene, x0, yard_w, ground, size)


def _slide(scene: Scene, sx: float, ground: float, size: float) -> None:
    """A ladder and a white slope."""
    pen = scene.pen
    sh = size * 0.26
    ladder = Path().move(sx, ground).line(sx, ground + sh)
    ladder.move(sx + size * 0.05, ground).line(sx + size * 0.05, ground + sh)
    for k in (0.3, 0.6, 0.9):
        ladder.move(sx, ground + sh * k).line(sx + size * 0.05, ground + sh * k)
    pen.stroke(ladder, scene.palette.deep, size * 0.014)
    pen.polygon(
        [
            (sx + size * 0.03, ground + sh),
            (sx + size * 0.07, ground + sh),
            (sx + size * 0.3, ground),
            (sx + size * 0.24, ground),
        ],
        WHITE,
    )


def _swing(scene: Scene, wx: float, ground: float, size: float) -> None:
    """An A-frame, its bar and a seat on two ropes."""
    pen, frame = scene.pen, scene.palette.deep
    wh, ww = size * 0.3, size * 0.2
    frame_path = Path()
    for fx in (wx - ww / 2, wx + ww / 2):
        frame_path.move(fx - size * 0.04, ground).line(fx, ground + wh)
        frame_path.line(fx + size * 0.04, ground)
    frame_path.move(wx - ww / 2, ground + wh).line(wx + ww / 2, ground + wh)
    pen.stroke(frame_path, frame, size * 0.018)
    rope = Path().move(wx - size * 0.035, ground + wh).line(wx - size * 0.035, ground + wh * 0.3)
    rope.move(wx + size * 0.035, ground + wh).line(wx + size * 0.035, ground + wh * 0.3)
    pen.stroke(rope, frame, size * 0.008)
    pen.rect(wx - size * 0.05, ground + wh * 0.26, size * 0.1, size * 0.025, WHITE)


def _fence(scene: Scene, x0: float, width: float, ground: float, size: float) -> None:
    """A low picket fence in front of the yard."""
    pickets = Path()
    fy = ground - size * 0.04
    pickets.move(x0, fy + size * 0.05).line(x0 + width, fy + size * 0.05)
    steps = 9
    for k in range(steps + 1):
        px = x0 + width * k / steps
        pickets.move(px, fy).line(px, fy + size * 0.08)
    scene.pen.stroke(pickets, WHITE, size * 0.014)
