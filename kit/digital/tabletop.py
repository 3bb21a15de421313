"""Tabletop Simulator decks: one face sheet per back design, its back image, and a saved
object (JSON) placing every deck on the table.

A TTS custom deck is a sheet of 2 to 10 columns × 2 to 7 rows of faces, read row by row; the
card at index i of a deck whose id is d has CardID d × 100 + i. The 70th cell is kept free: TTS
uses it for the "hidden" face when « Dos caché » (BackIsHidden) is not ticked. TTS advises
images of at most 4096 × 4096 pixels: a wider sheet has its cells reduced to fit.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from PIL import Image

from ..deck import Deck, Face
from .cards import encoded

MAX_COLUMNS = 10
MAX_ROWS = 7
MAX_CARDS = MAX_COLUMNS * MAX_ROWS - 1
MIN_CELLS = 2  # the import dialog's grid starts at 2 × 2
MAX_PIXELS = 4096
FOLDER = "tabletop"
DECK_SPACING = 4.0  # TTS units between decks on the table


@dataclass(frozen=True)
class TtsDeck:
    deck_id: int  # 1, 2, …: the key of its CustomDeck entry
    back: str  # back key
    part: int  # 1, 2, … when one back has more cards than a sheet holds
    faces: tuple[Face, ...]  # in sheet order, row by row
    columns: int
    rows: int

    @property
    def face_sheet(self) -> str:
        part = "" if self.part == 1 else f"-{self.part}"
        return f"{FOLDER}/{self.back}{part}-faces.png"

    @property
    def back_image(self) -> str:
        return f"{FOLDER}/{self.back}-dos.png"

    def cell(self, index: int) -> tuple[int, int]:
        """(row, column) of the index-th card."""
        return divmod(index, self.columns)


def plan_decks(deck: Deck) -> list[TtsDeck]:
    """One deck per back design (a deck shows one back), split when it exceeds one sheet."""
    by_back: dict[str, list[Face]] = {}
    for face in deck.fronts:
        by_back.setdefault(face.back, []).append(face)
    decks: list[TtsDeck] = []
    for back, faces in by_back.items():
        for part, start in enumerate(range(0, len(faces), MAX_CARDS), 1):
            chunk = tuple(faces[start : start + MAX_CARDS])
            rows = max(MIN_CELLS, math.ceil(len(chunk) / MAX_COLUMNS))
            columns = max(MIN_CELLS, math.ceil(len(chunk) / rows))
            decks.append(TtsDeck(len(decks) + 1, back, part, chunk, columns, rows))
    return decks


def cell_size(card: tuple[int, int], columns: int, rows: int) -> tuple[int, int]:
    """The card's own size, reduced if the sheet would exceed MAX_PIXELS either way."""
    factor = min(1.0, MAX_PIXELS / (columns * card[0]), MAX_PIXELS / (rows * card[1]))
    return (int(card[0] * factor), int(card[1] * factor))


def face_sheet(tts: TtsDeck, images: dict[str, Image.Image]) -> Image.Image:
    """The faces pasted cell by cell; every card of one deck has one size."""
    width, height = cell_size(images[tts.faces[0].key].size, tts.columns, tts.rows)
    sheet = Image.new("RGB", (tts.columns * width, tts.rows * height), "white")
    for index, face in enumerate(tts.faces):
        row, column = tts.cell(index)
        image = images[face.key]
        if image.size != (width, height):
            image = image.resize((width, height), Image.Resampling.LANCZOS)
        sheet.paste(image, (column * width, row * height))
    return sheet


