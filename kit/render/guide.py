"""The facilitator guide: an A4 PDF built with platypus from kit/content/guide.yaml."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..fonts import ITALIC, check_glyphs
from ..guide_content import Phase, Script, Step, clock, script
from ..layout.paragraphs import Paragraph
from ..typography import french
from ..units import mm
from .cards import tint
from .inks import Inks
from .pdf import RGB_INKS
from .prose import (
    ACCENT,
    TABLE_STYLE,
    TEXT_WIDTH,
    a4_document,
    all_texts,
    build_document,
    escape,
    footer,
    section,
    styles,
    text_frame,
)

COLUMNS = ("Temps", "Ce qui se passe", "Ce que vous dites")
WIDTHS = (mm(19), mm(63), TEXT_WIDTH - mm(82))


def render_guide(
    kit, content: Mapping[str, Any], game: str, pagesize, inks: Inks = RGB_INKS
) -> tuple[bytes, int]:
    """``content`` is guide.yaml with its templates already rendered; returns (pdf, pages)."""
    style = _guide_styles()
    story: list = _title(content, game, kit.territory["nom"], style)
    for part in content["sections"]:
        if any("deroule" in block for block in part["blocs"]):
            story.append(PageBreak())  # a script starts a page: it can be printed on its own
        story += _kept_with_headings(section(part, style, _extra_block), style["h2"])
    check_glyphs("guide d’animation", all_texts(content))
    buffer = io.BytesIO()
    title = f"{game} — {content['titre'].lower()}"
    doc = a4_document(buffer, pagesize, title, kit.territory["nom"])
    running = footer(f"{game} · {kit.territory['nom_court']} · guide d’animation")
    doc.addPageTemplates([PageTemplate("texte", [text_frame(doc)], onPage=running)])
    pages = build_document(doc, story, inks)
    return buffer.getvalue(), pages


def _guide_styles() -> dict[str, ParagraphStyle]:
    style = styles()
    style["h2"] = style["h1"].clone(
        "h2", fontSize=12.5, leading=16, spaceBefore=mm(3), spaceAfter=mm(1.5)
    )
    style["say"] = ParagraphStyle("say", parent=style["cell"], fontName=ITALIC)
    style["phase"] = ParagraphStyle("phase", parent=style["cell"], fontSize=10.5, leading=13)
    return style


def _title(content, game: str, territory: str, style) -> list:
    return [
        Paragraph(escape(game), style["h2"]),
        Paragraph(escape(content["titre"]), style["cover_title"].clone("t", alignment=0)),
        Paragraph(escape(content["sous_titre"]), style["corps"].clone("s", fontSize=13)),
        Paragraph(f"<b>{escape(territory)}</b>", style["corps"].clone("s", fontSize=13)),
        Spacer(1, mm(2)),
    ]


def _kept_with_headings(flow: list, heading: ParagraphStyle) -> list:
    """A second-level title stays on the page of the block it introduces."""
    kept: list = []
    for item in flow:
        if kept and getattr(kept[-1], "style", None) is heading:
            inner = item._content if isinstance(item, KeepTogether) else [item]
            kept[-1] = KeepTogether([kept[-1], *inner])
        else:
            kept.append(item)
    return kept


def _extra_block(kind: str, value, style):
    if kind == "intertitre":
        return Paragraph(escape(value), style["h2"])
    if kind == "deroule":
        return _script_table(script(value), style)
    raise ValueError(kind)


def _script_table(model: Script, style) -> Table:
    """One row per step under a row per phase; the column heads repeat on every page and a
    phase's title never ends a page."""
    rows: list[list] = [[Paragraph(c, style["cellhead"]) for c in COLUMNS]]
    commands = [
        *TABLE_STYLE,
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), ["#FFFFFF"]),
        ("TOPPADDING", (0, 1), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 3.5),
    ]
    for phase in model.phases:
        at = len(rows)
        rows.append([Paragraph(_phase_heading(phase), style["phase"]), "", ""])
        rows += [_step_row(step, style) for step in phase.steps]
        commands += [
            ("SPAN", (0, at), (-1, at)),
            ("BACKGROUND", (0, at), (-1, at), tint(ACCENT, 0.16)),
            ("NOSPLIT", (0, at), (-1, at + 1)),
        ]
    table = Table(rows, colWidths=WIDTHS, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _phase_heading(phase: Phase) -> str:
    end = phase.start + phase.minutes
    span = f"{phase.minutes} min · de {clock(phase.start)} à {clock(end)}"
    return f"<b>{escape(phase.title)}</b> · {escape(french(span))}"


def _step_row(step: Step, style) -> list:
    return [
        Paragraph(f"<b>{clock(step.start)}</b><br/>{step.minutes}\u00a0min", style["cell"]),
        Paragraph(f"<b>{escape(step.name)}</b><br/>{escape(step.what)}", style["cell"]),
        Paragraph(escape(french(f"« {step.say} »")), style["say"]),
    ]
