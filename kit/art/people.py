"""Small groups of stylised people: round heads, rounded bodies, standing together."""

from __future__ import annotations

from dataclasses import dataclass

from .palette import WHITE
from .scene import Scene
from .shapes import Path

HEAD = 0.12  # head radius, as a share of a person's height
HIP = 0.4  # where the legs meet the body
SHOULDER = 0.74
TABLE_TOP = 0.44  # the table's front edge, as a share of the shortest person's height


@dataclass(frozen=True)
class Person:
    x: float
    feet: float
    height: float
    colour: str

    @property
    def shoulder_y(self) -> float:
        return self.feet + self.height * 0.66

    @property
    def head_top(self) -> float:
        return self.feet + self.height


def group_gap(height: float, style: str) -> float:
    return height * (0.5 if style in ("hands", "banner") else 0.46)


def group_width(count: int, height: float, style: str = "chat") -> float:
    return count * group_gap(height, style)


def person_shape(person: Person, path: Path | None = None) -> Path:
    """Two legs, a body rounded at the shoulders, a round head, with gaps so each part reads."""
    x, feet, h = person.x, person.feet, person.height
    w, leg = h * 0.34, h * 0.13
    path = path if path is not None else Path()
    path.round_rect(x - w / 2, feet + h * (HIP - 0.06), w, h * (SHOULDER - HIP + 0.06), w * 0.42)
    for side in (-1, 1):
        path.round_rect(x + side * h * 0.085 - leg / 2, feet, leg, h * HIP, leg * 0.45)
    return path.ellipse(x, feet + h * (1 - HEAD), h * HEAD, h * HEAD)


def _draw_people(scene: Scene, people: list[Person]) -> None:
    """People stand apart: those dressed alike are filled together."""
    paths: dict[str, Path] = {}
    for person in people:
        person_shape(person, paths.setdefault(person.colour, Path()))
    for colour, path in paths.items():
        scene.pen.fill(path, colour)


class Arms:
    """Arms gathered by colour and stroked together (same width: one group's people)."""

    def __init__(self, width: float) -> None:
        self.width = width
        self.paths: dict[str, Path] = {}

    def add(self, person: Person, hand: tuple[float, float], side: int) -> None:
        shoulder = (person.x + side * person.height * 0.13, person.shoulder_y)
        self.paths.setdefault(person.colour, Path()).move(*shoulder).line(*hand)

    def draw(self, scene: Scene) -> None:
        for colour, path in self.paths.items():
            scene.pen.stroke(path, colour, self.width)


def _arm(scene: Scene, person: Person, hand: tuple[float, float], side: int) -> None:
    arms = Arms(person.height * 0.075)
    arms.add(person, hand, side)
    arms.draw(scene)


def draw_group(
    scene: Scene,
    centre: float,
    feet: float,
    height: float,
    count: int,
    ground: str,
    style: str,
) -> None:
    """``count`` people holding hands ("hands"), chatting ("chat"), gathered at a table
    ("table"), or marching under a banner ("banner": young, so smaller, and in the accent
    colours)."""
    rng, palette = scene.rng, scene.palette
    gap = group_gap(height, style)
    shirts = [palette.paper, palette.sky, WHITE, palette.haze]
    rng.shuffle(shirts)
    if palette.accents:
        spot = rng.randrange(len(shirts))
        shirts[spot] = palette.accent(rng.randrange(3), palette.paper)
        if style == "banner":  # young people: colourful
            shirts[(spot + 2) % len(shirts)] = palette.accent(rng.randrange(3), palette.paper)
    sizes = {
        "table": (1.0, 0.95, 0.92, 1.0),
        "banner": (0.86, 0.8, 0.9, 0.84, 0.78),
    }.get(style, (1.0, 0.92, 0.85, 1.0, 0.68))
    people = [
        Person(
            centre + (i - (count - 1) / 2) * gap + rng.uniform(-0.05, 0.05) * height,
            feet + rng.uniform(-0.03, 0.03) * height,
            height * rng.choice(sizes),
            shirts[i % len(shirts)],
        )
        for i in range(count)
    ]
    if style == "hands":
        _hold_hands(scene, people, height)
    if style == "banner":
        _banner(scene, people, height)
    _draw_people(scene, people)
    if style == "table":
        _table_group(scene, people, gap, feet, height, ground)
    elif style == "chat":  # someone waves
        person = rng.choice(people)
        hand = (person.x + person.height * 0.3, person.feet + person.height * 0.97)
        _arm(scene, person, hand, 1)


