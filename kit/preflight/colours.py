"""Checks 3, 4 and 7: image resolution and colour space, RGB operators, total ink."""

from __future__ import annotations

from collections import Counter, defaultdict

from .document import Document
from .findings import ERROR, WARNING, Finding, number, plural, where
from .scan import ImageUse, Ink

IMAGES = "images"
COLOURS = "couleurs CMJN"
INK = "encrage total"
MIN_DPI = 300
MAX_INK = 300  # percent
_RGB_KINDS = ("rgb",)
_FINE_KINDS = ("cmyk", "gray", "spot", "mask")


def check_images(doc: Document) -> list[Finding]:
    """Every placed image at 300 dpi or more; in CMYK kits, no RGB image."""
    findings: list[Finding] = []
    lowest: float | None = None
    count = 0
    for page_number, uses in enumerate(doc.uses, 1):
        reported: set[tuple[str | None, str, str]] = set()
        for card, image in uses.images:
            count += 1
            dpi = image.dpi()
            lowest = dpi if lowest is None else min(lowest, dpi)
            for kind, level, message in _image_problems(doc, image, dpi):
                if (card, image.name, kind) not in reported:
                    reported.add((card, image.name, kind))
                    text = f"{where(page_number, card)} : {message}"
                    findings.append(doc.finding(IMAGES, level, text, page_number))
    if findings:
        return findings
    if not count:
        return [doc.ok(IMAGES, "aucune image")]
    space = ", en CMJN" if doc.promise.cmyk else ""
    lowest_text = f"{lowest:.0f} dpi" if lowest is not None and lowest < 1e9 else "—"
    return [
        doc.ok(
            IMAGES,
            f"{plural(count, 'image placée', 'images placées')}, au moins {lowest_text}{space}",
        )
    ]


def _image_problems(doc: Document, image: ImageUse, dpi: float) -> list[tuple[str, str, str]]:
    problems = []
    label = f"image {image.name} ({image.width} × {image.height} px)"
    if dpi < MIN_DPI - 0.5:
        level = ERROR if doc.promise.cmyk else WARNING
        problems.append(("dpi", level, f"{label} à {dpi:.0f} dpi, moins de {MIN_DPI} dpi"))
    if doc.promise.cmyk and image.space.kind in _RGB_KINDS:
        problems.append(("rvb", ERROR, f"{label} en RVB ({image.space.label}) dans un kit CMJN"))
    elif doc.promise.cmyk and image.space.kind not in _FINE_KINDS:
        message = f"{label} en {image.space.label}, ni CMJN ni niveaux de gris"
        problems.append(("espace", WARNING, message))
    return problems


def check_colour_operators(doc: Document) -> list[Finding]:
    """CMYK kits: no colour set in RGB, on pages or in forms."""
    findings = []
    for page_number, uses in enumerate(doc.uses, 1):
        by_card: dict[str | None, Counter[str]] = defaultdict(Counter)
        for card, operator in uses.rgb:
            by_card[card][operator] += 1
        for card, operators in by_card.items():
            total = sum(operators.values())
            names = ", ".join(sorted(operators))
            what = plural(total, "couleur RVB", "couleurs RVB")
            text = f"{where(page_number, card)} : {what} ({names}) dans un kit CMJN"
            findings.append(doc.error(COLOURS, text, page_number))
    return findings or [doc.ok(COLOURS, "aucune couleur RVB")]


def check_total_ink(doc: Document) -> list[Finding]:
    """CMYK kits: every CMYK colour set with at most 300 % of ink."""
    findings = []
    highest: Ink | None = None
    for page_number, uses in enumerate(doc.uses, 1):
        worst: dict[str | None, Ink] = {}
        for card, ink in uses.inks:
            if highest is None or ink.total > highest.total:
                highest = ink
            if ink.total > MAX_INK + 0.5 and (card not in worst or ink.total > worst[card].total):
                worst[card] = ink
        for card, ink in worst.items():
            text = (
                f"{where(page_number, card)} : encrage total de {_ink(ink)}, au-delà de {MAX_INK} %"
            )
            findings.append(doc.finding(INK, WARNING, text, page_number))
    if findings:
        return findings
    if highest is None:
        return [doc.ok(INK, "aucune couleur CMJN à mesurer")]
    return [doc.ok(INK, f"au plus {_ink(highest)} (limite {MAX_INK} %)")]


def _ink(ink: Ink) -> str:
    parts = " ".join(
        f"{letter} {number(100 * v, 0)}" for letter, v in zip("CMJN", ink.values, strict=False)
    )
    return f"{number(ink.total, 0)} % ({parts})"
