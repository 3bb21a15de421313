"""One PDF of the kit, opened once and shared by every check."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cached_property

import pikepdf

from .findings import ERROR, OK, Finding
from .glyphs import GlyphReader, Glyphs
from .scan import DocumentScan, PageUses, card_name
from .spec import Promise


@dataclass
class Document:
    name: str  # relative to the kit folder
    data: bytes
    promise: Promise
    shared_glyphs: dict[bytes, Glyphs] = field(default_factory=dict)

    @cached_property
    def pdf(self) -> pikepdf.Pdf:
        return pikepdf.open(io.BytesIO(self.data))

    @cached_property
    def scan(self) -> DocumentScan:
        return DocumentScan(colours=self.promise.cmyk)

    @cached_property
    def glyphs(self) -> GlyphReader:
        return GlyphReader(self.data, self.shared_glyphs)

    @cached_property
    def uses(self) -> list[PageUses]:
        """What each page draws (forms followed), index 0 for page 1."""
        return [self.scan.page(page) for page in self.pdf.pages]

    def start_reading_glyphs(self) -> None:
        """The cards' glyphs read on every core from the start, while the other checks run."""
        forms: dict[tuple[int, int], tuple[pikepdf.Object, pikepdf.Object | None]] = {}
        for page in self.pdf.pages:
            xobjects = page.resources.get("/XObject") if page.resources is not None else None
            if not isinstance(xobjects, pikepdf.Dictionary):
                continue
            for name in xobjects.keys():  # noqa: SIM118 (pikepdf names)
                form = xobjects[name]
                if card_name(name) and form.get("/Subtype") == "/Form":
                    own = form.get("/Resources")
                    forms.setdefault(
                        form.objgen, (form, own if own is not None else page.resources)
                    )
        self.glyphs.prefetch_forms(list(forms.values()))

    def finding(self, check: str, level: str, message: str, page: int | None = None) -> Finding:
        return Finding(self.name, page, check, level, message)

    def ok(self, check: str, message: str) -> Finding:
        return self.finding(check, OK, message)

    def error(self, check: str, message: str, page: int | None = None) -> Finding:
        return self.finding(check, ERROR, message, page)

    def close(self) -> None:
        if "glyphs" in self.__dict__:
            self.glyphs.finish()
        if "pdf" in self.__dict__:
            self.pdf.close()
