"""The default kit, read back from its PDFs."""

import json
import re

import pytest
from pypdf import PdfReader
from ruamel.yaml import YAML

from conftest import REPO, kit_file
from kit.units import to_mm
from pdfcheck import fonts, form_placements, lines_drawn, normalised, pdf_text

A4_MM = (210.0, 297.0)
A3_LANDSCAPE_MM = (420.0, 297.0)


def referentiel() -> dict:
    return YAML(typ="safe").load((REPO / "referentiel.yaml").read_text(encoding="utf-8"))


def page_size_mm(page) -> tuple[float, float]:
    box = page.mediabox
    return (round(to_mm(float(box.width)), 2), round(to_mm(float(box.height)), 2))


def test_every_balise_title_of_the_seed_is_in_the_cards_pdf(default_kit):
    text = pdf_text(kit_file(default_kit, "cartes"))
    titles = [b["titre"] for axis in referentiel()["axes"] for b in axis["balises"]]
    assert len(titles) == 23
    for title in titles:
        assert normalised(title) in text, title


def test_every_axis_title_is_in_the_cards_pdf(default_kit):
    text = pdf_text(kit_file(default_kit, "cartes"))
    for axis in referentiel()["axes"]:
        assert normalised(axis["titre"]) in text


def test_the_territory_is_named_on_the_board_and_the_booklet(default_kit):
    assert "Communauté de communes du Val de Sorne" in pdf_text(kit_file(default_kit, "plateau"))
    assert "Communauté de communes du Val de Sorne" in pdf_text(kit_file(default_kit, "livret"))


def test_scenario_text_is_rendered_for_the_territory(default_kit):
    text = pdf_text(kit_file(default_kit, "cartes"))
    assert "{{" not in text and "}}" not in text
    assert "Val de Sorne" in text


def test_page_sizes_are_exact(default_kit):
    cards = PdfReader(kit_file(default_kit, "cartes"))
    assert {page_size_mm(p) for p in cards.pages} == {A4_MM}
    board = PdfReader(kit_file(default_kit, "plateau"))
    assert [page_size_mm(p) for p in board.pages] == [A3_LANDSCAPE_MM]
    booklet = PdfReader(kit_file(default_kit, "livret"))
    assert {page_size_mm(p) for p in booklet.pages} == {A4_MM}


def test_cards_are_placed_two_by_two_with_their_exact_size(default_kit):
    path = kit_file(default_kit, "cartes")
    placements = form_placements(path, 0)
    assert len(placements) == 4
    xs = sorted({round(to_mm(x), 2) for _, x, _ in placements})
    ys = sorted({round(to_mm(y), 2) for _, _, y in placements})
    assert xs == [33.0, 33.0 + 70 + 4]
    assert ys == [26.5, 26.5 + 120 + 4]
    form = PdfReader(path).pages[0]["/Resources"]["/XObject"]["/FormXob.card-axe-engagement"]
    x0, y0, x1, y1 = (float(v) for v in form.get_object()["/BBox"])
    assert round(to_mm(x1 - x0), 2) == 70 + 2 * 2  # trim + 2 mm bleed each side
    assert round(to_mm(y1 - y0), 2) == 120 + 2 * 2


def test_back_sheet_mirrors_front_sheet(default_kit):
    path = kit_file(default_kit, "cartes")
    sheet_w = float(PdfReader(path).pages[0].mediabox.width)
    card_w = 70 * 72 / 25.4
    for front_page in (0, 2, 10):
        fronts = form_placements(path, front_page)
        backs = form_placements(path, front_page + 1)
        assert len(fronts) == len(backs)
        for (_, fx, fy), (back_name, bx, by) in zip(fronts, backs, strict=True):
            assert bx == pytest.approx(sheet_w - fx - card_w, abs=0.01)
            assert by == pytest.approx(fy, abs=0.01)
            assert "dos-" in back_name


