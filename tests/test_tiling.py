"""The large board tiled on office sheets: the geometry, then the PDF read back."""

from __future__ import annotations

import io
import random

import pytest
from pypdf import PdfReader

from conftest import REPO
from kit.layout.geometry import Box
from kit.layout.tiling import TilePlan, plan_tiles
from kit.units import mm, to_mm
from pdfcheck import fonts, normalised

A4 = (mm(210), mm(297))
A3 = (mm(297), mm(420))
A2_LANDSCAPE = (mm(594), mm(420))
A1_LANDSCAPE = (mm(841), mm(594))
MARGIN = OVERLAP = mm(10)
TOLERANCE = 1e-6


def a2_on_a4() -> TilePlan:
    return plan_tiles(*A2_LANDSCAPE, *A4, MARGIN, OVERLAP)


# Geometry -------------------------------------------------------------------------------------


def test_a2_on_a4_takes_eight_portrait_sheets():
    plan = a2_on_a4()
    assert (plan.rows, plan.cols, len(plan.tiles)) == (2, 4, 8)
    assert plan.sheet == A4


@pytest.mark.parametrize(
    ("board", "sheet", "count", "orientation"),
    [
        (A2_LANDSCAPE, A3, 4, "paysage"),
        (A1_LANDSCAPE, A3, 8, "portrait"),
        (A1_LANDSCAPE, A4, 15, "portrait"),
    ],
)
def test_sheet_counts_and_orientation(board, sheet, count, orientation):
    plan = plan_tiles(*board, *sheet, MARGIN, OVERLAP)
    assert len(plan.tiles) == count
    assert (plan.sheet[0] > plan.sheet[1]) == (orientation == "paysage")


def test_the_orientation_given_does_not_change_the_plan():
    landscape = plan_tiles(*A2_LANDSCAPE, A4[1], A4[0], MARGIN, OVERLAP)
    assert landscape == a2_on_a4()


def test_the_regions_tile_the_board_exactly():
    plan = a2_on_a4()
    board = plan.board
    assert all(board.contains(t.region) for t in plan.tiles)
    columns = [plan.tile(0, col).region for col in range(plan.cols)]
    rows = [plan.tile(row, 0).region for row in range(plan.rows)]
    assert columns[0].x == pytest.approx(board.x) and columns[-1].right == pytest.approx(
        board.right
    )
    assert rows[0].top == pytest.approx(board.top) and rows[-1].y == pytest.approx(board.y)
    for tile in plan.tiles:  # a grid: every tile shares its column's span and its row's span
        assert tile.region.x == pytest.approx(columns[tile.col].x)
        assert tile.region.w == pytest.approx(columns[tile.col].w)
        assert tile.region.y == pytest.approx(rows[tile.row].y)
        assert tile.region.h == pytest.approx(rows[tile.row].h)


def test_random_points_of_the_board_are_all_printed():
    plan = a2_on_a4()
    rng = random.Random(4)
    points = [(rng.uniform(0, plan.board.w), rng.uniform(0, plan.board.h)) for _ in range(2000)]
    points += [(0, 0), (plan.board.w, plan.board.h), (0, plan.board.h), (plan.board.w, 0)]
    for x, y in points:
        assert any(_inside(t.region, x, y) for t in plan.tiles), (x, y)


def _inside(box: Box, x: float, y: float) -> bool:
    return box.x - TOLERANCE <= x <= box.right + TOLERANCE and (
        box.y - TOLERANCE <= y <= box.top + TOLERANCE
    )


def test_neighbours_overlap_by_exactly_the_overlap():
    plan = a2_on_a4()
    for tile in plan.tiles:
        if tile.col + 1 < plan.cols:
            right = plan.tile(tile.row, tile.col + 1).region
            assert tile.region.right - right.x == pytest.approx(OVERLAP, abs=1e-9)
        if tile.row + 1 < plan.rows:
            below = plan.tile(tile.row + 1, tile.col).region
            assert below.top - tile.region.y == pytest.approx(OVERLAP, abs=1e-9)


