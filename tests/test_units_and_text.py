import pytest

from kit.templates import nombre, pourcent
from kit.typography import NBSP, NNBSP, french
from kit.units import parse_length


@pytest.mark.parametrize(
    ("text", "points"),
    [
        ("63mm", 178.5826771653543),
        ("0.125in", 9.0),
        ("12pt", 12.0),
        ("1,5 cm", 42.51968503937008),
        ("70 mm", 198.4251968503937),
    ],
)
def test_lengths_are_parsed_to_points(text, points):
    assert parse_length(text) == pytest.approx(points, abs=1e-9)


def test_unreadable_length_is_refused():
    with pytest.raises(ValueError):
        parse_length("63")


def test_french_spacing():
    assert french("Que faites-vous ? Attention: « mangeurs »") == (
        f"Que faites-vous{NNBSP}? Attention{NBSP}: «{NNBSP}mangeurs{NNBSP}»"
    )
    assert french("l'engagement") == "l’engagement"
    assert french("18 450 habitants, 25 %") == f"18{NNBSP}450{NBSP}habitants, 25{NBSP}%"


def test_url_is_left_alone():
    assert french("voir https://a.fr/x?y=1") == "voir https://a.fr/x?y=1"


def test_number_filters_are_french():
    assert nombre(18450) == f"18{NNBSP}450"
    assert nombre(3.14159, 1) == "3,1"
    assert pourcent(0.226) == f"23{NBSP}%"


def test_a_paragraph_breaks_its_lines_once_per_width_and_again_after_a_split():
    import io

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas

    from kit.fonts import REGULAR, register_fonts
    from kit.layout.paragraphs import Paragraph

    register_fonts()
    para = Paragraph("mot " * 200, ParagraphStyle("s", fontName=REGULAR, fontSize=10, leading=12))
    size = para.wrap(200, 10_000)
    lines = para.blPara
    assert para.wrap(200, 10_000) == size and para.blPara is lines  # kept, not broken again
    assert para.wrap(150, 10_000)[1] > size[1] and para.blPara is not lines
    assert para.wrap(0, 10_000) == para.wrap(0, 10_000) == (0, 0x7FFFFFFF)  # no room: no lines
    first, rest = para.split(150, 60)  # reportlab gives the first part lines of its own
    assert first.wrap(150, 60) == (150, 60)  # broken again: 5 lines of 12 pt
    first.drawOn(Canvas(io.BytesIO()), 0, 0)
    assert len(first.blPara.lines) + len(rest.frags) > 0
