"""The plan of a picture: what it should hold (the themed elements first, then the seed's
share), and the order it is placed in, the features first, the landscape around them last."""

from __future__ import annotations

from dataclasses import dataclass

from .foreground import place_crowd, place_fallen_trees, place_river
from .layers import Layer, paint_hills, plan_layers
from .palette import WHITE
from .scene import Scene
from .sites import place_site, place_turbines
from .sky import Sky, draw_sky, place_clouds_and_birds, place_storm_clouds, place_sun
from .terrain import decorate_ground, decorate_hill
from .trees import Trees

SEEDED_SITES = ("village", "methaniser", "solar", "village", "methaniser", "solar")
# Themed sites are placed the most particular first: the village can shrink or move back.
THEMED_SITES = (
    ("ecole", "school"),
    ("chaleur", "heat"),
    ("methanisation", "methaniser"),
    ("agriculture", "farm"),
    ("solaire", "solar"),
    ("village", "village"),
)


@dataclass
class Wishes:
    """What the picture should hold: the themed elements first, then the seed's."""

    themes: frozenset[str]
    sites: list[tuple[str, bool]]  # (site, themed)
    crowds: list[tuple[str | None, bool]]  # (style, themed)
    turbines: int
    prominent_turbines: bool
    river: str | None  # None, "seeded" or "themed"


@dataclass(frozen=True)
class Setting:
    """What every placement shares: the sky, the hills, and the storm's wind."""

    sky: Sky
    hills: list[Layer]
    ground: Layer
    bend: float  # how far the wind bends the trees; 0 without a storm
    turbine_colour: str

    @property
    def storm(self) -> bool:
        return self.sky.time == "storm"


def compose_scene(scene: Scene, themes: frozenset[str]) -> None:
    """Plan the picture and draw every element into the scene's pen."""
    rng = scene.rng
    horizon = rng.uniform(0.5, 0.66)
    storm = "tempete" in themes
    sky = draw_sky(scene, horizon, storm, pale="eolien" not in themes)
    scene.sky = sky.tone
    if storm:
        scene.kinds.append("storm_sky")
    scene.layers = plan_layers(scene, horizon, "eau" in themes)
    paint_hills(scene, scene.layers)
    wishes = plan_wishes(scene, themes)
    bend = rng.choice((-1, 1)) * rng.uniform(0.22, 0.3) if storm else 0.0
    # White turbines vanish against the palest sky: there they take a darker tone.
    turbine_colour = scene.palette.mid if sky.tone == scene.palette.paper else WHITE
    setting = Setting(sky, scene.layers[:-1], scene.layers[-1], bend, turbine_colour)
    _place_themed(scene, setting, wishes)
    _place_seeded(scene, setting, wishes)
    # Last the landscape around them.
    trees = Trees()
    for index in range(len(setting.hills)):
        decorate_hill(scene, trees, index, themes, bend)
    decorate_ground(scene, trees, setting.ground, themes, bend)
    if bend and any(k in scene.kinds for k in ("tree", "forest")):
        scene.kinds.append("bent_tree")


def plan_wishes(scene: Scene, themes: frozenset[str]) -> Wishes:
    """The elements to place: every themed one, and the seed's choice among the others."""
    rng = scene.rng
    sites = [(site, True) for theme, site in THEMED_SITES if theme in themes]
    crowds: list[tuple[str | None, bool]] = []
    if "reunion" in themes:
        crowds.append(("table", True))
    if "jeunes" in themes:
        crowds.append(("banner", True))
    # The seed's share: fewer extras when themes already fill the picture; a forest keeps
    # its room.
    extra_sites = rng.choice((1, 2, 2)) - len(sites) - (2 if "foret" in themes else 0)
    names = list(SEEDED_SITES)
    rng.shuffle(names)
    if rng.random() < 0.08:
        names.insert(0, "farm")
    for name in names:
        if extra_sites <= 0:
            break
        if all(name != s for s, _ in sites):
            sites.append((name, False))
            extra_sites -= 1
    if not crowds and rng.random() < (0.88 if not themes else 0.3 if "foret" in themes else 0.6):
        crowds.append((None, False))
    eolien = "eolien" in themes
    turbines = rng.randint(3, 4) if eolien else (rng.randint(2, 4) if rng.random() < 0.55 else 0)
    river = "themed" if "eau" in themes else "seeded" if rng.random() < 0.35 else None
    return Wishes(themes, sites, crowds, turbines, eolien, river)


def _place_themed(scene: Scene, setting: Setting, wishes: Wishes) -> None:
    """The themed elements first: they must find room. The sites before the crowds (a crowd
    can shrink), the village last of all (it can move back)."""
    hills, ground, themes = setting.hills, setting.ground, wishes.themes
    if wishes.turbines and wishes.prominent_turbines:
        place_turbines(scene, hills, wishes.turbines, True, setting.turbine_colour)
    if wishes.river is not None:  # first: the people of the foreground stand on its bank
        place_river(scene, ground, themed=wishes.river == "themed")
    for name, themed in wishes.sites:
        if themed and name != "village":
            place_site(scene, hills, ground, name, True, themes)
    for style, themed in wishes.crowds:
        if themed:
            place_crowd(scene, ground, style, True)
    if ("village", True) in wishes.sites:
        place_site(scene, hills, ground, "village", True, themes)
    if setting.storm:
        if "foret" in themes:
            place_fallen_trees(scene, ground)
        place_storm_clouds(scene, setting.sky, 1.0 if setting.bend > 0 else -1.0)


def _place_seeded(scene: Scene, setting: Setting, wishes: Wishes) -> None:
    """Then the sun, in a free part of the sky, and the seed's own choices."""
    hills, ground = setting.hills, setting.ground
    if not setting.storm:
        place_sun(scene, hills[0], setting.sky.time)
    for style, themed in wishes.crowds:
        if not themed:
            place_crowd(scene, ground, style, False)
    for name, themed in wishes.sites:
        if not themed:
            place_site(scene, hills, ground, name, False, wishes.themes)
    if wishes.turbines and not wishes.prominent_turbines:
        place_turbines(scene, hills, wishes.turbines, False, setting.turbine_colour)
    if not setting.storm:
        place_clouds_and_birds(scene, hills[0], setting.sky)
