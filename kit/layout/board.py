"""The board: four axis diagrams around a central column with the scenario card's slot."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Kit
from ..profile import sheet_size
from ..units import mm
from .geometry import Box

DESIGN_PAGE = sheet_size("A3", "paysage")  # drawn at this size, scaled to the printed one
MARGIN = mm(12)
GUTTER = mm(5)
LABEL_W = mm(47)  # "RECONNAISSANCE et" on one line at 14 pt bold
LABEL_H = mm(17)  # three lines at 14 pt
NODE_R = mm(8.5)
CELL_TITLE_H = mm(12)


@dataclass(frozen=True)
class Node:
    number: int
    label: str
    pictogram: object  # an icon name or a user's file
    x: float
    y: float
    radius: float
    label_box: Box
    align: str  # "above" or "below" its node


@dataclass(frozen=True)
class Diagram:
    axis_id: str
    cell: Box
    title_box: Box
    cx: float
    cy: float
    concept_radius: float
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class BoardPlan:
    page: Box
    title_box: Box
    scenario_slot: Box
    legend_box: Box
    diagrams: tuple[Diagram, ...]


def plan_board(kit: Kit) -> BoardPlan:
    page = Box(0, 0, *DESIGN_PAGE)
    area = page.inset(MARGIN)
    scenario = kit.families["scenario"]
    centre_w = scenario.width + mm(12)
    side_w = (area.w - centre_w) / 2 - GUTTER
    cell_h = (area.h - GUTTER) / 2
    cells = (
        Box(area.x, area.y + cell_h + GUTTER, side_w, cell_h),
        Box(area.right - side_w, area.y + cell_h + GUTTER, side_w, cell_h),
        Box(area.x, area.y, side_w, cell_h),
        Box(area.right - side_w, area.y, side_w, cell_h),
    )
    centre = Box(area.x + side_w + GUTTER, area.y, centre_w, area.h)
    title_box = Box(centre.x, centre.top - mm(46), centre.w, mm(46))
    slot = Box(
        centre.center[0] - scenario.width / 2,
        title_box.y - mm(8) - scenario.height,
        scenario.width,
        scenario.height,
    )
    legend_box = Box(centre.x, centre.y, centre.w, slot.y - mm(6) - centre.y)
    diagrams = tuple(_diagram(axis, cell) for axis, cell in zip(kit.axes, cells, strict=False))
    return BoardPlan(page, title_box, slot, legend_box, diagrams)


def _diagram(axis, cell: Box) -> Diagram:
    title_box = Box(cell.x, cell.top - CELL_TITLE_H, cell.w, CELL_TITLE_H)
    body = Box(cell.x, cell.y, cell.w, cell.h - title_box.h)
    cx, cy = body.center
    # Labels sit centred over or under their node: that leaves the orbit almost the
    # whole width of the cell, which labels beside the nodes would eat up.
    orbit_x = body.w / 2 - LABEL_W / 2 - mm(4.5)
    orbit_y = body.h / 2 - NODE_R - mm(1.8) - LABEL_H - mm(4)
    count = len(axis.balises)
    nodes = tuple(
        _node(balise, cx, cy, (orbit_x, orbit_y), 90 - k * 360 / count)
        for k, balise in enumerate(axis.balises)
    )
    concept_radius = min(orbit_x, orbit_y) - NODE_R - mm(3)
    return Diagram(axis.id, cell, title_box, cx, cy, concept_radius, nodes)


def _node(balise, cx: float, cy: float, orbit: tuple[float, float], degrees: float) -> Node:
    """A balise on an elliptical orbit, its label outside it, on the side it faces."""
    angle = math.radians(degrees)
    x, y = cx + orbit[0] * math.cos(angle), cy + orbit[1] * math.sin(angle)
    reach = NODE_R + mm(1.8)
    if math.sin(angle) > 0.2:  # upper nodes: label above, clear of the nodes below
        box, align = Box(x - LABEL_W / 2, y + reach, LABEL_W, LABEL_H), "above"
    else:
        box, align = Box(x - LABEL_W / 2, y - reach - LABEL_H, LABEL_W, LABEL_H), "below"
    return Node(balise.number, balise.label, balise.pictogram, x, y, NODE_R, box, align)
