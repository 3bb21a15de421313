"""The territory's fields as paths (« projets[0].nom »): what scenarios require, and what is missing."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from .errors import InputErrors
from .load import Document
from .model import Kit, Scenario

FIELD_PATH = re.compile(r"^[a-z_]+(?:\[\d+\]|\.[a-z_]+)*$")
_PART = re.compile(r"\[(\d+)\]|\.?([a-z_]+)")


def field_parts(path: str) -> tuple[str | int, ...]:
    """« projets[0].nom » -> ("projets", 0, "nom")."""
    return tuple(int(i) if i else name for i, name in _PART.findall(path))


def has_field(territory: Mapping[str, Any], path: str) -> bool:
    """Whether the territory gives a value, not empty, at ``path``."""
    value: Any = territory
    for part in field_parts(path):
        if isinstance(part, int):
            if not isinstance(value, Sequence) or isinstance(value, str) or part >= len(value):
                return False
        elif not isinstance(value, Mapping) or part not in value:
            return False
        value = value[part]
    return value not in (None, "", (), [])


def playable_scenarios(kit: Kit, territory_file: str) -> tuple[Kit, list[str]]:
    """Leave out the scenarios whose required fields the territory lacks, with a notice each;
    the scenarios kept are numbered again from 1, so that the printed deck has no gaps."""
    kept: list[Scenario] = []
    notices: list[str] = []
    for scenario in kit.scenarios:
        missing = [p for p in scenario.requires if not has_field(kit.territory, p)]
        if missing:
            fields = ", ".join(readable_field(p) for p in missing)
            notices.append(
                f"scénario « {scenario.id} » laissé de côté : {territory_file} ne donne pas "
                f"{fields}"
            )
        else:
            kept.append(scenario)
    if notices:
        notices.append(
            f"{len(notices)} scénario{'s' if len(notices) > 1 else ''} sur {len(kit.scenarios)} "
            f"laissé{'s' if len(notices) > 1 else ''} de côté ; les {len(kept)} autres sont "
            f"numérotés de S1 à S{len(kept)}. Pour les retrouver, complétez {territory_file}."
        )
    numbered = tuple(replace(s, number=n) for n, s in enumerate(kept, start=1))
    return replace(kit, scenarios=numbered), notices


def readable_field(path: str) -> str:
    """« communes[5] » -> « communes[5] » (la 6e commune de la liste « communes »)."""
    parts = field_parts(path)
    rank = next((i for i, p in enumerate(parts) if isinstance(p, int)), None)
    if rank is None:
        return f"« {path} »"
    number = parts[rank] + 1
    ordinal = "1er" if number == 1 else f"{number}e"
    listed = ".".join(str(p) for p in parts[:rank])
    return f"« {path} » ({ordinal} élément de la liste « {listed} »)"


def logo_warnings(
    kit: Kit, board_width_mm: float, board_scale: float, territory: Document
) -> list[str]:
    """A raster logo too coarse where it is printed: an error for a print shop (its preflight
    would refuse the kit), a warning otherwise."""
    from .images import PRINT_DPI, RASTER_SUFFIXES, raster_size

    logo = kit.logo
    if logo is None or logo.suffix.lower() not in RASTER_SUFFIXES:
        return []
    width_px, height_px = raster_size(logo)
    places = (  # the box the logo is fitted in, in mm, and its scale once printed
        ("sur le plateau", board_width_mm, 30.0, board_scale),
        ("sur la couverture du livret", 70.0, 32.0, 1.0),
    )
    lowest, where = min(
        (max(width_px * 25.4 / (w * scale), height_px * 25.4 / (h * scale)), place)
        for place, w, h, scale in places
    )
    if lowest >= PRINT_DPI - 0.5:
        return []
    message = (
        f"logo « {logo.name} » ({width_px} × {height_px} px) imprimé à {lowest:.0f} dpi "
        f"{where} ({PRINT_DPI} dpi conseillés) : fournissez une image plus grande, ou un SVG"
    )
    if kit.profile.cmyk:
        raise InputErrors([territory.problem(("logo",), message)])
    return [message]
