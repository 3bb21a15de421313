"""The facilitator guide's text (kit/content/guide.yaml), rendered for one kit, and its
minute-by-minute scripts as a model."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .booklet_content import rendered_content
from .prepared import content_source


@dataclass(frozen=True)
class Step:
    start: int  # minutes since the workshop began
    minutes: int
    name: str
    what: str
    say: str


@dataclass(frozen=True)
class Phase:
    title: str
    steps: tuple[Step, ...]

    @property
    def start(self) -> int:
        return self.steps[0].start

    @property
    def minutes(self) -> int:
        return sum(step.minutes for step in self.steps)


@dataclass(frozen=True)
class Script:
    minutes: int
    phases: tuple[Phase, ...]


def guide_source() -> dict[str, Any]:
    return content_source("guide.yaml")


def rendered_guide(variables: dict[str, Any]) -> dict[str, Any]:
    """Every text of guide.yaml rendered as a template over ``kit`` (the booklet's variables)."""
    return rendered_content(guide_source(), variables)


def script(value: Mapping[str, Any]) -> Script:
    """A ``deroule`` block as a model; its steps must add up to its announced length."""
    start, phases = 0, []
    for phase in value["phases"]:
        steps = []
        for step in phase["etapes"]:
            steps.append(Step(start, step["duree"], step["etape"], step["quoi"], step["dire"]))
            start += step["duree"]
        phases.append(Phase(phase["titre"], tuple(steps)))
    if start != value["duree"]:
        raise ValueError(
            f"guide.yaml : déroulé de {value['duree']} min dont les étapes font {start}"
        )
    return Script(value["duree"], tuple(phases))


def scripts(content: Mapping[str, Any]) -> list[Script]:
    """Every script of the guide, in order."""
    return [
        script(block["deroule"])
        for section in content["sections"]
        for block in section["blocs"]
        if "deroule" in block
    ]


def clock(minutes: int) -> str:
    """75 -> "1 h 15", counted from the start of the workshop."""
    return f"{minutes // 60}\u00a0h\u00a0{minutes % 60:02d}"
