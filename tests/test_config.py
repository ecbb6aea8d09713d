from pathlib import Path

import pytest

from lambdalint.config import Config, ConfigError, OptionSpec, find_config, load_config
from lambdalint.model import HandlerRef

KNOWN_CODES = ("LL101", "LL102", "LL201")
OPTIONS = {
    "connect-timeout": OptionSpec("connect-timeout", (int, float), 1.0, "seconds for connect timeouts", minimum=0),
    "max-retries": OptionSpec("max-retries", int, 3, "retry cap", minimum=1),
    "sdk-name": OptionSpec("sdk-name", str, "boto3", "client factory"),
}


def is_code(code: str) -> bool:
    return code == "ALL" or any(known.startswith(code) for known in KNOWN_CODES)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def load(path: Path | None, cwd: Path) -> Config:
    return load_config(path, cwd=cwd, is_code=is_code, options=OPTIONS)


def load_error(tmp_path: Path, text: str, name: str = "lambdalint.toml") -> str:
    path = write(tmp_path / name, text)
    with pytest.raises(ConfigError) as raised:
        load(path, tmp_path)
    message = str(raised.value)
    assert "\n" not in message and message.startswith(f"{name}: ")
    return message


# find_config


def test_find_config_order_within_a_folder(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.lambdalint]\n")
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    write(tmp_path / "lambdalint.toml", "")
    assert find_config(tmp_path) == tmp_path / "lambdalint.toml"
    write(tmp_path / ".lambdalint.toml", "")
    assert find_config(tmp_path) == tmp_path / ".lambdalint.toml"


def test_find_config_walks_up_and_the_closest_wins(tmp_path):
    write(tmp_path / "lambdalint.toml", "")
    write(tmp_path / "services/api/pyproject.toml", "[tool.lambdalint]\nselect = []\n")
    (tmp_path / "services/api/src").mkdir()
    assert find_config(tmp_path / "services/api/src") == tmp_path / "services/api/pyproject.toml"
    assert find_config(tmp_path / "services") == tmp_path / "lambdalint.toml"


def test_find_config_skips_pyproject_without_the_table(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.lambdalint]\n")
    write(tmp_path / "pkg/pyproject.toml", '[project]\nname = "pkg"\ndependencies = ["lambdalint"]\n')
    assert find_config(tmp_path / "pkg") == tmp_path / "pyproject.toml"


def test_find_config_from_a_file_uses_its_folder(tmp_path):
    write(tmp_path / "lambdalint.toml", "")
    app = write(tmp_path / "app.py", "")
    assert find_config(app) == tmp_path / "lambdalint.toml"


def test_find_config_dotted_key_form_counts(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool]\nlambdalint.select = ["LL1"]\n')
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"


# load_config: values


def test_no_config_gives_defaults(tmp_path):
    config = load(None, tmp_path)
    assert config == Config(path=None, root=tmp_path.resolve(), options=config.options)
    assert dict(config.options) == {"connect-timeout": 1.0, "max-retries": 3, "sdk-name": "boto3"}
    assert config.exclude is None and config.select is None and config.respect_gitignore


def test_pyproject_table_is_read(tmp_path):
    path = write(
        tmp_path / "pyproject.toml",
        """
[project]
name = "x"

[tool.lambdalint]
select = ["LL1", "LL201"]
extend-select = ["ALL"]
ignore = ["LL102"]
exclude = ["generated"]
extend-exclude = ["*_pb2.py"]
respect-gitignore = false
handlers = ["src/app.py:main", "lambdas/index.ts:handler"]
connect-timeout = 0.5
max-retries = 5

[tool.lambdalint.per-file-ignores]
"tests/*" = ["LL1"]
""",
    )
    config = load(path, tmp_path)
    assert config.path == path.resolve() and config.root == tmp_path.resolve()
    assert config.select == ("LL1", "LL201")
    assert config.extend_select == ("ALL",)
    assert config.ignore == ("LL102",)
    assert config.exclude == ("generated",)
    assert config.extend_exclude == ("*_pb2.py",)
    assert config.respect_gitignore is False
    assert config.per_file_ignores == (("tests/*", ("LL1",)),)
    assert config.handlers == (
        HandlerRef(tmp_path.resolve() / "src/app", "main"),
        HandlerRef(tmp_path.resolve() / "lambdas/index", "handler"),
    )
    assert dict(config.options) == {"connect-timeout": 0.5, "max-retries": 5, "sdk-name": "boto3"}


def test_lambdalint_toml_uses_top_level_keys(tmp_path):
    path = write(tmp_path / "deploy/.lambdalint.toml", 'ignore = ["LL2"]\nmax-retries = 2\n')
    config = load(path, tmp_path)
    assert config.ignore == ("LL2",) and config.options["max-retries"] == 2
    assert config.root == (tmp_path / "deploy").resolve()


def test_pyproject_without_the_table_gives_defaults(tmp_path):
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert load(path, tmp_path).select is None


def test_options_are_read_only(tmp_path):
    with pytest.raises(TypeError):
        load(None, tmp_path).options["max-retries"] = 9


def test_integer_accepted_for_a_number(tmp_path):
    path = write(tmp_path / "lambdalint.toml", "connect-timeout = 2\n")
    assert load(path, tmp_path).options["connect-timeout"] == 2


