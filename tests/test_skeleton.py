"""Templates of texts and ``{{ … }}`` are compiled once per skeleton (kit/templates.py)."""

from __future__ import annotations

import pytest

import kit.templates as templates
from kit.templates import TemplateProblem, render

CONTEXT = {
    "territoire": {"nom_court": "Sorne", "population": 18450, "communes": ["Aube", "Brée"]},
    "n": 3,
    "vide": None,
    "self": "moi",
    "loop": {"index": 7},
}
TEMPLATES = [
    "Scénario n° 1 : {{ territoire.nom_court }} et ses {{ territoire.population | nombre }} "
    "habitants.\n\nQui réunissez-vous ?\n",
    "Scénario n° 2 : {{ territoire.nom_court }} et ses {{ territoire.population | nombre }} "
    "habitants.\r\nQui réunissez-vous ?",
    "{{ '}}' ~ territoire.nom_court }}{{ n * 2 }}",
    "A {{- territoire.nom_court -}} B",  # whitespace control: compiled as it is
    "{% if n > 2 %}{{ n }}{% endif %} {# commentaire #}",
    # paths only: looked up without compiling anything (kit.templates._joined)
    "{{ territoire.communes[1] }}, {{territoire.nom_court}} : {{ n }} {{ vide }} {{ territoire }}",
    "{{ true }} {{ none }} {{ range }}",  # constants and globals: Jinja's own
    "{{ self }} {{ loop.index }}",  # Jinja's own objects, even when the context has the name
    "{{ territoire.communes[0x1] }} {{ territoire.communes[0_0] }}",
]


@pytest.mark.parametrize("source", TEMPLATES)
def test_same_text_with_or_without_the_skeleton(source, monkeypatch):
    fast = render(source, CONTEXT)
    monkeypatch.setattr(templates, "_skeleton", lambda source: None)
    assert render(source, CONTEXT) == fast


def test_scenarios_written_alike_share_one_skeleton():
    first, second = (templates._skeleton(source) for source in TEMPLATES[:2])
    assert first is not None and second is not None
    assert first[0] == second[0]
    assert first[1][0] == "Scénario n° 1 : "
    assert templates._skeleton(TEMPLATES[3]) is None
    assert templates._skeleton(TEMPLATES[4]) is None


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("Texte\n{{ territoire.maire }}", "le modèle utilise « territoire.maire »"),
        ("Texte\n\n{{ n + }}", "(ligne 3 du modèle)"),
        # paths that lead nowhere: rendered by Jinja after all, which says why
        ("{{ territoire.communes[7] }}", "le modèle utilise « territoire.communes[7] »"),
        ("{{ territoire.maire.nom }}", "le modèle utilise « territoire.maire »"),
        ("{{ inconnu }}", "le modèle utilise « inconnu »"),
        ("{{ territoire.__class__ }}", "le modèle tente d’accéder à un élément interdit"),
    ],
)
def test_errors_are_the_template_s_own(source, message):
    with pytest.raises(TemplateProblem) as problem:
        render(source, CONTEXT)
    assert message in str(problem.value)


def test_a_skeleton_of_paths_is_rendered_without_compiling_a_template():
    skeleton = templates._skeleton(TEMPLATES[5])
    assert skeleton is not None and skeleton[2] is not None
    assert skeleton[2][:2] == (("territoire", ((True, "communes"), (False, 1))), ", ")
    assert templates._skeleton(TEMPLATES[0])[2] is None  # a filter: compiled
    assert templates._skeleton(TEMPLATES[6])[2] is None
    assert templates._skeleton(TEMPLATES[7])[2] is None
    templates._compiled.cache_clear()
    assert render(TEMPLATES[5], CONTEXT).startswith("Brée, Sorne\u00a0: 3")
    assert templates._compiled.cache_info().misses == 0
