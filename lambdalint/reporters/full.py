"""Concise lines plus a code frame and the rule's fix hint, rendered with rich."""

from __future__ import annotations

import io
from pathlib import Path

from lambdalint.model import Finding
from lambdalint.registry import catalog
from lambdalint.reporters.concise import line

CONTEXT = 2


def render(findings: list[Finding], cwd: Path, color: bool = False) -> str:
    from rich.console import Console
    from rich.text import Text

    out = io.StringIO()
    console = Console(file=out, force_terminal=color, no_color=not color, highlight=False, width=200,
                      soft_wrap=True)
    sources: dict[Path, list[str]] = {}
    for finding in findings:
        if finding.path not in sources:
            sources[finding.path] = finding.path.read_text(encoding="utf-8", errors="replace").splitlines()
        lines = sources[finding.path]
        console.print(Text.from_ansi(line(finding, cwd, color)))
        first = max(finding.span.line - CONTEXT, 1)
        last = min(finding.span.end_line if finding.span.end_line - finding.span.line < 4 else finding.span.line,
                   len(lines))
        width = len(str(last))
        for number in range(first, last + 1):
            console.print(Text(f"{number:>{width}} | ", style="blue") + Text(lines[number - 1]))
            if number == finding.span.line:
                start = finding.span.column - 1
                end = finding.span.end_column - 1 if finding.span.end_line == number else len(lines[number - 1])
                console.print(Text(f"{'':>{width}} | ", style="blue")
                              + Text(" " * start + "^" * max(end - start, 1), style="bold red"))
        entry = catalog().get(finding.code)
        if entry and entry.rule.fix:
            console.print(Text("help: ", style="bold cyan") + Text(entry.rule.fix))
        console.print()
    return out.getvalue()
