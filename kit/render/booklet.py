"""The rules booklet: an A4 PDF built with platypus from kit/content/livret.yaml."""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import partial
from typing import Any

from reportlab.platypus import PageBreak, PageTemplate, Spacer

from ..fonts import BOLD, check_glyphs
from ..layout.geometry import Box
from ..layout.paragraphs import Paragraph
from ..units import mm
from .inks import Inks
from .pdf import RGB_INKS
from .prose import (
    a4_document,
    all_texts,
    build_document,
    escape,
    footer,
    section,
    styles,
    text_frame,
)
from .shapes import draw_number, draw_shape, draw_user_image


def render_booklet(
    kit, content: Mapping[str, Any], credits: list[str], axes, pagesize, inks: Inks = RGB_INKS
) -> tuple[bytes, int]:
    """``content`` is livret.yaml with its templates already rendered; returns (pdf, pages)."""
    style = styles()
    story: list = _cover(content, kit, style)
    for part in content["sections"]:
        story += section(part, style)
    story += _credits(credits, style)
    check_glyphs("livret", [content["titre"], content["sous_titre"], *all_texts(content), *credits])
    buffer = io.BytesIO()
    doc = a4_document(buffer, pagesize, f"{content['titre']} — règles du jeu", kit.territory["nom"])
    frame = text_frame(doc)
    running = footer(f"{content['titre']} · {kit.territory['nom_court']} · règles du jeu")
    cover = partial(_cover_art, axes=axes, logo=kit.logo)
    doc.addPageTemplates(
        [
            PageTemplate("couverture", [frame], onPage=cover),
            PageTemplate("texte", [frame], onPage=running),
        ]
    )
    pages = build_document(doc, story, inks)
    return buffer.getvalue(), pages


def _cover(content, kit, styles) -> list:
    from reportlab.platypus.doctemplate import NextPageTemplate

    return [
        NextPageTemplate("texte"),
        Spacer(1, mm(70)),
        Paragraph(content["titre"], styles["cover_title"]),
        Spacer(1, mm(6)),
        Paragraph(content["sous_titre"], styles["cover_sub"]),
        Spacer(1, mm(30)),
        Paragraph(f"<b>{escape(kit.territory['nom'])}</b>", styles["cover_sub"]),
        Spacer(1, mm(3)),
        Paragraph("Règles du jeu et guide d’impression", styles["cover_sub"]),
        PageBreak(),
    ]


def _cover_art(canvas, doc, axes, logo) -> None:
    if logo is not None:  # the territory's own logo, at the foot of the cover
        width = mm(70)
        draw_user_image(
            canvas, logo, Box((doc.pagesize[0] - width) / 2, mm(28), width, mm(32)), cover=False
        )
    canvas.saveState()
    size, gap = mm(22), mm(8)
    x = (doc.pagesize[0] - len(axes) * size - (len(axes) - 1) * gap) / 2
    for axis in axes:
        sign = Box(x, mm(210), size, size)
        draw_shape(canvas, axis.shape, sign, axis.colour)
        draw_number(canvas, axis.shape, sign, str(axis.number), "#FFFFFF", BOLD, 26)
        x += size + gap
    canvas.restoreState()


def _credits(credits: list[str], styles) -> list:
    flow: list = [Paragraph("Crédits", styles["h1"])]
    flow += [Paragraph(escape(line), styles["small"]) for line in credits]
    return flow
