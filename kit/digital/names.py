"""File names of the digital outputs, shared by the images, the TTS sheets and the gallery.

Names sort by family, then card number, so a folder listing is the deck in order.
"""

from __future__ import annotations

from ..deck import Face

FAMILY_ORDER = ("axe", "balise", "scenario", "role", "vierge")
IMAGE_DPIS = (300, 150)


def card_stem(face: Face) -> str:
    """« 2-balise-1.3-balise-portage-politique » : family rank, family, badge, key."""
    rank = FAMILY_ORDER.index(face.family) + 1 if face.family in FAMILY_ORDER else 9
    badge = face.badge.replace(".", "-").lower()
    name = face.key.split("-", 1)[-1]
    return "-".join(p for p in (str(rank), face.family, _padded(badge), name) if p)


def face_image_path(face: Face, dpi: int) -> str:
    return f"images/{dpi}dpi/{card_stem(face)}-recto.png"


def back_image_path(back_key: str, dpi: int) -> str:
    """Backs are shared by many cards: one image each."""
    return f"images/{dpi}dpi/dos-{back_key}.png"


def board_image_path(dpi: int) -> str:
    return f"images/{dpi}dpi/plateau.png"


def _padded(badge: str) -> str:
    """Zero-pad each number so that 10 sorts after 9: "1-3" -> "01-03", "s12" -> "s12"."""
    parts = badge.split("-")
    return "-".join(p.zfill(2) if p.isdigit() else p[:1] + p[1:].zfill(2) for p in parts if p)
