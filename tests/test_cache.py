"""The build cache: what is reused, what is drawn again, and that it is never trusted blindly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import kit.cache
from conftest import REPO
from kit.build import DEFAULT_PROFILE, build
from kit.sources import DEFAULT_PROFILE as SOURCES_DEFAULT_PROFILE
from pdfcheck import pdf_text
from test_errors import build_args, edit, run_cli

OLD_TEXT = "On s’engage d’abord pour ce que l’on connaît"
NEW_TEXT = "On commence toujours par la salle des fêtes"
NOT_CARDS = {"plateau", "livret", "calibrage"}


def files_of(kit_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(kit_dir.iterdir())}


def test_a_second_build_with_nothing_changed_keeps_the_kit(project, monkeypatch, capsys):
    out = project / "output"
    first = build(project, output_root=out)
    before = files_of(first.kit_dir)
    stamps = {p.name: p.stat().st_mtime_ns for p in first.kit_dir.iterdir()}
    second = build(project, output_root=out)
    assert (first.up_to_date, second.up_to_date) == (False, True)
    assert files_of(second.kit_dir) == before
    assert {p.name: p.stat().st_mtime_ns for p in second.kit_dir.iterdir()} == stamps
    assert [(o.path, o.data) for o in second.outputs] == [(o.path, o.data) for o in first.outputs]
    assert (second.warnings, second.notices, second.card_sheets) == (
        first.warnings,
        first.notices,
        first.card_sheets,
    )
    manifest = json.loads((first.kit_dir / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["cache"]["key"]) == 64
    args = [a for a in build_args(project) if a != "--quiet"]
    code, out_text, _ = run_cli(monkeypatch, capsys, *args)
    assert code == 0
    assert out_text.startswith("Kit à jour dans ")
    assert "rien n’a changé depuis la dernière construction" in out_text


def test_one_balise_text_changed_redraws_the_cards_only(project, monkeypatch):
    import kit.art.illustration as illustration

    out = project / "output"
    first = build(project, output_root=out)
    composed: list[str] = []
    compose = illustration.compose
    monkeypatch.setattr(
        illustration, "compose", lambda *a, **k: composed.append(a[1]) or compose(*a, **k)
    )
    edit(project / "referentiel.yaml", OLD_TEXT, NEW_TEXT)
    second = build(project, output_root=out)
    assert not second.up_to_date
    assert set(second.reused) >= NOT_CARDS
    assert "cartes" not in second.reused
    cards = next(o for o in second.outputs if o.component == "cartes")
    text = pdf_text(second.kit_dir / cards.path)
    assert "On commence toujours par la salle des" in text
    assert "pour ce que l'on connaît" not in text
    for component in NOT_CARDS:
        old = next(o for o in first.outputs if o.component == component)
        new = next(o for o in second.outputs if o.component == component)
        assert new.data == old.data, component
    assert composed == []  # every picture replayed: the one changed card keeps its picture
    monkeypatch.undo()
    fresh = build(project, output_root=project / "sans-cache", cache=False)
    assert [o.data for o in fresh.outputs] == [o.data for o in second.outputs]  # pictures replayed


def test_a_damaged_cache_entry_is_ignored(project):
    out = project / "output"
    first = build(project, output_root=out)
    entries = sorted((project / ".makekit-cache" / "outputs").iterdir())
    assert len(entries) >= 4
    for number, entry in enumerate(entries):
        blob = entry.read_bytes()
        damaged = [blob[:-1] + b"?", blob[: len(blob) // 2], b"not json\n", b""][number % 4]
        entry.write_bytes(damaged)
    (first.kit_dir / "manifest.json").unlink()  # the kit must be built again
    second = build(project, output_root=out)
    assert (second.up_to_date, second.reused) == (False, ())
    assert files_of(second.kit_dir) == files_of(first.kit_dir) | {
        "manifest.json": (second.kit_dir / "manifest.json").read_bytes()
    }
    third = build(project, output_root=out, back_offset="0,0")  # damaged entries were replaced
    assert NOT_CARDS | {"cartes"} <= set(third.reused)


def test_a_change_of_code_or_a_missing_file_builds_again(project, monkeypatch):
    out = project / "output"
    first = build(project, output_root=out)
    board = next(o for o in first.outputs if o.component == "plateau")
    (first.kit_dir / board.path).unlink()
    second = build(project, output_root=out)
    assert not second.up_to_date
    assert (second.kit_dir / board.path).read_bytes() == board.data
    assert "plateau" in second.reused
    monkeypatch.setattr(kit.cache, "code_digest", lambda: "0" * 64)
    third = build(project, output_root=out)
    assert (third.up_to_date, third.reused) == (False, ())


def test_options_are_part_of_the_key(project):
    out = project / "output"
    build(project, output_root=out)
    shifted = build(project, output_root=out, back_offset="1.5,-0.5")
    assert not shifted.up_to_date
    assert "cartes" not in shifted.reused  # the backs moved
    previewed = build(project, output_root=out, back_offset="1.5,-0.5", preview=True)
    assert not previewed.up_to_date
    assert any(o.component == "apercu" for o in previewed.outputs)
    forced = build(project, output_root=out, back_offset="1.5,-0.5", preview=True, cache=False)
    assert (forced.up_to_date, forced.reused) == (False, ())
    assert [o.data for o in forced.outputs] == [o.data for o in previewed.outputs]


def test_sans_cache_from_the_command_line_draws_everything(project, monkeypatch, capsys):
    assert run_cli(monkeypatch, capsys, *build_args(project))[0] == 0
    assert run_cli(monkeypatch, capsys, *build_args(project), "--sans-cache")[0] == 0
    args = [a for a in build_args(project) if a != "--quiet"]
    code, out_text, _ = run_cli(monkeypatch, capsys, *args, "--no-cache")
    assert code == 0
    assert out_text.startswith("Kit écrit dans ")


def test_the_key_ignores_where_the_project_is_and_sees_every_input(tmp_path):
    from conftest import copy_project

    one, two = copy_project(tmp_path / "un"), copy_project(tmp_path / "deux")
    options = {"profile": DEFAULT_PROFILE, "territory": None}
    key = kit.cache.build_key(one, None, options)
    assert kit.cache.build_key(two, None, options) == key
    (two / "output").mkdir()
    (two / "output" / "old.pdf").write_bytes(b"%PDF")  # outputs are not inputs
    assert kit.cache.build_key(two, None, options) == key
    (two / "venv").mkdir()
    (two / "venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")  # not an input
    assert kit.cache.build_key(two, None, options) == key
    (two / "images").mkdir()
    (two / "images" / "logo.png").write_bytes(b"\x89PNG")
    assert kit.cache.build_key(two, None, options) != key
    assert kit.cache.build_key(one, None, {**options, "tables": 2}) != key


@pytest.mark.parametrize("module", ["kit.build", "kit.cli"])
def test_checking_the_cache_needs_no_heavy_library(module):
    heavy = ("reportlab", "pikepdf", "pypdf", "pypdfium2", "jsonschema", "pdfminer", "PIL")
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.split()
    assert [m for m in loaded if m.split(".")[0] in heavy] == []
    assert DEFAULT_PROFILE == SOURCES_DEFAULT_PROFILE


def test_the_store_is_bounded_and_never_caches_what_it_cannot_fingerprint(tmp_path):
    import os

    from kit.store import OutputStore
    from kit.write import Output

    store = OutputStore(tmp_path)
    drawn: list[str] = []

    def make(name: str):
        return lambda: drawn.append(name) or [Output(f"{name}.pdf", name, 1, name.encode() * 100)]

    for used_at, name in enumerate(("old", "recent", "newest"), start=1):
        store.outputs(name, (name, 1.5, Path("nowhere")), make(name))
        just_written = [e for e in (tmp_path / "outputs").iterdir() if e.stat().st_mtime > 100]
        os.utime(just_written[0], (used_at, used_at))  # last used at second 1, 2 then 3
    store.prune(max_bytes=1_000)  # room for one entry of ~750 bytes
    left = list((tmp_path / "outputs").iterdir())
    assert len(left) == 1
    assert store.outputs("newest", ("newest", 1.5, Path("nowhere")), make("again")) == [
        Output("newest.pdf", "newest", 1, b"newest" * 100)
    ]
    store.outputs("odd", (object(),), make("odd"))
    store.outputs("odd", (object(),), make("odd"))
    assert drawn == ["old", "recent", "newest", "odd", "odd"]
    assert store.reused == ["newest"]


def build_refusing(project, monkeypatch, marker: str):
    """Build with an extra preflight check that refuses the files named with ``marker``;
    return the findings of the failed build and what the processes started ahead found."""
    import kit.preflight.run as preflight_run
    from kit.errors import PreflightError
    from kit.preflight_ahead import PreflightAhead

    original, original_results, ahead = preflight_run.checks_for, PreflightAhead.results, []

    def with_a_refusal(promise):
        def refuse(doc):
            return [doc.error("essai", "refusé")] if marker in doc.name else []

        return [*original(promise), refuse]

    def results(self):
        ahead.append(original_results(self))
        return ahead[-1]

    monkeypatch.setattr(preflight_run, "checks_for", with_a_refusal)  # forked children too
    monkeypatch.setattr(PreflightAhead, "results", results)
    with pytest.raises(PreflightError) as failed:
        build(project, output_root=project / "output")
    return [(f.file, f.message) for f in failed.value.findings], ahead


def test_a_file_checked_ahead_still_stops_a_failing_kit(project, monkeypatch):
    findings, ahead = build_refusing(project, monkeypatch, "-cartes")
    assert findings == [("val-de-sorne-cartes.pdf", "refusé")]
    assert "val-de-sorne-cartes.pdf" in ahead[0][0]  # found by the process started ahead
    assert not (project / "output" / "val-de-sorne").exists()


def test_pictures_composed_ahead_are_the_pictures_drawing_makes(tmp_path):
    import io
    import time

    from kit.art.ahead import PicturesAhead
    from kit.art.illustration import draw_illustration
    from kit.art.replay import art_cache
    from kit.layout.geometry import Box
    from kit.render.inks import Inks
    from kit.render.pdf import KitCanvas

    inks, box = Inks(), Box(0, 0, 200, 120)
    pictures = [(box, f"carte-{n}", "#2E7D32", (), (), ("eolien",)) for n in range(10)]
    folder = tmp_path / "art"
    ahead = PicturesAhead(folder, pictures, inks)
    deadline = time.monotonic() + 60
    while len(list(folder.glob("*"))) < len(pictures) and time.monotonic() < deadline:
        time.sleep(0.05)  # composed from the last card backwards, then the fork ends
    ahead.stop()
    assert len(list(folder.iterdir())) == len(pictures)

    def drawn(cache: Path | None) -> list[str]:
        canvas = KitCanvas(io.BytesIO(), inks=inks)
        canvas._code = []
        with art_cache(cache):
            for arguments in pictures:
                draw_illustration(canvas, *arguments)
        return canvas._code

    replayed = drawn(folder)
    assert replayed == drawn(None)  # as composed here, without the cache
    assert len(list(folder.iterdir())) == len(pictures)  # nothing was missing


def test_the_deck_known_before_its_texts_is_the_deck_without_texts():
    from dataclasses import replace

    from kit.checks import validate_sources
    from kit.deck import compose_deck, untexted_deck
    from kit.model import make_kit
    from kit.sources import load_sources

    sources = validate_sources(load_sources(REPO, None, DEFAULT_PROFILE))
    kit = make_kit(sources)
    deck = compose_deck(kit, sources)
    untexted = untexted_deck(kit).fronts
    assert len(untexted) == len(deck.fronts) > 50
    assert [replace(f, texts={}) for f in deck.fronts] == [replace(f, texts={}) for f in untexted]
    assert untexted_deck(kit).backs == deck.backs


def test_a_picture_is_composed_by_one_process_only(tmp_path):
    import time

    from kit.art.ahead import PicturesAhead
    from kit.art.replay import picture_key
    from kit.layout.geometry import Box
    from kit.render.inks import Inks

    inks, box = Inks(), Box(0, 0, 200, 120)
    pictures = [(box, f"carte-{n}", "#2E7D32", (), (), ()) for n in range(40)]
    folder = tmp_path / "art"
    ahead = PicturesAhead(folder, pictures, inks)
    keys = [picture_key(inks, p) for p in pictures]
    here = {key for key in keys[-5:] if ahead.compose_here(key)}  # the main process's
    assert here  # the fork, drawing from the first, was not there yet
    deadline = time.monotonic() + 60
    while len(set(folder.glob("*"))) < len(keys) - len(here) and time.monotonic() < deadline:
        time.sleep(0.05)
    waited = [ahead.compose_here(key) for key in keys[:5]]  # the fork's: never composed here
    ahead.stop()
    kept = {p.name for p in folder.iterdir()}
    assert waited == [False] * 5
    assert here.isdisjoint(kept)  # what the main process claimed, the fork left alone
    assert here | kept == set(keys)  # and every other picture, the fork composed and kept


def test_the_icons_prepared_before_the_forks_are_every_icon_the_cards_draw(monkeypatch):
    """The board's fork inherits the icons the main process made before forking it (see
    build.py): a card icon missing from icons_to_draw would be made in both processes."""
    from kit.assemble import card_outputs
    from kit.checks import validate_sources
    from kit.deck import compose_deck
    from kit.layout.plan import plan_cards
    from kit.model import make_kit
    from kit.render import cards
    from kit.render.cards import icons_to_draw
    from kit.render.inks import Inks
    from kit.sources import load_sources

    sources = validate_sources(load_sources(REPO, None, DEFAULT_PROFILE))
    model = make_kit(sources)
    deck = compose_deck(model, sources)
    drawn = []
    draw_sign = cards.draw_sign

    def recorded(canvas, sign, box, colour):
        drawn.append((sign, colour))
        draw_sign(canvas, sign, box, colour)

    monkeypatch.setattr(cards, "draw_sign", recorded)
    card_outputs(model, deck, plan_cards(model, deck), "Titre", Inks(), "essai")
    assert len(drawn) > 100
    assert set(icons_to_draw(deck)) == set(drawn)


def test_a_prepared_icon_is_not_made_again_on_a_canvas_with_the_same_inks(monkeypatch):
    import io

    from kit.layout.geometry import Box
    from kit.render import shapes
    from kit.render.inks import Inks
    from kit.render.pdf import KitCanvas

    shapes.prepare_icons([("leaf", "#2E7D32"), ("no-such-icon-at-all", "#000000")], Inks())
    made = []
    monkeypatch.setattr(shapes, "_icon_operators", lambda *arguments: made.append(arguments))
    canvas = KitCanvas(io.BytesIO(), inks=Inks())  # another Inks object, the same inks
    canvas._code = []
    shapes.draw_icon(canvas, "leaf", Box(0, 0, 20, 20), "#2E7D32")
    assert made == []
    assert any(" c" in line for line in canvas._code)  # the leaf's curves, drawn
