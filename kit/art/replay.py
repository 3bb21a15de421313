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
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from .. import cache
from ..store import fingerprint

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
    entry = folder / _key(canvas, arguments)
    kept = _read(entry)
    if kept is not None:
        code.extend(kept)
        return
    start = len(code)
    draw()
    drawn = code[start:]
    if all(isinstance(line, str) and "/" not in line for line in drawn):
        cache.write_atomically(entry, json.dumps(drawn).encode())


def _key(canvas: Any, arguments: tuple) -> str:
    inks = getattr(canvas, "inks", None)
    icc = getattr(inks, "icc_profile", None)
    parts = (cache.code_digest(), cache.environment_digest(), icc, arguments)
    return hashlib.sha256(fingerprint(parts).encode()).hexdigest()


def _read(entry: Path) -> list[str] | None:
    try:
        lines = json.loads(entry.read_bytes())
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
    return lines
