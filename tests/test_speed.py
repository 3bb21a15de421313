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
