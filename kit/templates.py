"""Jinja2 templates rendered in an immutable sandbox, over plain data, with StrictUndefined."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from babel.numbers import format_decimal, format_percent
from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError

from .sandbox import (
    MAX_SOURCE,
    MAX_TEXT,
    BoundedEnvironment,
    SecurityError,
    TemplateLimit,
    render_bounded,
)
from .typography import french, hyphenate

_JINJA_MARKS = ("{{", "{%", "{#")
_MISSING_ATTRIBUTE = re.compile(
    r"has no attribute '([^']+)'|'([^']+)' is undefined|no element (\w+)"
)


class TemplateProblem(Exception):
    """A template that cannot be rendered; the message is French and ready to show."""


def nombre(value: float, decimals: int = 0) -> str:
    """18450 -> "18 450" (narrow no-break space), French decimal comma."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale="fr_FR")


def pourcent(value: float, decimals: int = 0) -> str:
    """0.226 -> "23 %"."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + " %"
    return format_percent(value, format=pattern, locale="fr_FR").replace(" %", "\u00a0%")


def load_french_data() -> None:
    """Load the hyphenation patterns and babel's French number formats now (some 30 ms):
    a process forked afterwards shares them instead of loading them again."""
    hyphenate("hyphenation")
    nombre(0)


@functools.cache
def _environment() -> BoundedEnvironment:
    return BoundedEnvironment({"nombre": nombre, "pourcent": pourcent})


@functools.lru_cache(maxsize=1024)
def _compiled(source: str):
    """Card templates are shared by every card of a family: compile each once."""
    return _environment().from_string(source)


def render(source: str, context: Mapping[str, Any]) -> str:
    """Render one template and apply French typography; raise TemplateProblem."""
    if len(source) <= MAX_TEXT and not any(mark in source for mark in _JINJA_MARKS):
        return _plain(source)  # most texts of the booklet: Jinja would give them back as is
    try:
        text = _render_skeleton(source, context)
        if text is None:
            text = render_bounded(_compiled(source), context)
    except TemplateLimit as error:
        raise TemplateProblem(str(error)) from None
    except (RecursionError, SyntaxError, MemoryError):  # parentheses nested by the thousand
        raise TemplateProblem("le modèle est trop imbriqué") from None
    except TemplateSyntaxError as error:
        raise TemplateProblem(
            f"modèle invalide : {error.message} (ligne {error.lineno} du modèle)"
        ) from None
    except UndefinedError as error:
        raise TemplateProblem(_undefined_message(source, str(error))) from None
    except SecurityError:
        raise TemplateProblem("le modèle tente d’accéder à un élément interdit") from None
    except ZeroDivisionError:
        raise TemplateProblem(
            "le modèle ne peut pas être calculé : division par zéro (une valeur vaut 0 dans le "
            "fichier du territoire ?)"
        ) from None
    except (TemplateError, TypeError, ValueError, ArithmeticError) as error:
        raise TemplateProblem(f"le modèle ne peut pas être calculé : {error}") from None
    return _plain(text)


LITERAL = "makekit_texte_"  # the variables holding a skeleton's texts


def _render_skeleton(source: str, context: Mapping[str, Any]) -> str | None:
    """The template rendered through its skeleton, or None to render it as it is: then any
    error is the template's own, with its own line numbers."""
    skeleton = _skeleton(source)
    if skeleton is None:
        return None
    template, texts, pieces = skeleton
    try:
        if pieces is not None:
            return _joined(pieces, context)
        values = {**context, **{f"{LITERAL}{n}": text for n, text in enumerate(texts)}}
        return render_bounded(_compiled(template), values)
    except Exception:
        return None


Lookup = tuple[str, tuple[tuple[bool, Any], ...]]  # a name, then (is it an attribute?, key)s


