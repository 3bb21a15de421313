"""The companion: a process forked at the very start of a build that checks and merges PDFs.

A cold build spends its first half-second importing libraries, on one core. The companion is
forked before that, and meanwhile, on the other core, it does a first job (the build has it
read the project's files and check them against their schemas, and builds from the files as
it read them: the main process never loads jsonschema) and imports the preflight's libraries
(pikepdf, pdfminer), which the main process never imports either. Later, each job is sent to
it on a channel of its own: the board's fork sends the files it drew to check, the main
process the cards to check and the parts of the combined PDF. The companion runs each job in
a child it forks (so that jobs overlap), which answers on the job's channel.

Nothing depends on it: a job it cannot answer (no second core, the companion gone, a job
that fails) gets ``None``, and the caller does the work itself, as it would without it.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from .processes import ended, quiet_child, started
from .write import Output

# One request and one answer on each channel, from the process named:
FIRST = "premier"  # none: the answer to the job the companion was started with
BOARD_CHECK = "plateau"  # the board's fork (kit.draw_ahead): its files' findings
CARDS_CHECK = "cartes"  # the main process (kit.preflight_ahead): the cards' findings
MERGE = "assemblage"  # the main process: the combined PDF
CHANNELS = (FIRST, BOARD_CHECK, CARDS_CHECK, MERGE)
FINISH_WITHIN = 5.0  # seconds: it has answered every job by then


class Companion:
    def __init__(self, first: Callable[[], Any] | None = None) -> None:
        self._process: Any = None
        self._channels: dict[str, Connection] = {}
        if (os.cpu_count() or 1) < 2 or "fork" not in mp.get_all_start_methods():
            return
        context = mp.get_context("fork")
        pairs = {name: context.Pipe() for name in CHANNELS}
        served = {name: theirs for name, (_, theirs) in pairs.items()}
        ours = {name: mine for name, (mine, _) in pairs.items()}
        # not a daemon: it forks its jobs
        self._process = context.Process(target=_serve, args=(served, ours, first))
        self._process.start()
        for theirs in served.values():
            theirs.close()
        self._channels = ours
        started(self.stop)

    def first_answer(self) -> Any:
        """What the job the companion was started with returned (``None``: do it here)."""
        connection = self._channels.pop(FIRST, None)
        return None if connection is None else answer_on(connection)

    def ask(self, channel: str, job: str, *arguments: Any) -> Connection | None:
        """Send a job on its channel; its answer (``None`` if it failed) will come on the
        connection returned, or ``None`` when there is no companion to ask."""
        connection = self._channels.pop(channel, None)
        if connection is None:
            return None
        try:
            connection.send((job, arguments))
        except (OSError, ValueError):
            connection.close()
            return None
        return connection

    def answer(self, channel: str, job: str, *arguments: Any) -> Any:
        """The job's answer, waited for; ``None`` if the companion could not do it."""
        connection = self.ask(channel, job, *arguments)
        return None if connection is None else answer_on(connection)

    def release(self, channel: str) -> None:
        """This process will not use ``channel`` (the board's fork has it now, or it will not
        be asked): the companion stops waiting for it."""
        connection = self._channels.pop(channel, None)
        if connection is not None:
            connection.close()

    def stop(self) -> None:
        """Every channel closed, the companion ended (at once if the build failed: its
        children end with it)."""
        for channel in list(self._channels):
            self.release(channel)
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            self._process = None
        ended(self.stop)

    def finish(self) -> None:
        """The build is done with it: it ends once its last job has answered."""
        for channel in list(self._channels):
            self.release(channel)
        if self._process is not None:
            self._process.join(timeout=FINISH_WITHIN)
            if self._process.is_alive():  # a channel still open somewhere: not worth a wait
                self._process.terminate()
                self._process.join()
            self._process = None
        ended(self.stop)


def answer_on(connection: Connection) -> Any:
    """A job's answer, ``None`` if it failed or the companion is gone."""
    try:
        return connection.recv()
    except (EOFError, OSError):
        return None
    finally:
        connection.close()


def _serve(
    channels: dict[str, Connection], callers: dict[str, Connection], first: Callable[[], Any] | None
) -> None:
    """The first job, then the libraries imported, then each job that comes run in a child
    of its own, until every channel is closed by the processes that could ask on it."""
    quiet_child()
    for caller in callers.values():
        caller.close()  # the other ends: else a channel never asked on would never close
    _run(channels.pop(FIRST), ("first", (first,)))
    with contextlib.suppress(Exception):  # else each job fails, and its caller does it
        load_libraries()  # once, for every child

    context = mp.get_context("fork")
    children = []
    waiting = list(channels.values())
    while waiting:
        for connection in wait(waiting):
            waiting.remove(connection)
            try:
                request = connection.recv()
            except (EOFError, OSError):
                connection.close()
                continue
            child = context.Process(target=_run, args=(connection, request))
            child.start()
            connection.close()  # the child answers on it
            children.append(child)
    for child in children:
        child.join()


def load_libraries() -> None:
    """What the companion's jobs import. A process that builds several kits (a batch's
    worker) loads them once beforehand: each build's companion, forked from it, then has
    them already, instead of importing them again for every kit."""
    from . import merge, validate  # noqa: F401
    from .preflight import run  # noqa: F401

    validate.load_jsonschema()


def _run(connection: Connection, request: tuple[str, tuple]) -> None:
    quiet_child()
    job, arguments = request
    try:
        answer = JOBS[job](*arguments)
    except Exception:  # noqa: BLE001 (the caller does it itself, and reports what fails)
        answer = None
    try:
        connection.send(answer)
    except (OSError, ValueError):
        pass  # the caller is gone
    except Exception:  # noqa: BLE001 (an answer that cannot be pickled: the caller does it)
        with contextlib.suppress(Exception):
            connection.send(None)
    connection.close()


def check_folder(folder: Path, skip: frozenset[str], glyphs: Path | None) -> list:
    """The preflight of a folder holding some of the kit's files and their manifest."""
    from .preflight import check_kit
    from .preflight.glyphs import glyph_cache

    with glyph_cache(glyphs):
        return check_kit(folder, skip)


def merge(parts: list[Output], path: str, title: str) -> Output:
    from .merge import combined

    return combined(parts, path, title)


def _first(job: Callable[[], Any] | None) -> Any:
    return None if job is None else job()


JOBS = {"first": _first, "check": check_folder, "merge": merge}
