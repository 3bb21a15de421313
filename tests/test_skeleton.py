"""Templates of texts and ``{{ … }}`` are compiled once per skeleton (kit/templates.py)."""

from __future__ import annotations

import pytest

import kit.templates as templates
from kit.templates import TemplateProblem, render

CONTEXT = {"territoire": {"nom_court": "Sorne", "population": 18450}, "n": 3}
TEMPLATES = [
    "Scénario n° 1 : {{ territoire.nom_court }} et ses {{ territoire.population | nombre }} "
    "habitants.\n\nQui réunissez-vous ?\n",
    "Scénario n° 2 : {{ territoire.nom_court }} et ses {{ territoire.population | nombre }} "
    "habitants.\r\nQui réunissez-vous ?",
    "{{ '}}' ~ territoire.nom_court }}{{ n * 2 }}",
    "A {{- territoire.nom_court -}} B",  # whitespace control: compiled as it is
    "{% if n > 2 %}{{ n }}{% endif %} {# commentaire #}",
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
    ],
)
def test_errors_are_the_template_s_own(source, message):
    with pytest.raises(TemplateProblem) as problem:
        render(source, CONTEXT)
    assert message in str(problem.value)
