"""The command line as users and CI meet it: output shapes, exit codes, options, errors."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from textwrap import dedent

import pytest
from click.testing import CliRunner

from lambdalint.cli import main

ROOT = Path(__file__).resolve().parents[1]
CONCISE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>LL\d{3}) (?P<message>.+)$")

BAD = """\
import boto3
import requests


def handler(event, context):
    s3 = boto3.client("s3")
    return requests.get("https://example.com").json()
"""

CLEAN = """\
import boto3
from botocore.config import Config

s3 = boto3.client("s3", config=Config(connect_timeout=1, read_timeout=2))


def handler(event, context):
    return s3.list_buckets()
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder with one bad and one clean handler; the working directory is the folder."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "bad.py").write_text(BAD)
    (tmp_path / "src" / "clean.py").write_text(CLEAN)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_concise_lines_are_problem_matcher_shaped(project):
    result = run("check", "src")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines and all(CONCISE.match(line) for line in lines)
    found = {(m["path"], m["line"], m["code"]) for m in map(CONCISE.match, lines)}
    assert ("src/bad.py", "6", "LL102") in found
    assert ("src/bad.py", "7", "LL203") in found
    assert all(path == "src/bad.py" for path, _, _ in found)
    assert "Found" in result.stderr and "src/bad.py" not in result.stderr


def test_column_is_one_based_and_points_at_the_call(project):
    line = next(x for x in run("check", "src").stdout.splitlines() if "LL102" in x)
    assert line.startswith("src/bad.py:6:10: LL102 ")


def test_default_command_is_check(project):
    assert run("src").stdout == run("check", "src").stdout


def test_clean_code_exits_zero(project):
    result = run("check", "src/clean.py")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "All checks passed" in result.stderr


def test_exit_zero_and_quiet(project):
    result = run("check", "--exit-zero", "-q", "src")
    assert result.exit_code == 0
    assert result.stdout and result.stderr == ""


def test_select_and_ignore_by_prefix(project):
    codes = lambda r: {CONCISE.match(line)["code"] for line in r.stdout.splitlines()}  # noqa: E731
    assert codes(run("check", "--select", "LL5", "src")) <= {"LL501", "LL502", "LL503", "LL504", "LL505"}
    assert "LL102" not in codes(run("check", "--ignore", "LL1", "src"))
    assert codes(run("check", "--select", "LL102,LL203", "src")) == {"LL102", "LL203"}


def test_unknown_selector_is_a_usage_error(project):
    result = run("check", "--select", "LL999", "src")
    assert result.exit_code == 2
    assert "LL999" in result.stderr and result.stderr.count("\n") == 1


def test_missing_path_is_a_one_line_error(project):
    result = run("check", "nope/")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == ["lambdalint: error: path 'nope' does not exist"]


def test_bad_config_names_the_key(project):
    (project / "pyproject.toml").write_text("[tool.lambdalint]\nselekt = ['LL1']\n")
    result = run("check", "src")
    assert result.exit_code == 2
    assert "selekt" in result.stderr and "pyproject.toml" in result.stderr


def test_config_select_and_per_file_ignores(project):
    (project / "lambdalint.toml").write_text(dedent("""
        select = ["LL1", "LL2"]
        [per-file-ignores]
        "src/bad.py" = ["LL203"]
        """))
    lines = run("check", "src").stdout.splitlines()
    assert {CONCISE.match(line)["code"] for line in lines} == {"LL102"}


def test_explicit_config_file(project):
    (project / "custom.toml").write_text('ignore = ["LL102"]\n')
    assert "LL102" not in run("check", "--config", "custom.toml", "src").stdout
    assert run("check", "--config", "missing.toml", "src").exit_code == 2


def test_statistics(project):
    result = run("check", "--statistics", "src")
    assert result.exit_code == 1
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert ["1", "LL102", "sdk-client-in-handler"] in rows
    assert all(len(row) == 3 for row in rows)


def test_json_output(project):
    result = run("check", "--output-format", "json", "src")
    assert result.exit_code == 1
    items = json.loads(result.stdout)
    first = next(i for i in items if i["code"] == "LL102")
    assert first == {
        "code": "LL102",
        "name": "sdk-client-in-handler",
        "message": first["message"],
        "path": "src/bad.py",
        "start": {"line": 6, "column": 10},
        "end": {"line": 6, "column": 28},
        "severity": "warning",
        "fix": None,
    }
    assert items == sorted(items, key=lambda i: (i["path"], i["start"]["line"], i["start"]["column"], i["code"]))


def test_full_output_shows_the_code_and_the_fix(project):
    result = run("check", "--output-format", "full", "src/bad.py")
    assert 's3 = boto3.client("s3")' in result.stdout
    assert "^" * len('boto3.client("s3")') in result.stdout
    assert "help: " in result.stdout


def test_parse_error_is_reported_and_other_files_still_linted(project):
    (project / "src" / "broken.py").write_text("import boto3\n\ndef handler(event, context:\n    pass\n")
    result = run("check", "src")
    assert result.exit_code == 1
    assert re.search(r"^src/broken\.py:\d+:\d+: LL000 ", result.stdout, re.M)
    assert "src/bad.py:6:10: LL102" in result.stdout


