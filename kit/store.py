"""The per-output cache: an output whose exact inputs have not changed is reused, not drawn.

Each cached drawing is keyed by a fingerprint of the values its renderer receives (the frozen
dataclasses of the model and the plans, with the bytes of every file a Path in them names),
makekit's code and the installed libraries. Entries live in .makekit-cache/outputs/, each one
file: a JSON header line (the outputs and their SHA-256) then their bytes. A damaged entry is
ignored and removed; the folder is pruned, oldest first, beyond MAX_BYTES.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
import json
import os
import types
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from . import cache
from .cache import write_atomically
from .write import Output

MAX_BYTES = 512 * 2**20
MAX_RECORDS = 2_000
# Attributes a class computes from its other ones: left out of fingerprints, for speed.
DERIVED = {
    "reportlab.platypus.paragraph.Paragraph": frozenset(
        ("frags", "blPara", "_wrapWidths", "_width_max", "height", "_splitLongWordCount")
        + ("_hyphenations",)
    ),
}


class Uncacheable(TypeError):
    """A value the fingerprint cannot describe exactly: that output is drawn every time."""


class OutputStore:
    def __init__(self, root: Path | None) -> None:
        self.root = root  # None: caching off (`--sans-cache`)
        self.reused: list[str] = []
        self.drawn: list[str] = []
        self._files: dict[Path, bytes] = {}

    def outputs(self, name: str, parts: Any, make: Callable[[], list[Output]]) -> list[Output]:
        """The outputs ``make`` would return for ``parts``: from the cache, else drawn."""
        key, kept = self.lookup(name, parts)
        return kept if kept is not None else self.keep(name, key, make())

    def lookup(self, name: str, parts: Any) -> tuple[str | None, list[Output] | None]:
        """The entry's key (None: uncacheable or caching off) and its outputs if kept."""
        key = self._key(name, parts)
        kept = None if key is None else self._read(key)
        if kept is not None:
            self.reused.append(name)
        return key, kept

    def keep(self, name: str, key: str | None, outputs: list[Output]) -> list[Output]:
        """``outputs``, just drawn for the entry ``key``, kept for next time."""
        self.drawn.append(name)
        if key is not None:
            write_atomically(self._entry(key), _pack(outputs))
        return outputs

    def _key(self, name: str, parts: Any) -> str | None:
        if self.root is None:
            return None
        digest = hashlib.sha256(
            f"{name}\0{cache.code_digest()}\0{cache.environment_digest()}\0".encode()
        )
        try:
            _feed(parts, digest, self._files)
        except (Uncacheable, RecursionError):  # RecursionError: a value that refers to itself
            return None
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        assert self.root is not None
        return self.root / "outputs" / key

    def _read(self, key: str) -> list[Output] | None:
        path = self._entry(key)
        try:
            outputs = _unpack(path.read_bytes())
            os.utime(path)  # recently used: pruned last
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            path.unlink(missing_ok=True)  # damaged: drawn again, and rewritten
            return None
        return outputs

    def prune(self, max_bytes: int = MAX_BYTES, max_records: int = MAX_RECORDS) -> None:
        """Remove the least recently used drawings, pictures and glyphs beyond ``max_bytes``
        in all, and the oldest kit and preflight records beyond ``max_records`` each."""
        if self.root is not None:
            drawn = [self.root / folder for folder in ("outputs", "art", "glyphs")]
            _prune(drawn, lambda size, count: size > max_bytes)
            for folder in ("kits", "preflight"):
                _prune([self.root / folder], lambda size, count: count > max_records)


def _prune(folders: list[Path], too_much: Callable[[int, int], bool]) -> None:
    entries = []
    for folder in folders:
        try:
            entries += [(p.stat(), p) for p in folder.iterdir()]
        except OSError:
            continue
    entries.sort(key=lambda item: item[0].st_mtime, reverse=True)
    size = 0
    for count, (stat, path) in enumerate(entries, start=1):
        size += stat.st_size
        if too_much(size, count):
            path.unlink(missing_ok=True)


def _pack(outputs: list[Output]) -> bytes:
    header = [
        {
            "path": o.path,
            "component": o.component,
            "pages": o.pages,
            "bleed_mm": o.bleed_mm,
            "bytes": len(o.data),
            "sha256": hashlib.sha256(o.data).hexdigest(),
        }
        for o in outputs
    ]
    return json.dumps(header).encode() + b"\n" + b"".join(o.data for o in outputs)


