"""Issue 5: a kit per territory, scenarios that need fields, workshop folders, batch builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO, copy_project
from kit.build import build
from pdfcheck import pdf_text
from test_errors import FAILURE_1, build_args, edit, error_lines, line_of, run_cli

YEUSE = REPO / "tests" / "data" / "pays-d-yeuse.yaml"
SORNE = REPO / "territoires" / "val-de-sorne.yaml"


def texts(result, component: str, first_page_only: bool = False) -> str:
    paths = [result.kit_dir / o.path for o in result.outputs if o.component == component]
    if first_page_only:
        return " ".join(PdfReader(p).pages[0].extract_text() for p in paths)
    return " ".join(pdf_text(p) for p in paths)


@pytest.fixture(scope="module")
def two_kits(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("deux") / "projet")
    shutil.copy(YEUSE, project / "territoires")
    output = project / "output"
    sorne = build(project, project / "territoires" / "val-de-sorne.yaml", output)
    yeuse = build(project, project / "territoires" / "pays-d-yeuse.yaml", output)
    return sorne, yeuse


def test_each_kit_carries_its_own_territory_in_scenarios_board_and_booklet(two_kits):
    sorne, yeuse = two_kits
    assert sorne.kit_dir.name == "val-de-sorne" and yeuse.kit_dir.name == "pays-d-yeuse"
    expected = {
        sorne: (
            "18 450 habitants",
            "« sous-traitance automobile »",
            "Vernières-sur-Sorne",
            "Communauté de communes du Val de Sorne",
        ),
        yeuse: (
            "64 300 habitants",
            "« cuir et textile »",
            "Bréhan-l'Étang",
            "Communauté d'agglomération du Pays d'Yeuse-et-Lèze",
        ),
    }
    for result, (population, sector, commune, name) in expected.items():
        cards = texts(result, "cartes")
        assert population in cards and sector in cards and commune in cards
        assert name in texts(result, "plateau")
        cover = texts(result, "livret", first_page_only=True).replace("\u2019", "'")
        assert name in " ".join(cover.split())
    other = texts(yeuse, "cartes")
    assert "Vernières-sur-Sorne" not in other and "18 450" not in other


def test_a_scenario_needing_a_field_the_territory_lacks_is_left_out_with_a_notice(
    project, monkeypatch, capsys
):
    territory = project / "territoires" / "val-de-sorne.yaml"
    text = territory.read_text(encoding="utf-8")
    start, end = text.index("\nprojets:"), text.index("\n# Deux à quatre événements")
    territory.write_text(text[:start] + "\n" + text[end:], encoding="utf-8")
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 0
    assert error_lines(err) == [
        *(
            f"Remarque : scénario « {sid} » laissé de côté : territoires/val-de-sorne.yaml "
            f"ne donne pas « projets[{rank - 1}].nom » ({ordinal} élément de la liste "
            "« projets »)"
            for sid, rank, ordinal in (
                ("methanisation-contestee", 1, "1er"),
                ("concertation-eolien", 3, "3e"),
                ("reseau-de-chaleur", 2, "2e"),
            )
        ),
        "Remarque : 3 scénarios sur 20 laissés de côté ; les 17 autres sont numérotés de S1 à "
        "S17. Pour les retrouver, complétez territoires/val-de-sorne.yaml.",
    ]
    cards = pdf_text(project / "output" / "val-de-sorne" / "val-de-sorne-cartes.pdf")
    assert "Le méthaniseur ne passe pas" not in cards
    assert "Un appel à projets régional" in cards
    assert "S17" in cards and "S18" not in cards


def test_a_missing_and_an_unknown_territory_field_each_have_their_message(
    project, monkeypatch, capsys
):
    territory = project / "territoires" / "val-de-sorne.yaml"
    edit(territory, "population: 18450\n", "")
    unknown = edit(territory, "superficie_km2: 412", "superficie: 412")
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    assert error_lines(err) == [
        f"territoires/val-de-sorne.yaml:{line_of(territory, 'nom:')}: champ obligatoire "
        "« population » manquant",
        f"territoires/val-de-sorne.yaml:{unknown}: superficie: clé inconnue « superficie » "
        "(vouliez-vous dire « superficie_km2 » ?)",
        "Échec : 2 problèmes à corriger. Le kit précédent n’a pas été modifié.",
    ]


def test_a_template_using_a_field_the_territory_lacks_names_scenario_and_field(
    project, monkeypatch, capsys
):
    scenarios = project / "scenarios.yaml"
    edit(
        scenarios, "{{ territoire.communes[1] }} fermera", "{{ territoire.zone_activites }} fermera"
    )
    edit(scenarios, '    requiert: ["secteurs[3]", "communes[1]"]\n', "")
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    texte = line_of(scenarios, "    texte:", 7)
    assert error_lines(err) == [
        f"scenarios.yaml:{texte}: scenarios[7].texte: scénario « fermeture-usine » : le modèle "
        "utilise « territoire.zone_activites », qui n’existe pas dans les données. Ajoutez-le à "
        'territoires/val-de-sorne.yaml, ou écrivez « requiert: ["zone_activites"] » dans ce '
        "scénario pour le laisser de côté quand le territoire ne le donne pas",
        FAILURE_1,
    ]


def test_init_then_build_in_a_fresh_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(monkeypatch, capsys, "init", "atelier")
    assert code == 0
    assert out.splitlines() == [
        "Dossier d’atelier créé : atelier/ (LISEZMOI.md, cards/, cartes-locales.yaml, layouts/, "
        "referentiel.yaml, roles.yaml, scenarios.yaml, territoire.yaml)",
        "Remplissez territoire.yaml, puis, dans ce dossier : makekit build",
    ]
    folder = tmp_path / "atelier"
    assert not any(p.is_symlink() for p in folder.rglob("*"))
    territory = folder / "territoire.yaml"
    edit(territory, 'nom: "Communauté de communes du Val de Sorne"', 'nom: "Pays de l’Étang d’Or"')
    edit(territory, 'nom_court: "Val de Sorne"', 'nom_court: "Étang d’Or"')
    monkeypatch.chdir(folder)
    code, out, err = run_cli(monkeypatch, capsys, "build", "--quiet")
    assert (code, err) == (0, "")
    kit = folder / "output" / "etang-d-or"
    assert "Pays de l'Étang d'Or" in pdf_text(kit / "etang-d-or-plateau.pdf")
    cards = pdf_text(kit / "etang-d-or-cartes.pdf")
    assert cards.count("Carte vierge") == 4 + 1  # a balise per axis, a role
    assert cards.count("Entourez les axes sollicités") == 2  # the blank scenarios
    code, _, err = run_cli(monkeypatch, capsys, "init", str(folder))
    assert code == 1
    assert error_lines(err) == [
        f"{folder} : ce dossier existe déjà et n’est pas vide ; choisissez un nouveau dossier, "
        "par exemple « makekit init atelier-mon-territoire »",
        "Échec : aucun fichier n’a été écrit.",
    ]


LOCAL_CARDS = """\
ajouter:
  balises:
    cooperation:
      - id: cooperation-locale-1
        numero: 8
        titre: "Faire vivre le réseau des secrétaires de mairie"
        etiquette: "SECRÉTAIRES"
        pictogramme: account-group
        jeu:
          explication: "La secrétaire de mairie connaît tout le monde et tous les dossiers."
          question: "Qui, chez nous, fait circuler l’information entre les communes ?"
  scenarios:
    - id: foire-aux-bois
      numero: 21
      type: evenement
      titre: "La foire aux bois"
      texte: "La foire de {{ territoire.communes[5] }} attire 5 000 visiteurs. Les organisateurs proposent un stand à la communauté pour parler de la forêt et de l’énergie. Vous avez un mois pour le préparer avec les communes et la filière. Que montrez-vous, et qui tient le stand ?"
      axes: [engagement, cooperation]
