"""The combined PDF: booklet, board and cards merged into one file by pikepdf."""

from __future__ import annotations

import io

import pikepdf

from . import __version__
from .write import Output


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
