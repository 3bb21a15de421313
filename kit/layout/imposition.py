"""Cards onto sheets: a grid per card size, mirrored backs for long-edge duplex, crop marks."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import MakekitError
from ..model import Profile
from ..units import to_mm
from .geometry import Box, Line


@dataclass(frozen=True)
class Grid:
    """Where cards of one size go on a sheet; slots are trim boxes, row by row from the top."""

    sheet: Box
    cols: int
    rows: int
    card_w: float
    card_h: float
    gap: float
    bleed: float
    slots: tuple[Box, ...]

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    def back_slot(self, index: int) -> Box:
        """The back of the card in slot ``index``: mirrored left-right for long-edge duplex."""
        front = self.slots[index]
        return Box(self.sheet.w - front.right, front.y, front.w, front.h)


@dataclass(frozen=True)
class SheetPlan:
    """One printed side: which card (front or back key) goes in which box."""

    side: str  # "recto" or "verso"
    number: int  # 1-based, counting every side of the document
    grid: Grid
    placements: tuple[tuple[Box, str], ...]


def plan_grid(profile: Profile, card_w: float, card_h: float) -> Grid:
    sheet = Box(0, 0, *profile.sheet)
    usable = sheet.inset(profile.margin)
    pitch_w, pitch_h = card_w + profile.gap, card_h + profile.gap
    cols = int((usable.w + profile.gap) // pitch_w)
    rows = int((usable.h + profile.gap) // pitch_h)
    if cols < 1 or rows < 1:
        raise MakekitError(
            f"profil « {profile.name} » : une carte de {to_mm(card_w):.1f} × {to_mm(card_h):.1f} mm "
            f"ne tient pas sur la feuille avec des marges de {to_mm(profile.margin):.1f} mm"
        )
    grid_w = cols * card_w + (cols - 1) * profile.gap
    grid_h = rows * card_h + (rows - 1) * profile.gap
    x0 = (sheet.w - grid_w) / 2
    top = (sheet.h + grid_h) / 2
    slots = tuple(
        Box(x0 + c * pitch_w, top - card_h - r * pitch_h, card_w, card_h)
        for r in range(rows)
        for c in range(cols)
    )
    return Grid(sheet, cols, rows, card_w, card_h, profile.gap, profile.card_bleed, slots)


def crop_marks(grid: Grid, length: float, offset: float) -> tuple[Line, ...]:
    """Marks on every cut line, in the sheet margin only, so they never touch a card."""
    xs = sorted({round(x, 4) for s in grid.slots for x in (s.x, s.right)})
    ys = sorted({round(y, 4) for s in grid.slots for y in (s.y, s.top)})
    left, right = min(s.x for s in grid.slots), max(s.right for s in grid.slots)
    bottom, top = min(s.y for s in grid.slots), max(s.top for s in grid.slots)
    start = grid.bleed + offset
    lines = []
    for x in xs:
        lines.append(Line(x, top + start, x, top + start + length))
        lines.append(Line(x, bottom - start, x, bottom - start - length))
    for y in ys:
        lines.append(Line(left - start, y, left - start - length, y))
        lines.append(Line(right + start, y, right + start + length, y))
    return tuple(lines)


def impose(fronts: list[tuple[str, str]], grid: Grid, first_number: int = 1) -> list[SheetPlan]:
    """Front sheets each followed by their back sheet; ``fronts`` holds (face key, back key)."""
    sheets: list[SheetPlan] = []
    number = first_number
    for start in range(0, len(fronts), grid.per_sheet):
        batch = fronts[start : start + grid.per_sheet]
        recto = tuple((grid.slots[i], face) for i, (face, _) in enumerate(batch))
        verso = tuple((grid.back_slot(i), back) for i, (_, back) in enumerate(batch))
        sheets.append(SheetPlan("recto", number, grid, recto))
        sheets.append(SheetPlan("verso", number + 1, grid, verso))
        number += 2
    return sheets