def test_regions_are_even_and_fit_the_printable_area():
    plan = a2_on_a4()
    printable = Box(0, 0, *plan.sheet).inset(MARGIN)
    sizes = {(round(t.region.w, 6), round(t.region.h, 6)) for t in plan.tiles}
    assert len(sizes) == 1  # no sliver in the last row or column
    for tile in plan.tiles:
        assert printable.contains(tile.placed)
    assert to_mm(plan.tiles[0].region.w) == pytest.approx((594 + 3 * 10) / 4)
    assert to_mm(plan.tiles[0].region.h) == pytest.approx((420 + 10) / 2)


def test_numbering_and_glue_sides():
    plan = a2_on_a4()
    assert [t.number for t in plan.tiles] == list(range(1, 9))
    first = plan.tiles[0]
    assert (first.row, first.col) == (0, 0)
    assert first.region.x == 0 and first.region.top == pytest.approx(plan.board.top)
    expected = {1: (), 2: (1,), 4: (3,), 5: (1,), 6: (2, 5), 8: (4, 7)}
    for number, onto in expected.items():
        assert plan.tiles[number - 1].glue_onto == onto
    for tile in plan.tiles:
        assert tile.glue_left == (tile.col > 0)
        assert tile.glue_top == (tile.row > 0)


def test_a_board_smaller_than_the_sheet_takes_one_sheet():
    plan = plan_tiles(mm(150), mm(100), *A4, MARGIN, OVERLAP)
    assert len(plan.tiles) == 1
    assert plan.tiles[0].region == plan.board
    assert plan.tiles[0].glue_onto == ()


def test_margins_that_leave_no_room_are_refused():
    with pytest.raises(ValueError, match="aucune place"):
        plan_tiles(*A2_LANDSCAPE, *A4, mm(104), OVERLAP)


# The PDF --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tiled() -> tuple[bytes, int, TilePlan]:
    from kit.booklet_content import game_title
    from kit.layout.board import plan_board
    from kit.model import make_kit
    from kit.render.tiles import render_board_tiles
    from kit.sources import load_sources

    kit = make_kit(load_sources(REPO, None, "a4-recto-verso"))
    board = plan_board(kit)
    pdf, pages = render_board_tiles(kit, board, game_title(), A2_LANDSCAPE, A4, MARGIN, OVERLAP)
    return pdf, pages, a2_on_a4()


def test_one_map_page_then_one_page_per_sheet(tiled):
    pdf, pages, plan = tiled
    assert pages == 1 + len(plan.tiles) == len(PdfReader(io.BytesIO(pdf)).pages)


def test_every_page_is_exactly_the_sheet(tiled):
    pdf, _, _ = tiled
    for page in PdfReader(io.BytesIO(pdf)).pages:
        box = page.mediabox
        assert (float(box.left), float(box.bottom)) == (0, 0)
        assert to_mm(float(box.width)) == pytest.approx(210, abs=0.01)
        assert to_mm(float(box.height)) == pytest.approx(297, abs=0.01)


def test_the_map_and_the_sheets_speak_french(tiled):
    pdf, _, _ = tiled
    pages = [normalised(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]
    assert "Plan d'assemblage du plateau" in pages[0]
    assert "imprimer à 100 %" in pages[0]
    for words in ("Coupez la marge", "couper ici", "coller sous la feuille", "de 1 à 8", "10 cm"):
        assert words in pages[0], words
    assert "Plateau · feuille 1/8 · première feuille" in pages[1]
    assert "Plateau · feuille 2/8 · coller sur la feuille 1 · imprimer à 100 %" in pages[2]
    assert "coller sous la feuille 1" in pages[2]
    assert "coller sur les feuilles 2 et 5" in pages[6]
    assert "coller sous la feuille 2" in pages[6] and "coller sous la feuille 5" in pages[6]
    assert all("couper ici" in page for page in pages[1:])


def test_only_the_kits_embedded_fonts(tiled):
    pdf, _, _ = tiled
    used = fonts(io.BytesIO(pdf))
    assert used
    assert all(embedded and "SourceSansPro" in name for name, embedded in used), used
    assert not any("Helvetica" in name for name, _ in used)


def test_nothing_is_transparent(tiled):
    pdf, _, _ = tiled
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        states = (page["/Resources"].get("/ExtGState") or {}).values()
        for state in states:
            state = state.get_object()
            assert float(state.get("/ca", 1)) == 1 and float(state.get("/CA", 1)) == 1
            assert "/SMask" not in state or state["/SMask"] == "/None"
