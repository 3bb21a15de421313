"""Pictograms: Material Design Icons (Apache-2.0), installed from PyPI."""

from __future__ import annotations

import difflib
import functools

import material_design_icons_pack as mdi

ICON_SET_CREDIT = (
    "Pictogrammes : Material Design Icons (Pictogrammers), licence Apache 2.0, "
    "paquet material-design-icons-pack"
)


@functools.cache
def known_icons() -> tuple[str, ...]:
    names = (name for name in dir(mdi) if name.isupper() and not name.startswith("_"))
    return tuple(sorted(name.lower().replace("_", "-") for name in names))


def icon_exists(slug: str) -> bool:
    return mdi.get_icon(slug) is not None


def unknown_icon_message(slug: str) -> str:
    close = difflib.get_close_matches(slug, known_icons(), n=3, cutoff=0.7)
    hint = f" (vouliez-vous dire {', '.join(f'« {c} »' for c in close)} ?)" if close else ""
    return (
        f"pictogramme « {slug} » introuvable dans Material Design Icons{hint} ; "
        "cherchez un nom sur pictogrammers.com/library/mdi"
    )


@functools.cache
def icon_path_data(slug: str) -> str:
    """The SVG path data of an icon (every MDI icon is one filled path on a 24×24 grid)."""
    icon = mdi.get_icon(slug)
    if icon is None:
        raise KeyError(slug)
    start = icon.svg.index(' d="') + 4
    return icon.svg[start : icon.svg.index('"', start)]
