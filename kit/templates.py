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
    template, texts = skeleton
    values = {**context, **{f"{LITERAL}{n}": text for n, text in enumerate(texts)}}
    try:
        return render_bounded(_compiled(template), values)
    except Exception:
        return None


@functools.lru_cache(maxsize=4096)
def _skeleton(source: str) -> tuple[str, tuple[str, ...]] | None:
    """A template made only of texts and ``{{ … }}`` gives the same output as its skeleton,
    the template with each text replaced by a variable holding it, and that skeleton is
    the same for every scenario written alike: compiled once for a thousand scenarios."""
    if len(source) > MAX_SOURCE:
        return None
    parts: list[str] = []
    texts: list[str] = []
    inside = False
    try:
        tokens = list(_environment().lex(source))
    except TemplateSyntaxError:
        return None
    for _, kind, value in tokens:
        if kind == "data" and not inside:
            parts.append(f"{{{{ {LITERAL}{len(texts)} }}}}")
            texts.append(value)
        elif kind == "variable_begin" and value == "{{" and not inside:
            inside = True
            parts.append(value)
        elif kind == "variable_end" and value == "}}" and inside:
            inside = False
            parts.append(value)
        elif inside and kind not in ("variable_begin", "variable_end"):
            parts.append(value)
        else:  # a block, a comment, whitespace control: compiled as it is
            return None
    return None if inside else ("".join(parts), tuple(texts))


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
