"""The synthesis sheet's geometry, in points: a column of sections whose writing rows share
one line pitch, as generous as the page allows and never under 7 mm (handwriting)."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import MakekitError
from ..units import mm
from .geometry import Box

MARGIN = mm(8)
PITCH_MIN, PITCH_MAX = mm(7), mm(9)
HEADER = mm(16)
TITLE = mm(6.5)  # a section's title band
HEAD_ROW = mm(5)  # the column heads of a table
VALUE_HEAD = mm(9)  # the value grid's column heads carry a hint under the name
BALISE_ROW = mm(9.5)
BOX, BOX_GAP = mm(7.5), mm(1.5)
ROUNDS = 3  # workshop rounds (the 2 h 30 workshop; the short one uses two)
ACTIONS = 6  # the two main actions of each round
VALUE_LINES = 2  # writing lines in each cell of the value grid
ACTION_COLUMNS = (0.07, 0.44, 0.19, 0.19, 0.11)  # round, what, who, with whom, when
VALUE_COLUMNS = (0.22, 0.39, 0.39)  # dimension, monetary, symbolic
COMMITMENT_COLUMNS = (0.18, 0.52, 0.16, 0.14)  # role, commitment, first name, by when


@dataclass(frozen=True)
class Grid:
    """Writing rows: column edges left to right, row edges top to bottom."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]

    def cell(self, row: int, column: int) -> Box:
        top, bottom = self.ys[row], self.ys[row + 1]
        return Box(self.xs[column], bottom, self.xs[column + 1] - self.xs[column], top - bottom)

    @property
    def rows(self) -> int:
        return len(self.ys) - 1


@dataclass(frozen=True)
class BaliseRow:
    sign: Box
    title: Box
    boxes: tuple[Box, ...]
    notes: Box


@dataclass(frozen=True)
class SynthesisPlan:
    page: Box
    header: Box
    participants: Box
    titles: tuple[Box, ...]  # scenarios, balises, actions, value, commitments
    scenarios: Grid  # round, number, title
    balises: tuple[BaliseRow, ...]
    actions: Grid  # first row: column heads
    value: Grid  # first row: column heads
    commitments: Grid  # first row: column heads
    pitch: float


def plan_synthesis(
    pagesize: tuple[float, float], balises: tuple[int, ...], roles: int
) -> SynthesisPlan:
    """``balises``: how many balises each axis has; ``roles``: rows of commitments."""
    width, height = pagesize
    fixed = 2 * MARGIN + HEADER + 5 * TITLE + len(balises) * BALISE_ROW
    fixed += 2 * HEAD_ROW + VALUE_HEAD
    lines = 1 + ROUNDS + ACTIONS + 3 * VALUE_LINES + roles
    pitch = min(PITCH_MAX, (height - fixed) / lines)
    if pitch < PITCH_MIN - 1e-6:
        raise MakekitError(
            f"fiche de synthèse : la page de {width / mm(1):.0f} × {height / mm(1):.0f} mm est "
            "trop petite pour des lignes d’écriture de 7 mm"
        )
    left, right = MARGIN, width - MARGIN
    cursor = _Cursor(height - MARGIN, left, right)
    header = cursor.take(HEADER)
    participants = cursor.take(pitch)
    titles, grids = [], []
    titles.append(cursor.take(TITLE))
    scenarios = cursor.grid((mm(16), mm(16)), [pitch] * ROUNDS)
    titles.append(cursor.take(TITLE))
    rows = tuple(_balise_row(cursor.take(BALISE_ROW), max(balises)) for _ in balises)
    for heads, count, fractions in (
        (HEAD_ROW, ACTIONS, ACTION_COLUMNS),
        (VALUE_HEAD, 3, VALUE_COLUMNS),
        (HEAD_ROW, roles, COMMITMENT_COLUMNS),
    ):
        titles.append(cursor.take(TITLE))
        step = pitch * (VALUE_LINES if fractions is VALUE_COLUMNS else 1)
        grids.append(cursor.grid(_widths(fractions, right - left), [heads] + [step] * count))
    page = Box(0, 0, width, height)
    return SynthesisPlan(page, header, participants, tuple(titles), scenarios, rows, *grids, pitch)


def _widths(fractions: tuple[float, ...], total: float) -> tuple[float, ...]:
    return tuple(f * total for f in fractions[:-1])


def _balise_row(band: Box, most: int) -> BaliseRow:
    sign = Box(band.x, band.y + (band.h - mm(8.5)) / 2, mm(8.5), mm(8.5))
    title = Box(sign.right + mm(2.5), band.y, mm(44), band.h)
    y = band.y + (band.h - BOX) / 2
    boxes = tuple(Box(title.right + i * (BOX + BOX_GAP), y, BOX, BOX) for i in range(most))
    notes_x = boxes[-1].right + mm(5)
    return BaliseRow(sign, title, boxes, Box(notes_x, band.y, band.right - notes_x, band.h))


class _Cursor:
    """Hands out bands from the top of the page down."""

    def __init__(self, top: float, left: float, right: float) -> None:
        self.top, self.left, self.right = top, left, right

    def take(self, height: float) -> Box:
        self.top -= height
        return Box(self.left, self.top, self.right - self.left, height)

    def grid(self, widths: tuple[float, ...], heights: list[float]) -> Grid:
        xs = [self.left]
        for w in widths:
            xs.append(xs[-1] + w)
        xs.append(self.right)
        ys = [self.top]
        for h in heights:
            ys.append(ys[-1] - h)
        self.top = ys[-1]
        return Grid(tuple(xs), tuple(ys))
