"""Files from someone else can neither escape the project, run code, nor exhaust the machine.

One hostile input per rule: templates reaching Python internals or asking for a billion
characters, SVGs with external entities or references, paths leaving the project, a
100-megapixel image, YAML tags that would build objects.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kit.checks import validate_sources
from kit.deck import compose_deck
from kit.errors import InputErrors
from kit.model import make_kit
from kit.sources import DEFAULT_PROFILE, load_sources
from kit.templates import TemplateProblem, render
from test_corpus import png_header
from test_errors import FAILURE_1, build_args, edit, error_lines, run_cli

FIRST_TEXT = "{{ territoire.communes | length }} communes"
SCENARIO = "scénario « appel-a-projets-regional »"
FORBIDDEN = "le modèle tente d’accéder à un élément interdit"
TOO_LONG = "le modèle produit un texte trop long (plus de 20\u202f000 caractères)"
TOO_MUCH = "le modèle demande trop de calculs (plus de 100\u202f000 tours de boucle)"


def problems_of(project: Path) -> list[str]:
    """The problems of load → validate → model → deck, as printed; [] when all is well."""
    try:
        sources = validate_sources(load_sources(project, None, DEFAULT_PROFILE))
        compose_deck(make_kit(sources), sources)
    except InputErrors as error:
        return error.lines()
    return []


def scenario_text(project: Path, template: str) -> int:
    """Put ``template`` in the first scenario's text; the line of that text."""
    return edit(project / "scenarios.yaml", FIRST_TEXT, template)


@pytest.mark.parametrize(
    "template",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{{ self._TemplateReference__context }}",
        "{{ territoire.__class__ }}",
        "{{ territoire|attr('__class__') }}",
    ],
)
def test_a_scenario_template_cannot_reach_python_internals(project, template):
    scenario_text(project, template)
    text = (project / "scenarios.yaml").read_text(encoding="utf-8")
    texte_line = text[: text.index("    texte: >-")].count("\n") + 1
    assert problems_of(project) == [
        f"scenarios.yaml:{texte_line}: scenarios[1].texte: {SCENARIO} : {FORBIDDEN}"
    ]


def test_a_card_template_cannot_reach_python_internals(project, monkeypatch, capsys):
    cards = project / "cards" / "scenario.yaml"
    line = edit(cards, 'Axes sollicités :"', '{{ cycler.__init__.__globals__ }}"')
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    assert error_lines(err) == [
        f"cards/scenario.yaml:{line}: textes.pied: carte scénario « appel-a-projets-regional » "
        f"(et 19 autres cartes) : {FORBIDDEN}",
        FAILURE_1,
    ]


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{% for i in range(10**9) %}x{% endfor %}", "« range » est limité à 1\u202f000 nombres"),
        ("{{ range(10**9)|join }}", "« range » est limité à 1\u202f000 nombres"),
        ("{{ 'x' * 10**9 }}", TOO_LONG),
        ("{{ 'x' * 10**8 }}", TOO_LONG),
        ("{{ [1] * 10**9 }}", TOO_LONG),
        ("{{ 'x'|center(10**9) }}", TOO_LONG),
        ("{{ 'x'.ljust(10**9) }}", TOO_LONG),
        ("{{ ('x' * 1000)|replace('x', 'y' * 1000) }}", TOO_LONG),
        ("{% set s = 'xxxxxxxx' %}" + "{% set s = s ~ s %}" * 40 + "{{ s }}", TOO_LONG),
        ("{% for i in range(1000) %}{{ 'x' * 999 }}{% endfor %}", TOO_LONG),
        ("{% set s = 'x' * 19999 %}{{ s.join(s) }}", TOO_LONG),
        ("{% set s = 'x' * 19999 %}{{ s|join(s) }}", TOO_LONG),
        ("{{ 'x'.encode() * 10**9 }}", TOO_LONG),
        ("{{ ('x\n' * 9000)|indent('y' * 19000) }}", TOO_LONG),
        ("{% for a in range(1000) %}{% for b in range(1000) %}{% endfor %}{% endfor %}", TOO_MUCH),
        (
            "{% set s = 'x' * 9000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
            TOO_MUCH,
        ),
        ("{{ 10 ** 100000 }}", "le modèle calcule un nombre démesuré"),
        (
            "{{ '%0999999999d'|format(1) }}",
            "le modèle demande une largeur de champ démesurée ou calculée",
        ),
        (
            "{{ '{:>999999999}'.format(1) }}",
            "le modèle demande une largeur de champ démesurée ou calculée",
        ),
        ("{{ lipsum(10**6) }}", "le modèle utilise « lipsum », qui n’existe pas dans les données"),
        (
            "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
            "« {% macro %} » n’est pas permis dans un modèle",
        ),
        ("{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}", "le modèle est trop imbriqué"),
    ],
)
def test_templates_are_bounded_in_size_and_time(template, message):
    started = time.perf_counter()
    with pytest.raises(TemplateProblem) as caught:
        render(template, {"territoire": {"nom": "Val de Sorne"}})
    assert str(caught.value) == message
    assert time.perf_counter() - started < 1.0


