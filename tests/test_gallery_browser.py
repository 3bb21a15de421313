"""The gallery of a real numerique kit, opened from disk in headless Chromium (Debian's).

Playwright drives the system browser: nothing is downloaded at run time. ``.ci/run``
installs the ``chromium`` package; without it these tests are skipped, saying why.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image

from conftest import copy_project
from kit.build import BuildResult, build
from kit.digital.names import back_image_path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # root in a container
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
ENERGY = re.compile("[eé]nergie")

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Chromium absent : installez le paquet Debian « chromium » (.ci/run le fait)",
)


@pytest.fixture(scope="module")
def kit(tmp_path_factory) -> BuildResult:
    project = copy_project(tmp_path_factory.mktemp("galerie") / "projet")
    return build(project, profile="numerique")


@pytest.fixture(scope="module")
def families(kit) -> Counter:
    """Card fronts by family, counted from the images the build wrote (names.py names)."""
    fronts = [o.path for o in kit.outputs if re.match(r"images/150dpi/.*-recto\.png$", o.path)]
    return Counter(path.split("/")[-1].split("-")[1] for path in fronts)


@pytest.fixture(scope="module")
def deck(kit):
    from kit.deck import compose_deck
    from kit.model import make_kit
    from kit.sources import load_sources

    sources = load_sources(kit.kit_dir.parent.parent, None, "numerique")
    return compose_deck(make_kit(sources), sources)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def opened(kit, browser):
    """The gallery from file://, with everything the page logged or failed to load."""
    page = browser.new_page(viewport=LAPTOP)
    seen = {"errors": [], "failed": [], "requests": []}
    page.on("console", lambda m: m.type in ("error", "warning") and seen["errors"].append(m.text))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.on("requestfailed", lambda r: seen["failed"].append(r.url))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.goto((kit.kit_dir / "index.html").as_uri())
    page.wait_for_function("[...document.images].every(i => i.complete)")
    yield page, seen
    page.close()


def visible_titles(page) -> list[str]:
    return page.locator("figure.carte:visible .titre").all_inner_texts()


def search(page, text: str) -> None:
    page.get_by_label("Rechercher une carte").fill(text)


def test_the_gallery_loads_from_disk_with_every_image_and_no_error(opened, families, deck):
    page, seen = opened
    assert seen["errors"] == [] and seen["failed"] == []
    assert all(url.startswith("file://") for url in seen["requests"])
    broken = page.evaluate("[...document.images].filter(i => !i.naturalWidth).map(i => i.src)")
    assert broken == []
    images = page.evaluate("document.images.length")
    assert images == families.total() + len(deck.backs) + 1  # and the board
    assert page.title() == page.locator("h1").inner_text()
    assert "Val de Sorne" in page.title()
    assert len(visible_titles(page)) == families.total() == len(deck.fronts)


def test_each_family_button_shows_that_family_only(opened, families):
    page, _ = opened
    for family, name in (("balise", "Balises"), ("axe", "Axes"), ("scenario", "Scénarios")):
        button = page.get_by_role("button", name=re.compile(f"^{name}"))
        button.click()
        assert button.get_attribute("aria-pressed") == "true"
        shown = page.locator("figure.carte:visible")
        assert shown.count() == families[family]
        assert set(shown.evaluate_all("cards => cards.map(c => c.dataset.famille)")) == {family}
    assert families["balise"] == 23  # one card per balise of the référentiel
    page.get_by_role("button", name=re.compile("^Tout")).click()
    assert len(visible_titles(page)) == families.total()


def test_search_ignores_accents_and_combines_with_the_filter(opened, deck):
    page, _ = opened
    search(page, "Energie")
    expected = [f for f in deck.fronts if any(ENERGY.search(t.lower()) for t in f.texts.values())]
    assert 0 < len(visible_titles(page)) == len(expected) < len(deck.fronts)
    assert page.locator("#compte").inner_text() == f"{len(expected)} cartes sur {len(deck.fronts)}"
    page.get_by_role("button", name=re.compile("^Balises")).click()
    balises = [f for f in expected if f.family == "balise"]
    assert len(visible_titles(page)) == len(balises)
    search(page, "elargir le REGARD")
    assert visible_titles(page) == ["Élargir le regard"]
    search(page, "ÉLARGIR  le regard")  # typed with accents, capitals, two spaces
    assert visible_titles(page) == ["Élargir le regard"]
    search(page, "2.1")
    assert "Élargir le regard" in visible_titles(page)
    back = page.get_by_role("link", name=re.compile(r"^Dos\s*:\s*Élargir le regard$"))
    assert back.get_attribute("href") == back_image_path("axe-integration", 300)  # axis 2


def test_no_result_says_so_and_the_keyboard_brings_everything_back(opened, deck):
    page, _ = opened
    search(page, "xylophone")
    assert visible_titles(page) == []
    message = page.locator("#aucun")
    assert message.is_visible()
    assert "Aucune carte ne correspond à «\u202fxylophone\u202f»" in message.inner_text()
    page.get_by_label("Rechercher une carte").press("Escape")
    assert not message.is_visible()
    assert len(visible_titles(page)) == len(deck.fronts)
    axes = page.get_by_role("button", name=re.compile("^Axes"))
    axes.focus()
    page.keyboard.press("Enter")
    assert axes.get_attribute("aria-pressed") == "true"
    search(page, "xylophone")
    page.get_by_role("button", name="Afficher toutes les cartes").press("Space")
    assert len(visible_titles(page)) == len(deck.fronts)
    assert page.get_by_label("Rechercher une carte").evaluate("e => e === document.activeElement")


def test_screenshots_on_a_laptop_and_a_phone(opened, tmp_path):
    page, _ = opened
    laptop = tmp_path / "galerie-ordinateur.png"
    page.screenshot(path=laptop)
    with Image.open(laptop) as image:
        assert (image.format, image.size) == ("PNG", (1280, 800))
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    columns = page.locator(".grille").first.evaluate(
        "g => getComputedStyle(g).gridTemplateColumns.split(' ').length"
    )
    assert columns == 2
    phone = tmp_path / "galerie-telephone.png"
    page.screenshot(path=phone, full_page=True)
    with Image.open(phone) as image:
        assert image.format == "PNG" and image.width == PHONE["width"]
        assert image.height > 4 * PHONE["height"]
