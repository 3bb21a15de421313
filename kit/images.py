"""User images (pictograms and illustrations given as files): confined paths, Pillow fitting."""

from __future__ import annotations

import functools
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from .errors import MakekitError

RASTER_SUFFIXES = {".png", ".jpg", ".jpeg"}
IMAGE_SUFFIXES = RASTER_SUFFIXES | {".svg"}
PRINT_DPI = 300
# Refuse images that would take gigabytes to decode (Pillow only warns by default).
Image.MAX_IMAGE_PIXELS = 60_000_000


class ImageProblem(MakekitError, ValueError):
    """A user image that cannot be used; the message is French and ready to show."""


def is_file_reference(value: str) -> bool:
    return Path(value).suffix.lower() in IMAGE_SUFFIXES


def resolve_user_file(project: Path, value: str) -> Path:
    """The file a YAML value names, which must stay inside the project folder."""
    given = Path(value)
    if given.is_absolute():
        raise ImageProblem(
            f"« {value} » : donnez un chemin relatif au dossier du projet, pas un chemin absolu"
        )
    if ".." in given.parts:
        raise ImageProblem(
            f"« {value} » : le chemin ne doit pas sortir du dossier du projet (« .. » interdit)"
        )
    root = project.resolve()
    path = (root / given).resolve()
    if not path.is_relative_to(root):
        raise ImageProblem(f"« {value} » : le lien mène hors du dossier du projet")
    if not path.is_file():
        raise ImageProblem(f"fichier « {value} » introuvable dans le dossier du projet")
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        raise ImageProblem(f"« {value} » : format non pris en charge (utilisez .svg, .png ou .jpg)")
    if path.suffix.lower() in RASTER_SUFFIXES:
        raster_size(path)
    return path


@functools.cache
def raster_size(path: Path) -> tuple[int, int]:
    try:
        with Image.open(path) as image:
            image.verify()
            return image.size
    except Image.DecompressionBombError:
        raise ImageProblem(
            f"« {path.name} » : image trop grande (plus de 60 millions de pixels)"
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise ImageProblem(f"« {path.name} » : image illisible ou abîmée") from None


def printed_dpi(path: Path, width_pt: float, height_pt: float) -> float:
    """The resolution the image will have once cropped to cover a box of that size."""
    width_px, height_px = raster_size(path)
    return min(width_px / (width_pt / 72), height_px / (height_pt / 72))


def cover_crop(path: Path, width_pt: float, height_pt: float) -> Image.Image:
    """The image cropped to the box's aspect ratio, centred, in RGB."""
    with Image.open(path) as source:
        image = source.convert("RGB")
    target = width_pt / height_pt
    width, height = image.size
    if width / height > target:
        new_width = round(height * target)
        left = (width - new_width) // 2
        return image.crop((left, 0, left + new_width, height))
    new_height = round(width / target)
    top = (height - new_height) // 2
    return image.crop((0, top, width, top + new_height))
