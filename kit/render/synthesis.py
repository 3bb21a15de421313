"""The synthesis sheet: one A4 page per table, where the table writes down its session."""

from __future__ import annotations

import io

from reportlab.pdfbase.pdfmetrics import stringWidth

from ..errors import MakekitError
from ..fonts import BOLD, ITALIC, REGULAR, check_glyphs
from ..layout.geometry import Box
from ..layout.synthesis import Grid, SynthesisPlan, plan_synthesis
from ..typography import french
from ..units import mm
from .cards import tint
from .inks import Inks
from .pdf import RGB_INKS, new_canvas
from .prose import ACCENT, INK
from .shapes import draw_number, draw_shape

RULE = "#8C9196"  # writing lines: a mid grey that photocopies
FAINT = "#C4C8CC"
HINT = "#4B5563"
FORM = "fiche-synthese"
ROLES = ("Élu·e", "Agent·e", "Habitant·e", "Entreprise", "Association", "Agriculteur·rice")
TITLES = (
    ("Scénarios tirés", "le numéro et le titre de chaque carte Scénario jouée"),
    ("Balises posées", "dans la case de chaque balise posée, écrivez le numéro du tour"),
    ("Actions décidées", "les deux plus importantes de chaque tour"),
    ("Valeur créée", "ce que les actions décidées apportent au territoire"),
    (
        "Engagements",
        "chacun écrit le sien, dans la ligne de ce qu’il est dans la vie, pas de sa carte Rôle",
    ),
)
ACTION_HEADS = ("Tour", "Quoi", "Qui", "Avec qui", "Quand")
VALUE_HEADS = (
    ("", ""),
    ("Monétaire", "euros gagnés, économisés, gardés dans le territoire"),
    ("Symbolique", "confiance, fierté, reconnaissance, compétences"),
)
VALUE_ROWS = (
    ("Sociale", "liens, entraide, ménages fragiles"),
    ("Environnementale", "climat, eau, sols, paysages"),
    ("Économique", "emplois, revenus, factures"),
)
COMMITMENT_HEADS = ("Dans la vie", "Engagement : quoi, avec qui", "Prénom", "D’ici le")


def render_synthesis(
    kit, game: str, pagesize, tables: int, inks: Inks = RGB_INKS
) -> tuple[bytes, int]:
    """One page per table, « Table n » on each; returns (pdf, pages)."""
    plan = plan_synthesis(pagesize, tuple(len(a.balises) for a in kit.axes), len(ROLES))
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, pagesize, f"{game} — fiche de synthèse", kit.territory["nom"], inks)
    canvas.beginForm(FORM)
    _sheet(canvas, plan, kit, game)
    canvas.endForm()
    for table in range(1, tables + 1):
        canvas.doForm(FORM)
        _table_number(canvas, plan.header, table)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue(), tables


def _sheet(canvas, plan: SynthesisPlan, kit, game: str) -> None:
    check_glyphs("fiche de synthèse", [game, kit.territory["nom_court"], *ROLES])
    _header(canvas, plan.header, game, kit.territory["nom_court"])
    _label_and_line(canvas, plan.participants, "Participants (prénoms) :")
    for box, (title, hint) in zip(plan.titles, TITLES, strict=True):
        _section_title(canvas, box, title, hint)
    _scenarios(canvas, plan.scenarios)
    for row, axis in zip(plan.balises, kit.axes, strict=True):
        _balise_row(canvas, row, axis)
    _table(canvas, plan.actions, [(h, "") for h in ACTION_HEADS])
    _table(canvas, plan.value, list(VALUE_HEADS), lines=2)
    for index, (name, hint) in enumerate(VALUE_ROWS, 1):
        _two_lines(canvas, plan.value.cell(index, 0), name, hint)
    _table(canvas, plan.commitments, [(h, "") for h in COMMITMENT_HEADS])
    for index, role in enumerate(ROLES, 1):
        _text(canvas, plan.commitments.cell(index, 0), role, BOLD, 9.5, INK, "left")
    footer = (
        f"{game} · {kit.territory['nom_court']} · photographiez cette fiche à la fin de l’atelier"
    )
    _text(
        canvas,
        Box(plan.page.x, mm(4.5), plan.page.w, mm(3.5)),
        footer,
        REGULAR,
        7.5,
        HINT,
        "centre",
    )


def _header(canvas, box: Box, game: str, territory: str) -> None:
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 19)
    canvas.drawString(box.x, box.top - mm(7), french(f"{game} · Fiche de synthèse"))
    label = Box(box.x, box.y, mm(60), mm(7))
    _label_and_line(canvas, label, "Date :")
    place = Box(label.right + mm(6), box.y, box.w - mm(110), mm(7))
    _text(canvas, place, f"Territoire de jeu : {territory}", REGULAR, 10, INK, "left")


def _table_number(canvas, header: Box, table: int) -> None:
    box = Box(header.right - mm(38), header.y + mm(1), mm(38), header.h - mm(1))
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1.2)
    canvas.roundRect(box.x, box.y, box.w, box.h, mm(2), stroke=1, fill=0)
    _text(canvas, box, f"Table {table}", BOLD, 20, ACCENT, "centre")


