"""A rule's documentation, rendered from its module: docstring, metadata, examples, options.
``lambdalint rule CODE`` prints it; the SARIF help text will reuse it."""

from __future__ import annotations

from lambdalint.registry import Entry

FENCE = {"python": "python", "typescript": "typescript", "javascript": "javascript", "go": "go"}


def rule_markdown(entry: Entry) -> str:
    rule = entry.rule
    title, _, body = entry.doc.partition("\n")
    parts = [f"# {rule.code} {rule.name}", "", title.strip(), "", body.strip(), "",
             f"Languages: {', '.join(rule.languages)}. Severity: {rule.severity}. "
             f"{'On' if rule.default else 'Off'} by default."]
    if rule.fix:
        parts += ["", "## Fix", "", rule.fix]
    for option in rule.options:
        parts += ["", "## Options" if option is rule.options[0] else "",
                  f"- `{option.name}` (default `{option.default}`): {option.help}"]
    for kind, heading in (("bad", "Reported"), ("good", "Not reported")):
        examples = [e for e in entry.examples if e.kind == kind]
        if examples:
            parts += ["", f"## {heading}"]
        for example in examples:
            parts += ["", f"{example.title} (`{example.path}`):", "", f"```{FENCE.get(example.language, '')}",
                      example.display, "```"]
            for name, text in example.files:
                parts += ["", f"`{name}`:", "", "```yaml", _dedent(text), "```"]
    if rule.references:
        parts += ["", "## References", ""] + [f"- {r}" for r in rule.references]
    return "\n".join(p for p in parts).strip() + "\n"


def _dedent(text: str) -> str:
    import textwrap

    return textwrap.dedent(text).strip("\n")
