"""Checks on page geometry and document structure: sizes, boxes, OutputIntent."""

from __future__ import annotations

from collections import defaultdict

import pikepdf

from .document import Document
from .findings import PT_PER_MM, TOLERANCE_MM, Finding, number, page_ranges, to_mm, where
from .geometry import Box, rectangle

FORMAT = "format des pages"
BOXES = "boîtes de coupe"
OUTPUT_INTENT = "OutputIntent PDF/X"
_SIDES = ("à gauche", "en bas", "à droite", "en haut")


def _size(box: Box) -> str:
    return f"{number(to_mm(box[2] - box[0]), 1)} × {number(to_mm(box[3] - box[1]), 1)} mm"


def check_format(doc: Document) -> list[Finding]:
    """One "ok" line giving the size of every page in mm (and of its TrimBox, if any)."""
    by_size: dict[str, list[int]] = defaultdict(list)
    for number_, page in enumerate(doc.pdf.pages, 1):
        size = _size(rectangle(page.mediabox))
        trim = page.obj.get("/TrimBox")
        if trim is not None:
            size += f" (coupe {_size(rectangle(trim))})"
        by_size[size].append(number_)
    if not by_size:
        return [doc.error(FORMAT, "aucune page")]
    parts = [f"{page_ranges(pages)} : {size}" for size, pages in by_size.items()]
    return [doc.ok(FORMAT, " ; ".join(parts))]


def check_boxes(doc: Document) -> list[Finding]:
    """TrimBox and BleedBox in each page's own dictionary, the bleed as promised."""
    bleed_mm = doc.promise.fond_perdu_mm
    findings = []
    for page_number, page in enumerate(doc.pdf.pages, 1):
        findings += _page_boxes(doc, page_number, page, bleed_mm)
    if not findings:
        return [
            doc.ok(
                BOXES, f"TrimBox et BleedBox sur chaque page, fond perdu de {number(bleed_mm)} mm"
            )
        ]
    return findings


def _page_boxes(
    doc: Document, page_number: int, page: pikepdf.Page, bleed_mm: float
) -> list[Finding]:
    here = where(page_number)
    missing = [key for key in ("/TrimBox", "/BleedBox") if key not in page.obj]
    if missing:
        return [doc.error(BOXES, f"{here} : {key[1:]} absente", page_number) for key in missing]
    trim, bleed = rectangle(page.obj["/TrimBox"]), rectangle(page.obj["/BleedBox"])
    media = rectangle(page.mediabox)
    findings = []
    margins = (trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3])
    wrong: dict[str, list[str]] = defaultdict(list)
    for side, margin in zip(_SIDES, margins, strict=True):
        if abs(to_mm(margin) - bleed_mm) > TOLERANCE_MM:
            wrong[number(to_mm(margin))].append(side)
    for value, sides in wrong.items():
        on = "sur les quatre côtés" if len(sides) == 4 else ", ".join(sides)
        message = (
            f"{here} : fond perdu de {value} mm au lieu de {number(bleed_mm)} mm {on} (BleedBox)"
        )
        findings.append(doc.error(BOXES, message, page_number))
    if not _inside(bleed, media):
        findings.append(doc.error(BOXES, f"{here} : BleedBox hors de la MediaBox", page_number))
    return findings


def _inside(inner: Box, outer: Box) -> bool:
    tolerance = TOLERANCE_MM * PT_PER_MM
    return (
        inner[0] >= outer[0] - tolerance
        and inner[1] >= outer[1] - tolerance
        and inner[2] <= outer[2] + tolerance
        and inner[3] <= outer[3] + tolerance
    )


def check_output_intent(doc: Document) -> list[Finding]:
    """A GTS_PDFX OutputIntent with its destination profile in the catalog."""
    intents = doc.pdf.Root.get("/OutputIntents")
    if not isinstance(intents, pikepdf.Array) or len(intents) == 0:
        return [doc.error(OUTPUT_INTENT, "aucun OutputIntent dans le catalogue (PDF/X demandé)")]
    pdfx = [i for i in intents if isinstance(i, pikepdf.Dictionary) and i.get("/S") == "/GTS_PDFX"]
    if not pdfx:
        return [doc.error(OUTPUT_INTENT, "aucun OutputIntent /GTS_PDFX dans le catalogue")]
    profiles = [i for i in pdfx if isinstance(i.get("/DestOutputProfile"), pikepdf.Stream)]
    if not profiles:
        return [doc.error(OUTPUT_INTENT, "OutputIntent /GTS_PDFX sans DestOutputProfile")]
    condition = str(profiles[0].get("/OutputConditionIdentifier", "")) or "sans identifiant"
    return [doc.ok(OUTPUT_INTENT, f"OutputIntent /GTS_PDFX présent ({condition})")]