def test_a_slow_template_stops_at_the_deadline(monkeypatch):
    monkeypatch.setattr("kit.sandbox.MAX_SECONDS", 0.05)
    slow = "{% for i in range(1000) %}{{ ('x' * 19000)|list|sort|length }}{% endfor %}"
    started = time.perf_counter()
    with pytest.raises(TemplateProblem) as caught:
        render(slow, {})
    assert str(caught.value) == "le modèle demande trop de calculs (plus de 0,05 secondes)"
    assert time.perf_counter() - started < 1.0


def test_bounded_templates_still_render_what_the_kit_needs():
    context = {"territoire": {"population": 18450, "communes": ["A", "B", "C"]}}
    template = (
        "{{ territoire.population | nombre }} | {{ 0.226 | pourcent }} | "
        "{% for c in territoire.communes %}{{ c }}{% if not loop.last %}, {% endif %}{% endfor %} | "
        "{{ territoire.communes | length }} | {{ 'a' ~ 'b' }} | {{ '%s'|format(2) }}"
    )
    assert render(template, context) == "18\u202f450 | 23\u00a0% | A, B, C | 3 | ab | 2"


def test_a_huge_template_output_is_refused_through_the_command(project, monkeypatch, capsys):
    scenario_text(project, "{{ 'x' * 10**9 }}")
    started = time.perf_counter()
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    assert error_lines(err)[0].endswith(f"scenarios[1].texte: {SCENARIO} : {TOO_LONG}")
    assert time.perf_counter() - started < 10


def test_yaml_text_is_data_never_a_template(project):
    """A balise's title is inserted as it is written: a template inside it is not evaluated
    (only scenario titles and texts are templates)."""
    edit(project / "referentiel.yaml", 'titre: "Construire le récit"', 'titre: "{{ 7 * 7 }}"')
    sources = validate_sources(load_sources(project, None, DEFAULT_PROFILE))
    deck = compose_deck(make_kit(sources), sources)
    face = next(f for f in deck.fronts if f.key == "balise-engagement-2")
    assert face.texts["titre"] == "{{ 7 * 7 }}"


def test_yaml_tags_build_no_object_and_run_nothing(project, tmp_path):
    witness = tmp_path / "execute"
    line = edit(
        project / "territoires" / "val-de-sorne.yaml",
        "population: 18450",
        f'population: !!python/object/apply:os.system ["touch {witness}"]',
    )
    assert problems_of(project) == [
        f"territoires/val-de-sorne.yaml:{line}: population: étiquette YAML "
        "« !!python/object/apply:os.system » refusée : makekit ne lit que des textes, des "
        "nombres, des listes et des clés"
    ]
    assert not witness.exists()


def use_pictogram(project: Path, value: str) -> int:
    return edit(
        project / "referentiel.yaml",
        "        pictogramme: book-open-variant\n",
        f"        pictogramme: {value}\n",
    )


def test_an_svg_with_an_external_entity_is_refused_and_nothing_is_read(project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("MOT-DE-PASSE", encoding="utf-8")
    (project / "images").mkdir()
    (project / "images" / "xxe.svg").write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>&xxe;</text></svg>',
        encoding="utf-8",
    )
    line = use_pictogram(project, "images/xxe.svg")
    problems = problems_of(project)
    assert problems == [
        f"referentiel.yaml:{line}: axes[1].balises[2].pictogramme: « xxe.svg » : les déclarations "
        "ENTITY sont refusées (elles peuvent lire d’autres fichiers) : enregistrez le SVG sans "
        "DOCTYPE"
    ]
    assert "MOT-DE-PASSE" not in "".join(problems)


