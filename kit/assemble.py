"""The kit's files, drawn from the layout: each PDF the profile asks for, as an Output.

The board, calibration, guide and synthesis renderers are imported where they are called:
those files are drawn by the board's fork (kit.draw_ahead), and the main process, busy with
the cards meanwhile, need not load them.
"""

from __future__ import annotations

from dataclasses import replace

from .deck import Deck
from .layout.board import BoardPlan
from .layout.plan import CardsPlan
from .model import Kit
from .render.inks import Inks
from .render.sheets import render_cards
from .units import to_mm
from .write import Output


def card_outputs(
    kit: Kit, deck: Deck, plan: CardsPlan, title: str, inks: Inks, name: str
) -> list[Output]:
    return [
        Output(
            f"{name}-cartes{document.suffix}.pdf",
            "cartes",
            len(document.sheets),
            render_cards(kit, deck, plan, document, title, inks),
        )
        for document in plan.documents
    ]


def board_outputs(kit: Kit, plan: BoardPlan, title: str, inks: Inks, name: str) -> list[Output]:
    from .render.board import render_board
    from .render.tiles import render_board_tiles

    profile = kit.profile
    board = render_board(kit, plan, title, inks, profile.board_sheet, profile.board_bleed)
    bleed = to_mm(profile.board_bleed) if profile.page_boxes else None
    outputs = [Output(f"{name}-plateau.pdf", "plateau", 1, board, bleed)]
    if profile.tiles is not None:
        tiles = profile.tiles
        data, pages = render_board_tiles(
            kit, plan, title, tiles.board, tiles.sheet, tiles.margin, tiles.overlap
        )
        path = f"{name}-plateau-{tiles.board_name}-en-{tiles.sheet_name}.pdf"
        outputs.append(Output(path, "plateau-assemblage", pages, data))
    return outputs


def calibration_outputs(kit: Kit, title: str, inks: Inks, name: str) -> list[Output]:
    """Only duplex sheets need calibrating."""
    if kit.profile.imposition != "grille":
        return []
    from .render.calibration import render_calibration

    data = render_calibration(kit.profile, title, inks)
    return [Output(f"{name}-calibrage-recto-verso.pdf", "calibrage", 2, data)]


def facilitator_outputs(
    kit: Kit, guide: dict, title: str, inks: Inks, name: str, tables: int
) -> list[Output]:
    """The facilitator's guide and one synthesis sheet per table, on the booklet's paper
    (the facilitator needs them whatever the cards are printed on)."""
    from .render.guide import render_guide
    from .render.synthesis import render_synthesis

    sheet = kit.profile.booklet_sheet
    bleed = 0.0 if kit.profile.page_boxes else None
    data, pages = render_guide(kit, guide, title, sheet, inks)
    sheets, count = render_synthesis(kit, title, sheet, tables, inks)
    return [
        Output(f"{name}-guide-animation.pdf", "guide", pages, data, bleed),
        Output(f"{name}-fiche-synthese.pdf", "fiche-synthese", count, sheets, bleed),
    ]


def print_shop_ready(outputs: list[Output], kit: Kit, title: str) -> list[Output]:
    """PDF/X identification and OutputIntent, when the profile asks for them."""
    if not kit.profile.pdfx or kit.profile.icc_profile is None:
        return outputs
    from .render.pdfx import as_pdfx  # pikepdf: a main process without PDF/X never loads it

    return [
        replace(o, data=as_pdfx(o.data, kit.profile.icc_profile, f"{title} — {o.component}"))
        for o in outputs
    ]
