"""What can go wrong in a YAML file before its data is read, told in French with a line.

Files travel by e-mail and shared drives: they arrive in Latin-1 or UTF-16, with NUL
bytes, as enormous exports, or with tags that would construct Python objects. Each
case gets a message saying what to do, never a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml.error import MarkedYAMLError

from .errors import InputErrors, Problem

MAX_FILE_BYTES = 2_000_000
MAX_TEXT_CHARS = 10_000  # one value; the longest text of the kit is under 1,000
MAX_DEPTH = 40
MAX_NODES = 200_000  # values in a file once aliases (*nom) are expanded
PLAIN_TAGS = {
    f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "float", "bool", "null", "seq", "map")
}
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SYNTAX_HINTS = {
    "that cannot start any token": "caractère inattendu en début de valeur ; "
    "si c’est un texte, mettez-le entre guillemets",
    "mapping values are not allowed": "« : » inattendu : mettez le texte entre guillemets",
    "could not find expected ':'": "« : » manquant après une clé",
    "did not find expected key": "clé attendue : vérifiez l’indentation et les guillemets "
    "de cette ligne et des précédentes",
    "did not find expected '-' indicator": "élément de liste attendu (« - ») : vérifiez l’indentation",
    "did not find expected ',' or ']'": "liste entre crochets mal fermée : il manque « ] » ou « , »",
    "did not find expected ',' or '}'": "accolades mal fermées : il manque « } » ou « , »",
    "found unexpected end of stream": "fin de fichier inattendue : un guillemet ou un crochet "
    "n’est pas refermé",
    "found unexpected ':'": "« : » inattendu : mettez le texte entre guillemets",
    "found undefined alias": "alias « * » qui ne renvoie à aucune ancre « & »",
    "found duplicate anchor": "ancre « & » en double",
    "found unknown escape character": "séquence « \\ » inconnue dans un texte entre guillemets "
    "doubles : écrivez « \\\\ » ou utilisez des guillemets simples",
    "expected <block end>, but found": "indentation incohérente : alignez cette ligne sur les "
    "clés de même niveau",
    "found a tab character": "tabulation interdite : indentez avec des espaces",
    "block sequence entries are not allowed": "« - » inattendu : vérifiez l’indentation",
}


def read_text(path: Path, name: str) -> str:
    """The file's text, or InputErrors saying why it cannot be read as UTF-8 YAML."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputErrors([Problem(name, 0, "", "fichier introuvable")]) from None
    if not path.is_file():
        raise InputErrors([Problem(name, 0, "", "ce n’est pas un fichier")])
    if size > MAX_FILE_BYTES:
        message = f"fichier trop gros ({_mb(size)} ; {_mb(MAX_FILE_BYTES)} au plus) : est-ce bien le bon fichier ?"
        raise InputErrors([Problem(name, 0, "", message)])
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        message = "le fichier est encodé en UTF-16 : enregistrez-le en UTF-8"
        raise InputErrors([Problem(name, 1, "", message)])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = (
            f"le fichier n’est pas encodé en UTF-8 (octet 0x{data[error.start]:02X} illisible) : "
            "enregistrez-le en UTF-8 (dans votre éditeur : « Enregistrer sous », encodage UTF-8)"
        )
        raise InputErrors([Problem(name, line, "", message)]) from None
    check_characters(text, name)
    return text


def check_characters(text: str, name: str) -> None:
    """Control characters (a NUL byte, a stray escape) mean a damaged or binary file."""
    found = CONTROL.search(text)
    if found:
        line = text[: found.start()].count("\n") + 1
        code = f"U+{ord(found.group()):04X}"
        message = (
            f"caractère de contrôle {code} interdit : le fichier est abîmé ou n’est pas un texte"
        )
        raise InputErrors([Problem(name, line, "", message)])


def syntax_message(error: MarkedYAMLError, text: str) -> str:
    problem = (error.problem or "").strip()
    mark = error.problem_mark
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        return "erreur de syntaxe YAML : tabulation interdite : indentez avec des espaces"
    for english, french in _SYNTAX_HINTS.items():
        if english in problem:
            return f"erreur de syntaxe YAML : {french}"
    return "erreur de syntaxe YAML : vérifiez l’indentation, les « : » et les guillemets"


UNCLOSED_QUOTE = (
    'erreur de syntaxe YAML : guillemet « " » non refermé : ajoutez « " » à la fin du texte'
)
_QUOTE = re.compile(r'(?<!\\)"')
_LOOK_BACK = 12  # lines above the parser's mark where an opened quote may hide


def unclosed_quote_line(text: str, error_line: int) -> int | None:
    """The line (from 1) above a syntax error whose double quotes do not pair up, if any:
    libyaml reports an unclosed « " » only where the next key no longer makes sense."""
    lines = text.split("\n")
    for index in range(min(error_line, len(lines)) - 1, max(error_line - 1 - _LOOK_BACK, -1), -1):
        line = lines[index].split(" #")[0] if '"' not in lines[index] else lines[index]
        if line.lstrip().startswith("#"):
            continue
        if len(_QUOTE.findall(line)) % 2:
            return index + 1
    return None


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    if 0 <= line < len(lines) and 0 <= column < len(lines[line]):
        return lines[line][column]
    return ""


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} Mo".replace(".", ",")
