"""Content streams read with pikepdf (qpdf's C++ parser): placed forms, images, colours.

Each form is scanned once, in its own space; a page's uses are the form scans moved by the
matrix of each placement (CTM at the ``Do`` times the form's /Matrix).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

import pikepdf

from .geometry import IDENTITY, Matrix, multiply
from .spaces import Space, colour_space, resource

PLACEMENT_OPERATORS = "q Q cm Do BI ID EI"
COLOUR_OPERATORS = PLACEMENT_OPERATORS + " sh cs CS sc scn SC SCN g G rg RG k K"
MAX_DEPTH = 12
_CARD = re.compile(r"^/(?:FormXob\.)?(card-.+)$")


def card_name(resource_name: str) -> str | None:
    """ "/FormXob.card-axe-valeur" -> "card-axe-valeur"; None for other forms."""
    match = _CARD.match(resource_name)
    return match.group(1) if match else None


@dataclass(frozen=True)
class ImageUse:
    name: str
    width: int
    height: int
    space: Space  # kind "mask" for stencil masks
    matrix: Matrix  # maps the unit square to the stream's (then the page's) space

    def dpi(self) -> float:
        """Effective resolution at the placed size, the lower of both directions."""
        a, b, c, d, _, _ = self.matrix
        across, up = math.hypot(a, b) / 72, math.hypot(c, d) / 72
        if across == 0 or up == 0:
            return math.inf
        return min(self.width / across, self.height / up)


@dataclass(frozen=True)
class FormUse:
    name: str  # resource name, with its slash
    form: pikepdf.Object
    matrix: Matrix  # form space -> stream space (form /Matrix times the CTM at ``Do``)
    resources: pikepdf.Object | None  # the form's own, or those it inherits


@dataclass(frozen=True)
class Ink:
    operator: str
    values: tuple[float, ...]  # C, M, Y, K from 0 to 1

    @property
    def total(self) -> float:
        return 100 * sum(self.values)


@dataclass
class StreamScan:
    images: list[ImageUse] = field(default_factory=list)
    forms: list[FormUse] = field(default_factory=list)
    rgb: list[str] = field(default_factory=list)  # operators setting an RGB colour
    inks: list[Ink] = field(default_factory=list)


@dataclass
class _State:
    ctm: Matrix = IDENTITY
    fill: Space = Space("gray", "DeviceGray")
    stroke: Space = Space("gray", "DeviceGray")


class _Scanner:
    """One pass over one content stream."""

    def __init__(self, resources: pikepdf.Object | None, operators: str) -> None:
        self.resources = resources
        self.operators = operators
        self.state = _State()
        self.stack: list[_State] = []
        self.scan = StreamScan()

    def run(self, target: pikepdf.Object | pikepdf.Page) -> StreamScan:
        if self.operators == PLACEMENT_OPERATORS and not _may_place(target):
            return self.scan  # nothing placed: the parse would find nothing
        for instruction in pikepdf.parse_content_stream(target, self.operators):
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                self._inline(instruction.iimage)
                continue
            handler = _HANDLERS.get(str(instruction.operator))
            if handler:
                handler(self, str(instruction.operator), list(instruction.operands))
        return self.scan

    def push(self, _op: str, _args: list) -> None:
        self.stack.append(replace(self.state))

    def pop(self, _op: str, _args: list) -> None:
        if self.stack:
            self.state = self.stack.pop()

    def concat(self, _op: str, args: list) -> None:
        if len(args) == 6:
            m = tuple(float(v) for v in args)
            self.state.ctm = multiply(m, self.state.ctm)  # type: ignore[arg-type]

    def set_space(self, op: str, args: list) -> None:
        if args:
            self._set(op.isupper(), colour_space(args[0], self.resources))

    def set_device(self, op: str, args: list) -> None:
        kind = {"g": "gray", "rg": "rgb", "k": "cmyk"}[op.lower()]
        label = {"gray": "DeviceGray", "rgb": "DeviceRGB", "cmyk": "DeviceCMYK"}[kind]
        self._set(op.isupper(), Space(kind, label))
        if kind == "rgb":
            self.scan.rgb.append(op)
        elif kind == "cmyk" and len(args) == 4:
            self.scan.inks.append(Ink(op, tuple(float(v) for v in args)))

    def set_colour(self, op: str, args: list) -> None:
        space = self.state.stroke if op.isupper() else self.state.fill
        numbers = tuple(float(v) for v in args if isinstance(v, int | float | Decimal))
        if space.kind == "rgb":
            self.scan.rgb.append(f"{op} en {space.label}")
        elif space.kind == "cmyk" and len(numbers) == 4:
            self.scan.inks.append(Ink(op, numbers))
        elif space.kind == "pattern" and args and isinstance(args[-1], pikepdf.Name):
            pattern = resource(self.resources, "/Pattern", str(args[-1]))
            if pattern is not None and pattern.get("/PatternType") == 2:
                self._shading(f"{op} (motif)", pattern.get("/Shading"))

    def shade(self, op: str, args: list) -> None:
        if args:
            self._shading(op, resource(self.resources, "/Shading", str(args[0])))

    def _shading(self, label: str, shading: pikepdf.Object | None) -> None:
        """Shadings carry their own colour space: RGB ones count as RGB colours."""
        if isinstance(shading, pikepdf.Dictionary | pikepdf.Stream):
            space = colour_space(shading.get("/ColorSpace"), self.resources)
            if space.kind == "rgb":
                self.scan.rgb.append(f"{label} en {space.label}")

    def draw(self, _op: str, args: list) -> None:
        if not args:
            return
        name = str(args[0])
        xobject = resource(self.resources, "/XObject", name)
        if xobject is None:
            return
        subtype = xobject.get("/Subtype")
        if subtype == "/Image":
            self._image(name, xobject)
        elif subtype == "/Form":
            matrix = tuple(float(v) for v in xobject.get("/Matrix", IDENTITY))
            own = xobject.get("/Resources")
            resources = own if own is not None else self.resources
            placed = multiply(matrix, self.state.ctm)  # type: ignore[arg-type]
            self.scan.forms.append(FormUse(name, xobject, placed, resources))

    def _image(self, name: str, image: pikepdf.Object) -> None:
        if image.get("/ImageMask", False):
            space = Space("mask", "masque")
        else:
            space = colour_space(image.get("/ColorSpace"), self.resources)
        width, height = int(image.get("/Width", 0)), int(image.get("/Height", 0))
        self.scan.images.append(ImageUse(name, width, height, space, self.state.ctm))

    def _inline(self, image: pikepdf.PdfInlineImage) -> None:
        try:
            masked = image.image_mask
            space = Space("mask", "masque") if masked else _inline_space(image, self.resources)
            width, height = int(image.width), int(image.height)
        except (pikepdf.PdfError, ValueError, NotImplementedError):
            return
        use = ImageUse("en ligne", width, height, space, self.state.ctm)
        self.scan.images.append(use)

    def _set(self, stroke: bool, space: Space) -> None:
        if stroke:
            self.state.stroke = space
        else:
            self.state.fill = space


def _may_place(target: pikepdf.Object | pikepdf.Page) -> bool:
    """Whether a content stream may place a form or an image (``Do``, ``BI``): qpdf tokenises
    a card's whole vector art to find none, the slowest part of checking 1,000 cards. The
    bytes hold "Do" or "BI" wherever the operators are, so a stream without them places
    nothing (one with them, in a text say, is parsed as before)."""
    if isinstance(target, pikepdf.Page):
        contents = target.obj.get("/Contents")
        parts = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    else:
        parts = [target]
    try:
        data = b"".join(p.read_bytes() for p in parts if isinstance(p, pikepdf.Stream))
    except pikepdf.PdfError:
        return True  # let the parse report it
    return b"Do" in data or b"BI" in data


def _inline_space(image: pikepdf.PdfInlineImage, resources: pikepdf.Object | None) -> Space:
    raw = image.obj.get("/ColorSpace")
    return colour_space(raw, resources) if raw is not None else Space("other", "inconnu")


_HANDLERS = {
    "q": _Scanner.push,
    "Q": _Scanner.pop,
    "cm": _Scanner.concat,
    "cs": _Scanner.set_space,
    "CS": _Scanner.set_space,
    "g": _Scanner.set_device,
    "G": _Scanner.set_device,
    "rg": _Scanner.set_device,
    "RG": _Scanner.set_device,
    "k": _Scanner.set_device,
    "K": _Scanner.set_device,
    "sc": _Scanner.set_colour,
    "scn": _Scanner.set_colour,
    "SC": _Scanner.set_colour,
    "SCN": _Scanner.set_colour,
    "Do": _Scanner.draw,
    "sh": _Scanner.shade,
}


def scan_stream(
    target: pikepdf.Object | pikepdf.Page,
    resources: pikepdf.Object | None,
    operators: str = COLOUR_OPERATORS,
) -> StreamScan:
    """Images, forms and (with COLOUR_OPERATORS) colours of one content stream, in the
    stream's own space."""
    return _Scanner(resources, operators).run(target)


