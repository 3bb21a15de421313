"""Print profiles, read back from their PDFs: sheets, boxes, CMYK, PDF/X, fold-over, offsets."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from conftest import REPO
from kit.build import build
from kit.profile import DEFAULT_ICC
from kit.units import to_mm
from pdfcheck import form_placements

SHEETS_MM = {
    "a4-recto-verso": (210.0, 297.0),
    "a3-recto-verso": (297.0, 420.0),
    "letter-recto-verso": (215.9, 279.4),
    "a4-pliage": (210.0, 297.0),
}
RGB_OPERATOR = re.compile(rb"(^|\s)(rg|RG)(\s|$)")


needs_icc = pytest.mark.skipif(
    not DEFAULT_ICC.is_file(), reason="le profil imprimeur demande le paquet Debian ghostscript"
)


@pytest.fixture(scope="module")
def print_shop_kit(tmp_path_factory):
    if not DEFAULT_ICC.is_file():
        pytest.skip("le profil imprimeur demande le paquet Debian ghostscript")
    return build(REPO, output_root=tmp_path_factory.mktemp("imprimeur"), profile="imprimeur")


def mm_box(box) -> tuple[float, ...]:
    return tuple(round(to_mm(float(v)), 2) for v in box)


def output(result, component: str):
    return next(result.kit_dir / o.path for o in result.outputs if o.component == component)


@pytest.mark.parametrize("profile", sorted(SHEETS_MM))
def test_every_sheet_of_each_office_profile_has_the_exact_size(profile, tmp_path):
    result = build(REPO, output_root=tmp_path, profile=profile)
    width, height = SHEETS_MM[profile]
    cards = PdfReader(output(result, "cartes"))
    for page in cards.pages:
        box = mm_box(page.mediabox)
        assert (round(box[2] - box[0], 2), round(box[3] - box[1], 2)) in (
            (width, height),
            (height, width),
        )


def test_print_shop_pages_have_trim_and_bleed_boxes_3_mm_apart(print_shop_kit):
    cards = PdfReader(output(print_shop_kit, "cartes"))
    assert len(cards.pages) == 2 * 55  # 4 axes, 23 balises, 20 scenarios, 8 roles
    for page in cards.pages:
        assert "/TrimBox" in page and "/BleedBox" in page  # in the page itself, not inherited
        trim, bleed = mm_box(page["/TrimBox"]), mm_box(page["/BleedBox"])
        assert (round(trim[2] - trim[0], 2), round(trim[3] - trim[1], 2)) == (70.0, 120.0)
        assert [round(t - b, 2) for t, b in zip(trim[:2], bleed[:2], strict=True)] == [3.0, 3.0]
        assert [round(b - t, 2) for t, b in zip(trim[2:], bleed[2:], strict=True)] == [3.0, 3.0]
        media = mm_box(page.mediabox)
        assert media[0] <= bleed[0] and media[2] >= bleed[2]


def test_print_shop_board_is_a2_with_bleed(print_shop_kit):
    board = PdfReader(output(print_shop_kit, "plateau")).pages[0]
    trim, bleed = mm_box(board["/TrimBox"]), mm_box(board["/BleedBox"])
    assert (round(trim[2] - trim[0], 2), round(trim[3] - trim[1], 2)) == (594.0, 420.0)
    assert round(trim[0] - bleed[0], 2) == 3.0


def _streams(reader: PdfReader):
    """Every content stream: pages and the forms they use."""
    seen = set()
    for page in reader.pages:
        yield page.get_contents().get_data()
        for xobject in (page["/Resources"].get("/XObject") or {}).values():
            form = xobject.get_object()
            if form.get("/Subtype") == "/Form" and id(form) not in seen:
                seen.add(id(form))
                yield form.get_data()


@pytest.mark.parametrize("component", ["cartes", "plateau", "livret"])
def test_print_shop_files_have_no_rgb_colour_operator(print_shop_kit, component):
    reader = PdfReader(output(print_shop_kit, component))
    streams = list(_streams(reader))
    assert streams
    for data in streams:
        for line in data.splitlines():
            assert not RGB_OPERATOR.search(line), line


@needs_icc
def test_print_shop_images_are_cmyk(project, tmp_path):
    from PIL import Image

    (project / "images").mkdir()
    Image.new("RGB", (1000, 500), "#3A7D44").save(project / "images" / "photo.jpg")
    ref = project / "referentiel.yaml"
    text = ref.read_text(encoding="utf-8")
    ref.write_text(
        text.replace(
            "        pictogramme: book-open-variant\n",
            "        pictogramme: book-open-variant\n        illustration: images/photo.jpg\n",
        ),
        encoding="utf-8",
    )
    result = build(project, output_root=tmp_path, profile="imprimeur")
    reader = PdfReader(output(result, "cartes"))
    form = reader.pages[10]["/Resources"]["/XObject"][
        "/FormXob.card-balise-engagement-2"
    ].get_object()
    images = [x.get_object() for x in form["/Resources"]["/XObject"].values()]
    assert [image["/ColorSpace"] for image in images] == ["/DeviceCMYK"]


def test_print_shop_files_carry_a_pdfx_output_intent(print_shop_kit):
    for component in ("cartes", "plateau", "livret"):
        reader = PdfReader(output(print_shop_kit, component))
        intents = reader.trailer["/Root"]["/OutputIntents"]
        intent = intents[0].get_object()
        assert intent["/S"] == "/GTS_PDFX"
        profile = intent["/DestOutputProfile"].get_object()
        assert profile["/N"] == 4 and len(profile.get_data()) > 1000
        assert reader.metadata["/GTS_PDFXVersion"] == "PDF/X-1:2001"
        assert all("/TrimBox" in page for page in reader.pages)


def test_fold_over_back_panel_is_the_front_mirrored_about_the_fold(tmp_path):
    result = build(REPO, output_root=tmp_path, profile="a4-pliage")
    path = output(result, "cartes")
    placements = form_placements(path, 0)
    assert len(placements) == 4  # two pairs
    card_w = 70 * 72 / 25.4
    for (front, fx, fy), (back, bx, by) in zip(placements[::2], placements[1::2], strict=True):
        assert "dos-" not in front and "dos-" in back
        fold = fx + card_w
        assert bx == pytest.approx(2 * fold - (fx + card_w), abs=0.01)  # mirror of the front
        assert by == pytest.approx(fy, abs=0.01)
    reader = PdfReader(path)
    content = ContentStream(reader.pages[0].get_contents(), reader)
    dashes = [ops for ops, op in content.operations if op == b"d" and ops[0]]
    assert dashes, "the fold line is dashed"


def test_back_offset_moves_back_pages_only(tmp_path):
    plain = build(REPO, output_root=tmp_path / "a")
    shifted = build(REPO, output_root=tmp_path / "b", back_offset="1.5,-0.5")
    before, after = output(plain, "cartes"), output(shifted, "cartes")
    for page in (0, 2):
        assert form_placements(before, page) == form_placements(after, page)
    for page in (1, 3):
        for (name_a, xa, ya), (name_b, xb, yb) in zip(
            form_placements(before, page), form_placements(after, page), strict=True
        ):
            assert name_a == name_b
            assert round(to_mm(xb - xa), 2) == 1.5
            assert round(to_mm(yb - ya), 2) == -0.5


def test_calibration_sheet_is_built_for_duplex_profiles(default_kit):
    reader = PdfReader(output(default_kit, "calibrage"))
    assert len(reader.pages) == 2
    text = reader.pages[0].extract_text()
    assert "--back-offset X,Y" in text


def test_a_profile_inherits_what_it_does_not_change(project, tmp_path):
    (project / "layouts" / "a4-serre.yaml").write_text(
        'extends: a4-recto-verso\nnom: a4-serre\ndescription: "Cartes plus serrées"\n'
        "espacement: 2mm\n",
        encoding="utf-8",
    )
    result = build(project, output_root=tmp_path, profile="a4-serre")
    placements = form_placements(output(result, "cartes"), 0)
    xs = sorted({round(to_mm(x), 2) for _, x, _ in placements})
    assert xs == [34.0, 106.0]  # (210 - 2 × 70 - 2) / 2, then + 70 + 2


def test_an_unknown_parent_profile_is_reported_where_it_is_named(project, tmp_path):
    from kit.errors import InputErrors

    (project / "layouts" / "x.yaml").write_text(
        "nom: x\ndescription: x\nextends: a9\n", encoding="utf-8"
    )
    with pytest.raises(InputErrors) as error:
        build(project, output_root=tmp_path, profile="x")
    assert str(error.value).startswith("layouts/x.yaml:3: extends: profil « a9 » inconnu")
