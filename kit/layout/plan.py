"""The layout of every card and sheet of the cards PDF."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..deck import Deck
from ..model import Kit
from .card import CardBoxes, FittedText, card_boxes, fit_text
from .imposition import Grid, SheetPlan, impose, plan_grid


@dataclass(frozen=True)
class CardsPlan:
    boxes: Mapping[str, CardBoxes]  # per family
    fitted: Mapping[str, FittedText]  # per face key
    back_family: Mapping[str, str]  # back key -> family whose size it has
    sheets: tuple[SheetPlan, ...]

    @property
    def grids(self) -> tuple[Grid, ...]:
        return tuple(dict.fromkeys(sheet.grid for sheet in self.sheets))


def plan_cards(kit: Kit, deck: Deck) -> CardsPlan:
    bleed = kit.profile.card_bleed
    boxes = {name: card_boxes(family, bleed) for name, family in kit.families.items()}
    fitted = {
        face.key: fit_text(
            kit.families[face.family],
            dict(face.texts),
            boxes[face.family].text,
            face.colour,
            face.label,
        )
        for face in deck.fronts
    }
    back_family = {face.back: face.family for face in deck.fronts}
    sheets: list[SheetPlan] = []
    for size, faces in _by_size(kit, deck).items():
        grid = plan_grid(kit.profile, *size)
        pairs = [(face.key, "dos-" + face.back) for face in faces]
        sheets += impose(pairs, grid, first_number=len(sheets) + 1)
    return CardsPlan(boxes, fitted, back_family, tuple(sheets))


def _by_size(kit: Kit, deck: Deck) -> dict[tuple[float, float], list]:
    groups: dict[tuple[float, float], list] = {}
    for face in deck.fronts:
        family = kit.families[face.family]
        groups.setdefault((family.width, family.height), []).append(face)
    return groups
