"""The kit's files, drawn from the layout: each PDF the profile asks for, as an Output."""

from __future__ import annotations

import io
from dataclasses import replace

import pikepdf

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
    merged = pikepdf.new()
    sources = [pikepdf.open(io.BytesIO(part.data)) for part in chosen]
    for index, source in enumerate(sources):
        _retag_subset_fonts(source, chr(ord("B") + index))
        if len(merged.pages) % 2:
            box = source.pages[0].mediabox
            merged.add_blank_page(page_size=(float(box[2] - box[0]), float(box[3] - box[1])))
        merged.pages.extend(source.pages)
    merged.docinfo["/Title"] = title
    merged.docinfo["/Producer"] = f"makekit {__version__}"
    buffer = io.BytesIO()
    # no random file identifier: same inputs, same bytes
    merged.save(
        buffer,
        deterministic_id=True,
        # The parts' streams are copied as they are (compressed by reportlab): qpdf would
        # otherwise decode and compress them again, 25× slower for the same size.
        stream_decode_level=pikepdf.StreamDecodeLevel.none,
        compress_streams=False,
    )
    for source in sources:
        source.close()
    return Output(path, "kit-complet", len(merged.pages), buffer.getvalue())


def _retag_subset_fonts(pdf: pikepdf.Pdf, letter: str) -> None:
    """reportlab tags every font subset "AAAAAA+" (same inputs, same bytes); once several PDFs
    are merged, different subsets would share a name, which some print processors merge.
    Each part gets its own tag."""
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        _retag_resources(page.obj.get("/Resources"), letter, seen)


def _retag_resources(resources, letter: str, seen: set[tuple[int, int]]) -> None:
    if not isinstance(resources, pikepdf.Dictionary):
        return
    for font in (resources.get("/Font") or {}).values():
        _retag_font(font, letter, seen)
    for form in (resources.get("/XObject") or {}).values():
        if form.get("/Subtype") == "/Form" and _first_visit(form, seen):
            _retag_resources(form.get("/Resources"), letter, seen)


def _retag_font(font, letter: str, seen: set[tuple[int, int]]) -> None:
    if not _first_visit(font, seen):
        return
    for item in [font, *(font.get("/DescendantFonts") or [])]:
        descriptor = item.get("/FontDescriptor")
        owners = [(item, "/BaseFont")]
        if descriptor is not None:
            owners.append((descriptor, "/FontName"))
        for owner, key in owners:
            name = str(owner.get(key, ""))
            if len(name) > 8 and name[7] == "+":
                owner[key] = pikepdf.Name(f"/{letter}{name[2:]}")


def _first_visit(obj: pikepdf.Object, seen: set[tuple[int, int]]) -> bool:
    """Shared objects are visited once (retagging twice would change nothing)."""
    if not obj.is_indirect:
        return True
    if obj.objgen in seen:
        return False
    seen.add(obj.objgen)
    return True
