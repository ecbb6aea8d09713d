"""Settings from ``.lambdalint.toml``, ``lambdalint.toml`` or ``[tool.lambdalint]`` in ``pyproject.toml``."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from pathspec import GitIgnoreSpec

from lambdalint.model import HandlerRef, shown

try:
    import tomllib
except ModuleNotFoundError:
    import tomli as tomllib

CONFIG_NAMES = (".lambdalint.toml", "lambdalint.toml")
_CODE_LIST_KEYS = ("select", "extend-select", "ignore")
_PATTERN_LIST_KEYS = ("exclude", "extend-exclude")
_KEYS = (*_CODE_LIST_KEYS, *_PATTERN_LIST_KEYS, "respect-gitignore", "per-file-ignores", "handlers")
# JavaScript names may hold `$`; Python and Go names are a subset.
_FUNCTION_NAME = re.compile(r"[A-Za-z_$][\w$]*")


class ConfigError(Exception):
    """The configuration is unusable; the message is one line naming the file and the key or code."""


@dataclass(frozen=True, slots=True)
class OptionSpec:
    """A rule option: a flat key in the configuration, checked against ``type`` and ``minimum``."""

    name: str
    type: type | tuple[type, ...]
    default: object
    help: str
    minimum: float | None = None


@dataclass(frozen=True, slots=True)
class Config:
    path: Path | None
    root: Path
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    handlers: tuple[HandlerRef, ...] = ()
    options: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    def ignored_codes_for(self, path: Path) -> tuple[str, ...]:
        """Codes and prefixes that ``per-file-ignores`` turns off for ``path``."""
        if not self.per_file_ignores:
            return ()
        full = path if path.is_absolute() else self.root / path
        text = str(full)
        root = os.path.join(str(self.root), "")
        # Outside root, patterns see the path below the filesystem anchor, so bare names still match.
        relative = text[len(root) :] if text.startswith(root) else text[len(full.anchor) :]
        codes: dict[str, None] = {}
        for spec, pattern_codes in _compiled(self.per_file_ignores):
            if spec.match_file(relative):
                codes.update(dict.fromkeys(pattern_codes))
        return tuple(codes)


@lru_cache(maxsize=8)
def _compiled(per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[GitIgnoreSpec, tuple[str, ...]], ...]:
    return tuple((GitIgnoreSpec.from_lines([pattern]), codes) for pattern, codes in per_file_ignores)


def find_config(start: Path) -> Path | None:
    """The configuration file closest above ``start``, or None."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return False
    # Most pyproject files never mention us; skip parsing them.
    if "lambdalint" not in text:
        return False
    try:
        document = tomllib.loads(text)
    except ValueError:
        return True  # it mentions lambdalint but is broken: load_config reports the TOML error
    tool = document.get("tool")
    return isinstance(tool, dict) and "lambdalint" in tool


def load_config(
    path: Path | None,
    *,
    cwd: Path,
    is_code: Callable[[str], bool],
    options: Mapping[str, OptionSpec],
) -> Config:
    if path is None:
        return Config(path=None, root=cwd.resolve(), options=_options({}, options, ConfigError))
    path = path.resolve()
    name = shown(path, cwd.resolve())
    is_pyproject = path.name == "pyproject.toml"
    where = " in [tool.lambdalint]" if is_pyproject else ""

    def error(message: str) -> ConfigError:
        return ConfigError(f"{name}: {message}")

    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as problem:
        raise error(f"cannot read: {problem.strerror}") from None
    except ValueError as problem:  # TOMLDecodeError and UnicodeDecodeError
        raise error(f"invalid TOML: {problem}") from None
    table = document
    if is_pyproject:
        tool = document.get("tool")
        table = tool.get("lambdalint", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise error("[tool.lambdalint] must be a table")

    for key in table:
        if key not in _KEYS and key not in options:
            close = difflib.get_close_matches(key, [*_KEYS, *options], n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise error(f"unknown key '{key}'{where}{hint}")

    def strings(key: str, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise error(f"'{key}' must be a list of strings")
        return tuple(value)

    def codes(key: str, value: object) -> tuple[str, ...]:
        for code in strings(key, value):
            if not is_code(code):
                raise error(f"unknown rule code or prefix '{code}' in '{key}'")
        return tuple(value)

    def patterns(key: str, value: object) -> tuple[str, ...]:
        for pattern in strings(key, value):
            _check_pattern(pattern, key, error)
        return tuple(value)

    settings: dict[str, object] = {}
    for key in _CODE_LIST_KEYS:
        if key in table:
            settings[key.replace("-", "_")] = codes(key, table[key])
    for key in _PATTERN_LIST_KEYS:
        if key in table:
            settings[key.replace("-", "_")] = patterns(key, table[key])
    if "respect-gitignore" in table:
        if not isinstance(table["respect-gitignore"], bool):
            raise error("'respect-gitignore' must be true or false")
        settings["respect_gitignore"] = table["respect-gitignore"]
    if "per-file-ignores" in table:
        per_file = table["per-file-ignores"]
        if not isinstance(per_file, dict):
            raise error("'per-file-ignores' must be a table of pattern = [codes]")
        for pattern in per_file:
            _check_pattern(pattern, "per-file-ignores", error)
        settings["per_file_ignores"] = tuple(
            (pattern, codes(f'per-file-ignores."{pattern}"', value)) for pattern, value in per_file.items()
        )
    if "handlers" in table:
        settings["handlers"] = _handlers(table["handlers"], path.parent, name, error)
    return Config(path=path, root=path.parent, options=_options(table, options, error), **settings)


def _handlers(value: object, root: Path, origin: str, error: Callable[[str], ConfigError]) -> tuple[HandlerRef, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise error("'handlers' must be a list of \"path/to/file.py:function\" strings")
    refs = []
    for entry in value:
        file, colon, function = entry.rpartition(":")
        if not colon or not file or not _FUNCTION_NAME.fullmatch(function):
            raise error(f"malformed handler '{entry}' in 'handlers': expected \"path/to/file.py:function\"")
        refs.append(HandlerRef(module=(root / file).resolve().with_suffix(""), function=function, origin=origin))
    return tuple(refs)


def _options(
    table: Mapping[str, object], specs: Mapping[str, OptionSpec], error: Callable[[str], ConfigError]
) -> Mapping[str, object]:
    values = {}
    for name, spec in specs.items():
        value = table.get(name, spec.default)
        if name in table:
            types = spec.type if isinstance(spec.type, tuple) else (spec.type,)
            if float in types:
                types = (*types, int)  # TOML writes 1 for 1.0
            # bool is an int subclass, but `timeout = true` is a mistake, not 1.
            if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
                raise error(f"'{name}' must be {_type_name(types)}")
            if spec.minimum is not None and value < spec.minimum:
                raise error(f"'{name}' must be at least {spec.minimum:g}")
        values[name] = value
    return MappingProxyType(values)


def _type_name(types: tuple[type, ...]) -> str:
    if float in types:
        return "a number"
    names = {bool: "true or false", int: "an integer", str: "a string", list: "a list", dict: "a table"}
    return " or ".join(names.get(kind, kind.__name__) for kind in types)


def _check_pattern(pattern: str, key: str, error: Callable[[str], ConfigError]) -> None:
    try:
        GitIgnoreSpec.from_lines([pattern])
    except ValueError:
        raise error(f"invalid pattern '{pattern}' in '{key}'") from None
