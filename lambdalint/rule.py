"""What a rule module declares: its metadata, its examples, and how it makes findings."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from typing import Any, Protocol

from lambdalint.model import Finding, Span

EXPECT = re.compile(r"\s*(?:#|//)\s*expect:\s*(?P<codes>[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)\s*$")


class Located(Protocol):
    span: Span


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    summary: str
    languages: tuple[str, ...]
    fix: str = ""                       # how to fix it, and whether an automatic fix is safe
    references: tuple[str, ...] = ()
    severity: str = "warning"
    options: tuple[Any, ...] = ()       # config.OptionSpec values this rule reads
    default: bool = True                # selected unless the configuration selects explicitly

    def finding(self, where: Located | Span, message: str) -> Finding:
        span = where if isinstance(where, Span) else where.span
        return Finding(self.code, self.name, message, None, span, self.severity)


@dataclass(frozen=True, slots=True)
class Example:
    """Code that shows the rule. Lines of a ``bad`` example that must be reported end with
    ``# expect: CODE`` (``// expect: CODE`` in JS/TS/Go); a ``good`` example has none.
    ``files`` are extra files laid beside it (a ``template.yaml`` that names the handler)."""

    language: str
    kind: str                           # "bad" or "good"
    title: str
    code: str
    path: str = "app.py"
    files: tuple[tuple[str, str], ...] = field(default=())

    @property
    def source(self) -> str:
        return textwrap.dedent(self.code).lstrip("\n")

    @property
    def expected(self) -> set[tuple[int, str]]:
        found = set()
        for number, line in enumerate(self.source.splitlines(), 1):
            match = EXPECT.search(line)
            if match:
                found.update((number, c.strip()) for c in match.group("codes").split(","))
        return found

    @property
    def display(self) -> str:
        """The code as documentation shows it: without the expectation markers."""
        return "\n".join(EXPECT.sub("", line) for line in self.source.splitlines())
