"""A workshop's local cards (« cartes_locales » in the territory file): balises and scenarios
added, changed or hidden, merged into the référentiel's and the scenarios' documents so that
every later check and message points at the line of the file the value came from."""

from __future__ import annotations

import copy
import difflib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from .errors import InputErrors, Problem
from .load import Document, YamlPath, load_yaml

ADDED = "ajout local"
CHANGED = "adaptation locale"
HIDDEN = "masquee"


def local_cards_file(project: Path, territory: Document) -> Path | None:
    """The file the territory names in « cartes_locales », inside the project folder."""
    value = territory.data.get("cartes_locales") if isinstance(territory.data, dict) else None
    if not isinstance(value, str):
        return None
    given = Path(value)
    root = project.resolve()
    if (
        given.is_absolute()
        or ".." in given.parts
        or not (root / given).resolve().is_relative_to(root)
    ):
        message = f"« {value} » : donnez un chemin relatif au dossier du projet, sans « .. »"
        raise InputErrors([territory.problem(("cartes_locales",), message)])
    return project / given


def load_local_cards(project: Path, territory: Document) -> Document | None:
    path = local_cards_file(project, territory)
    if path is None:
        return None
    if not path.is_file():
        message = (
            f"fichier « {territory.data['cartes_locales']} » introuvable dans le dossier du projet"
        )
        raise InputErrors([territory.problem(("cartes_locales",), message)])
    return load_yaml(path, str(Path(territory.data["cartes_locales"])))


def merge_local_cards(
    referentiel: Document, scenarios: Document, local: Document
) -> tuple[Document, Document, list[Problem]]:
    """The two documents with the local cards merged in, and the problems found doing it."""
    ref, scen = _copy(referentiel), _copy(scenarios)
    problems: list[Problem] = []
    data = local.data or {}
    axes = {axis["id"]: i for i, axis in enumerate(ref.data["axes"])}
    for axis_id, balises in data.get("ajouter", {}).get("balises", {}).items():
        if axis_id not in axes:
            problems.append(_unknown(local, ("ajouter", "balises", axis_id), "axe", axis_id, axes))
            continue
        target = ref.data["axes"][axes[axis_id]]["balises"]
        for k, balise in enumerate(balises):
            _graft(
                local,
                ("ajouter", "balises", axis_id, k),
                ref,
                ("axes", axes[axis_id], "balises", len(target)),
            )
            target.append({**balise, "origine": ADDED})
    for k, scenario in enumerate(data.get("ajouter", {}).get("scenarios", [])):
        _graft(local, ("ajouter", "scenarios", k), scen, ("scenarios", len(scen.data["scenarios"])))
        scen.data["scenarios"].append({**scenario, "origine": ADDED})
    balises = dict(_balise_paths(ref))
    scenario_paths = {s["id"]: ("scenarios", i) for i, s in enumerate(scen.data["scenarios"])}
    for kind, doc, paths in (("balise", ref, balises), ("scenario", scen, scenario_paths)):
        family = f"{kind}s"
        for card_id, fields in data.get("modifier", {}).get(family, {}).items():
            where = ("modifier", family, card_id)
            if card_id not in paths:
                problems.append(_unknown(local, where, kind, card_id, paths))
                continue
            item = _at(doc.data, paths[card_id])
            _deep_update(item, fields)
            item.setdefault("origine", CHANGED)
            for key in fields:  # the card itself keeps its own line
                _graft(local, (*where, key), doc, (*paths[card_id], key))
        for k, card_id in enumerate(data.get("masquer", {}).get(family, [])):
            if card_id not in paths:
                problems.append(_unknown(local, ("masquer", family, k), kind, card_id, paths))
                continue
            _at(doc.data, paths[card_id])[HIDDEN] = True
    return ref, scen, problems


def blank_counts(local: Document | None) -> dict[str, int]:
    data = (local.data or {}) if local is not None else {}
    return {"balises": 0, "scenarios": 0, "roles": 0, **data.get("vierges", {})}


def _balise_paths(ref: Document) -> Iterator[tuple[str, YamlPath]]:
    for i, axis in enumerate(ref.data["axes"]):
        for j, balise in enumerate(axis["balises"]):
            yield balise["id"], ("axes", i, "balises", j)


def _unknown(local: Document, path: YamlPath, kind: str, value: str, known) -> Problem:
    names = {"axe": "axe", "balise": "balise", "scenario": "scénario"}
    close = difflib.get_close_matches(value, list(known), n=1)
    hint = f" (vouliez-vous dire « {close[0]} » ?)" if close else ""
    return local.problem(
        path, f"{names[kind]} « {value} » inconnu{'e' if kind == 'balise' else ''}{hint}"
    )


def _copy(document: Document) -> Document:
    return replace(
        document,
        data=copy.deepcopy(document.data),
        lines=dict(document.lines),
        files=dict(document.files),
    )


def _graft(source: Document, source_path: YamlPath, into: Document, into_path: YamlPath) -> None:
    """The positions under ``source_path`` become those of ``into_path`` in ``into``."""
    size = len(source_path)
    for path, line in source.lines.items():
        if path[:size] == source_path:
            target = (*into_path, *path[size:])
            into.lines[target] = line
            into.files[target] = source.file


def _at(data: Any, path: YamlPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _deep_update(item: dict, fields: dict) -> None:
    for key, value in fields.items():
        if isinstance(value, dict) and isinstance(item.get(key), dict):
            _deep_update(item[key], value)
        else:
            item[key] = value
