"""Stage 2, validate: every problem of every file, in French, all at once.

The shape of each file is a JSON Schema under ``kit/schemas``; checks a schema
cannot express (unique ids, references between files, known pictograms) follow.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable
from importlib import resources
from typing import TYPE_CHECKING, Any

from ruamel.yaml import YAML

from .errors import Problem
from .load import Document, YamlPath

if TYPE_CHECKING:  # jsonschema is loaded by the first schema check (see kit.companion)
    from jsonschema import Draft202012Validator, ValidationError

    from .sources import Sources

TYPE_NAMES = {
    "string": "un texte",
    "integer": "un nombre entier",
    "number": "un nombre",
    "array": "une liste",
    "object": "une liste de clés (« clé: valeur »)",
    "boolean": "« true » ou « false »",
    "null": "vide",
}


@functools.cache
def _schema(name: str) -> dict:
    text = resources.files("kit.schemas").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    # libyaml, 10× faster than the pure loader, which reads these files the same (tests/test_speed.py)
    return YAML(typ="safe").load(text)


@functools.cache
def _validator(name: str) -> Draft202012Validator:
    Draft202012Validator, Registry, Resource, DRAFT202012 = load_jsonschema()  # noqa: N806
    common = Resource.from_contents(_schema("common"), default_specification=DRAFT202012)
    registry = Registry().with_resource("common.yaml", common)
    return Draft202012Validator(_with_common_inlined(_schema(name)), registry=registry)


def load_jsonschema() -> tuple:
    """jsonschema, loaded by the first schema check: a build's main process leaves it to
    the companion (kit/companion.py)."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    return Draft202012Validator, Registry, Resource, DRAFT202012


def _with_common_inlined(node: Any) -> Any:
    """The schema with each ``$ref`` to common.yaml replaced by what it names: jsonschema
    resolves a reference at every use, and 1,000 scenarios took 4× longer to check."""
    if isinstance(node, list):
        return [_with_common_inlined(item) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if not (isinstance(ref, str) and ref.startswith(_COMMON)):
        return {key: _with_common_inlined(value) for key, value in node.items()}
    target = _schema("common")
    for part in ref.removeprefix(_COMMON).split("/"):
        target = target[part]
    inlined = _with_common_inlined(target)
    siblings = {k: _with_common_inlined(v) for k, v in node.items() if k != "$ref"}
    return {**siblings, "allOf": [inlined]} if siblings else inlined


_COMMON = "common.yaml#/"


def check_schema(document: Document, schema_name: str) -> list[Problem]:
    """Problems of ``document`` against ``kit/schemas/<schema_name>.yaml``."""
    if document.data is None:
        return [Problem(document.file, 1, "", "le fichier est vide")]
    errors = _validator(schema_name).iter_errors(document.data)
    problems: list[Problem] = []
    for error in _leaves(errors):
        problems.extend(_translate(error, document))
    return problems


def schema_problems(sources: Sources) -> list[Problem]:
    """Every file against its JSON Schema (the companion checks them, see kit.companion)."""
    problems = check_schema(sources.referentiel, "referentiel")
    problems += check_schema(sources.scenarios, "scenarios")
    problems += check_schema(sources.roles, "roles")
    problems += check_schema(sources.territory, "territoire")
    problems += check_schema(sources.profile, "profil")
    for document in sources.families.values():
        problems += check_schema(document, "famille")
    local = sources.local_cards
    if local is not None and local.data is not None:
        problems += check_schema(local, "cartes_locales")
    return problems


def _leaves(errors: Iterable[ValidationError]) -> Iterable[ValidationError]:
    """For anyOf/oneOf, report the most relevant sub-error instead of the wrapper."""
    for error in errors:
        if error.context:
            yield from _leaves([min(error.context, key=lambda e: len(e.schema_path))])
        else:
            yield error


def _translate(error: ValidationError, document: Document) -> list[Problem]:
    path: YamlPath = tuple(error.absolute_path)
    if error.validator == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        return [
            document.problem((*path, key), _unknown_key(key, known))
            for key in error.instance
            if key not in known
        ]
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return [document.problem(path, f"champ obligatoire « {missing} » manquant")]
    return [document.problem(path, _message(error))]


def _unknown_key(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return f"clé inconnue « {key} » (vouliez-vous dire « {close[0]} » ?)"
    return f"clé inconnue « {key} » (clés possibles : {', '.join(known)})"


def _message(error: ValidationError) -> str:
    if "x-message" in error.schema and error.validator in ("pattern", "type"):
        return error.schema["x-message"]  # « 10 » for a length: say how to write one
    kind = error.validator
    if kind == "type":
        return (
            f"doit être {TYPE_NAMES[error.validator_value]} (trouvé : {_describe(error.instance)})"
        )
    if kind == "enum":
        choices = ", ".join(f"« {v} »" for v in error.validator_value)
        return f"valeur « {error.instance} » inconnue (valeurs possibles : {choices})"
    if kind == "minLength":
        return "ne doit pas être vide"
    if kind == "minimum":
        return f"doit être supérieur ou égal à {error.validator_value} (trouvé : {error.instance})"
    if kind == "maximum":
        return f"doit être inférieur ou égal à {error.validator_value} (trouvé : {error.instance})"
    if kind == "minItems":
        return f"doit contenir au moins {error.validator_value} élément(s)"
    if kind == "maxItems":
        return f"doit contenir au plus {error.validator_value} élément(s)"
    return f"valeur invalide ({error.message})"


def _describe(value: Any) -> str:
    if value is None:
        return "rien"
    if isinstance(value, bool):
        return f"« {str(value).lower()} »"
    if isinstance(value, int | float):
        return f"le nombre {value}"
    if isinstance(value, str):
        return f"le texte « {value} »"
    if isinstance(value, list):
        return "une liste"
    return "une liste de clés"


def unique_values(
    document: Document, items: list[tuple[YamlPath, Any]], what: str
) -> list[Problem]:
    """One problem for each value already seen at an earlier path."""
    seen: dict[Any, YamlPath] = {}
    problems = []
    for path, value in items:
        if value in seen:
            first = f"ligne {document.line_of(seen[value])}"
            if document.file_of(seen[value]) != document.file_of(path):  # e.g. a local card
                first += f" de {document.file_of(seen[value])}"
            problems.append(
                document.problem(path, f"{what} « {value} » en double (déjà utilisé {first})")
            )
        else:
            seen[value] = path
    return problems
