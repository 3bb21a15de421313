"""The kit's files, drawn from the layout: each PDF the profile asks for, as an Output."""

from __future__ import annotations

import io
from dataclasses import replace

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from . import __version__
from .deck import Deck
from .layout.board import BoardPlan
from .layout.plan import CardsPlan
from .model import Kit
from .render.board import render_board
from .render.calibration import render_calibration
from .render.guide import render_guide
from .render.inks import Inks
from .render.pdfx import as_pdfx
from .render.sheets import render_cards
from .render.synthesis import render_synthesis
from .render.tiles import render_board_tiles
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
    data = render_calibration(kit.profile, title, inks)
    return [Output(f"{name}-calibrage-recto-verso.pdf", "calibrage", 2, data)]


def facilitator_outputs(
    kit: Kit, guide: dict, title: str, inks: Inks, name: str, tables: int
) -> list[Output]:
    """The facilitator's guide and one synthesis sheet per table, on the booklet's paper
    (the facilitator needs them whatever the cards are printed on)."""
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
    return [
        replace(o, data=as_pdfx(o.data, kit.profile.icc_profile, f"{title} — {o.component}"))
        for o in outputs
    ]


def combined(parts: list[Output], path: str, title: str) -> Output:
    """Booklet, board, then cards in one PDF, for sharing the whole kit as one file.

    Each part starts on an odd page (a blank page is added before it if needed), so that
    card fronts and backs stay on the two sides of one sheet when it is printed duplex.
    """
    order = ("livret", "plateau", "cartes")
    chosen = sorted(
        (p for p in parts if p.component in order), key=lambda p: order.index(p.component)
    )
    writer = PdfWriter()
    for index, part in enumerate(chosen):
        reader = PdfReader(io.BytesIO(part.data))
        _retag_subset_fonts(reader, chr(ord("B") + index))
        if len(writer.pages) % 2:
            box = reader.pages[0].mediabox
            writer.add_blank_page(float(box.width), float(box.height))
        writer.append(reader)
    writer.add_metadata({"/Title": title, "/Producer": f"makekit {__version__}"})
    writer._ID = None  # no random file identifier: same inputs, same bytes
    buffer = io.BytesIO()
    writer.write(buffer)
    return Output(path, "kit-complet", len(writer.pages), buffer.getvalue())


def _retag_subset_fonts(reader: PdfReader, letter: str) -> None:
    """reportlab tags every font subset "AAAAAA+" (same inputs, same bytes); once several PDFs
    are merged, different subsets would share a name, which some print processors merge.
    Each part gets its own tag."""
    seen: set[int] = set()
    for page in reader.pages:
        _retag_resources(page.get("/Resources"), letter, seen)


def _retag_resources(resources, letter: str, seen: set[int]) -> None:
    if resources is None:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        _retag_font(font.get_object(), letter, seen)
    for xobject in (resources.get("/XObject") or {}).values():
        form = xobject.get_object()
        if id(form) not in seen and form.get("/Subtype") == "/Form":
            seen.add(id(form))
            _retag_resources(form.get("/Resources"), letter, seen)


def _retag_font(font, letter: str, seen: set[int]) -> None:
    if id(font) in seen:
        return
    seen.add(id(font))
    items = [font, *(d.get_object() for d in font.get("/DescendantFonts") or [])]
    for item in items:
        descriptor = item.get("/FontDescriptor")
        owners = [(item, "/BaseFont")]
        if descriptor is not None:
            owners.append((descriptor.get_object(), "/FontName"))
        for owner, key in owners:
            name = str(owner.get(key, ""))
            if len(name) > 8 and name[7] == "+":
                owner[NameObject(key)] = NameObject(f"/{letter}{name[2:]}")
