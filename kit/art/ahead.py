"""Card pictures composed in a forked process while the main process fits and draws the cards.

Composing a generated picture is about half the time of drawing a card. The cards are drawn
in deck order by the main process; from the moment the deck is known, a forked process
composes the pictures the cache lacks, from the last card backwards, and keeps each one in the
picture cache (``art_cache``). The main process replays what it finds there and composes the
rest itself, as without the fork: the two meet in the middle, and the fork stops when it
reaches a picture that is already there. Nothing depends on the fork finishing, or starting.
"""

from __future__ import annotations

import io
import multiprocessing as mp
import os
import weakref
from pathlib import Path
from typing import Any

from .replay import art_cache, picture_key

AHEAD_FROM = 8  # fewer missing pictures than this are composed faster than a fork starts


class PicturesAhead:
    """Started with the pictures (``draw_illustration`` arguments, in drawing order) to keep
    in ``folder`` (see ``art_cache``); ``stop()`` once the cards are drawn."""

    def __init__(self, folder: Path | None, pictures: list[tuple], inks: Any) -> None:
        self._process: Any = None
        self._stop: Any = None
        if folder is None or (os.cpu_count() or 1) < 2 or "fork" not in mp.get_all_start_methods():
            return
        missing: dict[str, tuple] = {}
        for arguments in pictures:
            key = picture_key(inks, arguments)
            if key is not None and not (folder / key).is_file():
                missing.setdefault(key, arguments)
        if len(missing) < AHEAD_FROM:
            return
        context = mp.get_context("fork")
        self._stop = context.Event()
        work = list(reversed(missing.items()))
        # A daemon, told to stop if the build fails before the cards: it never outlives it.
        self._process = context.Process(
            target=_compose, args=(work, inks, folder, self._stop), daemon=True
        )
        self._process.start()
        weakref.finalize(self, self._stop.set)

    def stop(self) -> None:
        if self._process is not None:
            self._stop.set()  # the fork ends after the picture it is composing
            self._process.join()
            self._process = None


def _compose(work: list[tuple[str, tuple]], inks: Any, folder: Path, stop: Any) -> None:
    """From the last picture backwards, until told to stop or the main process's pictures."""
    from ..render.pdf import KitCanvas
    from .illustration import draw_illustration

    with art_cache(folder):
        for key, arguments in work:
            if stop.is_set() or (folder / key).is_file():
                return
            scratch = KitCanvas(io.BytesIO(), inks=inks)
            scratch._code = []  # what ``replayed`` keeps
            draw_illustration(scratch, *arguments)
