"""The board, booklet, guide and calibration drawn in a forked process while the cards draw.

These outputs do not depend on one another nor on the cards PDF, and a cold build has two
cores: a forked process draws the ones the cache does not hold, in order, writing each file
to a folder and telling the main process its name, pages and bleed; it then checks them (the
preflight, exactly as `makekit check` would, under their own manifest) and sends its findings,
which the write-time preflight takes like those of `PreflightAhead`. The main process reads
the bytes back from the folder, and keeps them in the cache. A process that fails to answer
only means the main process draws what it did not send, as before.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import tempfile
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from .companion import BOARD_CHECK, Companion, check_folder
from .preflight_ahead import PreflightAhead
from .processes import ended, quiet_child, started
from .store import OutputStore, PreflightMemory
from .write import Output

Make = Callable[[], list[Output]]
Listing = Callable[[list[Output]], bytes]  # the manifest the preflight reads them under


class DrawAhead:
    def __init__(self, store: OutputStore) -> None:
        self._store = store
        self._jobs: dict[str, tuple[str | None, list[Output] | None, Make]] = {}
        self._queue: list[str] = []  # the jobs the fork draws, in order, not received yet
        self._failed = False
        self._drawn: dict[str, list[Output]] = {}  # received from the fork
        self._receive: Connection | None = None
        self._process: Any = None
        self._folder: Path | None = None

    def add(self, name: str, parts: Any, make: Make) -> None:
        """An output to draw (or take from the cache) like ``OutputStore.outputs``."""
        key, kept = self._store.lookup(name, parts)
        self._jobs[name] = (key, kept, make)

    def start(
        self, memory: PreflightMemory, listing: Listing, companion: Companion | None = None
    ) -> None:
        """Fork the process drawing every job the cache does not hold (if it pays); it has
        the companion check what it drew, if there is one."""
        pending = [name for name, (_, kept, _) in self._jobs.items() if kept is None]
        if not pending or (os.cpu_count() or 1) < 2 or "fork" not in mp.get_all_start_methods():
            return
        self._folder = Path(tempfile.mkdtemp(prefix="makekit-dessin-"))
        context = mp.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        makes = [self._jobs[name][2] for name in pending]
        arguments = (makes, self._folder, send, memory, listing, companion)
        self._process = context.Process(target=_draw, args=arguments)  # not a daemon
        self._process.start()
        send.close()
        self._queue = pending
        started(self.cancel)

    def outputs(self, name: str) -> list[Output]:
        """The job's outputs: from the cache, from the fork, or drawn here."""
        key, kept, make = self._jobs[name]
        if kept is not None:
            return kept
        drawn = self._received(name)
        return self._store.keep(name, key, drawn if drawn is not None else make())

    def finish(self, ahead: PreflightAhead) -> None:
        """Hand the fork, still checking what it drew, to the write-time preflight."""
        if self._receive is None or self._folder is None:
            return
        if self._failed or self._queue:  # no findings will come: checked at write time
            self._receive.close()
            self._process.join()
            shutil.rmtree(self._folder, ignore_errors=True)
        else:
            drawn = frozenset(o.path for outputs in self._drawn.values() for o in outputs)
            ahead.adopt(drawn, self._receive, self._process, self._folder)
        self._receive = None
        self._process = self._folder = None
        ended(self.cancel)

    def cancel(self) -> None:
        """The build failed: the fork is stopped and its folder removed."""
        if self._process is not None:
            self._process.terminate()
            self._process.join()
        if self._receive is not None:
            self._receive.close()
            self._receive = None
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
        self._process = self._folder = None
        ended(self.cancel)

    def _received(self, name: str) -> list[Output] | None:
        while self._receive is not None and not self._failed and name in self._queue:
            try:
                headers = self._receive.recv()
            except (EOFError, OSError):
                headers = None
            if headers is None:  # the fork failed: what it did not send is drawn here
                self._failed = True
                break
            assert self._folder is not None
            folder = self._folder
            outputs = [Output(p, c, n, (folder / p).read_bytes(), b) for p, c, n, b in headers]
            self._drawn[self._queue.pop(0)] = outputs
        return self._drawn.get(name)


def _draw(
    makes: list[Make],
    folder: Path,
    send: Connection,
    memory: PreflightMemory,
    listing: Listing,
    companion: Companion | None,
) -> None:
    quiet_child()
    drawn: list[Output] = []
    try:
        for make in makes:
            outputs = make()
            for output in outputs:
                (folder / output.path).parent.mkdir(parents=True, exist_ok=True)
                (folder / output.path).write_bytes(output.data)
            send.send([(o.path, o.component, o.pages, o.bleed_mm) for o in outputs])
            drawn += outputs
        send.send(_checked(drawn, folder, memory, listing, companion))
    except Exception:
        send.send(None)  # drawn, or checked, in the main process instead
    finally:
        send.close()


def _checked(
    drawn: list[Output],
    folder: Path,
    memory: PreflightMemory,
    listing: Listing,
    companion: Companion | None,
) -> list:
    manifest = listing(drawn)
    (folder / "manifest.json").write_bytes(manifest)
    passed = memory.passed(manifest)
    found = companion and companion.answer(BOARD_CHECK, "check", folder, passed, memory.glyphs)
    return found if found is not None else check_folder(folder, passed, memory.glyphs)
