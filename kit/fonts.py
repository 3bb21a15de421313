"""Fonts: Source Sans Pro TTFs from PyPI, embedded and subset by reportlab; glyph coverage."""

from __future__ import annotations

import functools
from pathlib import Path

import font_source_sans_pro
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .errors import CardError

REGULAR = "SourceSans-Regular"
BOLD = "SourceSans-Bold"
ITALIC = "SourceSans-Italic"
BOLD_ITALIC = "SourceSans-BoldItalic"
BLACK = "SourceSans-Black"
FAMILY = "SourceSans"
_FILES = {
    REGULAR: "SourceSansPro-Regular.ttf",
    BOLD: "SourceSansPro-Bold.ttf",
    ITALIC: "SourceSansPro-It.ttf",
    BOLD_ITALIC: "SourceSansPro-BoldIt.ttf",
    BLACK: "SourceSansPro-Black.ttf",
}
FONT_CREDIT = (
    "Police : Source Sans Pro (Adobe, Paul D. Hunt), SIL Open Font License 1.1, "
    "paquet font-source-sans-pro"
)
# Characters drawn without a glyph of their own: line breaks and soft hyphens.
_IGNORED = {"\n", "\u00ad"}


def font_file(name: str) -> Path:
    return Path(font_source_sans_pro.font_directory) / _FILES[name]


@functools.cache
def register_fonts() -> None:
    """Register the family once per process; reportlab embeds a subset of each used font."""
    for name in _FILES:
        pdfmetrics.registerFont(TTFont(name, str(font_file(name))))
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(FAMILY, bold, italic, name)


@functools.cache
def _coverage(name: str) -> frozenset[int]:
    """The characters the font maps to a glyph: reportlab's own reading of its cmap, the
    one it draws with (U+FFFF, a non-character reportlab lists for the italics, left out)."""
    register_fonts()
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph) - {0xFFFF}


def missing_characters(text: str, font: str = REGULAR) -> list[str]:
    covered = _coverage(font)
    return sorted({ch for ch in text if ord(ch) not in covered and ch not in _IGNORED})


def check_glyphs(label: str, texts: dict[str, str] | list[str], font: str = REGULAR) -> None:
    """Fail naming the card and the character when the font cannot draw a text."""
    values = texts.values() if isinstance(texts, dict) else texts
    for text in values:
        missing = missing_characters(text, font)
        if missing:
            raise CardError(label, lacking_message(missing))


def lacking_message(missing: list[str]) -> str:
    """« la police SourceSans ne contient pas le caractère « ☃ » (U+2603) »."""
    shown = ", ".join(f"« {ch} » (U+{ord(ch):04X})" for ch in missing)
    what = "le caractère" if len(missing) == 1 else "les caractères"
    return f"la police {FAMILY} ne contient pas {what} {shown}"
