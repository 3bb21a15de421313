"""The build pipeline, top to bottom: load, validate, model, layout, render, write."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from . import __version__
from .assemble import (
    board_outputs,
    calibration_outputs,
    card_outputs,
    combined,
    print_shop_ready,
)
from .booklet_content import booklet_variables, credits, game_title, rendered_booklet
from .checks import validate_sources
from .deck import compose_deck
from .errors import InputErrors, PreflightError, Problem
from .layout.board import plan_board
from .layout.plan import plan_cards
from .model import Kit, make_kit
from .profile import parse_offset
from .render.booklet import render_booklet
from .render.inks import Inks
from .sources import DEFAULT_PROFILE, load_sources
from .territory import playable_scenarios
from .write import Output, manifest, slug, write_kit

Report = Callable[[str], None]
MAX_TABLES = 20  # 160 players at most: beyond, a workshop needs several facilitators' kits


@dataclass(frozen=True)
class BuildResult:
    kit_dir: Path
    outputs: tuple[Output, ...]
    seconds: float
    warnings: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()  # what was left out on purpose, e.g. a scenario
    tables: int = 1  # card sets printed, one per table
    card_sheets: int = 0  # sheets of paper for the cards (each printed on both sides, or folded)


def build(
    project: Path,
    territory: Path | None = None,
    output_root: Path | None = None,
    profile: str = DEFAULT_PROFILE,
    report: Report = lambda step: None,
    preview: bool = False,
    back_offset: str | None = None,
    tables: int | str = 1,  # as typed after --tables
) -> BuildResult:
    started = time.perf_counter()
    tables = workshop_tables(tables)
    report("Lecture des fichiers")
    sources = load_sources(project, territory, profile)
    report("Vérification des données")
    validate_sources(sources)
    kit = _with_back_offset(make_kit(sources), back_offset)
    kit, notices = playable_scenarios(kit, sources.territory.file)
    deck = compose_deck(kit, sources)
    report("Mise en page")
    cards_plan = plan_cards(kit, deck, tables)
    board_plan = plan_board(kit)
    inks = Inks(kit.profile.icc_profile)
    title, name = game_title(), slug(kit.territory["nom_court"])
    report("Dessin des cartes")
    outputs = card_outputs(kit, deck, cards_plan, title, inks, name)
    report("Dessin du plateau")
    outputs += board_outputs(kit, board_plan, title, inks, name)
    report("Rédaction du livret")
    content = rendered_booklet(booklet_variables(kit, deck, cards_plan, tables))
    booklet, pages = render_booklet(
        kit, content, credits(kit), kit.axes, kit.profile.booklet_sheet, inks
    )
    booklet_bleed = 0.0 if kit.profile.page_boxes else None
    outputs.append(Output(f"{name}-livret.pdf", "livret", pages, booklet, booklet_bleed))
    outputs += calibration_outputs(kit, title, inks, name)
    outputs = print_shop_ready(outputs, kit, title)
    if kit.profile.imposition != "carte":  # a print shop gets each file on its own
        whole_kit = f"{title} — {kit.territory['nom']}"
        outputs.append(combined(outputs, f"{name}-kit-complet.pdf", whole_kit))
    if preview:
        report("Aperçu")
        cards = [o.data for o in outputs if o.component == "cartes"]
        board = next(o.data for o in outputs if o.component == "plateau")
        from .preview import contact_sheet  # pypdfium2 only when asked for

        png = contact_sheet(cards, cards_plan, deck, board)
        outputs.append(Output(f"{name}-apercu.png", "apercu", 1, png))
    report("Écriture et contrôle des fichiers")
    folder = name if kit.profile.name == DEFAULT_PROFILE else f"{name}-{kit.profile.name}"
    kit_dir = (output_root or project / "output") / folder  # one folder per profile
    if kit.profile.digital is not None:
        report("Images, Tabletop Simulator et diapositives")
        from .digital.outputs import digital_outputs  # pypdfium2 only for this profile

        outputs += digital_outputs(kit, deck, cards_plan, outputs, title, name, kit_dir)
        from .digital.gallery import gallery_output

        outputs.append(gallery_output(kit, deck, outputs))  # index.html, linking all the above
    listing = manifest(outputs, kit.profile, kit.territory["nom"], __version__, tables)
    merged = frozenset(o.path for o in outputs if o.component == "kit-complet")
    write_kit(outputs, kit_dir, listing, verify=lambda staged: preflight_or_fail(staged, merged))
    return BuildResult(
        kit_dir,
        tuple(outputs),
        time.perf_counter() - started,
        cards_plan.warnings,
        tuple(notices),
        tables,
        cards_plan.paper_sheets,
    )


def preflight_or_fail(kit_dir: Path, skip: frozenset[str] = frozenset()) -> None:
    """The kit's own preflight (`makekit check`): a kit that fails it is not delivered."""
    from .preflight import ERROR, check_kit  # pdfminer is loaded only once a kit is written

    findings = check_kit(kit_dir, skip)
    errors = [f for f in findings if f.level == ERROR]
    if errors:
        raise PreflightError(errors)


def workshop_tables(value: int | str) -> int:
    """``--tables N``: a whole number of tables, 1 to MAX_TABLES."""
    try:
        count = int(str(value).strip())
    except ValueError:
        count = 0
    if not 1 <= count <= MAX_TABLES:
        message = f"« {value} » : indiquez un nombre entier de tables, de 1 à {MAX_TABLES}"
        raise InputErrors([Problem("--tables", 0, "", message)])
    return count


def _with_back_offset(kit: Kit, back_offset: str | None) -> Kit:
    """``--back-offset X,Y`` replaces the profile's own offset."""
    if back_offset is None:
        return kit
    try:
        offset = parse_offset(back_offset)
    except ValueError:
        message = f"« {back_offset} » : écrivez « X,Y » en millimètres, par exemple « 1.5,-0.5 »"
        raise InputErrors([Problem("--back-offset", 0, "", message)]) from None
    return replace(kit, profile=replace(kit.profile, back_offset=offset))
