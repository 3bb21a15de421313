"""The build pipeline, top to bottom: load, validate, model, layout, render, write."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .cache import build_key, cache_root, kept_kit, remember_kit
from .write import Output

Report = Callable[[str], None]
DEFAULT_PROFILE = "a4-recto-verso"  # kit.sources.DEFAULT_PROFILE, without loading YAML readers
NOT_IN_KEY = ("project", "output_root", "report", "cache")  # build() arguments that do not
# change the kit; every other one (and any added later) is part of the cache key


@dataclass(frozen=True)
class BuildResult:
    kit_dir: Path
    outputs: tuple[Output, ...]
    seconds: float
    warnings: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()  # what was left out on purpose, e.g. a scenario
    tables: int = 1  # card sets printed, one per table
    card_sheets: int = 0  # sheets of paper for the cards (each printed on both sides, or folded)
    up_to_date: bool = False  # nothing changed since the last build: the kit was kept as it is
    reused: tuple[str, ...] = ()  # outputs taken from the cache rather than drawn again


def build(
    project: Path,
    territory: Path | None = None,
    output_root: Path | None = None,
    profile: str = DEFAULT_PROFILE,
    report: Report = lambda step: None,
    preview: bool = False,
    back_offset: str | None = None,
    tables: int | str = 1,  # as typed after --tables
    cache: bool = True,  # False: `--sans-cache`, everything drawn again
) -> BuildResult:
    options = {k: v for k, v in locals().items() if k not in NOT_IN_KEY}  # the arguments only
    started = time.perf_counter()
    key = build_key(project, output_root, options)
    if cache and (kept := kept_result(project, output_root, key, started)) is not None:
        return kept
    from .processes import cycle_collection_paused, forks_stopped_on_failure

    # a failed build leaves no process running, no folder
    with forks_stopped_on_failure(), cycle_collection_paused():
        return _built(project, output_root, report, cache, key, started, **options)


def _built(
    project: Path,
    output_root: Path | None,
    report: Report,
    cache: bool,
    key: str,
    started: float,
    *,
    territory: Path | None,
    profile: str,
    preview: bool,
    back_offset: str | None,
    tables: int | str,
) -> BuildResult:
    """The kit built, stage by stage, and written (``build()`` without the cache check)."""
    from .companion import BOARD_CHECK, Companion
    from .stages import checked_sources, merged_kit, preflight_or_fail, read_sources

    # On the other core, meanwhile: the files read and checked against their schemas (the
    # main process builds from what it read), and the preflight's libraries imported.
    companion = Companion(lambda: checked_sources(project, territory, profile))
    # The whole pipeline, imported only once we know the kit must be built.
    from .art.ahead import PicturesAhead
    from .art.replay import art_cache
    from .assemble import (
        board_outputs,
        calibration_outputs,
        card_outputs,
        facilitator_outputs,
        print_shop_ready,
    )
    from .blank_cards import with_blank_cards
    from .booklet_content import booklet_variables, credits, game_title, rendered_booklet
    from .deck import compose_deck, untexted_deck
    from .draw_ahead import DrawAhead
    from .layout.board import plan_board
    from .layout.plan import card_documents, family_boxes, plan_cards
    from .model import make_kit
    from .options import with_back_offset, workshop_tables
    from .preflight_ahead import PreflightAhead
    from .render.cards import icons_to_draw, pictures_to_draw
    from .render.inks import Inks
    from .render.shapes import prepare_icons
    from .store import OutputStore, PreflightMemory
    from .templates import load_french_data
    from .territory import logo_warnings, playable_scenarios
    from .units import to_mm
    from .views import drawing_view
    from .write import manifest, slug, write_kit

    store = OutputStore(cache_root(project, output_root) if cache else None)
    tables = workshop_tables(tables)
    sources = read_sources(companion, report, project, territory, profile)  # validated
    kit = with_back_offset(make_kit(sources), back_offset)
    kit, notices = playable_scenarios(kit, sources.territory.file)
    inks = Inks(kit.profile.icc_profile)
    art = store.root and store.root / "art"  # each card's picture composed once
    untexted = with_blank_cards(untexted_deck(kit), kit)  # the cards, but for their texts
    pictures = PicturesAhead(art, pictures_to_draw(untexted.fronts, family_boxes(kit)), inks)
    report("Mise en page")
    board_plan = plan_board(kit)
    board_scale = kit.profile.board_sheet[0] / board_plan.page.w  # as the board is drawn
    logo = logo_warnings(kit, to_mm(board_plan.legend_box.w), board_scale, sources.territory)
    title, name = game_title(), slug(kit.territory["nom_court"])
    view = drawing_view(kit)  # all the board, booklet and calibration may read of the kit

    def ready(outputs: list[Output]) -> list[Output]:
        return print_shop_ready(outputs, kit, title)

    def booklet() -> list[Output]:
        from .render.booklet import render_booklet  # in the board's fork, usually

        content = rendered_booklet(variables)
        data, pages = render_booklet(
            view, content, credits(kit), view.axes, kit.profile.booklet_sheet, inks
        )
        bleed = 0.0 if kit.profile.page_boxes else None
        return ready([Output(f"{name}-livret.pdf", "livret", pages, data, bleed)])

    documents = card_documents(kit, untexted, tables)
    variables = booklet_variables(kit, untexted, documents, tables)  # the texts say these
    load_french_data()  # what both processes need, made before the fork: shared
    prepare_icons(icons_to_draw(untexted), inks)
    rest = DrawAhead(store)  # drawn on the other core while the cards draw
    rest.add(
        "plateau",
        (view, board_plan, title, name),
        lambda: ready(board_outputs(view, board_plan, title, inks, name)),
    )
    rest.add("livret", (view, variables, credits(kit), name), booklet)
    rest.add(
        "animation",
        (view, variables, tables, name),
        lambda: ready(facilitator_outputs(view, guide(variables), title, inks, name, tables)),
    )
    rest.add(
        "calibrage",
        (view.profile, title, name),
        lambda: ready(calibration_outputs(view, title, inks, name)),
    )
    memory = PreflightMemory(store.root)
    rest.start(
        memory,
        lambda drawn: manifest(drawn, kit.profile, kit.territory["nom"], __version__, tables),
        companion,
    )
    companion.release(BOARD_CHECK)  # the board's fork asks on it, if it was started
    deck = with_blank_cards(compose_deck(kit, sources), kit)  # meanwhile, the board...
    cards_plan = plan_cards(kit, deck, tables)
    report("Dessin des cartes")
    with art_cache(art):
        outputs = store.outputs(
            "cartes",
            (kit, deck, tables, title, name),  # the plan is made of these: not fingerprinted
            lambda: ready(card_outputs(kit, deck, cards_plan, title, inks, name)),
        )
    pictures.stop()
    ahead = PreflightAhead(companion)
    cards_listing = manifest(outputs, kit.profile, kit.territory["nom"], __version__, tables)
    if not memory.passed(cards_listing) >= {o.path for o in outputs}:
        ahead.start(outputs, cards_listing, memory.glyphs)  # on the other core, meanwhile
    report("Dessin du plateau")
    outputs += rest.outputs("plateau")
    report("Rédaction du livret")
    for part in ("livret", "animation", "calibrage"):
        outputs += rest.outputs(part)
    rest.finish(ahead)
    if kit.profile.imposition != "carte":  # a print shop gets each file on its own
        whole_kit = f"{title} — {kit.territory['nom']}"
        parts = [(o.path, o.component, o.data) for o in outputs]
        outputs += store.outputs(
            "kit-complet",
            (parts, name, whole_kit),
            lambda: [merged_kit(companion, outputs, f"{name}-kit-complet.pdf", whole_kit)],
        )
    if preview:
        report("Aperçu")
        cards = [o.data for o in outputs if o.component == "cartes"]
        board = next(o.data for o in outputs if o.component == "plateau")
        from .preview import contact_sheet  # pypdfium2 only when asked for

        outputs += store.outputs(
            "apercu",
            (cards, board, kit, deck, tables, name),
            lambda: [
                Output(
                    f"{name}-apercu.png", "apercu", 1, contact_sheet(cards, cards_plan, deck, board)
                )
            ],
        )
    report("Écriture et contrôle des fichiers")
    folder = name if kit.profile.name == DEFAULT_PROFILE else f"{name}-{kit.profile.name}"
    kit_dir = (output_root or project / "output") / folder  # one folder per profile
    if kit.profile.digital is not None:
        report("Images, Tabletop Simulator et diapositives")
        from .digital.outputs import digital_outputs  # pypdfium2 only for this profile

        board = next(o.data for o in outputs if o.component == "plateau")
        outputs += store.outputs(
            "numerique",  # images, TTS and slides: one of each card, whatever the tables
            (kit, deck, title, name, str(kit_dir.resolve()), board),
            lambda: digital_outputs(kit, deck, cards_plan, outputs, title, name, kit_dir),
        )
        from .digital.gallery import gallery_output

        outputs.append(gallery_output(kit, deck, outputs))  # index.html, linking all the above
    listing = manifest(outputs, kit.profile, kit.territory["nom"], __version__, tables, key)
    merged = frozenset(o.path for o in outputs if o.component == "kit-complet")
    write_kit(
        outputs, kit_dir, listing, lambda staged: preflight_or_fail(staged, merged, memory, ahead)
    )
    companion.finish()
    result = BuildResult(
        kit_dir,
        tuple(outputs),
        time.perf_counter() - started,
        cards_plan.warnings + tuple(logo),
        tuple(notices),
        tables,
        cards_plan.paper_sheets,
        reused=tuple(store.reused),
    )
    if cache:
        remember_result(project, output_root, key, result)
        store.prune()
    return result


def guide(variables: dict) -> dict:
    """The facilitator's guide's texts (rendered in the board's fork, usually)."""
    from .guide_content import rendered_guide

    return rendered_guide(variables)


def kept_result(
    project: Path, output_root: Path | None, key: str, started: float
) -> BuildResult | None:
    """The kit built last time with the same key, if it is still intact in its folder."""
    kept = kept_kit(project, output_root, key)
    if kept is None:
        return None
    kit_dir, outputs, reported = kept
    fields = {f.name: f.type for f in dataclasses.fields(BuildResult)}
    same = {k: tuple(v) if isinstance(v, list) else v for k, v in reported.items() if k in fields}
    seconds = time.perf_counter() - started
    return BuildResult(kit_dir, tuple(outputs), seconds, **same, up_to_date=True)


def remember_result(project: Path, output_root: Path | None, key: str, result: BuildResult) -> None:
    reported = {
        f.name: getattr(result, f.name)
        for f in dataclasses.fields(result)
        if f.name not in ("kit_dir", "outputs", "seconds", "up_to_date", "reused")
    }
    remember_kit(project, output_root, key, result.kit_dir, reported)
