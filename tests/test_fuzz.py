"""Property-based fuzzing of the YAML inputs: load → validate → model → deck either
succeeds or raises a MakekitError whose every line is ``file:line: path: message``
(or a documented shorter form) — never another exception.

The real input files are mutated: a value replaced by random data, a key dropped or
added, random text (control characters included) inserted, bytes overwritten, the file
truncated. Short and reproducible by default; ``HYPOTHESIS_PROFILE=long pytest
tests/test_fuzz.py`` runs thousands of random examples.
"""

from __future__ import annotations

import io
import os
import re
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from conftest import copy_project
from kit.checks import validate_sources
from kit.deck import compose_deck
from kit.errors import InputErrors, MakekitError
from kit.model import make_kit
from kit.sources import DEFAULT_PROFILE, load_sources
from kit.templates import TemplateProblem, render

_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=_SLOW,
)
settings.register_profile(
    "long", max_examples=2_000, deadline=None, database=None, suppress_health_check=_SLOW
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

FILES = (
    "referentiel.yaml",
    "scenarios.yaml",
    "territoires/val-de-sorne.yaml",
    "cards/axe.yaml",
    "cards/balise.yaml",
    "cards/scenario.yaml",
    "cards/role.yaml",
    "roles.yaml",
    "layouts/a4-recto-verso.yaml",
)
# "file:line: path: message", "file:line: message", "file: message"
PROBLEM_LINE = re.compile(r"^[^:\n]+(:\d+)?: .+$")
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=40)
    | st.sampled_from(
        ["", "12mm", "#B44C10", "engagement", "{{ territoire.nom }}", "{{", "../x.png"]
    )
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=8,
)


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("fuzz") / "projet")


def run_pipeline(project: Path) -> None:
    """Load, validate, model and deck: the stages every input goes through before drawing."""
    started = time.perf_counter()
    try:
        sources = validate_sources(load_sources(project, None, DEFAULT_PROFILE))
        compose_deck(make_kit(sources), sources)
    except InputErrors as error:
        assert error.lines(), "an InputErrors without problems"
        for line in error.lines():
            assert PROBLEM_LINE.match(line), line
    except MakekitError as error:
        assert str(error).strip()
    assert time.perf_counter() - started < 20


def with_file(project: Path, name: str, data: bytes) -> None:
    path = project / name
    original = path.read_bytes()
    path.write_bytes(data)
    try:
        run_pipeline(project)
    finally:
        path.write_bytes(original)


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _replaced(data: Any, path: tuple, action: str, value: Any) -> Any:
    if not path:
        return value if action != "drop" else None
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        copy = dict(data)
        if not rest and action == "drop":
            del copy[head]
        elif not rest and action == "add":
            copy[f"{head}_en_plus"] = value
        else:
            copy[head] = _replaced(data[head], rest, action, value)
        return copy
    copy = list(data)
    if not rest and action == "drop":
        del copy[head]
    else:
        copy[head] = _replaced(data[head], rest, action, value)
    return copy


def _dumped(data: Any) -> bytes:
    out = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.dump(data, out)
    return out.getvalue().encode("utf-8")


@given(data=st.data())
def test_structural_mutations(fuzz_project: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(FILES), label="file")
    tree = YAML(typ="safe", pure=True).load((fuzz_project / name).read_text(encoding="utf-8"))
    path = data.draw(st.sampled_from(_paths(tree)), label="path")
    action = data.draw(st.sampled_from(["replace", "drop", "add"]), label="action")
    value = data.draw(VALUES, label="value")
    with_file(fuzz_project, name, _dumped(_replaced(tree, path, action, value)))


@given(data=st.data())
def test_textual_mutations(fuzz_project: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(FILES), label="file")
    original = (fuzz_project / name).read_bytes()
    at = data.draw(st.integers(0, len(original)), label="position")
    kind = data.draw(st.sampled_from(["text", "bytes", "truncate"]), label="kind")
    if kind == "truncate":
        mutated = original[:at]
    elif kind == "bytes":
        noise = data.draw(st.binary(min_size=1, max_size=16), label="bytes")
        mutated = original[:at] + noise + original[at + len(noise) :]
    else:
        text = data.draw(st.text(st.characters(codec="utf-8"), min_size=1, max_size=30))
        mutated = original[:at] + text.encode("utf-8", "surrogatepass") + original[at:]
    with_file(fuzz_project, name, mutated)


TEMPLATE_PIECES = st.sampled_from(
    [
        "{{ ",
        " }}",
        "{% for i in ",
        " %}",
        "{% endfor %}",
        "{% if ",
        "{% endif %}",
        "{% set s = ",
        "range(",
        ")",
        "(",
        "10**9",
        "999999",
        "'x'",
        "'%0999d'",
        " * ",
        " ~ ",
        " + ",
        " ** ",
        " % ",
        "|join",
        "|center(",
        "|replace('x', 'xx')",
        "|list",
        "|length",
        "|nombre",
        "|pourcent",
        ".ljust(",
        ".format(",
        "territoire",
        ".communes",
        "[0]",
        "loop.index",
        "s",
        "i",
        ", ",
        ".__class__",
        "cycler",
        "self",
        "lipsum(",
        "|attr('__globals__')",
        "-1",
        "0",
        "1.5",
    ]
)


@settings(max_examples=200)
@given(pieces=st.lists(TEMPLATE_PIECES, max_size=14))
def test_any_template_renders_or_fails_cleanly_and_quickly(pieces: list[str]) -> None:
    context = {"territoire": {"nom": "Val de Sorne", "communes": ["A", "B"], "population": 18450}}
    started = time.perf_counter()
    try:
        render("".join(pieces), context)
    except TemplateProblem as problem:
        assert str(problem).strip()
    assert time.perf_counter() - started < 5
