"""Findings of the preflight, French wording helpers and the plain-text table."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

OK = "ok"
WARNING = "avertissement"
ERROR = "erreur"

PT_PER_MM = 72 / 25.4
# Tolerance on every length compared in millimetres (boxes, safe zone).
TOLERANCE_MM = 0.01


@dataclass(frozen=True)
class Finding:
    """One line of the preflight report."""

    file: str  # PDF name relative to the kit folder
    page: int | None  # 1-based, None for whole-file checks
    check: str  # short French name of the check, e.g. "polices incorporées"
    level: str  # "ok", "avertissement" or "erreur"
    message: str  # French, names what is wrong and where


def to_mm(points: float) -> float:
    return points / PT_PER_MM


def number(value: float, decimals: int = 2) -> str:
    """French decimal: 2.50 -> "2,5", 3.0 -> "3", 1.27 -> "1,27"."""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text.replace(".", ",")


def where(page: int, card: str | None = None) -> str:
    """ "page 3" or "page 3, carte card-axe-valeur", the start of every page message."""
    return f"page {page}, carte {card}" if card else f"page {page}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """French plural: 0 and 1 take the singular."""
    word = singular if count < 2 else (plural_form or singular + "s")
    return f"{count} {word}"


def page_ranges(pages: list[int]) -> str:
    """[1, 2, 3, 5, 6] -> "pages 1 à 3, 5, 6"; [4] -> "page 4"."""
    runs: list[list[int]] = []
    for page in sorted(pages):
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    parts = [f"{run[0]} à {run[-1]}" if len(run) > 2 else ", ".join(map(str, run)) for run in runs]
    return ("pages " if len(pages) > 1 else "page ") + ", ".join(parts)


def counts(findings: Iterable[Finding]) -> tuple[int, int]:
    """(errors, warnings)."""
    levels = [f.level for f in findings]
    return levels.count(ERROR), levels.count(WARNING)


def summary(findings: Iterable[Finding]) -> str:
    """ "2 erreurs, 1 avertissement"."""
    errors, warnings = counts(findings)
    return f"{plural(errors, 'erreur')}, {plural(warnings, 'avertissement')}"


HEADERS = ("fichier", "page", "contrôle", "niveau", "message")


def format_table(findings: list[Finding]) -> str:
    """French plain-text table, one finding a line, then the count of errors and warnings."""
    rows = [HEADERS] + [
        (f.file, "—" if f.page is None else str(f.page), f.check, f.level, f.message)
        for f in findings
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS) - 1)]
    lines = [_row(row, widths) for row in rows]
    lines.insert(1, _row(tuple("-" * w for w in widths) + ("-" * len(HEADERS[-1]),), widths))
    lines.append(summary(findings))
    return "\n".join(lines)


def _row(row: tuple[str, ...], widths: list[int]) -> str:
    cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
    return "  ".join([*cells, row[-1]]).rstrip()
