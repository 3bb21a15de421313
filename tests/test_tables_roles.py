"""Workshop sizing: role cards in the deck, `--tables N` card sets, the booklet's set-up."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO, kit_file
from kit.build import build
from kit.deck import compose_deck
from kit.model import make_kit
from kit.sources import load_sources
from pdfcheck import form_placements, normalised, pdf_text
from test_errors import run_cli

ROLE_TITLES = (
    "Élu·e",
    "Agent·e de la collectivité",
    "Habitant·e",
    "Chef·fe d'entreprise",
    "Bénévole d'association",
    "Agriculteur·rice",
    "Jeune du territoire",
    "Coopérateur·rice de l'énergie citoyenne",
)
CARDS_PER_SET = 4 + 23 + 20 + 8
PER_SHEET = 4  # tarot cards on A4, default profile
ONE_TABLE = "Ce kit est prévu pour une table de 5 à 8 joueurs."
FOUR_TABLES = (
    "Ce kit est prévu pour 4 tables de 5 à 8 joueurs.",
    "Avec 4 tables, elle ne peut pas suivre chacune : prévoyez en plus une personne par table, "
    "qui ne joue pas et veille aux étapes du tour.",
    "Donnez à chaque table une série complète : 4 cartes Axe, 23 cartes Balise, "
    "20 cartes Scénario et 8 cartes Rôle, un plateau et sa fiche de synthèse",
    "Imprimez aussi 4 plateaux, un par table, et ce livret en 4 exemplaires",
    "Les 55 feuilles donnent 220 cartes de 70 × 120 mm (format tarot), soit 4 séries de 55 cartes.",
)


@pytest.fixture(scope="module")
def three_tables(tmp_path_factory: pytest.TempPathFactory):
    return build(REPO, output_root=tmp_path_factory.mktemp("tables") / "output", tables=3)


@pytest.fixture(scope="module")
def four_tables_booklet(tmp_path_factory: pytest.TempPathFactory) -> str:
    result = build(REPO, output_root=tmp_path_factory.mktemp("four") / "output", tables=4)
    return pdf_text(kit_file(result, "livret"))


def test_the_deck_ends_with_the_role_cards_on_their_own_back():
    sources = load_sources(REPO, None, "a4-recto-verso")
    deck = compose_deck(make_kit(sources), sources)
    families = [face.family for face in deck.fronts]
    assert families == ["axe"] * 4 + ["balise"] * 23 + ["scenario"] * 20 + ["role"] * 8
    roles = [face for face in deck.fronts if face.family == "role"]
    assert [face.badge for face in roles] == [f"R{n}" for n in range(1, 9)]
    assert {face.back for face in roles} == {"role"}
    assert deck.backs["role"].title == "Rôle"


def test_role_titles_and_questions_are_printed_on_the_cards(default_kit):
    text = pdf_text(kit_file(default_kit, "cartes"))
    for title in ROLE_TITLES:
        assert normalised(title) in text
    assert "Que deviennent les terres agricoles, et qui en décide ?" in text
    assert "Votre atout : vous connaissez les règles, les financements et les délais." in text


def test_one_table_prints_one_set(default_kit):
    cards = kit_file(default_kit, "cartes")
    assert len(PdfReader(cards).pages) == math.ceil(CARDS_PER_SET / PER_SHEET) * 2
    manifest = json.loads((default_kit.kit_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["tables"] == 1
    assert default_kit.card_sheets == 14


def test_three_tables_print_three_sets_from_one_form_per_card(three_tables):
    cards = kit_file(three_tables, "cartes")
    reader = PdfReader(cards)
    sheets = math.ceil(3 * CARDS_PER_SET / PER_SHEET)
    assert len(reader.pages) == 2 * sheets == 84
    fronts = [
        name
        for index in range(0, len(reader.pages), 2)
        for name, _, _ in form_placements(cards, index)
    ]
    assert len(fronts) == 3 * CARDS_PER_SET
    assert fronts.count("/FormXob.card-role-agriculteur") == 3
    assert all(fronts.count(name) == 3 for name in set(fronts))
    drawn = {
        page["/Resources"]["/XObject"].raw_get(name).idnum
        for page in reader.pages
        for name in page["/Resources"]["/XObject"]
        if name.endswith("card-role-agriculteur")
    }
    assert len(drawn) == 1  # one form, placed three times
    assert three_tables.tables == 3 and three_tables.card_sheets == sheets


def build_tables(monkeypatch, capsys, output, tables: str) -> tuple[int, str, str]:
    """`makekit build --tables N` on the repository's project, into ``output``."""
    args = ["build", "--project", str(REPO), "--output", str(output), "--tables", tables]
    return run_cli(monkeypatch, capsys, *args)


