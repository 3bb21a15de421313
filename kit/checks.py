"""Stage 2, validate: schemas of every file, then the checks between files."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from .colours import MIN_TEXT_CONTRAST, contrast_ratio
from .errors import InputErrors, Problem
from .fonts import lacking_message, missing_characters
from .icons import icon_exists, unknown_icon_message
from .images import ImageProblem, inside_project, is_file_reference, resolve_user_file
from .load import Document, YamlPath
from .local_cards import merge_local_cards
from .model import CARD_FORMATS_MM
from .sources import Sources
from .units import parse_length, to_mm
from .validate import schema_problems, unique_values


def validate_sources(sources: Sources, schema_checked: list[Problem] | None = None) -> Sources:
    """The sources with the workshop's local cards merged in; or InputErrors with every
    problem of every file. ``schema_checked``: what ``schema_problems`` found, if known."""
    problems = schema_problems(sources) if schema_checked is None else list(schema_checked)
    merge_problems: list[Problem] = []  # unknown ids are left aside: the rest is checked
    local = sources.local_cards
    if local is not None and local.data is not None and not problems:
        referentiel, scenarios, merge_problems = merge_local_cards(
            sources.referentiel, sources.scenarios, local
        )
        sources = replace(sources, referentiel=referentiel, scenarios=scenarios)
    problems += _icc_problems(sources.profile, sources.project)
    if not problems:
        problems += _referentiel_checks(sources.referentiel, sources.project)
        problems += _scenario_checks(sources.scenarios, sources.referentiel, sources.project)
        problems += _role_checks(sources.roles, sources.project)
        problems += _family_checks(sources.families)
        problems += _contrast_checks(sources)
        problems += _logo_problems(sources.territory, sources.project)
        printed = (sources.referentiel, sources.scenarios, sources.roles, sources.territory)
        for document in (*printed, *sources.families.values()):  # and the cards' templates
            problems += _glyph_problems(document)
    if problems or merge_problems:
        raise InputErrors(problems + merge_problems)
    return sources


def _referentiel_checks(doc: Document, project) -> list[Problem]:
    axes = doc.data["axes"]
    problems = unique_values(
        doc, [(("axes", i, "id"), a["id"]) for i, a in enumerate(axes)], "identifiant"
    )
    problems += unique_values(
        doc, [(("axes", i, "numero"), a["numero"]) for i, a in enumerate(axes)], "numéro d’axe"
    )
    balise_ids = []
    for i, axis in enumerate(axes):
        numbers = [
            (("axes", i, "balises", j, "numero"), b["numero"])
            for j, b in enumerate(axis["balises"])
        ]
        problems += unique_values(doc, numbers, "numéro de balise")
        balise_ids += [
            (("axes", i, "balises", j, "id"), b["id"]) for j, b in enumerate(axis["balises"])
        ]
        problems += _image_problems(doc, ("axes", i), axis, project)
        for j, balise in enumerate(axis["balises"]):
            problems += _image_problems(doc, ("axes", i, "balises", j), balise, project)
    all_ids = [(("axes", i, "id"), a["id"]) for i, a in enumerate(axes)] + balise_ids
    problems += unique_values(doc, all_ids, "identifiant")
    return problems


def _icc_problems(profile: Document, project) -> list[Problem]:
    """A print profile's ICC file, like every file a YAML names, stays in the project."""
    value = profile.data.get("profil_icc") if isinstance(profile.data, dict) else None
    if not isinstance(value, str):
        return []
    try:
        inside_project(project, value)
    except ImageProblem as problem:
        return [profile.problem(("profil_icc",), str(problem))]
    return []


def _image_problems(doc: Document, path, item: dict, project) -> list[Problem]:
    """A pictogram must be a known icon or a usable file; an illustration, a usable file."""
    problems = []
    for key in ("pictogramme", "illustration"):
        value = item.get(key)
        if value is None:
            continue
        if is_file_reference(value):
            try:
                resolve_user_file(project, value)
            except ImageProblem as problem:
                problems.append(doc.problem((*path, key), str(problem)))
        elif not icon_exists(value):
            problems.append(doc.problem((*path, key), unknown_icon_message(value)))
    return problems


def _scenario_checks(doc: Document, referentiel: Document, project) -> list[Problem]:
    scenarios = doc.data["scenarios"]
    problems = unique_values(
        doc, [(("scenarios", i, "id"), s["id"]) for i, s in enumerate(scenarios)], "identifiant"
    )
    problems += unique_values(
        doc,
        [(("scenarios", i, "numero"), s["numero"]) for i, s in enumerate(scenarios)],
        "numéro de scénario",
    )
    axis_ids = [axis["id"] for axis in referentiel.data["axes"]]
    for i, scenario in enumerate(scenarios):
        problems += _image_problems(doc, ("scenarios", i), scenario, project)
        for k, axis_id in enumerate(scenario["axes"]):
            if axis_id not in axis_ids:
                known = ", ".join(axis_ids)
                message = f"axe « {axis_id} » inconnu du référentiel (axes possibles : {known})"
                problems.append(doc.problem(("scenarios", i, "axes", k), message))
    return problems


