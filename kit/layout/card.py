"""The geometry of one card: trim, bleed and safe boxes, the zones of a face, fitted text."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape  # not xml.sax.saxutils: it loads urllib, http and ssl

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from ..errors import CardError
from ..fonts import BOLD, ITALIC, REGULAR, register_fonts
from ..model import Family
from ..typography import breakable_only_where_allowed
from ..typography import hyphenate as french_hyphenation
from ..units import mm, to_mm
from .geometry import Box
from .paragraphs import Paragraph

TEXT_DARK = "#1F2328"
TOP_RATIO = {"axe": 0.25, "balise": 0.33, "scenario": 0.36, "role": 0.33}  # strip + illustration
STRIP_H = mm(10)
FOOTER_H = mm(6)
BOX_PADDING = mm(2.2)
STEP = 0.25  # pt: precision of the shrink-to-fit search


@dataclass(frozen=True)
class CardBoxes:
    trim: Box
    bleed: Box
    safe: Box
    strip: Box  # the coloured header strip, running into the bleed
    family_icon: Box  # the family's pictogram, in the strip
    header: Box  # the family line, in the strip
    badge: Box  # the shape carrying the card's number
    illustration: Box  # under the strip, running into the bleed
    pictogram: Box  # the card's own pictogram, on a disc over the illustration
    text: Box  # title, body and boxed text, stacked
    footer: Box


@dataclass(frozen=True)
class FittedText:
    """Paragraphs ready to draw from the top of the text box, and the scale that made them fit."""

    title: Paragraph | None
    body: Paragraph | None
    boxed: Paragraph | None
    scale: float
    gap: float

    def parts(self) -> list[tuple[str, Paragraph]]:
        named = (("titre", self.title), ("corps", self.body), ("encadre", self.boxed))
        return [(name, p) for name, p in named if p is not None]


def card_boxes(family: Family, bleed: float) -> CardBoxes:
    trim = Box(0, 0, family.width, family.height)
    safe = trim.inset(family.safe_margin)
    top_h = trim.h * TOP_RATIO[family.name]
    strip_h = max(STRIP_H, trim.top - safe.top + mm(6))
    strip = Box(-bleed, trim.top - strip_h, trim.w + 2 * bleed, strip_h + bleed)
    illustration = Box(-bleed, trim.top - top_h, trim.w + 2 * bleed, top_h - strip_h)
    line_h = safe.top - strip.y  # the part of the strip inside the safe zone
    icon = mm(5)
    family_icon = Box(safe.x, strip.y + (line_h - icon) / 2, icon, icon)
    badge_size = mm(11)
    badge = Box(safe.right - badge_size, safe.top - badge_size, badge_size, badge_size)
    header = Box(family_icon.right + mm(1.5), strip.y, badge.x - family_icon.right - mm(3), line_h)
    disc = min(mm(15), illustration.h * 0.6)
    pictogram = Box(safe.x, illustration.y + mm(2.5), disc, disc)
    footer = Box(safe.x, safe.y, safe.w, FOOTER_H)
    text_top = illustration.y - mm(3.5)
    text = Box(safe.x, footer.top + mm(1.5), safe.w, text_top - footer.top - mm(1.5))
    return CardBoxes(
        trim,
        trim.expand(bleed),
        safe,
        strip,
        family_icon,
        header,
        badge,
        illustration,
        pictogram,
        text,
        footer,
    )


def paragraph(
    text: str,
    font: str,
    size: float,
    colour: str = TEXT_DARK,
    align: int = TA_LEFT,
    leading: float = 1.18,
    hyphenate: bool = True,
    no_widow: bool = True,
) -> Paragraph:
    register_fonts()
    style = ParagraphStyle(
        name=f"{font}-{size}",
        fontName=font,
        fontSize=size,
        leading=size * leading,
        textColor=colour,
        alignment=align,
        hyphenationLang=french_hyphenation if hyphenate else "",
        embeddedHyphenation=0,  # never break "faites-vous" at its hyphen
        uriWasteReduce=0.3,
        splitLongWords=0,
    )
    prepared = breakable_only_where_allowed(text, tie_last_words=no_widow)
    return Paragraph(escape(prepared, quote=False).replace("\n", "<br/>"), style)


def fit_text(
    family: Family, texts: dict[str, str], box: Box, colour: str, label: str, at_most: float = 1.0
) -> FittedText:
    """The largest scale (≤ ``at_most`` ≤ 1) at which title, body and boxed text fit; fail
    below the minimum. Each paragraph tried is kept if it fits: most cards fit at full size,
    wrapped once. The search takes the same steps whatever ``at_most`` (the same scale as a
    search up to 1 would find), but tries none above it: fitting is not always monotonic
    (a line may overrun at one size and not at a larger one), and the caller, fitting a
    family, takes nothing larger."""
    fitted = text_at_scale(family, texts, box.w, at_most, colour)
    if _height(fitted, box.w) <= box.h:
        return fitted
    low, high = family.min_size / family.body_size, 1.0
    fitted = text_at_scale(family, texts, box.w, low, colour)
    if (height := _height(fitted, box.w)) > box.h:
        raise CardError(
            label,
            f"le texte ne tient pas sur la carte, même en {family.min_size:.1f} pt "
            f"(il dépasse de {to_mm(height - box.h):.1f} mm) : raccourcissez-le",
        )
    while (high - low) * family.body_size > STEP:
        middle = (low + high) / 2
        if middle > at_most:
            high = middle
            continue
        candidate = text_at_scale(family, texts, box.w, middle, colour)
        if _height(candidate, box.w) <= box.h:
            low, fitted = middle, candidate
        else:
            high = middle
    return fitted


def text_at_scale(
    family: Family, texts: dict[str, str], width: float, scale: float, colour: str
) -> FittedText:
    title = body = boxed = None
    if texts.get("titre"):
        title = paragraph(
            texts["titre"], BOLD, family.title_size * scale, colour, leading=1.12, hyphenate=False
        )
    if texts.get("corps"):
        body = paragraph(texts["corps"], REGULAR, family.body_size * scale)
    if texts.get("encadre"):
        boxed = paragraph(texts["encadre"], ITALIC, family.body_size * scale, align=TA_LEFT)
    return FittedText(title, body, boxed, scale, mm(2.2) * max(scale, 0.7))


def _height(fitted: FittedText, width: float) -> float:
    """The height the texts take, or infinity when a word is wider than the line."""
    total = 0.0
    for name, para in fitted.parts():
        inner = width - 2 * BOX_PADDING if name == "encadre" else width
        total += para.wrap(inner, 10_000)[1] + (2 * BOX_PADDING if name == "encadre" else 0)
        # reportlab may let a line run up to ~0.7 pt past the frame after a hyphenated
        # break; 1 pt (0.35 mm, well inside the safe margin) is tolerated, no more.
        if max(para.getActualLineWidths0(), default=0) > inner + 1.0:
            return float("inf")
    return total + fitted.gap * max(len(fitted.parts()) - 1, 0)


def centred(text: str, font: str, size: float, colour: str) -> Paragraph:
    return paragraph(text, font, size, colour, align=TA_CENTER)
