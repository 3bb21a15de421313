"""Stage 1, load: YAML files become plain data plus the line of every value.

ruamel.yaml composes the node tree (which keeps positions); we construct plain
Python values from it ourselves so that duplicate keys are all reported with
both lines instead of stopping at the first one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import InputErrors, Problem
from .yaml_text import (
    CONTROL,
    MAX_DEPTH,
    MAX_NODES,
    MAX_TEXT_CHARS,
    PLAIN_TAGS,
    TIMESTAMP_TAG,
    UNCLOSED_QUOTE,
    check_characters,
    read_text,
    syntax_message,
    unclosed_quote_line,
)

YamlPath = tuple[str | int, ...]


def format_path(path: YamlPath) -> str:
    """("axes", 0, "titre") -> "axes[1].titre": list items are counted from 1 for readers."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@dataclass
class Document:
    """One loaded YAML file: its data and the line of each path in it."""

    file: str
    data: Any
    lines: dict[YamlPath, int] = field(default_factory=dict)
    files: dict[YamlPath, str] = field(default_factory=dict)  # for values merged from another file

    def _known(self, path: YamlPath) -> YamlPath:
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return path

    def line_of(self, path: YamlPath) -> int:
        """The line of the value at ``path``, or of its nearest ancestor that has one."""
        return self.lines.get(self._known(path), 1)

    def file_of(self, path: YamlPath) -> str:
        return self.files.get(self._known(path), self.file)

    def problem(self, path: YamlPath, message: str) -> Problem:
        return Problem(self.file_of(path), self.line_of(path), format_path(path), message)


def merged(parent: Document, child: Document) -> Document:
    """``child`` over ``parent``, mappings merged key by key; every value keeps its file and line."""
    result = Document(child.file, None)
    result.data = _merge(parent, child, (), result)
    return result


def _merge(parent: Document, child: Document, path: YamlPath, into: Document) -> Any:
    old, new = _value_at(parent.data, path), _value_at(child.data, path)
    if isinstance(old, dict) and isinstance(new, dict):
        _record(into, child, path)
        return {key: _merge(parent, child, (*path, key), into) for key in {**old, **new}}
    if new is not _MISSING:
        _copy_positions(into, child, path)
        return new
    _copy_positions(into, parent, path)
    return old


_MISSING = object()


def _value_at(data: Any, path: YamlPath) -> Any:
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return _MISSING
        data = data[part]
    return data


def _record(into: Document, source: Document, path: YamlPath) -> None:
    if path in source.lines:
        into.lines[path] = source.lines[path]
        into.files[path] = source.file_of(path)


def _copy_positions(into: Document, source: Document, path: YamlPath) -> None:
    for known in source.lines:
        if known[: len(path)] == path:
            into.lines[known] = source.lines[known]
            into.files[known] = source.file_of(known)


def load_yaml(path: Path, display_name: str | None = None) -> Document:
    """Read one YAML file; raise InputErrors listing every problem found while reading."""
    name = display_name or str(path)
    return parse_yaml(read_text(path, name), name)


