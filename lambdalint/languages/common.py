"""Helpers every language adapter shares: source text, spans, the prefilter."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from lambdalint import syntax
from lambdalint.model import Span


class SourceText:
    """The file's bytes, with spans in 1-based lines and code-point columns."""

    def __init__(self, source: bytes) -> None:
        self.source = source

    def of(self, node: syntax.Node | None) -> str:
        if node is None:
            return ""
        return self.source[node.start_byte:node.end_byte].decode("utf-8", "replace")

    def column(self, byte: int) -> int:
        start = self.source.rfind(b"\n", 0, byte) + 1
        prefix = self.source[start:byte]
        return (len(prefix) if prefix.isascii() else len(prefix.decode("utf-8", "replace"))) + 1

    def span(self, node: syntax.Node) -> Span:
        start, end = node.start_point, node.end_point
        return Span(node.start_byte, node.end_byte, start.row + 1, self.column(node.start_byte),
                    end.row + 1, self.column(node.end_byte))

    def span_of(self, start: int, end: int, line: int, end_line: int) -> Span:
        return Span(start, end, line, self.column(start), end_line, self.column(end))

    def line_before(self, node: syntax.Node) -> str:
        """The text of the node's first line that precedes it."""
        start = self.source.rfind(b"\n", 0, node.start_byte) + 1
        return self.source[start:node.start_byte].decode("utf-8", "replace")


def mentions(text: str, name: str) -> bool:
    """Whether ``name`` (an identifier or dotted path) occurs in ``text`` as a whole name."""
    return name in text and _whole(name).search(text) is not None


@lru_cache(maxsize=1024)
def _whole(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.]){re.escape(name)}(?!\w)")


def prefilter_for(modules: Iterable[str]) -> re.Pattern[bytes]:
    """A byte pattern that matches any file that mentions one of ``modules``."""
    names = sorted({m.encode() for m in modules}, key=len, reverse=True)
    return re.compile(rb"\b(?:" + b"|".join(re.escape(n) for n in names) + rb")\b")
