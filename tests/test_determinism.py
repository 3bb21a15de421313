"""Same inputs, same bytes."""

from kit.build import build


def test_two_builds_give_byte_identical_files(project, tmp_path):
    first = build(project, output_root=tmp_path / "a")
    second = build(project, output_root=tmp_path / "b")
    names = sorted(p.name for p in first.kit_dir.iterdir())
    assert names == sorted(p.name for p in second.kit_dir.iterdir())
    assert len(names) == 9  # with the facilitator guide and the synthesis sheet
    for name in names:
        assert (first.kit_dir / name).read_bytes() == (second.kit_dir / name).read_bytes(), name