def saved_object(decks: list[TtsDeck], deck: Deck, kit_url: str) -> dict:
    """A TTS saved object: every deck face down in a row. ``kit_url`` is the kit folder's
    file:// address (the URLs are to be replaced by online ones to play with others)."""
    states = []
    for position, tts in enumerate(decks):
        custom = {
            str(tts.deck_id): {
                "FaceURL": f"{kit_url}/{quote(tts.face_sheet)}",
                "BackURL": f"{kit_url}/{quote(tts.back_image)}",
                "NumWidth": tts.columns,
                "NumHeight": tts.rows,
                "BackIsHidden": True,
                "UniqueBack": False,
                "Type": 0,
            }
        }
        cards = [
            {
                "Name": "Card",
                "Nickname": face.texts.get("titre", face.label),
                "Description": face.texts.get("entete", ""),
                "CardID": tts.deck_id * 100 + index,
                "CustomDeck": custom,
                "Transform": _transform(position),
            }
            for index, face in enumerate(tts.faces)
        ]
        if len(cards) == 1:  # TTS has no one-card deck: a lone card is a card
            states.append(cards[0])
            continue
        states.append(
            {
                "Name": "DeckCustom",
                "Nickname": _deck_name(deck, tts),
                "Transform": _transform(position),
                "DeckIDs": [card["CardID"] for card in cards],
                "CustomDeck": custom,
                "ContainedObjects": cards,
            }
        )
    return {"SaveName": "", "ObjectStates": states}


def _deck_name(deck: Deck, tts: TtsDeck) -> str:
    back = deck.backs[tts.back]
    name = f"{back.title} · {back.subtitle}" if back.subtitle else back.title
    return name if tts.part == 1 else f"{name} ({tts.part})"


def _transform(position: int) -> dict[str, float]:
    return {
        "posX": position * DECK_SPACING,
        "posY": 1.0,
        "posZ": 0.0,
        "rotX": 0.0,
        "rotY": 180.0,
        "rotZ": 180.0,  # face down
        "scaleX": 1.0,
        "scaleY": 1.0,
        "scaleZ": 1.0,
    }


def tabletop_files(
    decks: list[TtsDeck],
    deck: Deck,
    faces: dict[str, Image.Image],
    backs: dict[str, Image.Image],
    kit_dir: Path,
    name: str,
) -> list[tuple[str, bytes]]:
    """(path, bytes) of the sheets, the backs, the saved object and its instructions."""
    images = [(tts.face_sheet, face_sheet(tts, faces)) for tts in decks]
    back_images = {tts.back_image: backs[tts.back] for tts in decks}  # one per back design
    images += list(back_images.items())
    files = encoded(images)
    saved = saved_object(decks, deck, kit_dir.resolve().as_uri())
    text = json.dumps(saved, ensure_ascii=False, indent=2) + "\n"
    files.append((f"{FOLDER}/{name}-tabletop.json", text.encode()))
    files.append((f"{FOLDER}/LISEZMOI-tabletop.txt", instructions(decks, deck, name).encode()))
    return files


def instructions(decks: list[TtsDeck], deck: Deck, name: str) -> str:
    lines = [
        "Jouer avec Tabletop Simulator",
        "=============================",
        "",
        "Ce dossier contient, pour chaque paquet de cartes (un paquet par dos) :",
        "une planche des rectos (…-faces.png) et l’image du dos (…-dos.png).",
        "",
        "1. Le plus simple, sur cet ordinateur",
        f"   Copiez {name}-tabletop.json dans le dossier des objets sauvegardés de",
        "   Tabletop Simulator (Documents/My Games/Tabletop Simulator/Saves/Saved Objects),",
        "   puis, dans le jeu : Objets → Objets sauvegardés. Les paquets arrivent face cachée.",
        "   Ses adresses file:// désignent ce dossier-ci : ne le déplacez pas.",
        "",
        "2. À la main : Objets → Composants → Personnalisé → Paquet, posez-le sur la table,",
        "   puis remplissez pour chaque paquet :",
    ]
    for tts in decks:
        lines += [
            "",
            f"   Paquet « {_deck_name(deck, tts)} » ({len(tts.faces)} cartes)",
            f"     Faces : {tts.face_sheet}",
            f"     Dos : {tts.back_image}",
            f"     Largeur : {tts.columns}   Hauteur : {tts.rows}   Nombre : {len(tts.faces)}",
            "     Dos caché : coché",
        ]
    lines += [
        "",
        "3. Pour jouer à plusieurs, chacun sur son ordinateur",
        "   Les images doivent être en ligne : envoyez-les dans le nuage Steam",
        "   (Modding → Cloud Manager, ou « Envoyer » dans la fenêtre d’import du paquet),",
        "   puis remplacez les adresses file:// du fichier .json par celles obtenues.",
        "",
    ]
    return "\n".join(lines)
