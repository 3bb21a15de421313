"""The stages of a build the companion (kit/companion.py) does on the other core when it can:
checking the files against their schemas, checking the written kit, merging the combined
PDF. Each is done here, in the main process, when the companion could not."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import PreflightError, Problem
from .write import Output

if TYPE_CHECKING:
    from .companion import Companion
    from .preflight_ahead import PreflightAhead
    from .sources import Sources
    from .store import PreflightMemory


def checked_schemas(project: Path, territory: Path | None, profile: str) -> list[Problem]:
    """The companion's first job: the files read and checked against their schemas (the
    rest of the validation needs the fonts, which only the main process loads)."""
    from .sources import load_sources
    from .validate import schema_problems

    return schema_problems(load_sources(project, territory, profile))


def read_sources(
    companion: Companion,
    report: Callable[[str], None],
    project: Path,
    territory: Path | None,
    profile: str,
) -> Sources:
    """The files read and validated, the workshop's local cards merged in; InputErrors else.
    Their schemas are checked by the companion when it can (jsonschema is loaded there)."""
    from .checks import validate_sources
    from .sources import load_sources

    report("Lecture des fichiers")
    sources = load_sources(project, territory, profile)
    report("Vérification des données")
    return validate_sources(sources, companion.first_answer())


def merged_kit(companion: Companion, parts: list[Output], path: str, title: str) -> Output:
    """The combined PDF, merged by the companion (pikepdf loaded there) or else here."""
    from .companion import MERGE, merge

    merged = companion.answer(MERGE, "merge", parts, path, title)
    return merged if merged is not None else merge(parts, path, title)


def preflight_or_fail(
    kit_dir: Path,
    skip: frozenset[str] = frozenset(),
    memory: PreflightMemory | None = None,
    ahead: PreflightAhead | None = None,
) -> None:
    """The kit's own preflight (`makekit check`): a kit that fails it is not delivered.
    A file that passed it before, byte for byte under the same promise, is not checked again."""
    from .companion import check_folder
    from .preflight.findings import ERROR

    listing = (kit_dir / "manifest.json").read_bytes()
    passed = memory.passed(listing) if memory is not None else frozenset()
    checked, findings = ahead.results() if ahead is not None else (frozenset(), [])
    if _listed(listing) - (skip | passed | checked):  # pdfminer loaded only if need be
        findings += check_folder(kit_dir, skip | passed | checked, memory and memory.glyphs)
    errors = [f for f in findings if f.level == ERROR]
    if errors:
        raise PreflightError(errors)
    if memory is not None:
        memory.remember(listing)


def _listed(listing: bytes) -> set[str]:
    return {entry["path"] for entry in json.loads(listing)["files"]}
