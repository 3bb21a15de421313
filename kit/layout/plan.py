"""The layout of every card and sheet of the cards PDF."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..deck import Deck, Face
from ..images import PRINT_DPI, RASTER_SUFFIXES, printed_dpi
from ..model import Kit
from .card import CardBoxes, FittedText, card_boxes, fit_text
from .imposition import Grid, SheetPlan, impose, plan_grid


@dataclass(frozen=True)
class CardsPlan:
    boxes: Mapping[str, CardBoxes]  # per family
    fitted: Mapping[str, FittedText]  # per face key
    back_family: Mapping[str, str]  # back key -> family whose size it has
    sheets: tuple[SheetPlan, ...]
    warnings: tuple[str, ...] = ()

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
    warnings = tuple(
        w for face in deck.fronts for w in _resolution_warnings(face, boxes[face.family])
    )
    return CardsPlan(boxes, fitted, back_family, tuple(sheets), warnings)


def _resolution_warnings(face: Face, boxes: CardBoxes) -> list[str]:
    """User raster images too coarse for print at the size they will be printed."""
    placed = [(face.illustration, boxes.illustration, "illustration")]
    if isinstance(face.pictogram, Path):
        inner = boxes.pictogram.inset(boxes.pictogram.w * 0.2)
        placed.append((face.pictogram, inner, "pictogramme"))
    warnings = []
    for path, box, what in placed:
        if path is None or path.suffix.lower() not in RASTER_SUFFIXES:
            continue
        dpi = printed_dpi(path, box.w, box.h)
        if dpi < PRINT_DPI:
            warnings.append(
                f"{face.label} : {what} « {path.name} » imprimée à {dpi:.0f} dpi seulement "
                f"({PRINT_DPI} dpi conseillés) : elle paraîtra floue, fournissez une image plus grande"
            )
    return warnings


def _by_size(kit: Kit, deck: Deck) -> dict[tuple[float, float], list]:
    groups: dict[tuple[float, float], list] = {}
    for face in deck.fronts:
        family = kit.families[face.family]
        groups.setdefault((family.width, family.height), []).append(face)
    return groups