def test_unreadable_file_is_an_error_naming_it(project):
    (project / "src" / "gone.py").symlink_to(project / "missing.py")
    result = run("check", "src/gone.py")
    assert result.exit_code == 2
    assert "gone.py" in result.stderr or "missing.py" in result.stderr
    assert result.stderr.count("lambdalint: error:") == 1


def test_rule_command_renders_docs_and_examples():
    result = run("rule", "ll102")
    assert result.exit_code == 0
    assert result.stdout.startswith("# LL102 sdk-client-in-handler")
    assert "ms" in result.stdout and "## Reported" in result.stdout and "## Not reported" in result.stdout
    assert "expect:" not in result.stdout
    assert run("rule", "LL999").exit_code == 2


def test_rules_command_lists_every_rule():
    from lambdalint.registry import catalog

    output = run("rules").stdout
    assert all(code in output for code in catalog())


def test_version():
    from lambdalint import __version__

    assert run("--version").stdout.strip() == f"lambdalint {__version__}"


def test_console_script_on_the_examples():
    """The README's first command: findings in the sample project, exit 1; the clean one exits 0."""
    env = {**os.environ, "NO_COLOR": "1"}
    bad = subprocess.run([sys.executable, "-m", "lambdalint", "check", "examples/"], cwd=ROOT,
                         capture_output=True, text=True, env=env)
    assert bad.returncode == 1, bad.stderr
    assert all(CONCISE.match(line) for line in bad.stdout.splitlines())
    assert "examples/orders-service/src/orders/app.py" in bad.stdout
    clean = subprocess.run([sys.executable, "-m", "lambdalint", "check", "examples/clean-service"], cwd=ROOT,
                           capture_output=True, text=True, env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr


def test_parse_error_location_counts_characters(project):
    (project / "src" / "broken.py").write_text('import boto3\nx = "é" + foo(1,\nz = 3\n')
    result = run("check", "--select", "LL000", "src/broken.py")
    assert result.stdout == ("src/broken.py:2:14: LL000 syntax error: '(' was never closed; "
                             "lambdalint could not check this file\n")


def test_unused_suppressions_are_reported_only_on_request(project):
    (project / "src" / "clean.py").write_text(CLEAN.replace("config=Config(", "config=Config(  # noqa: LL102\n    "))
    assert run("check", "src/clean.py").exit_code == 0
    result = run("check", "--report-unused-suppressions", "src/clean.py")
    assert result.exit_code == 1
    assert result.stdout.startswith("src/clean.py:4:") and " LL001 unused suppression: LL102 " in result.stdout
    assert run("check", "--extend-select", "LL001", "src/clean.py").stdout == result.stdout


def test_excludes_and_gitignore(project):
    (project / "build").mkdir()
    (project / "build" / "bad.py").write_text(BAD)
    (project / "gen").mkdir()
    (project / "gen" / "bad.py").write_text(BAD)
    (project / ".gitignore").write_text("gen/\n")
    paths = lambda r: {CONCISE.match(line)["path"] for line in r.stdout.splitlines()}  # noqa: E731
    assert paths(run("check", ".")) == {"src/bad.py"}
    assert paths(run("check", "--no-respect-gitignore", ".")) == {"src/bad.py", "gen/bad.py"}
    assert paths(run("check", "--exclude", "src", ".")) == {"build/bad.py"}
    assert paths(run("check", "--extend-exclude", "src/bad.py", ".")) == set()


def test_force_exclude_applies_excludes_to_named_files(project):
    (project / "lambdalint.toml").write_text('extend-exclude = ["src/bad.py"]\n')
    assert run("check", "src/bad.py").exit_code == 1
    assert run("check", "--force-exclude", "src/bad.py").exit_code == 0


def test_a_rule_that_crashes_is_an_internal_error_naming_file_and_rule(project, monkeypatch):
    from lambdalint.registry import catalog

    def broken(facts, options):
        if facts.path.name == "bad.py":
            raise KeyError("boom")
        return iter(())

    monkeypatch.setattr(catalog()["LL102"].module, "check", broken)
    (project / "src" / "other.py").write_text(BAD)
    result = run("check", "src")
    assert result.exit_code == 2
    assert "internal error in LL102" in result.stderr and "bad.py" in result.stderr
    assert "src/other.py:6:10: LL501" in result.stdout  # the other files are still linted


def test_an_adapter_that_crashes_is_an_internal_error_naming_the_file(project, monkeypatch):
    from lambdalint.languages import python

    original = python.extract

    def broken(path, *args):
        if path.name == "bad.py":
            raise RecursionError("too deep")
        return original(path, *args)

    monkeypatch.setattr(python, "extract", broken)
    (project / "src" / "other.py").write_text(BAD)
    result = run("check", "src")
    assert result.exit_code == 2
    assert result.stderr.startswith("lambdalint: error: src/bad.py: internal error while analysing the file: ")
    assert "src/other.py:6:10: LL102" in result.stdout


def test_files_of_languages_not_analysed_yet_are_not_counted(project):
    (project / "src" / "index.ts").write_text("import AWS from 'aws-sdk';\n")
    result = run("check", "src")
    assert "(2 files checked)" in result.stderr
