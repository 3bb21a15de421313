"""Shared fixtures: a copy of the project's inputs, and the default kit built once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kit.build import BuildResult, build

REPO = Path(__file__).resolve().parent.parent
INPUTS = ("referentiel.yaml", "scenarios.yaml", "roles.yaml", "cards", "layouts", "territoires")


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in INPUTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)
    return target


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the reference images of tests/golden/ from the current build",
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the project's input files."""
    return copy_project(tmp_path / "projet")


@pytest.fixture(scope="session")
def default_kit(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The default kit, built once for every test that only reads it."""
    return build(REPO, output_root=tmp_path_factory.mktemp("kit") / "output")


def kit_file(result: BuildResult, component: str) -> Path:
    output = next(o for o in result.outputs if o.component == component)
    return result.kit_dir / output.path
