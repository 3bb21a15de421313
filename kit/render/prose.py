"""Running text for the A4 documents (rules booklet, facilitator guide): styles, the blocks
of the content YAML files, the page footer and the document frame."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from functools import partial
from html import escape as xml_escape  # &, < and >, like xml.sax.saxutils (lighter)
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    Spacer,
    Table,
    TableStyle,
)

from ..fonts import BOLD, ITALIC, REGULAR
from ..layout.paragraphs import Paragraph
from ..typography import breakable_only_where_allowed
from ..typography import hyphenate as french_hyphenation
from ..units import mm
from .cards import tint
from .inks import Inks
from .pdf import RGB_INKS, new_canvas

INK = "#1F2328"
ACCENT = "#2F3E56"
TEXT_WIDTH = mm(170)  # A4 (and Letter) less the 20 mm side margins


def styles() -> dict[str, ParagraphStyle]:
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


def a4_document(buffer: io.BytesIO, pagesize, title: str, subject: str) -> BaseDocTemplate:
    return BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=mm(20),
        rightMargin=mm(20),
        topMargin=mm(18),
        bottomMargin=mm(20),
        title=title,
        author="makekit",
        creator="makekit",
        subject=subject,
    )


def text_frame(doc: BaseDocTemplate) -> Frame:
    return Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="texte")


def build_document(doc: BaseDocTemplate, story: list, inks: Inks = RGB_INKS) -> int:
    """Flow ``story`` on our canvas (embedded fonts, the profile's inks); returns the pages."""
    maker = partial(_canvas_maker, title=doc.title, subject=doc.subject, inks=inks)
    doc.build(story, canvasmaker=maker)
    return doc.page


def _canvas_maker(filename, pagesize=None, title="", subject="", inks=RGB_INKS, **_ignored):
    return new_canvas(filename, pagesize, title, subject, inks)


def footer(title: str) -> Callable:
    """The page furniture: the document's name on the left, the page number on the right."""
    return partial(_footer, title=title)


def _footer(canvas, doc, title: str) -> None:
    canvas.saveState()
    canvas.setFont(REGULAR, 8.5)
    canvas.setFillColor("#6B7280")
    canvas.drawString(doc.leftMargin, mm(10), title)
    canvas.drawRightString(doc.pagesize[0] - doc.rightMargin, mm(10), str(doc.page))
    canvas.restoreState()


def section(section: Mapping[str, Any], styles: dict[str, ParagraphStyle], extra=None) -> list:
    """A section's title and blocks; ``extra`` draws the block kinds only one document has."""
    flow = [Paragraph(escape(section["titre"]), styles["h1"])]
    for block in section["blocs"]:
        flow.append(_block(block, styles, extra))
    return flow


def _block(block: Mapping[str, Any], styles, extra):
    kind, value = next(iter(block.items()))
    if kind == "paragraphe":
        return Paragraph(escape(value), styles["corps"])
    if kind == "liste":
        return bullets(value, styles["corps"])
    if kind == "tableau":
        return table(value, styles)
    if kind == "encadre":
        return boxed(value, styles)
    if extra is not None:
        return extra(kind, value, styles)
    raise ValueError(kind)


def bullets(items: list[str], style: ParagraphStyle) -> ListFlowable:
    entries = [ListItem(Paragraph(escape(v), style), leftIndent=mm(5)) for v in items]
    return ListFlowable(
        entries, bulletType="bullet", start="•", leftIndent=mm(5), bulletFontName=REGULAR
    )


def table(value, styles):
    rows = [[Paragraph(escape(c), styles["cellhead"]) for c in value["colonnes"]]]
    rows += [[Paragraph(escape(c), styles["cell"]) for c in line] for line in value["lignes"]]
    widths = _column_widths([value["colonnes"], *value["lignes"]], TEXT_WIDTH)
    flowable = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    flowable.setStyle(TableStyle(TABLE_STYLE))
    return KeepTogether([flowable, Spacer(1, mm(3))]) if len(rows) < 12 else flowable


TABLE_STYLE = [
    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
    ("ROWBACKGROUNDS", (0, 1), (-1, -1), ["#FFFFFF", tint(ACCENT, 0.07)]),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LINEBELOW", (0, 0), (-1, -1), 0.4, "#D1D5DB"),
    ("TOPPADDING", (0, 0), (-1, -1), 4),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
]


def _column_widths(rows: list[list[str]], total: float) -> list[float]:
    """Columns as wide as their longest text asks, within bounds, filling ``total``."""
    wants = [min(max(len(str(row[i])) for row in rows), 70) + 6 for i in range(len(rows[0]))]
    widths = [max(total * w / sum(wants), mm(20)) for w in wants]
    scale = total / sum(widths)
    return [w * scale for w in widths]


def boxed(value: str, styles) -> KeepTogether:
    flowable = Table([[Paragraph(escape(value), styles["encadre"])]], colWidths=[TEXT_WIDTH])
    flowable.setStyle(
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
    return KeepTogether([Spacer(1, mm(1)), flowable, Spacer(1, mm(3))])


def escape(text: str) -> str:
    return xml_escape(breakable_only_where_allowed(text), quote=False).replace("\n", "<br/>")


def all_texts(content: Mapping[str, Any]) -> list[str]:
    """Every text of a content file, for the glyph check."""
    texts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(content)
    return texts
