"""Glyphs read by earlier builds, kept in the cache's ``glyphs`` folder.

Each content stream's glyphs are kept under a name made of its key (the stream's bytes and
fonts), makekit's code and the libraries: a build that changed one card reads only that
card's text again. A few streams are kept one file each; the forms of a large deck, read
on every core at once, are kept together in one pack (a file per form cost a third of a
second for 1,000 cards), whose index is read back by the next build.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

from .. import cache
from .glyph_boxes import Glyphs, glyphs_from_bytes, glyphs_to_bytes

_FOLDER: ContextVar[Path | None] = ContextVar("glyph_folder", default=None)
_PACK = "pack-"
_PACK_MAGIC = b"MKP1"


@contextlib.contextmanager
def glyph_cache(folder: Path | None) -> Iterator[None]:
    """Within it, glyphs are looked up in, and kept in, ``folder``."""
    token = _FOLDER.set(folder)
    try:
        yield
    finally:
        _FOLDER.reset(token)


def recall(key: bytes) -> Glyphs | None:
    """The glyphs an earlier build kept under ``key``, if any (a damaged entry is removed)."""
    folder = _FOLDER.get()
    if folder is None:
        return None
    name = _entry_name(key)
    entry = folder / name
    try:
        return glyphs_from_bytes(entry.read_bytes())
    except FileNotFoundError:
        return _from_pack(folder, name)
    except (OSError, ValueError, KeyError, TypeError):
        entry.unlink(missing_ok=True)
        return None


def remember(key: bytes, glyphs: Glyphs) -> None:
    folder = _FOLDER.get()
    if folder is not None:
        cache.write_atomically(folder / _entry_name(key), glyphs_to_bytes(glyphs))


def remember_all(entries: list[tuple[bytes, Glyphs]]) -> None:
    """Many streams' glyphs in one pack file: an index (JSON) then each entry's bytes."""
    folder = _FOLDER.get()
    if folder is None or not entries:
        return
    index: dict[str, list[int]] = {}
    blobs, offset = [], 0
    for key, glyphs in entries:
        blob = glyphs_to_bytes(glyphs)
        index[_entry_name(key)] = [offset, len(blob)]
        blobs.append(blob)
        offset += len(blob)
    header = json.dumps(index, sort_keys=True).encode()
    name = _PACK + hashlib.sha256(header).hexdigest()
    data = b"".join((_PACK_MAGIC, len(header).to_bytes(4, "big"), header, *blobs))
    cache.write_atomically(folder / name, data)


def _entry_name(key: bytes) -> str:
    code = f"{cache.code_digest()}{cache.environment_digest()}".encode()
    return hashlib.sha256(code + key).hexdigest()


def _from_pack(folder: Path, name: str) -> Glyphs | None:
    packs = _packs(folder)
    if name not in packs:
        return None
    pack, (offset, size) = packs[name]
    try:
        return glyphs_from_bytes(_pack_data(pack)[offset : offset + size])
    except OSError:
        return None  # pruned meanwhile
    except (ValueError, KeyError, TypeError):
        pack.unlink(missing_ok=True)  # damaged: the next build writes a new one
        return None


def _packs(folder: Path) -> dict[str, tuple[Path, list[int]]]:
    """Where each entry of the folder's packs is: indexes read again only when the folder
    changed (a pack added or pruned)."""
    try:
        version = folder.stat().st_mtime_ns
    except OSError:
        return {}
    known = _PACKS.get(folder)
    if known is None or known[0] != version:
        found: dict[str, tuple[Path, list[int]]] = {}
        for pack in sorted(folder.glob(_PACK + "*")):
            for name, place in _pack_index(pack).items():
                found.setdefault(name, (pack, place))
        known = _PACKS[folder] = (version, found)
    return known[1]


def _pack_index(pack: Path) -> dict[str, list[int]]:
    try:
        with pack.open("rb") as stream:
            head = stream.read(8)
            if head[:4] != _PACK_MAGIC:
                raise ValueError("not a glyph pack")
            index = json.loads(stream.read(int.from_bytes(head[4:8], "big")))
        if not all(isinstance(v, list) and len(v) == 2 for v in index.values()):
            raise ValueError("damaged glyph pack")
    except (OSError, ValueError, AttributeError):
        pack.unlink(missing_ok=True)
        return {}
    start = 8 + int.from_bytes(head[4:8], "big")
    return {name: [start + offset, size] for name, (offset, size) in index.items()}


def _pack_data(pack: Path) -> bytes:
    """A pack's bytes, the two last used kept in memory (a deck's is some 15 MB): a build
    after a small change reads most forms from the first build's pack, a few from later ones."""
    data = _PACK_DATA.pop(pack, None)
    if data is None:
        if len(_PACK_DATA) >= 2:
            del _PACK_DATA[next(iter(_PACK_DATA))]  # the least recently used
        data = pack.read_bytes()
    _PACK_DATA[pack] = data  # now the most recently used
    return data


_PACKS: dict[Path, tuple[int, dict[str, tuple[Path, list[int]]]]] = {}
_PACK_DATA: dict[Path, bytes] = {}