def test_three_tables_manifest_and_summary(three_tables, monkeypatch, capsys, tmp_path):
    manifest = json.loads((three_tables.kit_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["tables"] == 3
    pages = {f["component"]: f["pages"] for f in manifest["files"]}
    assert pages["cartes"] == 84
    assert pages["plateau"] == 1
    code, out, err = build_tables(monkeypatch, capsys, tmp_path, "3")
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "Cartes : 3 tables, 42 feuilles de cartes."


@pytest.mark.parametrize("value", ["0", "-2", "21", "deux"])
def test_a_bad_number_of_tables_is_refused_in_french(value, monkeypatch, capsys, tmp_path):
    code, out, err = build_tables(monkeypatch, capsys, tmp_path, value)
    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        f"--tables: « {value} » : indiquez un nombre entier de tables, de 1 à 20",
        "Échec : 1 problème à corriger. Le kit précédent n’a pas été modifié.",
    ]
    assert not (tmp_path / "val-de-sorne").exists()


def test_the_booklet_set_up_for_one_table(default_kit):
    text = pdf_text(kit_file(default_kit, "livret"))
    assert ONE_TABLE in text
    assert (
        normalised(
            "Imprimez et découpez le kit (voir « Imprimer le kit » et « Découper les cartes ») : "
            "14 feuilles de cartes, un plateau et ce livret."
        )
        in text
    )
    for sentence in FOUR_TABLES:
        assert normalised(sentence) not in text


def test_the_booklet_set_up_for_four_tables(four_tables_booklet):
    for sentence in FOUR_TABLES:
        assert normalised(sentence) in four_tables_booklet
    assert ONE_TABLE not in four_tables_booklet


def test_the_booklet_explains_how_role_cards_are_dealt(default_kit):
    text = pdf_text(kit_file(default_kit, "livret"))
    assert "Cartes Rôle 8 Chaque carte donne à un joueur un point de vue sur le territoire" in text
    assert (
        normalised(
            "Distribuez ensuite une carte Rôle à chaque joueur, au hasard ou en donnant à chacun un "
            "rôle éloigné de sa vie réelle"
        )
        in text
    )


def test_a_role_with_an_unknown_pictogram_names_its_line(project: Path, monkeypatch, capsys):
    roles = project / "roles.yaml"
    text = roles.read_text(encoding="utf-8")
    line = text[: text.index("pictogramme: tractor")].count("\n") + 1
    roles.write_text(
        text.replace("pictogramme: tractor", "pictogramme: tracteur"), encoding="utf-8"
    )
    code, _, err = run_cli(
        monkeypatch, capsys, "build", "--project", str(project), "--output", str(project / "out")
    )
    assert code == 1
    assert err.splitlines()[0].startswith(
        f"roles.yaml:{line}: roles[6].pictogramme: pictogramme « tracteur » introuvable"
    )


def test_a_role_colour_too_light_for_white_text_is_refused(project: Path, monkeypatch, capsys):
    family = project / "cards" / "role.yaml"
    text = family.read_text(encoding="utf-8")
    line = text[: text.index('couleur: "#A61E4D"')].count("\n") + 1
    family.write_text(text.replace("#A61E4D", "#F4A6C0"), encoding="utf-8")
    code, _, err = run_cli(
        monkeypatch, capsys, "build", "--project", str(project), "--output", str(project / "out")
    )
    assert code == 1
    assert err.splitlines()[0] == (
        f"cards/role.yaml:{line}: couleur: couleur « #F4A6C0 » trop claire : le texte blanc n’y "
        "atteint qu’un contraste de 1,9:1 (4,5:1 au moins pour rester lisible) ; choisissez une "
        "couleur plus foncée"
    )
