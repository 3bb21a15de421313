"""The duplex calibration sheet: how far a printer shifts the back of a sheet.

The front carries a cross through the centre of the page; the back, two rulers centred on
the same point. Printed recto verso and held against a window, the front's lines cross the
rulers at the values to give to ``--back-offset`` (or ``decalage_verso`` in the profile).
"""

from __future__ import annotations

import io

from reportlab.lib.enums import TA_LEFT

from ..fonts import BOLD, REGULAR
from ..layout.card import TEXT_DARK, paragraph
from ..profile import Profile
from ..units import mm, to_mm
from .inks import Inks
from .pdf import new_canvas

RANGE_MM = 10
INSTRUCTIONS = (
    "1. Imprimez cette feuille seule, recto verso bord long, à 100 % (« taille réelle »), "
    "sur le papier des cartes.",
    "2. Placez-la contre une fenêtre, face verso vers vous : les deux traits noirs du recto "
    "apparaissent par transparence sur les règles du verso.",
    "3. Lisez la graduation que croise le trait vertical (valeur X) et celle que croise le "
    "trait horizontal (valeur Y), en millimètres.",
    "4. Reconstruisez le kit avec ces valeurs : makekit build --back-offset X,Y "
    '(par exemple --back-offset 1.5,-0.5), ou écrivez « decalage_verso: "X,Y" » dans votre '
    "profil d’impression. Si un décalage était déjà appliqué, ajoutez-lui les valeurs lues.",
)


def render_calibration(profile: Profile, title: str, inks: Inks) -> bytes:
    buffer = io.BytesIO()
    canvas = new_canvas(
        buffer, profile.sheet, f"{title} — calibrage recto verso", "calibrage", inks
    )
    _front(canvas, profile, title)
    canvas.showPage()
    _back(canvas, profile)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _front(canvas, profile: Profile, title: str) -> None:
    width, height = profile.sheet
    canvas.setStrokeColor("#000000")
    canvas.setLineWidth(0.6)
    canvas.line(mm(15), height / 2, width - mm(15), height / 2)
    canvas.line(width / 2, mm(15), width / 2, height - mm(15))
    column = width / 2 - mm(30)
    heading = paragraph(f"{title} · calibrage du recto verso", BOLD, 16, TEXT_DARK)
    _, h = heading.wrap(column, mm(40))
    heading.drawOn(canvas, mm(20), height - mm(22) - h)
    y = height - mm(26) - h
    offset = " ; ".join(f"{to_mm(v):g}".replace(".", ",") for v in profile.back_offset)
    canvas.setFillColor(TEXT_DARK)
    canvas.setFont(REGULAR, 10)
    canvas.drawString(mm(20), y - mm(4), f"Recto · décalage du verso appliqué : {offset} mm")
    y -= mm(10)
    for step in INSTRUCTIONS:
        para = paragraph(step, REGULAR, 10.5, TEXT_DARK, align=TA_LEFT)
        _, h = para.wrap(column, mm(60))
        para.drawOn(canvas, mm(20), y - h)
        y -= h + mm(3)


def _back(canvas, profile: Profile) -> None:
    width, height = profile.sheet
    dx, dy = profile.back_offset
    cx, cy = width / 2 + dx, height / 2 + dy
    canvas.setStrokeColor("#000000")
    canvas.setFillColor("#000000")
    canvas.setLineWidth(0.4)
    for half in range(-RANGE_MM * 2, RANGE_MM * 2 + 1):
        value = half / 2
        size = mm(7) if half % 10 == 0 else (mm(4.5) if half % 2 == 0 else mm(2.5))
        canvas.line(cx + mm(value), cy - mm(14), cx + mm(value), cy - mm(14) - size)
        canvas.line(cx + mm(14), cy + mm(value), cx + mm(14) + size, cy + mm(value))
        if half % 10 == 0:  # a number every 5 mm; ticks every millimetre and half
            label = f"{value:+g}" if value else "0"
            canvas.setFont(BOLD, 9)
            canvas.drawCentredString(cx + mm(value), cy - mm(25), label)
            canvas.drawString(cx + mm(23), cy + mm(value) - 3, label)
    canvas.setFont(BOLD, 11)
    canvas.drawCentredString(cx, cy - mm(32), "X (mm)")
    canvas.drawString(cx + mm(14), cy + mm(RANGE_MM + 4), "Y (mm)")
    canvas.setFont(REGULAR, 10)
    canvas.drawCentredString(
        width / 2, mm(20), "Verso · lisez ici X et Y, feuille contre une fenêtre"
    )
