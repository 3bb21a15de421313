"""The build options given on the command line, checked: ``--tables``, ``--back-offset``."""

from __future__ import annotations

from dataclasses import replace

from .errors import InputErrors, Problem
from .model import Kit

MAX_TABLES = 20  # 160 players at most: beyond, a workshop needs several facilitators' kits


def workshop_tables(value: int | str) -> int:
    """``--tables N``: a whole number of tables, 1 to MAX_TABLES."""
    try:
        count = int(str(value).strip())
    except ValueError:
        count = 0
    if not 1 <= count <= MAX_TABLES:
        message = f"« {value} » : indiquez un nombre entier de tables, de 1 à {MAX_TABLES}"
        raise InputErrors([Problem("--tables", 0, "", message)])
    return count


def with_back_offset(kit: Kit, back_offset: str | None) -> Kit:
    """``--back-offset X,Y`` replaces the profile's own offset."""
    from .profile import parse_offset

    if back_offset is None:
        return kit
    try:
        offset = parse_offset(back_offset)
    except ValueError:
        message = f"« {back_offset} » : écrivez « X,Y » en millimètres, par exemple « 1.5,-0.5 »"
        raise InputErrors([Problem("--back-offset", 0, "", message)]) from None
    return replace(kit, profile=replace(kit.profile, back_offset=offset))
