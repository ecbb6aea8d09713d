"""``path:line:col: CODE message``, one finding a line: the shape problem matchers read."""

from __future__ import annotations

from pathlib import Path

import click

from lambdalint.model import Finding
from lambdalint.reporters import shown


def line(finding: Finding, cwd: Path, color: bool = False) -> str:
    where = f"{shown(finding.path, cwd)}:{finding.span.line}:{finding.span.column}:"
    code = finding.code
    if color:
        where, code = click.style(where, bold=True), click.style(code, fg="red", bold=True)
    return f"{where} {code} {finding.message}"


def render(findings: list[Finding], cwd: Path, color: bool = False) -> str:
    return "".join(line(f, cwd, color) + "\n" for f in findings)
