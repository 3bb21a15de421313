"""Stage 2, validate: schemas of every file, then the checks between files."""

from __future__ import annotations

from .errors import InputErrors, Problem
from .icons import icon_exists, unknown_icon_message
from .load import Document
from .sources import Sources
from .validate import check_schema, unique_values


def validate_sources(sources: Sources) -> None:
    """Raise InputErrors with every problem of every file, or return quietly."""
    problems = check_schema(sources.referentiel, "referentiel")
    problems += check_schema(sources.scenarios, "scenarios")
    problems += check_schema(sources.territory, "territoire")
    problems += check_schema(sources.profile, "profil")
    for document in sources.families.values():
        problems += check_schema(document, "famille")
    if not problems:
        problems += _referentiel_checks(sources.referentiel)
        problems += _scenario_checks(sources.scenarios, sources.referentiel)
        problems += _family_checks(sources.families)
    if problems:
        raise InputErrors(problems)


def _referentiel_checks(doc: Document) -> list[Problem]:
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
        problems += _icon_problems(doc, ("axes", i, "pictogramme"), axis["pictogramme"])
        for j, balise in enumerate(axis["balises"]):
            problems += _icon_problems(
                doc, ("axes", i, "balises", j, "pictogramme"), balise["pictogramme"]
            )
    all_ids = [(("axes", i, "id"), a["id"]) for i, a in enumerate(axes)] + balise_ids
    problems += unique_values(doc, all_ids, "identifiant")
    return problems


def _icon_problems(doc: Document, path, slug: str) -> list[Problem]:
    return [] if icon_exists(slug) else [doc.problem(path, unknown_icon_message(slug))]


def _scenario_checks(doc: Document, referentiel: Document) -> list[Problem]:
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
        for k, axis_id in enumerate(scenario["axes"]):
            if axis_id not in axis_ids:
                known = ", ".join(axis_ids)
                message = f"axe « {axis_id} » inconnu du référentiel (axes possibles : {known})"
                problems.append(doc.problem(("scenarios", i, "axes", k), message))
    return problems


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
    return problems
