"""The board, booklet, guide and calibration drawn in a forked process (kit/draw_ahead.py)."""

from __future__ import annotations

from test_cache import build_refusing

import kit.draw_ahead
from kit.build import build

DRAWN_AHEAD = {"plateau", "plateau-assemblage", "livret", "guide", "fiche-synthese", "calibrage"}


def test_a_failed_fork_gives_the_same_kit(project, tmp_path, monkeypatch):
    forked = build(project, output_root=tmp_path / "fork", cache=False)

    def fails(makes, folder, send, memory, listing):
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


def test_a_card_error_stops_the_forks_and_leaves_no_folder(project, tmp_path, monkeypatch):
    import multiprocessing
    import tempfile

    import pytest

    from kit.errors import InputErrors

    temporary = tmp_path / "temporaire"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))  # where the fork's folder goes
    scenarios = project / "scenarios.yaml"
    text = scenarios.read_text(encoding="utf-8")
    scenarios.write_text(
        text.replace("ses {{ territoire.population", "ses {{ territoire.absent", 1)
    )
    with pytest.raises(InputErrors, match="territoire.absent"):
        build(project, output_root=project / "output")
    assert multiprocessing.active_children() == []  # the board's fork and the pictures' fork
    assert list(temporary.iterdir()) == []
    assert not (project / "output").exists()
