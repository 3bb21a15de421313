"""Check 5: on every card, every glyph inside the trim inset by the safe zone.

A card is a placed form named ``card-…`` (trim = its BBox without the bleed: a BBox of
(-b, -b, w + b, h + b) is a trim of (0, 0, w, h)), or a page with a TrimBox that places no
card form (trim = the TrimBox). Text outside cards (sheet labels) is not checked.
"""

from __future__ import annotations

import pikepdf

from .document import Document
from .findings import TOLERANCE_MM, WARNING, Finding, number, plural, to_mm, where
from .geometry import Box, rectangle
from .glyphs import Glyphs
from .scan import MAX_DEPTH, FormUse, PageUses

ZONE = "zone tranquille"
_QUOTE = 20


def card_trim(form: pikepdf.Object) -> Box:
    x0, y0, x1, y1 = rectangle(form.get("/BBox", [0, 0, 0, 0]))
    if x0 < 0 and y0 < 0:
        return (0.0, 0.0, x1 + x0, y1 + y0)
    return (x0, y0, x1, y1)


class _SafeZone:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.zone_mm = doc.promise.zone_tranquille_mm
        self.forms: dict[tuple[int, int], Glyphs] = {}
        self.cards: set[str] = set()
        self.pages: list[int] = []

    def run(self) -> list[Finding]:
        findings: list[Finding] = []
        for index, (page, uses) in enumerate(zip(self.doc.pdf.pages, self.doc.uses, strict=True)):
            if uses.cards:
                findings += self._cards(index + 1, uses)
            elif "/TrimBox" in page.obj:
                findings += self._one_card_page(index, page, uses)
        return findings

    def _cards(self, page_number: int, uses: PageUses) -> list[Finding]:
        findings = []
        seen: set[tuple[str, tuple[int, int]]] = set()
        for card, use in uses.cards:
            if (card, use.form.objgen) in seen:
                continue
            seen.add((card, use.form.objgen))
            self.cards.add(card)
            glyphs = self.form_glyphs(use, ())
            findings += self._findings(page_number, card, glyphs, card_trim(use.form))
        return findings

    def _one_card_page(self, index: int, page: pikepdf.Page, uses: PageUses) -> list[Finding]:
        self.pages.append(index + 1)
        glyphs = self.doc.glyphs.page(index, page)
        for use in uses.own.forms:
            glyphs = glyphs + self.form_glyphs(use, ()).moved(use.matrix)
        return self._findings(index + 1, None, glyphs, rectangle(page.obj["/TrimBox"]))

    def _findings(self, page: int, card: str | None, glyphs: Glyphs, trim: Box) -> list[Finding]:
        here = where(page, card)
        findings = [
            self.doc.finding(ZONE, WARNING, f"{here} : texte illisible par pdfminer ({e})", page)
            for e in dict.fromkeys(glyphs.errors)
        ]
        problem = self._problem(glyphs, trim)
        if problem:
            findings.append(self.doc.error(ZONE, f"{here} : {problem}", page))
        return findings

    def form_glyphs(self, use: FormUse, trail: tuple[tuple[int, int], ...]) -> Glyphs:
        """Glyphs of a form and of the forms it places, in its own space."""
        key = use.form.objgen
        if key not in self.forms:
            glyphs = self.doc.glyphs.form(use.form, use.resources)
            for inner in self.doc.scan.form(use).forms:
                if inner.form.objgen not in trail and len(trail) < MAX_DEPTH:
                    nested = self.form_glyphs(inner, (*trail, key))
                    glyphs = glyphs + nested.moved(inner.matrix)
            self.forms[key] = glyphs
        return self.forms[key]

    def _problem(self, glyphs: Glyphs, trim: Box) -> str | None:
        extent = glyphs.ink_extent()
        if not extent:
            return None
        left, bottom, right, top = trim
        (x0, i0), (y0, i1), (x1, i2), (y1, i3) = extent
        sides = ((x0 - left, i0), (y0 - bottom, i1), (right - x1, i2), (top - y1, i3))
        distance = min(d for d, _ in sides)  # < 0 beyond the trim
        if to_mm(distance) >= self.zone_mm - TOLERANCE_MM:
            return None
        nearest = min(i for d, i in sides if d == distance)  # the first glyph that close
        quote = _quote(glyphs.runs[glyphs.run_of[nearest]])
        return f"texte hors de la zone tranquille (« {quote} » {self._distance_text(distance)})"

    def _distance_text(self, distance_pt: float) -> str:
        mm = to_mm(distance_pt)
        if mm < 0:
            return f"à {number(-mm, 1)} mm au-delà du bord"
        decimals = 2 if round(mm, 1) >= self.zone_mm else 1
        return f"à {number(mm, decimals)} mm du bord"

    def summary(self) -> Finding:
        checked = []
        if self.cards:
            checked.append(plural(len(self.cards), "carte"))
        if self.pages:
            checked.append(plural(len(self.pages), "page") + " avec TrimBox")
        if not checked:
            return self.doc.ok(ZONE, "aucune carte")
        zone = f"à {number(self.zone_mm)} mm au moins du bord"
        return self.doc.ok(ZONE, f"{' et '.join(checked)} : tout le texte {zone}")


def _quote(text: str) -> str:
    words = " ".join(text.split())
    if len(words) <= _QUOTE:
        return words
    cut = words[:_QUOTE]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return f"{cut} …"


def check_safe_zone(doc: Document) -> list[Finding]:
    checker = _SafeZone(doc)
    return checker.run() or [checker.summary()]
