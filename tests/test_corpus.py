"""The broken-input corpus: every case ends with its exact message, exit 1, no traceback,
and the kit already in output/ byte for byte and date for date as it was.

Each case is one small edit on a copy of the project (the repository's inputs plus a
kit built once for the module). ``{line}`` in an expected message is the line where
the replaced text started, plus ``offset``.
"""

from __future__ import annotations

import hashlib
import shutil
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from conftest import REPO, copy_project
from kit.build import build
from test_errors import build_args, run_cli

T = "territoires/val-de-sorne.yaml"
R = "referentiel.yaml"
S = "scenarios.yaml"
P = "layouts/a4-recto-verso.yaml"
AXES = "engagement, integration, cooperation, valeur"
TAG_REFUSED = "makekit ne lit que des textes, des nombres, des listes et des clés"
SCENARIO_1 = 'titre: "Un appel à projets régional"'
PROFILES = ", ".join(sorted(p.stem for p in (REPO / "layouts").glob("*.yaml")))


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    old: str | None  # the text replaced; None: the whole file is replaced
    new: str | bytes
    expected: str  # the first line of the error output, word for word
    offset: int = 0
    args: tuple[str, ...] = ()
    setup: Callable[[Path], None] | None = None
    anchor: str | None = None  # text whose line, before the edit, is {anchor} in `expected`
    anchor_file: str | None = None  # where the anchor is, if not in `file`


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` × ``height`` pixels in a few bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _images(project: Path) -> None:
    folder = project / "images"
    folder.mkdir()
    Image.new("RGB", (400, 300), "#3A7D44").save(folder / "photo.png")
    whole = (folder / "photo.png").read_bytes()
    (folder / "tronquee.png").write_bytes(whole[: len(whole) // 2])
    (folder / "notes.png").write_text("ceci n’est pas une image", encoding="utf-8")
    (folder / "bombe.png").write_bytes(png_header(10_000, 10_000))
    Image.new("RGB", (40, 30)).save(folder / "anime.gif")


def _illustration(image: str) -> tuple[str, str]:
    return "        pictogramme: book-open-variant\n", (
        f"        pictogramme: book-open-variant\n        illustration: {image}\n"
    )


def _image_case(name: str, image: str, expected: str) -> Case:
    old, new = _illustration(image)
    return Case(name, R, old, new, expected, offset=1, setup=_images)


# fmt: off
UNCLOSED = (
    "erreur de syntaxe YAML : guillemet « \" » non refermé : ajoutez « \" » à la fin du texte"
)
CASES = [
    # YAML syntax
    Case("tabulation", T, "population: 18450", "\tpopulation: 18450",
         f"{T}:{{line}}: erreur de syntaxe YAML : tabulation interdite : indentez avec des espaces"),
    Case("guillemet-non-ferme", T, 'nom_court: "Val de Sorne"', 'nom_court: "Val de Sorne',
         f"{T}:{{line}}: {UNCLOSED}"),
    Case("guillemet-non-ferme-dans-une-liste", T, '  - "Belcombe"', '  - "Belcombe',
         f"{T}:{{line}}: {UNCLOSED}"),
    Case("mauvaise-indentation", T, "population: 18450", "   population: 18450",
         f"{T}:{{line}}: erreur de syntaxe YAML : clé attendue : vérifiez l’indentation et les "
         "guillemets de cette ligne et des précédentes"),
    Case("deux-points-dans-un-texte", S, SCENARIO_1, "titre: Un appel : la suite: encore",
         f"{S}:{{line}}: erreur de syntaxe YAML : « : » inattendu : mettez le texte entre guillemets"),
    Case("crochet-non-ferme", S, "axes: [integration, cooperation, engagement]",
         "axes: [integration, cooperation, engagement\n",
         f"{S}:{{line}}: erreur de syntaxe YAML : liste entre crochets mal fermée : il manque « ] » "
         "ou « , »", offset=3),
    Case("echappement-inconnu", S, SCENARIO_1, 'titre: "C:\\Documents\\appel"',
         f"{S}:{{line}}: erreur de syntaxe YAML : séquence « \\ » inconnue dans un texte entre "
         "guillemets doubles : écrivez « \\\\ » ou utilisez des guillemets simples"),
    Case("alias-inconnu", T, "population: 18450", "population: *habitants",
         f"{T}:{{line}}: erreur de syntaxe YAML : alias « * » qui ne renvoie à aucune ancre « & »"),
    # types
    Case("texte-au-lieu-d-un-nombre", T, "superficie_km2: 412", "superficie_km2: grande",
         f"{T}:{{line}}: superficie_km2: doit être un nombre (trouvé : le texte « grande »)"),
    Case("virgule-decimale", T, "superficie_km2: 412", "superficie_km2: 412,5",
         f"{T}:{{line}}: superficie_km2: doit être un nombre (trouvé : le texte « 412,5 »)"),
    Case("numero-en-lettres", R, "    numero: 1\n", "    numero: un\n",
         f"{R}:{{line}}: axes[1].numero: doit être un nombre entier (trouvé : le texte « un »)"),
    Case("booleen-au-lieu-d-un-texte", S, SCENARIO_1, "titre: true",
         f"{S}:{{line}}: scenarios[1].titre: doit être un texte (trouvé : « true »)"),
    Case("liste-attendue", S, "axes: [integration, cooperation, engagement]", "axes: integration",
         f"{S}:{{line}}: scenarios[1].axes: doit être une liste (trouvé : le texte « integration »)"),
    Case("infini", T, "population: 18450", "population: .inf",
         f"{T}:{{line}}: population: doit être un nombre entier (trouvé : le nombre inf)"),
    Case("nombre-demesure", T, "population: 18450", "population: 1" + "0" * 5000,
         f"{T}:{{line}}: population: nombre illisible ou trop long"),
    Case("date", T, "population: 18450", "population: 2024-01-01",
         f"{T}:{{line}}: population: doit être un nombre entier (trouvé : le texte « 2024-01-01 »)"),
    Case("cle-composee", T, "population: 18450", "? [a, b]\n: 3\npopulation: 18450",
         f"{T}:{{line}}: clé invalide : une clé est un simple mot suivi de « : »"),
    Case("cle-sur-deux-lignes", T, "population: 18450", 'population: 18450\n"super\\nficie": 3',
         f"{T}:{{line}}: clé invalide « super ficie » : une clé est un mot, sur une ligne", offset=1),
    Case("cle-nulle", T, "population: 18450", "population: 18450\n~: 3",
         f"{T}:{{line}}: clé vide : « ~ », « null » ou rien ne nomment pas une clé ; écrivez son "
         "nom avant « : »", offset=1),
    Case("cle-booleenne", T, "population: 18450", "population: 18450\ntrue: 3",
         f"{T}:{{line}}: true: clé inconnue « true » (clés possibles : acteurs, cartes_locales, "
         "chef_lieu, communes, couleur, energie, evenements, logo, nom, nom_court, population, "
         "projets, secteurs, superficie_km2, type)", offset=1),
    Case("texte-sur-deux-lignes-au-lieu-d-un-nombre", T, "population: 18450", 'population: "18\\n450"',
         f"{T}:{{line}}: population: doit être un nombre entier (trouvé : le texte « 18 450 »)"),
    # missing keys
    Case("titre-de-scenario-manquant", S, f"    {SCENARIO_1}\n", "",
         f"{S}:{{line}}: scenarios[1]: champ obligatoire « titre » manquant", offset=-3),
    Case("format-de-carte-manquant", "cards/axe.yaml", "famille: axe\nformat: tarot\n",
         "famille: axe\n", "cards/axe.yaml:{line}: champ obligatoire « format » manquant"),
    # unknown keys
    Case("cle-inconnue-du-profil", P, "marge: 10mm", "margee: 10mm",
         f"{P}:{{line}}: margee: clé inconnue « margee » (vouliez-vous dire « marge » ?)"),
    Case("cle-inconnue-d-un-scenario", S, "    decor: [village, reunion]",
         "    decors: [village, reunion]",
         f"{S}:{{line}}: scenarios[1].decors: clé inconnue « decors » (vouliez-vous dire « decor » ?)"),
    # duplicates
    Case("identifiant-de-scenario-en-double", S, "id: methanisation-contestee",
         "id: appel-a-projets-regional",
         f"{S}:{{line}}: scenarios[2].id: identifiant « appel-a-projets-regional » en double "
         "(déjà utilisé ligne {anchor})", anchor="id: appel-a-projets-regional"),
    Case("cle-en-double-du-territoire", T, "population: 18450", "population: 18450\npopulation: 3",
         f"{T}:{{line}}: population: clé « population » en double (déjà définie ligne {{anchor}})",
         offset=1, anchor="population: 18450"),
    # dangling references
    Case("pictogramme-inconnu", R, "pictogramme: account-group", "pictogramme: groupe-de-gens",
         f"{R}:{{line}}: axes[1].pictogramme: pictogramme « groupe-de-gens » introuvable dans "
         "Material Design Icons ; cherchez un nom sur pictogrammers.com/library/mdi"),
    _image_case("illustration-introuvable", "images/absente.png",
                f"{R}:{{line}}: axes[1].balises[2].illustration: fichier « images/absente.png » "
                "introuvable dans le dossier du projet"),
    Case("profil-parent-inconnu", P, "nom: a4-recto-verso", "extends: a5\nnom: a4-recto-verso",
         f"{P}:{{line}}: extends: profil « a5 » inconnu (profils disponibles : {PROFILES})"),
    # empty files
    Case("referentiel-vide", R, None, "", f"{R}:1: le fichier est vide"),
    Case("que-des-commentaires", S, None, "# tout est à écrire\n", f"{S}:1: le fichier est vide"),
    Case("que-des-espaces", "cards/axe.yaml", None, "\n   \n\n", "cards/axe.yaml:1: le fichier est vide"),
    # encodings
    Case("latin-1", T, None, "nom: \"Communauté\"\n".encode("latin-1"),
         f"{T}:1: le fichier n’est pas encodé en UTF-8 (octet 0xE9 illisible) : enregistrez-le en "
         "UTF-8 (dans votre éditeur : « Enregistrer sous », encodage UTF-8)"),
    Case("utf-16", S, None, "scenarios: []\n".encode("utf-16"),
         f"{S}:1: le fichier est encodé en UTF-16 : enregistrez-le en UTF-8"),
    Case("octet-nul", R, "    numero: 1\n", "    numero: 1\x00\n",
         f"{R}:{{line}}: caractère de contrôle U+0000 interdit : le fichier est abîmé ou n’est pas "
         "un texte"),
    Case("image-a-la-place-du-yaml", T, None, png_header(10, 10),
         f"{T}:1: le fichier n’est pas encodé en UTF-8 (octet 0x89 illisible) : enregistrez-le en "
         "UTF-8 (dans votre éditeur : « Enregistrer sous », encodage UTF-8)"),
    Case("caractere-de-controle-echappe", S, SCENARIO_1, 'titre: "Un appel \\a à projets"',
         f"{S}:{{line}}: scenarios[1].titre: caractère de contrôle U+0007 interdit dans un texte"),
    # enormous inputs
    Case("titre-d-un-million-de-caracteres", S, SCENARIO_1, f'titre: "{"a" * 1_000_000}"',
         f"{S}:{{line}}: scenarios[1].titre: texte trop long (1\u202f000\u202f000 caractères ; "
         "10\u202f000 au plus)"),
    Case("fichier-de-trois-mega-octets", T, "population: 18450",
         "population: 18450\n" + "# remplissage\n" * 230_000,
         f"{T}: fichier trop gros (3,2 Mo ; 2,0 Mo au plus) : est-ce bien le bon fichier ?"),
    Case("bombe-d-alias", T, None,
         "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
         + "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n" for p, n in zip("abcdef", "bcdefg", strict=True)),
         f"{T}:1: trop de valeurs (plus de 200\u202f000 une fois les alias « * » développés)"),
    Case("imbrication-profonde", T, None, "a: " + "[" * 3000 + "]" * 3000 + "\n",
         f"{T}:1: a: structure trop imbriquée (plus de 40 niveaux) ou alias « * » qui se contient "
         "lui-même"),
    Case("alias-recursif", T, None, "a: &a [*a]\n",
         f"{T}:1: a: structure trop imbriquée (plus de 40 niveaux) ou alias « * » qui se contient "
         "lui-même"),
    # images
    _image_case("png-tronque", "images/tronquee.png",
                f"{R}:{{line}}: axes[1].balises[2].illustration: « tronquee.png » : image illisible "
                "ou abîmée"),
    _image_case("texte-renomme-en-png", "images/notes.png",
                f"{R}:{{line}}: axes[1].balises[2].illustration: « notes.png » : image illisible ou "
                "abîmée"),
    _image_case("gif", "images/anime.gif",
                f"{R}:{{line}}: axes[1].balises[2].illustration: image invalide : un fichier .svg, "
                ".png ou .jpg du dossier du projet, par exemple « images/foret.jpg »"),
    _image_case("bombe-de-100-megapixels", "images/bombe.png",
                f"{R}:{{line}}: axes[1].balises[2].illustration: « bombe.png » : image trop grande "
                "(10\u202f000 × 10\u202f000 pixels, plus de 60 millions) : réduisez-la, 300 dpi à la "
                "taille imprimée suffisent"),
    # fonts without the needed glyphs
    Case("emoji-dans-un-titre", S, SCENARIO_1, 'titre: "Un appel à projets 🎉"',
         f"{S}:{{line}}: scenarios[1].titre: la police SourceSans ne contient pas le caractère "
         "« 🎉 » (U+1F389) : remplacez-le"),
    Case("nom-de-territoire-en-chinois", T, 'nom_court: "Val de Sorne"', 'nom_court: "索恩河谷"',
         f"{T}:{{line}}: nom_court: la police SourceSans ne contient pas les caractères « 恩 » "
         "(U+6069), « 河 » (U+6CB3), « 索 » (U+7D22), « 谷 » (U+8C37) : remplacez-les"),
    # territories with missing fields
    Case("champ-du-territoire-manquant", T, 'nom_court: "Val de Sorne"\n', "",
         f"{T}:{{anchor}}: champ obligatoire « nom_court » manquant", anchor="\nnom: "),
    # templates
    Case("consommation-nulle", T, "consommation_gwh: 420", "consommation_gwh: 0",
         "scenarios.yaml:{anchor}: scenarios[4].texte: scénario « revision-plan-climat » : le modèle "
         "ne peut pas être calculé : division par zéro (une valeur vaut 0 dans le fichier du "
         "territoire ?)", anchor="texte: >-\n      Échéance : {{ territoire.evenements[1].nom }}", anchor_file=S),
    Case("modele-mal-ferme", "cards/scenario.yaml", 'titre: "{{ scenario.titre }}"',
         'titre: "{{ scenario.titre "',
         "cards/scenario.yaml:{line}: textes.titre: carte scénario « appel-a-projets-regional » "
         "(et 19 autres cartes) : modèle invalide : unexpected end of template, expected 'end of "
         "print statement'. (ligne 1 du modèle)"),
    # YAML tags that would build objects
    Case("etiquette-python", T, "population: 18450",
         'population: !!python/object/apply:os.system ["echo perdu"]',
         f"{T}:{{line}}: population: étiquette YAML « !!python/object/apply:os.system » refusée : "
         f"{TAG_REFUSED}"),
    Case("etiquette-inconnue", T, "population: 18450", "population: !truc 3",
         f"{T}:{{line}}: population: étiquette YAML « !truc » refusée : {TAG_REFUSED}"),
    Case("etiquette-binaire", T, "population: 18450", "population: !!binary aGVsbG8=",
         f"{T}:{{line}}: population: étiquette YAML « !!binary » refusée : {TAG_REFUSED}"),
    # print profiles
    Case("longueur-sans-unite", P, "marge: 10mm", "marge: 10",
         f"{P}:{{line}}: marge: longueur invalide : écrivez un nombre positif suivi de son "
         "unité, par exemple « 63mm », « 0.125in » ou « 12pt »"),
    Case("marge-negative", P, "marge: 10mm", "marge: -5mm",
         f"{P}:{{line}}: marge: longueur invalide : écrivez un nombre positif suivi de son "
         "unité, par exemple « 63mm », « 0.125in » ou « 12pt »"),
    Case("carte-de-largeur-nulle", "cards/axe.yaml", "format: tarot", "format: libre\nlargeur: 0mm\nhauteur: 80mm",
         "cards/axe.yaml:{line}: largeur: 0mm : une carte mesure de 30 à 300 mm", offset=1),
    Case("zone-tranquille-trop-grande", "cards/axe.yaml", "zone_tranquille: 4mm", "zone_tranquille: 100mm",
         "cards/axe.yaml:{line}: zone_tranquille: 100mm : de 0 à 25,0 mm pour cette carte"),
    Case("taille-de-police-nulle", "cards/axe.yaml", "titre: 13pt", "titre: 0pt",
         "cards/axe.yaml:{line}: tailles.titre: 0pt : une taille de police va de 4pt à 72pt"),
    Case("plateau-sans-place", P, "recouvrement: 10mm", "recouvrement: 1000mm",
         "plateau en tuiles : la marge et le recouvrement ne laissent aucune place sur la feuille ; "
         "réduisez « marge » ou « recouvrement » sous « plateau: tuiles: » dans le profil"),
    Case("profil-qui-sort-du-dossier", P, "nom: a4-recto-verso",
         "extends: ../../secret\nnom: a4-recto-verso",
         f"{P}:{{line}}: extends: profil « ../../secret » inconnu (profils disponibles : {PROFILES})"),
    Case("profil-icc-hors-du-projet", P, "couleurs: rvb", "couleurs: rvb\nprofil_icc: /etc/passwd",
         f"{P}:{{line}}: profil_icc: « /etc/passwd » : donnez un chemin relatif au dossier du "
         "projet, pas un chemin absolu", offset=1),
]
# fmt: on


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with a good kit in output/, built once for the whole corpus."""
    project = copy_project(tmp_path_factory.mktemp("corpus") / "projet")
    build(project, output_root=project / "output")
    return project


def snapshot(folder: Path) -> dict[str, tuple[str, int] | None]:
    """Every file's hash and date, the whole output folder (the cache lives beside it)."""
    return {
        str(p.relative_to(folder)): (
            (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            if p.is_file()
            else None
        )
        for p in sorted(folder.rglob("*"))
    }


def apply(case: Case, project: Path) -> int:
    """Break the project as the case says; the line its expected message names."""
    path = project / case.file
    if case.setup:
        case.setup(project)
    if case.old is None:
        data = case.new if isinstance(case.new, bytes) else case.new.encode("utf-8")
        path.write_bytes(data)
        return 1
    text = path.read_text(encoding="utf-8")
    assert case.old in text, case.old
    line = text[: text.index(case.old)].count("\n") + 1
    assert isinstance(case.new, str)
    path.write_bytes(text.replace(case.old, case.new, 1).encode("utf-8"))
    return line + case.offset


def anchor_line(case: Case, project: Path) -> int | None:
    if case.anchor is None:
        return None
    text = (project / (case.anchor_file or case.file)).read_text(encoding="utf-8")
    index = text.index(case.anchor) + (1 if case.anchor.startswith("\n") else 0)
    return text[:index].count("\n") + 1


def test_the_corpus_is_large_and_names_are_unique():
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_input(case: Case, built: Path, tmp_path: Path, monkeypatch, capsys):
    project = tmp_path / "projet"
    shutil.copytree(built, project)  # copy2 keeps every date
    before = snapshot(project / "output")
    anchor = anchor_line(case, project)
    line = apply(case, project)
    code, out, err = run_cli(monkeypatch, capsys, *build_args(project), *case.args)
    lines = err.strip().splitlines()
    assert code == 1, err
    assert lines[0] == case.expected.format(line=line, anchor=anchor)
    assert lines[-1].startswith("Échec : ") and lines[-1].endswith(
        "à corriger. Le kit précédent n’a pas été modifié."
    )
    assert "Traceback" not in err + out and "Erreur inattendue" not in err
    assert snapshot(project / "output") == before
