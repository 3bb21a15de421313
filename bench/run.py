"""Benchmark makekit: default kit (cold, warm, one card changed), a synthetic 1,000-card deck,
`--help` and each print profile.

Run with the project's interpreter: `python bench/run.py [--repeat N] [--json FILE]`.
Every measurement runs in its own subprocess (`--one MODE`), so that its peak memory is its own.
It reports; it does not judge: the exit status is 0 even when a line is OVER its target.
"""

from __future__ import annotations

import argparse
import compileall
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
INPUTS = ("referentiel.yaml", "scenarios.yaml", "roles.yaml", "cards", "layouts", "territoires")
DECK_SIZE = 1000
BALISE_TEXT = "On s’engage d’abord pour ce que l’on connaît"  # one balise card's text
CHANGED_TEXT = "On s’engage toujours d’abord pour ce que l’on connaît"
PROFILES = ("a3-recto-verso", "letter-recto-verso", "a4-pliage", "imprimeur")
KINDS = ("opportunite", "evenement", "tension", "echeance")
TEXT = (
    "Scénario de charge n° {n} : {{{{ territoire.nom_court }}}} et ses "
    "{{{{ territoire.population | nombre }}}} habitants préparent un projet d’énergie partagée. "
    "Les élus hésitent, les associations s’impatientent et le calendrier se resserre avant "
    "l’hiver. Qui réunissez-vous d’abord, avec quels moyens, et que leur proposez-vous pour "
    "avancer ensemble ?"
)


@dataclass
class Measure:
    name: str
    mode: str
    max_seconds: float | None = None
    max_mb: float | None = None
    runs: list[dict[str, Any]] = field(default_factory=list)

    @property
    def wall_min(self) -> float:
        return min(r["seconds"] for r in self.runs)

    @property
    def wall_median(self) -> float:
        return statistics.median(r["seconds"] for r in self.runs)

    @property
    def cpu_median(self) -> float:
        return statistics.median(r.get("cpu", float("nan")) for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r["peak_mb"] for r in self.runs)

    @property
    def over(self) -> bool:
        slow = self.max_seconds is not None and self.wall_median > self.max_seconds
        return slow or (self.max_mb is not None and self.peak_mb > self.max_mb)

    @property
    def target(self) -> str:
        parts = [f"≤ {self.max_seconds:g} s"] if self.max_seconds is not None else []
        parts += [f"≤ {self.max_mb:g} MB"] if self.max_mb is not None else []
        return ", ".join(parts) or "(info)"


def cpu_seconds() -> float:
    """User + system CPU time of this process and its finished children (forked workers):
    less sensitive than wall time to other programs sharing the cores."""
    mine, theirs = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return mine.ru_utime + mine.ru_stime + theirs.ru_utime + theirs.ru_stime


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size in MB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    kib = resource.getrusage(who).ru_maxrss
    return kib / 1024 / (1024 if sys.platform == "darwin" else 1)


