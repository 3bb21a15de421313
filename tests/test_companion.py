"""The companion process (kit/companion.py): the schemas, the preflight and the merge done on
the other core, and nothing lost when it cannot do them."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import kit.companion
from conftest import REPO
from kit.build import build
from kit.companion import BOARD_CHECK, CARDS_CHECK, Companion
from kit.errors import InputErrors

TWO_CORES = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="no companion on one core")

MAIN_PROCESS_LOADS = """
import sys
from pathlib import Path
from kit.build import build
build(Path(sys.argv[1]), output_root=Path(sys.argv[2]), cache=False, preview=True)
print(sorted(m for m in ("jsonschema", "pdfminer", "pikepdf") if m in sys.modules))
"""


def _printed_by(script: str, project, tmp_path) -> str:
    """What ``script`` prints, run in a new interpreter on the project and an output folder."""
    return subprocess.run(
        [sys.executable, "-c", script, str(project), str(tmp_path / "kit")],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout.strip()


@TWO_CORES
def test_the_main_process_loads_neither_the_schemas_nor_the_preflight_libraries(project, tmp_path):
    assert _printed_by(MAIN_PROCESS_LOADS, project, tmp_path) == "[]"


MAIN_PROCESS_READS = """
import os, sys
from pathlib import Path
import pyphen
import kit.prepared
from kit.build import build

main, read = os.getpid(), []
init, files = pyphen.HyphDict.__init__, kit.prepared.resources.files

def patterns(self, *arguments):
    if os.getpid() == main:
        read.append("motifs")
    init(self, *arguments)

class Recorded:
    def files(self, package):
        if os.getpid() == main:
            read.append(package)
        return files(package)

pyphen.HyphDict.__init__ = patterns
kit.prepared.resources = Recorded()
build(Path(sys.argv[1]), output_root=Path(sys.argv[2]), cache=False)
print(read)
"""


@TWO_CORES
def test_the_main_process_reads_neither_our_content_nor_the_hyphenation_patterns(project, tmp_path):
    """The companion reads them (kit/prepared.py) while the main process imports."""
    assert _printed_by(MAIN_PROCESS_READS, project, tmp_path) == "[]"


def test_what_the_companion_prepares_is_what_would_be_read():
    import pickle

    import pyphen
    from ruamel.yaml import YAML

    from kit.prepared import CONTENT_FILES, prepare

    sent = pickle.loads(pickle.dumps(prepare()))  # as it comes from the companion
    path = pyphen.LANGUAGES[pyphen.language_fallback("fr_FR")]
    assert sent.hyphenation.patterns == pyphen.HyphDict(path).patterns
    for name in CONTENT_FILES:
        text = (REPO / "kit" / "content" / name).read_text(encoding="utf-8")
        assert sent.contents[name] == YAML(typ="safe").load(text)


@TWO_CORES
def test_the_files_are_read_once_by_the_companion_and_built_as_it_read_them(
    project, tmp_path, monkeypatch
):
    import kit.sources

    main, read_here = os.getpid(), []
    load = kit.sources.load_sources

    def recorded(*arguments):
        if os.getpid() == main:
            read_here.append(arguments)
        return load(*arguments)

    monkeypatch.setattr(kit.sources, "load_sources", recorded)
    result = build(project, output_root=tmp_path / "kit", cache=False)
    assert read_here == []  # a file saved during the build cannot be read twice, differently
    assert "cartes" in {o.component for o in result.outputs}


def _failing(*arguments):
    raise RuntimeError("the companion cannot do it")


@TWO_CORES
def test_a_companion_whose_jobs_fail_gives_the_same_kit(project, tmp_path, monkeypatch):
    helped = build(project, output_root=tmp_path / "aide", cache=False)
    monkeypatch.setattr(kit.companion, "JOBS", dict.fromkeys(kit.companion.JOBS, _failing))
    alone = build(project, output_root=tmp_path / "seul", cache=False)
    assert [(o.path, o.data) for o in alone.outputs] == [(o.path, o.data) for o in helped.outputs]
    assert {o.component for o in alone.outputs} >= {"cartes", "plateau", "kit-complet"}


@TWO_CORES
def test_schema_problems_are_the_same_when_checked_by_the_companion_or_not(project, monkeypatch):
    path = project / "referentiel.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("numero: 1", "numero: un", 1), encoding="utf-8"
    )
    with pytest.raises(InputErrors) as helped:
        build(project, cache=False)
    monkeypatch.setattr(kit.companion, "JOBS", dict.fromkeys(kit.companion.JOBS, _failing))
    with pytest.raises(InputErrors) as alone:
        build(project, cache=False)
    assert [str(p) for p in helped.value.problems] == [str(p) for p in alone.value.problems]
    assert any("numero" in str(p) and "nombre entier" in str(p) for p in helped.value.problems)


@TWO_CORES
def test_a_companion_never_asked_ends_on_its_own():
    companion = Companion()
    process = companion._process
    companion.release(BOARD_CHECK)
    companion.finish()  # every other channel closed here, unused
    assert process.exitcode == 0  # ended by itself: not stopped after FINISH_WITHIN


@TWO_CORES
def test_a_job_answers_on_its_own_channel(tmp_path):
    companion = Companion(lambda: "premier")
    assert companion.first_answer() == "premier"
    findings = companion.answer(CARDS_CHECK, "check", tmp_path, frozenset(), None)
    assert [(f.file, f.level) for f in findings] == [("manifest.json", "erreur")]  # not a kit
    assert companion.answer(CARDS_CHECK, "check", tmp_path, frozenset(), None) is None  # used
    companion.finish()


@TWO_CORES
def test_an_answer_that_cannot_be_sent_is_none_and_prints_nothing(capfd):
    companion = Companion(lambda: lambda: "une fonction ne se transmet pas")
    assert companion.first_answer() is None  # the caller reads the files itself
    companion.finish()
    assert capfd.readouterr().err == ""
