"""A Jinja2 sandbox that also bounds what a template may cost.

Jinja's immutable sandbox stops attribute escapes but not ``'x' * 10**9`` or a loop
of a billion turns. Here every way a template can make a big value goes through a
check: binary operators, calls, filters, string concatenation (``~``) and loops
(both rewritten into calls of guards below). Macros and block assignments are
refused, so that all output reaches the caller, which counts it. No signal or
thread is needed: the bounds hold in any thread.
"""

from __future__ import annotations

import contextvars
import functools
import re
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.runtime import str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

MAX_TEXT = 20_000  # characters (or items) of any value a template computes, and of its output
MAX_RANGE = 1_000
MAX_TURNS = 100_000  # loop turns in one rendering
MAX_SECONDS = 2.0
MAX_SOURCE = 20_000  # characters of a template
MAX_INT_BITS = 4_096
_FORBIDDEN = {
    nodes.Macro: "{% macro %}",
    nodes.CallBlock: "{% call %}",
    nodes.FilterBlock: "{% filter %}",
    nodes.AssignBlock: "{% set %}…{% endset %}",
    nodes.Extends: "{% extends %}",
    nodes.Include: "{% include %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from %}",
}
# A huge or computed field width, in « % » formats and in str.format's « {:…} ».
_WIDE_FORMAT = re.compile(r"%[-#0 +]*(\*|\d{6,}|\d*\.(\*|\d{6,}))|\{[^{}]*:[^{}]*(\d{6,}|\{)")


class TemplateLimit(Exception):
    """A template that would cost too much; the message is French and ready to show."""


class _Budget:
    def __init__(self) -> None:
        self.deadline = time.monotonic() + MAX_SECONDS
        self.turns = 0

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateLimit(
                f"le modèle demande trop de calculs (plus de {MAX_SECONDS:g} secondes)".replace(
                    ".", ","
                )
            )


_budget: contextvars.ContextVar[_Budget] = contextvars.ContextVar("template_budget")


def _tick() -> None:
    budget = _budget.get(None)
    if budget is not None:
        budget.tick()


