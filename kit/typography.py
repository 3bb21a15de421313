"""French typographic spaces and signs, applied to every text of the kit."""

from __future__ import annotations

import functools
import re
from typing import Any

import pyphen

NBSP = "\u00a0"  # before « : » and after numbers' thousands (Babel uses U+202F)
NNBSP = "\u202f"  # narrow no-break space: before ; ! ? and inside « »

_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(\w)'"), "\\1’"),  # typographic apostrophe
    (re.compile(r"\.\.\."), "…"),
    (re.compile(r"[ \u00a0\u202f]*([;!?]+)"), NNBSP + "\\1"),
    (re.compile(r"(?<=\d) (?=\d{3}\b)"), NNBSP),
    (re.compile(r"(?<=\S)[ \u00a0\u202f]*:(?=\s|$)"), NBSP + ":"),
    (re.compile(r"«[ \u00a0\u202f]*"), "«" + NNBSP),
    (re.compile(r"[ \u00a0\u202f]*»"), NNBSP + "»"),
    (re.compile(r"(\d) (%|€|h\b|min\b|km|GWh|MWh|kWh|mm|ha\b)"), "\\1" + NBSP + "\\2"),
    (re.compile(r"(?<=\d) (?=[^\W\d_])"), NBSP),  # a number stays with its noun
)
_NO_SPACE_BEFORE = re.compile(r"(^|\n)" + NNBSP + "([;!?])")
_URL = re.compile(r"https?://\S+")


def french(text: str) -> str:
    """Apply French spacing rules; URLs are left as they are."""
    parts = _URL.split(text)
    urls = _URL.findall(text)
    fixed = [_apply(part) for part in parts]
    out = fixed[0]
    for url, part in zip(urls, fixed[1:], strict=True):
        out += url + part
    return out


def _apply(text: str) -> str:
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return _NO_SPACE_BEFORE.sub("\\1\\2", text)


def breakable_only_where_allowed(text: str, tie_last_words: bool = True) -> str:
    """Prepare text for reportlab's line breaking.

    reportlab breaks lines at U+202F, so narrow no-break spaces become ordinary no-break
    spaces (U+00A0, which it respects); and the last two words of every line are tied, so
    that no paragraph ends on a lone short word (a widow).
    """
    lines = text.replace(NNBSP, NBSP).split("\n")
    if not tie_last_words:
        return "\n".join(lines)
    return "\n".join(_tie_last_words(line) for line in lines)


def _tie_last_words(line: str) -> str:
    head, space, last = line.rstrip().rpartition(" ")
    before = head.rpartition(" ")[2]
    if not space or " " not in head or len(before) + len(last) > 18:
        return line  # tying two long words could make an unbreakable run wider than the line
    return head + NBSP + last


@functools.cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="fr_FR", left=3, right=3)


def hyphenation_patterns() -> Any:
    """The French patterns pyphen read (its HyphDict: some 15 ms to read, 2 to unpickle)."""
    return _dictionary().hd


def use_hyphenation_patterns(patterns: Any) -> None:
    """Hyphenate with ``patterns`` (from hyphenation_patterns, in another process) instead
    of reading them again: pyphen takes a file's patterns from its cache when they are there."""
    path = pyphen.LANGUAGES[pyphen.language_fallback("fr_FR")]
    if isinstance(patterns, pyphen.HyphDict) and isinstance(getattr(pyphen, "hdcache", None), dict):
        pyphen.hdcache.setdefault(path, patterns)


def hyphenate(word: str):
    """Where reportlab may break a word: French patterns, at least three letters on each side,
    never in a capitalised word (a proper name) nor in one with digits."""
    if len(word) < 8 or not word[:1].islower() or any(ch.isdigit() for ch in word):
        return ()
    return _dictionary().iterate(word)
