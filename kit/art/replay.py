"""Generated illustrations replayed from the cache instead of composed again.

Composing a card's picture is most of the time of drawing a card. Its output is plain PDF
operators (paths and colours, no font, image or named resource), appended to the canvas's
current stream, and a pure function of the picture's arguments, the inks, makekit's code and
the installed libraries. Within ``art_cache(folder)`` each picture's operators are kept in
``folder`` under a key of all these, and appended as they are the next time: changing one
card's text no longer recomposes the pictures of the others. Operators naming a resource
(a "/" in them) are never kept; a damaged entry is drawn again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from .. import cache
from ..layout.geometry import Box
from ..store import Uncacheable, fingerprint

_FOLDER: ContextVar[Path | None] = ContextVar("art_folder", default=None)


@contextlib.contextmanager
def art_cache(folder: Path | None) -> Iterator[None]:
    token = _FOLDER.set(folder)
    try:
        yield
    finally:
        _FOLDER.reset(token)


def replayed(canvas: Any, arguments: tuple, draw: Callable[[], None]) -> None:
    """``draw()``, or what it appended to the canvas last time for the same ``arguments``."""
    folder, code = _FOLDER.get(), getattr(canvas, "_code", None)
    if folder is None or not isinstance(code, list):
        draw()
        return
    key = _key(getattr(getattr(canvas, "inks", None), "icc_profile", None), arguments)
    if key is None:
        draw()
        return
    entry = folder / key
    kept = _RECENT.get(entry) or _read(entry)
    if kept is None and _CLAIMS[0] is not None and not _CLAIMS[0](key):
        kept = _read(entry)  # composed by the fork meanwhile (see ahead.py)
    if kept is not None:
        code.extend(kept)
        return
    start = len(code)
    draw()
    drawn = code[start:]
    if all(isinstance(line, str) and "/" not in line for line in drawn):
        cache.write_atomically(entry, json.dumps(drawn).encode())


def claim_pictures(compose_here: Callable[[str], bool] | None) -> None:
    """``compose_here(key)`` says whether a picture missing from the cache is composed by
    this process or was composed by another meanwhile (see ahead.py); None: always here."""
    _CLAIMS[0] = compose_here


_CLAIMS: list[Callable[[str], bool] | None] = [None]


def _key(icc: Path | None, arguments: tuple) -> str | None:
    """None for arguments the fingerprint cannot describe: drawn every time."""
    try:
        version = _file_version(icc) if icc is not None else None
        context = _context(cache.code_digest(), cache.environment_digest(), icc, version)
        # texts, numbers and boxes: their repr says all of them, ten times faster
        described = repr(arguments) if _plain(arguments) else fingerprint(arguments)
    except (Uncacheable, RecursionError):
        return None
    return hashlib.sha256(f"{context}:{described}".encode()).hexdigest()


@functools.cache
def _context(code: str, environment: str, icc: Path | None, _version: Any) -> str:
    """What every picture also depends on: makekit's code, the libraries, the inks (read
    again when the ICC profile's file changes)."""
    return fingerprint((code, environment, icc))


def _file_version(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size)


def _plain(value: Any) -> bool:
    kind = type(value)
    if kind is tuple:
        return all(_plain(item) for item in value)
    return kind in (str, int, float, bool, type(None), Box)


def picture_key(inks: Any, arguments: tuple) -> str | None:
    """The cache entry of a picture (``draw_illustration`` arguments), as drawing names it."""
    box, seed, colour, accents, keep_clear, themes = arguments
    normal = (box, seed, colour, tuple(accents), tuple(keep_clear), tuple(themes))
    return _key(inks.icc_profile, normal)


def _read(entry: Path) -> list[str] | None:
    try:
        data = entry.read_bytes()
        lines = json.loads(data)
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        entry.unlink(missing_ok=True)
        return None
    if not isinstance(lines, list) or not all(
        isinstance(line, str) and "/" not in line for line in lines
    ):
        entry.unlink(missing_ok=True)
        return None
    with contextlib.suppress(OSError):
        os.utime(entry)  # recently used: pruned last
    if len(data) <= SMALL and len(_RECENT) < 4096:
        _RECENT[entry] = lines
    return lines


# Pictograms, small and the same on hundreds of cards (a family's sign), are read from the
# cache once per process. An entry's content is a function of its name (its key), so what was
# read stays right for as long as the process lives.
_RECENT: dict[Path, list[str]] = {}
SMALL = 8192  # bytes: a pictogram; a card's picture is 10 to 30 KB, and drawn once
