"""Reading built PDFs back: text, fonts, form placements."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream

SPACES = re.compile(r"[\s\u00a0\u202f]+")


def normalised(text: str) -> str:
    return SPACES.sub(" ", text.replace("\u2019", "'")).strip()


def pdf_text(path: Path) -> str:
    """All text of a PDF, forms included, with line breaks and special spaces as plain spaces."""
    reader = PdfReader(path)
    return normalised(" ".join(page.extract_text() for page in reader.pages))


def fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded?) for every font of every page and form."""
    found: dict[str, bool] = {}
    reader = PdfReader(path)
    for page in reader.pages:
        _walk_resources(page.get("/Resources"), found, set())
    return sorted(found.items())


def _walk_resources(resources, found: dict[str, bool], seen: set[int]) -> None:
    if resources is None:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        descriptor = _descriptor(font)
        embedded = descriptor is not None and any(
            key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
        )
        found[str(font.get("/BaseFont"))] = embedded
    for xobject in (resources.get("/XObject") or {}).values():
        if id(xobject.get_object()) in seen:
            continue
        seen.add(id(xobject.get_object()))
        _walk_resources(xobject.get_object().get("/Resources"), found, seen)


def _descriptor(font):
    if "/FontDescriptor" in font:
        return font["/FontDescriptor"].get_object()
    for child in font.get("/DescendantFonts") or []:
        child = child.get_object()
        if "/FontDescriptor" in child:
            return child["/FontDescriptor"].get_object()
    return None


def form_placements(path: Path, page_index: int) -> list[tuple[str, float, float]]:
    """(form name, x, y) for every form drawn on a page, from the `cm` translation before it."""
    reader = PdfReader(path)
    page = reader.pages[page_index]
    content = ContentStream(page.get_contents(), reader)
    stack: list[tuple[float, float]] = [(0.0, 0.0)]
    placements = []
    for operands, operator in content.operations:
        if operator == b"q":
            stack.append(stack[-1])
        elif operator == b"Q":
            stack.pop()
        elif operator == b"cm":
            a, b, c, d, e, f = (float(v) for v in operands)
            x, y = stack[-1]
            stack[-1] = (x + e, y + f)
        elif operator == b"Do":
            placements.append((str(operands[0]), *stack[-1]))
    return placements


def lines_drawn(path: Path, page_index: int) -> list[tuple[float, float, float, float]]:
    """Every straight line segment (m … l S) drawn directly on a page."""
    reader = PdfReader(path)
    content = ContentStream(reader.pages[page_index].get_contents(), reader)
    segments, start = [], None
    for operands, operator in content.operations:
        if operator == b"m":
            start = tuple(float(v) for v in operands)
        elif operator == b"l" and start is not None:
            end = tuple(float(v) for v in operands)
            segments.append((*start, *end))
            start = None
    return segments
