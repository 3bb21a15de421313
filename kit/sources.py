"""Stage 1, load: find and read every input file of a project."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputErrors, Problem
from .load import Document, load_yaml, merged
from .local_cards import load_local_cards

FAMILIES = ("axe", "balise", "scenario", "role")
DEFAULT_TERRITORY = Path("territoires") / "val-de-sorne.yaml"
WORKSHOP_TERRITORY = Path("territoire.yaml")
DEFAULT_PROFILE = "a4-recto-verso"


@dataclass(frozen=True)
class Sources:
    """Every input document of one build, with its positions."""

    project: Path
    referentiel: Document
    scenarios: Document
    roles: Document
    territory: Document
    families: dict[str, Document]
    profile: Document
    local_cards: Document | None = None  # the workshop's added, changed, hidden, blank cards


def load_sources(project: Path, territory: Path | None, profile: str) -> Sources:
    """Read every file; report the reading problems of all of them together."""
    problems: list[Problem] = []
    territory_path = territory if territory is not None else default_territory(project)
    wanted = {
        "referentiel": project / "referentiel.yaml",
        "scenarios": project / "scenarios.yaml",
        "roles": project / "roles.yaml",
        "territory": territory_path,
        "profile": project / "layouts" / f"{profile}.yaml",
        **{f"family:{name}": project / "cards" / f"{name}.yaml" for name in FAMILIES},
    }
    del wanted["profile"]
    documents: dict[str, Document] = {}
    for key, path in wanted.items():
        try:
            documents[key] = load_yaml(path, _display_name(path, project))
        except InputErrors as error:
            problems.extend(error.problems)
    try:
        documents["profile"] = load_profile(project, profile)
    except InputErrors as error:
        problems.extend(error.problems)
    local_cards = None
    if "territory" in documents:
        try:
            local_cards = load_local_cards(project, documents["territory"])
        except InputErrors as error:
            problems.extend(error.problems)
    if problems:
        raise InputErrors(problems)
    return Sources(
        project=project,
        referentiel=documents["referentiel"],
        scenarios=documents["scenarios"],
        roles=documents["roles"],
        territory=documents["territory"],
        families={name: documents[f"family:{name}"] for name in FAMILIES},
        profile=documents["profile"],
        local_cards=local_cards,
    )


def default_territory(project: Path) -> Path:
    """A workshop folder made by `makekit init` has its own territoire.yaml."""
    own = project / WORKSHOP_TERRITORY
    return own if own.is_file() else project / DEFAULT_TERRITORY


_PROFILE_NAME = re.compile(r"\w[\w.-]*")


def load_profile(project: Path, name: str, seen: tuple[str, ...] = ()) -> Document:
    """A print profile of layouts/, with what it ``extends`` merged under it."""
    path = project / "layouts" / f"{name}.yaml"
    if not _PROFILE_NAME.fullmatch(name) or ".." in name or not path.is_file():
        raise InputErrors([_unknown_profile(project, name)])  # a name, never a path
    document = load_yaml(path, _display_name(path, project))
    parent = document.data.get("extends") if isinstance(document.data, dict) else None
    if not isinstance(parent, str):
        return document
    if parent in (*seen, name):
        chain = " → ".join((*seen, name, parent))
        raise InputErrors([document.problem(("extends",), f"héritage circulaire : {chain}")])
    try:
        base = load_profile(project, parent, (*seen, name))
    except InputErrors as error:
        if any(p.message.startswith("profil d’impression") for p in error.problems):
            known = ", ".join(_known_profiles(project))
            message = f"profil « {parent} » inconnu (profils disponibles : {known})"
            raise InputErrors([document.problem(("extends",), message)]) from None
        raise
    return merged(base, document)


def _known_profiles(project: Path) -> list[str]:
    return sorted(p.stem for p in (project / "layouts").glob("*.yaml"))


def _display_name(path: Path, project: Path) -> str:
    try:
        return str(path.resolve().relative_to(project.resolve()))
    except ValueError:
        return str(path)


def _unknown_profile(project: Path, profile: str) -> Problem:
    known = _known_profiles(project)
    return Problem(
        f"layouts/{profile}.yaml",
        0,
        "",
        f"profil d’impression « {profile} » inconnu (profils disponibles : {', '.join(known)})",
    )
