"""manifest.json: the PDFs to check and what the print profile promises about them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .findings import ERROR, Finding

MANIFEST = "manifest.json"
CHECK = "manifeste"


@dataclass(frozen=True)
class Promise:
    """The manifest's "preflight" object; defaults are those of a home-printing RGB kit."""

    couleurs: str = "rvb"  # "rvb" or "cmjn"
    fond_perdu_mm: float = 0.0
    zone_tranquille_mm: float = 4.0
    boites: bool = False
    pdfx: bool = False

    @property
    def cmyk(self) -> bool:
        return self.couleurs == "cmjn"


@dataclass(frozen=True)
class Entry:
    path: str
    pages: int | None = None
    sha256: str | None = None
    bleed_mm: float | None = None  # this file's own bleed, when it differs from the kit's


@dataclass
class Manifest:
    promise: Promise
    entries: list[Entry]
    findings: list[Finding] = field(default_factory=list)


def load_manifest(kit_dir: Path) -> Manifest:
    """Read manifest.json; every problem becomes an "erreur" finding on manifest.json."""
    try:
        document = json.loads((kit_dir / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return _broken(f"{MANIFEST} absent de {kit_dir} : ce dossier n’est pas un kit construit")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return _broken(f"{MANIFEST} illisible : {error}")
    if not isinstance(document, dict) or not isinstance(document.get("files"), list):
        return _broken(f"{MANIFEST} : la liste « files » manque")
    findings: list[Finding] = []
    promise = _promise(document.get("preflight"), findings)
    entries = [e for e in (_entry(item, findings) for item in document["files"]) if e]
    return Manifest(promise, entries, findings)


def _broken(message: str) -> Manifest:
    return Manifest(Promise(), [], [Finding(MANIFEST, None, CHECK, ERROR, message)])


_TYPES: dict[str, tuple[type, ...]] = {
    "couleurs": (str,),
    "fond_perdu_mm": (int, float),
    "zone_tranquille_mm": (int, float),
    "boites": (bool,),
    "pdfx": (bool,),
}


def _promise(raw: Any, findings: list[Finding]) -> Promise:
    if raw is None:
        return Promise()
    if not isinstance(raw, dict):
        findings.append(_problem("« preflight » doit être un objet"))
        return Promise()
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in _TYPES:
            continue
        ok_type = isinstance(value, _TYPES[key]) and not (
            isinstance(value, bool) and bool not in _TYPES[key]
        )
        if not ok_type or (key == "couleurs" and value not in ("rvb", "cmjn")):
            findings.append(_problem(f"preflight.{key} : valeur invalide {value!r}"))
            continue
        values[key] = float(value) if key.endswith("_mm") else value
    return Promise(**values)


def _entry(item: Any, findings: list[Finding]) -> Entry | None:
    if not isinstance(item, dict) or not isinstance(item.get("path"), str):
        findings.append(_problem(f"entrée de « files » sans chemin : {item!r}"))
        return None
    path = item["path"]
    if not path.lower().endswith(".pdf"):
        return None
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts:
        findings.append(_problem(f"{path} : chemin hors du dossier du kit"))
        return None
    pages = item.get("pages")
    sha = item.get("sha256")
    bleed = item.get("fond_perdu_mm")
    return Entry(
        path,
        pages if isinstance(pages, int) else None,
        sha if isinstance(sha, str) else None,
        float(bleed) if isinstance(bleed, int | float) and not isinstance(bleed, bool) else None,
    )


def _problem(message: str) -> Finding:
    return Finding(MANIFEST, None, CHECK, ERROR, message)
