"""Colour checks: WCAG contrast, colour-vision-deficiency simulation, perceptual difference.

Contrast follows WCAG 2.x; simulation and difference use ``colour-science`` (import
``colour``), imported lazily because it takes about half a second to load and
``makekit --help`` must stay fast.

- Simulation: Machado, Oliveira & Fernandes (2009) matrices at full severity (1.0), applied
  to *linear* sRGB, as the model intends, then clipped to the sRGB gamut (the results match
  ``colorspacious``). The tritan matrices are the model's rougher approximation.
- Difference: CIEDE2000 ΔE between the CIE L*a*b* (D65) values of two sRGB colours.
"""

from __future__ import annotations

import functools
import itertools
import re
import warnings
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from numpy.typing import NDArray

DEFICIENCIES = ("deuteranopia", "protanopia", "tritanopia")
_MACHADO_NAMES = {
    "deuteranopia": "Deuteranomaly",
    "protanopia": "Protanomaly",
    "tritanopia": "Tritanomaly",
}

MIN_TEXT_CONTRAST = 4.5
"""WCAG 2.x level AA for normal-size text."""

MIN_DIFFERENCE = 15.0
"""Smallest CIEDE2000 ΔE, in every simulated vision, for two colours told apart at a glance.

ΔE00 ≈ 1 is a just-noticeable difference side by side; up to about 10, two colours still
read as shades of one colour. The kit's colours must name a category across a table, after
printing on unknown printers, so the top of the usual 10–15 band is taken. It is checked
against the classic confusion: red #C0392B and green #27AE60 are only 13.4 apart under
deuteranopia (they stay apart by lightness alone), and that pair must be reported.
"""

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def parse_hex(colour: str) -> tuple[float, float, float]:
    """``"#RRGGBB"`` as sRGB components in [0, 1]."""
    if not _HEX.match(colour):
        raise ValueError(f"couleur illisible (attendu « #RRGGBB ») : {colour!r}")
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return red, green, blue


def to_hex(rgb: tuple[float, float, float] | list[float]) -> str:
    """sRGB components in [0, 1] (clipped) as ``"#RRGGBB"``."""
    return "#" + "".join(f"{round(min(max(v, 0.0), 1.0) * 255):02X}" for v in rgb)


def tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white: amount 0 is white, 1 is the colour."""
    return to_hex([1 - amount * (1 - v) for v in parse_hex(colour)])


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance, 0 for black to 1 for white."""
    linear = [_linear_component(v) for v in parse_hex(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _linear_component(value: float) -> float:
    if value <= 0.04045:
        return value / 12.92
    return ((value + 0.055) / 1.055) ** 2.4


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2.x contrast ratio, from 1 (same luminance) to 21 (black and white)."""
    lighter, darker = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@functools.cache
def _colour_science() -> ModuleType:
    """The ``colour`` package, without its notices about optional SciPy or Matplotlib."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r'"\w+" related API features are not available')
        import colour
    return colour


def simulate(colour: str, deficiency: str) -> str:
    """``colour`` as seen with ``deficiency`` (full severity, Machado et al. 2009)."""
    lib = _colour_science()
    linear = lib.cctf_decoding(parse_hex(colour), function="sRGB")
    seen = _cvd_matrix(deficiency) @ linear
    encoded = lib.cctf_encoding(seen.clip(0.0, 1.0), function="sRGB")
    return to_hex(encoded.tolist())


@functools.cache
def _cvd_matrix(deficiency: str) -> NDArray:
    if deficiency not in _MACHADO_NAMES:
        known = ", ".join(DEFICIENCIES)
        raise ValueError(f"déficience inconnue : {deficiency!r} (connues : {known})")
    lib = _colour_science()
    with warnings.catch_warnings():
        # colour-science notes that the tritan model is only an approximation: known, accepted.
        warnings.filterwarnings("ignore", message=r'"Machado et al. \(2009\)" simulation')
        return lib.blindness.matrix_cvd_Machado2009(_MACHADO_NAMES[deficiency], 1.0)


def difference(a: str, b: str) -> float:
    """CIEDE2000 ΔE between two sRGB colours."""
    lib = _colour_science()
    return float(lib.delta_E(_lab(a), _lab(b), method="CIE 2000"))


def _lab(colour: str) -> NDArray:
    lib = _colour_science()
    return lib.XYZ_to_Lab(lib.sRGB_to_XYZ(parse_hex(colour)))


def indistinct_pairs(
    colours: dict[str, str], threshold: float = MIN_DIFFERENCE
) -> list[tuple[str, str, str, float]]:
    """``(name_a, name_b, deficiency, ΔE)`` for the pairs closer than ``threshold``."""
    return [pair for pair in simulated_differences(colours) if pair[3] < threshold]


def simulated_differences(colours: dict[str, str]) -> list[tuple[str, str, str, float]]:
    """``(name_a, name_b, deficiency, ΔE)`` for every pair under every deficiency."""
    result = []
    for deficiency in DEFICIENCIES:
        seen = {name: simulate(value, deficiency) for name, value in colours.items()}
        for name_a, name_b in itertools.combinations(seen, 2):
            value = difference(seen[name_a], seen[name_b])
            result.append((name_a, name_b, deficiency, value))
    return result
