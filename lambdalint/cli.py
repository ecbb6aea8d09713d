"""Command line: parse options, call the engine, hand findings to a reporter, pick the exit code.

Exit codes follow ruff and ESLint: 0 no findings, 1 findings, 2 usage, configuration or
internal error.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections import Counter
from pathlib import Path

import click

from lambdalint import __version__
from lambdalint.reporters import FORMATS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class Failure(click.ClickException):
    """A one-line error on stderr and exit code 2."""

    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:
        click.echo(f"lambdalint: error: {self.message}", err=True)


class DefaultCheck(click.Group):
    """``lambdalint PATHS`` means ``lambdalint check PATHS``, as with ruff."""

    def parse_args(self, ctx, args):
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)


def codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select LL1,LL501 --select LL2`` -> ("LL1", "LL501", "LL2")."""
    return tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())


def patterns(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def use_color(no_color: bool) -> bool:
    return not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()


@click.group(cls=DefaultCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="lambdalint", message="%(prog)s %(version)s")
def main() -> None:
    """Find AWS Lambda performance anti-patterns: clients and connections created per
    invocation, missing timeouts, unbounded retries, blocking metric calls.

    Run `lambdalint PATHS` (same as `lambdalint check PATHS`)."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--select", multiple=True, metavar="CODES", help="Rules to enable (codes or prefixes, e.g. LL1,LL501); replaces the configured selection.")
@click.option("--extend-select", multiple=True, metavar="CODES", help="Rules to enable on top of the selection.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Rules to disable (codes or prefixes).")
@click.option("--exclude", multiple=True, metavar="PATTERNS", help="Gitignore-style patterns to skip; replaces the default excludes.")
@click.option("--extend-exclude", multiple=True, metavar="PATTERNS", help="Patterns to skip on top of the excludes.")
@click.option("--force-exclude", is_flag=True, help="Apply excludes to files named on the command line too (for pre-commit).")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None, help="Skip files ignored by .gitignore (default: yes).")
@click.option("--output-format", type=click.Choice(FORMATS), default="concise",
              envvar="LAMBDALINT_OUTPUT_FORMAT", show_default=True, help="How findings are printed.")
@click.option("--report-unused-suppressions", is_flag=True, help="Report suppression comments that suppress nothing (LL001).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option("--no-color", is_flag=True, help="Never color the output (also: NO_COLOR).")
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="Read this configuration file instead of searching for one.")
def check(paths, select, extend_select, ignore, exclude, extend_exclude, force_exclude, respect_gitignore,
          output_format, report_unused_suppressions, exit_zero, statistics, quiet, no_color, config_file) -> None:
    """Lint PATHS (files or folders; default: the current folder)."""
    from dataclasses import replace

    from lambdalint import engine
    from lambdalint.config import ConfigError, find_config, load_config
    from lambdalint.discovery import DiscoveryError
    from lambdalint.registry import all_options, is_selector
    from lambdalint.registry import select as choose

    cwd = Path.cwd()
    paths = paths or (Path("."),)
    for code in codes(select) + codes(extend_select) + codes(ignore):
        if not is_selector(code):
            raise Failure(f"unknown rule selector '{code}' (see `lambdalint rules`)")
    if config_file is not None and not config_file.is_file():
        raise Failure(f"config file '{config_file}' does not exist")
    try:
        found = config_file or find_config(paths[0] if paths[0].is_dir() else paths[0].parent)
        config = load_config(found, cwd=cwd, is_code=is_selector, options=all_options())
    except ConfigError as exc:
        raise Failure(str(exc)) from None
    changes = {}
    if select:
        changes.update(select=codes(select), ignore=())
    if exclude:
        changes["exclude"] = patterns(exclude)
    if respect_gitignore is not None:
        changes["respect_gitignore"] = respect_gitignore
    config = replace(config, **changes)
    extend = config.extend_select + codes(extend_select) + (("LL001",) if report_unused_suppressions else ())
    rules = choose(config.select, extend, config.ignore + codes(ignore))
    config = replace(config, extend_exclude=config.extend_exclude + patterns(extend_exclude))
    try:
        report = engine.run(list(paths), config, rules, force_exclude=force_exclude)
    except DiscoveryError as exc:
        raise Failure(str(exc)) from None
    for warning in report.warnings:
        click.echo(f"lambdalint: warning: {warning}", err=True)
    for error in report.errors:
        click.echo(f"lambdalint: error: {error}", err=True)

    color = use_color(no_color)
    if statistics:
        counts = Counter((f.code, f.name) for f in report.findings)
        for (code, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            click.echo(f"{count}\t{code}\t{name}")
    else:
        reporter = importlib.import_module(f"lambdalint.reporters.{output_format}")
        click.echo(reporter.render(report.findings, cwd, color), nl=False)
    if not quiet and output_format != "json":
        click.echo(summary(report), err=True)
    if report.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if report.findings and not exit_zero else EXIT_CLEAN)


def summary(report) -> str:
    files = f"{report.checked} file{'s' * (report.checked != 1)} checked"
    if not report.findings:
        return f"All checks passed ({files})."
    count = len(report.findings)
    where = len({f.path for f in report.findings})
    return f"Found {count} finding{'s' * (count != 1)} in {where} file{'s' * (where != 1)} ({files})."


@main.command()
@click.argument("code")
def rule(code: str) -> None:
    """Explain a rule: why it matters, what it reports, examples, options."""
    from lambdalint.docs import rule_markdown
    from lambdalint.registry import catalog

    entry = catalog().get(code.upper())
    if entry is None:
        raise Failure(f"unknown rule '{code}' (see `lambdalint rules`)")
    text = rule_markdown(entry)
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        click.echo(text)


@main.command(name="rules")
def list_rules() -> None:
    """List every rule (tab-separated when piped)."""
    from lambdalint.registry import catalog

    rows = [(code, e.rule.name, ",".join(e.rule.languages), "on" if e.rule.default else "off", e.rule.summary)
            for code, e in catalog().items()]
    header = ("code", "name", "languages", "default", "summary")
    if not sys.stdout.isatty():
        click.echo("".join("\t".join(row) + "\n" for row in (header, *rows)), nl=False)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*header, box=None, pad_edge=False)
    for column in table.columns[:4]:
        column.no_wrap = True
    for row in rows:
        table.add_row(*row)
    Console().print(table)
