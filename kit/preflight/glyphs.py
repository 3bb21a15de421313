"""Glyph boxes by pdfminer.six, read from content streams cut down to their text operators.

pdfminer positions every glyph (text matrix, font size, widths, rise, scaling, descent), but
its pure-Python parser reads ~0.5 MB/s: the vector art of the cards would cost seconds. So
qpdf (through pikepdf) first keeps only the operators that move or show text, and pdfminer
interprets that. Distinct contents are read once, across the files of a kit: the combined
PDF repeats every card of the cards PDF.
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing as mp
import os
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pikepdf
from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTChar, LTLayoutContainer
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psexceptions import PSException

from .geometry import Box, Matrix, transform_box

_SUBSET_TAG = re.compile(r"^/[A-Z]{6}\+")
TEXT_OPERATORS = "q Q cm BT ET Tf Td TD Tm T* Tj TJ ' \" Tc Tw Tz TL Ts Tr"


@dataclass(frozen=True)
class Glyph:
    box: Box
    char: str
    run: int  # index of the text run (one Tj/TJ/'/") in Glyphs.runs


@dataclass(frozen=True)
class Glyphs:
    glyphs: tuple[Glyph, ...] = ()
    runs: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()  # why some text could not be placed

    def moved(self, matrix: Matrix) -> Glyphs:
        moved = tuple(Glyph(transform_box(g.box, matrix), g.char, g.run) for g in self.glyphs)
        return Glyphs(moved, self.runs, self.errors)

    def __add__(self, other: Glyphs) -> Glyphs:
        shift = len(self.runs)
        added = tuple(Glyph(g.box, g.char, g.run + shift) for g in other.glyphs)
        return Glyphs(self.glyphs + added, self.runs + other.runs, self.errors + other.errors)


class _GlyphDevice(PDFLayoutAnalyzer):
    """Collects pdfminer's characters with the text run each belongs to."""

    def __init__(self, manager: PDFResourceManager) -> None:
        super().__init__(manager, pageno=1, laparams=None)
        self.cur_item = LTLayoutContainer((0, 0, 0, 0))
        self.run_of_char: list[int] = []
        self.runs = 0

    def render_string(self, *args: Any, **kwargs: Any) -> None:
        self.runs += 1
        super().render_string(*args, **kwargs)

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        advance = super().render_char(*args, **kwargs)
        self.run_of_char.append(self.runs - 1)
        return advance

    def glyphs(self) -> Glyphs:
        chars = [item for item in self.cur_item if isinstance(item, LTChar)]
        texts: list[list[str]] = [[] for _ in range(self.runs)]
        glyphs = []
        for char, run in zip(chars, self.run_of_char, strict=False):
            texts[run].append(char.get_text())
            glyphs.append(Glyph((char.x0, char.y0, char.x1, char.y1), char.get_text(), run))
        return Glyphs(tuple(glyphs), tuple("".join(t) for t in texts))