def parse_yaml(text: str, name: str) -> Document:
    check_characters(text, name)
    yaml = YAML(typ="safe")  # libyaml's parser where installed: same marks, twice as fast
    try:
        root = yaml.compose(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        quote = unclosed_quote_line(text, line)
        if quote is not None:  # the parser stumbles lines later; the fix is on this one
            raise InputErrors([Problem(name, quote, "", UNCLOSED_QUOTE)]) from None
        raise InputErrors([Problem(name, line, "", syntax_message(error, text))]) from None
    except YAMLError:
        message = "YAML illisible : vérifiez l’indentation, les « : » et les guillemets"
        raise InputErrors([Problem(name, 0, "", message)]) from None
    except RecursionError:
        raise InputErrors([Problem(name, 0, "", _TOO_DEEP)]) from None
    document = Document(name, None)
    problems: list[Problem] = []
    if root is not None:
        document.data = _construct(root, (), yaml, document, problems)
    if problems:
        raise InputErrors(problems)
    return document


_NULL_KEY = (
    "clé vide : « ~ », « null » ou rien ne nomment pas une clé ; écrivez son nom avant « : »"
)
_TOO_DEEP = (
    f"structure trop imbriquée (plus de {MAX_DEPTH} niveaux) ou alias « * » qui se contient "
    "lui-même"
)


def _construct(node: Node, path: YamlPath, yaml: YAML, doc: Document, problems: list) -> Any:
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if len(path) > MAX_DEPTH:
        raise InputErrors([doc.problem(path[:1], _TOO_DEEP)])
    if len(doc.lines) > MAX_NODES:
        message = (
            f"trop de valeurs (plus de {MAX_NODES:,} une fois les alias « * » développés)"
        ).replace(",", "\u202f")
        raise InputErrors([Problem(doc.file, node.start_mark.line + 1, "", message)])
    if node.tag not in PLAIN_TAGS and node.tag != TIMESTAMP_TAG:
        message = (
            f"étiquette YAML « {node.tag.replace('tag:yaml.org,2002:', '!!')} » refusée : "
            "makekit ne lit que des textes, des nombres, des listes et des clés"
        )
        problems.append(Problem(doc.file, node.start_mark.line + 1, format_path(path), message))
        return None
    if isinstance(node, MappingNode):
        return _construct_mapping(node, path, yaml, doc, problems)
    if isinstance(node, SequenceNode):
        return [
            _construct(item, (*path, index), yaml, doc, problems)
            for index, item in enumerate(node.value)
        ]
    return _scalar(node, path, yaml, doc, problems)


def _scalar(node: Node, path: YamlPath, yaml: YAML, doc: Document, problems: list) -> Any:
    """A text, number, boolean or nothing; never an object built from a tag."""
    line = node.start_mark.line + 1
    where = format_path(path)
    if node.tag == TIMESTAMP_TAG:  # a date stays the text it was written as
        return node.value
    try:
        value = yaml.constructor.construct_object(node, deep=True)
    except (ValueError, YAMLError):
        problems.append(Problem(doc.file, line, where, "nombre illisible ou trop long"))
        return None
    if isinstance(value, str) and len(value) > MAX_TEXT_CHARS:
        message = (
            f"texte trop long ({len(value):,} caractères ; {MAX_TEXT_CHARS:,} au plus)"
        ).replace(",", "\u202f")
        problems.append(Problem(doc.file, line, where, message))
        return value[:MAX_TEXT_CHARS]
    control = CONTROL.search(value) if isinstance(value, str) else None
    if control:
        message = f"caractère de contrôle U+{ord(control.group()):04X} interdit dans un texte"
        problems.append(Problem(doc.file, line, where, message))
    return value


def _construct_mapping(node: MappingNode, path: YamlPath, yaml, doc: Document, problems) -> dict:
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, ScalarNode):
            message = "clé invalide : une clé est un simple mot suivi de « : »"
            problems.append(Problem(doc.file, key_line, format_path(path), message))
            continue
        key = _scalar(key_node, path, yaml, doc, problems)
        if key is None:
            problems.append(Problem(doc.file, key_line, format_path(path), _NULL_KEY))
            continue
        key = key if isinstance(key, str) else str(key_node.value)  # as written: 12, true
        if not key.strip() or key != " ".join(key.split()):
            message = (
                f"clé invalide « {' '.join(key.split())} » : une clé est un mot, sur une ligne"
            )
            problems.append(Problem(doc.file, key_line, format_path(path), message))
            continue
        child = (*path, key)
        if key in mapping:
            first = doc.lines[child]
            problems.append(
                Problem(
                    doc.file,
                    key_line,
                    format_path(child),
                    f"clé « {key} » en double (déjà définie ligne {first})",
                )
            )
            continue
        doc.lines[child] = key_line
        mapping[key] = _construct(value_node, child, yaml, doc, problems)
    return mapping
