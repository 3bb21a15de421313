"""Lengths are parsed once, at the edge: "63mm", "0.125in", "12pt", "1.5cm" become points."""

from __future__ import annotations

import re

POINTS_PER_UNIT = {"mm": 72 / 25.4, "cm": 720 / 25.4, "in": 72.0, "pt": 1.0}
LENGTH_PATTERN = r"^\s*-?\d+(?:[.,]\d+)?\s*(mm|cm|in|pt)\s*$"
_LENGTH = re.compile(LENGTH_PATTERN)


def parse_length(text: str | int | float) -> float:
    """Return the length in points; a bare number is taken as millimetres."""
    if isinstance(text, int | float):
        return float(text) * POINTS_PER_UNIT["mm"]
    match = _LENGTH.match(text)
    if not match:
        raise ValueError(f"longueur illisible : {text!r}")
    number = float(text.strip()[: match.start(1)].strip().replace(",", "."))
    return number * POINTS_PER_UNIT[match.group(1)]


def mm(value: float) -> float:
    """Millimetres to points."""
    return value * POINTS_PER_UNIT["mm"]


def to_mm(points: float) -> float:
    return points / POINTS_PER_UNIT["mm"]
