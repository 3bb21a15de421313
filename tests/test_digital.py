"""The ``numerique`` profile: card images at exact sizes, Tabletop Simulator sheets, slides."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from PIL import Image, ImageChops, ImageStat
from pypdf import PdfReader

import kit.digital.outputs as outputs_module
from conftest import copy_project
from kit.build import BuildResult, build
from kit.deck import Deck
from kit.digital.cards import pixels
from kit.digital.names import back_image_path, board_image_path, face_image_path
from kit.digital.outputs import digital_outputs
from kit.digital.tabletop import MAX_CARDS, cell_size, plan_decks
from kit.errors import InputErrors
from kit.units import mm
from pdfcheck import fonts, form_placements, pdf_text

TAROT_PX = {300: (827, 1417), 150: (413, 709)}  # 70 × 120 mm: 826.77 × 1417.32 px at 300 dpi
A3_PX = {300: (4961, 3508), 150: (2480, 1754)}  # 420 × 297 mm


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[BuildResult, Deck]:
    """The numerique kit, and the deck its digital outputs were drawn from."""
    project = copy_project(tmp_path_factory.mktemp("numerique") / "projet")
    seen: list[Deck] = []

    def spy(kit, deck, *args):
        seen.append(deck)
        return digital_outputs(kit, deck, *args)

    started = time.perf_counter()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(outputs_module, "digital_outputs", spy)
        result = build(project, profile="numerique")
    print(f"\nprofil numerique construit en {time.perf_counter() - started:.1f} s")
    return result, seen[0]


@pytest.fixture(scope="module")
def digital(built) -> BuildResult:
    return built[0]


@pytest.fixture(scope="module")
def deck(built) -> Deck:
    return built[1]


def test_pixel_rounding_is_to_the_nearest_pixel_halves_up():
    assert pixels(mm(70), 300) == 827  # 826.77
    assert pixels(mm(120), 300) == 1417  # 1417.32
    assert pixels(mm(70), 150) == 413  # 413.39
    assert pixels(mm(120), 150) == 709  # 708.66
    assert pixels(mm(25.4) * 0.5 / 150, 150) == 1  # exactly half a pixel rounds up


@pytest.mark.parametrize("dpi", [300, 150])
def test_card_images_are_exactly_the_trim_size(digital, deck, dpi):
    for face in deck.fronts:
        with Image.open(digital.kit_dir / face_image_path(face, dpi)) as image:
            assert image.size == TAROT_PX[dpi], face.key
    for key in deck.backs:
        with Image.open(digital.kit_dir / back_image_path(key, dpi)) as image:
            assert image.size == TAROT_PX[dpi], key
    with Image.open(digital.kit_dir / board_image_path(dpi)) as board:
        assert board.size == A3_PX[dpi]


def test_rounded_corners_are_transparent_and_the_card_opaque(digital, deck):
    face = deck.fronts[0]
    with Image.open(digital.kit_dir / face_image_path(face, 300)) as image:
        alpha = image.getchannel("A")
        w, h = image.size
        corners = ((0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1))
        assert [alpha.getpixel(p) for p in corners] == [0, 0, 0, 0]
        assert alpha.getpixel((w // 2, 0)) == 255  # the straight edge is not cut
        assert alpha.getpixel((0, h // 2)) == 255
        assert ImageStat.Stat(alpha.crop((40, 40, w - 40, h - 40))).extrema == [(255, 255)]


def test_card_image_looks_like_the_card_on_the_print_sheet(digital, deck):
    """Same colours and content as the card cut from the A4 sheet (rendered independently)."""
    import pypdfium2 as pdfium

    face = deck.fronts[0]
    name, x, y = form_placements(digital.kit_dir / "val-de-sorne-cartes.pdf", 0)[0]
    assert name == f"/FormXob.card-{face.key}"
    page = pdfium.PdfDocument(digital.kit_dir / "val-de-sorne-cartes.pdf")[0]
    scale = 150 / 72
    sheet = page.render(scale=scale).to_pil().convert("RGB")
    top = page.get_height() - y - mm(120)
    left, upper = round(x * scale), round(top * scale)
    crop = sheet.crop((left, upper, left + round(mm(70) * scale), upper + round(mm(120) * scale)))
    crop = crop.resize(TAROT_PX[150])
    assert _difference(crop, face_image_path(face, 150), digital) < 4
    assert _difference(crop, face_image_path(deck.fronts[1], 150), digital) > 8


def test_image_names_list_the_cards_in_deck_order(digital, deck):
    folder = digital.kit_dir / "images" / "150dpi"
    listed = sorted(p.name for p in folder.glob("*-recto.png"))
    assert listed == [Path(face_image_path(f, 150)).name for f in deck.fronts]
    assert len(list(folder.glob("dos-*.png"))) == len(deck.backs)


def test_tabletop_sheet_cells_hold_the_cards_in_deck_order(digital, deck):
    decks = plan_decks(deck)
    assert sum(len(d.faces) for d in decks) == len(deck.fronts)
    for tts in decks:
        assert tts.face_sheet.startswith("tabletop/")
        with Image.open(digital.kit_dir / tts.face_sheet) as sheet:
            sheet = sheet.convert("RGB")
        w, h = cell_size(TAROT_PX[150], tts.columns, tts.rows)
        assert sheet.size == (tts.columns * w, tts.rows * h)
        assert sheet.width <= 4096 and sheet.height <= 4096
        assert 2 <= tts.columns <= 10 and 2 <= tts.rows <= 7
        assert len(tts.faces) <= tts.columns * tts.rows
        for index, face in enumerate(tts.faces):
            row, col = index // tts.columns, index % tts.columns  # TTS reads rows left to right
            cell = sheet.crop((col * w, row * h, (col + 1) * w, (row + 1) * h))
            assert _difference(cell, face_image_path(face, 150), digital) < 2, face.key
            if index:  # the test can tell two cards apart
                other = face_image_path(tts.faces[index - 1], 150)
                assert _difference(cell, other, digital) > 8, face.key


def _difference(cell: Image.Image, path: str, digital: BuildResult) -> float:
    """Mean absolute RGB difference, inside the rounded corners, at a quarter of the size."""
    with Image.open(digital.kit_dir / path) as own:
        own = own.convert("RGB")
    size = (TAROT_PX[150][0] // 4, TAROT_PX[150][1] // 4)
    margin = 10
    a = cell.resize(size).crop((margin, margin, size[0] - margin, size[1] - margin))
    b = own.resize(size).crop((margin, margin, size[0] - margin, size[1] - margin))
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


def test_tabletop_saved_object_matches_the_sheets(digital, deck):
    folder = digital.kit_dir / "tabletop"
    saved = json.loads((folder / "val-de-sorne-tabletop.json").read_text(encoding="utf-8"))
    decks = plan_decks(deck)
    assert len(saved["ObjectStates"]) == len(decks)
    for state, tts in zip(saved["ObjectStates"], decks, strict=True):
        assert state["Name"] == "DeckCustom"
        custom = state["CustomDeck"][str(tts.deck_id)]
        assert (custom["NumWidth"], custom["NumHeight"]) == (tts.columns, tts.rows)
        assert custom["NumWidth"] <= 10 and custom["NumHeight"] <= 7
        assert custom["BackIsHidden"] is True
        ids = [tts.deck_id * 100 + i for i in range(len(tts.faces))]
        assert state["DeckIDs"] == ids
        assert [c["CardID"] for c in state["ContainedObjects"]] == ids
        titles = [c["Nickname"] for c in state["ContainedObjects"]]
        assert titles == [f.texts["titre"] for f in tts.faces]
        for url in (custom["FaceURL"], custom["BackURL"]):
            path = Path(unquote(urlparse(url).path))
            assert path.is_file(), url
            assert path.parent.parent == digital.kit_dir.resolve()
    assert MAX_CARDS == 69
    readme = (folder / "LISEZMOI-tabletop.txt").read_text(encoding="utf-8")
    assert "Objets → Composants → Personnalisé → Paquet" in readme
    assert f"Largeur : {decks[0].columns}   Hauteur : {decks[0].rows}" in readme


def test_slides_one_card_each_on_16_9_pages(digital, deck):
    path = digital.kit_dir / "val-de-sorne-diapositives.pdf"
    reader = PdfReader(path)
    printed = [f for f in deck.fronts if not getattr(f, "blank", False)]
    assert len(reader.pages) == len(printed)
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (960.0, 540.0)
    assert all(embedded for _, embedded in fonts(path))
    text = pdf_text(path)
    assert "Agir de façon intégrée : transiter par sauts systémiques" in text
    assert f"1 / {len(printed)}" in text


def test_slides_show_the_card_at_nine_tenths_of_the_height(digital):
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(digital.kit_dir / "val-de-sorne-diapositives.pdf")[0]
    image = page.render(scale=0.5).to_pil().convert("RGB")  # 480 × 270
    background = image.getpixel((470, 5))
    column = [image.getpixel((80, y)) != background for y in range(270)]
    top, bottom = column.index(True), 269 - column[::-1].index(True)
    assert 240 <= bottom - top + 1 <= 245  # 0.9 × 270 = 243


def test_manifest_lists_images_and_leaves_slides_out_of_the_combined_pdf(digital):
    listing = json.loads((digital.kit_dir / "manifest.json").read_text(encoding="utf-8"))
    components = {f["path"]: f["component"] for f in listing["files"]}
    assert components["images/150dpi/plateau.png"] == "image"
    assert components["tabletop/LISEZMOI-tabletop.txt"] == "tabletop"
    assert components["val-de-sorne-diapositives.pdf"] == "diapositives"
    combined = PdfReader(digital.kit_dir / "val-de-sorne-kit-complet.pdf")
    assert all(float(p.mediabox.width) != 960.0 for p in combined.pages)


def test_a_resolution_out_of_range_is_refused_in_french(tmp_path):
    project = copy_project(tmp_path / "projet")
    layout = project / "layouts" / "numerique.yaml"
    text = layout.read_text(encoding="utf-8")
    layout.write_text(text.replace("images: [300, 150]", "images: [300, 1200]"), encoding="utf-8")
    with pytest.raises(InputErrors) as error:
        build(project, profile="numerique")
    (problem,) = error.value.problems
    assert problem.path.endswith("images.1") or "images" in problem.path
    assert problem.message == "doit être inférieur ou égal à 600 (trouvé : 1200)"


@pytest.mark.parametrize(
    ("count", "grids"),
    [
        (1, [(2, 2)]),
        (7, [(4, 2)]),
        (20, [(10, 2)]),
        (23, [(8, 3)]),
        (69, [(10, 7)]),
        (70, [(10, 7), (2, 2)]),
        (140, [(10, 7), (10, 7), (2, 2)]),
    ],
)
def test_tabletop_grids_stay_within_2x2_and_10x7_with_the_last_cell_free(deck, count, grids):
    faces = tuple(replace(deck.fronts[0], key=f"carte-{i}", back="dos") for i in range(count))
    decks = plan_decks(replace(deck, fronts=faces, backs={"dos": deck.backs["scenario"]}))
    assert [(d.columns, d.rows) for d in decks] == grids
    assert [d.deck_id for d in decks] == list(range(1, len(grids) + 1))
    assert [f for d in decks for f in d.faces] == list(faces)
    assert all(len(d.faces) <= min(MAX_CARDS, d.columns * d.rows) for d in decks)
