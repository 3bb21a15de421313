"""Stage 3, model: validated data becomes frozen dataclasses; lengths become points."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .images import is_file_reference, resolve_user_file
from .local_cards import HIDDEN, blank_counts
from .profile import Profile, make_profile
from .sources import Sources
from .typography import french
from .units import mm, parse_length

CARD_FORMATS_MM = {
    "poker": (63.0, 88.0),
    "bridge": (57.0, 89.0),
    "tarot": (70.0, 120.0),
    "a6": (105.0, 148.0),
    "carre": (70.0, 70.0),
}
SCENARIO_KINDS = {
    "opportunite": ("Opportunité", "door-open"),
    "evenement": ("Événement", "lightning-bolt"),
    "tension": ("Tension", "arrow-collapse-horizontal"),
    "echeance": ("Échéance", "calendar-clock"),
}


@dataclass(frozen=True)
class Balise:
    id: str
    number: int
    title: str
    label: str
    pictogram: str | Path  # an icon name, or a user file
    explanation: str
    question: str
    data: Mapping[str, Any]
    illustration: Path | None = None
    hidden: bool = False  # on the board, but left out of the cards by the workshop


@dataclass(frozen=True)
class Axis:
    id: str
    number: int
    title: str
    short_title: str
    concept: str
    labels: tuple[str, ...]
    colour: str
    shape: str
    pattern: str
    pictogram: str | Path
    balises: tuple[Balise, ...]
    data: Mapping[str, Any]  # the axis as written, for templates
    illustration: Path | None = None


@dataclass(frozen=True)
class Scenario:
    id: str
    number: int
    kind: str
    title: str
    text_template: str
    axis_ids: tuple[str, ...]
    data: Mapping[str, Any]
    illustration: Path | None = None
    themes: tuple[str, ...] = ()  # what its generated illustration shows
    requires: tuple[str, ...] = ()  # territory fields without which it is left out

    @property
    def kind_label(self) -> str:
        return SCENARIO_KINDS[self.kind][0]

    @property
    def pictogram(self) -> str:
        return SCENARIO_KINDS[self.kind][1]


@dataclass(frozen=True)
class Role:
    """A player's viewpoint for the whole game, dealt one per player."""

    id: str
    number: int
    title: str
    pictogram: str | Path
    data: Mapping[str, Any]
    illustration: Path | None = None
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Family:
    """How one family of cards looks: its size in points and its text templates."""

    name: str
    format_name: str
    width: float
    height: float
    safe_margin: float
    templates: Mapping[str, str]
    title_size: float
    body_size: float
    min_size: float
    colour: str
    file: str
    corner_radius: float = 0.0  # a cutting guide for rounded corners, 0 for square ones


@dataclass(frozen=True)
class Kit:
    """Everything a build needs, checked and in points."""

    source: Mapping[str, Any]
    axes: tuple[Axis, ...]
    scenarios: tuple[Scenario, ...]
    territory: Mapping[str, Any]
    families: Mapping[str, Family]
    profile: Profile
    scenario_file: str
    blank_cards: Mapping[str, int] = field(default_factory=dict)  # per family, to write on
    logo: Path | None = None  # the territory's, on the board and the booklet cover
    roles: tuple[Role, ...] = ()

    @property
    def balises(self) -> tuple[tuple[Axis, Balise], ...]:
        return tuple((axis, balise) for axis in self.axes for balise in axis.balises)

    def axis(self, axis_id: str) -> Axis:
        return next(axis for axis in self.axes if axis.id == axis_id)


def make_kit(sources: Sources) -> Kit:
    ref = sources.referentiel.data
    files = _FileResolver(sources.project)
    axes = tuple(sorted((_axis(a, files) for a in ref["axes"]), key=lambda a: a.number))
    scenarios = tuple(
        sorted(
            (_scenario(s, files) for s in sources.scenarios.data["scenarios"] if not s.get(HIDDEN)),
            key=lambda s: s.number,
        )
    )
    roles = sorted((_role(r, files) for r in sources.roles.data["roles"]), key=lambda r: r.number)
    families = {name: _family(doc.data, doc.file) for name, doc in sources.families.items()}
    return Kit(
        source=_frozen(ref["source"]),
        axes=axes,
        scenarios=scenarios,
        territory=_frozen(_typographic(sources.territory.data)),
        families=MappingProxyType(families),
        profile=make_profile(sources.profile.data, sources.project),
        scenario_file=sources.scenarios.file,
        blank_cards=MappingProxyType(blank_counts(sources.local_cards)),
        logo=files.image(sources.territory.data.get("logo")),
        roles=tuple(roles),
    )


