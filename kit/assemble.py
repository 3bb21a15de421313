"""The kit's files, drawn from the layout: each PDF the profile asks for, as an Output."""

from __future__ import annotations

import io

from pypdf import PdfWriter

from . import __version__
from .deck import Deck
from .layout.board import BoardPlan
from .layout.plan import CardsPlan
from .model import Kit
from .render.board import render_board
from .render.calibration import render_calibration
from .render.inks import Inks
from .render.pdfx import as_pdfx
from .render.sheets import render_cards
from .render.tiles import render_board_tiles
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
    profile = kit.profile
    board = render_board(kit, plan, title, inks, profile.board_sheet, profile.board_bleed)
    outputs = [Output(f"{name}-plateau.pdf", "plateau", 1, board)]
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
    data = render_calibration(kit.profile, title, inks)
    return [Output(f"{name}-calibrage-recto-verso.pdf", "calibrage", 2, data)]


def print_shop_ready(outputs: list[Output], kit: Kit, title: str) -> list[Output]:
    """PDF/X identification and OutputIntent, when the profile asks for them."""
    if not kit.profile.pdfx or kit.profile.icc_profile is None:
        return outputs
    return [
        Output(
            o.path,
            o.component,
            o.pages,
            as_pdfx(o.data, kit.profile.icc_profile, f"{title} — {o.component}"),
        )
        for o in outputs
    ]


def combined(parts: list[Output], path: str, title: str) -> Output:
    """Booklet, board, then cards in one PDF, for sharing the whole kit as one file."""
    order = ("livret", "plateau", "cartes")
    chosen = sorted(
        (p for p in parts if p.component in order), key=lambda p: order.index(p.component)
    )
    writer = PdfWriter()
    for part in chosen:
        writer.append(io.BytesIO(part.data))
    writer.add_metadata({"/Title": title, "/Producer": f"makekit {__version__}"})
    writer._ID = None  # no random file identifier: same inputs, same bytes
    buffer = io.BytesIO()
    writer.write(buffer)
    return Output(path, "kit-complet", sum(p.pages for p in chosen), buffer.getvalue())
