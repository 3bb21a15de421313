"""A contact sheet PNG of every card (front beside back) and of the board, for a quick look."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from .deck import Deck
from .layout.plan import CardsPlan

CARD_SCALE = 1.6  # pixels per point: ~113 dpi, enough to read a card on screen
PAIRS_PER_ROW = 6
GAP = 16
BACKGROUND = "#E5E7EB"


def contact_sheet(card_pdfs: list[bytes], plan: CardsPlan, deck: Deck, board_pdf: bytes) -> bytes:
    faces = _card_images(card_pdfs, plan)
    pairs = [(faces[face.key], faces["dos-" + face.back]) for face in deck.fronts]
    card_w, card_h = max(f.width for f, _ in pairs), max(f.height for f, _ in pairs)
    pair_w = 2 * card_w + GAP // 2
    rows = (len(pairs) + PAIRS_PER_ROW - 1) // PAIRS_PER_ROW
    width = PAIRS_PER_ROW * (pair_w + GAP) + GAP
    board = _board(board_pdf, width - 2 * GAP)
    height = rows * (card_h + GAP) + GAP + board.height + GAP
    sheet = Image.new("RGB", (width, height), BACKGROUND)
    for index, (front, back) in enumerate(pairs):
        x = GAP + (index % PAIRS_PER_ROW) * (pair_w + GAP)
        y = GAP + (index // PAIRS_PER_ROW) * (card_h + GAP)
        sheet.paste(front, (x, y))
        sheet.paste(back, (x + card_w + GAP // 2, y))
    top = rows * (card_h + GAP) + GAP
    sheet.paste(board, (GAP, top))
    ImageDraw.Draw(sheet).rectangle(
        (GAP - 1, top - 1, GAP + board.width, top + board.height), outline="#9CA3AF"
    )
    buffer = io.BytesIO()
    sheet.save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()


def _card_images(card_pdfs: list[bytes], plan: CardsPlan) -> dict[str, Image.Image]:
    """Each face and back, cropped to its trim from the first page that shows it."""
    images: dict[str, Image.Image] = {}
    for data, document in zip(card_pdfs, plan.documents, strict=True):
        pdf = pdfium.PdfDocument(data)
        for index, sheet in enumerate(document.sheets):
            wanted = [p for p in sheet.placements if p.key not in images]
            if not wanted:
                continue
            page = pdf[index].render(scale=CARD_SCALE).to_pil()
            for placement in wanted:
                images[placement.key] = _crop(page, placement.box, sheet.size[1])
    return images


def _crop(page: Image.Image, box, sheet_h: float) -> Image.Image:
    s = CARD_SCALE
    return page.crop(
        (
            round(box.x * s),
            round((sheet_h - box.top) * s),
            round(box.right * s),
            round((sheet_h - box.y) * s),
        )
    )


def _board(board_pdf: bytes, width: int) -> Image.Image:
    page = pdfium.PdfDocument(board_pdf)[0]
    return page.render(scale=width / page.get_width()).to_pil()
