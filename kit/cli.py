"""The command line, in French. User-facing errors are caught here, and only here."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import click

from . import __version__
from .cli_runs import run_kits, shown_path
from .errors import MakekitError

_HEADINGS = {"Options": "Options", "Commands": "Commandes", "Arguments": "Arguments"}
_USAGE_ERRORS = (
    ("No such option", "option inconnue"),
    ("No such command", "commande inconnue"),
    ("Missing argument", "argument manquant"),
    ("Missing option", "option manquante"),
    ("requires an argument", "demande une valeur"),
    ("does not exist", "n’existe pas"),
    ("Invalid value for", "valeur invalide pour"),
    ("Got unexpected extra argument", "argument en trop"),
)


class FrenchFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="Utilisation : ")

    def section(self, name: str):
        return super().section(_HEADINGS.get(name, name))


click.Context.formatter_class = FrenchFormatter
HELP = {"help_option_names": ["-h", "--help"]}


@click.group(context_settings=HELP)
@click.version_option(
    __version__,
    "--version",
    message="makekit %(version)s",
    help="Affiche la version de makekit et quitte.",
)
@click.help_option("-h", "--help", help="Affiche cette aide et quitte.")
def cli() -> None:
    """makekit fabrique un kit de jeu prêt à imprimer (cartes, plateau, livret) à partir du
    référentiel « Territoires en transition »."""


def kit_options(command):
    """The options shared by every command that builds a kit."""
    options = [
        click.option(
            "--territory",
            "--territoire",
            "territories",
            type=click.Path(path_type=Path),
            metavar="FICHIER",
            multiple=True,
            help="Fichier YAML du territoire (par défaut : territoire.yaml s’il existe, sinon "
            "territoires/val-de-sorne.yaml). Répétez l’option, ou donnez un dossier, pour "
            "construire plusieurs kits à la fois.",
        ),
        click.option(
            "--output",
            "--sortie",
            "output_root",
            type=click.Path(path_type=Path),
            metavar="DOSSIER",
            help="Dossier où écrire le kit (par défaut : output/).",
        ),
        click.option(
            "--profile",
            "--profil",
            "profile",
            default="a4-recto-verso",
            metavar="NOM",
            help="Profil d’impression : un fichier de layouts/ (par défaut : a4-recto-verso).",
        ),
        click.option(
            "--project",
            "--projet",
            "project",
            type=click.Path(path_type=Path),
            metavar="DOSSIER",
            default=".",
            help="Dossier du projet (celui qui contient referentiel.yaml).",
        ),
        click.option(
            "-q",
            "--quiet",
            "--silencieux",
            "quiet",
            is_flag=True,
            help="N’affiche rien sauf les erreurs (pour les scripts).",
        ),
        click.option(
            "--back-offset",
            "--decalage-verso",
            "back_offset",
            metavar="X,Y",
            help="Décale tous les versos de X mm vers la droite et Y mm vers le haut "
            "(valeurs lues sur la feuille de calibrage).",
        ),
        click.option(
            "--tables",
            "tables",
            default="1",
            metavar="N",
            help="Nombre de tables : les cartes sont imprimées N fois, une série par table "
            "(par défaut : 1).",
        ),
        click.option(
            "--sans-cache",
            "--no-cache",
            "cache",
            is_flag=True,
            flag_value=False,
            default=True,
            help="Redessine tout le kit, sans reprendre ce qui n’a pas changé depuis la "
            "dernière construction (.makekit-cache/, à côté de output/).",
        ),
        click.help_option("-h", "--help", help="Affiche cette aide et quitte."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@cli.command(context_settings=HELP)
@kit_options
def build(**options) -> None:
    """Construit le kit : cartes, plateau, livret de règles et kit complet, dans output/."""
    run_kits(preview=False, **options)


@cli.command(context_settings=HELP)
@kit_options
def preview(**options) -> None:
    """Construit le kit et une planche d’aperçu (PNG) de toutes les cartes, recto et verso,
    et du plateau, pour tout relire d’un coup d’œil avant d’imprimer."""
    result = run_kits(preview=True, **options)
    if result is not None and not options["quiet"]:
        png = next(o for o in result.outputs if o.component == "apercu")
        click.echo(f"Aperçu : {shown_path(result.kit_dir / png.path)}")


@cli.command(context_settings=HELP)
@click.argument("directory", metavar="DOSSIER", type=click.Path(path_type=Path))
@click.help_option("-h", "--help", help="Affiche cette aide et quitte.")
def init(directory: Path) -> None:
    """Crée un dossier d’atelier prêt à adapter : fichier du territoire à remplir, cartes
    locales, référentiel, scénarios, apparence des cartes et profils d’impression. Lancez
    ensuite « makekit build » dans ce dossier."""
    from .scaffold import init_workshop

    written = init_workshop(directory)
    click.echo(f"Dossier d’atelier créé : {shown_path(directory)}/ ({', '.join(written)})")
    click.echo("Remplissez territoire.yaml, puis, dans ce dossier : makekit build")


@cli.command(context_settings=HELP)
@click.argument("directory", required=False, metavar="[DOSSIER]", type=click.Path(path_type=Path))
@click.help_option("-h", "--help", help="Affiche cette aide et quitte.")
def check(directory: Path | None) -> None:
    """Contrôle les PDF d’un kit déjà construit, comme un imprimeur : formats et boîtes de
    coupe, polices incorporées, résolution et couleurs des images, couleurs CMJN, texte dans
    la zone tranquille, OutputIntent PDF/X. Affiche un tableau ; échoue s’il y a une erreur."""
    from .preflight import check_kit, counts, format_table

    kit_dir = directory or _only_kit()
    if not (kit_dir / "manifest.json").is_file():
        raise CheckWhat(
            f"{kit_dir} : pas de manifest.json, ce n’est pas un kit construit par makekit"
        )
    findings = check_kit(kit_dir)
    click.echo(format_table(findings))
    if counts(findings)[0]:
        sys.exit(1)


def _only_kit() -> Path:
    """Without a folder: the current one if it is a kit, else the only kit in output/."""
    if Path("manifest.json").is_file():
        return Path(".")
    kits = sorted(p.parent for p in Path("output").glob("*/manifest.json"))
    if len(kits) == 1:
        return kits[0]
    shown = ", ".join(str(k) for k in kits) or "aucun"
    raise CheckWhat(
        f"Indiquez le dossier du kit à contrôler, par exemple « makekit check "
        f"output/val-de-sorne » (kits trouvés : {shown})"
    )


class CheckWhat(MakekitError):
    def summary(self) -> str:
        return "Échec : aucun kit contrôlé."


def run() -> None:
    """The ``makekit`` command: ``main()``, then the process ends."""
    try:
        main()
    finally:
        # Ending, Python has its cycle collector walk every object the build's libraries
        # made (some 50 ms, a twentieth of a cold build): they go with the process anyway.
        gc.freeze()


def main() -> None:
    try:
        cli.main(standalone_mode=False, prog_name="makekit")
    except MakekitError as error:
        for line in error.lines():
            click.echo(line, err=True)
        click.echo(error.summary(), err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        from .processes import stop_children  # the forks of an interrupted build

        stop_children()
        click.echo("Interrompu.", err=True)
        sys.exit(130)
    except click.UsageError as error:
        click.echo(f"Erreur : {_french_usage(error.format_message())}", err=True)
        click.echo("Voir « makekit --help ».", err=True)
        sys.exit(2)
    except Exception as error:  # a bug of ours: say so plainly, without a traceback
        if os.environ.get("MAKEKIT_DEBUG"):
            raise
        click.echo(
            f"Erreur inattendue dans makekit : {error!r}. Relancez avec MAKEKIT_DEBUG=1 "
            "pour le détail et signalez-la.",
            err=True,
        )
        sys.exit(3)


def _french_usage(message: str) -> str:
    for english, french in _USAGE_ERRORS:
        message = message.replace(english, french)
    return message