def _joined(pieces: tuple[str | Lookup, ...], context: Mapping[str, Any]) -> str | None:
    """A skeleton whose every ``{{ … }}`` is a path (``a.b[0]``) rendered without compiling
    it: each path looked up as Jinja's code for it does, through the sandbox's getattr and
    getitem (StrictUndefined raises). None to let Jinja render it (and say what is wrong)."""
    environment, out = _environment(), []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(piece)
            continue
        name, steps = piece
        if name not in context:
            return None  # a global, or undefined: Jinja's own resolution
        value = context[name]
        for attribute, key in steps:
            value = (
                environment.getattr(value, key) if attribute else environment.getitem(value, key)
            )
        out.append(str(value))
    text = "".join(out)
    return text if len(text) <= MAX_TEXT else None


@functools.lru_cache(maxsize=4096)
def _skeleton(
    source: str,
) -> tuple[str, tuple[str, ...], tuple[str | Lookup, ...] | None] | None:
    """A template made only of texts and ``{{ … }}`` gives the same output as its skeleton,
    the template with each text replaced by a variable holding it, and that skeleton is
    the same for every scenario written alike: compiled once for a thousand scenarios.
    Third: its texts and paths in order, when every ``{{ … }}`` is a path (see _joined)."""
    if len(source) > MAX_SOURCE:
        return None
    parts: list[str] = []
    texts: list[str] = []
    pieces: list[str | Lookup] | None = []
    inside: list[tuple[str, str]] | None = None  # the tokens of the current {{ … }}
    try:
        tokens = list(_environment().lex(source))
    except TemplateSyntaxError:
        return None
    for _, kind, value in tokens:
        if kind == "data" and inside is None:
            parts.append(f"{{{{ {LITERAL}{len(texts)} }}}}")
            texts.append(value)
            if pieces is not None:
                pieces.append(value)
        elif kind == "variable_begin" and value == "{{" and inside is None:
            inside = []
            parts.append(value)
        elif kind == "variable_end" and value == "}}" and inside is not None:
            lookup = _lookup(inside)
            if lookup is None:
                pieces = None
            elif pieces is not None:
                pieces.append(lookup)
            inside = None
            parts.append(value)
        elif inside is not None and kind not in ("variable_begin", "variable_end"):
            inside.append((kind, value))
            parts.append(value)
        else:  # a block, a comment, whitespace control: compiled as it is
            return None
    if inside is not None:
        return None
    return "".join(parts), tuple(texts), None if pieces is None else tuple(pieces)


# Names Jinja reads as constants, operators or its own objects, never from the context
_NOT_VARIABLES = frozenset(
    {"true", "false", "none", "True", "False", "None", "self", "loop", "super", "caller"}
    | {"varargs", "kwargs", "not", "and", "or", "in", "is", "if", "else"}
)


def _lookup(tokens: list[tuple[str, str]]) -> Lookup | None:
    """``name``, then ``.name`` or ``[integer]`` steps, and nothing else: a path."""
    tokens = [token for token in tokens if token[0] != "whitespace"]
    if not tokens or tokens[0][0] != "name" or tokens[0][1] in _NOT_VARIABLES:
        return None
    steps, rest = [], tokens[1:]
    while rest:
        if rest[0] == ("operator", ".") and len(rest) > 1 and rest[1][0] == "name":
            steps.append((True, rest[1][1]))
            rest = rest[2:]
        elif rest[0] == ("operator", "[") and len(rest) > 2 and rest[1][0] == "integer":
            if rest[2] != ("operator", "]"):
                return None
            try:  # as Jinja reads an integer: 0x1F, 1_000
                steps.append((False, int(rest[1][1].replace("_", ""), 0)))
            except ValueError:
                return None
            rest = rest[3:]
        else:
            return None
    return tokens[0][1], tuple(steps)


def _plain(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return french("\n".join(line for line in lines if line))


def _undefined_message(source: str, english: str) -> str:
    match = _MISSING_ATTRIBUTE.search(english)
    name = next((g for g in match.groups() if g), None) if match else None
    if name is None:
        return f"le modèle utilise un champ qui n’existe pas ({english})"
    usage = re.search(r"[\w.\[\]]*\b" + re.escape(name) + r"\b", source)
    shown = usage.group(0) if usage else name
    shown += "]" * (shown.count("[") - shown.count("]"))
    return f"le modèle utilise « {shown} », qui n’existe pas dans les données"
