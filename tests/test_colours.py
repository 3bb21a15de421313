"""Colour checks: WCAG contrast, simulated colour-vision deficiencies, the kit's palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from kit.colours import (
    DEFICIENCIES,
    MIN_DIFFERENCE,
    MIN_TEXT_CONTRAST,
    contrast_ratio,
    difference,
    indistinct_pairs,
    simulate,
)

REPO = Path(__file__).resolve().parent.parent
WHITE = "#FFFFFF"


def _yaml(name: str) -> dict:
    return YAML(typ="safe").load((REPO / name).read_text(encoding="utf-8"))


def axis_colours() -> dict[str, str]:
    return {axis["id"]: axis["couleur"] for axis in _yaml("referentiel.yaml")["axes"]}


def kit_colours() -> dict[str, str]:
    return {**axis_colours(), "scenario": _yaml("cards/scenario.yaml")["couleur"]}


@pytest.mark.parametrize(
    ("fg", "bg", "ratio"),
    [
        ("#FFFFFF", "#000000", 21.0),
        ("#000000", "#FFFFFF", 21.0),
        ("#3A7BD5", "#3A7BD5", 1.0),
        ("#777777", "#FFFFFF", 4.48),
        ("#767676", "#FFFFFF", 4.54),
    ],
)
def test_wcag_contrast_ratio(fg, bg, ratio):
    assert contrast_ratio(fg, bg) == pytest.approx(ratio, abs=0.01)


def test_simulation_follows_machado_2009():
    # Machado et al. (2009) full-severity matrices on linear sRGB (colorspacious agrees).
    assert simulate("#FF0000", "deuteranopia") == "#A39000"
    assert simulate("#FF0000", "protanopia") == "#6D5F00"
    assert simulate("#0000FF", "tritanopia") == "#006B96"
    assert simulate("#FFFFFF", "deuteranopia") == "#FFFFFF"


def test_unknown_deficiency_is_refused():
    with pytest.raises(ValueError, match="déficience inconnue"):
        simulate("#FF0000", "achromatopsie")


def test_ciede2000_difference():
    assert difference("#000000", "#FFFFFF") == pytest.approx(100.0, abs=0.01)
    assert difference("#7A3B8F", "#7A3B8F") == pytest.approx(0.0, abs=1e-9)


def test_red_green_palette_is_indistinct_for_deuteranopes():
    pairs = indistinct_pairs({"rouge": "#C0392B", "vert": "#27AE60"}, MIN_DIFFERENCE)
    assert [(a, b, deficiency) for a, b, deficiency, _ in pairs] == [
        ("rouge", "vert", "deuteranopia")
    ]


def test_distinct_palette_has_no_indistinct_pair():
    assert indistinct_pairs({"noir": "#000000", "blanc": "#FFFFFF"}, MIN_DIFFERENCE) == []


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_kit_colours_stay_distinct_under_colour_blindness(deficiency):
    pairs = indistinct_pairs(kit_colours(), MIN_DIFFERENCE)
    assert [pair for pair in pairs if pair[2] == deficiency] == []


@pytest.mark.parametrize("axis", sorted(axis_colours()))
def test_white_text_on_axis_colour_is_readable(axis):
    assert contrast_ratio(WHITE, axis_colours()[axis]) >= MIN_TEXT_CONTRAST


@pytest.mark.parametrize("axis", sorted(axis_colours()))
def test_axis_colour_text_on_white_is_readable(axis):
    assert contrast_ratio(axis_colours()[axis], WHITE) >= MIN_TEXT_CONTRAST