def _count(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")


def _too_long() -> TemplateLimit:
    return TemplateLimit(
        f"le modèle produit un texte trop long (plus de {_count(MAX_TEXT)} caractères)"
    )


def _checked(value: Any) -> Any:
    """``value`` itself, once its size is known to be within bounds."""
    if isinstance(value, _SIZED) and len(value) > MAX_TEXT:
        raise _too_long()
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise TemplateLimit("le modèle calcule un nombre démesuré")
    return value


def _size(value: Any) -> int:
    return len(value) if isinstance(value, _SIZED) else 0


def bounded_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimit(f"« range » est limité à {_count(MAX_RANGE)} nombres")
    return numbers


def loop_guard(iterable: Iterable[Any]) -> Iterator[Any]:
    """Every ``{% for %}`` iterates through this: it counts turns and watches the clock."""
    budget = _budget.get(None)
    for item in iterable:
        if budget is not None:
            budget.turns += 1
            if budget.turns > MAX_TURNS:
                raise TemplateLimit(
                    f"le modèle demande trop de calculs (plus de {_count(MAX_TURNS)} tours de boucle)"
                )
            budget.tick()
        yield item


def concat(*values: Any) -> str:
    """``a ~ b``: bounded like every other way of making a text."""
    if sum(len(str(v)) if not isinstance(v, str) else len(v) for v in values) > MAX_TEXT:
        raise _too_long()
    return str_join(values)


def _check_width(width: Any, times: int = 1) -> None:
    width = len(width) if isinstance(width, str) else width  # indent() also takes a text
    if isinstance(width, int) and width * max(times, 1) > MAX_TEXT:
        raise _too_long()


def _check_join(items: Any, separator: Any) -> None:
    if isinstance(items, str | list | tuple):
        pieces = sum(len(x) if isinstance(x, str) else 1 for x in items)
        if pieces + len(str(separator)) * max(len(items) - 1, 0) > MAX_TEXT:
            raise _too_long()


def _check_format(fmt: Any) -> None:
    if isinstance(fmt, str) and _WIDE_FORMAT.search(fmt):
        raise TemplateLimit("le modèle demande une largeur de champ démesurée ou calculée")


def _check_replace(text: Any, old: Any, new: Any) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        count = text.count(old) if old else len(text) + 1
        if len(text) + count * len(new) > MAX_TEXT:
            raise _too_long()


def _precheck(name: str, value: Any, args: tuple, kwargs: dict) -> None:
    """Refuse, before computing it, a text that would be too big to build at all."""
    first = args[0] if args else next(iter(kwargs.values()), None)
    if name in ("center", "ljust", "rjust", "zfill", "truncate", "batch", "slice"):
        _check_width(first)
    elif name in ("indent", "expandtabs"):
        _check_width(first, str(value).count("\n") + 1 if name == "indent" else len(str(value)))
    elif name == "wordwrap":
        wrap = kwargs.get("wrapstring", args[2] if len(args) > 2 else "\n")
        _check_width(len(str(wrap)), len(str(value)))
    elif name == "replace" and len(args) >= 2:
        _check_replace(value, args[0], args[1])
    elif name in ("format", "format_map"):
        _check_format(value)
    elif name == "join":  # the filter: items | join(separator)
        _check_join(value, first if first is not None else "")
    elif name == "str.join":  # the method: separator.join(items)
        _check_join(first, value)
    elif name == "translate":
        raise TemplateLimit("« translate » n’est pas permis dans un modèle")
    elif name in ("nombre", "pourcent"):
        _check_width(args[0] if args else kwargs.get("decimals", 0), 1000)


def _guarded_filter(name: str, function: Callable) -> Callable:
    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _tick()
        values = args[1:] if getattr(function, "jinja_pass_arg", None) else args
        if values:
            _precheck(name, values[0], values[1:], kwargs)
        return _checked(function(*args, **kwargs))

    return guarded


_SIZE_OPERATORS = {"*", "**", "+", "%"}
_SIZED = (str, bytes, bytearray, list, tuple, dict, set, frozenset)


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with StrictUndefined and a bounded cost per rendering."""

    intercepted_binops = frozenset(_SIZE_OPERATORS)

    def __init__(self, filters: dict[str, Callable]) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=False)
        for name in ("lipsum", "namespace"):  # text generators and mutable state
            self.globals.pop(name, None)
        self.globals["range"] = bounded_range
        self.filters.update(filters)
        self.filters = {name: _guarded_filter(name, f) for name, f in self.filters.items()}

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        if len(source) > MAX_SOURCE:
            raise TemplateLimit(
                f"modèle trop long ({_count(len(source))} caractères ; {_count(MAX_SOURCE)} au plus)"
            )
        tree = super()._parse(source, name, filename)
        for kind, tag in _FORBIDDEN.items():
            if tree.find(kind) is not None:
                raise TemplateLimit(f"« {tag} » n’est pas permis dans un modèle")
        for loop in tree.find_all(nodes.For):
            loop.iter = _call("kit.sandbox.loop_guard", [loop.iter], loop.lineno)
        for node in list(tree.find_all(nodes.Concat)):
            node.nodes = [_call("kit.sandbox.concat", node.nodes, node.lineno)]
        return tree

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _tick()
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
            if max(left.bit_length(), 1) * right > MAX_INT_BITS:
                raise TemplateLimit("le modèle calcule un nombre démesuré")
        elif operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(times, int) and _size(seq):
                    _check_width(len(seq), times)
        elif operator == "+" and _size(left) + _size(right) > MAX_TEXT:
            raise _too_long()
        elif operator == "%" and isinstance(left, str):
            _check_format(left)
        try:
            return _checked(super().call_binop(context, operator, left, right))
        except OverflowError:
            raise TemplateLimit("le modèle calcule un nombre démesuré") from None

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        _tick()
        target = getattr(__obj, "__wrapped__", __obj)
        owner = getattr(target, "__self__", None)
        if isinstance(owner, str):
            name = getattr(target, "__name__", "")
            _precheck("str.join" if name == "join" else name, owner, args, kwargs)
        return _checked(super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        _tick()
        return super().getattr(obj, attribute)


def _call(function: str, args: list[nodes.Expr], lineno: int) -> nodes.Call:
    return nodes.Call(nodes.ImportedName(function), args, [], None, None, lineno=lineno)


def render_bounded(template: Any, context: dict[str, Any]) -> str:
    """The template's output, refused once it is too long, too slow or too loopy."""
    token = _budget.set(_Budget())
    try:
        pieces: list[str] = []
        total = 0
        for piece in template.generate(context):
            total += len(piece)
            if total > MAX_TEXT:
                raise _too_long()
            _tick()
            pieces.append(piece)
        return "".join(pieces)
    except RecursionError:
        raise TemplateLimit("le modèle est trop imbriqué") from None
    finally:
        _budget.reset(token)


__all__ = ["MAX_TEXT", "BoundedEnvironment", "SecurityError", "TemplateLimit", "render_bounded"]
