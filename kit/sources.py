"""Stage 1, load: find and read every input file of a project."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import InputErrors, Problem
from .load import Document, load_yaml

FAMILIES = ("axe", "balise", "scenario")
DEFAULT_TERRITORY = Path("territoires") / "val-de-sorne.yaml"
DEFAULT_PROFILE = "a4-recto-verso"


@dataclass(frozen=True)
class Sources:
    """Every input document of one build, with its positions."""

    project: Path
    referentiel: Document
    scenarios: Document
    territory: Document
    families: dict[str, Document]
    profile: Document


def load_sources(project: Path, territory: Path | None, profile: str) -> Sources:
    """Read every file; report the reading problems of all of them together."""
    problems: list[Problem] = []
    territory_path = territory if territory is not None else project / DEFAULT_TERRITORY
    wanted = {
        "referentiel": project / "referentiel.yaml",
        "scenarios": project / "scenarios.yaml",
        "territory": territory_path,
        "profile": project / "layouts" / f"{profile}.yaml",
        **{f"family:{name}": project / "cards" / f"{name}.yaml" for name in FAMILIES},
    }
    if not wanted["profile"].is_file():
        problems.append(_unknown_profile(project, profile))
        del wanted["profile"]
    documents: dict[str, Document] = {}
    for key, path in wanted.items():
        try:
            documents[key] = load_yaml(path, _display_name(path, project))
        except InputErrors as error:
            problems.extend(error.problems)
    if problems:
        raise InputErrors(problems)
    return Sources(
        project=project,
        referentiel=documents["referentiel"],
        scenarios=documents["scenarios"],
        territory=documents["territory"],
        families={name: documents[f"family:{name}"] for name in FAMILIES},
        profile=documents["profile"],
    )


def _display_name(path: Path, project: Path) -> str:
    try:
        return str(path.resolve().relative_to(project.resolve()))
    except ValueError:
        return str(path)


def _unknown_profile(project: Path, profile: str) -> Problem:
    known = sorted(p.stem for p in (project / "layouts").glob("*.yaml"))
    return Problem(
        f"layouts/{profile}.yaml",
        0,
        "",
        f"profil d’impression « {profile} » inconnu (profils disponibles : {', '.join(known)})",
    )
