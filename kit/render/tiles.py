"""The large board printed on office sheets: an assembly map, then one page per sheet.

The board is drawn once as a form, in its design coordinates, and each page places it scaled
and clipped to the sheet's region (see ``tile_map`` and ``tile_sheet``).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ..layout.board import BoardPlan
from ..layout.tiling import plan_tiles
from ..model import Kit
from .board import draw_board
from .pdf import new_canvas
from .tile_drawing import FORM
from .tile_map import draw_assembly_map
from .tile_sheet import draw_tile_sheet

if TYPE_CHECKING:
    from .inks import Inks


def render_board_tiles(
    kit: Kit,
    plan: BoardPlan,
    game_title: str,
    board_size: tuple[float, float],
    sheet_size: tuple[float, float],
    margin: float,
    overlap: float,
    inks: Inks | None = None,
) -> tuple[bytes, int]:
    """The board at ``board_size`` (points; its width sets the scale) tiled on ``sheet_size``."""
    scale = board_size[0] / plan.page.w
    tiling = plan_tiles(board_size[0], plan.page.h * scale, *sheet_size, margin, overlap)
    buffer = io.BytesIO()
    title = f"{game_title} — plateau en {len(tiling.tiles)} feuilles"
    extra = {} if inks is None else {"inks": inks}
    canvas = new_canvas(buffer, tiling.sheet, title, kit.territory["nom"], **extra)
    canvas.beginForm(FORM, *plan.page.as_pdf_box())
    draw_board(canvas, kit, plan, game_title)
    canvas.endForm()
    draw_assembly_map(canvas, tiling, plan, scale)
    canvas.showPage()
    for tile in tiling.tiles:
        draw_tile_sheet(canvas, tiling, tile, plan, scale)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue(), 1 + len(tiling.tiles)
