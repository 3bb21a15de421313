"""Stage 6, write: the kit's files and manifest, swapped into place in one rename."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .profile import Profile
from .units import to_mm


@dataclass(frozen=True)
class Output:
    path: str  # relative to the kit folder
    component: str
    pages: int
    data: bytes
    bleed_mm: float | None = None  # when it is not the profile's card bleed (board, booklet)


def slug(text: str) -> str:
    """« Val de Sorne » -> "val-de-sorne", for folder names."""
    spaced = text.replace("’", " ").replace("'", " ")  # « Pays d’Yeuse » -> "pays-d-yeuse"
    ascii_text = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in ascii_text.lower()).split()
    return "-".join(words) or "kit"


def manifest(
    outputs: list[Output],
    profile: Profile,
    territory: str,
    version: str,
    tables: int = 1,
    key: str | None = None,
) -> bytes:
    files = [
        {
            "path": out.path,
            "component": out.component,
            "profile": profile.name,
            "pages": out.pages,
            "bytes": len(out.data),
            "sha256": hashlib.sha256(out.data).hexdigest(),
            **({"fond_perdu_mm": out.bleed_mm} if out.bleed_mm is not None else {}),
        }
        for out in outputs
    ]
    document = {
        "generator": f"makekit {version}",
        "territory": territory,
        "profile": profile.name,
        "tables": tables,  # card sets: imposed once per table, or copies to order of each card
        "preflight": {  # what the profile promises, for `makekit check`
            "couleurs": "cmjn" if profile.cmyk else "rvb",
            "fond_perdu_mm": round(to_mm(profile.card_bleed), 3) if profile.page_boxes else 0,
            "zone_tranquille_mm": 4,
            "boites": profile.page_boxes,
            "pdfx": profile.pdfx,
        },
        "files": files,
        **({"cache": {"key": key}} if key else {}),  # the build's key (kit/cache.py)
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()


def write_kit(
    outputs: list[Output],
    kit_dir: Path,
    manifest_bytes: bytes,
    verify: Callable[[Path], None] = lambda staging: None,
) -> None:
    """Write everything beside the kit folder, ``verify`` it there, then swap it in: never a
    half-written kit, and never one that failed its checks in place of the previous one."""
    kit_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = kit_dir.parent / f".{kit_dir.name}.tmp-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        for out in outputs:
            target = staging / out.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(out.data)
        (staging / "manifest.json").write_bytes(manifest_bytes)
        verify(staging)
        _swap(staging, kit_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, kit_dir: Path) -> None:
    if not kit_dir.exists():
        staging.rename(kit_dir)
        return
    previous = kit_dir.parent / f".{kit_dir.name}.old-{os.getpid()}"
    kit_dir.rename(previous)
    try:
        staging.rename(kit_dir)
    except OSError:
        previous.rename(kit_dir)
        raise
    shutil.rmtree(previous, ignore_errors=True)
