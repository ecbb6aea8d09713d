"""LL504's ``max-retries`` option moves the line between a bounded and an excessive retry count."""

from pathlib import Path
from textwrap import dedent

import pytest

from lambdalint.engine import lint_source
from lambdalint.registry import all_options

SOURCE = dedent("""
    import boto3
    from botocore.config import Config

    CONFIG = Config(retries={"total_max_attempts": 6})
    """).lstrip().encode()


def ll504_lines(**overrides):
    options = {name: spec.default for name, spec in all_options().items()} | overrides
    return [f.span.line for f in lint_source(Path("app.py"), "python", SOURCE, options=options) if f.code == "LL504"]


@pytest.mark.parametrize(("limit", "lines"), [(3, [4]), (4, [4]), (5, []), (10, [])])
def test_max_retries_option(limit, lines):
    # total_max_attempts 6 is 5 retries: reported while the limit is below 5
    assert ll504_lines(**{"max-retries": limit}) == lines


def test_default_is_three():
    assert all_options()["max-retries"].default == 3
    assert ll504_lines() == [4]
