"""The whole-build cache: a kit whose inputs have not changed is not built again.

The key covers every byte a build can read: all files of the project folder (outputs and
hidden folders excepted), a territory or ICC profile outside it, the build options, the
makekit version, the kit package's own files and the installed libraries. If the kit
folder's manifest.json records that key and every file it lists still has its SHA-256, the
kit is up to date. This module imports nothing heavy: `makekit build` reaches the answer
without loading reportlab, pikepdf or jsonschema.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from . import __version__
from .profile import DEFAULT_ICC
from .write import Output

KEY_VERSION = "makekit-cache-1"
CACHE_FOLDER = ".makekit-cache"  # beside the output folder: a failed build never touches it
_SKIPPED_DIRS = {"__pycache__", "node_modules"}


def cache_root(project: Path, output_root: Path | None) -> Path:
    return (output_root or project / "output").parent / CACHE_FOLDER


def build_key(project: Path, output_root: Path | None, options: Mapping[str, Any]) -> str:
    """The key of one build: same key, same kit."""
    digest = hashlib.sha256(KEY_VERSION.encode())
    named = {k: str(v) for k, v in options.items()}  # --tables 2 and tables=2 are one kit
    named["territory"] = str(_territory_name(project, options.get("territory")))
    for part in (__version__, code_digest(), environment_digest(), _canonical(named)):
        digest.update(part.encode() + b"\0")
    for name, file_digest in input_files(project, output_root, options):
        digest.update(f"{name}\0{file_digest}\0".encode())
    return digest.hexdigest()


def input_files(
    project: Path, output_root: Path | None, options: Mapping[str, Any]
) -> list[tuple[str, str]]:
    """Every file a build may read, as (name, SHA-256): the project folder's files by their
    relative path, the few outside it by their absolute path."""
    outputs = (output_root or project / "output").resolve()
    files = [(p.relative_to(project).as_posix(), p) for p in _walk(project, outputs)]
    territory = options.get("territory")
    outside = [Path(territory)] if territory else []
    outside.append(DEFAULT_ICC)
    for path in outside:
        if path.is_file() and not path.resolve().is_relative_to(project.resolve()):
            files.append((str(path.resolve()), path))
    return [(name, _file_digest(path)) for name, path in files]


def _territory_name(project: Path, territory: Any) -> str | None:
    """Relative to the project when inside it: the same project gives the same key anywhere."""
    if not territory:
        return None
    path = Path(territory).resolve()
    root = project.resolve()
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _walk(project: Path, outputs: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(project):
        here = Path(root)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in _SKIPPED_DIRS
            and not d.endswith(".egg-info")
            and not (here == project and d == "output")
            and (here / d).resolve() != outputs
            and not (here / d / "pyvenv.cfg").is_file()  # a virtual environment, not inputs
        )
        found += [here / n for n in sorted(names) if not n.startswith(".")]
    return found


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


@functools.cache
def code_digest() -> str:
    """Every file of the kit package: a change to makekit's code makes a new key."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in _walk(package, package / CACHE_FOLDER):
        if path.suffix != ".pyc":
            digest.update(f"{path.relative_to(package).as_posix()}\0".encode())
            digest.update(_file_digest(path).encode())
    return digest.hexdigest()


@functools.cache
def environment_digest() -> str:
    """Python's version and the installed distributions' names and versions (their
    dist-info folders): upgrading reportlab or a font package makes a new key."""
    names = [sys.version]
    for entry in sys.path:
        if entry.endswith("site-packages") and os.path.isdir(entry):
            names += sorted(n for n in os.listdir(entry) if n.endswith(".dist-info"))
    return hashlib.sha256("\n".join(names).encode()).hexdigest()


def _canonical(options: Mapping[str, Any]) -> str:
    return json.dumps(dict(options), sort_keys=True, ensure_ascii=False, default=str)


def kept_kit(
    project: Path, output_root: Path | None, key: str
) -> tuple[Path, list[Output], dict[str, Any]] | None:
    """The kit folder, its files and what its build reported, if it was built with ``key``
    and is intact; else None. Any surprise (no record, a file changed or gone) means "build"."""
    try:
        record = json.loads((_records(project, output_root) / f"{key}.json").read_text())
        kit_dir = (output_root or project / "output") / record["folder"]
        manifest = json.loads((kit_dir / "manifest.json").read_text(encoding="utf-8"))
        if manifest["cache"]["key"] != key:
            return None
        outputs = []
        for entry in manifest["files"]:
            data = (kit_dir / entry["path"]).read_bytes()
            if hashlib.sha256(data).hexdigest() != entry["sha256"]:
                return None
            bleed = entry.get("fond_perdu_mm")
            outputs.append(Output(entry["path"], entry["component"], entry["pages"], data, bleed))
        return kit_dir, outputs, dict(record["result"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def remember_kit(
    project: Path, output_root: Path | None, key: str, kit_dir: Path, result: Mapping[str, Any]
) -> None:
    """Record which folder holds the kit of ``key``, and what its build reported."""
    record = {"folder": kit_dir.name, "result": dict(result)}
    write_atomically(_records(project, output_root) / f"{key}.json", _canonical(record).encode())


def _records(project: Path, output_root: Path | None) -> Path:
    return cache_root(project, output_root) / "kits"


def write_atomically(path: Path, data: bytes) -> None:
    """Readers (other builds running at the same time) see the old file or the new one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        pass  # a cache that cannot be written is only a slower next build
