"""What each non-card output may read of the kit, for an exact per-output cache key.

The board, its tiles, the booklet and the calibration sheet are drawn from ``drawing_view``,
the kit without the card texts (a balise's explanation and question, the scenarios, the
roles). They are keyed by that same view, so a key can never miss something they draw:
editing one balise's text redraws the cards and reuses the board and the booklet.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from .model import Kit

CARD_ONLY = {
    "Balise": ("explanation", "question", "data"),
    "Axis": ("data",),  # the axis as written, balises' texts included, for card templates
}


def drawing_view(kit: Kit) -> Kit:
    axes = tuple(
        _without(dataclasses.replace(axis, balises=tuple(_without(b) for b in axis.balises)))
        for axis in kit.axes
    )
    return dataclasses.replace(kit, axes=axes, scenarios=(), roles=())


def _without(item: Any) -> Any:
    """``item`` with its card-only fields emptied (only those it has)."""
    names = {f.name for f in dataclasses.fields(item)}
    empty = {
        name: "" if isinstance(getattr(item, name), str) else {}
        for name in CARD_ONLY.get(type(item).__name__, ())
        if name in names
    }
    return dataclasses.replace(item, **empty)
