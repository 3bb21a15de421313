"""check_kit: every PDF of the manifest through every check its profile calls for."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pikepdf
from pdfminer.psexceptions import PSException

from .colours import check_colour_operators, check_images, check_total_ink
from .document import Document
from .findings import ERROR, WARNING, Finding, plural
from .fonts import check_fonts
from .glyphs import Glyphs
from .pages import check_boxes, check_format, check_output_intent
from .safezone import check_safe_zone
from .spec import CHECK as MANIFEST_CHECK
from .spec import Entry, Promise, load_manifest

Check = Callable[[Document], list[Finding]]


def checks_for(promise: Promise) -> list[Check]:
    """The checks a profile calls for, in the order of the report."""
    chosen: list[Check] = [check_format]
    if promise.boites:
        chosen.append(check_boxes)
    chosen += [check_fonts, check_images]
    if promise.cmyk:
        chosen += [check_colour_operators, check_total_ink]
    chosen.append(check_safe_zone)
    if promise.pdfx:
        chosen.append(check_output_intent)
    return chosen


def check_kit(kit_dir: Path, skip: frozenset[str] = frozenset()) -> list[Finding]:
    """Preflight of a built kit: the PDFs listed in kit_dir/manifest.json, checked as its
    "preflight" object promises. Problems never raise: they are "erreur" findings.
    ``skip`` names files not to check (the build skips the combined PDF: its pages are
    the other files' pages, checked already)."""
    manifest = load_manifest(Path(kit_dir))
    findings = list(manifest.findings)
    shared: dict[bytes, Glyphs] = {}
    for entry in manifest.entries:
        if entry.path not in skip:
            findings += check_file(Path(kit_dir), entry, manifest.promise, shared)
    return findings


def check_file(
    kit_dir: Path, entry: Entry, promise: Promise, shared: dict[bytes, Glyphs] | None = None
) -> list[Finding]:
    """Every check on one PDF; shared carries glyph boxes between the PDFs of one kit."""
    try:
        data = (kit_dir / entry.path).read_bytes()
    except OSError:
        return [Finding(entry.path, None, MANIFEST_CHECK, ERROR, "fichier absent")]
    if entry.bleed_mm is not None:
        promise = replace(promise, fond_perdu_mm=entry.bleed_mm)
    doc = Document(entry.path, data, promise, {} if shared is None else shared)
    try:
        doc.start_reading_glyphs()
        findings = _manifest_match(doc, entry)
        for check in checks_for(promise):
            findings += check(doc)
    except (pikepdf.PikepdfError, PSException) as error:
        return [doc.error(MANIFEST_CHECK, f"PDF illisible : {error}")]
    finally:
        doc.close()
    return findings


def _manifest_match(doc: Document, entry: Entry) -> list[Finding]:
    """The file is the one the manifest describes (warning otherwise: it was changed)."""
    pages = len(doc.pdf.pages)
    problems = []
    if entry.pages is not None and entry.pages != pages:
        problems.append(f"{pages} pages au lieu des {entry.pages} du manifeste")
    if entry.sha256 and hashlib.sha256(doc.data).hexdigest() != entry.sha256.lower():
        problems.append("empreinte SHA-256 différente du manifeste : le fichier a changé")
    if problems:
        return [doc.finding(MANIFEST_CHECK, WARNING, problem) for problem in problems]
    return [doc.ok(MANIFEST_CHECK, f"{plural(pages, 'page')}, conforme au manifeste")]
