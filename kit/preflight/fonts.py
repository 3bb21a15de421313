"""Check 2: every font referenced by a page or by a form it uses is embedded."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pikepdf

from .document import Document
from .findings import Finding, where
from .scan import MAX_DEPTH, card_name

FONTS = "polices incorporées"
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")
_SUBSET = re.compile(r"^[A-Z]{6}\+")


def check_fonts(doc: Document) -> list[Finding]:
    findings: list[Finding] = []
    embedded: set[str] = set()
    for page_number, page in enumerate(doc.pdf.pages, 1):
        seen: set[tuple[int, int] | int] = set()
        for card, font in _fonts(page.resources, None, ()):
            key = font.objgen if font.is_indirect else id(font)
            if key in seen:
                continue
            seen.add(key)
            name = font_name(font)
            if is_embedded(font):
                embedded.add(_SUBSET.sub("", name))
            else:
                message = f"{where(page_number, card)} : police {name} non incorporée"
                findings.append(doc.error(FONTS, message, page_number))
    if findings:
        return findings
    listed = ", ".join(sorted(embedded))
    return [doc.ok(FONTS, f"toutes incorporées : {listed}" if listed else "aucune police")]


def _fonts(
    resources: pikepdf.Object | None, card: str | None, trail: tuple[tuple[int, int], ...]
) -> Iterator[tuple[str | None, pikepdf.Object]]:
    """(card, font) for the fonts of some resources and of the forms they hold."""
    if not isinstance(resources, pikepdf.Dictionary):
        return
    fonts = resources.get("/Font")
    if isinstance(fonts, pikepdf.Dictionary):
        for font in fonts.values():
            if isinstance(font, pikepdf.Dictionary):
                yield card, font
    xobjects = resources.get("/XObject")
    if not isinstance(xobjects, pikepdf.Dictionary) or len(trail) >= MAX_DEPTH:
        return
    for name, xobject in xobjects.items():
        if xobject.get("/Subtype") != "/Form" or xobject.objgen in trail:
            continue
        inner = card or card_name(name)
        yield from _fonts(xobject.get("/Resources"), inner, (*trail, xobject.objgen))


def font_name(font: pikepdf.Object) -> str:
    return str(font.get("/BaseFont", "/sans-nom")).lstrip("/")


def is_embedded(font: pikepdf.Object) -> bool:
    """Type3 fonts are drawn by the PDF itself; Type0 fonts embed through their descendant."""
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return True
    target = font
    if subtype == "/Type0":
        descendants = font.get("/DescendantFonts")
        if not isinstance(descendants, pikepdf.Array) or len(descendants) == 0:
            return False
        target = descendants[0]
    descriptor = target.get("/FontDescriptor")
    return isinstance(descriptor, pikepdf.Dictionary) and any(k in descriptor for k in _FONT_FILES)
