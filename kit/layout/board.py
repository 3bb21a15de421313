"""The board: four axis diagrams around a slot for the current scenario card."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Kit
from ..units import mm
from .geometry import Box

MARGIN = mm(12)
TITLE_H = mm(24)
LABEL_W = mm(33)
LABEL_H = mm(14)


@dataclass(frozen=True)
class Node:
    number: int
    label: str
    x: float
    y: float
    radius: float
    label_box: Box
    align: str  # "left", "right" or "centre": how the label sits against its node


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
    diagrams: tuple[Diagram, ...]


def plan_board(kit: Kit) -> BoardPlan:
    page = Box(0, 0, *kit.profile.board_sheet)
    title_box = Box(MARGIN, page.h - MARGIN - TITLE_H, page.w - 2 * MARGIN, TITLE_H)
    area = Box(MARGIN, MARGIN, page.w - 2 * MARGIN, title_box.y - MARGIN - mm(2))
    scenario = kit.families["scenario"]
    centre_w = scenario.width + mm(12)
    side_w = (area.w - centre_w) / 2
    cell_h = area.h / 2
    cells = (
        Box(area.x, area.y + cell_h, side_w, cell_h),
        Box(area.right - side_w, area.y + cell_h, side_w, cell_h),
        Box(area.x, area.y, side_w, cell_h),
        Box(area.right - side_w, area.y, side_w, cell_h),
    )
    slot_x = area.x + side_w + (centre_w - scenario.width) / 2
    slot_y = area.y + (area.h - scenario.height) / 2 - mm(4)
    slot = Box(slot_x, slot_y, scenario.width, scenario.height)
    diagrams = tuple(_diagram(axis, cell) for axis, cell in zip(kit.axes, cells, strict=False))
    return BoardPlan(page, title_box, slot, diagrams)


def _diagram(axis, cell: Box) -> Diagram:
    title_box = Box(cell.x, cell.top - mm(11), cell.w, mm(11))
    body = Box(cell.x, cell.y, cell.w, cell.h - title_box.h)
    cx, cy = body.center
    node_r = mm(7)
    orbit_x = body.w / 2 - LABEL_W - node_r - mm(4.5)
    orbit_y = body.h / 2 - LABEL_H - node_r - mm(4)
    count = len(axis.balises)
    nodes = tuple(
        _node(balise, cx, cy, (orbit_x, orbit_y), node_r, 90 - k * 360 / count)
        for k, balise in enumerate(axis.balises)
    )
    return Diagram(axis.id, cell, title_box, cx, cy, min(orbit_x, orbit_y) * 0.55, nodes)


def _node(
    balise, cx: float, cy: float, orbit: tuple[float, float], radius: float, degrees: float
) -> Node:
    """A balise on an elliptical orbit, its label outside it, on the side it faces."""
    angle = math.radians(degrees)
    x, y = cx + orbit[0] * math.cos(angle), cy + orbit[1] * math.sin(angle)
    reach = radius + mm(1.8)
    if math.cos(angle) > 0.35:
        box, align = Box(x + reach, y - LABEL_H / 2, LABEL_W, LABEL_H), "left"
    elif math.cos(angle) < -0.35:
        box, align = Box(x - reach - LABEL_W, y - LABEL_H / 2, LABEL_W, LABEL_H), "right"
    elif math.sin(angle) > 0:
        box, align = Box(x - LABEL_W / 2, y + reach, LABEL_W, LABEL_H), "centre"
    else:
        box, align = Box(x - LABEL_W / 2, y - reach - LABEL_H, LABEL_W, LABEL_H), "centre"
    return Node(balise.number, balise.label, x, y, radius, box, align)
