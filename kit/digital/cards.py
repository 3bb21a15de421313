"""Card and board images: each card face and back rasterised at its exact trim size.

The cards are drawn once as forms into a PDF with one trim-sized page per face and back
(the bleed falls outside the page), then each page is rasterised by pdfium straight into a
bitmap of the exact pixel size.
"""

from __future__ import annotations

import functools
import io
import os
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageDraw

from ..deck import Deck
from ..layout.plan import CardsPlan
from ..model import Kit
from ..render.cards import draw_back_form, draw_face_form, form_name
from ..render.pdf import new_canvas

POINTS_PER_INCH = 72
CORNER_SUPERSAMPLING = 4  # the corner mask is drawn this much larger, then reduced: smooth edge


@dataclass(frozen=True)
class CardPage:
    key: str  # the form's key: a face key, or "dos-" + back key
    size: tuple[float, float]  # trim size, points
    corner_radius: float  # points; 0 for square corners


def pixels(length: float, dpi: int) -> int:
    """A length in points as a whole number of pixels: the nearest one, halves rounded up
    (70 mm at 300 dpi is 826.77 px: 827)."""
    return int(length / POINTS_PER_INCH * dpi + 0.5)


def card_pages(kit: Kit, deck: Deck, plan: CardsPlan) -> list[CardPage]:
    """Every face in deck order, then every back."""
    pages = []
    for face in deck.fronts:
        family = kit.families[face.family]
        pages.append(CardPage(face.key, (family.width, family.height), family.corner_radius))
    for key in deck.backs:
        family = kit.families[plan.back_family[key]]
        pages.append(CardPage("dos-" + key, (family.width, family.height), family.corner_radius))
    return pages


def render_card_pages(
    kit: Kit, deck: Deck, plan: CardsPlan, pages: list[CardPage], game_title: str
) -> bytes:
    """One page per card, the page being the card's trim: its forms placed at the origin."""
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, pages[0].size, f"{game_title} — images", kit.territory["nom"])
    for face in deck.fronts:
        draw_face_form(canvas, face, plan.boxes[face.family], plan.fitted[face.key])
    for key, back in deck.backs.items():
        draw_back_form(canvas, back, plan.boxes[plan.back_family[key]], game_title)
    for page in pages:
        canvas.setPageSize(page.size)
        canvas.doForm(form_name(page.key))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def rasterise(page: pdfium.PdfPage, width: int, height: int) -> Image.Image:
    """The whole page drawn into exactly width × height pixels, on white."""
    bitmap = pdfium.PdfBitmap.new_native(width, height, pdfium_c.FPDFBitmap_BGR, rev_byteorder=True)
    bitmap.fill_rect((255, 255, 255, 255), 0, 0, width, height)
    flags = pdfium_c.FPDF_ANNOT | pdfium_c.FPDF_REVERSE_BYTE_ORDER  # RGB, as the bitmap says
    pdfium_c.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, flags)
    return bitmap.to_pil().convert("RGB")


def card_image(page: pdfium.PdfPage, card: CardPage, dpi: int) -> Image.Image:
    """The card at ``dpi``, opaque (corners included)."""
    return rasterise(page, pixels(card.size[0], dpi), pixels(card.size[1], dpi))


def with_round_corners(image: Image.Image, radius: float, dpi: int) -> Image.Image:
    """Transparent outside the rounded corners, as the card is once cut: on a whiteboard or
    a virtual table the image looks like the card, not like a white-cornered rectangle."""
    if radius <= 0:
        return image
    rounded = image.convert("RGBA")
    rounded.putalpha(_corner_mask(image.size, pixels(radius, dpi)))
    return rounded


@functools.cache
def _corner_mask(size: tuple[int, int], radius: int) -> Image.Image:
    big = CORNER_SUPERSAMPLING
    mask = Image.new("L", (size[0] * big, size[1] * big), 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        (0, 0, size[0] * big - 1, size[1] * big - 1), radius * big, fill=255
    )
    return mask.resize(size, Image.Resampling.BOX)


def png_bytes(image: Image.Image) -> bytes:
    """PNG without any date or text chunk: the same card gives the same bytes.

    zlib level 6 (Pillow's default): ``optimize`` made files 2 % smaller for 4 times the time."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()


def encoded(images: Iterable[tuple[str, Image.Image]]) -> list[tuple[str, bytes]]:
    """(path, PNG bytes) of each (path, image), in order. zlib releases the GIL, so images are
    compressed in threads while the next ones are rasterised (pdfium itself is not
    thread-safe: it stays on this thread); a few images wait at most, to bound memory."""
    workers = min(4, os.cpu_count() or 1)
    done: list[tuple[str, bytes]] = []
    with ThreadPoolExecutor(workers) as pool:
        pending: deque[tuple[str, Future[bytes]]] = deque()
        for path, image in images:
            pending.append((path, pool.submit(png_bytes, image)))
            if len(pending) > 2 * workers:
                first, future = pending.popleft()
                done.append((first, future.result()))
        done += [(path, future.result()) for path, future in pending]
    return done


def page_image(pdf_data: bytes, dpi: int) -> Image.Image:
    """The first page of a PDF (the board) at ``dpi``."""
    page = pdfium.PdfDocument(pdf_data)[0]
    width, height = page.get_size()
    return rasterise(page, pixels(width, dpi), pixels(height, dpi))
