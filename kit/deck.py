"""Stage 3, model (continued): the cards of the kit, with their texts rendered from templates."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .errors import InputErrors, Problem
from .model import Family, Kit
from .sources import Sources
from .templates import TemplateProblem, render
from .typography import french

TEXT_SLOTS = ("entete", "titre", "corps", "encadre", "pied")
SCENARIO_SHAPE = "hexagone"
SCENARIO_PATTERN = "aucun"
SCENARIO_PICTOGRAM = "map-search"
ROLE_SHAPE = "pentagone"
ROLE_PATTERN = "aucun"
ROLE_PICTOGRAM = "account-voice"


@dataclass(frozen=True)
class Marker:
    """A small family sign: an axis's colour, shape and number."""

    colour: str
    shape: str
    number: int
    label: str


@dataclass(frozen=True)
class Face:
    key: str
    family: str
    label: str  # names the card in messages
    colour: str
    shape: str
    pattern: str
    pictogram: str | Path  # the card's own sign: an icon name or a user file
    family_pictogram: str | Path  # the family's sign, in the header strip
    badge: str
    texts: Mapping[str, str]
    back: str
    seed: str  # the illustration is generated from it, unless a file is given
    illustration: Path | None = None
    accents: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    markers: tuple[Marker, ...] = ()
    blank: bool = False  # a card to write on during the workshop


@dataclass(frozen=True)
class Back:
    key: str
    colour: str
    shape: str
    pattern: str
    pictogram: str | Path
    title: str
    subtitle: str


@dataclass(frozen=True)
class Deck:
    fronts: tuple[Face, ...]
    backs: Mapping[str, Back]

    def family_count(self, family: str) -> int:
        return sum(1 for face in self.fronts if face.family == family)


def compose_deck(kit: Kit, sources: Sources) -> Deck:
    """Render every card's texts; report every template problem at once."""
    problems: list[Problem] = []
    scenario_texts = _scenario_texts(kit, sources, problems)
    fronts: list[Face] = []
    territory = _plain(kit.territory)
    for axis in kit.axes:
        context = {"axe": _plain(axis.data), "territoire": territory}
        fronts.append(_face(kit.families["axe"], sources, context, problems, _axis_face(axis)))
    for axis, balise in kit.balises:
        if balise.hidden:
            continue
        context = {"axe": _plain(axis.data), "balise": _plain(balise.data), "territoire": territory}
        fronts.append(
            _face(kit.families["balise"], sources, context, problems, _balise_face(axis, balise))
        )
    for scenario in kit.scenarios:
        data = {
            **_plain(scenario.data),
            **scenario_texts[scenario.id],
            "numero": scenario.number,  # numbered again when some are left out
            "type_nom": scenario.kind_label,
        }
        axes = [_plain(kit.axis(a).data) for a in scenario.axis_ids]
        context = {"scenario": data, "axes": axes, "territoire": territory}
        fields = _scenario_face(kit, scenario)
        fronts.append(_face(kit.families["scenario"], sources, context, problems, fields))
    for role in kit.roles:
        context = {"role": _plain(role.data), "territoire": territory}
        fields = _role_face(kit, role)
        fronts.append(_face(kit.families["role"], sources, context, problems, fields))
    if problems:
        raise InputErrors(_grouped(problems))
    return Deck(tuple(fronts), MappingProxyType(_backs(kit)))


def untexted_deck(kit: Kit) -> Deck:
    """The deck before its texts are rendered: enough to impose it and draw its pictures."""
    fields = [("axe", _axis_face(axis)) for axis in kit.axes]
    fields += [("balise", _balise_face(a, b)) for a, b in kit.balises if not b.hidden]
    fields += [("scenario", _scenario_face(kit, scenario)) for scenario in kit.scenarios]
    fields += [("role", _role_face(kit, role)) for role in kit.roles]
    fronts = tuple(Face(family=f, texts=MappingProxyType({}), **face) for f, face in fields)
    return Deck(fronts, MappingProxyType(_backs(kit)))


def _scenario_texts(
    kit: Kit, sources: Sources, problems: list[Problem]
) -> dict[str, dict[str, str]]:
    """Each scenario's title and text, both templates over the territory."""
    texts: dict[str, dict[str, str]] = {}
    index = {s["id"]: i for i, s in enumerate(sources.scenarios.data["scenarios"])}
    context = {"territoire": _plain(kit.territory)}
    for scenario in kit.scenarios:
        texts[scenario.id] = {}
        for field, source in (("titre", scenario.title), ("texte", scenario.text_template)):
            try:
                texts[scenario.id][field] = render(source, context)
            except TemplateProblem as problem:
                path = ("scenarios", index[scenario.id], field)
                hint = _territory_hint(str(problem), sources.territory.file)
                message = f"scénario « {scenario.id} » : {problem}{hint}"
                problems.append(sources.scenarios.problem(path, message))
    return texts


