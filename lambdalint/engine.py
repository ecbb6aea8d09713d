"""The pipeline: discover, read, prefilter, parse, extract, check, suppress, sort."""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lambdalint import model, syntax
from lambdalint.facts import FileFacts, Suppressions
from lambdalint.languages.common import SourceText
from lambdalint.model import Finding, HandlerRef
from lambdalint.registry import Entry, catalog

ADAPTERS = {"python": "lambdalint.languages.python"}
PARSE_ERROR = "LL000"


class InternalError(Exception):
    """A rule or adapter failed on a file: a bug in lambdalint, reported with exit code 2."""


@dataclass(slots=True)
class Report:
    findings: list[Finding] = field(default_factory=list)
    checked: int = 0            # files read
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def adapter(language: str):
    name = ADAPTERS.get(language)
    return importlib.import_module(name) if name else None


def facts_for(path: Path, language: str, source: bytes, refs: Sequence[HandlerRef] = ()) -> FileFacts | None:
    """The facts of one file, or None when the file cannot match any rule (not parsed)."""
    module = adapter(language)
    if module is None or not module.PREFILTER.search(source):
        return None
    tree = syntax.parse(language, source)
    error = syntax.first_error(tree.root_node)
    if error is not None:
        span, message = SourceText(source).span(error), "the file does not parse"
        confirm = getattr(module, "syntax_error", None)  # the language's own compiler, when it has one
        located = confirm(source) if confirm else (span, message)
        if located is not None:  # rules would see a partial tree: report the error alone
            return FileFacts(path, language, source, [], [], Suppressions(), *located)
    return module.extract(path, source, tree, tuple(refs))


def check_facts(facts: FileFacts, rules: Iterable[Entry], options: Mapping[str, object]) -> list[Finding]:
    found: list[Finding] = []
    for entry in rules:
        if facts.language not in entry.rule.languages:
            continue
        if entry.rule.code == PARSE_ERROR:
            if facts.error is not None:
                found.append(entry.rule.finding(facts.error, f"syntax error: {facts.error_message}; "
                                                             "lambdalint could not check this file"))
            continue
        if facts.error is not None or entry.check is None:
            continue
        found.extend(_run(entry, entry.check, facts, options))
    enabled = frozenset(e.rule.code for e in rules)
    for entry in rules:  # rules about the other rules' findings (unused suppressions) come last
        if facts.language in entry.rule.languages and hasattr(entry.module, "check_findings"):
            found.extend(_run(entry, entry.module.check_findings, facts, list(found), enabled))
    return [dataclasses.replace(f, path=facts.path) for f in found
            if not facts.suppressions.covers(f.code, f.span.line)]


def _run(entry: Entry, check, facts: FileFacts, *args) -> list[Finding]:
    try:
        return list(check(facts, *args))
    except Exception as exc:  # a rule bug is reported as such, and the other files are still linted
        raise InternalError(f"{shown(facts.path)}: internal error in {entry.rule.code}: "
                            f"{type(exc).__name__}: {exc}") from exc


def lint_source(path: Path, language: str, source: bytes, rules: Sequence[Entry] | None = None,
                options: Mapping[str, object] | None = None, refs: Sequence[HandlerRef] = ()) -> list[Finding]:
    """Findings for one file's source, sorted. The library entry point (and the tests')."""
    from lambdalint.registry import all_options

    rules = [e for e in catalog().values() if e.rule.default] if rules is None else rules
    if options is None:
        options = {name: spec.default for name, spec in all_options().items()}
    facts = facts_for(path, language, source, refs)
    if facts is None:
        return []
    return sorted(check_facts(facts, rules, options), key=lambda f: f.sort_key)


def run(paths: Sequence[Path], config, rules: Sequence[Entry], *, force_exclude: bool = False) -> Report:
    """Lint every file under ``paths`` as ``config`` says. Raises DiscoveryError for bad paths."""
    from lambdalint.descriptors import handlers_from_descriptors
    from lambdalint.discovery import DEFAULT_EXCLUDE, discover

    discovered = discover(paths, root=config.root,
                          exclude=DEFAULT_EXCLUDE if config.exclude is None else config.exclude,
                          extend_exclude=config.extend_exclude, respect_gitignore=config.respect_gitignore,
                          force_exclude=force_exclude)
    refs, warnings = handlers_from_descriptors(discovered.descriptors)
    refs = tuple(refs) + tuple(config.handlers)
    report = Report(warnings=list(warnings))
    for source_file in discovered.sources:
        _lint_file(source_file, refs, config, rules, report)
    report.findings.sort(key=lambda f: f.sort_key)
    return report


def _lint_file(source_file, refs: tuple[HandlerRef, ...], config, rules: Sequence[Entry], report: Report) -> None:
    path = source_file.path
    if source_file.language not in ADAPTERS:
        return  # a language lambdalint does not analyse yet
    try:
        source = path.read_bytes()
    except OSError as exc:
        report.errors.append(f"{shown(path)}: cannot read: {exc.strerror or exc}")
        return
    report.checked += 1
    try:
        facts = facts_for(path, source_file.language, source, refs)
        findings = check_facts(facts, rules, config.options) if facts is not None else None
    except InternalError as exc:
        report.errors.append(str(exc))
        return
    except Exception as exc:  # an adapter bug: say so, and lint the other files
        report.errors.append(f"{shown(path)}: internal error while analysing the file: "
                             f"{type(exc).__name__}: {exc}")
        return
    if findings is None:
        return
    ignored = config.ignored_codes_for(path)
    report.findings.extend(f for f in findings if not any(code == "ALL" or f.code.startswith(code)
                                                          for code in ignored))


def shown(path: Path) -> str:
    return model.shown(path, Path.cwd())
