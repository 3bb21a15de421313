"""The ``numerique`` profile's files, as Outputs written beside the PDFs."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from ..deck import Deck
from ..layout.plan import CardsPlan
from ..model import Kit
from ..render.slides import render_slides
from ..write import Output
from .cards import (
    card_image,
    card_pages,
    page_image,
    png_bytes,
    render_card_pages,
    with_round_corners,
)
from .names import back_image_path, board_image_path, face_image_path
from .tabletop import plan_decks, tabletop_files


def digital_outputs(
    kit: Kit,
    deck: Deck,
    plan: CardsPlan,
    outputs: list[Output],
    title: str,
    name: str,
    kit_dir: Path,
) -> list[Output]:
    """Card and board images at each resolution, Tabletop Simulator decks, slides."""
    digital = kit.profile.digital
    if digital is None:
        return []
    screen_dpi = min(digital.image_dpis)
    opaque: dict[str, Image.Image] = {}  # at screen_dpi, for the TTS sheets
    files: list[tuple[str, bytes]] = []
    pages = card_pages(kit, deck, plan)
    pdf = pdfium.PdfDocument(render_card_pages(kit, deck, plan, pages, title))
    faces = {face.key: face for face in deck.fronts}
    for index, card in enumerate(pages):
        for dpi in digital.image_dpis:
            image = card_image(pdf[index], card, dpi)
            if dpi == screen_dpi:
                opaque[card.key] = image
            path = (
                face_image_path(faces[card.key], dpi)
                if card.key in faces
                else back_image_path(card.key.removeprefix("dos-"), dpi)
            )
            files.append((path, png_bytes(with_round_corners(image, card.corner_radius, dpi))))
    board = next(o.data for o in outputs if o.component == "plateau")
    for dpi in digital.image_dpis:
        files.append((board_image_path(dpi), png_bytes(page_image(board, dpi))))
    result = [Output(path, "image", 1, data) for path, data in files]
    if digital.tabletop:
        backs = {key: opaque["dos-" + key] for key in deck.backs}
        fronts = {key: opaque[key] for key in faces}
        tts = tabletop_files(plan_decks(deck), deck, fronts, backs, kit_dir, name)
        result += [Output(path, "tabletop", 1, data) for path, data in tts]
    if digital.slides:
        data, count = render_slides(kit, deck, plan, title)
        result.append(Output(f"{name}-diapositives.pdf", "diapositives", count, data))
    return result