modifier:
  balises:
    engagement-2:
      jeu:
        question: "Quelle histoire raconterions-nous à une famille de Belcombe ?"
masquer:
  balises: [integration-3]
  scenarios: [decret-tertiaire]
vierges:
  balises: 2
  scenarios: 3
"""


def with_local_cards(project: Path, text: str) -> Path:
    (project / "cartes-locales.yaml").write_text(text, encoding="utf-8")
    territory = project / "territoires" / "val-de-sorne.yaml"
    with territory.open("a", encoding="utf-8") as file:
        file.write('\ncartes_locales: "cartes-locales.yaml"\n')
    return project / "cartes-locales.yaml"


def test_local_cards_are_added_changed_hidden_and_blank_cards_printed(project):
    with_local_cards(project, LOCAL_CARDS)
    result = build(project, output_root=project / "output")
    cards = pdf_text(result.kit_dir / "val-de-sorne-cartes.pdf")
    assert "Faire vivre le réseau des secrétaires de mairie" in cards
    assert "Balise 3.8 · secrétaires · ajout local" in cards
    assert "La foire de Montaubert-la-Forêt attire" in cards
    assert "famille de Belcombe ?" in cards and "Balise 1.2 · récit · adaptation locale" in cards
    assert "Balise 2.3" not in cards and "Le décret tertiaire" not in cards
    assert cards.count("Carte vierge") == 4 * 2
    assert cards.count("Entourez les axes sollicités") == 3
    booklet = pdf_text(result.kit_dir / "val-de-sorne-livret.pdf")
    assert "Cartes Balise 23 " in booklet and "Cartes vierges 11 " in booklet  # 23 = 23 + 1 - 1
    board = pdf_text(result.kit_dir / "val-de-sorne-plateau.pdf")
    assert "Progresser par sauts" in board or "SAUTS" in board  # hidden cards stay on the board


def test_local_cards_errors_point_at_their_own_file_and_line(project, monkeypatch, capsys):
    local = with_local_cards(project, LOCAL_CARDS)
    edit(local, "    cooperation:\n", "    cooperaton:\n")
    edit(local, "    engagement-2:", "    engagment-2:")
    edit(local, "numero: 21", "numero: 3")
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    numero = line_of(local, "numero: 3")
    first = line_of(project / "scenarios.yaml", "    numero: 3\n")
    assert error_lines(err) == [
        f"cartes-locales.yaml:{line_of(local, 'cooperaton:')}: ajouter.balises.cooperaton: "
        "axe « cooperaton » inconnu (vouliez-vous dire « cooperation » ?)",
        f"cartes-locales.yaml:{numero}: scenarios[21].numero: numéro de scénario « 3 » en "
        f"double (déjà utilisé ligne {first} de scenarios.yaml)",
        f"cartes-locales.yaml:{line_of(local, 'engagment-2:')}: modifier.balises.engagment-2: "
        "balise « engagment-2 » inconnue (vouliez-vous dire « engagement-2 » ?)",
        "Échec : 3 problèmes à corriger. Le kit précédent n’a pas été modifié.",
    ]


def test_batch_builds_each_territory_and_one_error_does_not_stop_the_others(
    project, monkeypatch, capsys
):
    batch = project / "lot"
    batch.mkdir()
    shutil.copy(SORNE, batch / "a-sorne.yaml")
    shutil.copy(YEUSE, batch / "b-yeuse.yaml")
    shutil.copy(SORNE, batch / "d-double.yaml")
    broken = batch / "c-casse.yaml"
    broken.write_text(
        SORNE.read_text(encoding="utf-8")
        .replace('nom_court: "Val de Sorne"', 'nom_court: "Casse"')
        .replace("population: 18450", "population: beaucoup"),
        encoding="utf-8",
    )
    code, out, err = run_cli(
        monkeypatch,
        capsys,
        "build",
        "--project",
        str(project),
        "--output",
        str(project / "output"),
        "--territory",
        str(batch),
    )
    assert code == 1
    assert sorted(p.name for p in (project / "output").glob("[!.]*")) == [
        "pays-d-yeuse",
        "val-de-sorne",
    ]
    built = sorted(line.split(" : ")[0] for line in out.splitlines())
    assert built == [f"✓ {batch / 'a-sorne.yaml'}", f"✓ {batch / 'b-yeuse.yaml'}"]
    line = line_of(broken, "population: beaucoup")
    double = batch / "d-double.yaml"
    assert error_lines(err)[:2] == [
        f"✗ {double} : 1 problème à corriger",
        f"{double}:{line_of(double, 'nom_court:')}: nom_court: même dossier de kit "
        f"(output/val-de-sorne/) que {batch / 'a-sorne.yaml'} : donnez-lui un autre nom court",
    ]
    assert error_lines(err)[2:] == [
        f"✗ {broken} : 1 problème à corriger",
        f"lot/c-casse.yaml:{line}: population: doit être un nombre entier "
        "(trouvé : le texte « beaucoup »)",
        "Échec : 2 kits sur 4 en échec (2 construits). Les kits en échec n’ont pas été modifiés.",
    ]


def test_a_logo_too_coarse_is_a_warning_at_home_and_an_error_for_the_print_shop(project):
    from PIL import Image

    from kit.errors import InputErrors

    Image.new("RGB", (600, 300), "#1B6A3A").save(project / "logo.png")
    territory = project / "territoires" / "val-de-sorne.yaml"
    with territory.open("a", encoding="utf-8") as file:
        file.write('logo: "logo.png"\n')
    result = build(project, output_root=project / "output")
    assert result.warnings == (
        "logo « logo.png » (600 × 300 px) imprimé à 238 dpi sur la couverture du livret "
        "(300 dpi conseillés) : fournissez une image plus grande, ou un SVG",
    )
    with pytest.raises(InputErrors) as error:
        build(project, output_root=project / "output", profile="imprimeur")
    logo_line = line_of(territory, "\nlogo:") + 1
    assert error.value.lines() == [
        f"territoires/val-de-sorne.yaml:{logo_line}: logo: logo « logo.png » "
        "(600 × 300 px) imprimé à 180 dpi sur le plateau (300 dpi conseillés) : fournissez une "
        "image plus grande, ou un SVG"
    ]
