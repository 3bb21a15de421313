"""Golden images: pages of the default kit compared with committed references.

On a difference beyond the tolerance, the actual image and a diff are written to
tests/_actual/. `pytest --update-golden` rewrites the references after a wanted change.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops

from conftest import kit_file

GOLDEN = Path(__file__).parent / "golden"
ACTUAL = Path(__file__).parent / "_actual"
DPI = 60
MAX_MEAN_DIFFERENCE = 0.6  # mean absolute difference per channel, out of 255
MAX_CHANGED_SHARE = 0.001  # share of pixels differing by more than 48 in any channel

PAGES = {
    "cartes-axes": ("cartes", 0),
    "cartes-dos-axes": ("cartes", 1),
    "cartes-balises": ("cartes", 2),
    "cartes-scenarios": ("cartes", 14),
    "cartes-roles": ("cartes", 24),
    "plateau": ("plateau", 0),
    "livret-page-2": ("livret", 1),
}


def render(path: Path, index: int) -> Image.Image:
    page = pdfium.PdfDocument(path)[index]
    return page.render(scale=DPI / 72).to_pil().convert("RGB")


def compare(actual: Image.Image, expected: Image.Image) -> tuple[float, float]:
    diff = ImageChops.difference(actual, expected)
    histogram = diff.convert("L").histogram()
    pixels = actual.width * actual.height
    mean = sum((i % 256) * count for i, count in enumerate(diff.histogram())) / (pixels * 3)
    changed = sum(histogram[48:]) / pixels
    return mean, changed


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_matches_its_reference(default_kit, request, name):
    component, index = PAGES[name]
    actual = render(kit_file(default_kit, component), index)
    reference = GOLDEN / f"{name}.png"
    if request.config.getoption("--update-golden") or not reference.exists():
        GOLDEN.mkdir(exist_ok=True)
        actual.save(reference, optimize=True)
        if not request.config.getoption("--update-golden"):
            pytest.fail(f"no reference for {name}: written {reference}, check it and commit it")
        return
    expected = Image.open(reference).convert("RGB")
    assert actual.size == expected.size
    mean, changed = compare(actual, expected)
    if mean > MAX_MEAN_DIFFERENCE or changed > MAX_CHANGED_SHARE:
        ACTUAL.mkdir(exist_ok=True)
        actual.save(ACTUAL / f"{name}.png")
        ImageChops.difference(actual, expected).point(lambda v: min(255, v * 4)).save(
            ACTUAL / f"{name}-diff.png"
        )
        pytest.fail(
            f"{name}: mean difference {mean:.2f}, {changed:.2%} of pixels changed; "
            f"see {ACTUAL / name}.png and -diff.png (pytest --update-golden to accept)"
        )


def test_a_changed_card_is_caught(default_kit):
    """The tolerance is tight enough to see one card's text change."""
    page = render(kit_file(default_kit, "cartes"), 2)
    altered = page.copy()
    altered.paste((255, 255, 255), (60, 230, 160, 250))  # erase a few words of one card
    mean, changed = compare(altered, page)
    assert mean > MAX_MEAN_DIFFERENCE or changed > MAX_CHANGED_SHARE