class GlyphReader:
    """Glyph boxes of the forms and pages of one PDF, in their own space."""

    def __init__(self, data: bytes, shared: dict[bytes, Glyphs]) -> None:
        self._data = data
        self._shared = shared
        self._font_keys: dict[tuple[int, int], bytes] = {}

    @cached_property
    def _document(self) -> PDFDocument:
        return PDFDocument(PDFParser(io.BytesIO(self._data)))

    @cached_property
    def _manager(self) -> PDFResourceManager:
        return PDFResourceManager(caching=True)

    @cached_property
    def _pages(self) -> list[PDFPage]:
        return list(PDFPage.create_pages(self._document))

    def form(self, form: pikepdf.Object, resources: pikepdf.Object | None) -> Glyphs:
        """Glyphs drawn by a form's own content (nested forms excluded), in form space."""
        return self._read(form, form.objgen[0], resources, lambda: self._form_resources(form))

    def page(self, index: int, page: pikepdf.Page) -> Glyphs:
        """Glyphs drawn by a page's own content (forms excluded), in page space."""
        return self._read(
            page, page.obj.objgen[0], page.resources, lambda: self._pages[index].resources
        )

    def _read(self, target: Any, objid: int, resources: Any, miner_resources: Any) -> Glyphs:
        key = hashlib.sha256(_raw_content(target)).digest() + self._fonts_key(resources)
        if key not in self._shared:
            instructions = pikepdf.parse_content_stream(target, TEXT_OPERATORS)
            if any(str(i.operator) == "BT" for i in instructions):
                content = pikepdf.unparse_content_stream(instructions)
                self._shared[key] = self._interpret(content, objid, miner_resources())
            else:
                self._shared[key] = Glyphs()
        return self._shared[key]

    def prefetch_forms(self, forms: list[tuple[pikepdf.Object, pikepdf.Object | None]]) -> None:
        """Read the text of many forms at once, on every core: a 1,000-card deck has 1,000
        forms. The workers are forked, so they inherit pdfminer's parsed document."""
        pending: dict[bytes, tuple[bytes, int]] = {}
        for form, resources in forms:
            key = hashlib.sha256(_raw_content(form)).digest() + self._fonts_key(resources)
            if key in self._shared or key in pending:
                continue
            instructions = pikepdf.parse_content_stream(form, TEXT_OPERATORS)
            if any(str(i.operator) == "BT" for i in instructions):
                content = pikepdf.unparse_content_stream(instructions)
                pending[key] = (content, form.objgen[0])
            else:
                self._shared[key] = Glyphs()
        workers = min(os.cpu_count() or 1, 4)
        if len(pending) < PARALLEL_FROM or workers < 2 or "fork" not in mp.get_all_start_methods():
            return  # read one by one, on demand
        global _FORKED_READER
        _FORKED_READER = self
        self._document  # parse before forking, once for every worker  # noqa: B018
        try:
            with mp.get_context("fork").Pool(workers) as pool:
                results = pool.map(_interpret_in_worker, list(pending.values()), chunksize=16)
        finally:
            _FORKED_READER = None
        self._shared.update(zip(pending, results, strict=True))

    def _interpret(self, content: bytes, objid: int, resources: Any) -> Glyphs:
        stream = PDFStream({}, content)
        stream.set_objid(objid, 0)
        device = _GlyphDevice(self._manager)
        interpreter = PDFPageInterpreter(self._manager, device)
        try:
            interpreter.render_contents(resources or {}, [stream])
        except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
            return Glyphs(errors=(f"{type(error).__name__}: {error}",))
        return device.glyphs()

    def _form_resources(self, form: pikepdf.Object) -> Any:
        stream = resolve1(self._document.getobj(form.objgen[0]))
        return resolve1(stream.attrs.get("Resources")) if isinstance(stream, PDFStream) else {}

    def _fonts_key(self, resources: pikepdf.Object | None) -> bytes:
        fonts = resources.get("/Font") if resources is not None else None
        if fonts is None:
            return b""
        parts = []
        for name in sorted(fonts.keys()):
            font = fonts[name]
            objgen = font.objgen
            if objgen not in self._font_keys or objgen == (0, 0):
                self._font_keys[objgen] = fingerprint(font)
            parts.append(name.encode() + self._font_keys[objgen])
        return hashlib.sha256(b"".join(parts)).digest()


PARALLEL_FROM = 64  # below this many forms, forking costs more than it saves
_FORKED_READER: GlyphReader | None = None


def _interpret_in_worker(job: tuple[bytes, int]) -> Glyphs:
    content, objid = job
    reader = _FORKED_READER
    assert reader is not None
    stream = resolve1(reader._document.getobj(objid))
    resources = resolve1(stream.attrs.get("Resources")) if isinstance(stream, PDFStream) else {}
    return reader._interpret(content, objid, resources)


def _raw_content(target: pikepdf.Object | pikepdf.Page) -> bytes:
    """The decoded content of a form, or of a page's content streams joined."""
    if isinstance(target, pikepdf.Page):
        contents = target.obj.get("/Contents")
        if isinstance(contents, pikepdf.Array):
            return b"\n".join(part.read_bytes() for part in contents)
        return contents.read_bytes() if isinstance(contents, pikepdf.Stream) else b""
    return target.read_bytes()


def fingerprint(obj: Any) -> bytes:
    """Digest of an object and everything it refers to (streams by their raw bytes), font
    names without their subset tag: what pdfminer needs to place glyphs, and nothing else."""
    hasher = hashlib.sha256()
    _feed(obj, hasher, set(), 0)
    return hasher.digest()


def _feed(obj: Any, hasher: Any, seen: set[tuple[int, int]], depth: int) -> None:
    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        if obj.objgen in seen or depth > 16:
            hasher.update(b"R")
            return
        seen.add(obj.objgen)
    if isinstance(obj, pikepdf.Stream):
        hasher.update(b"S" + hashlib.sha256(obj.read_raw_bytes()).digest())
    if isinstance(obj, pikepdf.Stream | pikepdf.Dictionary):
        for key in sorted(obj.keys()):
            if key in ("/Parent", "/Length"):
                continue
            hasher.update(key.encode())
            if key in ("/BaseFont", "/FontName"):  # a merge may rename the subset tag only
                hasher.update(_SUBSET_TAG.sub("", str(obj[key])).encode())
            else:
                _feed(obj[key], hasher, seen, depth + 1)
    elif isinstance(obj, pikepdf.Array):
        hasher.update(b"[")
        for item in obj:
            _feed(item, hasher, seen, depth + 1)
        hasher.update(b"]")
    elif not isinstance(obj, pikepdf.Stream):
        hasher.update(repr(obj).encode())
