"""Output formats. Each module turns findings into text with one ``render`` function."""

from __future__ import annotations

import os
from pathlib import Path

FORMATS = ("concise", "full", "json")


def shown(path: Path, cwd: Path) -> str:
    """The path as the user sees it: relative to the working directory when below it, with
    forward slashes (problem matchers and SARIF want one spelling on every system)."""
    try:
        return path.relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix() if os.sep == "/" else str(path)
