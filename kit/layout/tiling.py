"""The large board cut into office sheets: which part of the board goes on which sheet.

Pure geometry, in points. The board is split into ``rows`` × ``cols`` regions of equal size;
neighbouring regions share a strip ``overlap`` wide, printed on both sheets. On the later sheet
(the one to the right, or below) that strip is the glue zone: it slides under the earlier sheet,
whose edge is trimmed along the far side of the strip.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import MakekitError
from ..units import mm
from .geometry import Box

DEFAULT_MARGIN = mm(10)  # office printers leave 4–6 mm blank at each edge
DEFAULT_OVERLAP = mm(10)


@dataclass(frozen=True)
class Tile:
    number: int  # 1-based, row by row from the top-left of the board
    row: int  # 0 is the top row
    col: int  # 0 is the left column
    region: Box  # the part of the board (board coordinates, points) printed on this sheet
    origin: tuple[float, float]  # where the region's bottom-left lands on the sheet
    glue_left: bool  # the left strip of the region goes under the sheet to its left
    glue_top: bool  # the top strip of the region goes under the sheet above
    glue_onto: tuple[int, ...]  # the sheets it is glued onto (above, left), increasing

    @property
    def placed(self) -> Box:
        """The region as printed, in sheet coordinates."""
        return Box(*self.origin, self.region.w, self.region.h)

    @property
    def shift(self) -> tuple[float, float]:
        """Board coordinates + shift = sheet coordinates."""
        return (self.origin[0] - self.region.x, self.origin[1] - self.region.y)


@dataclass(frozen=True)
class TilePlan:
    board: Box
    sheet: tuple[float, float]  # (width, height) in the orientation chosen
    margin: float
    overlap: float
    rows: int
    cols: int
    tiles: tuple[Tile, ...]

    @property
    def printable(self) -> Box:
        """The part of a sheet the printer can reach."""
        return Box(0, 0, *self.sheet).inset(self.margin)

    def tile(self, row: int, col: int) -> Tile:
        return self.tiles[row * self.cols + col]


class TilingProblem(MakekitError, ValueError):
    """A tiled board that cannot be laid out with the profile's margin and overlap."""


def plan_tiles(
    board_w: float,
    board_h: float,
    sheet_w: float,
    sheet_h: float,
    margin: float = DEFAULT_MARGIN,
    overlap: float = DEFAULT_OVERLAP,
) -> TilePlan:
    """The fewest sheets, portrait or landscape, that cover the board with even regions."""
    if board_w <= 0 or board_h <= 0 or margin < 0 or overlap < 0:
        raise TilingProblem(
            "plateau en tuiles : dimensions, marge et recouvrement doivent être positifs"
        )
    options = [(sheet_w, sheet_h), (sheet_h, sheet_w)]
    counts = [_grid(board_w, board_h, sheet, margin, overlap) for sheet in options]
    if all(count is None for count in counts):
        raise TilingProblem(
            "plateau en tuiles : la marge et le recouvrement ne laissent aucune place sur la feuille ; "
            "réduisez « marge » ou « recouvrement » sous « plateau: tuiles: » dans le profil"
        )
    # Fewest sheets, then fewest seams; on a tie the sheet keeps the orientation it was given.
    best = min(
        (i for i, count in enumerate(counts) if count is not None),
        key=lambda i: (counts[i][0] * counts[i][1], counts[i][0] + counts[i][1], i),
    )
    rows, cols = counts[best]
    sheet = options[best]
    board = Box(0, 0, board_w, board_h)
    tiles = tuple(
        _tile(board, sheet, rows, cols, overlap, row, col)
        for row in range(rows)
        for col in range(cols)
    )
    return TilePlan(board, sheet, margin, overlap, rows, cols, tiles)


def _count(length: float, printable: float, overlap: float) -> int | None:
    """How many regions at most ``printable`` long, overlapping by ``overlap``, cover ``length``."""
    if length <= printable:
        return 1
    if printable <= overlap:
        return None
    return math.ceil((length - overlap) / (printable - overlap) - 1e-9)


def _grid(
    board_w: float, board_h: float, sheet: tuple[float, float], margin: float, overlap: float
) -> tuple[int, int] | None:
    cols = _count(board_w, sheet[0] - 2 * margin, overlap)
    rows = _count(board_h, sheet[1] - 2 * margin, overlap)
    if cols is None or rows is None or sheet[0] <= 2 * margin or sheet[1] <= 2 * margin:
        return None
    return rows, cols


def _span(length: float, count: int, overlap: float, index: int) -> tuple[float, float]:
    """Start and size of the ``index``-th of ``count`` equal spans covering ``length``."""
    size = (length + (count - 1) * overlap) / count
    start = index * (size - overlap)
    if index == count - 1:  # no rounding gap at the far edge
        start = length - size
    return start, size


def _tile(
    board: Box, sheet: tuple[float, float], rows: int, cols: int, overlap: float, row: int, col: int
) -> Tile:
    x, w = _span(board.w, cols, overlap, col)
    from_top, h = _span(board.h, rows, overlap, row)
    region = Box(board.x + x, board.top - from_top - h, w, h)
    origin = ((sheet[0] - w) / 2, (sheet[1] - h) / 2)
    number = row * cols + col + 1
    glue_left, glue_top = col > 0, row > 0
    onto = (number - cols,) * glue_top + (number - 1,) * glue_left
    return Tile(number, row, col, region, origin, glue_left, glue_top, onto)