@dataclass
class PageUses:
    own: StreamScan  # the page's content stream alone
    images: list[tuple[str | None, ImageUse]] = field(default_factory=list)  # page space
    rgb: list[tuple[str | None, str]] = field(default_factory=list)
    inks: list[tuple[str | None, Ink]] = field(default_factory=list)
    cards: list[tuple[str, FormUse]] = field(default_factory=list)  # matrix in page space


class DocumentScan:
    """Scans of one PDF's pages and forms, each form read once; colours only if asked."""

    def __init__(self, colours: bool = True) -> None:
        self._forms: dict[tuple[int, int], StreamScan] = {}
        self.operators = COLOUR_OPERATORS if colours else PLACEMENT_OPERATORS

    def form(self, use: FormUse) -> StreamScan:
        key = use.form.objgen
        if key not in self._forms:
            self._forms[key] = scan_stream(use.form, use.resources, self.operators)
        return self._forms[key]

    def page(self, page: pikepdf.Page) -> PageUses:
        own = scan_stream(page, page.resources, self.operators)
        uses = PageUses(own)
        self._collect(own, IDENTITY, None, uses, ())
        return uses

    def _collect(
        self,
        scan: StreamScan,
        matrix: Matrix,
        card: str | None,
        uses: PageUses,
        trail: tuple[tuple[int, int], ...],
    ) -> None:
        uses.images.extend(
            (card, replace(i, matrix=multiply(i.matrix, matrix))) for i in scan.images
        )
        uses.rgb.extend((card, op) for op in scan.rgb)
        uses.inks.extend((card, ink) for ink in scan.inks)
        for form in scan.forms:
            key = form.form.objgen
            if key in trail or len(trail) >= MAX_DEPTH:
                continue
            placed = replace(form, matrix=multiply(form.matrix, matrix))
            inner = card or card_name(form.name)
            if card is None and inner:
                uses.cards.append((inner, placed))
            self._collect(self.form(form), placed.matrix, inner, uses, (*trail, key))
