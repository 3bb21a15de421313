"""The landscape around the placed features: fields, hedges and woods on the hills, big trees
in the foreground. It may pass under anything, but a tree never stands on a house of its own
hill, behind a head or in front of a rotor."""

from __future__ import annotations

from functools import partial

from .fields import draw_fields, draw_hedgerow
from .layers import FIELDS, FOREST, FRONT_TREES, HEDGE, Layer
from .scene import GAP, Item, Scene
from .shapes import BBox, overlaps
from .trees import Trees, draw_forest, draw_tree, tree_boxes


def decorate_hill(
    scene: Scene, trees: Trees, index: int, themes: frozenset[str], bend: float
) -> None:
    """Fields and a hedge on a hill that has one behind it, and maybe a wood (always in a
    forest theme; never among turbines)."""
    rng, palette = scene.rng, scene.palette
    layer = scene.layers[index]
    scale = 0.5 + 0.5 * layer.depth
    behind = (scene.layers[index - 1].colour if index > 0 else scene.sky, scene.sky)
    darker, darkest = palette.two_near(layer.colour, behind)
    farming = "agriculture" in themes
    if index > 0 and (farming or rng.random() < 0.55):
        _sow_fields(scene, index, darker, farming)
    if index > 0 and rng.random() < 0.45:
        _plant_hedge(scene, layer, scale, darkest)
    forest = "foret" in themes
    turbines_here = any(
        i.kind == "turbine" and layer.base <= i.depth < layer.base + 10 for i in scene.items
    )
    if forest or (not turbines_here and rng.random() < (0.85 if bend else 0.6)):
        _plant_wood(scene, trees, layer, scale, (darker, darkest), forest, bend)


def decorate_ground(
    scene: Scene, trees: Trees, layer: Layer, themes: frozenset[str], bend: float
) -> None:
    """Big trees near the sides of the foreground (more of them in a forest theme)."""
    rng, palette, unit = scene.rng, scene.palette, scene.unit
    forest = "foret" in themes
    wanted = rng.randint(3, 4) if forest else rng.randint(2, 3) if bend else rng.randint(0, 2)
    depth = layer.base + FRONT_TREES
    placed = 0
    places = [scene.x(rng.uniform(0.0, 0.12)), scene.x(rng.uniform(0.88, 1.0))]
    places += scene.xs(0.05, 0.95, 10) if (forest or bend) else []
    for x in places:
        if placed >= wanted:
            break
        kind = rng.choice(("round", "conifer", "poplar"))
        size = unit * rng.uniform(0.28, 0.4)
        ground = scene.dry(x, layer.ridge.height_at(x) - unit * 0.03)
        size = min(size, (scene.top_limit - ground) * 0.95)
        tilt = bend * rng.uniform(0.8, 1.1)
        trunk_box, crown_box = tree_boxes(kind, x, ground, size, tilt)
        if not trees.room(crown_box, palette.deep, size * 0.08) or not tree_has_room(
            scene, layer, depth, trunk_box, crown_box
        ):
            continue
        trees.add(crown_box, palette.deep)
        tree = partial(draw_tree, scene, kind, x, ground, size, palette.deep, palette.deep, tilt)
        scene.terrain("tree", depth, tree)
        placed += 1


def tree_has_room(scene: Scene, layer: Layer, depth: float, trunk: BBox, crown: BBox) -> bool:
    """A tree may stand in front of a far thing's foot, behind a nearer hill's features, never
    on the features of its own hill (a house half inside a wood) nor in front of the sky's."""
    bbox = (min(trunk[0], crown[0]), trunk[1], max(trunk[2], crown[2]), max(trunk[3], crown[3]))
    if bbox[3] > scene.top_limit:
        return False
    return not any(_blocks_tree(item, bbox, layer, depth) for item in scene.items)


def _blocks_tree(item: Item, bbox: BBox, layer: Layer, depth: float) -> bool:
    if not overlaps(bbox, item.bbox, GAP):
        return False
    if item.kind == "people":
        return True  # a crown behind a head swallows it
    other = item.bbox
    hidden_foot = other[1] + item.lenient * (other[3] - other[1])
    if item.kind == "turbine" and bbox[3] > hidden_foot:
        return True  # crowns behind a rotor clutter it: turbines stand against the sky
    if item.depth >= layer.base + 10:
        return False  # a nearer hill's feature, drawn over the tree
    return not (item.depth < depth and bbox[3] <= hidden_foot)


def _sow_fields(scene: Scene, index: int, furrow: str, farming: bool) -> None:
    layer, nearer = scene.layers[index], scene.layers[index + 1].ridge
    tones = (scene.palette.darker(layer.colour, -1), layer.colour)
    # Fields only as far down the hill as it shows above the next one.
    seen = max(
        layer.ridge.height_at(scene.x(k / 8)) - nearer.height_at(scene.x(k / 8)) for k in range(9)
    )
    depth = seen + scene.unit * 0.02
    fields = partial(draw_fields, scene, layer.ridge, tones, furrow, farming, depth)
    scene.terrain("fields", layer.base + FIELDS, fields)


def _plant_hedge(scene: Scene, layer: Layer, scale: float, colour: str) -> None:
    span = free_span(scene, layer, scene.unit * scene.rng.uniform(0.4, 0.9))
    if span is None:
        return
    size = scene.unit * 0.025 * scale
    hedge = partial(draw_hedgerow, scene, layer.ridge, *span, size, colour)
    scene.terrain("hedge", layer.base + HEDGE, hedge)


def free_span(
    scene: Scene, layer: Layer, width: float, tries: int = 6
) -> tuple[float, float] | None:
    """Where a hedge of ``width`` may run along ``layer``'s crest, clear of its features."""
    rng = scene.rng
    own = [i.bbox for i in scene.items if layer.base <= i.depth < layer.base + 10]
    for _ in range(tries):
        left = scene.x(rng.uniform(-0.1, 0.9))
        right = left + width
        if all(right < b[0] - GAP or left > b[2] + GAP for b in own):
            return left, right
    return None


def _plant_wood(
    scene: Scene,
    trees: Trees,
    layer: Layer,
    scale: float,
    tones: tuple[str, str],
    forest: bool,
    bend: float,
) -> None:
    """A wood along the hill's crest: a wide one in a forest theme; a "forest" once it holds
    three trees."""
    rng, unit = scene.rng, scene.unit
    width = unit * (rng.uniform(1.0, 1.6) if forest else rng.uniform(0.5, 0.9))
    if forest:
        left = scene.x(rng.uniform(-0.1, 0.3))
    else:
        left = scene.x(rng.uniform(-0.1, 0.9)) - width / 2
    depth = layer.base + FOREST
    size = unit * (0.2 if forest else 0.18) * scale
    room = partial(tree_has_room, scene, layer, depth)
    wood = partial(
        draw_forest, scene, trees, layer.ridge, left, left + width, size, tones, bend, room
    )
    if scene.terrain(None, depth, wood) >= 3:
        scene.kinds.append("forest")
