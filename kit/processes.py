"""What every process makekit forks does first, and what the command does on Ctrl-C."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing as mp
import os
import signal
import sys
from collections.abc import Callable, Iterator

_PR_SET_PDEATHSIG = 1


def quiet_child() -> None:
    """Ctrl-C reaches every process of the terminal's group; only the main process answers
    it (« Interrompu. ») and stops the others, which ignore it rather than print a traceback
    each. On Linux a child also ends with its parent: the glyph readers of a check that is
    stopped do not linger, writing to a pipe no one reads."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        parent = os.getppid()
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # the parent ended before the call
            os._exit(0)


def stop_children() -> None:
    """The processes still working for an interrupted build: stopped, not waited for."""
    for child in mp.active_children():
        child.terminate()
    for child in mp.active_children():
        child.join(timeout=5)


@contextlib.contextmanager
def forks_stopped_on_failure() -> Iterator[None]:
    """Within it, a failure (a card that does not fit, a board label too long, Ctrl-C)
    stops every fork started inside (see ``started``) and removes its folder: nothing of a
    failed build is left running or on disk."""
    mark = len(_LIVE)
    try:
        yield
    except BaseException:
        for cancel in reversed(_LIVE[mark:]):
            cancel()
        del _LIVE[mark:]
        raise


@contextlib.contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Python's cycle collector walks every object the imports made (some 300,000) again and
    again during a build, in each of its processes (40 ms in the main process alone), and
    writes to each, so that a fork copies their pages. A build's objects are freed by their
    reference counts; its few cycles wait for the collector's first run after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def started(cancel: Callable[[], None]) -> None:
    """A fork is running: ``cancel()`` stops it and removes what it wrote."""
    _LIVE.append(cancel)


def ended(cancel: Callable[[], None]) -> None:
    """The fork ``started`` was given ``cancel`` for is over (answered, or cancelled)."""
    if cancel in _LIVE:
        _LIVE.remove(cancel)


_LIVE: list[Callable[[], None]] = []