def test_an_svg_with_an_external_image_is_refused(project):
    (project / "images").mkdir()
    (project / "images" / "lien.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'viewBox="0 0 10 10"><image xlink:href="http://example.org/pixel.png" width="10" '
        'height="10"/></svg>',
        encoding="utf-8",
    )
    line = use_pictogram(project, "images/lien.svg")
    assert problems_of(project) == [
        f"referentiel.yaml:{line}: axes[1].balises[2].pictogramme: « lien.svg » : référence "
        "externe « http://example.org/pixel.png » refusée : makekit n’ouvre ni Internet ni "
        "d’autres fichiers depuis un SVG ; incorporez l’image dans le SVG"
    ]


def test_an_svg_multiplying_its_shapes_is_refused(project):
    """Six levels of ten <use> of the level below: a million circles from a 1 kB file."""
    levels = "".join(
        f'<g id="n{i}">' + f'<use xlink:href="#n{i - 1}"/>' * 10 + "</g>" for i in range(1, 7)
    )
    (project / "images").mkdir()
    (project / "images" / "bombe.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'viewBox="0 0 10 10"><defs><circle id="n0" r="1"/>{levels}</defs>'
        '<use xlink:href="#n6"/></svg>',
        encoding="utf-8",
    )
    line = use_pictogram(project, "images/bombe.svg")
    assert problems_of(project) == [
        f"referentiel.yaml:{line}: axes[1].balises[2].pictogramme: « bombe.svg » : SVG trop "
        "complexe (plus de 50\u202f000 éléments une fois les « use » développés) : simplifiez-le"
    ]


def test_an_svg_with_only_internal_references_is_accepted(project):
    (project / "images").mkdir()
    (project / "images" / "interne.svg").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'viewBox="0 0 10 10"><defs><circle id="c" cx="5" cy="5" r="4"/></defs>'
        '<use xlink:href="#c" fill="#123456"/></svg>',
        encoding="utf-8",
    )
    use_pictogram(project, "images/interne.svg")
    assert problems_of(project) == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("../secret.svg", "le chemin ne doit pas sortir du dossier du projet (« .. » interdit)"),
        (
            "images/../../secret.svg",
            "le chemin ne doit pas sortir du dossier du projet (« .. » interdit)",
        ),
        ("/etc/passwd.png", "donnez un chemin relatif au dossier du projet, pas un chemin absolu"),
        ("images/lien.svg", "le lien mène hors du dossier du projet"),
    ],
)
def test_image_paths_stay_inside_the_project(project, tmp_path, value, message):
    outside = tmp_path / "dehors.svg"
    outside.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    (project / "images").mkdir()
    (project / "images" / "lien.svg").symlink_to(outside)
    line = use_pictogram(project, value)
    assert problems_of(project) == [
        f"referentiel.yaml:{line}: axes[1].balises[2].pictogramme: « {value} » : {message}"
    ]


def test_a_100_megapixel_image_is_refused_quickly(project, monkeypatch, capsys):
    (project / "images").mkdir()
    bomb = project / "images" / "bombe.png"
    bomb.write_bytes(png_header(10_000, 10_000))
    assert bomb.stat().st_size < 200
    line = edit(
        project / "referentiel.yaml",
        "        pictogramme: book-open-variant\n",
        "        pictogramme: book-open-variant\n        illustration: images/bombe.png\n",
    )
    started = time.perf_counter()
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    assert error_lines(err) == [
        f"referentiel.yaml:{line + 1}: axes[1].balises[2].illustration: « bombe.png » : image "
        "trop grande (10\u202f000 × 10\u202f000 pixels, plus de 60 millions) : réduisez-la, "
        "300 dpi à la taille imprimée suffisent",
        FAILURE_1,
    ]
    assert time.perf_counter() - started < 5


def test_a_profile_cannot_name_a_file_outside_the_project(project, monkeypatch, capsys):
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project), "--profile", "../../x")
    assert code == 1
    assert error_lines(err)[0].startswith(
        "layouts/../../x.yaml: profil d’impression « ../../x » inconnu"
    )
