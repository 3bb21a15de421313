"""The tones of one illustration, all derived from the family colour."""

from __future__ import annotations

from dataclasses import dataclass

WHITE = "#FFFFFF"
SUNLIGHT = "#F6D58E"  # the warm light every sun is made of, whatever the family colour
# How much of the dark version of the colour each dark tone takes; the dark version keeps the
# hue but drops most of the light, so shadows stay in the family instead of turning grey.
DARKEN = 0.3


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(255.0, v))):02X}" for v in rgb)


def mix(colour: str, other: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0 to 1) of the way towards ``other``."""
    a, b = _rgb(colour), _rgb(other)
    return _hex(tuple(x + (y - x) * amount for x, y in zip(a, b, strict=True)))


def darkened(colour: str) -> str:
    return _hex(tuple(v * DARKEN for v in _rgb(colour)))


@dataclass(frozen=True)
class Palette:
    """Seven tones from light to dark, two warm sun tones, white and the accents.

    Accents are for roofs, clothes, flags and banners; the sun is always a warm light tone.
    """

    paper: str  # lightest: sun halo, sky near the horizon
    sky: str
    haze: str  # farthest hills
    far: str
    mid: str
    base: str  # the family colour itself
    deep: str  # shadows, trunks, solar panels
    accents: tuple[str, ...] = ()
    sun: str = ""  # the sun's disc: warm, pale
    glow: str = ""  # the ring of light around it: paler still

    @classmethod
    def from_colour(cls, colour: str, accents: tuple[str, ...] = ()) -> Palette:
        colour = colour.upper()
        dark = darkened(colour)
        paper = mix(colour, WHITE, 0.92)
        return cls(
            paper=paper,
            sky=mix(colour, WHITE, 0.80),
            haze=mix(colour, WHITE, 0.64),
            far=mix(colour, WHITE, 0.44),
            mid=mix(colour, WHITE, 0.22),
            base=colour,
            deep=mix(colour, dark, 0.6),
            accents=tuple(a.upper() for a in accents[:3]),
            sun=mix(SUNLIGHT, paper, 0.3),
            glow=mix(SUNLIGHT, paper, 0.62),
        )

    @property
    def ramp(self) -> tuple[str, ...]:
        """The tones from the lightest to the darkest."""
        return (self.paper, self.sky, self.haze, self.far, self.mid, self.base, self.deep)

    @property
    def allowed(self) -> frozenset[str]:
        """Every colour an illustration may use."""
        return frozenset((*self.ramp, self.sun, self.glow, WHITE, *self.accents))

    def darker(self, tone: str, steps: int = 1) -> str:
        """The tone ``steps`` places darker on the ramp (negative: lighter), kept on the ramp."""
        ramp = self.ramp
        return ramp[min(max(ramp.index(tone) + steps, 0), len(ramp) - 1)]

    def two_near(self, tone: str, behind: tuple[str, ...] = ()) -> tuple[str, str]:
        """The two alternating crown tones of a wood on a hill of ``tone``, darker ones first:
        never the hill's own tone nor a tone ``behind`` it (the hill behind, the sky: crowns
        rising against it would vanish, or bite holes in their neighbours). One tone twice
        if need be."""
        i = self.ramp.index(tone)
        ramp = self.ramp
        # Darker crowns; lighter ones only on the darkest hill (they read as ghosts elsewhere).
        steps = [ramp[j] for j in (i + 1, i + 2) if j < len(ramp) and ramp[j] not in behind]
        steps = steps or [ramp[j] for j in (i - 1, i - 2) if ramp[j] not in behind][:1]
        steps = steps or [ramp[min(i + 1, len(ramp) - 1)]]
        return steps[0], steps[1] if len(steps) > 1 else steps[0]

    def contrasting(self, tone: str) -> str:
        """A tone that stands out on ``tone``: three steps lighter on a dark one, darker on a
        light one."""
        i = self.ramp.index(tone) if tone in self.ramp else 0
        return self.ramp[i - 3] if i >= 3 else self.ramp[i + 3]

    def accent(self, index: int, fallback: str) -> str:
        """The ``index``-th accent, cycling, or ``fallback`` when there are none."""
        return self.accents[index % len(self.accents)] if self.accents else fallback
