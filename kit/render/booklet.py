"""The rules booklet: an A4 PDF built with platypus from kit/content/livret.yaml."""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import partial
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..fonts import BOLD, ITALIC, REGULAR, check_glyphs
from ..layout.geometry import Box
from ..typography import breakable_only_where_allowed
from ..typography import hyphenate as french_hyphenation
from ..units import mm
from .cards import tint
from .inks import Inks
from .pdf import RGB_INKS, new_canvas
from .shapes import draw_number, draw_shape

INK = "#1F2328"
ACCENT = "#2F3E56"


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "corps",
        fontName=REGULAR,
        fontSize=10.5,
        leading=14.5,
        textColor=INK,
        hyphenationLang=french_hyphenation,
        embeddedHyphenation=0,
        spaceAfter=mm(2.2),
    )
    return {
        "corps": base,
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=BOLD,
            fontSize=17,
            leading=21,
            textColor=ACCENT,
            spaceBefore=mm(5),
            spaceAfter=mm(3),
            hyphenationLang="",
            keepWithNext=1,
        ),
        "cell": ParagraphStyle(
            "cell", parent=base, fontSize=9.5, leading=12.5, spaceAfter=0, hyphenationLang=""
        ),
        "cellhead": ParagraphStyle(
            "cellhead",
            parent=base,
            fontName=BOLD,
            fontSize=9.5,
            leading=12.5,
            textColor="#FFFFFF",
            spaceAfter=0,
        ),
        "encadre": ParagraphStyle("encadre", parent=base, fontName=ITALIC, spaceAfter=0),
        "cover_title": ParagraphStyle(
            "ct",
            parent=base,
            fontName=BOLD,
            fontSize=44,
            leading=50,
            alignment=TA_CENTER,
            textColor=ACCENT,
            hyphenationLang="",
        ),
        "cover_sub": ParagraphStyle(
            "cs", parent=base, fontSize=17, leading=22, alignment=TA_CENTER, hyphenationLang=""
        ),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11.5),
    }


def render_booklet(
    kit, content: Mapping[str, Any], credits: list[str], axes, pagesize, inks: Inks = RGB_INKS
) -> tuple[bytes, int]:
    """``content`` is livret.yaml with its templates already rendered; returns (pdf, pages)."""
    styles = _styles()
    story: list = _cover(content, kit, styles)
    for section in content["sections"]:
        story += _section(section, styles)
    story += _credits(credits, styles)
    check_glyphs("livret", _all_texts(content) + credits)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=mm(20),
        rightMargin=mm(20),
        topMargin=mm(18),
        bottomMargin=mm(20),
        title=f"{content['titre']} — règles du jeu",
        author="makekit",
        creator="makekit",
        subject=kit.territory["nom"],
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="texte")
    footer = partial(
        _footer, title=f"{content['titre']} · {kit.territory['nom_court']} · règles du jeu"
    )
    cover = partial(_cover_art, axes=axes)
    doc.addPageTemplates(
        [
            PageTemplate("couverture", [frame], onPage=cover),
            PageTemplate("texte", [frame], onPage=footer),
        ]
    )
    maker = partial(
        _canvas_maker,
        title=f"{content['titre']} — règles du jeu",
        subject=kit.territory["nom"],
        inks=inks,
    )
    doc.build(story, canvasmaker=maker)
    return buffer.getvalue(), doc.page


def _canvas_maker(filename, pagesize=None, title="", subject="", inks=RGB_INKS, **_ignored):
    return new_canvas(filename, pagesize, title, subject, inks)


def _cover(content, kit, styles) -> list:
    from reportlab.platypus.doctemplate import NextPageTemplate

    return [
        NextPageTemplate("texte"),
        Spacer(1, mm(70)),
        Paragraph(content["titre"], styles["cover_title"]),
        Spacer(1, mm(6)),
        Paragraph(content["sous_titre"], styles["cover_sub"]),
        Spacer(1, mm(30)),
        Paragraph(f"<b>{kit.territory['nom']}</b>", styles["cover_sub"]),
        Spacer(1, mm(3)),
        Paragraph("Règles du jeu et guide d’impression", styles["cover_sub"]),
        PageBreak(),
    ]


def _cover_art(canvas, doc, axes) -> None:
    canvas.saveState()
    size, gap = mm(22), mm(8)
    x = (doc.pagesize[0] - len(axes) * size - (len(axes) - 1) * gap) / 2
    for axis in axes:
        sign = Box(x, mm(210), size, size)
        draw_shape(canvas, axis.shape, sign, axis.colour)
        draw_number(canvas, axis.shape, sign, str(axis.number), "#FFFFFF", BOLD, 26)
        x += size + gap
    canvas.restoreState()


def _footer(canvas, doc, title: str) -> None:
    canvas.saveState()
    canvas.setFont(REGULAR, 8.5)
    canvas.setFillColor("#6B7280")
    canvas.drawString(doc.leftMargin, mm(10), title)
    canvas.drawRightString(doc.pagesize[0] - doc.rightMargin, mm(10), str(doc.page))
    canvas.restoreState()


def _section(section, styles) -> list:
    flow = [Paragraph(_escape(section["titre"]), styles["h1"])]
    for block in section["blocs"]:
        flow.append(_block(block, styles))
    return flow


def _block(block: Mapping[str, Any], styles):
    kind, value = next(iter(block.items()))
    if kind == "paragraphe":
        return Paragraph(_escape(value), styles["corps"])
    if kind == "liste":
        items = [ListItem(Paragraph(_escape(v), styles["corps"]), leftIndent=mm(5)) for v in value]
        return ListFlowable(
            items, bulletType="bullet", start="•", leftIndent=mm(5), bulletFontName=REGULAR
        )
    if kind == "tableau":
        return _table(value, styles)
    if kind == "encadre":
        return _boxed(value, styles)
    raise ValueError(kind)


def _table(value, styles):
    rows = [[Paragraph(_escape(c), styles["cellhead"]) for c in value["colonnes"]]]
    rows += [[Paragraph(_escape(c), styles["cell"]) for c in line] for line in value["lignes"]]
    widths = _column_widths([value["colonnes"], *value["lignes"]], mm(170))
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), ["#FFFFFF", tint(ACCENT, 0.07)]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, "#D1D5DB"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return KeepTogether([table, Spacer(1, mm(3))]) if len(rows) < 12 else table


def _column_widths(rows: list[list[str]], total: float) -> list[float]:
    """Columns as wide as their longest text asks, within bounds, filling ``total``."""
    wants = [min(max(len(str(row[i])) for row in rows), 70) + 6 for i in range(len(rows[0]))]
    widths = [max(total * w / sum(wants), mm(20)) for w in wants]
    scale = total / sum(widths)
    return [w * scale for w in widths]


def _boxed(value: str, styles) -> KeepTogether:
    table = Table([[Paragraph(_escape(value), styles["encadre"])]], colWidths=[mm(170)])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BACKGROUND", (0, 0), (-1, -1), tint(ACCENT, 0.09)),
                ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return KeepTogether([Spacer(1, mm(1)), table, Spacer(1, mm(3))])


def _credits(credits: list[str], styles) -> list:
    flow: list = [Paragraph("Crédits", styles["h1"])]
    flow += [Paragraph(_escape(line), styles["small"]) for line in credits]
    return flow


def _escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(breakable_only_where_allowed(text)).replace("\n", "<br/>")


def _all_texts(content) -> list[str]:
    texts = [content["titre"], content["sous_titre"]]
    for section in content["sections"]:
        texts.append(section["titre"])
        for block in section["blocs"]:
            texts.append(str(next(iter(block.values()))))
    return texts
