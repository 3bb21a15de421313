"""Blank cards (cartes vierges): a family's look with room to write a card during the workshop."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from .deck import Back, Deck, Face, Marker
from .model import Kit
from .typography import french

BLANK_PICTOGRAM = "pencil"
# Each family's writing zones: the title, the main text, the boxed text.
WRITING_LABELS = {
    "balise": (
        "Titre de la balise",
        "Ce qu’elle veut dire pour notre territoire",
        "Question à la table",
    ),
    "scenario": ("Titre du scénario", "La situation", "Le défi lancé à la table"),
    "role": ("Rôle", "Ce qui compte pour moi", "Ma question à la table"),
}


def with_blank_cards(deck: Deck, kit: Kit) -> Deck:
    """The deck with each family's blank cards right after its last printed card."""
    blanks = blank_faces(kit, deck.backs)
    fronts: list[Face] = []
    for index, face in enumerate(deck.fronts):
        fronts.append(face)
        following = deck.fronts[index + 1] if index + 1 < len(deck.fronts) else None
        if following is None or following.family != face.family:
            fronts += blanks.pop(face.family, [])
    return replace(deck, fronts=tuple(fronts))


def blank_faces(kit: Kit, backs: Mapping[str, Back]) -> dict[str, list[Face]]:
    """The blank cards asked for, by family: balises per axis, scenarios, roles."""
    counts = kit.blank_cards
    faces: dict[str, list[Face]] = {"balise": [], "scenario": [], "role": []}
    for axis in kit.axes:
        for n in range(1, counts.get("balises", 0) + 1):
            header = french(f"Axe {axis.number} · {axis.short_title}")
            faces["balise"].append(
                _blank(
                    "balise",
                    f"{axis.id}-{n}",
                    backs[f"axe-{axis.id}"],
                    f"{axis.number}.",
                    header,
                    n,
                )
            )
    for family, count_key, back_key, header in (
        ("scenario", "scenarios", "scenario", "Scénario · à écrire"),
        ("role", "roles", "role", "Rôle · à écrire"),
    ):
        if back_key not in backs:
            continue
        for n in range(1, counts.get(count_key, 0) + 1):
            face = _blank(family, str(n), backs[back_key], "", header, n)
            if family == "scenario":  # every axis sign in the footer, to circle by hand
                markers = tuple(
                    Marker(a.colour, a.shape, a.number, a.short_title) for a in kit.axes
                )
                pied = "Entourez les axes sollicités :"
                face = replace(
                    face, markers=markers, texts=MappingProxyType({**face.texts, "pied": pied})
                )
            faces[family].append(face)
    return faces


def _blank(family: str, name: str, back: Back, badge: str, header: str, n: int) -> Face:
    title, body, boxed = WRITING_LABELS[family]
    texts = {
        "entete": header,
        "titre": title,
        "corps": body,
        "encadre": boxed,
        "pied": "Carte vierge",
    }
    return Face(
        key=f"vierge-{family}-{name}",
        family=family,
        label=f"carte vierge {family} n° {n}",
        colour=back.colour,
        shape=back.shape,
        pattern=back.pattern,
        pictogram=BLANK_PICTOGRAM,
        family_pictogram=back.pictogram,
        badge=badge,
        texts=MappingProxyType(texts),
        back=back.key,
        seed=f"vierge-{family}",
        blank=True,
    )
