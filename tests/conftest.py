from pathlib import Path

import pytest

from lambdalint import engine
from lambdalint.config import find_config, load_config
from lambdalint.registry import all_options, catalog, is_selector


def lint_tree(root: Path):
    """Lint ``root`` as ``lambdalint check root`` would, with the configuration found there."""
    config = load_config(find_config(root), cwd=root, is_code=is_selector, options=all_options())
    return engine.run([root], config, list(catalog().values()))


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    return root


@pytest.fixture
def lint(tmp_path):
    """Write ``files`` under a fresh folder and lint it: returns {(relative path, line, code)}."""

    def run(files: dict[str, str]):
        from textwrap import dedent

        write_tree(tmp_path, {k: dedent(v).lstrip("\n") for k, v in files.items()})
        report = lint_tree(tmp_path)
        assert not report.errors
        return {(f.path.relative_to(tmp_path).as_posix(), f.span.line, f.code) for f in report.findings}

    return run
