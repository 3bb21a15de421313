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
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputErrors([Problem(name, 0, "", "fichier introuvable")]) from None
    except UnicodeDecodeError as error:
        message = (
            f"le fichier n’est pas encodé en UTF-8 (octet illisible en position {error.start})"
        )
        raise InputErrors([Problem(name, 0, "", message)]) from None
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> Document:
    yaml = YAML(typ="safe")  # libyaml's parser where installed: same marks, twice as fast
    try:
        root = yaml.compose(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        raise InputErrors([Problem(name, line, "", _syntax_message(error))]) from None
    except YAMLError as error:
        raise InputErrors([Problem(name, 0, "", f"YAML illisible : {error}")]) from None
    document = Document(name, None)
    problems: list[Problem] = []
    if root is not None:
        document.data = _construct(root, (), yaml, document, problems)
    if problems:
        raise InputErrors(problems)
    return document


def _syntax_message(error: MarkedYAMLError) -> str:
    problem = (error.problem or "").strip()
    hints = {
        "found character '\\t' that cannot start any token": "tabulation interdite : indentez avec des espaces",
        "mapping values are not allowed here": "« : » inattendu : mettez le texte entre guillemets",
        "could not find expected ':'": "« : » manquant après une clé",
    }
    for english, french in hints.items():
        if english in problem:
            return f"erreur de syntaxe YAML : {french}"
    return f"erreur de syntaxe YAML : {problem or error}"


def _construct(node: Node, path: YamlPath, yaml: YAML, doc: Document, problems: list) -> Any:
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, MappingNode):
        return _construct_mapping(node, path, yaml, doc, problems)
    if isinstance(node, SequenceNode):
        return [
            _construct(item, (*path, index), yaml, doc, problems)
            for index, item in enumerate(node.value)
        ]
    assert isinstance(node, ScalarNode)
    return yaml.constructor.construct_object(node, deep=True)


def _construct_mapping(node: MappingNode, path: YamlPath, yaml, doc: Document, problems) -> dict:
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = yaml.constructor.construct_object(key_node, deep=True)
        key = str(key) if not isinstance(key, str) else key
        key_line = key_node.start_mark.line + 1
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