def _territory_hint(message: str, territory_file: str) -> str:
    """What to do when a scenario uses a field the territory does not give."""
    found = re.search(r"« territoire\.([^ »]+) »", message)
    if not found or "n’existe pas" not in message:
        return ""
    return (
        f'. Ajoutez-le à {territory_file}, ou écrivez « requiert: ["{found.group(1)}"] » '
        "dans ce scénario pour le laisser de côté quand le territoire ne le donne pas"
    )


def _face(
    family: Family, sources: Sources, context: dict, problems: list[Problem], fields: dict
) -> Face:
    texts = {}
    document = sources.families[family.name]
    for slot in TEXT_SLOTS:
        try:
            texts[slot] = render(family.templates[slot], context)
        except TemplateProblem as problem:
            texts[slot] = ""
            problems.append(document.problem(("textes", slot), f"{fields['label']}\0{problem}"))
    return Face(family=family.name, texts=MappingProxyType(texts), **fields)


def _grouped(problems: list[Problem]) -> list[Problem]:
    """One problem per failing card template, naming the first card and counting the others."""
    groups: dict[tuple, list[str]] = {}
    for problem in problems:
        label, _, message = problem.message.rpartition("\0")
        groups.setdefault((problem.file, problem.line, problem.path, message), []).append(label)
    grouped = []
    for (file, line, path, message), labels in groups.items():
        if not labels[0]:
            grouped.append(Problem(file, line, path, message))
            continue
        others = (
            f" (et {len(labels) - 1} autres cartes)"
            if len(labels) > 2
            else (" (et 1 autre carte)" if len(labels) == 2 else "")
        )
        grouped.append(Problem(file, line, path, f"{labels[0]}{others} : {message}"))
    return grouped


def _axis_face(axis) -> dict[str, Any]:
    return {
        "key": f"axe-{axis.id}",
        "label": f"carte axe « {axis.id} »",
        "colour": axis.colour,
        "shape": axis.shape,
        "pattern": axis.pattern,
        "pictogram": axis.pictogram,
        "family_pictogram": axis.pictogram,
        "badge": str(axis.number),
        "back": f"axe-{axis.id}",
        "seed": axis.id,
        "illustration": axis.illustration,
    }


def _balise_face(axis, balise) -> dict[str, Any]:
    return {
        "key": f"balise-{balise.id}",
        "label": f"carte balise « {balise.id} »",
        "colour": axis.colour,
        "shape": axis.shape,
        "pattern": axis.pattern,
        "pictogram": balise.pictogram,
        "family_pictogram": axis.pictogram,
        "badge": f"{axis.number}.{balise.number}",
        "back": f"axe-{axis.id}",
        "seed": balise.id,
        "illustration": balise.illustration,
    }


def _scenario_face(kit: Kit, scenario) -> dict[str, Any]:
    axes = [kit.axis(axis_id) for axis_id in scenario.axis_ids]
    return {
        "key": f"scenario-{scenario.id}",
        "label": f"carte scénario « {scenario.id} »",
        "colour": kit.families["scenario"].colour,
        "shape": SCENARIO_SHAPE,
        "pattern": SCENARIO_PATTERN,
        "pictogram": scenario.pictogram,
        "family_pictogram": SCENARIO_PICTOGRAM,
        "badge": f"S{scenario.number}",
        "back": "scenario",
        "seed": scenario.id,
        "illustration": scenario.illustration,
        "accents": tuple(a.colour for a in axes),
        "themes": scenario.themes,
        "markers": tuple(Marker(a.colour, a.shape, a.number, a.short_title) for a in axes),
    }


def _role_face(kit: Kit, role) -> dict[str, Any]:
    return {
        "key": f"role-{role.id}",
        "label": f"carte rôle « {role.id} »",
        "colour": kit.families["role"].colour,
        "shape": ROLE_SHAPE,
        "pattern": ROLE_PATTERN,
        "pictogram": role.pictogram,
        "family_pictogram": ROLE_PICTOGRAM,
        "badge": f"R{role.number}",
        "back": "role",
        "seed": role.id,
        "illustration": role.illustration,
        "themes": role.themes,
    }


def _backs(kit: Kit) -> dict[str, Back]:
    backs = {
        f"axe-{axis.id}": Back(
            key=f"axe-{axis.id}",
            colour=axis.colour,
            shape=axis.shape,
            pattern=axis.pattern,
            pictogram=axis.pictogram,
            title=french(f"Axe {axis.number}"),
            subtitle=french(axis.short_title),
        )
        for axis in kit.axes
    }
    backs["scenario"] = Back(
        key="scenario",
        colour=kit.families["scenario"].colour,
        shape=SCENARIO_SHAPE,
        pattern=SCENARIO_PATTERN,
        pictogram=SCENARIO_PICTOGRAM,
        title="Scénario",
        subtitle=french(kit.territory["nom_court"]),
    )
    if kit.roles:
        backs["role"] = Back(
            key="role",
            colour=kit.families["role"].colour,
            shape=ROLE_SHAPE,
            pattern=ROLE_PATTERN,
            pictogram=ROLE_PICTOGRAM,
            title="Rôle",
            subtitle=french("Votre point de vue"),
        )
    return backs


def _plain(value: Any) -> Any:
    """Mapping proxies and tuples back to dicts and lists, the plain data templates see."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value
