"""`makekit init DIR`: a new workshop folder, ready to adapt and to build."""

from __future__ import annotations

import shutil
from pathlib import Path

from .errors import MakekitError

STARTER = Path(__file__).parent / "starter"
TERRITORY_HEADER = """\
# Le territoire de votre atelier.
#
# Les valeurs ci-dessous sont celles d’un territoire d’exemple, inventé pour le
# jeu (le Val de Sorne) : remplacez-les par celles de votre territoire, sans
# changer les noms des champs (à gauche des deux-points) ni l’indentation.
# Puis, dans ce dossier, lancez : makekit build
#
# Les cartes Scénario reprennent ces informations dans leurs textes. Certaines
# vont chercher un élément d’une liste par son rang (la 2e commune, le 1er
# acteur…) : l’ordre des listes compte. Un scénario qui a besoin d’un champ que
# vous ne remplissez pas est laissé de côté, et la fabrication vous le dit.
# Après la fabrication, relisez les cartes Scénario.
#
# Mettez les textes entre guillemets droits "…". Dans les textes, utilisez
# l’apostrophe typographique ’ et les guillemets français « … ».

"""
TERRITORY_FOOTER = """
# Cartes ajoutées, modifiées ou masquées, et cartes vierges : voir ce fichier.
cartes_locales: "cartes-locales.yaml"
"""


class FolderNotEmpty(MakekitError):
    def summary(self) -> str:
        return "Échec : aucun fichier n’a été écrit."


def init_workshop(target: Path) -> list[str]:
    """Create the workshop folder; return the names of what was written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FolderNotEmpty(
            f"{target} : ce dossier existe déjà et n’est pas vide ; choisissez un nouveau "
            "dossier, par exemple « makekit init atelier-mon-territoire »"
        )
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for entry in sorted(STARTER.iterdir()):
        destination = target / entry.name
        if entry.name == "territoire.yaml":
            destination.write_text(_workshop_territory(entry), encoding="utf-8")
        elif entry.name == "LISEZMOI.md":
            text = entry.read_text(encoding="utf-8").replace("{nom}", target.resolve().name)
            destination.write_text(text, encoding="utf-8")
        elif entry.is_dir():
            shutil.copytree(entry, destination, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(entry, destination)
        written.append(entry.name + ("/" if entry.is_dir() else ""))
    return written


def _workshop_territory(example: Path) -> str:
    """The example territory, with a header for a workshop folder and its local cards."""
    text = example.read_text(encoding="utf-8")
    body = text[text.index("# Nom complet du territoire") :]
    example = body.index("\n# Le fichier des cartes ajoutées")  # replaced by the real line
    return TERRITORY_HEADER + body[:example].rstrip("\n") + "\n" + TERRITORY_FOOTER
