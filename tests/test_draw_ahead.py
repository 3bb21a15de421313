"""The board, booklet, guide and calibration drawn in a forked process (kit/draw_ahead.py)."""

from __future__ import annotations

import pytest
from test_cache import build_refusing

import kit.draw_ahead
from kit.build import build

DRAWN_AHEAD = {"plateau", "plateau-assemblage", "livret", "guide", "fiche-synthese", "calibrage"}


def test_a_failed_fork_gives_the_same_kit(project, tmp_path, monkeypatch):
    forked = build(project, output_root=tmp_path / "fork", cache=False)

    def fails(makes, folder, send, *rest):
        send.send(None)
        send.close()

    monkeypatch.setattr(kit.draw_ahead, "_draw", fails)
    here = build(project, output_root=tmp_path / "here", cache=False)
    assert [(o.path, o.data) for o in here.outputs] == [(o.path, o.data) for o in forked.outputs]
    assert {o.component for o in here.outputs} >= DRAWN_AHEAD


def test_what_the_fork_drew_it_also_checked(project, monkeypatch):
    findings, ahead = build_refusing(project, monkeypatch, "-livret")
    assert findings == [("val-de-sorne-livret.pdf", "refusé")]
    assert "val-de-sorne-livret.pdf" in ahead[0][0]  # checked by the fork that drew it
    assert "val-de-sorne-plateau.pdf" in ahead[0][0]
    assert not (project / "output" / "val-de-sorne").exists()


FAILURES = {
    # a scenario template naming a field the territory lacks: found while the cards draw
    "scenario": ("scenarios.yaml", "ses {{ territoire.population", "ses {{ territoire.absent"),
    # a concept too long for the board: found after the cards, while the board is collected
    "plateau": (
        "referentiel.yaml",
        'concept: "L’ENGAGEMENT"',
        'concept: "' + "ENGAGEMENT " * 40 + '"',
    ),
    # a logo too coarse for the print shop: found before the cards, the pictures' fork running
    "logo": ("territoires/val-de-sorne.yaml", "nom_court:", "logo: logo.png\nnom_court:"),
}


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_a_failed_build_stops_its_forks_and_leaves_no_folder(
    project, tmp_path, monkeypatch, failure
):
    import multiprocessing
    import tempfile

    from PIL import Image

    from kit.errors import MakekitError

    temporary = tmp_path / "temporaire"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))  # where the forks' folders go
    Image.new("RGB", (40, 20), "#3A7D44").save(project / "logo.png")
    name, old, new = FAILURES[failure]
    text = (project / name).read_text(encoding="utf-8")
    assert old in text
    (project / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    profile = "imprimeur" if failure == "logo" else "a4-recto-verso"
    with pytest.raises(MakekitError):
        build(project, output_root=project / "output", profile=profile)
    assert multiprocessing.active_children() == []  # pictures, board, cards' check
    assert list(temporary.iterdir()) == []
    assert not (project / "output").exists()
