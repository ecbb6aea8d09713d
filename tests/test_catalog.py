"""Invariants every rule module keeps, checked for all of them at once."""

import re

import pytest

from lambdalint.config import OptionSpec
from lambdalint.docs import rule_markdown
from lambdalint.registry import catalog

ENTRIES = [pytest.param(entry, id=code) for code, entry in catalog().items()]
MIN_EXAMPLES = 3


def test_codes_are_unique_and_stable_shaped():
    codes = list(catalog())
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"LL\d{3}", code) for code in codes)


@pytest.mark.parametrize("entry", ENTRIES)
def test_module_is_named_by_code_and_name(entry):
    rule = entry.rule
    assert entry.module.__name__.rsplit(".", 1)[-1] == f"{rule.code.lower()}_{rule.name.replace('-', '_')}"
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    assert not rule.name.startswith(("no-", "avoid-"))


@pytest.mark.parametrize("entry", ENTRIES)
def test_every_claimed_language_has_enough_bad_and_good_examples(entry):
    code = entry.rule.code
    for language in entry.rule.languages:
        examples = [e for e in entry.examples if e.language == language]
        bad = [e for e in examples if e.kind == "bad" and code in {c for _, c in e.expected}]
        assert len(bad) >= MIN_EXAMPLES, f"{language}: bad examples that show {code}"
        assert sum(e.kind == "good" for e in examples) >= MIN_EXAMPLES, f"{language}: good examples"
    assert {e.language for e in entry.examples} == set(entry.rule.languages)


@pytest.mark.parametrize("entry", ENTRIES)
def test_bad_examples_mark_their_lines_and_good_ones_do_not(entry):
    for example in entry.examples:
        assert example.kind in ("bad", "good")
        if example.kind == "bad":  # may show where another rule takes over (LL101 before LL104)
            assert example.expected, example.title
        else:
            assert not example.expected, example.title


@pytest.mark.parametrize("entry", ENTRIES)
def test_docs_name_the_cost_and_the_fix(entry):
    doc = entry.doc
    assert doc.splitlines()[0].endswith("."), "first line is a one-sentence summary"
    assert "Why:" in doc
    assert re.search(r"\d+(\.\d+)? ?(ms|s|MB|KB)\b", doc), "the Why must name a cost"
    assert "How to fix:" in doc
    assert entry.rule.summary and entry.rule.references


@pytest.mark.parametrize("entry", ENTRIES)
def test_options_are_declared_with_valid_defaults(entry):
    for option in entry.rule.options:
        assert isinstance(option, OptionSpec)
        assert isinstance(option.default, option.type) and option.help


@pytest.mark.parametrize("entry", ENTRIES)
def test_rendered_docs_hide_the_markers(entry):
    text = rule_markdown(entry)
    assert text.startswith(f"# {entry.rule.code} {entry.rule.name}")
    assert "expect:" not in text
