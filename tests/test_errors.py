"""Broken input: every problem at once, word for word, exit 1, no traceback, output untouched."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from kit.cli import main

FAILURE_1 = "Échec : 1 problème à corriger. Le kit précédent n’a pas été modifié."


def run_cli(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["makekit", *args])
    try:
        main()
        code = 0
    except SystemExit as exit_info:
        code = exit_info.code
    out, err = capsys.readouterr()
    return code, out, err


def build_args(project: Path) -> list[str]:
    return ["build", "--project", str(project), "--output", str(project / "output"), "--quiet"]


def edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace text in a file; return the (1-based) line where the first replacement starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    text = path.read_text(encoding="utf-8")
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    return text[:index].count("\n") + 1


def error_lines(err: str) -> list[str]:
    return err.strip().splitlines()


def test_unknown_key_gets_a_did_you_mean_and_the_missing_key_is_reported_too(
    project, monkeypatch, capsys
):
    ref = project / "referentiel.yaml"
    line = edit(ref, '    titre_court: "L’engagement"', '    titre_cour: "L’engagement"')
    axis_line = line_of(ref, "  - id: engagement\n")
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    assert error_lines(err) == [
        f"referentiel.yaml:{axis_line}: axes[1]: champ obligatoire « titre_court » manquant",
        f"referentiel.yaml:{line}: axes[1].titre_cour: clé inconnue « titre_cour » "
        "(vouliez-vous dire « titre_court » ?)",
        "Échec : 2 problèmes à corriger. Le kit précédent n’a pas été modifié.",
    ]


def test_missing_field(project, monkeypatch, capsys):
    ref = project / "referentiel.yaml"
    balise_line = line_of(ref, "      - id: engagement-2")
    text = ref.read_text(encoding="utf-8")
    start = text.index("question:", text.index("id: engagement-2"))
    end = text.index("\n", start)
    ref.write_text(text[:start] + "autre: x" + text[end:], encoding="utf-8")
    jeu_line = line_of(ref, "jeu:", occurrence=3)
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    assert error_lines(err)[0] == (
        f"referentiel.yaml:{jeu_line}: axes[1].balises[2].jeu: champ obligatoire « question » manquant"
    )
    assert balise_line < jeu_line


def test_wrong_type(project, monkeypatch, capsys):
    territory = project / "territoires" / "val-de-sorne.yaml"
    line = edit(territory, "population: 18450", "population: beaucoup")
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    assert error_lines(err) == [
        f"territoires/val-de-sorne.yaml:{line}: population: doit être un nombre entier "
        "(trouvé : le texte « beaucoup »)",
        FAILURE_1,
    ]


def test_duplicate_key(project, monkeypatch, capsys):
    ref = project / "referentiel.yaml"
    first = line_of(ref, '    concept: "L’ENGAGEMENT"')
    edit(
        ref, '    concept: "L’ENGAGEMENT"\n', '    concept: "L’ENGAGEMENT"\n    concept: "Autre"\n'
    )
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    assert error_lines(err) == [
        f"referentiel.yaml:{first + 1}: axes[1].concept: clé « concept » en double (déjà définie ligne {first})",
        FAILURE_1,
    ]


def test_duplicate_id(project, monkeypatch, capsys):
    ref = project / "referentiel.yaml"
    first = line_of(ref, "id: engagement-1")
    line = edit(ref, "id: engagement-2", "id: engagement-1")
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    assert error_lines(err) == [
        f"referentiel.yaml:{line}: axes[1].balises[2].id: identifiant « engagement-1 » en double "
        f"(déjà utilisé ligne {first})",
        FAILURE_1,
    ]


def test_template_naming_a_field_that_does_not_exist(project, monkeypatch, capsys):
    scenarios = project / "scenarios.yaml"
    line = line_of(scenarios, "    texte:")
    text = scenarios.read_text(encoding="utf-8")
    start = text.index("    texte:")
    end = text.index("\n    axes:", start)
    scenarios.write_text(
        text[:start] + '    texte: "La forêt de {{ territoire.foret.nom }} brûle."' + text[end:],
        encoding="utf-8",
    )
    first_id = text[text.index("- id: ") + 6 : text.index("\n", text.index("- id: "))].strip()
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    assert error_lines(err) == [
        f"scenarios.yaml:{line}: scenarios[1].texte: scénario « {first_id} » : le modèle utilise "
        "« territoire.foret », qui n’existe pas dans les données. Ajoutez-le à "
        'territoires/val-de-sorne.yaml, ou écrivez « requiert: ["foret"] » dans ce scénario '
        "pour le laisser de côté quand le territoire ne le donne pas",
        FAILURE_1,
    ]


def test_card_template_naming_a_field_that_does_not_exist(project, monkeypatch, capsys):
    cards = project / "cards" / "balise.yaml"
    line = edit(cards, 'corps: "{{ balise.jeu.explication }}"', 'corps: "{{ balise.explication }}"')
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    lines = error_lines(err)
    assert lines[0] == (
        f"cards/balise.yaml:{line}: textes.corps: carte balise « engagement-1 » (et 22 autres cartes) : "
        "le modèle utilise « balise.explication », qui n’existe pas dans les données"
    )
    assert lines[-1] == FAILURE_1


def test_yaml_syntax_error(project, monkeypatch, capsys):
    territory = project / "territoires" / "val-de-sorne.yaml"
    line = edit(territory, "population: 18450", "population: 18450\n  oups: : :")
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    assert error_lines(err)[0].startswith(
        f"territoires/val-de-sorne.yaml:{line + 1}: erreur de syntaxe YAML"
    )


def test_unknown_axis_in_a_scenario_and_bad_colour_together(project, monkeypatch, capsys):
    scenarios = project / "scenarios.yaml"
    text = scenarios.read_text(encoding="utf-8")
    axes_at = text.index("    axes: [")
    line = text[:axes_at].count("\n") + 1
    end = text.index("\n", axes_at)
    scenarios.write_text(text[:axes_at] + "    axes: [energie]" + text[end:], encoding="utf-8")
    cards = project / "cards" / "scenario.yaml"
    colour_line = edit(cards, 'couleur: "#141C28"', "couleur: bleu")
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    assert error_lines(err) == [
        f"cards/scenario.yaml:{colour_line}: couleur: couleur invalide : écrivez-la « #RRVVBB », "
        "par exemple « #1B63A0 »",
        FAILURE_1,
    ]
    # the scenario check runs once the schema problems are fixed
    edit(cards, "couleur: bleu", 'couleur: "#141C28"')
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert error_lines(err)[0] == (
        f"scenarios.yaml:{line}: scenarios[1].axes[1]: axe « energie » inconnu du référentiel "
        "(axes possibles : engagement, integration, cooperation, valeur)"
    )


def test_unknown_profile(project, monkeypatch, capsys):
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project), "--profile", "a5")
    assert code == 1
    assert error_lines(err)[0] == (
        "layouts/a5.yaml: profil d’impression « a5 » inconnu (profils disponibles : "
        "a3-recto-verso, a4-pliage, a4-recto-verso, imprimeur, letter-recto-verso, numerique)"
    )


def test_missing_territory_file(project, monkeypatch, capsys):
    code, _, err = run_cli(
        monkeypatch, capsys, *build_args(project), "--territory", str(project / "nulle-part.yaml")
    )
    assert code == 1
    assert error_lines(err)[0] == "nulle-part.yaml: fichier introuvable"


def test_failed_build_leaves_the_previous_kit_untouched_and_shows_no_traceback(project):
    command = [sys.executable, "-m", "kit", *build_args(project)]
    subprocess.run(command, check=True, capture_output=True)
    kit_dir = project / "output" / "val-de-sorne"
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in kit_dir.iterdir()}
    edit(project / "referentiel.yaml", 'couleur: "#B44C10"', "couleur: 12")
    failed = subprocess.run(command, capture_output=True, text=True)
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert "referentiel.yaml:" in failed.stderr
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in kit_dir.iterdir()}
    assert after == before
    assert sorted(p.name for p in (project / "output").iterdir()) == ["val-de-sorne"]


def test_the_command_ends_through_run_which_spares_python_its_last_collection(monkeypatch, capsys):
    import tomllib

    import kit.cli
    from conftest import REPO

    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert scripts["scripts"] == {"makekit": "kit.cli:run"}
    assert (REPO / "kit" / "__main__.py").read_text(encoding="utf-8").endswith("run()\n")
    frozen = []
    monkeypatch.setattr(kit.cli.gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr(sys, "argv", ["makekit", "--help"])
    kit.cli.run()
    assert frozen == [True]
    assert "build" in capsys.readouterr().out  # the help, printed as main() prints it


def test_a_colour_too_light_for_white_text_is_refused(project, monkeypatch, capsys):
    line = edit(project / "referentiel.yaml", 'couleur: "#4C70D0"', 'couleur: "#8FB3FF"')
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    assert error_lines(err) == [
        f"referentiel.yaml:{line}: axes[2].couleur: couleur « #8FB3FF » trop claire : le texte blanc "
        "n’y atteint qu’un contraste de 2,1:1 (4,5:1 au moins pour rester lisible) ; "
        "choisissez une couleur plus foncée",
        FAILURE_1,
    ]
