"""The sky and what flies in it: the sky's tone, the sun, clouds, rain and birds, drawn and
placed where the sky is free."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from .layers import BIRDS, CLOUDS, SUN, Layer
from .palette import WHITE
from .scene import Scene
from .shapes import Path

SKIES = ("day", "day", "morning", "dusk")
SUN_RING = 1.55  # the ring of light's radius, in sun radii


@dataclass(frozen=True)
class Sky:
    time: str  # day, morning, dusk or storm
    tone: str  # the sky's own tone
    cloud: str


def draw_sky(scene: Scene, horizon: float, storm: bool = False, pale: bool = True) -> Sky:
    """A clear day, a pale morning, a dusk lit near the horizon, or a dark stormy sky.

    Without ``pale``, no morning: its sky is too pale for white turbines.
    """
    pen, rng, palette, box = scene.pen, scene.rng, scene.palette, scene.box
    time = "storm" if storm else rng.choice(SKIES if pale else ("day", "day", "dusk"))
    tone, cloud = {
        "day": (palette.sky, WHITE),
        "morning": (palette.paper, palette.sky),
        "dusk": (palette.haze, palette.paper),
        "storm": (palette.mid, palette.base),
    }[time]
    pen.rect(box.x, box.y, box.w, box.h, tone)
    if time == "dusk":
        pen.rect(box.x, box.y, box.w, scene.unit * (horizon + 0.14), palette.sky)
    elif time == "storm":  # a paler break above the horizon, under the dark clouds
        pen.rect(box.x, box.y, box.w, scene.unit * (horizon + 0.05), palette.far)
    return Sky(time, tone, cloud)


def draw_sun(scene: Scene, x: float, y: float, r: float) -> None:
    """A warm disc inside a flat ring of light."""
    scene.pen.circle(x, y, r * SUN_RING, scene.palette.glow)
    scene.pen.circle(x, y, r, scene.palette.sun)


def draw_cloud(scene: Scene, x: float, y: float, size: float, colour: str) -> None:
    """A flat-bottomed cloud of two or three puffs, ``y`` being its base."""
    pen, rng = scene.pen, scene.rng
    width = size * rng.uniform(2.0, 2.8)
    path = Path().round_rect(x - width / 2, y, width, size * 0.5, size * 0.25)
    puffs = rng.choice(((-0.22, 0.2), (-0.28, 0.05, 0.28)))
    for i, offset in enumerate(puffs):
        r = size * (0.55 if i == 1 else 0.42) * rng.uniform(0.85, 1.1)
        path.ellipse(x + offset * width, y + size * 0.45, r, r)
    pen.fill(path, colour)


def draw_storm_cloud(scene: Scene, x: float, y: float, width: float, colour: str) -> None:
    """A long, low, flat-bottomed cloud, ``y`` being its base."""
    rng = scene.rng
    h = width * 0.14
    path = Path().round_rect(x - width / 2, y, width, h, h * 0.5)
    puffs = rng.choice(((0.2, 0.45, 0.75), (0.15, 0.38, 0.62, 0.85), (0.25, 0.6, 0.82)))
    for i, at in enumerate(puffs):
        r = h * rng.uniform(0.55, 0.8) * (1.25 if i == 1 else 1.0)
        path.ellipse(x - width / 2 + width * at, y + h * 0.75, r * 2.0, r)
    scene.pen.fill(path, colour)


def draw_rain(scene: Scene, x: float, y: float, width: float, colour: str, wind: float) -> None:
    """Rain slanting in the wind under a cloud whose base is ``y``."""
    streaks = Path()
    fall = scene.unit * 0.16
    for k in range(7):
        sx = x - width * 0.38 + width * 0.76 * k / 6
        top = y - scene.unit * 0.015
        streaks.move(sx, top).line(sx + wind * fall, top - fall * scene.rng.uniform(0.5, 1.0))
    scene.pen.stroke(streaks, colour, scene.unit * 0.008)


def draw_birds(scene: Scene, x: float, y: float, size: float, colour: str) -> None:
    rng, path = scene.rng, Path()
    for _ in range(rng.randint(2, 4)):
        bx, by = x + rng.uniform(-3, 3) * size, y + rng.uniform(-1.2, 1.2) * size
        s = size * rng.uniform(0.7, 1.1)
        path.move(bx - s, by + s * 0.35)
        path.curve(bx - s * 0.6, by + s * 0.5, bx - s * 0.2, by + s * 0.3, bx, by)
        path.curve(bx + s * 0.2, by + s * 0.3, bx + s * 0.6, by + s * 0.5, bx + s, by + s * 0.35)
    scene.pen.stroke(path, colour, size * 0.16)


def place_sun(scene: Scene, far: Layer, time: str) -> bool:
    """The sun where the sky is free: above the far hill (setting behind it at dusk), under
    the top margin, off the keep-clear boxes; the features placed later keep off it."""
    rng, unit = scene.rng, scene.unit
    r = unit * rng.uniform(0.065, 0.085)
    ring = r * SUN_RING
    for x in scene.xs(0.1, 0.9, 14):
        hill = far.ridge.height_at(x)
        low = hill + (-r * 0.2 if time == "dusk" else r * 0.6)
        high = scene.top_limit - ring
        if low > high:
            continue
        y = rng.uniform(low, (low + high) / 2 if time == "dusk" else high)
        if scene.place("sun", SUN, partial(draw_sun, scene, x, y, r)):
            return True
    return False


def place_storm_clouds(scene: Scene, sky: Sky, wind: float) -> None:
    """Two or three long dark clouds, raining aslant, off the keep-clear boxes and the
    turbines."""
    rng, unit = scene.rng, scene.unit
    wanted, placed = rng.randint(2, 3), 0
    for x in scene.xs(0.08, 0.92, 12):
        width = unit * rng.uniform(0.45, 0.7)
        y = scene.y(rng.uniform(0.62, 0.72))
        if scene.place("cloud", CLOUDS, partial(draw_storm_cloud, scene, x, y, width, sky.cloud)):
            # The rain is weather, not a thing: it may fall behind anything.
            rain = partial(draw_rain, scene, x, y, width, sky.cloud, wind * 0.5)
            scene.terrain(None, CLOUDS, rain)
            placed += 1
            if placed == wanted:
                return


def place_clouds_and_birds(scene: Scene, far: Layer, sky: Sky) -> None:
    """A few clouds above the far hill, and maybe birds, off the sun, the keep-clear boxes and
    the turbines."""
    rng, unit = scene.rng, scene.unit
    wanted, placed = rng.randint(0, 3), 0
    for x in scene.xs(0.06, 0.94, 10):
        if placed >= wanted:
            break
        size = unit * rng.uniform(0.05, 0.08)
        y = scene.y(rng.uniform(0.7, 0.84))
        if y < max(far.ridge.height_at(x + d) for d in (-size * 1.5, 0, size * 1.5)) + unit * 0.02:
            continue
        if scene.place("cloud", CLOUDS, partial(draw_cloud, scene, x, y, size, sky.cloud)):
            placed += 1
    if rng.random() < 0.5:
        _place_birds(scene, far)


def _place_birds(scene: Scene, far: Layer) -> None:
    rng, unit = scene.rng, scene.unit
    for x in scene.xs(0.15, 0.85, 6):
        y = scene.y(rng.uniform(0.74, 0.86))
        if y < far.ridge.height_at(x) + unit * 0.08:
            continue
        if scene.place(
            "birds", BIRDS, partial(draw_birds, scene, x, y, unit * 0.025, scene.palette.base)
        ):
            return
