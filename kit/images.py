"""User images (pictograms and illustrations given as files): confined paths, Pillow fitting."""

from __future__ import annotations

import functools
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from .errors import MakekitError
from .svg_check import svg_problem

RASTER_SUFFIXES = {".png", ".jpg", ".jpeg"}
IMAGE_SUFFIXES = RASTER_SUFFIXES | {".svg"}
PRINT_DPI = 300
# Refuse images that would take gigabytes to decode (Pillow only warns by default).
MAX_PIXELS = 60_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


class ImageProblem(MakekitError, ValueError):
    """A user image that cannot be used; the message is French and ready to show."""


def is_file_reference(value: str) -> bool:
    return Path(value).suffix.lower() in IMAGE_SUFFIXES


def resolve_user_file(project: Path, value: str) -> Path:
    """The image a YAML value names, which must stay inside the project folder."""
    path = inside_project(project, value)
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        raise ImageProblem(f"« {value} » : format non pris en charge (utilisez .svg, .png ou .jpg)")
    if path.suffix.lower() in RASTER_SUFFIXES:
        raster_size(path)
    elif problem := svg_problem(path):
        raise ImageProblem(problem)
    return path


def inside_project(project: Path, value: str) -> Path:
    """The existing file a YAML value names: no absolute path, no « .. », no link leading out."""
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
    return path


@functools.cache
def raster_size(path: Path) -> tuple[int, int]:
    """The image's size in pixels, once it is known to decode completely and safely."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # refused below
            with Image.open(path) as image:
                _refuse_bomb(path, image.size)
                image.load()  # a truncated file fails here, not in the middle of a build
                return image.size
    except ImageProblem:
        raise
    except Image.DecompressionBombError:
        raise ImageProblem(
            f"« {path.name} » : image trop grande (plus de 60 millions de pixels) : "
            "réduisez-la, 300 dpi à la taille imprimée suffisent"
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ImageProblem(f"« {path.name} » : image illisible ou abîmée") from None


def _refuse_bomb(path: Path, size: tuple[int, int]) -> None:
    """Pillow only warns between one and two times its limit: refuse from the limit on."""
    width, height = size
    if width * height > MAX_PIXELS:
        shown = f"{width:,} × {height:,}".replace(",", "\u202f")
        raise ImageProblem(
            f"« {path.name} » : image trop grande ({shown} pixels, plus de 60 millions) : "
            "réduisez-la, 300 dpi à la taille imprimée suffisent"
        )


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
