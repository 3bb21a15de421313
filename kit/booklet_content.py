"""The booklet's text (kit/content/livret.yaml), rendered for one kit, and the kit's credits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import __version__
from .deck import Deck
from .fonts import FONT_CREDIT
from .icons import ICON_SET_CREDIT
from .layout.plan import CardsDocument
from .model import CARD_FORMATS_MM, Kit
from .prepared import content_source
from .templates import render
from .typography import french
from .units import to_mm


def booklet_source() -> dict[str, Any]:
    return content_source("livret.yaml")


def game_title() -> str:
    return booklet_source()["titre"]


def booklet_variables(
    kit: Kit, deck: Deck, documents: Sequence[CardsDocument], tables: int = 1
) -> dict[str, Any]:
    """What the booklet and guide say of the kit: counts, sizes, sheets (not card texts)."""
    sheets = [sheet for document in documents for sheet in document.sheets]
    balise = kit.families["balise"]
    size = f"{to_mm(balise.width):g} × {to_mm(balise.height):g} mm"
    if balise.format_name in CARD_FORMATS_MM:
        size = f"{size} (format {balise.format_name})"
    return {
        "territoire": dict(kit.territory),
        "nb_axes": len(kit.axes),
        "nb_balises": sum(1 for _, b in kit.balises if not b.hidden),
        "nb_vierges": sum(1 for face in deck.fronts if face.blank),
        "nb_scenarios": len(kit.scenarios),
        "nb_roles": len(kit.roles),
        "nb_cartes": len(deck.fronts),
        "nb_tables": tables,
        "nb_cartes_imprimees": sum(
            1 for s in sheets for p in s.placements if not p.key.startswith("dos-")
        ),
        "nb_feuilles_cartes": sum(1 for s in sheets if s.side in ("recto", "recto-verso")),
        "format_carte": size,
        "format_plateau": kit.profile.board_sheet_name,
    }


def rendered_booklet(variables: dict[str, Any]) -> dict[str, Any]:
    """Every text of livret.yaml rendered as a template over ``kit``."""
    return rendered_content(booklet_source(), variables)


def rendered_content(source: dict[str, Any], variables: dict[str, Any]) -> dict[str, Any]:
    """Every text of a content file rendered as a template over ``kit``."""
    context = {"kit": variables}

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return render(value, context)
        if isinstance(value, list):
            return [w for w in (walk(v) for v in value) if not _left_out(w)]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    return walk(source)


def _left_out(value: Any) -> bool:
    """A list item or a block whose text a condition emptied (``{% if kit.nb_tables > 1 %}``)."""
    if isinstance(value, dict) and len(value) == 1:
        value = next(iter(value.values()))
    return value == "" or value == []


def credits(kit: Kit) -> list[str]:
    source = kit.source
    licence = source["licence"] + (f" ({source['licence_url']})" if "licence_url" in source else "")
    lines = [
        f"Référentiel : « {source['titre']} », {source['auteurs']}"
        + (f", {source['evenement']}" if "evenement" in source else "")
        + (f", {source['annee']}" if "annee" in source else "")
        + ".",
        f"Mention : « {source['mention']} ». Licence : {licence}. Les titres des axes et des balises "
        "et les textes d’axe sont repris du référentiel sans modification ; les étiquettes du "
        "plateau en sont des formes courtes, tirées des schémas du référentiel.",
        "Écrit pour le jeu : les explications et questions des balises, la présentation de l’axe 4 "
        "(absente du document source), les scénarios et ces règles. Ils ne sont pas des citations "
        "du référentiel.",
        FONT_CREDIT + ".",
        ICON_SET_CREDIT + ".",
        f"Kit fabriqué avec makekit {__version__}.",
    ]
    return [french(line) for line in lines]
