"""The layout of every card and sheet of the cards PDF."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..deck import Deck, Face
from ..images import PRINT_DPI, RASTER_SUFFIXES, printed_dpi
from ..model import Kit
from ..profile import Profile
from ..units import to_mm
from .card import CardBoxes, FittedText, card_boxes, fit_text, text_at_scale
from .imposition import SheetPlan, impose, impose_cards, impose_fold, plan_fold_grid, plan_grid


@dataclass(frozen=True)
class CardsDocument:
    """One cards PDF: every card of the kit, or (one card a page) those of one size."""

    suffix: str  # added to the file name: "" or "-70x120"
    sheets: tuple[SheetPlan, ...]
    keys: frozenset[str]  # the faces and backs it draws


@dataclass(frozen=True)
class CardsPlan:
    boxes: Mapping[str, CardBoxes]  # per family
    fitted: Mapping[str, FittedText]  # per face key
    back_family: Mapping[str, str]  # back key -> family whose size it has
    documents: tuple[CardsDocument, ...]
    warnings: tuple[str, ...] = ()

    @property
    def sheets(self) -> tuple[SheetPlan, ...]:
        return tuple(sheet for document in self.documents for sheet in document.sheets)

    @property
    def paper_sheets(self) -> int:
        """Sheets of paper to print the cards on: a front page and its back are one sheet. 0
        when each page is one card: a print shop prints those."""
        return sum(1 for s in self.sheets if s.side in ("recto", "recto-verso") and s.trim is None)


def plan_cards(kit: Kit, deck: Deck, tables: int = 1) -> CardsPlan:
    """``tables``: the whole set of cards is imposed that many times, one set per table (a
    print shop, given one card a page, is asked for that many copies instead)."""
    boxes = family_boxes(kit)
    fitted = _fitted_texts(kit, deck, boxes)
    back_family = {face.back: face.family for face in deck.fronts}
    warnings = tuple(
        w for face in deck.fronts for w in _resolution_warnings(face, boxes[face.family])
    )
    return CardsPlan(boxes, fitted, back_family, card_documents(kit, deck, tables), warnings)


def card_documents(kit: Kit, deck: Deck, tables: int = 1) -> tuple[CardsDocument, ...]:
    """The cards' PDFs and their sheets: where each card goes, whatever its texts say."""
    return _documents(kit.profile, _by_size(kit, deck), tables)


def family_boxes(kit: Kit) -> dict[str, CardBoxes]:
    """The boxes of a card of each family."""
    bleed = kit.profile.card_bleed
    return {name: card_boxes(family, bleed) for name, family in kit.families.items()}


def _fitted_texts(kit: Kit, deck: Deck, boxes) -> dict[str, FittedText]:
    """Every card of a family at one text size: the largest at which all of its cards fit.
    Each card is tried first at the smallest scale its family needed so far: one that fits
    there cannot make it smaller, and is not fitted further."""
    scale: dict[str, float] = {}
    tried: dict[str, FittedText] = {}
    for face in deck.fronts:
        family = kit.families[face.family]
        fitted = fit_text(
            family,
            dict(face.texts),
            boxes[face.family].text,
            face.colour,
            face.label,
            scale.get(face.family, 1.0),
        )
        tried[face.key] = fitted
        scale[face.family] = min(scale.get(face.family, 1.0), fitted.scale)
    return {
        # a card tried at its family's final scale keeps its paragraphs, wrapped already
        face.key: tried[face.key]
        if tried[face.key].scale == scale[face.family]
        else text_at_scale(
            kit.families[face.family],
            dict(face.texts),
            boxes[face.family].text.w,
            scale[face.family],
            face.colour,
        )
        for face in deck.fronts
    }


def _documents(profile: Profile, groups: dict, tables: int) -> tuple[CardsDocument, ...]:
    """Grid and fold-over: one PDF for all sizes; one card a page: one PDF per size."""
    documents: list[CardsDocument] = []
    sheets: list[SheetPlan] = []
    keys: set[str] = set()
    for (width, height), faces in groups.items():
        pairs = [(face.key, "dos-" + face.back) for face in faces]
        group_keys = {key for pair in pairs for key in pair}
        if profile.imposition == "carte":
            pages = impose_cards(pairs, profile, width, height)
            suffix = f"-{to_mm(width):g}x{to_mm(height):g}"
            documents.append(CardsDocument(suffix, tuple(pages), frozenset(group_keys)))
        elif profile.imposition == "pliage":
            grid = plan_fold_grid(profile, width, height)
            sheets += impose_fold(pairs * tables, grid, profile, first_number=len(sheets) + 1)
        else:
            grid = plan_grid(profile, width, height)
            sheets += impose(pairs * tables, grid, profile, first_number=len(sheets) + 1)
        keys |= group_keys
    if sheets:
        documents.append(CardsDocument("", tuple(sheets), frozenset(keys)))
    return tuple(documents)


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
