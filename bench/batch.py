"""Benchmark batch builds: 10 territories in one `makekit build --territory DIR` (parallel
processes) against 10 sequential `makekit build --territory FILE` runs.

Run with the project's interpreter: `python bench/batch.py [--count 10]`. Both sides build
without the cache (`--no-cache`) into fresh output folders, so that both do the whole work.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
INPUTS = ("referentiel.yaml", "scenarios.yaml", "roles.yaml", "cards", "layouts", "territoires")
MAKEKIT = [sys.executable, "-m", "kit"]


def territories(project: Path, count: int) -> Path:
    """``count`` variants of the default territory, each with its own name and population."""
    source = (REPO / "territoires" / "val-de-sorne.yaml").read_text(encoding="utf-8")
    folder = project / "lot"
    folder.mkdir()
    for n in range(1, count + 1):
        text = re.sub(r"(?m)^nom_court: .*$", f'nom_court: "Territoire {n:02d}"', source)
        text = re.sub(r"(?m)^population: .*$", f"population: {10_000 + 1_337 * n}", text)
        (folder / f"territoire-{n:02d}.yaml").write_text(text, encoding="utf-8")
    return folder


def timed(args: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(MAKEKIT + args, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10)
    count = parser.parse_args().count
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for name in INPUTS:
            source = REPO / name
            copy = shutil.copytree if source.is_dir() else shutil.copy
            copy(source, project / name)
        folder = territories(project, count)
        sequential = sum(
            timed(["build", "-q", "--no-cache", "--territory", str(f), "--output", "seq"], project)
            for f in sorted(folder.iterdir())
        )
        batch = timed(
            ["build", "-q", "--no-cache", "--territory", "lot", "--output", "lot-out"], project
        )
        kits = sorted(p.name for p in (project / "lot-out").glob("[!.]*"))
        assert len(kits) == count, kits
    print(f"{count} territoires, {os.cpu_count()} cœurs")
    print(f"  {count} constructions l’une après l’autre : {sequential:6.1f} s")
    print(f"  une construction par lot (--territory DOSSIER) : {batch:6.1f} s")
    print(f"  rapport : {batch / sequential:.2f} (lot / séquentiel)")


if __name__ == "__main__":
    main()
