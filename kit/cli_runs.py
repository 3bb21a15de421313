"""What `makekit build` and `makekit preview` run, and what they print: one kit, or a batch
of territories, each kit in its own process (kit.batch)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from .errors import BatchFailed


def run_kits(territories: tuple[Path, ...], quiet: bool, **options):
    """``options`` are build()'s own keyword arguments, passed through as they are."""
    from .batch import territory_files

    files = territory_files(territories) if territories else [None]
    if len(files) > 1:
        return _run_batch(files, quiet, options)
    from .build import build as run_build

    started = time.perf_counter()
    result = run_build(territory=files[0], report=_step_printer(quiet), **options)
    for notice in result.notices:
        click.echo(f"Remarque : {notice}", err=True)
    for warning in result.warnings:
        click.echo(f"Attention : {warning}", err=True)
    if not quiet and result.up_to_date:
        click.echo(
            f"Kit à jour dans {shown_path(result.kit_dir)}/ : rien n’a changé depuis la "
            f"dernière construction ({_seconds(time.perf_counter() - started)})."
        )
    elif not quiet:
        where = shown_path(result.kit_dir)
        pdfs = [o for o in result.outputs if o.path.endswith(".pdf")]
        pages = sum(o.pages for o in pdfs if o.component != "kit-complet")
        images = sum(o.component == "image" for o in result.outputs)  # numerique profile
        pictures = f", {images} images PNG" if images else ""
        click.echo(
            f"Kit écrit dans {where}/ : {len(pdfs)} PDF ({pages} pages){pictures} et manifest.json, "
            f"en {_seconds(time.perf_counter() - started)}."
        )
        gallery = next((o for o in result.outputs if o.component == "galerie"), None)
        if gallery is not None:  # numerique profile
            page = shown_path(result.kit_dir / gallery.path)
            click.echo(f"Galerie : ouvrez {page} dans un navigateur.")
        click.echo(_cards_summary(result))
    return result


def _cards_summary(result) -> str:
    """How many tables the cards are for, and the sheets of paper they take."""
    tables = f"{result.tables} table{'s' if result.tables > 1 else ''}"
    if not result.card_sheets:  # one card a page, for a print shop
        copies = f"{result.tables} exemplaire{'s' if result.tables > 1 else ''}"
        return f"Cartes : {tables}, à commander en {copies} de chaque carte."
    sheets = f"{result.card_sheets} feuille{'s' if result.card_sheets > 1 else ''}"
    return f"Cartes : {tables}, {sheets} de cartes."


def _run_batch(files: list[Path], quiet: bool, options: dict) -> None:
    """Each kit in its own process; each kit's result as it comes; exit 1 if any failed."""
    from .batch import build_many

    started = time.perf_counter()
    failed = kept = 0
    for outcome in build_many(files, **options):
        name = shown_path(outcome.territory)
        if outcome.ok:
            if not quiet:
                where = shown_path(outcome.kit_dir)
                kept += outcome.up_to_date
                done = "kit à jour" if outcome.up_to_date else "kit écrit"
                click.echo(
                    f"✓ {name} : {done} dans {where}/ ({outcome.pdfs} PDF, "
                    f"{outcome.pages} pages), en {_seconds(outcome.seconds)}."
                )
            for message in outcome.messages:
                click.echo(f"  {message}", err=True)
            continue
        failed += 1
        plural = "s" if outcome.problems > 1 else ""
        click.echo(f"✗ {name} : {outcome.problems} problème{plural} à corriger", err=True)
        for message in outcome.messages:
            click.echo(message, err=True)
    if failed:
        raise BatchFailed(failed, len(files))
    if not quiet:
        elapsed = _seconds(time.perf_counter() - started)
        fresh = f" ({kept} déjà à jour)" if 0 < kept < len(files) else ""
        done = "à jour" if kept == len(files) else "construits"
        click.echo(f"{len(files)} kits {done}{fresh}, en {elapsed}.")


def _step_printer(quiet: bool):
    if quiet or not sys.stderr.isatty():
        return lambda step: None
    return lambda step: click.echo(f"• {step}…", err=True)


def shown_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _seconds(value: float) -> str:
    return f"{value:.1f} s".replace(".", ",")
