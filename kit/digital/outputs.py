"""The ``numerique`` profile's files, as Outputs written beside the PDFs."""

from __future__ import annotations

from collections.abc import Iterator
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
    encoded,
    page_image,
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
    screen: dict[str, Image.Image] = {}  # opaque, at the lowest resolution: for the TTS sheets
    board = next(o.data for o in outputs if o.component == "plateau")
    images = _images(kit, deck, plan, title, board, digital.image_dpis, screen)
    result = [Output(path, "image", 1, data) for path, data in encoded(images)]
    if digital.tabletop:
        backs = {key: screen["dos-" + key] for key in deck.backs}
        fronts = {face.key: screen[face.key] for face in deck.fronts}
        tts = tabletop_files(plan_decks(deck), deck, fronts, backs, kit_dir, name)
        result += [Output(path, "tabletop", 1, data) for path, data in tts]
    if digital.slides:
        data, count = render_slides(kit, deck, plan, title)
        result.append(Output(f"{name}-diapositives.pdf", "diapositives", count, data))
    return result


def _images(
    kit: Kit,
    deck: Deck,
    plan: CardsPlan,
    title: str,
    board: bytes,
    dpis: tuple[int, ...],
    screen: dict[str, Image.Image],
) -> Iterator[tuple[str, Image.Image]]:
    """(path, image) of every card face and back, then of the board, at each resolution."""
    pages = card_pages(kit, deck, plan)
    pdf = pdfium.PdfDocument(render_card_pages(kit, deck, plan, pages, title))
    faces = {face.key: face for face in deck.fronts}
    for index, card in enumerate(pages):
        for dpi in dpis:
            image = card_image(pdf[index], card, dpi)
            if dpi == min(dpis):
                screen[card.key] = image
            path = (
                face_image_path(faces[card.key], dpi)
                if card.key in faces
                else back_image_path(card.key.removeprefix("dos-"), dpi)
            )
            yield path, with_round_corners(image, card.corner_radius, dpi)
    for dpi in dpis:
        yield board_image_path(dpi), page_image(board, dpi)