def test_handlers_resolve_against_the_config_folder(tmp_path):
    path = write(tmp_path / "cfg/lambdalint.toml", 'handlers = ["../src/app.test.py:main", "fn/index.mjs:$handler"]\n')
    config = load(path, tmp_path)
    assert [(ref.module, ref.function) for ref in config.handlers] == [
        (tmp_path.resolve() / "src/app.test", "main"),
        (tmp_path.resolve() / "cfg/fn/index", "$handler"),
    ]
    assert config.handlers[0].matches(tmp_path.resolve() / "src/app.test.py")
    assert config.handlers[0].origin == "cfg/lambdalint.toml"


# per-file-ignores


def test_ignored_codes_for(tmp_path):
    path = write(
        tmp_path / "lambdalint.toml",
        """
[per-file-ignores]
"tests/*" = ["LL1"]
"**/legacy_*.py" = ["LL201", "LL1"]
"/scripts/" = ["ALL"]
""",
    )
    config = load(path, tmp_path)
    root = tmp_path.resolve()
    assert config.ignored_codes_for(root / "tests/unit/test_app.py") == ("LL1",)
    assert config.ignored_codes_for(root / "tests/legacy_x.py") == ("LL1", "LL201")
    assert config.ignored_codes_for(Path("src/legacy_y.py")) == ("LL201", "LL1")
    assert config.ignored_codes_for(root / "scripts/run.py") == ("ALL",)
    assert config.ignored_codes_for(root / "src/scripts/run.py") == ()
    assert config.ignored_codes_for(root / "src/app.py") == ()


def test_ignored_codes_for_without_per_file_ignores(tmp_path):
    assert load(None, tmp_path).ignored_codes_for(tmp_path / "app.py") == ()


# load_config: errors


def test_unknown_key_suggests_a_close_match(tmp_path):
    message = load_error(tmp_path, '[tool.lambdalint]\nselekt = ["LL1"]\n', "pyproject.toml")
    assert message == "pyproject.toml: unknown key 'selekt' in [tool.lambdalint] (did you mean 'select'?)"


def test_unknown_key_suggests_option_names(tmp_path):
    assert "did you mean 'connect-timeout'" in load_error(tmp_path, "connect_timeout = 1\n")


def test_unknown_key_without_a_close_match(tmp_path):
    assert load_error(tmp_path, "colour = true\n") == "lambdalint.toml: unknown key 'colour'"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('select = "LL1"', "select"),
        ("extend-select = [1]", "extend-select"),
        ('ignore = "LL1"', "ignore"),
        ('exclude = "build"', "exclude"),
        ("extend-exclude = [true]", "extend-exclude"),
        ('respect-gitignore = "yes"', "respect-gitignore"),
        ('per-file-ignores = ["tests/*"]', "per-file-ignores"),
        ('per-file-ignores = {"tests/*" = "LL1"}', "per-file-ignores"),
        ('handlers = "app.py:main"', "handlers"),
        ('connect-timeout = "1"', "connect-timeout"),
        ("connect-timeout = true", "connect-timeout"),
        ("max-retries = 2.5", "max-retries"),
        ("sdk-name = 3", "sdk-name"),
    ],
)
def test_wrong_type(tmp_path, text, key):
    message = load_error(tmp_path, text + "\n")
    assert f"'{key}" in message and "must be" in message


def test_wrong_type_messages(tmp_path):
    assert load_error(tmp_path, 'select = "LL1"\n') == "lambdalint.toml: 'select' must be a list of strings"
    assert load_error(tmp_path, "connect-timeout = true\n") == "lambdalint.toml: 'connect-timeout' must be a number"
    assert load_error(tmp_path, "max-retries = 1.5\n") == "lambdalint.toml: 'max-retries' must be an integer"


@pytest.mark.parametrize("key", ["select", "extend-select", "ignore"])
def test_unknown_code(tmp_path, key):
    message = load_error(tmp_path, f'{key} = ["LL1", "XX9"]\n')
    assert message == f"lambdalint.toml: unknown rule code or prefix 'XX9' in '{key}'"


def test_unknown_code_in_per_file_ignores(tmp_path):
    message = load_error(tmp_path, '[per-file-ignores]\n"tests/*" = ["LL9"]\n')
    assert "'LL9'" in message and "per-file-ignores" in message


def test_invalid_pattern(tmp_path):
    assert "'foo\\'" in load_error(tmp_path, "extend-exclude = ['foo\\']\n")


@pytest.mark.parametrize("entry", ["app.py", ":main", "app.py:", "app.py:1main", "app.py:main.sub"])
def test_malformed_handler(tmp_path, entry):
    message = load_error(tmp_path, f'handlers = ["{entry}"]\n')
    assert f"'{entry}'" in message and "handlers" in message


def test_option_below_minimum(tmp_path):
    assert load_error(tmp_path, "connect-timeout = -1\n") == "lambdalint.toml: 'connect-timeout' must be at least 0"
    assert "'max-retries'" in load_error(tmp_path, "max-retries = 0\n")


def test_invalid_toml_includes_the_parser_message(tmp_path):
    message = load_error(tmp_path, 'select = ["LL1"]\nignore = = 1\n')
    assert message.startswith("lambdalint.toml: invalid TOML: ") and "line 2" in message


def test_tool_lambdalint_must_be_a_table(tmp_path):
    assert "[tool.lambdalint] must be a table" in load_error(tmp_path, "[tool]\nlambdalint = 1\n", "pyproject.toml")


def test_error_names_the_file_relative_to_cwd(tmp_path):
    path = write(tmp_path / "sub/lambdalint.toml", "bad = 1\n")
    with pytest.raises(ConfigError, match=r"^sub/lambdalint.toml: unknown key 'bad'"):
        load(path, tmp_path)