def _unpack(blob: bytes) -> list[Output]:
    line, _, body = blob.partition(b"\n")
    outputs, offset = [], 0
    for item in json.loads(line):
        data = body[offset : offset + item["bytes"]]
        offset += item["bytes"]
        if hashlib.sha256(data).hexdigest() != item["sha256"]:
            raise ValueError("damaged cache entry")
        outputs.append(
            Output(item["path"], item["component"], item["pages"], data, item["bleed_mm"])
        )
    if offset != len(body):
        raise ValueError("damaged cache entry")
    return outputs


def fingerprint(value: Any) -> str:
    """A digest of ``value`` that changes whenever anything a renderer could read of it does."""
    digest = hashlib.sha256()
    _feed(value, digest, {})
    return digest.hexdigest()


def _feed(value: Any, digest: Any, files: dict[Path, bytes]) -> None:
    """Type-tagged, order-preserving (a mapping's order shows in what is drawn)."""
    if isinstance(value, bytes):
        digest.update(b"bytes:" + hashlib.sha256(value).digest())
    elif value is None or isinstance(value, bool | int | float | str):
        digest.update(f"{type(value).__name__}:{len(repr(value))}:{value!r}".encode())
    elif isinstance(value, enum.Enum | datetime.date | datetime.time):
        digest.update(f"{type(value).__name__}:{value!r}".encode())
    elif isinstance(value, Path):
        digest.update(f"Path:{value}:".encode() + _file_bytes_digest(value, files))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        digest.update(f"{type(value).__qualname__}(".encode())
        for field in dataclasses.fields(value):
            digest.update(field.name.encode() + b"=")
            _feed(getattr(value, field.name), digest, files)
        digest.update(b")")
    elif isinstance(value, Mapping):
        digest.update(f"{{{len(value)}".encode())
        for key, item in value.items():
            _feed(key, digest, files)
            _feed(item, digest, files)
        digest.update(b"}")
    elif isinstance(value, list | tuple):
        digest.update(f"[{len(value)}".encode())
        for item in value:
            _feed(item, digest, files)
        digest.update(b"]")
    elif isinstance(value, set | frozenset):
        _feed(sorted(value, key=repr), digest, files)
    elif isinstance(value, types.FunctionType) and value.__closure__ is None:
        digest.update(f"function:{value.__module__}.{value.__qualname__}".encode())
    elif hasattr(value, "__dict__") and not isinstance(value, type | types.ModuleType):
        _feed_object(value, digest, files)
    else:
        raise Uncacheable(type(value).__name__)


def _feed_object(value: Any, digest: Any, files: dict[Path, bytes]) -> None:
    """A plain object (a reportlab Paragraph and its style, a colour) by its attributes."""
    kind = type(value)
    digest.update(f"{kind.__module__}.{kind.__qualname__}<".encode())
    if getattr(kind, "__slots__", ()):
        raise Uncacheable(kind.__name__)  # state outside __dict__
    derived = DERIVED.get(f"{kind.__module__}.{kind.__qualname__}", frozenset())
    _feed({k: v for k, v in vars(value).items() if k not in derived}, digest, files)
    digest.update(b">")


def _file_bytes_digest(path: Path, files: dict[Path, bytes]) -> bytes:
    """A file named in the model (a user image, an ICC profile): its bytes count too."""
    if path not in files:
        try:
            files[path] = hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"-"
        except OSError:
            files[path] = b"?"
    return files[path]


class PreflightMemory:
    """Files that passed the preflight before: same manifest entry (bytes, SHA-256, pages),
    same promise, same code. They need not be checked again."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.glyphs = None if root is None else root / "glyphs"  # see preflight.glyphs

    def passed(self, listing: bytes) -> frozenset[str]:
        """The files of a manifest (its bytes) known to pass."""
        if self.root is None:
            return frozenset()
        return frozenset(path for path, key in self._keys(listing) if self._marker(key).is_file())

    def remember(self, listing: bytes) -> None:
        """Every file of the manifest passed: the caller checked it, or found it remembered."""
        if self.root is not None:
            for _, key in self._keys(listing):
                write_atomically(self._marker(key), b"ok\n")

    def _marker(self, key: str) -> Path:
        assert self.root is not None
        return self.root / "preflight" / key

    def _keys(self, listing: bytes) -> list[tuple[str, str]]:
        manifest = json.loads(listing)
        promise = json.dumps(manifest.get("preflight"), sort_keys=True)
        common = f"{cache.code_digest()}\0{cache.environment_digest()}\0{promise}\0"
        return [
            (entry["path"], hashlib.sha256(f"{common}{json.dumps(entry)}".encode()).hexdigest())
            for entry in manifest["files"]
        ]