def one(mode: str, project: Path) -> dict[str, Any]:
    """Child side: one measurement in a fresh interpreter."""
    if mode == "help":
        return timed_command(["--help"])
    mode, _, profile = mode.partition(":")
    profile = profile or "a4-recto-verso"
    with tempfile.TemporaryDirectory(prefix="makekit-bench-out-") as tmp:
        out, copy = Path(tmp) / "output", Path(tmp) / "projet"
        copy_inputs(project, copy)
        started, cpu = time.perf_counter(), cpu_seconds()
        from kit.build import build  # timed on purpose: a cold build includes the imports

        result = build(project=copy, output_root=out, profile=profile)
        seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
        cards = [o for o in result.outputs if o.component == "cartes"]
        pdf = {"pages": sum(o.pages for o in cards), "bytes": sum(len(o.data) for o in cards)}
        if mode == "cold":
            return {"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb(), **pdf}
        if mode == "one-card":
            referentiel = copy / "referentiel.yaml"
            text = referentiel.read_text(encoding="utf-8")
            referentiel.write_text(text.replace(BALISE_TEXT, CHANGED_TEXT, 1), encoding="utf-8")
        arguments = ["build", "-q", "--project", str(copy), "--output", str(out)]
        return {**timed_command([*arguments, "--profile", profile]), **pdf}


def timed_command(arguments: list[str]) -> dict[str, Any]:
    """`makekit ARGUMENTS` as a user runs it: a new process, interpreter start-up included."""
    started, cpu = time.perf_counter(), cpu_seconds()
    subprocess.run([sys.executable, "-m", "kit", *arguments], check=True, capture_output=True)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    return {"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb(resource.RUSAGE_CHILDREN)}


def copy_inputs(project: Path, target: Path) -> None:
    target.mkdir(parents=True)
    for name in INPUTS:
        if (project / name).is_dir():
            shutil.copytree(project / name, target / name)
        elif (project / name).is_file():
            shutil.copy2(project / name, target / name)


def make_deck(root: Path) -> tuple[Path, int]:
    """Copy the project's inputs and write enough scenarios for DECK_SIZE cards in all."""
    from ruamel.yaml import YAML

    project = root / "deck"
    copy_inputs(REPO, project)
    yaml = YAML()
    yaml.width = 4096
    axes = yaml.load(REPO / "referentiel.yaml")["axes"]
    axis_ids = [str(axis["id"]) for axis in axes]
    count = DECK_SIZE - len(axes) - sum(len(axis["balises"]) for axis in axes)
    scenarios = [
        {
            "id": f"bench-{n:04d}",
            "numero": n,
            "type": KINDS[(n - 1) % len(KINDS)],
            "titre": f"Scénario de charge n° {n}",
            "texte": TEXT.format(n=n),
            "axes": [axis_ids[(n - 1) % len(axis_ids)], axis_ids[n % len(axis_ids)]],
        }
        for n in range(1, count + 1)
    ]
    yaml.dump({"scenarios": scenarios}, project / "scenarios.yaml")
    return project, count


def run(measure: Measure, project: Path, repeat: int) -> None:
    """Parent side: run the child `repeat` times; each prints one JSON line."""
    command = [sys.executable, __file__, "--one", measure.mode, "--project", str(project)]
    for _ in range(repeat):
        proc = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=False)
        if proc.returncode != 0:
            sys.exit(f"{measure.name}: the measurement failed\n{proc.stderr[-3000:]}")
        measure.runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print(f"  {measure.name}: {measure.runs[-1]['seconds']:.2f} s", file=sys.stderr)


def table(measures: list[Measure]) -> str:
    lines = [
        f"{'measure':<26}  {'wall min':>9}  {'wall median':>11}  {'CPU median':>10}  "
        f"{'peak MB':>7}   target"
    ]
    for m in measures:
        line = (
            f"{m.name:<26}  {m.wall_min:>7.2f} s  {m.wall_median:>9.2f} s  {m.cpu_median:>8.2f} s  "
            f"{m.peak_mb:>7.0f}   {m.target}"
        )
        lines.append(line + ("   OVER" if m.over else ""))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure (default 3)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--only", metavar="TEXT", help="only the measures whose name has TEXT")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # cold, warm, help, or cold:PROFILE
    parser.add_argument("--project", type=Path, default=REPO, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.project)))
        return
    repeat = max(1, args.repeat)
    # What an installed makekit runs: its bytecode compiled (pip does it at install, Python at
    # the first run). Where PYTHONDONTWRITEBYTECODE is set, an edited module would otherwise
    # be compiled again by every measured process (tens of milliseconds).
    compileall.compile_dir(REPO / "kit", quiet=1)
    measures = [
        Measure("default kit (cold)", "cold", max_seconds=1),
        Measure("default kit (warm)", "warm", max_seconds=0.5),
        Measure("default, one card", "one-card"),
        Measure(f"{DECK_SIZE:,} cards", "cold", max_seconds=8, max_mb=300),
        Measure(f"{DECK_SIZE:,} cards, one card", "one-card"),
        Measure("makekit --help", "help", max_seconds=0.3),
        *(Measure(f"profile {name}", f"cold:{name}") for name in PROFILES),
    ]
    measures = [m for m in measures if args.only is None or args.only in m.name]
    with tempfile.TemporaryDirectory(prefix="makekit-bench-") as tmp:
        deck, scenarios = make_deck(Path(tmp))
        for measure in measures:
            run(measure, deck if measure.name.startswith(f"{DECK_SIZE:,}") else REPO, repeat)
    print(table(measures))
    print("\ncards PDF (pages, bytes):")
    for m in measures:
        if "pages" in m.runs[0]:
            print(f"  {m.name:<26}  {m.runs[0]['pages']:>5} pages  {m.runs[0]['bytes']:>12,} bytes")
    print(
        f"\nrepeat={repeat}; synthetic deck: {scenarios} scenarios; python "
        f"{sys.version.split()[0]}; OVER compares the median wall time and the peak memory"
    )
    if args.json:
        results = [
            {
                **asdict(m),
                "wall_min": m.wall_min,
                "wall_median": m.wall_median,
                "cpu_median": m.cpu_median,
                "peak_mb": m.peak_mb,
                "target": m.target,
                "over": m.over,
            }
            for m in measures
        ]
        document = {
            "repeat": repeat,
            "deck_size": DECK_SIZE,
            "python": sys.version,
            "results": results,
        }
        args.json.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