def _section_title(canvas, box: Box, title: str, hint: str) -> None:
    _text(canvas, box, title, BOLD, 11.5, ACCENT, "left", baseline=box.y + mm(1.5))
    width = stringWidth(french(title), BOLD, 11.5) + mm(3)
    rest = Box(box.x + width, box.y, box.w - width, box.h)
    _text(canvas, rest, hint, ITALIC, 8.5, HINT, "right", baseline=box.y + mm(1.5))


def _scenarios(canvas, grid: Grid) -> None:
    for row in range(grid.rows):
        _text(canvas, grid.cell(row, 0), f"Tour {row + 1}", BOLD, 9.5, INK, "left")
        number = grid.cell(row, 1).inset(mm(0.8))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.rect(number.x, number.y, number.w, number.h)
        _text(canvas, number.inset(mm(0.6)), "n°", REGULAR, 6.5, HINT, "corner")
        title = grid.cell(row, 2)
        _rule(canvas, title.x + mm(2), title.right, title.y + mm(1.2))
        _text(canvas, title.moved(mm(2), 0), "titre", REGULAR, 6.5, HINT, "corner")


def _balise_row(canvas, row, axis) -> None:
    draw_shape(canvas, axis.shape, row.sign, axis.colour)
    draw_number(canvas, axis.shape, row.sign, str(axis.number), "#FFFFFF", BOLD, 12)
    _text(canvas, row.title, axis.short_title, BOLD, 10, INK, "left")
    if len(axis.balises) > len(row.boxes):
        raise MakekitError(f"fiche de synthèse : trop de balises dans l’axe {axis.number}")
    canvas.setLineWidth(0.8)
    for box, balise in zip(row.boxes, axis.balises, strict=False):
        canvas.setStrokeColor(axis.colour)
        canvas.setFillColor(tint(axis.colour, 0.08))
        canvas.rect(box.x, box.y, box.w, box.h, stroke=1, fill=1)
        _text(canvas, box.inset(mm(0.7)), str(balise.number), BOLD, 7, axis.colour, "corner")
    _rule(canvas, row.notes.x, row.notes.right, row.notes.y + mm(1.5))
    _text(canvas, row.notes, "remarques", REGULAR, 6.5, HINT, "corner")


def _table(canvas, grid: Grid, heads: list[tuple[str, str]], lines: int = 1) -> None:
    """Column heads on a light band, then writing rows ruled every line pitch."""
    head = grid.cell(0, 0)
    canvas.setFillColor(tint(ACCENT, 0.1))
    canvas.rect(grid.xs[0], head.y, grid.xs[-1] - grid.xs[0], head.h, stroke=0, fill=1)
    for column, (name, hint) in enumerate(heads):
        cell = grid.cell(0, column)
        if hint:
            _two_lines(canvas, cell, name, hint)
        else:
            _text(canvas, cell.moved(mm(1.5), 0), name, BOLD, 8.5, INK, "left")
    canvas.setLineWidth(0.5)
    for row in range(1, grid.rows + 1):
        y = grid.ys[row]
        _rule(canvas, grid.xs[0], grid.xs[-1], y)
        if lines > 1 and row < grid.rows:
            middle = (grid.ys[row] + grid.ys[row + 1]) / 2
            _rule(canvas, grid.xs[1] + mm(2), grid.xs[-1] - mm(2), middle, FAINT)
    canvas.setStrokeColor(FAINT)
    for x in grid.xs[1:-1]:
        canvas.line(x, grid.ys[0], x, grid.ys[-1])


def _two_lines(canvas, cell: Box, name: str, hint: str) -> None:
    upper = Box(cell.x + mm(1.5), cell.y + cell.h / 2, cell.w - mm(3), cell.h / 2)
    lower = Box(cell.x + mm(1.5), cell.y, cell.w - mm(3), cell.h / 2)
    _text(canvas, upper, name, BOLD, 9, INK, "left", baseline=upper.y + mm(0.6))
    _text(canvas, lower, hint, ITALIC, 7, HINT, "left", baseline=lower.top - mm(3))


def _label_and_line(canvas, box: Box, label: str) -> None:
    width = stringWidth(french(label), BOLD, 9.5)
    _text(canvas, box, label, BOLD, 9.5, INK, "left", baseline=box.y + mm(1.5))
    _rule(canvas, box.x + width + mm(2), box.right, box.y + mm(1.2))


def _rule(canvas, x0: float, x1: float, y: float, colour: str = RULE) -> None:
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(0.5)
    canvas.line(x0, y, x1, y)


def _text(
    canvas, box: Box, text: str, font: str, size: float, colour: str, where: str, baseline=None
) -> None:
    """``text`` in ``box``, a little smaller if it must be; fails naming it if it cannot fit."""
    written, text = text, french(text)
    fitted = size
    while stringWidth(text, font, fitted) > box.w and fitted > size * 0.75:
        fitted -= 0.25
    if stringWidth(text, font, fitted) > box.w:
        raise MakekitError(f"fiche de synthèse : « {written.strip()} » ne tient pas dans sa case")
    canvas.setFillColor(colour)
    canvas.setFont(font, fitted)
    if where == "corner":
        canvas.drawString(box.x + mm(0.5), box.top - fitted * 0.9, text)
        return
    y = baseline if baseline is not None else box.y + (box.h - 0.66 * fitted) / 2
    if where == "left":
        canvas.drawString(box.x, y, text)
    elif where == "right":
        canvas.drawRightString(box.right, y, text)
    else:
        canvas.drawCentredString(box.center[0], y, text)
