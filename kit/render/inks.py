"""Colours as the profile prints them: RGB for screens and office printers, or CMYK through an
ICC output profile for a print shop, with neutral greys and black text on black ink alone."""

from __future__ import annotations

import functools
from pathlib import Path

from PIL import Image, ImageCms
from reportlab.lib.colors import CMYKColor, Color

from ..errors import MakekitError

NEUTRAL = 0.05  # greys whose channels differ less than this are printed with black ink only


class Inks:
    """Converts every colour and image a canvas receives, once per distinct value."""

    def __init__(self, icc_profile: Path | None = None) -> None:
        self.icc_profile = icc_profile
        self.cmyk = icc_profile is not None
        self._transform = _transform(icc_profile) if icc_profile else None

    @property
    def key(self) -> str:
        return str(self.icc_profile) if self.cmyk else "rgb"

    def colour(self, colour: Color) -> Color:
        if not self.cmyk or isinstance(colour, CMYKColor):
            return colour
        return self._cmyk(round(colour.red, 4), round(colour.green, 4), round(colour.blue, 4))

    @functools.lru_cache(maxsize=4096)  # noqa: B019 (a few hundred colours, one Inks per build)
    def _cmyk(self, red: float, green: float, blue: float) -> CMYKColor:
        if max(red, green, blue) - min(red, green, blue) < NEUTRAL:
            grey = 0.2126 * red + 0.7152 * green + 0.0722 * blue
            return CMYKColor(0, 0, 0, round(1 - grey, 4))
        pixel = Image.new("RGB", (1, 1), tuple(round(v * 255) for v in (red, green, blue)))
        c, m, y, k = ImageCms.applyTransform(pixel, self._transform).getpixel((0, 0))
        return CMYKColor(*(round(v / 255, 4) for v in (c, m, y, k)))

    def image(self, image: Image.Image) -> Image.Image:
        if not self.cmyk:
            return image.convert("RGB")
        return ImageCms.applyTransform(image.convert("RGB"), self._transform)


@functools.cache
def _transform(icc_profile: Path) -> ImageCms.ImageCmsTransform:
    if not icc_profile.is_file():
        raise MakekitError(
            f"profil de couleur ICC introuvable : {icc_profile}. Installez le paquet Debian "
            "« ghostscript » (il fournit default_cmyk.icc) ou indiquez le profil de votre "
            "imprimeur (par exemple FOGRA39) avec « profil_icc: » dans le profil d’impression"
        )
    try:
        output = ImageCms.getOpenProfile(str(icc_profile))
    except (OSError, ImageCms.PyCMSError):
        raise MakekitError(f"profil de couleur ICC illisible : {icc_profile}") from None
    srgb = ImageCms.createProfile("sRGB")
    return ImageCms.buildTransform(
        srgb,
        output,
        "RGB",
        "CMYK",
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
        flags=ImageCms.Flags.BLACKPOINTCOMPENSATION,
    )
