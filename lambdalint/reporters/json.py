"""A JSON list of findings. The shape is stable; see README "JSON output".

Each item: ``code``, ``name``, ``message``, ``path`` (as in concise output), ``start`` and
``end`` (``{"line", "column"}``, 1-based, end column exclusive), ``severity`` (``error`` or
``warning``) and ``fix`` (null: no rule offers an automatic fix in this release).
"""

from __future__ import annotations

import json
from pathlib import Path

from lambdalint.model import Finding
from lambdalint.reporters import shown


def item(finding: Finding, cwd: Path) -> dict:
    span = finding.span
    return {
        "code": finding.code,
        "name": finding.name,
        "message": finding.message,
        "path": shown(finding.path, cwd),
        "start": {"line": span.line, "column": span.column},
        "end": {"line": span.end_line, "column": span.end_column},
        "severity": finding.severity,
        "fix": None,
    }


def render(findings: list[Finding], cwd: Path, color: bool = False) -> str:
    return json.dumps([item(f, cwd) for f in findings], indent=2) + "\n"
