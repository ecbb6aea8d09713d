"""Flat, frozen data shared by every stage: spans, findings, handler references."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def shown(path: Path, cwd: Path) -> str:
    """The path as the user sees it: relative to the working directory when below it, with
    forward slashes (problem matchers and SARIF want one spelling on every system)."""
    try:
        return path.relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix() if os.sep == "/" else str(path)


@dataclass(frozen=True, slots=True)
class Span:
    """A range of source. Bytes index the original source; lines and columns are 1-based,
    columns count Unicode code points, the end column is exclusive."""

    start_byte: int
    end_byte: int
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    message: str
    path: Path | None
    span: Span
    severity: str = "warning"

    @property
    def sort_key(self) -> tuple:
        return (str(self.path), self.span.line, self.span.column, self.code)


@dataclass(frozen=True, slots=True)
class HandlerRef:
    """A handler named outside the source: by a deployment descriptor or by configuration.

    ``module`` is the handler's file without its extension (absolute), so one reference
    matches ``app.py`` as well as ``app.ts``; ``function`` is the exported name."""

    module: Path
    function: str
    origin: str = field(default="", compare=False)

    def matches(self, path: Path) -> bool:
        return path.with_suffix("") == self.module
