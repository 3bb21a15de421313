"""The build pipeline, top to bottom: load, validate, model, layout, render, write."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfWriter

from . import __version__
from .booklet_content import booklet_variables, credits, game_title, rendered_booklet
from .checks import validate_sources
from .deck import compose_deck
from .layout.board import plan_board
from .layout.plan import plan_cards
from .model import make_kit
from .preview import contact_sheet
from .render.board import render_board
from .render.booklet import render_booklet
from .render.sheets import render_cards
from .sources import DEFAULT_PROFILE, load_sources
from .write import Output, manifest, slug, write_kit

Report = Callable[[str], None]


@dataclass(frozen=True)
class BuildResult:
    kit_dir: Path
    outputs: tuple[Output, ...]
    seconds: float
    warnings: tuple[str, ...] = ()


def build(
    project: Path,
    territory: Path | None = None,
    output_root: Path | None = None,
    profile: str = DEFAULT_PROFILE,
    report: Report = lambda step: None,
    preview: bool = False,
) -> BuildResult:
    started = time.perf_counter()
    report("Lecture des fichiers")
    sources = load_sources(project, territory, profile)
    report("Vérification des données")
    validate_sources(sources)
    kit = make_kit(sources)
    deck = compose_deck(kit, sources)
    report("Mise en page")
    cards_plan = plan_cards(kit, deck)
    board_plan = plan_board(kit)
    title = game_title()
    report("Dessin des cartes")
    cards_pdf = render_cards(kit, deck, cards_plan, title)
    report("Dessin du plateau")
    board_pdf = render_board(kit, board_plan, title)
    report("Rédaction du livret")
    content = rendered_booklet(booklet_variables(kit, deck, len(cards_plan.sheets)))
    booklet_pdf, booklet_pages = render_booklet(
        kit, content, credits(kit), kit.axes, kit.profile.booklet_sheet
    )
    name = slug(kit.territory["nom_court"])
    outputs = [
        Output(f"{name}-cartes.pdf", "cartes", len(cards_plan.sheets), cards_pdf),
        Output(f"{name}-plateau.pdf", "plateau", 1, board_pdf),
        Output(f"{name}-livret.pdf", "livret", booklet_pages, booklet_pdf),
    ]
    outputs.append(
        _combined(outputs, f"{name}-kit-complet.pdf", f"{title} — {kit.territory['nom']}")
    )
    if preview:
        report("Aperçu")
        outputs.append(
            Output(
                f"{name}-apercu.png", "apercu", 1, contact_sheet(cards_pdf, cards_plan, board_pdf)
            )
        )
    report("Écriture des fichiers")
    kit_dir = (output_root or project / "output") / name
    write_kit(
        outputs, kit_dir, manifest(outputs, kit.profile.name, kit.territory["nom"], __version__)
    )
    return BuildResult(kit_dir, tuple(outputs), time.perf_counter() - started, cards_plan.warnings)


def _combined(parts: list[Output], path: str, title: str) -> Output:
    """Booklet, board, then cards in one PDF, for sharing the whole kit as one file."""
    writer = PdfWriter()
    order = sorted(parts, key=lambda p: ("livret", "plateau", "cartes").index(p.component))
    for part in order:
        writer.append(io.BytesIO(part.data))
    writer.add_metadata({"/Title": title, "/Producer": f"makekit {__version__}"})
    writer._ID = None  # no random file identifier: same inputs, same bytes
    buffer = io.BytesIO()
    writer.write(buffer)
    return Output(path, "kit-complet", sum(p.pages for p in parts), buffer.getvalue())