def _hold_hands(scene: Scene, people: list[Person], height: float) -> None:
    """Arms from each shoulder down to a hand shared with the neighbour."""
    arms = Arms(height * 0.07)
    for left, right in zip(people, people[1:], strict=False):
        hand = ((left.x + right.x) / 2, min(left.shoulder_y, right.shoulder_y) - left.height * 0.24)
        arms.add(left, hand, 1)
        arms.add(right, hand, -1)
    arms.draw(scene)


def _banner(scene: Scene, people: list[Person], height: float) -> None:
    """A cloth banner on two poles, held up above the heads by the two at the ends; the others
    raise a fist. No words: a light emblem (a sun over a hill) in its middle."""
    pen, palette, rng = scene.pen, scene.palette, scene.rng
    first, last = people[0], people[-1]
    left, right = first.x + height * 0.16, last.x - height * 0.16
    tallest = max(p.head_top for p in people)
    bottom, top = tallest + height * 0.08, tallest + height * 0.42
    pole_top = top + height * 0.06
    poles, arms = Path(), Arms(height * 0.07)
    for person, x, side in ((first, left, 1), (last, right, -1)):
        poles.move(x, person.shoulder_y - height * 0.05).line(x, pole_top)
        arms.add(person, (x, person.shoulder_y + height * 0.12), side)
    for person in people[1:-1]:
        if rng.random() < 0.6:
            side = rng.choice((-1, 1))
            arms.add(
                person, (person.x + side * height * 0.12, person.head_top + height * 0.02), side
            )
    pen.stroke(poles, palette.deep, height * 0.04)
    arms.draw(scene)
    sag = height * 0.05
    # An accent colour stands out on any hill; without accents, a light cloth with a dark sign.
    cloth = palette.accent(rng.randrange(3), palette.paper)
    sign = WHITE if palette.accents else palette.base
    path = Path().move(left, top)
    path.curve(
        left + (right - left) / 3, top - sag, left + 2 * (right - left) / 3, top + sag, right, top
    )
    path.line(right, bottom)
    path.curve(
        left + 2 * (right - left) / 3,
        bottom + sag,
        left + (right - left) / 3,
        bottom - sag,
        left,
        bottom,
    )
    pen.fill(path.close(), cloth)
    mx, my = (left + right) / 2, (top + bottom) / 2
    emblem = Path().ellipse(mx, my + height * 0.03, height * 0.07, height * 0.07)
    emblem.dome(mx, bottom + height * 0.05, height * 0.2, height * 0.1)
    pen.fill(emblem, sign)


def _table_group(
    scene: Scene, people: list[Person], gap: float, feet: float, height: float, ground: str
) -> None:
    """A table in front of the group: the ones behind it show head, shoulders and chest above
    its top; with three or more, one stands at the end, beside it, seen whole."""
    palette, rng = scene.palette, scene.rng
    # Seen against the light clothes of the people behind it: a dark table, a mid-tone top.
    wood = palette.base if ground == palette.deep else palette.deep
    top = palette.mid
    behind = people
    if len(people) >= 3:
        behind = people[:-1] if rng.random() < 0.5 else people[1:]
    left = min(p.x for p in behind) - gap * 0.45
    right = max(p.x for p in behind) + gap * 0.45
    edge = feet + min(p.height for p in behind) * TABLE_TOP
    _table(scene, left, right, feet, edge, height, wood, top)


def _table(
    scene: Scene,
    left: float,
    right: float,
    feet: float,
    edge: float,
    height: float,
    wood: str,
    surface: str,
) -> None:
    """A table, its top seen from a little above at ``edge``, papers and cups on it."""
    pen, palette, rng = scene.pen, scene.palette, scene.rng
    depth = height * 0.09
    legs = Path()
    for x in (left + height * 0.06, right - height * 0.12):
        legs.rect(x, feet - height * 0.02, height * 0.06, edge - feet)
    pen.fill(legs, wood)
    inset = depth * 0.8
    top = [(left, edge), (right, edge), (right - inset, edge + depth), (left + inset, edge + depth)]
    pen.polygon(top, surface)
    pen.rect(left, edge - height * 0.05, right - left, height * 0.05, wood)
    for i in range(rng.randint(2, 3)):
        x = left + inset + (right - left - 2 * inset) * (i + rng.uniform(0.2, 0.6)) / 3
        y = edge + depth * 0.3
        if rng.random() < 0.5:
            pen.rect(x, y, height * 0.05, height * 0.07, palette.paper)
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
