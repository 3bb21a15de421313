"""Several territories built at once, one process each: one kit's error never stops the others."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from .errors import InputErrors, MakekitError, Problem
from .processes import quiet_child

_TERRITORY_KEY = re.compile(r"^nom_court\s*:", re.MULTILINE)
_SHORT_NAME = re.compile(r"^nom_court\s*:\s*[\"']?(.*?)[\"']?\s*(?:#.*)?$", re.MULTILINE)


@dataclass(frozen=True)
class KitOutcome:
    """What became of one territory's kit: where it went, or why it failed."""

    territory: Path
    kit_dir: Path | None
    seconds: float = 0.0
    pdfs: int = 0
    pages: int = 0
    messages: tuple[str, ...] = ()  # errors when it failed, notices and warnings otherwise
    problems: int = 0
    up_to_date: bool = False  # nothing changed: the kit was kept as it was

    @property
    def ok(self) -> bool:
        return self.kit_dir is not None


def territory_files(paths: tuple[Path, ...]) -> list[Path]:
    """The territory files named, a folder standing for every territory file in it."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.glob("*.yaml") if _is_territory(p))
            if not found:
                problems.append(Problem(str(path), 0, "", "aucun fichier de territoire ici"))
            files += found
        else:
            files.append(path)
    if problems:
        raise InputErrors(problems)
    return list(dict.fromkeys(files))


def _is_territory(path: Path) -> bool:
    """A territory file has a « nom_court »; local card files and others do not."""
    try:
        return bool(_TERRITORY_KEY.search(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError):
        return True  # let the build say what is wrong with it


def build_many(territories: list[Path], jobs: int | None = None, **options) -> Iterator[KitOutcome]:
    """Build each territory's kit in its own process; yield each outcome as it finishes."""
    territories, clashes = _one_per_folder(territories)
    yield from clashes
    workers = max(1, min(len(territories), jobs or os.cpu_count() or 1))
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_ready) as pool:
        futures = [pool.submit(build_one, t, **options) for t in territories]
        for future in as_completed(futures):
            yield future.result()


def _worker_ready() -> None:
    """A worker builds several kits: the libraries of their companions are loaded once."""
    from .companion import load_libraries

    quiet_child()
    load_libraries()


def _one_per_folder(territories: list[Path]) -> tuple[list[Path], list[KitOutcome]]:
    """Two territories with the same short name would write the same kit folder."""
    from .write import slug

    owners: dict[str, Path] = {}
    kept, clashes = [], []
    for territory in territories:
        try:
            text = territory.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""  # the build itself will say what is wrong with the file
        found = _SHORT_NAME.search(text)
        name = slug(found.group(1)) if found else None
        if name in owners:
            line = text[: found.start()].count("\n") + 1
            message = (
                f"{territory}:{line}: nom_court: même dossier de kit (output/{name}/) que "
                f"{owners[name]} : donnez-lui un autre nom court"
            )
            clashes.append(KitOutcome(territory, None, messages=(message,), problems=1))
            continue
        if name is not None:
            owners[name] = territory
        kept.append(territory)
    return kept, clashes


def build_one(territory: Path, **options) -> KitOutcome:
    """One territory's build, its user errors turned into an outcome (runs in a worker)."""
    from .build import build

    try:
        result = build(territory=territory, **options)
    except MakekitError as error:
        return KitOutcome(territory, None, messages=tuple(error.lines()), problems=error.count)
    except Exception as error:  # a bug of ours must not stop the other kits
        message = f"erreur inattendue dans makekit : {error!r} ; signalez-la"
        return KitOutcome(territory, None, messages=(message,), problems=1)
    pdfs = [o for o in result.outputs if o.path.endswith(".pdf")]
    remarks = tuple(f"Remarque : {n}" for n in result.notices)
    remarks += tuple(f"Attention : {w}" for w in result.warnings)
    return KitOutcome(
        territory,
        result.kit_dir,
        result.seconds,
        len(pdfs),
        sum(o.pages for o in pdfs if o.component != "kit-complet"),
        remarks,
        up_to_date=result.up_to_date,
    )
