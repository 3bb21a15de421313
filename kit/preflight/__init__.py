"""Preflight of a built kit: what a print shop checks before printing.

``check_kit(kit_dir)`` reads ``manifest.json`` and each PDF it lists, and returns one
``Finding`` per problem (or one "ok" line per file and check); ``format_table`` prints them.
Libraries: pikepdf (qpdf) reads structure and content streams fast; pdfminer.six places
the glyphs for the safe-zone check.
"""

from __future__ import annotations

from typing import Any

from .findings import ERROR, OK, WARNING, Finding, counts, format_table, summary
from .spec import Promise

__all__ = [
    "ERROR",
    "OK",
    "WARNING",
    "Finding",
    "Promise",
    "check_file",
    "check_kit",
    "checks_for",
    "counts",
    "format_table",
    "summary",
]


def __getattr__(name: str) -> Any:
    """The checks and their libraries are loaded on first use: ``kit.preflight.findings``
    alone (what a build needs to read findings) loads neither pikepdf nor pdfminer."""
    if name in ("check_file", "check_kit", "checks_for"):
        from . import run

        return getattr(run, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
