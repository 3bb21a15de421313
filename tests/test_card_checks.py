"""Cards that cannot be drawn fail the build naming the card."""

import threading

import pytest

from kit.build import build
from kit.errors import CardError, InputErrors
from test_errors import build_args, error_lines, run_cli


def test_a_character_missing_from_the_font_names_its_file_and_line(project):
    ref = project / "referentiel.yaml"
    text = ref.read_text(encoding="utf-8")
    start = text.index('question: "', text.index("id: engagement-2")) + len('question: "')
    ref.write_text(text[:start] + "☃ " + text[start:], encoding="utf-8")
    line = text[:start].count("\n") + 1
    with pytest.raises(InputErrors) as error:
        build(project, output_root=project / "output")
    assert error.value.lines() == [
        f"referentiel.yaml:{line}: axes[1].balises[2].jeu.question: la police SourceSans ne "
        "contient pas le caractère « ☃ » (U+2603) : remplacez-le"
    ]


def test_a_character_missing_from_a_card_template_names_its_line(project):
    family = project / "cards" / "balise.yaml"
    text = family.read_text(encoding="utf-8")
    family.write_text(text.replace('titre: "{{ balise.titre }}"', 'titre: "☃ {{ balise.titre }}"'))
    line = text[: text.index('titre: "{{ balise.titre }}"')].count("\n") + 1
    with pytest.raises(InputErrors) as error:
        build(project, output_root=project / "output")
    assert error.value.lines() == [
        f"cards/balise.yaml:{line}: textes.titre: la police SourceSans ne contient pas le "
        "caractère « ☃ » (U+2603) : remplacez-le"
    ]


def test_a_character_drawn_from_elsewhere_still_names_the_card(project, monkeypatch):
    import kit.checks

    monkeypatch.setattr(kit.checks, "_glyph_problems", lambda document: [])  # as if unseen
    family = project / "cards" / "balise.yaml"
    text = family.read_text(encoding="utf-8")
    family.write_text(text.replace('titre: "{{ balise.titre }}"', 'titre: "☃ {{ balise.titre }}"'))
    with pytest.raises(CardError) as error:
        build(project, output_root=project / "output")
    assert str(error.value) == (
        "carte balise « engagement-1 » : la police SourceSans ne contient pas le caractère « ☃ » "
        "(U+2603)"
    )
    assert [t.name for t in threading.enumerate() if t.name.startswith("makekit")] == []


def replace_explanation(project, balise_id: str, text: str) -> None:
    ref = project / "referentiel.yaml"
    source = ref.read_text(encoding="utf-8")
    start = source.index("explication:", source.index(f"id: {balise_id}"))
    end = source.index("\n", start)
    ref.write_text(source[:start] + f'explication: "{text}"' + source[end:], encoding="utf-8")


def test_text_too_long_for_the_card_fails_naming_it(project, monkeypatch, capsys):
    long_text = "Une explication beaucoup trop longue pour tenir sur une carte. " * 30

    replace_explanation(project, "integration-3", long_text)
    code, _, err = run_cli(monkeypatch, capsys, *build_args(project))
    assert code == 1
    first = error_lines(err)[0]
    assert first.startswith(
        "carte balise « integration-3 » : le texte ne tient pas sur la carte, même en 8.0 pt"
    )
    assert first.endswith(": raccourcissez-le")


def test_long_text_is_shrunk_rather_than_overflowing(project):
    medium = "Une explication plus longue que d’habitude, mais encore raisonnable. " * 7
    replace_explanation(project, "integration-3", medium)
    from kit.checks import validate_sources
    from kit.deck import compose_deck
    from kit.layout.card import _height
    from kit.layout.plan import plan_cards
    from kit.model import make_kit
    from kit.sources import load_sources

    sources = load_sources(project, None, "a4-recto-verso")
    validate_sources(sources)
    kit = make_kit(sources)
    plan = plan_cards(kit, compose_deck(kit, sources))
    fitted = plan.fitted["balise-integration-3"]
    assert fitted.scale < 1.0
    assert fitted.body.style.fontSize >= 8.0
    # one text size for a whole family: the longer text shrinks every balise card with it
    assert fitted.scale < 0.85
    assert {plan.fitted[k].scale for k in plan.fitted if k.startswith("balise-")} == {fitted.scale}
    assert _height(fitted, plan.boxes["balise"].text.w) <= plan.boxes["balise"].text.h


def test_a_family_takes_the_smallest_scale_of_its_cards_each_fitted_alone(project):
    """The plan tries each card at the scale its family needed so far, and fits only those
    that do not fit there: the family's scale must be what fitting every card alone gives."""
    replace_explanation(project, "integration-3", "Une explication un peu longue. " * 12)
    from kit.checks import validate_sources
    from kit.deck import compose_deck
    from kit.layout.card import fit_text
    from kit.layout.plan import plan_cards
    from kit.model import make_kit
    from kit.sources import load_sources

    sources = validate_sources(load_sources(project, None, "a4-recto-verso"))
    kit = make_kit(sources)
    deck = compose_deck(kit, sources)
    plan = plan_cards(kit, deck)
    alone: dict[str, float] = {}
    for face in deck.fronts:
        family, box = kit.families[face.family], plan.boxes[face.family].text
        scale = fit_text(family, dict(face.texts), box, face.colour, face.label).scale
        alone[face.family] = min(alone.get(face.family, 1.0), scale)
    assert alone["balise"] < 1.0  # the longer text shrinks its family
    assert {face.family: plan.fitted[face.key].scale for face in deck.fronts} == alone


def test_no_line_of_any_card_is_wider_than_its_frame(project):
    from kit.checks import validate_sources
    from kit.deck import compose_deck
    from kit.layout.card import BOX_PADDING
    from kit.layout.plan import plan_cards
    from kit.model import make_kit
    from kit.sources import load_sources

    sources = load_sources(project, None, "a4-recto-verso")
    validate_sources(sources)
    kit = make_kit(sources)
    deck = compose_deck(kit, sources)
    plan = plan_cards(kit, deck)
    for face in deck.fronts:
        frame = plan.boxes[face.family].text
        for name, para in plan.fitted[face.key].parts():
            inner = frame.w - 2 * BOX_PADDING if name == "encadre" else frame.w
            para.wrap(inner, 10_000)
            assert max(para.getActualLineWidths0()) <= inner + 1.0, (face.key, name)
            assert para.style.fontSize >= 8.0, (face.key, name)


def test_spaces_of_every_kind_labels_and_template_comments_are_not_refused(project):
    ref = project / "referentiel.yaml"
    text = ref.read_text(encoding="utf-8")
    text = text.replace("L’engagement des habitants", "L’engagement\u2009des\thabitants", 1)
    text = text.replace('etiquettes: ["La CONFIANCE"', 'etiquettes: ["La CONFIANCE ☃"', 1)
    ref.write_text(text, encoding="utf-8")
    scenarios = project / "scenarios.yaml"
    text = scenarios.read_text(encoding="utf-8")
    scenarios.write_text(text.replace("dossier commun", "dossier {# ☃ #}commun", 1))
    result = build(project, output_root=project / "output")
    assert any(o.component == "cartes" for o in result.outputs)
