"""A facilitator's own pictograms and illustrations, given as files in the YAML."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from kit.build import build
from test_errors import FAILURE_1, build_args, edit, error_lines, run_cli

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    '<circle cx="5" cy="5" r="4" fill="#123456"/></svg>'
)


def add_images(project: Path, width: int) -> None:
    images = project / "images"
    images.mkdir()
    Image.new("RGB", (width, width // 2), "#3A7D44").save(images / "photo.jpg", quality=90)
    (images / "icone.svg").write_text(SVG, encoding="utf-8")


def use_images(project: Path) -> None:
    edit(
        project / "referentiel.yaml",
        "        pictogramme: book-open-variant\n",
        "        pictogramme: images/icone.svg\n        illustration: images/photo.jpg\n",
    )


def test_user_images_are_drawn_and_a_coarse_one_is_warned_about(project):
    add_images(project, width=400)
    use_images(project)
    result = build(project, output_root=project / "output")
    assert result.warnings == (
        "carte balise « engagement-2 » : illustration « photo.jpg » imprimée à 137 dpi seulement "
        "(300 dpi conseillés) : elle paraîtra floue, fournissez une image plus grande",
    )
    cards = PdfReader(result.kit_dir / "val-de-sorne-cartes.pdf")
    xobjects = cards.pages[2]["/Resources"]["/XObject"]
    form = xobjects["/FormXob.card-balise-engagement-2"].get_object()
    images = [
        x for x in form["/Resources"]["/XObject"].values() if x.get_object()["/Subtype"] == "/Image"
    ]
    assert len(images) == 1


def test_a_fine_image_gives_no_warning(project):
    add_images(project, width=1200)
    use_images(project)
    assert build(project, output_root=project / "output").warnings == ()


def test_the_warning_is_shown_by_the_command(project, monkeypatch, capsys):
    add_images(project, width=400)
    use_images(project)
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 0
    assert "Attention : carte balise « engagement-2 » : illustration « photo.jpg »" in err


def test_paths_must_stay_inside_the_project(project, monkeypatch, capsys):
    line = edit(
        project / "referentiel.yaml",
        "        pictogramme: book-open-variant\n",
        "        pictogramme: ../secret.svg\n",
    )
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    assert error_lines(err) == [
        f"referentiel.yaml:{line}: axes[1].balises[2].pictogramme: « ../secret.svg » : "
        "le chemin ne doit pas sortir du dossier du projet (« .. » interdit)",
        FAILURE_1,
    ]


def test_absolute_missing_and_corrupt_files_are_refused(project, monkeypatch, capsys):
    (project / "images").mkdir()
    (project / "images" / "abime.png").write_bytes(b"\x89PNG\r\n\x1a\nrien du tout")
    ref = project / "referentiel.yaml"
    first = edit(
        ref, "        pictogramme: book-open-variant\n", "        pictogramme: /etc/x.svg\n"
    )
    second = edit(
        ref, "        pictogramme: binoculars\n", "        pictogramme: images/absent.png\n"
    )
    third = edit(ref, "        pictogramme: head-sync\n", "        pictogramme: images/abime.png\n")
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    assert error_lines(err)[:3] == [
        f"referentiel.yaml:{first}: axes[1].balises[2].pictogramme: « /etc/x.svg » : "
        "donnez un chemin relatif au dossier du projet, pas un chemin absolu",
        f"referentiel.yaml:{second}: axes[2].balises[1].pictogramme: fichier « images/absent.png » "
        "introuvable dans le dossier du projet",
        f"referentiel.yaml:{third}: axes[3].balises[2].pictogramme: « abime.png » : "
        "image illisible ou abîmée",
    ]
