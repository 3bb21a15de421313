"""Geometry checked numerically, without drawing a PDF."""

import pytest

from kit.layout.card import card_boxes
from kit.layout.imposition import crop_marks, impose, plan_grid
from kit.profile import CropMarks, Profile
from kit.units import mm, to_mm

A4 = (mm(210), mm(297))


def profile(**changes) -> Profile:
    values = dict(
        name="test",
        description="test",
        imposition="grille",
        sheet=A4,
        sheet_name="A4",
        margin=mm(10),
        gap=mm(4),
        bleed=mm(2),
        crop_marks=CropMarks(mm(5), mm(2), 0.25),
        sheet_label=True,
        board_sheet=(mm(420), mm(297)),
        board_sheet_name="A3",
        board_bleed=0,
        tiles=None,
        booklet_sheet=A4,
    )
    values.update(changes)
    return Profile(**values)


def test_tarot_cards_go_two_by_two_on_a4_centred():
    grid = plan_grid(profile(), mm(70), mm(120))
    assert (grid.cols, grid.rows) == (2, 2)
    first = grid.slots[0]
    assert round(to_mm(first.w), 2) == 70.00 and round(to_mm(first.h), 2) == 120.00
    assert round(to_mm(first.x), 2) == 33.00  # (210 - 2 × 70 - 4) / 2
    assert round(to_mm(first.top), 2) == 297 - 26.50  # (297 - 2 × 120 - 4) / 2
    assert round(to_mm(grid.slots[1].x - first.right), 2) == 4.00


def test_poker_cards_butted_go_three_by_three_and_bleed_shrinks_to_the_gap():
    grid = plan_grid(profile(gap=0), mm(63), mm(88))
    assert (grid.cols, grid.rows) == (3, 3)
    assert grid.bleed == 0
    assert plan_grid(profile(), mm(63), mm(88)).cols == 2


def test_back_slot_mirrors_front_slot_about_the_sheet_centre():
    grid = plan_grid(profile(margin=mm(12)), mm(63), mm(88))
    for index, front in enumerate(grid.slots):
        back = grid.back_slot(index)
        assert back.x == pytest.approx(grid.sheet.w - front.x - front.w)
        assert back.y == front.y
    # long-edge duplex: the first column's back is in the last column
    assert grid.back_slot(0).x == pytest.approx(grid.slots[grid.cols - 1].x)


def test_crop_marks_stay_outside_every_card_and_its_bleed():
    grid = plan_grid(profile(), mm(70), mm(120))
    marks = crop_marks(grid, mm(5), mm(2))
    assert len(marks) == 2 * 4 + 2 * 4  # 4 cut lines each way, a mark at both ends
    for line in marks:
        for slot in grid.slots:
            bleed = slot.expand(grid.bleed)
            inside_x = bleed.x < min(line.x0, line.x1) and max(line.x0, line.x1) < bleed.right
            inside_y = bleed.y < min(line.y0, line.y1) and max(line.y0, line.y1) < bleed.top
            assert not (inside_x and inside_y)
    verticals = sorted({round(to_mm(m.x0), 2) for m in marks if m.x0 == m.x1})
    assert verticals == [33.0, 103.0, 107.0, 177.0]
    top_mark = max(marks, key=lambda m: max(m.y0, m.y1))
    assert round(to_mm(min(top_mark.y0, top_mark.y1)), 2) == round(297 - 26.5 + 2 + 2, 2)


def test_impose_pairs_each_front_sheet_with_its_back_sheet():
    grid = plan_grid(profile(), mm(70), mm(120))
    pairs = [(f"face-{i}", f"dos-{i % 2}") for i in range(6)]
    sheets = impose(pairs, grid, profile())
    assert [s.side for s in sheets] == ["recto", "verso", "recto", "verso"]
    assert [p.key for p in sheets[1].placements] == ["dos-0", "dos-1", "dos-0", "dos-1"]
    assert sheets[1].placements[0].box == grid.back_slot(0)
    assert len(sheets[2].placements) == 2


def test_card_boxes_nest_bleed_trim_safe_and_text(default_kit):
    from kit.model import Family

    family = Family("balise", "tarot", mm(70), mm(120), mm(4), {}, 14, 10.5, 8, "#2F3E56", "f")
    boxes = card_boxes(family, mm(2))
    assert boxes.bleed.contains(boxes.trim) and boxes.trim.contains(boxes.safe)
    for zone in (boxes.text, boxes.footer, boxes.badge, boxes.header):
        assert boxes.safe.contains(zone)
    assert round(to_mm(boxes.bleed.w), 2) == 74.00


def test_card_too_big_for_the_sheet_is_refused():
    from kit.errors import MakekitError

    with pytest.raises(MakekitError, match="ne tient pas sur la feuille"):
        plan_grid(profile(), mm(200), mm(300))
