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
    from .prepared import Prepared
    from .sources import Sources
    from .store import PreflightMemory


def checked_sources(
    project: Path, territory: Path | None, profile: str
) -> tuple[Sources, list[Problem], Prepared | None]:
    """The companion's first job: the files read, and what their schemas find (the rest of
    the validation needs the fonts, which only the main process loads). The main process
    builds from these very sources: a file saved meanwhile is not read twice, differently.
    Then, while the main process still imports its libraries, what every build reads."""
    from .prepared import prepare
    from .sources import load_sources
    from .validate import schema_problems

    sources = load_sources(project, territory, profile)
    checked = sources, schema_problems(sources)
    try:
        return *checked, prepare()
    except Exception:  # noqa: BLE001 (read again, and any problem said, where it is needed)
        return *checked, None


def read_sources(
    companion: Companion,
    report: Callable[[str], None],
    project: Path,
    territory: Path | None,
    profile: str,
) -> Sources:
    """The files read and validated, the workshop's local cards merged in; InputErrors else.
    The companion reads them and checks their schemas when it can (jsonschema is loaded
    there); otherwise, or when it found a file it could not read, it is done here."""
    from .checks import validate_sources

    report("Lecture des fichiers")
    answer = companion.first_answer()
    if answer is None:
        from .sources import load_sources

        sources, checked = load_sources(project, territory, profile), None
    else:
        sources, checked, prepared = answer
        if prepared is not None:
            from .prepared import take

            take(prepared)
    report("Vérification des données")
    return validate_sources(sources, checked)


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
    """The PDFs of the manifest (the preflight checks nothing else: images, HTML…)."""
    files = json.loads(listing)["files"]
    return {entry["path"] for entry in files if entry["path"].lower().endswith(".pdf")}
