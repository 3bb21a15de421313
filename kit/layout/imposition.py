"""Cards onto pages: a grid with mirrored backs (duplex), fold-over pairs, or one card a page."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import MakekitError
from ..profile import Profile
from ..units import mm, to_mm
from .geometry import Box, Line


@dataclass(frozen=True)
class Grid:
    """Where cards (or fold-over pairs) of one size go on a sheet; slots are trim boxes, row by
    row from the top."""

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
class Placement:
    box: Box  # the card's trim box on the page
    key: str  # the form to draw there
    clip: Box | None = None  # where its art may go, when not its whole bleed box


@dataclass(frozen=True)
class SheetPlan:
    """One printed page: which card face goes where, and the marks around them."""

    side: str  # "recto", "verso" or "recto-verso" (fold-over)
    number: int  # 1-based, counting every page of the document
    size: tuple[float, float]
    placements: tuple[Placement, ...]
    marks: tuple[Line, ...] = ()
    folds: tuple[Line, ...] = ()
    trim: Box | None = None  # set when the page is one card, for the TrimBox
    bleed: Box | None = None


def plan_grid(
    profile: Profile, card_w: float, card_h: float, sheet: tuple[float, float] | None = None
) -> Grid:
    sheet_box = Box(0, 0, *(sheet or profile.sheet))
    usable = sheet_box.inset(profile.margin)
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
    x0 = (sheet_box.w - grid_w) / 2
    top = (sheet_box.h + grid_h) / 2
    slots = tuple(
        Box(x0 + c * pitch_w, top - card_h - r * pitch_h, card_w, card_h)
        for r in range(rows)
        for c in range(cols)
    )
    return Grid(sheet_box, cols, rows, card_w, card_h, profile.gap, profile.card_bleed, slots)


def crop_marks(
    grid: Grid, length: float, offset: float, slots: tuple[Box, ...] | None = None
) -> tuple[Line, ...]:
    """Marks on every cut line, in the sheet margin only, so they never touch a card."""
    slots = slots or grid.slots
    xs = sorted({round(x, 4) for s in slots for x in (s.x, s.right)})
    ys = sorted({round(y, 4) for s in slots for y in (s.y, s.top)})
    left, right = min(s.x for s in slots), max(s.right for s in slots)
    bottom, top = min(s.y for s in slots), max(s.top for s in slots)
    start = grid.bleed + offset
    lines = []
    for x in xs:
        lines.append(Line(x, top + start, x, top + start + length))
        lines.append(Line(x, bottom - start, x, bottom - start - length))
    for y in ys:
        lines.append(Line(left - start, y, left - start - length, y))
        lines.append(Line(right + start, y, right + start + length, y))
    return tuple(lines)


def impose(
    fronts: list[tuple[str, str]], grid: Grid, profile: Profile, first_number: int = 1
) -> list[SheetPlan]:
    """Front sheets each followed by their back sheet; ``fronts`` holds (face key, back key).

    The back sheet is mirrored for long-edge duplex and moved by the profile's back offset,
    which corrects the shift a given printer makes between the two sides.
    """
    marks = _marks(grid, profile)
    dx, dy = profile.back_offset
    sheets: list[SheetPlan] = []
    number = first_number
    size = (grid.sheet.w, grid.sheet.h)
    for start in range(0, len(fronts), grid.per_sheet):
        batch = fronts[start : start + grid.per_sheet]
        recto = tuple(Placement(grid.slots[i], face) for i, (face, _) in enumerate(batch))
        verso = tuple(
            Placement(grid.back_slot(i).moved(dx, dy), back) for i, (_, back) in enumerate(batch)
        )
        back_marks = tuple(Line(m.x0 + dx, m.y0 + dy, m.x1 + dx, m.y1 + dy) for m in marks)
        sheets.append(SheetPlan("recto", number, size, recto, marks))
        sheets.append(SheetPlan("verso", number + 1, size, verso, back_marks))
        number += 2
    return sheets


def _marks(grid: Grid, profile: Profile) -> tuple[Line, ...]:
    if profile.crop_marks is None:
        return ()
    return crop_marks(grid, profile.crop_marks.length, profile.crop_marks.offset)


def plan_fold_grid(profile: Profile, card_w: float, card_h: float) -> Grid:
    """A grid of fold-over pairs (front and back side by side), in the better orientation."""
    portrait = _try_grid(profile, 2 * card_w, card_h, profile.sheet)
    landscape = _try_grid(profile, 2 * card_w, card_h, profile.sheet[::-1])
    best = max((g for g in (portrait, landscape) if g), key=lambda g: g.per_sheet, default=None)
    if best is None:
        raise MakekitError(
            f"profil « {profile.name} » : une paire recto-verso de {to_mm(2 * card_w):.1f} × "
            f"{to_mm(card_h):.1f} mm ne tient pas sur la feuille"
        )
    return best


def _try_grid(profile: Profile, w: float, h: float, sheet: tuple[float, float]) -> Grid | None:
    try:
        return plan_grid(profile, w, h, sheet)
    except MakekitError:
        return None


def impose_fold(
    fronts: list[tuple[str, str]], grid: Grid, profile: Profile, first_number: int = 1
) -> list[SheetPlan]:
    """Each card as a pair: front on the left, back on the right, joined at a fold line.

    Folded back along that line, the back panel lands behind the front: its position is the
    front's mirrored about the fold. Neither panel's art crosses the fold.
    """
    card_w = grid.card_w / 2
    size = (grid.sheet.w, grid.sheet.h)
    sheets = []
    for offset, start in enumerate(range(0, len(fronts), grid.per_sheet)):
        batch = fronts[start : start + grid.per_sheet]
        placements, folds, pairs = [], [], []
        for slot, (face, back) in zip(grid.slots, batch, strict=False):
            front_box = Box(slot.x, slot.y, card_w, slot.h)
            back_box = Box(slot.x + card_w, slot.y, card_w, slot.h)
            bleed = grid.bleed
            placements.append(
                Placement(
                    front_box,
                    face,
                    Box(
                        front_box.x - bleed, front_box.y - bleed, card_w + bleed, slot.h + 2 * bleed
                    ),
                )
            )
            placements.append(
                Placement(
                    back_box,
                    back,
                    Box(back_box.x, back_box.y - bleed, card_w + bleed, slot.h + 2 * bleed),
                )
            )
            folds.append(_fold_ticks(back_box.x, slot, bleed, profile))
            pairs.append(slot)
        marks = ()
        if profile.crop_marks is not None:
            marks = crop_marks(
                grid, profile.crop_marks.length, profile.crop_marks.offset, tuple(pairs)
            )
        sheets.append(
            SheetPlan(
                "recto-verso",
                first_number + offset,
                size,
                tuple(placements),
                marks,
                tuple(f for pair in folds for f in pair),
            )
        )
    return sheets


def _fold_ticks(x: float, slot: Box, bleed: float, profile: Profile) -> tuple[Line, Line]:
    """Short dashed lines on the fold, above and below the pair, outside the art."""
    start = bleed + (profile.crop_marks.offset if profile.crop_marks else mm(2))
    length = profile.crop_marks.length if profile.crop_marks else mm(5)
    return (
        Line(x, slot.top + start, x, slot.top + start + length),
        Line(x, slot.y - start, x, slot.y - start - length),
    )


def impose_cards(
    fronts: list[tuple[str, str]],
    profile: Profile,
    card_w: float,
    card_h: float,
    first_number: int = 1,
) -> list[SheetPlan]:
    """One card face a page, front then back, with TrimBox, BleedBox and optional marks."""
    bleed = profile.card_bleed
    room = 0.0
    if profile.crop_marks is not None:
        room = profile.crop_marks.offset + profile.crop_marks.length + mm(1)
    trim = Box(room + bleed, room + bleed, card_w, card_h)
    size = (card_w + 2 * (bleed + room), card_h + 2 * (bleed + room))
    marks = ()
    if profile.crop_marks is not None:
        single = Grid(Box(0, 0, *size), 1, 1, card_w, card_h, 0, bleed, (trim,))
        marks = crop_marks(single, profile.crop_marks.length, profile.crop_marks.offset)
    pages, number = [], first_number
    for face, back in fronts:
        for side, key in (("recto", face), ("verso", back)):
            pages.append(
                SheetPlan(
                    side, number, size, (Placement(trim, key),), marks, (), trim, trim.expand(bleed)
                )
            )
            number += 1
    return pages
