"""The kit's HTML gallery: one static ``index.html`` that opens from disk.

Every card (150 dpi image, linked to its 300 dpi image and its back), the board, the backs
and every PDF of the kit, with family filters and an accent-insensitive search. The CSS and
JS are inlined and pinned by hash in a Content-Security-Policy: the page loads nothing from
the network and runs no other script, even if a user text slipped past the escaping.
"""

from __future__ import annotations

import base64
import hashlib
import re
import struct
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from babel.numbers import format_decimal
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import __version__
from ..booklet_content import game_title
from ..deck import Back, Deck, Face
from ..model import Kit
from ..typography import french
from ..write import Output
from .names import FAMILY_ORDER, back_image_path, board_image_path, face_image_path

PATH = "index.html"
COMPONENT = "galerie"
DEFAULT_DPIS = (150, 300)  # on screen, and to download
FAMILY_NAMES = {  # singular, plural
    "axe": ("Axe", "Axes"),
    "balise": ("Balise", "Balises"),
    "scenario": ("Scénario", "Scénarios"),
    "role": ("Rôle", "Rôles"),
    "vierge": ("Carte vierge", "Cartes vierges"),
}
COMPONENT_NAMES = {
    "cartes": "Les cartes",
    "plateau": "Le plateau",
    "plateau-assemblage": "Le grand plateau en feuilles à assembler",
    "calibrage": "La feuille de calibrage du recto verso",
    "livret": "Le livret de règles",
    "kit-complet": "Tout le kit dans un seul fichier",
    "guide": "Le guide d’animation",
    "fiche-synthese": "La fiche de synthèse de l’atelier",
    "diapositives": "Les diapositives, une carte par page, pour projeter (16:9)",
    "tabletop": "Pour jouer sur Tabletop Simulator",
    "apercu": "La planche d’aperçu de tout le kit",
}
BLANK_PREFIX = "vierge-"  # the key of a blank card (blank_cards.py)
_HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


@dataclass(frozen=True)
class Image:
    src: str
    full: str
    width: int | None
    height: int | None


@dataclass(frozen=True)
class Card:
    family: str
    number: str
    title: str
    alt: str
    search: str
    image: Image
    back: str
    tint: int


@dataclass(frozen=True)
class FamilyFilter:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Listed:
    path: str
    name: str
    what: str
    details: str


def gallery_output(kit: Kit, deck: Deck, outputs: Iterable[Output]) -> Output:
    """``index.html`` for the kit folder; ``outputs`` are the kit's other files."""
    outputs = list(outputs)
    sizes = {out.path: png_size(out.data) for out in outputs if out.path.endswith(".png")}
    images = _Images(sizes, *_dpis(kit))
    tints = _tints(deck)
    cards = [_card(face, images, tints) for face in deck.fronts]
    env = _environment()
    css = env.get_template("gallery.css").render(tints=tints)
    js = env.get_template("gallery.js").render()
    html = env.get_template("gallery.html").render(
        title=french(f"{game_title()} — {kit.territory['nom']}"),
        territory=french(kit.territory["nom"]),
        cards=cards,
        filters=_filters(deck.fronts),
        board=images(board_image_path),
        backs=[_back(back, images, tints) for back in deck.backs.values()],
        pdfs=[_listed(out) for out in outputs if out.path.endswith(".pdf")],
        others=[_listed(out) for out in outputs if _other(out)],
        full_dpi=images.full_dpi,
        version=__version__,
        css=Markup(css),
        js=Markup(js),
        csp=_csp(css, js),
    )
    return Output(PATH, COMPONENT, 1, html.encode())


def search_key(text: str) -> str:
    """What the search compares, here and in gallery.js: no accents, no case, plain spaces."""
    decomposed = unicodedata.normalize("NFD", text.replace("\u2019", "'"))
    bare = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    bare = bare.lower().replace("œ", "oe").replace("æ", "ae")
    return _SPACES.sub(" ", bare).strip()


def png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG's IHDR chunk, for the <img> attributes (no layout jump)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("kit.digital", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _dpis(kit: Kit) -> tuple[int, int]:
    """The smallest image resolution is shown, the largest is linked for download."""
    digital = kit.profile.digital
    dpis = digital.image_dpis if digital and digital.image_dpis else DEFAULT_DPIS
    return min(dpis), max(dpis)


