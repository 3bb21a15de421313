"""What the speed-ups rely on stays true (the speed itself is measured by bench/run.py)."""

from __future__ import annotations

from importlib import resources

import pytest
from ruamel.yaml import YAML


@pytest.mark.parametrize("package", ["kit.schemas", "kit.content"])
def test_libyaml_reads_our_own_yaml_files_as_the_pure_loader_does(package):
    files = [f for f in resources.files(package).iterdir() if f.name.endswith(".yaml")]
    assert files
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert YAML(typ="safe").load(text) == YAML(typ="safe", pure=True).load(text), file.name


def test_glyphs_read_from_the_cache_give_the_same_findings(default_kit, tmp_path):
    from kit.preflight import check_kit
    from kit.preflight.glyphs import glyph_cache

    def findings():
        return [
            (f.file, f.page, f.check, f.level, f.message) for f in check_kit(default_kit.kit_dir)
        ]

    fresh = findings()
    with glyph_cache(tmp_path):
        assert findings() == fresh  # read, then kept
    entries = sorted(tmp_path.iterdir())
    assert entries
    for number, entry in enumerate(entries):
        data = entry.read_bytes()
        entry.write_bytes([data[:-3], b"MKG1" + data[4:12] + b"{", data + b"x", b""][number % 4])
    with glyph_cache(tmp_path):
        assert findings() == fresh  # damaged entries read again
        assert findings() == fresh  # and kept again


def test_a_deck_read_on_every_core_is_kept_in_one_pack(default_kit, tmp_path, monkeypatch):
    import kit.preflight.glyphs as glyphs
    from kit.preflight import check_kit
    from kit.preflight.glyphs import glyph_cache

    def findings():
        return [
            (f.file, f.page, f.check, f.level, f.message) for f in check_kit(default_kit.kit_dir)
        ]

    fresh = findings()
    monkeypatch.setattr(glyphs, "PARALLEL_FROM", 2)  # the cards' forms read by forked workers
    with glyph_cache(tmp_path):
        assert findings() == fresh
    packs = [p for p in tmp_path.iterdir() if p.name.startswith("pack-")]
    assert len(packs) == 1

    def unread(*args):
        raise AssertionError("read again")

    monkeypatch.setattr(glyphs.GlyphReader, "_interpret", unread)
    with glyph_cache(tmp_path):
        findings_from_cache = [f for f in findings() if f[0].endswith("cartes.pdf")]
    assert findings_from_cache == [f for f in fresh if f[0].endswith("cartes.pdf")]

    monkeypatch.undo()
    data = packs[0].read_bytes()
    packs[0].write_bytes(data[: len(data) // 2])  # damaged: read again, never trusted
    with glyph_cache(tmp_path):
        assert findings() == fresh


def test_the_cycle_collector_pauses_during_a_build_and_resumes_after(project, tmp_path):
    import gc

    from kit.build import build
    from kit.errors import InputErrors

    during = []
    build(
        project,
        output_root=tmp_path / "kit",
        cache=False,
        report=lambda step: during.append(gc.isenabled()),
    )
    assert during and not any(during)
    assert gc.isenabled()
    (project / "referentiel.yaml").write_text("axes: [", encoding="utf-8")
    with pytest.raises(InputErrors):
        build(project, output_root=tmp_path / "kit", cache=False)
    assert gc.isenabled()  # after a failed build too
