"""Print profiles (layouts/*.yaml) as frozen dataclasses, lengths in points."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .units import mm, parse_length

SHEETS_MM = {
    "A4": (210.0, 297.0),
    "A3": (297.0, 420.0),
    "A2": (420.0, 594.0),
    "A1": (594.0, 841.0),
    "letter": (215.9, 279.4),
    "tabloid": (279.4, 431.8),
}
DEFAULT_ICC = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")


@dataclass(frozen=True)
class CropMarks:
    length: float
    offset: float
    stroke: float


@dataclass(frozen=True)
class Tiles:
    """The large board cut into office sheets."""

    board: tuple[float, float]
    board_name: str
    sheet: tuple[float, float]
    sheet_name: str
    margin: float
    overlap: float


@dataclass(frozen=True)
class Digital:
    """What the ``numerique`` profile writes beside the PDFs (its ``numerique:`` block)."""

    image_dpis: tuple[int, ...] = (300, 150)
    tabletop: bool = True
    slides: bool = True


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    imposition: str  # "grille", "pliage" or "carte"
    sheet: tuple[float, float]
    sheet_name: str
    margin: float
    gap: float
    bleed: float
    crop_marks: CropMarks | None
    sheet_label: bool
    board_sheet: tuple[float, float]
    board_sheet_name: str
    board_bleed: float
    tiles: Tiles | None
    booklet_sheet: tuple[float, float]
    cmyk: bool = False
    icc_profile: Path | None = None
    pdfx: bool = False
    back_offset: tuple[float, float] = (0.0, 0.0)
    digital: Digital | None = None

    @property
    def card_bleed(self) -> float:
        """How far card art runs past the trim: never into the neighbouring card."""
        if self.imposition == "carte":
            return self.bleed
        return min(self.bleed, self.gap / 2)

    @property
    def page_boxes(self) -> bool:
        """Whether pages carry TrimBox and BleedBox (one card or one board per page)."""
        return self.imposition == "carte"


def sheet_size(name: str, orientation: str = "portrait") -> tuple[float, float]:
    width, height = (mm(v) for v in SHEETS_MM[name])
    return (height, width) if orientation == "paysage" else (width, height)


def parse_offset(text: str) -> tuple[float, float]:
    """ "1.5,-0.5" or "1,5;-0,5" (millimetres) -> points."""
    text = text.replace("mm", "").strip()
    if ";" in text:
        parts = text.split(";")
    else:
        parts = text.split(",")
        if len(parts) == 4:  # decimal commas: "1,5,-0,5"
            parts = [f"{parts[0]}.{parts[1]}", f"{parts[2]}.{parts[3]}"]
    if len(parts) != 2:
        raise ValueError(text)
    x, y = (float(p.strip().replace(",", ".")) for p in parts)
    return mm(x), mm(y)


def make_profile(data: dict, project: Path) -> Profile:
    board = data["plateau"]
    imposition = data.get("imposition", "grille")
    sheet_name = data.get("feuille", "A4")
    return Profile(
        name=data["nom"],
        description=data["description"],
        imposition=imposition,
        sheet=sheet_size(sheet_name, data.get("orientation", "portrait")),
        sheet_name=sheet_name,
        margin=parse_length(data.get("marge", "10mm")),
        gap=parse_length(data.get("espacement", "0mm")),
        bleed=parse_length(data.get("fond_perdu", "0mm")),
        crop_marks=_crop_marks(data.get("traits_de_coupe", {})),
        sheet_label=data.get("etiquette", True),
        board_sheet=sheet_size(board["feuille"], "paysage"),
        board_sheet_name=board["feuille"],
        board_bleed=parse_length(board.get("fond_perdu", "0mm")),
        tiles=_tiles(board.get("tuiles")),
        booklet_sheet=sheet_size(data["livret"]["feuille"]),
        cmyk=data.get("couleurs", "rvb") == "cmjn",
        icc_profile=_icc(data, project),
        pdfx=data.get("pdfx", False),
        back_offset=parse_offset(data.get("decalage_verso", "0,0")),
        digital=_digital(data.get("numerique")),
    )


def _crop_marks(marks: dict) -> CropMarks | None:
    if not marks.get("afficher", True):
        return None
    return CropMarks(
        parse_length(marks.get("longueur", "5mm")),
        parse_length(marks.get("ecart", "2mm")),
        parse_length(marks.get("epaisseur", "0.25pt")),
    )


def _tiles(tiles: dict | None) -> Tiles | None:
    if tiles is None:
        return None
    board_name = tiles.get("taille", "A2")
    return Tiles(
        board=sheet_size(board_name, "paysage"),
        board_name=board_name,
        sheet=sheet_size(tiles["feuille"]),
        sheet_name=tiles["feuille"],
        margin=parse_length(tiles.get("marge", "10mm")),
        overlap=parse_length(tiles.get("recouvrement", "10mm")),
    )


def _digital(block: dict | None) -> Digital | None:
    if block is None:
        return None
    dpis = tuple(dict.fromkeys(block.get("images", Digital.image_dpis)))  # unique, in order
    return Digital(dpis, block.get("tabletop", True), block.get("diapositives", True))


def _icc(data: dict, project: Path) -> Path | None:
    if data.get("couleurs", "rvb") != "cmjn":
        return None
    given = data.get("profil_icc")
    return (project / given) if given else DEFAULT_ICC
