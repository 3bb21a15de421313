"""The HTML gallery of the numerique profile, read as HTML (the browser test is beside it)."""

from __future__ import annotations

import base64
import hashlib
import io
import re
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser
from types import MappingProxyType

import pytest
from PIL import Image

from conftest import REPO
from kit.deck import Deck, compose_deck
from kit.digital.gallery import file_size, gallery_output, search_key
from kit.digital.names import back_image_path, board_image_path, face_image_path
from kit.model import make_kit
from kit.sources import DEFAULT_PROFILE, load_sources
from kit.write import Output

HOSTILE = '<img src=x onerror="alert(1)"> & « Sorne »'


class Page(HTMLParser):
    """Start tags with their attributes, and the cards' figures with what they contain."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.cards: list[list[tuple[str, dict[str, str]]]] = []
        self._in_card = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = (tag, {k: v or "" for k, v in attrs})
        self.tags.append(found)
        if tag == "figure" and "carte" in found[1].get("class", "").split():
            self._in_card = True
            self.cards.append([])
        if self._in_card:
            self.cards[-1].append(found)

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure":
            self._in_card = False


@pytest.fixture(scope="module")
def kit_and_deck():
    sources = load_sources(REPO, None, DEFAULT_PROFILE)
    kit = make_kit(sources)
    return kit, compose_deck(kit, sources)


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#B44C10").save(buffer, "PNG")
    return buffer.getvalue()


def fake_outputs(deck: Deck) -> list[Output]:
    """What the numerique profile writes, with small images of the right proportions."""
    outputs = [
        Output("val-de-sorne-cartes.pdf", "cartes", 28, b"%PDF" + b"0" * 1_234_000),
        Output("val-de-sorne-livret.pdf", "livret", 1, b"%PDF" + b"0" * 59_000),
        Output("tabletop/val-de-sorne-tabletop.json", "tabletop", 1, b"{}"),
        Output("tabletop/axe-1-faces.png", "tabletop", 1, png(10, 10)),
    ]
    for dpi, scale in ((150, 1), (300, 2)):
        size = (41 * scale, 71 * scale)
        outputs += [Output(face_image_path(f, dpi), "image", 1, png(*size)) for f in deck.fronts]
        outputs += [Output(back_image_path(b, dpi), "image", 1, png(*size)) for b in deck.backs]
        outputs.append(Output(board_image_path(dpi), "image", 1, png(60 * scale, 42 * scale)))
    return outputs


@pytest.fixture(scope="module")
def gallery(kit_and_deck) -> tuple[str, list[Output]]:
    kit, deck = kit_and_deck
    outputs = fake_outputs(deck)
    result = gallery_output(kit, deck, outputs)
    assert (result.path, result.component) == ("index.html", "galerie")
    return result.data.decode(), outputs


def test_every_card_shows_its_150_dpi_image_and_links_300_dpi_and_its_back(kit_and_deck, gallery):
    _, deck = kit_and_deck
    page = Page(gallery[0])
    assert len(page.cards) == len(deck.fronts)
    for face, card in zip(deck.fronts, page.cards, strict=True):
        image = next(attrs for tag, attrs in card if tag == "img")
        links = [attrs["href"] for tag, attrs in card if tag == "a"]
        assert image["src"] == face_image_path(face, 150)
        assert (image["width"], image["height"]) == ("41", "71")
        assert image["alt"] == re.sub(r"[ \n]+", " ", face.texts["titre"]).strip()
        assert face_image_path(face, 300) in links
        assert back_image_path(face.back, 300) in links
        assert card[0][1]["data-famille"] == face.family


def test_filters_name_each_family_with_its_count(kit_and_deck, gallery):
    _, deck = kit_and_deck
    html = gallery[0]
    buttons = re.findall(r'data-filtre="(\w+)" aria-pressed="(\w+)">([^<]+)<span[^>]*>(\d+)', html)
    assert buttons[0] == ("tout", "true", "Tout ", str(len(deck.fronts)))
    assert ("balise", "false", "Balises ", "23") in buttons
    assert ("axe", "false", "Axes ", "4") in buttons
    scenarios = str(deck.family_count("scenario"))
    assert ("scenario", "false", "Scénarios ", scenarios) in buttons


def test_links_are_relative_and_reach_the_kit_files(gallery):
    html, outputs = gallery
    page = Page(html)
    files = {out.path for out in outputs}
    targets = [a.get("href") or a.get("src") for tag, a in page.tags if tag in ("a", "img")]
    for target in targets:
        if target.startswith("#"):
            assert f'id="{target[1:]}"' in html, target
        else:
            assert target in files, target
    assert not [t for tag, t in page.tags if tag in ("link", "iframe", "object", "embed")]
    assert not re.search(r"url\(|@import|https?:|//", html.split("<style>")[1].split("</style>")[0])
    assert board_image_path(150) in targets


def test_pdfs_are_listed_with_pages_and_size_and_tabletop_beside(gallery):
    html = gallery[0]
    assert "Fichiers à imprimer" in html
    assert 'href="val-de-sorne-cartes.pdf"' in html
    assert "28 pages · 1,2\u00a0Mo" in html
    assert "1 page · 59\u00a0Ko" in html
    assert 'href="tabletop/val-de-sorne-tabletop.json"' in html
    assert "tabletop/axe-1-faces.png" not in html  # the JSON names its sheets


def test_user_text_is_escaped_and_scripts_are_pinned_by_hash(kit_and_deck):
    kit, deck = kit_and_deck
    kit = replace(kit, territory=MappingProxyType({**kit.territory, "nom": HOSTILE}))
    first = replace(
        deck.fronts[0], texts=MappingProxyType({**deck.fronts[0].texts, "titre": HOSTILE})
    )
    deck = replace(deck, fronts=(first, *deck.fronts[1:]))
    html = gallery_output(kit, deck, fake_outputs(deck)).data.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; &amp; «\u202fSorne\u202f»" in html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    csp = unescape(csp)
    for tag in ("style", "script"):
        body = re.search(f"<{tag}>(.*?)</{tag}>", html, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp


def test_search_ignores_accents_case_and_typographic_signs():
    assert search_key("Énergie\u00a0:  l’ŒUVRE\u202f!") == "energie : l'oeuvre !"
    assert search_key("Scénario S12") == "scenario s12"


def test_file_sizes_read_the_french_way():
    assert file_size(400) == "1\u00a0Ko"
    assert file_size(840_400) == "840\u00a0Ko"
    assert file_size(12_345_678) == "12,3\u00a0Mo"


def test_blank_cards_are_named_as_cards_to_write(kit_and_deck):
    from kit.blank_cards import with_blank_cards

    kit, deck = kit_and_deck
    kit = replace(kit, blank_cards=MappingProxyType({"balises": 1, "scenarios": 2}))
    deck = with_blank_cards(deck, kit)
    html = gallery_output(kit, deck, fake_outputs(deck)).data.decode()
    captions = re.findall(r'"numero">([^<]+)</span>\s*<span class="titre">([^<]+)<', html)
    assert ("Carte vierge", "Balise à écrire · Axe 2") in captions
    assert captions.count(("Carte vierge", "Scénario à écrire")) == 2
    assert 'data-filtre="balise" aria-pressed="false">Balises <span class="nombre">27<' in html
