"""The cards' preflight, started as soon as the cards are drawn, on the other core.

The cards PDF is the longest file to check. The companion (kit/companion.py, which has the
preflight's libraries loaded), or else a process forked here, checks it exactly as
`makekit check` would, from a folder holding it and its manifest, while the build goes on;
the preflight at write time then takes its findings instead of checking the same bytes
again. A process that fails to answer only means the file is checked at write time.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import tempfile
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from .companion import CARDS_CHECK, Companion, answer_on, check_folder
from .processes import ended, quiet_child, started
from .write import Output


class PreflightAhead:
    def __init__(self, companion: Companion | None = None) -> None:
        self._jobs: list[tuple[frozenset[str], Connection, Any, Path]] = []
        self._companion = companion  # checks them, if it can, with its libraries loaded

    def start(self, outputs: list[Output], listing: bytes, glyphs: Path | None = None) -> None:
        """Check ``outputs`` (final bytes) under ``listing``, their manifest, in a fork
        (``glyphs``: the glyph cache folder, see preflight.glyphs)."""
        if not outputs or (os.cpu_count() or 1) < 2 or "fork" not in mp.get_all_start_methods():
            return
        folder = Path(tempfile.mkdtemp(prefix="makekit-controle-"))
        for output in outputs:
            (folder / output.path).parent.mkdir(parents=True, exist_ok=True)
            (folder / output.path).write_bytes(output.data)
        (folder / "manifest.json").write_bytes(listing)
        paths = frozenset(o.path for o in outputs)
        asked = self._companion and self._companion.ask(
            CARDS_CHECK, "check", folder, frozenset(), glyphs
        )
        if asked:
            self._add((paths, asked, None, folder))
            return
        context = mp.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_check, args=(folder, send, glyphs))  # not a daemon
        process.start()
        send.close()
        self._add((paths, receive, process, folder))

    def adopt(self, paths: frozenset[str], receive: Connection, process: Any, folder: Path) -> None:
        """A process started elsewhere (kit.draw_ahead) that will send the findings for
        ``paths`` on ``receive``; ``folder`` is removed once it has answered."""
        self._add((paths, receive, process, folder))

    def cancel(self) -> None:
        """The build failed: every check still running is stopped, its folder removed."""
        for _, receive, process, folder in self._jobs:
            if process is not None:
                process.terminate()
                process.join()
            receive.close()
            shutil.rmtree(folder, ignore_errors=True)
        self._jobs.clear()
        ended(self.cancel)

    def _add(self, job: tuple[frozenset[str], Connection, Any, Path]) -> None:
        if not self._jobs:
            started(self.cancel)
        self._jobs.append(job)

    def results(self) -> tuple[frozenset[str], list[Any]]:
        """The files checked ahead and their findings (waiting for them if need be)."""
        checked: set[str] = set()
        findings: list[Any] = []
        for paths, connection, process, folder in self._jobs:
            found = answer_on(connection)
            if process is not None:
                process.join()
            shutil.rmtree(folder, ignore_errors=True)
            if found is not None:
                checked |= paths
                findings += found
        self._jobs.clear()
        ended(self.cancel)
        return frozenset(checked), findings


def _check(folder: Path, send: Connection, glyphs: Path | None) -> None:
    quiet_child()
    try:
        send.send(check_folder(folder, frozenset(), glyphs))
    except Exception:
        send.send(None)  # checked again at write time
    finally:
        send.close()
