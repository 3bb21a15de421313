"""What every build reads the same way, whatever the kit: our own content files (kit/content/)
and the French hyphenation patterns.

The companion reads them on the other core while the main process imports its libraries (see
kit.stages.checked_sources) and sends them with the project's files: unpickling them costs the
main process some 3 ms instead of 20 to read them, and the board's fork, forked after, has
them too. Without the companion, each is read where it is first needed, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

from . import typography

CONTENT_FILES = ("livret.yaml", "guide.yaml")


@dataclass(frozen=True)
class Prepared:
    contents: dict[str, Any]  # each content file, as content_source reads it
    hyphenation: Any  # pyphen's French patterns (see typography.hyphenation_patterns)


def prepare() -> Prepared:
    contents = {name: content_source(name) for name in CONTENT_FILES}
    return Prepared(contents, typography.hyphenation_patterns())


def take(prepared: Prepared) -> None:
    """Use what the companion read, where it was not read here already."""
    for name, content in prepared.contents.items():
        _CONTENTS.setdefault(name, content)
    typography.use_hyphenation_patterns(prepared.hyphenation)


def content_source(name: str) -> dict[str, Any]:
    """One of our content files (kit/content/), as written."""
    if name not in _CONTENTS:
        from ruamel.yaml import YAML

        text = resources.files("kit.content").joinpath(name).read_text(encoding="utf-8")
        # libyaml, 10× faster than the pure loader, which reads these files the same
        # (tests/test_speed.py)
        _CONTENTS[name] = YAML(typ="safe").load(text)
    return _CONTENTS[name]


_CONTENTS: dict[str, Any] = {}
