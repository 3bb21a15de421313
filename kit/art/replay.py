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
import io
import json
import multiprocessing as mp
import os
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from .. import cache
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
    key = _key(getattr(getattr(canvas, "inks", None), "icc_profile", None), arguments)
    if folder is None or not isinstance(code, list) or key is None:
        draw()
        return
    entry = folder / key
    kept = _read(entry)
    if kept is not None:
        code.extend(kept)
        return
    start = len(code)
    draw()
    drawn = code[start:]
    if all(isinstance(line, str) and "/" not in line for line in drawn):
        cache.write_atomically(entry, json.dumps(drawn).encode())


def _key(icc: Path | None, arguments: tuple) -> str | None:
    """None for arguments the fingerprint cannot describe: drawn every time."""
    parts = (cache.code_digest(), cache.environment_digest(), icc, arguments)
    try:
        return hashlib.sha256(fingerprint(parts).encode()).hexdigest()
    except (Uncacheable, RecursionError):
        return None


def compose_ahead(pictures: list[tuple], inks: Any) -> None:
    """Compose on every core the pictures (``draw_illustration`` arguments) that the cache
    does not hold yet: drawing the cards then replays every one of them."""
    folder = _FOLDER.get()
    if folder is None or (os.cpu_count() or 1) < 2 or "fork" not in mp.get_all_start_methods():
        return
    missing = {}
    for arguments in pictures:
        box, seed, colour, accents, keep_clear, themes = arguments
        normal = (box, seed, colour, tuple(accents), tuple(keep_clear), tuple(themes))
        key = _key(inks.icc_profile, normal)  # as draw_illustration makes it
        if key is not None and not (folder / key).is_file():
            missing.setdefault(key, arguments)
    if len(missing) < AHEAD_FROM:
        return  # forking would cost more than it saves
    global _AHEAD
    _AHEAD = (list(missing.values()), inks)
    try:
        with mp.get_context("fork").Pool(min(os.cpu_count() or 1, 4)) as pool:
            pool.map(_compose_in_worker, range(len(missing)), chunksize=8)
    finally:
        _AHEAD = None


AHEAD_FROM = 32
_AHEAD: tuple[list[tuple], Any] | None = None


def _compose_in_worker(index: int) -> None:
    """Draw one picture on a scratch canvas: ``replayed`` keeps its operators."""
    from ..render.pdf import KitCanvas
    from .illustration import draw_illustration

    assert _AHEAD is not None
    pictures, inks = _AHEAD
    scratch = KitCanvas(io.BytesIO(), inks=inks)
    scratch._code = []
    draw_illustration(scratch, *pictures[index])


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
