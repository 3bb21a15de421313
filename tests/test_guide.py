"""The facilitator guide and the synthesis sheet: their sections, the scripts' timing, one
sheet page per table, handwriting room and A4 pages."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO, kit_file
from kit.booklet_content import rendered_booklet
from kit.errors import MakekitError
from kit.guide_content import clock, rendered_guide, script, scripts
from kit.layout.synthesis import plan_synthesis
from kit.model import make_kit
from kit.profile import sheet_size
from kit.render.synthesis import ROLES, render_synthesis
from kit.sources import load_sources
from kit.units import mm
from pdfcheck import normalised, pdf_text

VARIABLES = {
    "territoire": {
        "nom": "Communauté de communes du Val de Sorne",
        "nom_court": "Val de Sorne",
        "type": "communauté de communes rurale",
        "population": 18450,
    },
    "nb_axes": 4,
    "nb_balises": 23,
    "nb_scenarios": 20,
    "format_plateau": "A3",
}
SHEET_SECTIONS = (
    "Scénarios tirés",
    "Balises posées",
    "Actions décidées",
    "Valeur créée",
    "Engagements",
)
DEBRIEF = ("Les ressentis", "Les faits", "La compréhension", "Le transfert", "Les engagements")


@pytest.fixture(scope="module")
def guide() -> dict:
    return rendered_guide(VARIABLES)


@pytest.fixture(scope="module")
def kit():
    return make_kit(load_sources(REPO, None, "a4-recto-verso"))


def _a4(path_or_bytes) -> list[tuple[float, float]]:
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    return [
        (round(float(p.mediabox.width) / mm(1), 2), round(float(p.mediabox.height) / mm(1), 2))
        for p in PdfReader(source).pages
    ]


def test_guide_pdf_has_every_section_and_subtitle(default_kit, guide):
    text = pdf_text(kit_file(default_kit, "guide"))
    titles = [section["titre"] for section in guide["sections"]]
    titles += [
        block["intertitre"]
        for section in guide["sections"]
        for block in section["blocs"]
        if "intertitre" in block
    ]
    assert len(titles) > 15
    for title in titles:
        assert normalised(title) in text, title
    for title in ("Préparer l'atelier", "Le débriefing en cinq temps", "Quand une table cale"):
        assert title in text
    positions = [text.index(f"{n}. {phase}") for n, phase in enumerate(DEBRIEF, 1)]
    assert positions == sorted(positions)  # the five phases of the debrief, in order


def test_the_two_scripts_last_exactly_150_and_90_minutes(guide):
    long, short = scripts(guide)
    assert (long.minutes, short.minutes) == (150, 90)
    for model in (long, short):
        assert sum(step.minutes for phase in model.phases for step in phase.steps) == model.minutes
        assert all(step.say and step.what for phase in model.phases for step in phase.steps)
    assert [p.title for p in long.phases if p.title.startswith("Tour")] == [
        "Tour 1",
        "Tour 2",
        "Tour 3",
    ]
    assert [p.title for p in short.phases if p.title.startswith("Tour")] == ["Tour 1", "Tour 2"]


def test_the_long_script_follows_the_booklets_timetable(guide):
    """Same phases, same minutes as the table « Déroulé d’un atelier de 2 h 30 »."""
    booklet = rendered_booklet(
        {
            **VARIABLES,
            "nb_cartes": 0,
            "nb_feuilles_cartes": 0,
            "format_carte": "",
            "nb_roles": 0,
            "nb_vierges": 0,
            "nb_tables": 1,
            "nb_cartes_imprimees": 0,
        }
    )
    section = next(s for s in booklet["sections"] if s["titre"].startswith("Déroulé"))
    table = next(b["tableau"] for b in section["blocs"] if "tableau" in b)
    expected = [(row[1], int(row[0].split()[0])) for row in table["lignes"]]
    long = scripts(guide)[0]
    assert [(p.title, p.minutes) for p in long.phases] == expected
    debrief = next(p for p in long.phases if p.title == "Débriefing")
    assert tuple(step.name for step in debrief.steps) == DEBRIEF


def test_the_pdf_shows_every_steps_time_and_duration(default_kit, guide):
    text = pdf_text(kit_file(default_kit, "guide"))
    for model in scripts(guide):
        for phase in model.phases:
            for step in phase.steps:
                assert normalised(f"{clock(step.start)} {step.minutes} min") in text
    assert "Débriefing · 20 min · de 2 h 05 à 2 h 25" in text
    assert "Clôture · 5 min · de 2 h 25 à 2 h 30" in text
    assert "Clôture · 5 min · de 1 h 25 à 1 h 30" in text
    assert "« Dix minutes de pause." in text  # what to say, quoted, ready to read aloud


def test_a_script_that_does_not_add_up_is_refused():
    value = {
        "duree": 30,
        "phases": [
            {
                "titre": "Tour",
                "etapes": [{"duree": 20, "etape": "Jouer", "quoi": "On joue.", "dire": "Jouez."}],
            }
        ],
    }
    with pytest.raises(ValueError, match="déroulé de 30 min dont les étapes font 20"):
        script(value)


def test_the_guide_names_the_territory(default_kit):
    text = pdf_text(kit_file(default_kit, "guide"))
    assert (
        "Le territoire du jeu s'appelle « Val de Sorne » : communauté de communes rurale, 18 450 habitants."
        in text
    )


def test_one_sheet_page_per_table_with_its_number(kit, tmp_path: Path):
    data, pages = render_synthesis(kit, "Balises", sheet_size("A4"), 3)
    path = tmp_path / "fiche.pdf"
    path.write_bytes(data)
    assert pages == 3
    assert _a4(path) == [(210.0, 297.0)] * 3
    reader = PdfReader(path)
    for number, page in enumerate(reader.pages, 1):
        text = normalised(page.extract_text())
        assert f"Table {number}" in text
        assert re.findall(r"Table \d+", text) == [f"Table {number}"]
        for title in (*SHEET_SECTIONS, *(axis.short_title for axis in kit.axes), *ROLES):
            assert normalised(title) in text, title
        for word in ("Sociale", "Environnementale", "Économique", "Monétaire", "Symbolique"):
            assert word in text


def test_built_kit_has_a4_guide_and_sheet(default_kit):
    guide, sheet = kit_file(default_kit, "guide"), kit_file(default_kit, "fiche-synthese")
    assert guide.name == "val-de-sorne-guide-animation.pdf"
    assert sheet.name == "val-de-sorne-fiche-synthese.pdf"
    assert set(_a4(guide)) == {(210.0, 297.0)}
    assert _a4(sheet) == [(210.0, 297.0)] * default_kit.tables
    assert "Table 1" in pdf_text(sheet)


@pytest.mark.parametrize(("sheet", "pitch"), [("A4", 7.98), ("letter", 7.18)])
def test_writing_lines_are_at_least_7_mm_apart(sheet, pitch):
    plan = plan_synthesis(sheet_size(sheet), (6, 5, 6, 6), len(ROLES))
    assert plan.pitch / mm(1) == pytest.approx(pitch, abs=0.01)
    for grid in (plan.actions, plan.commitments, plan.scenarios):
        gaps = [grid.ys[i] - grid.ys[i + 1] for i in range(grid.rows)]
        assert min(gaps[1:] if grid is not plan.scenarios else gaps) >= mm(7) - 1e-6


def test_a_page_too_small_for_handwriting_is_refused():
    with pytest.raises(
        MakekitError, match="fiche de synthèse : la page de 148 × 210 mm est trop petite"
    ):
        plan_synthesis((mm(148), mm(210)), (6, 5, 6, 6), len(ROLES))


def test_a_name_too_long_for_its_box_is_named(kit):
    territory = {**kit.territory, "nom_court": "Communauté d’agglomération " * 5}
    long = dataclasses.replace(kit, territory=territory)
    with pytest.raises(
        MakekitError,
        match="fiche de synthèse : « Territoire de jeu : Communauté d’agglomération Communauté",
    ):
        render_synthesis(long, "Balises", sheet_size("A4"), 1)