def test_each_front_is_backed_by_its_family_back(default_kit):
    path = kit_file(default_kit, "cartes")
    fronts, backs = form_placements(path, 2), form_placements(path, 3)
    for (front, *_), (back, *_) in zip(fronts, backs, strict=True):
        axis = re.search(r"balise-(\w+)-\d", front).group(1)
        assert back.endswith(f"dos-axe-{axis}")


def test_crop_marks_are_outside_the_cards(default_kit):
    path = kit_file(default_kit, "cartes")
    lines = lines_drawn(path, 0)
    vertical_xs = sorted({round(to_mm(x0), 2) for x0, y0, x1, y1 in lines if x0 == x1})
    assert vertical_xs == [33.0, 103.0, 107.0, 177.0]
    for x0, y0, x1, y1 in lines:
        low, high = sorted((to_mm(y0), to_mm(y1))) if x0 == x1 else sorted((to_mm(x0), to_mm(x1)))
        if x0 == x1:
            assert high <= 26.5 - 2 - 2 + 0.01 or low >= 297 - 26.5 + 2 + 2 - 0.01
        else:
            assert high <= 33 - 4 + 0.01 or low >= 177 + 4 - 0.01


def test_sheet_label_says_how_to_print(default_kit):
    text = pdf_text(kit_file(default_kit, "cartes"))
    assert "feuille 1/14 (recto) · imprimer à 100 %, recto verso bord long" in text


@pytest.mark.parametrize(
    "component", ["cartes", "plateau", "livret", "guide", "fiche-synthese", "kit-complet"]
)
def test_every_font_is_embedded(default_kit, component):
    used = fonts(kit_file(default_kit, component))
    assert used, "no font found"
    assert [name for name, embedded in used if not embedded] == []
    assert all("SourceSansPro" in name for name, _ in used)


def test_manifest_lists_every_file_with_its_hash(default_kit):
    import hashlib

    manifest = json.loads((default_kit.kit_dir / "manifest.json").read_text(encoding="utf-8"))
    components = {entry["component"] for entry in manifest["files"]}
    assert components == {
        "cartes",
        "plateau",
        "plateau-assemblage",
        "calibrage",
        "livret",
        "guide",
        "fiche-synthese",
        "kit-complet",
    }
    for entry in manifest["files"]:
        data = (default_kit.kit_dir / entry["path"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["pages"] == len(PdfReader(default_kit.kit_dir / entry["path"]).pages)
        assert entry["profile"] == "a4-recto-verso"


def test_booklet_has_its_sections_and_credits(default_kit):
    text = pdf_text(kit_file(default_kit, "livret"))
    for heading in (
        "Contenu du kit",
        "Déroulé d'un atelier de 2 h 30",
        "Imprimer le kit",
        "Découper les cartes",
        "Crédits",
        "CC BY-NC-ND",
        "Source Sans Pro",
        "Material Design Icons",
        "Villes Pairs",
    ):
        assert normalised(heading) in text, heading


def test_the_combined_pdf_gives_each_part_its_own_font_subsets(default_kit):
    import pikepdf

    parts = {c: len(PdfReader(kit_file(default_kit, c)).pages) for c in ("livret", "plateau")}
    with pikepdf.open(kit_file(default_kit, "kit-complet")) as pdf:
        fonts = {
            str(f.BaseFont)
            for f in pdf.objects
            if isinstance(f, pikepdf.Dictionary) and f.get("/Type") == "/Font"
        }
        title = str(pdf.docinfo["/Title"])
        sizes = [tuple(round(float(v)) for v in page.mediabox) for page in pdf.pages]
    assert {name[:8] for name in fonts} == {"/BAAAAA+", "/CAAAAA+", "/DAAAAA+"}
    assert title == "Balises — Communauté de communes du Val de Sorne"
    booklet = parts["livret"] + parts["livret"] % 2  # then a blank page, if odd
    assert sizes[booklet] == (0, 0, 1191, 842)  # the A3 board starts on an odd page
    assert sizes[-1] == (0, 0, 595, 842)  # the cards' last back
