"""The README is the contract: its commands are the ones CI and users run."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README)


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text().strip().splitlines()[-1]
    assert "pytest" in ci
    assert ci in commands()


def test_readme_has_an_install_and_run_command():
    assert any("pip install ." in c and "lambdalint check examples/" in c for c in commands())


def test_configuration_example_is_valid(tmp_path):
    from lambdalint.config import load_config
    from lambdalint.registry import all_options, is_selector

    toml = re.search(r"```toml\n(.+?)\n```", README, re.S).group(1)
    (tmp_path / "pyproject.toml").write_text(toml)
    config = load_config(tmp_path / "pyproject.toml", cwd=tmp_path, is_code=is_selector, options=all_options())
    assert config.ignore == ("LL504",)
    assert config.options["max-retries"] == 3
    assert config.ignored_codes_for(tmp_path / "tests" / "test_app.py") == ("LL5",)


def test_rule_table_lists_every_rule():
    from lambdalint.registry import catalog

    listed = re.findall(r"^\| (LL\d{3}) \| ([a-z-]+) \|", README, re.M)
    assert listed == [(code, entry.rule.name) for code, entry in catalog().items()]
