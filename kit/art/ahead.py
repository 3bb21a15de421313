"""Card pictures composed in a forked process while the main process fits and draws the cards.

Composing a generated picture is about half the time of drawing a card. From the moment the
deck is known, a forked process composes the pictures the cache lacks, in drawing order, and
keeps each one in the picture cache (``art_cache``); by the time the main process has fitted
the texts and starts drawing, it is far ahead. The main process replays what it finds there.
Each picture is claimed in a table shared by both processes, so that none is composed twice:
a picture no one has claimed yet is composed by the main process itself, one the fork is
composing is waited for (a few milliseconds). Nothing depends on the fork finishing, or
starting: a picture the fork did not leave in the cache is composed by the main process.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing as mp
import os
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from ..processes import ended, quiet_child, started
from .replay import art_cache, claim_pictures, picture_key

AHEAD_FROM = 8  # fewer missing pictures than this are composed faster than a fork starts
NICENESS = 5
FREE, FORK, DONE, MAIN = 0, 1, 2, 3  # a picture's state in the shared table


class PicturesAhead:
    """Started with the pictures (``draw_illustration`` arguments, in drawing order) to keep
    in ``folder`` (see ``art_cache``); ``stop()`` once the cards are drawn."""

    def __init__(self, folder: Path | None, pictures: list[tuple], inks: Any) -> None:
        self._process: Any = None
        self._index: dict[str, int] = {}
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
        self._states = context.Array("b", len(missing))  # FREE, with a lock
        self._index = {key: index for index, key in enumerate(missing)}
        work = list(missing.items())
        # A byte on this pipe each time the fork is done with a picture: the main process,
        # waiting for one, sleeps until then (polling the table cost it seconds of system
        # time). Never blocking the fork: a full pipe has wake-ups enough.
        self._woken, done = os.pipe()
        os.set_blocking(self._woken, False)
        os.set_blocking(done, False)
        # A daemon: stopped with the build, if it fails (see processes.py), it never outlives it.
        self._process = context.Process(
            target=_compose, args=(work, inks, folder, self._stop, self._states, done), daemon=True
        )
        self._process.start()
        os.close(done)
        claim_pictures(self.compose_here)
        started(self.stop)

    def compose_here(self, key: str) -> bool:
        """Whether the main process composes this picture itself: True if no one had
        claimed it (it is now the main process's), False once the fork has composed it."""
        index = self._index.get(key)
        if index is None or self._process is None:
            return True
        with self._states.get_lock():
            if self._states[index] == FREE:
                self._states[index] = MAIN
                return True
        states = self._states.get_obj()  # one byte, written by one process at a time: no lock
        while states[index] == FORK:  # the fork is composing it: less than one picture's time
            wait([self._woken, self._process.sentinel], timeout=1.0)
            with contextlib.suppress(BlockingIOError):
                os.read(self._woken, 4096)  # the wake-ups so far
            if not self._process.is_alive():
                break
        return states[index] != DONE

    def stop(self) -> None:
        if self._process is not None:
            self._stop.set()  # the fork ends after the picture it is composing
            self._process.join()
            self._process = None
            os.close(self._woken)
            claim_pictures(None)
            ended(self.stop)


def _compose(
    work: list[tuple[str, tuple]], inks: Any, folder: Path, stop: Any, states: Any, done: int
) -> None:
    """In drawing order, every picture no one has claimed, until told to stop."""
    from ..render.pdf import KitCanvas
    from .illustration import draw_illustration

    quiet_child()
    claim_pictures(None)  # the fork composes what it claims, without asking
    os.nice(NICENESS)  # the board's fork, on the same core, goes first
    with art_cache(folder):
        for index, (_, arguments) in enumerate(work):
            if stop.is_set():
                return
            with states.get_lock():
                if states[index] != FREE:
                    continue
                states[index] = FORK
            scratch = KitCanvas(io.BytesIO(), inks=inks)
            scratch._code = []  # what ``replayed`` keeps
            try:
                draw_illustration(scratch, *arguments)
            except Exception:  # noqa: BLE001 (the main process composes it, and says why)
                return
            finally:
                states[index] = DONE  # kept in the cache, or not: the main process checks
                with contextlib.suppress(OSError):  # BlockingIOError: enough wake-ups pending
                    os.write(done, b"\0")