def _role_checks(doc: Document, project) -> list[Problem]:
    roles = doc.data["roles"]
    problems = unique_values(
        doc, [(("roles", i, "id"), r["id"]) for i, r in enumerate(roles)], "identifiant"
    )
    numbers = [(("roles", i, "numero"), r["numero"]) for i, r in enumerate(roles)]
    problems += unique_values(doc, numbers, "numéro de rôle")
    for i, role in enumerate(roles):
        problems += _image_problems(doc, ("roles", i), role, project)
    return problems


MIN_CARD_MM, MAX_CARD_MM = 30, 300


def _family_checks(families: dict[str, Document]) -> list[Problem]:
    problems = []
    for name, doc in families.items():
        data = doc.data
        if data["famille"] != name:
            problems.append(
                doc.problem(("famille",), f"doit être « {name} », comme le nom du fichier")
            )
        if data["format"] == "libre" and not ("largeur" in data and "hauteur" in data):
            problems.append(
                doc.problem(
                    ("format",), "le format « libre » demande une « largeur » et une « hauteur »"
                )
            )
        else:
            problems += _family_sizes(doc)
    return problems


def _family_sizes(doc: Document) -> list[Problem]:
    """Sizes a card can be drawn with: a text area left by the safe zone, readable fonts."""
    data = doc.data
    if data["format"] == "libre":
        sides = {k: to_mm(parse_length(data[k])) for k in ("largeur", "hauteur")}
        for key, side in sides.items():
            if not MIN_CARD_MM <= side <= MAX_CARD_MM:
                message = f"{data[key]} : une carte mesure de {MIN_CARD_MM} à {MAX_CARD_MM} mm"
                return [doc.problem((key,), message)]
        shortest = min(sides.values())
    else:
        shortest = min(CARD_FORMATS_MM[data["format"]])
    problems = []
    for key, largest in (
        ("zone_tranquille", (shortest - 20) / 2),
        ("coins_arrondis", shortest / 4),
    ):
        if key in data and not 0 <= to_mm(parse_length(data[key])) <= largest:
            limit = f"{largest:.1f}".replace(".", ",")
            message = f"{data[key]} : de 0 à {limit} mm pour cette carte"
            problems.append(doc.problem((key,), message))
    for key, value in data.get("tailles", {}).items():
        if not 4 <= parse_length(value) <= 72:
            message = f"{value} : une taille de police va de 4pt à 72pt"
            problems.append(doc.problem(("tailles", key), message))
    return problems


def _logo_problems(territory: Document, project) -> list[Problem]:
    if "logo" not in territory.data:
        return []
    try:
        resolve_user_file(project, territory.data["logo"])
    except ImageProblem as problem:
        return [territory.problem(("logo",), str(problem))]
    return []


def _contrast_checks(sources: Sources) -> list[Problem]:
    """White text sits on every family colour, and titles are printed in it on white."""
    places = [
        (sources.referentiel, ("axes", i, "couleur"), axis["couleur"])
        for i, axis in enumerate(sources.referentiel.data["axes"])
    ]
    for family in (sources.families["scenario"], sources.families["role"]):
        if "couleur" in family.data:
            places.append((family, ("couleur",), family.data["couleur"]))
    if "couleur" in sources.territory.data:  # the territory's name, printed in it on white
        places.append((sources.territory, ("couleur",), sources.territory.data["couleur"]))
    problems = []
    for document, path, colour in places:
        ratio = contrast_ratio("#FFFFFF", colour)
        if ratio < MIN_TEXT_CONTRAST:
            shown = f"{ratio:.1f}".replace(".", ",")
            problems.append(
                document.problem(
                    path,
                    (
                        f"couleur « {colour} » trop claire : le texte blanc n’y atteint qu’un contraste de "
                        f"{shown}:1 (4,5:1 au moins pour rester lisible) ; choisissez une couleur plus foncée"
                    ),
                )
            )
    return problems


# Names of files, icons and colours; and the diagram labels, which no card or board prints
# (a card template printing them is still checked when the card is drawn).
_NOT_PRINTED = frozenset(
    {"id", "logo", "illustration", "pictogramme", "cartes_locales", "couleur", "etiquettes"}
)
_TEMPLATE_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)


def _glyph_problems(doc: Document) -> list[Problem]:
    """Characters the font cannot draw, on the line that holds them (drawing would only
    name the card, or the board, that prints them)."""
    problems = []
    for path, text in _printed_texts(doc.data, ()):
        printed = _TEMPLATE_COMMENT.sub("", text)
        missing = [char for char in missing_characters(printed) if not char.isspace()]
        if missing:  # spaces of every kind are printed as plain spaces
            fix = "remplacez-le" if len(missing) == 1 else "remplacez-les"
            problems.append(doc.problem(path, f"{lacking_message(missing)} : {fix}"))
    return problems


def _printed_texts(value: Any, path: YamlPath) -> Iterator[tuple[YamlPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _NOT_PRINTED:  # names of files, icons and colours
                yield from _printed_texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _printed_texts(item, (*path, index))
