"""Glyph boxes by pdfminer.six, read from content streams cut down to their text operators.

pdfminer positions every glyph (text matrix, font size, widths, rise, scaling, descent), but
its pure-Python parser reads ~0.5 MB/s: the vector art of the cards would cost seconds. So
qpdf (through pikepdf) parses the content and keeps only the operators that move or show
text, and pdfminer's interpreter runs those operators as they are, without parsing them
again; each glyph's box is pdfminer's own LTChar box, computed without building the LTChar.
Distinct contents are read once, across the files of a kit: the combined PDF repeats every
card of the cards PDF.
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing as mp
import os
import re
from decimal import Decimal
from functools import cached_property
from typing import Any

import pikepdf
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.psexceptions import PSException
from pdfminer.psparser import LIT
from pdfminer.utils import MATRIX_IDENTITY

from ..processes import quiet_child
from .glyph_boxes import Glyph, GlyphDevice, Glyphs
from .glyph_store import glyph_cache, recall, remember, remember_all

__all__ = ["Glyph", "GlyphReader", "Glyphs", "TEXT_OPERATORS", "fingerprint", "glyph_cache"]

_SUBSET_TAG = re.compile(r"^/[A-Z]{6}\+")
TEXT_OPERATORS = "q Q cm BT ET Tf Td TD Tm T* Tj TJ ' \" Tc Tw Tz TL Ts Tr"


class GlyphReader:
    """Glyph boxes of the forms and pages of one PDF, in their own space."""

    def __init__(self, data: bytes, shared: dict[bytes, Glyphs]) -> None:
        self._data = data
        self._shared = shared
        self._font_keys: dict[tuple[int, int], bytes] = {}
        self._texts: dict[tuple[int, int], Any] = {}
        self._contents: dict[tuple[int, int], tuple[bytes, bool]] = {}
        self._reading: tuple[Any, Any, list[bytes]] | None = None  # forms read by workers

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
        self.finish()
        digest, has_text = self._content(target)
        key = digest + self._fonts_key(resources)
        if key not in self._shared and not self._recall(key):
            operations = _text_operations(target) if has_text else []
            if operations:
                self._shared[key] = self._interpret(operations, miner_resources())
            else:
                self._shared[key] = Glyphs()
            remember(key, self._shared[key])
        return self._shared[key]

    def _recall(self, key: bytes) -> bool:
        """Glyphs read by an earlier build (``glyph_cache``), if any."""
        kept = recall(key)
        if kept is not None:
            self._shared[key] = kept
        return kept is not None

    def prefetch_forms(self, forms: list[tuple[pikepdf.Object, pikepdf.Object | None]]) -> None:
        """Start reading the text of many forms at once, on every core (a 1,000-card deck
        has 1,000 forms); ``finish()``, called by the first read, takes the results. The
        workers are forked, so they inherit the PDF as qpdf and pdfminer read it, and are
        sent only each form's place in the list."""
        if self._reading is not None:
            return  # being read already
        pending: dict[bytes, pikepdf.Object] = {}
        for form, resources in forms:
            key = self._content(form)[0] + self._fonts_key(resources)
            if key not in self._shared and key not in pending and not self._recall(key):
                pending[key] = form
        workers = min(os.cpu_count() or 1, 4)
        if len(pending) < PARALLEL_FROM or workers < 2 or "fork" not in mp.get_all_start_methods():
            return  # read one by one, on demand
        global _FORKED
        _FORKED = (self, list(pending.values()))
        self._document  # parse before forking, once for every worker  # noqa: B018
        try:
            pool = mp.get_context("fork").Pool(workers, quiet_child)  # forked here
        finally:
            _FORKED = None
        reading = pool.map_async(_read_in_worker, range(len(pending)), chunksize=16)
        self._reading = (pool, reading, list(pending))  # collected when first needed

    def finish(self) -> None:
        """Take what the workers read (waiting for them if need be), or stop them."""
        if self._reading is None:
            return
        pool, reading, keys = self._reading
        self._reading = None
        try:
            results = reading.get()
        except Exception:  # noqa: BLE001 (a worker's failure: read here, on demand)
            results = None
        finally:
            pool.terminate()
            pool.join()
        if results is not None:
            self._shared.update(zip(keys, results, strict=True))
            remember_all(list(zip(keys, results, strict=True)))  # one file, not one a form

    def _content(self, target: pikepdf.Object | pikepdf.Page) -> tuple[bytes, bool]:
        """The digest of a content stream, and whether it shows text (``BT``): each form
        decoded once, though a card is placed on many sheets."""
        objgen = target.obj.objgen if isinstance(target, pikepdf.Page) else target.objgen
        known = self._contents.get(objgen) if objgen != (0, 0) else None
        if known is None:
            raw = _raw_content(target)
            known = (hashlib.sha256(raw).digest(), b"BT" in raw)
            if objgen != (0, 0):
                self._contents[objgen] = known
        return known

    def _interpret(self, operations: list[Operation], resources: Any) -> Glyphs:
        """pdfminer's interpreter on operations already parsed (as its execute() would)."""
        device = GlyphDevice(self._manager, self._texts)
        interpreter = PDFPageInterpreter(self._manager, device)
        try:
            interpreter.init_resources(resources or {})
            interpreter.init_state(MATRIX_IDENTITY)
            for name, operands in operations:
                method = getattr(interpreter, _METHODS.get(name, "do_" + name), None)
                if method is None:
                    continue
                count = method.__code__.co_argcount - 1
                if len(operands) >= count:
                    method(*operands[len(operands) - count :])
        except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
            return Glyphs(errors=(f"{type(error).__name__}: {error}",))
        return device.glyphs()

    def _form_resources(self, form: pikepdf.Object) -> Any:
        """The form's fonts as pdfminer reads them: only ``Tf`` uses resources here.
        Fonts are named by reference when they are indirect objects (reportlab's always
        are), so pdfminer reads each font once, without reading the form's stream (~1 ms)."""
        resources = form.get("/Resources")
        fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
        if isinstance(fonts, pikepdf.Dictionary):
            refs = {str(name)[1:]: fonts[name] for name in fonts}
            if all(font.is_indirect for font in refs.values()):
                document = self._document
                return {"Font": {n: PDFObjRef(document, f.objgen[0]) for n, f in refs.items()}}
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


PARALLEL_FROM = 16  # below this many forms, forking costs more than it saves
_FORKED: tuple[GlyphReader, list[pikepdf.Object]] | None = None


def _read_in_worker(index: int) -> Glyphs:
    assert _FORKED is not None
    reader, forms = _FORKED
    operations = _text_operations(forms[index]) if reader._content(forms[index])[1] else []
    if not operations:
        glyphs = Glyphs()
    else:
        glyphs = reader._interpret(operations, reader._form_resources(forms[index]))
    return glyphs


Operation = tuple[str, list[Any]]
_METHODS = {"T*": "do_T_a", "'": "do__q", '"': "do__w"}


def _text_operations(target: pikepdf.Object | pikepdf.Page) -> list[Operation]:
    """The text operators of a content stream with pdfminer's operand types, or [] when
    it shows no text."""
    instructions = pikepdf.parse_content_stream(target, TEXT_OPERATORS)
    operations = [(str(i.operator), [_operand(o) for o in i.operands]) for i in instructions]
    return operations if any(name == "BT" for name, _ in operations) else []


def _operand(value: Any) -> Any:
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, pikepdf.Name):
        return LIT(str(value)[1:])
    if isinstance(value, pikepdf.String):
        return bytes(value)
    if isinstance(value, pikepdf.Array):
        return [_operand(item) for item in value]
    return value


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
