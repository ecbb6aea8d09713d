"""What a language adapter tells the rules about one file.

Facts are language-neutral. A call carries its resolved target: an access path such as
``boto3.client`` or ``boto3.Session().client`` (``()`` marks "the value this call returned"),
built by following imports, aliases and simple bindings. A callee that cannot be resolved has
no target, so no table can match it: unresolvable code is never reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from lambdalint.model import Span

UNKNOWN: Any = type("Unknown", (), {"__repr__": lambda self: "UNKNOWN", "__bool__": lambda self: False})()


@dataclass(eq=False, slots=True)
class Arg:
    """An argument, keyword argument, object/dict entry or spread.

    ``name`` is the keyword or key (None for positional arguments and spreads); ``literal``
    is the Python value of a literal constant (str, int, float, bool, None) or UNKNOWN;
    ``call`` is the call the value is (or is bound to); ``entries`` the items of a dict or
    object literal, in source order, duplicates kept; ``spread`` marks ``*a``/``**kw``/``...o``,
    whose contents are unknown to rules asking for a keyword (a ``**{...}`` of a visible dict
    literal still lists that literal's ``entries``)."""

    name: str | None
    span: Span
    text: str
    literal: Any = UNKNOWN
    call: Call | None = None
    entries: tuple[Arg, ...] | None = None
    spread: bool = False

    def entry(self, key: str) -> Arg | None:
        """The effective (last) entry named ``key`` of a literal mapping."""
        found = None
        for item in self.entries or ():
            if item.name == key:
                found = item
        return found


@dataclass(eq=False, slots=True)
class Function:
    name: str
    qualname: str
    line: int
    parent: Function | None = None
    cls: str | None = None
    params: tuple[str, ...] = ()
    decorators: tuple[str, ...] = ()
    decorator_spans: tuple[Span, ...] = ()  # where each decorator expression is, as ``decorators``
    cached: bool = False
    handler: str | None = None          # why it is a handler, None if it is not
    per_invocation: bool = False

    def __repr__(self) -> str:
        return f"<Function {self.qualname}>"


class Call:
    """A call whose callee resolved to something: an imported API or a function of this file.

    Adapters subclass it to compute the expensive parts (arguments, guards, taint) lazily;
    most calls are never asked."""

    def __init__(self, target: str | None, function: Function | None, receiver: Call | None = None,
                 receiver_shared: bool = False, callee: Function | None = None) -> None:
        self.target = target
        self.function = function
        self.receiver = receiver
        self.receiver_shared = receiver_shared
        self.callee = callee
        self.per_invocation = False

    @property
    def method(self) -> str | None:
        return self.target.rsplit(".", 1)[-1] if self.target else None

    @cached_property
    def span(self) -> Span:
        raise NotImplementedError

    @cached_property
    def args(self) -> tuple[Arg, ...]:
        raise NotImplementedError

    @cached_property
    def guarded(self) -> bool:
        """Runs once per environment although it sits in per-invocation code (lazy init)."""
        raise NotImplementedError

    @cached_property
    def tainted(self) -> bool:
        """Some argument, or the object it is called on, comes from the event or other
        per-request data: a per-tenant client, per request on purpose."""
        raise NotImplementedError


    @property
    def spread(self) -> bool:
        return any(a.spread for a in self.args)

    def kwarg(self, name: str) -> Arg | None:
        found = None
        for arg in self.args:
            if arg.name == name:
                found = arg
        return found

    def positional(self, index: int) -> Arg | None:
        items = [a for a in self.args if a.name is None and not a.spread]
        return items[index] if index < len(items) else None

    def option(self, name: str, position: int | None = None) -> Arg | None:
        """The argument given by keyword ``name`` or at ``position``."""
        found = self.kwarg(name)
        if found is None and position is not None:
            found = self.positional(position)
        return found

    def __repr__(self) -> str:
        return f"<Call {self.target} @{self.span.line}>"


@dataclass(frozen=True, slots=True)
class Suppression:
    """A suppression comment: ``codes`` None means every code; ``whole_file`` means it
    applies to every line, not just its own."""

    span: Span
    codes: frozenset[str] | None
    whole_file: bool = False

    def covers(self, code: str, line: int) -> bool:
        return (self.whole_file or line == self.span.line) and (self.codes is None or code in self.codes)


@dataclass(frozen=True, slots=True)
class Suppressions:
    items: tuple[Suppression, ...] = ()

    def covers(self, code: str, line: int) -> bool:
        return any(s.covers(code, line) for s in self.items)


@dataclass(eq=False, slots=True)
class FileFacts:
    path: Path
    language: str
    source: bytes
    calls: list[Call]
    functions: list[Function]
    suppressions: Suppressions
    error: Span | None = None          # the first syntax error, if the file does not parse
    error_message: str = ""
    api: Any = None                    # the language's API tables (a module of lambdalint.apis)



    def per_request_calls(self) -> Iterator[Call]:
        return (c for c in self.calls if c.per_invocation and not c.guarded)


def closure(seeds: Iterable[Function], successors: Callable[[Function], Iterable[Function]]) -> set[Function]:
    """Every function reachable from ``seeds``; cached (memoised) functions are not entered."""
    seen: set[Function] = set()
    todo = [f for f in seeds if not f.cached]
    while todo:
        function = todo.pop()
        if function in seen:
            continue
        seen.add(function)
        todo.extend(f for f in successors(function) if f not in seen and not f.cached)
    return seen
