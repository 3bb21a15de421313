"""Preflight of a built kit: the default kit passes, deliberately broken PDFs are caught."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from reportlab.lib.colors import blue, red
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from kit.fonts import REGULAR, register_fonts
from kit.preflight import ERROR, OK, WARNING, Finding, check_kit, format_table

NAME = "essai.pdf"
CMYK_KIT = {"couleurs": "cmjn", "fond_perdu_mm": 3, "zone_tranquille_mm": 4}
CARD_W, CARD_H, BLEED = 63 * mm, 88 * mm, 3 * mm


def make_kit(
    folder: Path,
    draw: Callable[[Canvas], None],
    preflight: dict | None = None,
    font: str | None = REGULAR,
) -> Path:
    """A one-PDF kit drawn by `draw`, with its manifest.json."""
    register_fonts()
    folder.mkdir(parents=True, exist_ok=True)
    canvas = Canvas(str(folder / NAME), pagesize=A4, initialFontName=font, invariant=1)
    draw(canvas)
    canvas.save()
    data = (folder / NAME).read_bytes()
    with pikepdf.open(folder / NAME) as pdf:
        pages = len(pdf.pages)
    manifest: dict = {
        "files": [
            {
                "path": NAME,
                "component": "essai",
                "profile": "essai",
                "pages": pages,
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            }
        ]
    }
    if preflight is not None:
        manifest["preflight"] = preflight
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def card_form(
    canvas: Canvas, name: str, text_x: float, text: str = "Axe 1 : texte trop près"
) -> None:
    """A card drawn as a form: BBox = trim (0, 0, w, h) plus the bleed on every side."""
    canvas.beginForm(name, -BLEED, -BLEED, CARD_W + BLEED, CARD_H + BLEED)
    canvas.setFont(REGULAR, 9)
    canvas.drawString(text_x, 40 * mm, text)
    canvas.endForm()


def problems(findings: list[Finding], check: str | None = None) -> list[Finding]:
    return [f for f in findings if f.level != OK and (check is None or f.check == check)]


def messages(findings: list[Finding], check: str) -> list[str]:
    return [f.message for f in problems(findings, check)]


# --- the default kit ---------------------------------------------------------------


@pytest.fixture(scope="module")
def default_findings(default_kit) -> list[Finding]:
    return check_kit(default_kit.kit_dir)


def test_the_default_kit_has_no_error(default_findings):
    errors = [f for f in default_findings if f.level == ERROR]
    assert errors == [], format_table(errors)


def test_every_pdf_of_the_default_kit_gets_every_rgb_check(default_kit, default_findings):
    manifest = json.loads((default_kit.kit_dir / "manifest.json").read_text(encoding="utf-8"))
    pdfs = {f["path"] for f in manifest["files"] if f["path"].endswith(".pdf")}
    assert {f.file for f in default_findings} == pdfs
    expected = {"manifeste", "format des pages", "polices incorporées", "images", "zone tranquille"}
    for pdf in pdfs:
        assert {f.check for f in default_findings if f.file == pdf} == expected, pdf
    cards = next(
        f
        for f in default_findings
        if f.file.endswith("-cartes.pdf") and f.check == "zone tranquille"
    )
    assert cards.level == OK and "cartes : tout le texte à 4 mm au moins du bord" in cards.message


def test_the_table_is_french_and_counts_problems(default_findings):
    table = format_table(default_findings).splitlines()
    assert table[0].split() == ["fichier", "page", "contrôle", "niveau", "message"]
    assert table[-1] == "0 erreur, 0 avertissement"
    broken = [Finding("a.pdf", 3, "polices incorporées", ERROR, "page 3 : police X non incorporée")]
    broken += [
        Finding("a.pdf", 1, "images", WARNING, "w"),
        Finding("a.pdf", 2, "images", WARNING, "w"),
    ]
    assert format_table(broken).splitlines()[-1] == "1 erreur, 2 avertissements"


# --- broken PDFs ---------------------------------------------------------------------


def test_a_page_with_a_non_embedded_helvetica_is_an_error(tmp_path):
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 12)
        canvas.drawString(100, 700, "Bonjour")
        canvas.showPage()

    findings = check_kit(make_kit(tmp_path, draw, font=None))
    assert problems(findings, "polices incorporées") == [
        Finding(NAME, 1, "polices incorporées", ERROR, "page 1 : police Helvetica non incorporée")
    ]


def test_card_text_one_mm_from_the_trim_is_named_with_its_page_and_card(tmp_path):
    def draw(canvas: Canvas) -> None:
        card_form(canvas, "card-juste", 6 * mm, "Bien à l’intérieur")
        card_form(canvas, "card-trop-pres", 1 * mm)
        canvas.doForm("card-juste")  # page 1: fine
        canvas.showPage()
        for x in (20 * mm, 100 * mm):
            canvas.saveState()
            canvas.translate(x, 100 * mm)
            canvas.doForm("card-juste" if x < 50 * mm else "card-trop-pres")
            canvas.restoreState()
        canvas.setFont(REGULAR, 7)
        canvas.drawString(2 * mm, 2 * mm, "légende de la feuille, hors carte")  # not checked
        canvas.showPage()

    findings = check_kit(make_kit(tmp_path, draw))
    assert problems(findings) == [
        Finding(
            NAME,
            2,
            "zone tranquille",
            ERROR,
            "page 2, carte card-trop-pres : texte hors de la zone tranquille "
            "(« Axe 1 : texte trop … » à 1 mm du bord)",
        )
    ]


def test_a_one_card_page_with_a_trim_box_checks_its_own_text(tmp_path):
    def draw(canvas: Canvas) -> None:
        canvas.setPageSize((CARD_W + 2 * BLEED, CARD_H + 2 * BLEED))
        canvas.setTrimBox((BLEED, BLEED, BLEED + CARD_W, BLEED + CARD_H))
        canvas.setBleedBox((0, 0, CARD_W + 2 * BLEED, CARD_H + 2 * BLEED))
        canvas.setFont(REGULAR, 9)
        canvas.drawString(BLEED + 2.5 * mm, 40 * mm, "Titre")
        canvas.showPage()

    findings = check_kit(make_kit(tmp_path, draw, {"boites": True, "fond_perdu_mm": 3}))
    assert messages(findings, "zone tranquille") == [
        "page 1 : texte hors de la zone tranquille (« Titre » à 2,5 mm du bord)"
    ]
    assert problems(findings, "boîtes de coupe") == []


def test_a_150_dpi_rgb_image_in_a_cmyk_kit_is_an_error_twice(tmp_path):
    photo = ImageReader(Image.new("RGB", (150, 150), (200, 40, 40)))
    vignette = ImageReader(Image.new("CMYK", (300, 300), (0, 80, 80, 0)))

    def draw(canvas: Canvas) -> None:
        # A 300 px CMYK image drawn 36 pt wide in a card form placed at 4x: 150 dpi on paper.
        canvas.beginForm("card-photo", -BLEED, -BLEED, CARD_W + BLEED, CARD_H + BLEED)
        canvas.drawImage(vignette, 10 * mm, 10 * mm, 36, 36)
        canvas.endForm()
        canvas.drawImage(photo, 100, 600, 72, 72)  # 150 px over one inch
        canvas.saveState()
        canvas.scale(4, 4)
        canvas.doForm("card-photo")
        canvas.restoreState()
        canvas.showPage()

    findings = problems(check_kit(make_kit(tmp_path, draw, CMYK_KIT)), "images")
    assert {(f.page, f.level) for f in findings} == {(1, ERROR)}
    texts = [f.message for f in findings]
    assert len(texts) == 3, texts
    assert any(
        t.startswith("page 1 : image ") and t.endswith("(150 × 150 px) à 150 dpi, moins de 300 dpi")
        for t in texts
    )
    assert any(t.endswith("(150 × 150 px) en RVB (DeviceRGB) dans un kit CMJN") for t in texts)
    assert any(
        t.startswith("page 1, carte card-photo : image ") and "(300 × 300 px) à 150 dpi" in t
        for t in texts
    )


def test_low_resolution_is_only_a_warning_in_an_rgb_kit(tmp_path):
    photo = ImageReader(Image.new("RGB", (150, 150), (200, 40, 40)))

    def draw(canvas: Canvas) -> None:
        canvas.drawImage(photo, 100, 600, 72, 72)
        canvas.showPage()

    findings = problems(check_kit(make_kit(tmp_path, draw)), "images")
    assert [(f.page, f.level) for f in findings] == [(1, WARNING)]


def test_missing_trim_box_and_a_2_mm_bleed_instead_of_3_are_errors(tmp_path):
    def draw(canvas: Canvas) -> None:
        canvas.showPage()  # page 1: no boxes at all
        b = 3 * mm
        canvas.setTrimBox((b, b, A4[0] - b, A4[1] - b))
        canvas.setBleedBox((1 * mm, 1 * mm, A4[0] - 1 * mm, A4[1] - 1 * mm))  # 2 mm of bleed
        canvas.showPage()

    findings = check_kit(make_kit(tmp_path, draw, {"boites": True, "fond_perdu_mm": 3}))
    assert [(f.page, f.message) for f in problems(findings, "boîtes de coupe")] == [
        (1, "page 1 : TrimBox absente"),
        (1, "page 1 : BleedBox absente"),
        (2, "page 2 : fond perdu de 2 mm au lieu de 3 mm sur les quatre côtés (BleedBox)"),
    ]


def test_rgb_colour_operators_and_heavy_ink_in_a_cmyk_kit(tmp_path):
    def draw(canvas: Canvas) -> None:
        canvas.beginForm("card-rouge", -BLEED, -BLEED, CARD_W + BLEED, CARD_H + BLEED)
        canvas.setStrokeColorRGB(0, 0, 1)
        canvas.line(0, 0, 10, 10)
        canvas.endForm()
        canvas.setFillColorCMYK(0, 0, 0, 1)
        canvas.rect(10, 10, 10, 10, fill=1)
        canvas.showPage()
        canvas.setFillColorRGB(1, 0, 0)
        canvas.rect(10, 10, 10, 10, fill=1)
        canvas.doForm("card-rouge")
        canvas.setFillColorCMYK(1, 1, 1, 1)
        canvas.rect(30, 10, 10, 10, fill=1)
        canvas.showPage()

    findings = check_kit(make_kit(tmp_path, draw, CMYK_KIT))
    assert messages(findings, "couleurs CMJN") == [
        "page 2 : 1 couleur RVB (rg) dans un kit CMJN",
        "page 2, carte card-rouge : 1 couleur RVB (RG) dans un kit CMJN",
    ]
    assert problems(findings, "encrage total") == [
        Finding(
            NAME,
            2,
            "encrage total",
            WARNING,
            "page 2 : encrage total de 400 % (C 100 M 100 J 100 N 100), au-delà de 300 %",
        )
    ]


def test_pdfx_without_output_intent_is_an_error_and_with_one_is_ok(tmp_path):
    kit_dir = make_kit(tmp_path, lambda canvas: canvas.showPage(), {"pdfx": True})
    assert messages(check_kit(kit_dir), "OutputIntent PDF/X") == [
        "aucun OutputIntent dans le catalogue (PDF/X demandé)"
    ]
    with pikepdf.open(kit_dir / NAME, allow_overwriting_input=True) as pdf:
        profile = pdf.make_stream(b"fake ICC profile", N=4)
        intent = pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent,
            S=pikepdf.Name.GTS_PDFX,
            OutputConditionIdentifier="FOGRA39",
            DestOutputProfile=profile,
        )
        pdf.Root.OutputIntents = pdf.make_indirect(pikepdf.Array([intent]))
        pdf.save(kit_dir / NAME)
    findings = check_kit(kit_dir)
    ok = [f for f in findings if f.check == "OutputIntent PDF/X"]
    assert [(f.level, f.message) for f in ok] == [(OK, "OutputIntent /GTS_PDFX présent (FOGRA39)")]
    # The file no longer matches the manifest's SHA-256: a warning, not an error.
    assert [f.level for f in problems(findings)] == [WARNING]


def test_a_folder_without_manifest_is_one_error(tmp_path):
    assert check_kit(tmp_path) == [
        Finding(
            "manifest.json",
            None,
            "manifeste",
            ERROR,
            f"manifest.json absent de {tmp_path} : ce dossier n’est pas un kit construit",
        )
    ]


def test_a_missing_pdf_is_an_error_and_pngs_are_ignored(tmp_path):
    manifest = {"files": [{"path": "absent.pdf"}, {"path": "apercu.png"}]}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert check_kit(tmp_path) == [
        Finding("absent.pdf", None, "manifeste", ERROR, "fichier absent")
    ]


def test_a_corrupt_pdf_is_one_error_not_a_crash(tmp_path):
    make_kit(tmp_path, lambda canvas: canvas.showPage())
    (tmp_path / NAME).write_bytes(b"%PDF-1.4\nceci n'est pas un PDF")
    findings = check_kit(tmp_path)
    assert [(f.check, f.level) for f in findings] == [("manifeste", ERROR)]
    assert findings[0].message.startswith("PDF illisible : ")


def test_scn_in_an_icc_rgb_space_counts_as_rgb(tmp_path):
    def draw(canvas: Canvas) -> None:
        canvas.showPage()

    kit_dir = make_kit(tmp_path, draw, CMYK_KIT)
    with pikepdf.open(kit_dir / NAME, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0]
        icc = pdf.make_stream(b"profil", N=3)
        page.Resources.ColorSpace = pikepdf.Dictionary(
            CS0=pikepdf.Array([pikepdf.Name.ICCBased, icc])
        )
        page.Contents = pdf.make_stream(b"/CS0 cs 1 0 0 scn 0 0 10 10 re f")
        pdf.save(kit_dir / NAME)
    assert messages(check_kit(kit_dir), "couleurs CMJN") == [
        "page 1 : 1 couleur RVB (scn en ICCBased N=3) dans un kit CMJN"
    ]


def test_an_rgb_shading_in_a_cmyk_kit_is_an_error(tmp_path):
    def draw(canvas: Canvas) -> None:
        canvas.linearGradient(0, 0, 100, 100, (red, blue))
        canvas.showPage()

    assert messages(check_kit(make_kit(tmp_path, draw, CMYK_KIT)), "couleurs CMJN") == [
        "page 1 : 1 couleur RVB (sh en DeviceRGB) dans un kit CMJN"
    ]


def test_the_check_command_fails_on_a_kit_with_a_broken_pdf(tmp_path, monkeypatch, capsys):
    import io as _io
    import shutil

    from reportlab.pdfgen.canvas import Canvas as _Canvas

    from conftest import REPO
    from kit.build import build as _build
    from test_errors import run_cli

    kit_dir = _build(REPO, output_root=tmp_path).kit_dir
    code, out, _ = run_cli(monkeypatch, capsys, "check", str(kit_dir))
    assert code == 0 and "0 erreur" in out
    broken = _io.BytesIO()
    canvas = _Canvas(broken)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(100, 100, "Texte en Helvetica")
    canvas.save()
    (kit_dir / "val-de-sorne-livret.pdf").write_bytes(broken.getvalue())
    code, out, _ = run_cli(monkeypatch, capsys, "check", str(kit_dir))
    assert code == 1
    assert "page 1 : police Helvetica non incorporée" in out
    shutil.rmtree(kit_dir)
