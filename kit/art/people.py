"""Small groups of stylised people: round heads, rounded bodies, standing together."""

from __future__ import annotations

from dataclasses import dataclass

from .palette import WHITE
from .scene import Scene
from .shapes import Path

HEAD = 0.12  # head radius, as a share of a person's height
HIP = 0.4  # where the legs meet the body
SHOULDER = 0.74
STYLES = ("hands", "chat", "table", "hands", "chat")


@dataclass(frozen=True)
class Person:
    x: float
    feet: float
    height: float
    colour: str

    @property
    def shoulder_y(self) -> float:
        return self.feet + self.height * 0.66


def group_width(count: int, height: float) -> float:
    return count * height * 0.5


def draw_person(scene: Scene, person: Person) -> None:
    """Two legs, a body rounded at the shoulders, a round head, with gaps so each part reads."""
    x, feet, h = person.x, person.feet, person.height
    w, leg = h * 0.34, h * 0.13
    path = Path().round_rect(
        x - w / 2, feet + h * (HIP - 0.06), w, h * (SHOULDER - HIP + 0.06), w * 0.42
    )
    for side in (-1, 1):
        path.round_rect(x + side * h * 0.085 - leg / 2, feet, leg, h * HIP, leg * 0.45)
    path.ellipse(x, feet + h * (1 - HEAD), h * HEAD, h * HEAD)
    scene.pen.fill(path, person.colour)


def _arm(scene: Scene, person: Person, hand: tuple[float, float], side: int) -> None:
    shoulder = (person.x + side * person.height * 0.13, person.shoulder_y)
    scene.pen.stroke(Path().move(*shoulder).line(*hand), person.colour, person.height * 0.075)


def draw_group(
    scene: Scene, centre: float, feet: float, height: float, count: int, ground: str
) -> None:
    """``count`` people holding hands, chatting, or gathered at a table."""
    rng, palette = scene.rng, scene.palette
    style = rng.choice(STYLES)
    gap = height * (0.5 if style == "hands" else 0.46)
    shirts = [palette.paper, palette.sky, WHITE, palette.haze]
    rng.shuffle(shirts)
    if palette.accents:
        shirts[rng.randrange(len(shirts))] = palette.accent(rng.randrange(3), palette.paper)
    people = [
        Person(
            centre + (i - (count - 1) / 2) * gap + rng.uniform(-0.05, 0.05) * height,
            feet + rng.uniform(-0.03, 0.03) * height,
            height * rng.choice((1.0, 0.92, 0.85, 1.0, 0.68)),
            shirts[i % len(shirts)],
        )
        for i in range(count)
    ]
    if style == "hands":
        _hold_hands(scene, people)
    for person in people:
        draw_person(scene, person)
    if style == "table":
        wood = palette.base if ground == palette.deep else palette.deep
        _table(scene, people[0].x - gap * 0.5, people[-1].x + gap * 0.5, feet, height, wood)
    elif style == "chat":  # someone waves
        person = rng.choice(people)
        hand = (person.x + person.height * 0.3, person.feet + person.height * 0.97)
        _arm(scene, person, hand, 1)


def _hold_hands(scene: Scene, people: list[Person]) -> None:
    """Arms from each shoulder down to a hand shared with the neighbour."""
    for left, right in zip(people, people[1:], strict=False):
        hand = ((left.x + right.x) / 2, min(left.shoulder_y, right.shoulder_y) - left.height * 0.24)
        _arm(scene, left, hand, 1)
        _arm(scene, right, hand, -1)


def _table(scene: Scene, left: float, right: float, feet: float, height: float, wood: str) -> None:
    """A table at the group's waist, its top seen from a little above, papers and cups on it."""
    pen, palette, rng = scene.pen, scene.palette, scene.rng
    edge, depth = feet + height * 0.4, height * 0.12
    legs = Path()
    for x in (left + height * 0.06, right - height * 0.12):
        legs.rect(x, feet, height * 0.06, edge - feet)
    pen.fill(legs, wood)
    inset = depth * 0.8
    top = [(left, edge), (right, edge), (right - inset, edge + depth), (left + inset, edge + depth)]
    pen.polygon(top, palette.far)
    pen.rect(left, edge - height * 0.05, right - left, height * 0.05, wood)
    for i in range(rng.randint(2, 3)):
        x = left + inset + (right - left - 2 * inset) * (i + rng.uniform(0.2, 0.6)) / 3
        y = edge + depth * 0.3
        if rng.random() < 0.5:
            pen.rect(x, y, height * 0.05, height * 0.07, palette.accent(rng.randrange(3), WHITE))
        else:
            pen.polygon(
                [
                    (x, y),
                    (x + height * 0.14, y),
                    (x + height * 0.12, y + depth * 0.5),
                    (x - height * 0.02, y + depth * 0.5),
                ],
                WHITE,
            )
