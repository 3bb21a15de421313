"""The farm: a barn, a silo, and cows grazing."""

from __future__ import annotations

from .palette import WHITE
from .scene import Scene
from .shapes import Path, Ridge


def draw_farm(scene: Scene, ridge: Ridge, centre: float, size: float, cows: int, side: int) -> None:
    """A barn with a big cross-braced door, a silo, and ``cows`` grazing on ``side``;
    ``size`` is the barn's width."""
    _barn(scene, centre, ridge.height_at(centre) - size * 0.12, size)
    _silo(scene, ridge, centre - side * size * 0.72, size)  # on the other side from the cows
    for k in range(cows):
        cx = centre + side * size * (0.85 + 0.42 * k)
        draw_cow(scene, cx, ridge.height_at(cx) - size * (0.22 + 0.08 * k), size * 0.3, -side)


def _barn(scene: Scene, centre: float, ground: float, size: float) -> None:
    pen, palette = scene.pen, scene.palette
    h, left = size * 0.42, centre - size / 2
    pen.rect(left, ground, size, h, palette.paper)
    eaves, ridge_y = ground + h, ground + h + size * 0.36
    pen.polygon(
        [
            (left - size * 0.06, eaves),
            (left + size * 0.16, eaves + size * 0.24),
            (centre, ridge_y),
            (left + size * 0.84, eaves + size * 0.24),
            (left + size * 1.06, eaves),
        ],
        palette.accent(scene.rng.randrange(3), palette.base),
    )
    door_w, door_h = size * 0.34, h * 0.8
    dx = centre - door_w / 2
    pen.rect(dx, ground, door_w, door_h, palette.deep)
    cross = Path().move(dx, ground).line(dx + door_w, ground + door_h)
    cross.move(dx, ground + door_h).line(dx + door_w, ground)
    cross.rect(dx, ground, door_w, door_h)
    pen.stroke(cross, palette.paper, size * 0.022)
    pen.circle(centre, eaves + size * 0.15, size * 0.045, palette.deep)  # hay loft window


def _silo(scene: Scene, ridge: Ridge, sx: float, size: float) -> None:
    pen, palette = scene.pen, scene.palette
    sw, sh = size * 0.24, size * 0.95
    silo_ground = ridge.height_at(sx) - size * 0.12
    pen.rect(sx - sw / 2, silo_ground, sw, sh, WHITE)
    pen.dome(sx, silo_ground + sh, sw / 2, sw * 0.45, palette.mid)
    bands = Path()
    for k in (0.3, 0.6):
        bands.rect(sx - sw / 2, silo_ground + sh * k, sw, sh * 0.04)
    pen.fill(bands, palette.far)


def draw_cow(scene: Scene, x: float, ground: float, size: float, facing: int) -> None:
    """A white cow with dark patches, ``size`` long, head towards ``facing``."""
    pen, palette = scene.pen, scene.palette
    body_h = size * 0.42
    body_y = ground + size * 0.28
    legs = Path()
    for dx in (-0.36, -0.24, 0.22, 0.34):
        legs.rect(x + dx * size - size * 0.035, ground, size * 0.07, size * 0.32)
    pen.fill(legs, palette.deep)
    body = Path().round_rect(x - size / 2, body_y, size, body_h, body_h * 0.35)
    hx = x + facing * size * 0.55
    body.round_rect(hx - size * 0.12, body_y + body_h * 0.45, size * 0.24, size * 0.26, size * 0.08)
    pen.fill(body, WHITE)
    spots = Path().ellipse(
        x - facing * size * 0.15, body_y + body_h * 0.55, size * 0.14, body_h * 0.28
    )
    spots.ellipse(x + facing * size * 0.18, body_y + body_h * 0.3, size * 0.1, body_h * 0.2)
    pen.fill(spots, palette.deep)
