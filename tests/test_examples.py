"""Every example in every rule module is a test: bad ones must produce exactly the codes
marked on their lines (by every rule, so good code elsewhere stays quiet), good ones none."""

import pytest
from conftest import lint_tree, write_tree

from lambdalint.registry import catalog

CASES = [
    pytest.param(example, id=f"{code}-{example.language}-{example.kind}-{n}")
    for code, entry in catalog().items()
    for n, example in enumerate(entry.examples)
]


@pytest.mark.parametrize("example", CASES)
def test_example(example, tmp_path):
    from textwrap import dedent

    write_tree(tmp_path, {example.path: example.source, **{k: dedent(v).lstrip("\n") for k, v in example.files}})
    report = lint_tree(tmp_path)
    assert not report.errors
    found = {(f.span.line, f.code) for f in report.findings if f.path == (tmp_path / example.path).resolve()}
    if example.kind == "good":
        assert found == set(), f"{example.title}: good example reported"
    else:
        assert example.expected, f"{example.title}: a bad example must mark what it expects"
        assert found == example.expected