@dataclass(frozen=True)
class _Images:
    sizes: Mapping[str, tuple[int, int] | None]
    thumb_dpi: int
    full_dpi: int

    def __call__(self, path_at: Callable[[int], str]) -> Image:
        src = path_at(self.thumb_dpi)
        width, height = self.sizes.get(src) or (None, None)
        return Image(src, path_at(self.full_dpi), width, height)


def _card(face: Face, images: _Images, tints: dict[str, int]) -> Card:
    number, title = _caption(face)
    words = (number, title, face.badge, *face.texts.values())
    return Card(
        family=face.family,
        number=french(number),
        title=title,
        alt=title,
        search=search_key(" ".join(words)),
        image=images(lambda dpi: face_image_path(face, dpi)),
        back=back_image_path(face.back, images.full_dpi),
        tint=tints.get(face.colour.upper(), -1),
    )


def _caption(face: Face) -> tuple[str, str]:
    """« Balise 2.3 » and the card's title; « Scénario 12 », not « Scénario S12 »."""
    singular = FAMILY_NAMES.get(face.family, (face.family.capitalize(),))[0]
    if face.key.startswith(BLANK_PREFIX):  # its title is the label of a zone to write in
        axis = f" · Axe {face.badge.rstrip('.')}" if face.badge else ""
        return "Carte vierge", f"{singular} à écrire{axis}"
    badge = face.badge[1:] if re.fullmatch(r"[A-Za-z]\d+", face.badge) else face.badge
    number = f"{singular} {badge}" if badge else singular
    return number, _one_line(face.texts.get("titre", "")) or face.label


def _back(back: Back, images: _Images, tints: dict[str, int]) -> tuple[str, Image, int]:
    label = french(f"Dos « {back.title} · {back.subtitle} »")
    image = images(lambda dpi: back_image_path(back.key, dpi))
    return label, image, tints.get(back.colour.upper(), -1)


def _tints(deck: Deck) -> dict[str, int]:
    """Family colours as numbered CSS classes: the CSP forbids inline style attributes."""
    tints: dict[str, int] = {}
    for item in (*deck.fronts, *deck.backs.values()):
        colour = item.colour.upper()
        if _HEX_COLOUR.fullmatch(colour) and colour not in tints:
            tints[colour] = len(tints)
    return tints


def _filters(faces: tuple[Face, ...]) -> list[FamilyFilter]:
    present = {face.family for face in faces}
    order = [f for f in FAMILY_ORDER if f in present] + sorted(present - set(FAMILY_ORDER))
    filters = [FamilyFilter("tout", "Tout", len(faces))]
    for family in order:
        plural = FAMILY_NAMES.get(family, (family, family.capitalize()))[1]
        count = sum(1 for face in faces if face.family == family)
        filters.append(FamilyFilter(family, plural, count))
    return filters


def _listed(out: Output) -> Listed:
    what = COMPONENT_NAMES.get(out.component, "")  # a file of a new kind is listed by name
    size = file_size(len(out.data))
    if out.path.endswith(".txt") and what:
        what = f"{what} : le mode d’emploi"
    if out.path.endswith(".pdf"):
        size = f"{out.pages} page" + ("s" if out.pages > 1 else "") + f" · {size}"
    return Listed(out.path, out.path.rsplit("/", 1)[-1], french(what), size)


def _other(out: Output) -> bool:
    """Files beside the PDFs that the page does not already show (Tabletop Simulator…);
    images in a subfolder belong to a file listed there (the TTS sheets to their JSON)."""
    shown = out.path.endswith(".pdf") or out.path == PATH
    return not (shown or ("/" in out.path and out.path.endswith(".png")))


def file_size(size: int) -> str:
    """« 840 Ko », « 1,2 Mo » : French decimal comma, no-break space before the unit."""
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))}\u00a0Ko"
    return f"{format_decimal(round(size / 1e6, 1), locale='fr_FR')}\u00a0Mo"


def _csp(css: str, js: str) -> str:
    return "; ".join(
        (
            "default-src 'none'",
            "img-src 'self' file:",  # some browsers give a page opened from disk no 'self'
            f"style-src {_sha256(css)}",
            f"script-src {_sha256(js)}",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )


def _sha256(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    return f"'sha256-{digest}'"


def _one_line(text: str) -> str:
    """Line breaks of the card layout become spaces; no-break spaces stay."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()