def _typographic(value: Any) -> Any:
    """The territory's texts with French typography (’, « »…) wherever they are printed."""
    if isinstance(value, str):
        return french(value)
    if isinstance(value, dict):
        return {k: _typographic(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typographic(v) for v in value]
    return value


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


@dataclass(frozen=True)
class _FileResolver:
    """Turns the file names written in the YAML into checked paths inside the project."""

    project: Path

    def pictogram(self, value: str) -> str | Path:
        return resolve_user_file(self.project, value) if is_file_reference(value) else value

    def image(self, value: str | None) -> Path | None:
        return None if value is None else resolve_user_file(self.project, value)


def _axis(data: dict, files: _FileResolver) -> Axis:
    balises = tuple(sorted((_balise(b, files) for b in data["balises"]), key=lambda b: b.number))
    template_data = {
        "texte": None,
        "etiquettes": [],
        **data,
        "jeu": {"presentation": None, **data.get("jeu", {})},
    }
    return Axis(
        id=data["id"],
        number=data["numero"],
        title=data["titre"],
        short_title=data["titre_court"],
        concept=data["concept"],
        labels=tuple(data.get("etiquettes", ())),
        colour=data["couleur"],
        shape=data["forme"],
        pattern=data.get("motif", "aucun"),
        pictogram=files.pictogram(data["pictogramme"]),
        balises=balises,
        data=_frozen(template_data),
        illustration=files.image(data.get("illustration")),
    )


def _balise(data: dict, files: _FileResolver) -> Balise:
    return Balise(
        id=data["id"],
        number=data["numero"],
        title=data["titre"],
        label=data["etiquette"],
        pictogram=files.pictogram(data["pictogramme"]),
        explanation=data["jeu"]["explication"],
        question=data["jeu"]["question"],
        data=_frozen({"origine": "referentiel", **data}),
        illustration=files.image(data.get("illustration")),
        hidden=bool(data.get(HIDDEN)),
    )


def _scenario(data: dict, files: _FileResolver) -> Scenario:
    return Scenario(
        id=data["id"],
        number=data["numero"],
        kind=data["type"],
        title=data["titre"],
        text_template=data["texte"],
        axis_ids=tuple(data["axes"]),
        data=_frozen(data),
        illustration=files.image(data.get("illustration")),
        themes=tuple(data.get("decor", ())),
        requires=tuple(data.get("requiert", ())),
    )


def _role(data: dict, files: _FileResolver) -> Role:
    return Role(
        id=data["id"],
        number=data["numero"],
        title=data["titre"],
        pictogram=files.pictogram(data["pictogramme"]),
        data=_frozen(data),
        illustration=files.image(data.get("illustration")),
        themes=tuple(data.get("decor", ())),
    )


def _family(data: dict, file: str) -> Family:
    if data["format"] == "libre":
        width, height = parse_length(data["largeur"]), parse_length(data["hauteur"])
    else:
        width, height = (mm(v) for v in CARD_FORMATS_MM[data["format"]])
    sizes = data.get("tailles", {})
    return Family(
        name=data["famille"],
        format_name=data["format"],
        width=width,
        height=height,
        safe_margin=parse_length(data.get("zone_tranquille", "4mm")),
        templates=MappingProxyType({"encadre": "", **data["textes"]}),
        title_size=parse_length(sizes.get("titre", "13pt")),
        body_size=parse_length(sizes.get("corps", "9.5pt")),
        min_size=parse_length(sizes.get("minimum", "7.5pt")),
        colour=data.get("couleur", "#141C28"),
        corner_radius=parse_length(data.get("coins_arrondis", "0mm")),
        file=file,
    )
