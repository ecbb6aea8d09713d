"""Find the files to lint: sources by suffix and deployment descriptors by name, honouring
exclude patterns and .gitignore files the way ruff does."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pathspec import GitIgnoreSpec

LANGUAGE_BY_SUFFIX = {
    ".py": "python",
    ".ts": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".tsx": "tsx",
    ".js": "javascript",
    ".jsx": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".go": "go",
}
DEFAULT_EXCLUDE = (
    ".git",
    "node_modules",
    ".venv",
    "venv",
    ".aws-sam",
    "cdk.out",
    "dist",
    "build",
    "__pycache__",
    ".serverless",
    ".tox",
    ".nox",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    "site-packages",
    "vendor",
)
_SERVERLESS_NAMES = frozenset({"serverless.yml", "serverless.yaml"})
_TEMPLATE_SUFFIXES = frozenset({".yaml", ".yml", ".json"})
_DESCRIPTOR = "descriptor"


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    language: str


@dataclass(frozen=True, slots=True)
class Discovered:
    sources: tuple[SourceFile, ...]
    descriptors: tuple[Path, ...]


class DiscoveryError(Exception):
    """A path given to lint cannot be used; the message is one line naming it."""


@dataclass(frozen=True, slots=True)
class _Layer:
    """Patterns that apply below one folder. Paths are absolute strings; ``cut`` strips the
    folder's prefix so the patterns see the path relative to it."""

    spec: GitIgnoreSpec
    cut: int

    def verdict(self, path: str) -> bool | None:
        return self.spec.check_file(path[self.cut :]).include

    def rebased(self, folder: str) -> _Layer:
        return _Layer(self.spec, _cut(folder))


def discover(
    paths: Sequence[Path],
    *,
    root: Path,
    exclude: Sequence[str] = DEFAULT_EXCLUDE,
    extend_exclude: Sequence[str] = (),
    respect_gitignore: bool = True,
    force_exclude: bool = False,
) -> Discovered:
    root_str = str(root.resolve())
    try:
        exclude_spec = GitIgnoreSpec.from_lines([*exclude, *extend_exclude])
    except ValueError as error:
        raise DiscoveryError(f"invalid exclude pattern: {error}") from None
    repo_layers: dict[tuple[Path, bool], tuple[_Layer, ...]] = {}
    found: dict[str, str] = {}  # path -> language or _DESCRIPTOR
    for given in paths:
        try:
            is_dir = stat.S_ISDIR(given.stat().st_mode)
        except OSError as error:
            reason = "does not exist" if isinstance(error, FileNotFoundError) else f"cannot be read: {error.strerror}"
            raise DiscoveryError(f"path '{given}' {reason}") from None
        path = given.resolve()
        top = str(path)
        under_root = top == root_str or top.startswith(os.path.join(root_str, ""))
        # Outside root, patterns see the path below the filesystem anchor, so bare names still match.
        excluder = _Layer(exclude_spec, _cut(root_str if under_root else path.anchor))
        ignores: tuple[_Layer, ...] = ()
        if respect_gitignore:
            key = (path if is_dir else path.parent, is_dir)
            if key not in repo_layers:
                repo_layers[key] = _repo_ignores(*key)
            ignores = repo_layers[key]
        if force_exclude and _ignored(top + "/" if is_dir else top, excluder, ignores):
            continue
        if not is_dir:
            if kind := _kind(path.name):
                found[top] = kind
            continue
        # A folder given explicitly is linted even when excluded: patterns that match it (or a
        # folder above it) would otherwise match everything inside, so they apply from it down.
        if excluder.verdict(top + "/"):
            excluder = excluder.rebased(top)
        ignores = tuple(layer.rebased(top) if layer.verdict(top + "/") else layer for layer in ignores)
        _walk(top, excluder, ignores, respect_gitignore, found)
    ordered = sorted((Path(path), kind) for path, kind in found.items())
    return Discovered(
        sources=tuple(SourceFile(path, kind) for path, kind in ordered if kind != _DESCRIPTOR),
        descriptors=tuple(path for path, kind in ordered if kind == _DESCRIPTOR),
    )


def _walk(
    top: str,
    excluder: _Layer,
    ignores: tuple[_Layer, ...],
    respect_gitignore: bool,
    found: dict[str, str],
) -> None:
    stack = [(top, ignores)]
    while stack:
        folder, ignores = stack.pop()
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as error:
            if folder == top:
                raise DiscoveryError(f"path '{top}' cannot be read: {error.strerror}") from None
            continue  # an unreadable folder deep in the tree holds nothing we could lint
        if respect_gitignore and (layer := _gitignore(folder)):
            ignores = (*ignores, layer)
        for entry in entries:
            # Directory symlinks are not followed, as in git and ruff: no loops, no file reached twice.
            if entry.is_dir(follow_symlinks=False):
                if not _ignored(entry.path + "/", excluder, ignores):
                    stack.append((entry.path, ignores))
                continue
            # The name check comes first so most files never reach the (slower) pattern match.
            kind = _kind(entry.name)
            if kind is None or _ignored(entry.path, excluder, ignores) or not entry.is_file():
                continue
            found[os.path.realpath(entry.path) if entry.is_symlink() else entry.path] = kind


def _kind(name: str) -> str | None:
    """The language of a source file, _DESCRIPTOR for a deployment descriptor, else None."""
    stem, suffix = os.path.splitext(name)
    if suffix in LANGUAGE_BY_SUFFIX:
        return LANGUAGE_BY_SUFFIX[suffix]
    if name in _SERVERLESS_NAMES or (suffix in _TEMPLATE_SUFFIXES and "template" in stem.lower()):
        return _DESCRIPTOR
    return None


def _ignored(path: str, excluder: _Layer, ignores: tuple[_Layer, ...]) -> bool:
    """Whether ``path`` (with a trailing ``/`` for a folder) is excluded or gitignored."""
    if excluder.verdict(path):
        return True
    # As in git, the deepest .gitignore with a matching pattern decides, so it can re-include.
    for layer in reversed(ignores):
        verdict = layer.verdict(path)
        if verdict is not None:
            return verdict
    return False


def _repo_ignores(folder: Path, is_dir: bool) -> tuple[_Layer, ...]:
    """The ignore files above a given path, up to its repository root, shallowest first.
    A given folder's own .gitignore is left to the walk: it does not apply to the folder itself."""
    chain = [folder, *folder.parents]
    repo = next((i for i, candidate in enumerate(chain) if os.path.exists(candidate / ".git")), None)
    if repo is None:
        return ()
    above = chain[1 if is_dir else 0 : repo + 1]
    layers = [_ignore_file(chain[repo] / ".git" / "info" / "exclude", str(chain[repo]))]
    layers += [_gitignore(str(candidate)) for candidate in reversed(above)]
    return tuple(layer for layer in layers if layer)


def _gitignore(folder: str) -> _Layer | None:
    return _ignore_file(Path(folder, ".gitignore"), folder)


def _ignore_file(path: Path, folder: str) -> _Layer | None:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    lines = text.splitlines()
    try:
        spec = GitIgnoreSpec.from_lines(lines)
    except ValueError:
        # git skips a malformed line and keeps the rest; so do we.
        spec = GitIgnoreSpec.from_lines(line for line in lines if _valid_pattern(line))
    return _Layer(spec, _cut(folder)) if len(spec) else None


def _valid_pattern(line: str) -> bool:
    try:
        GitIgnoreSpec.from_lines([line])
    except ValueError:
        return False
    return True


def _cut(folder: str) -> int:
    return len(os.path.join(folder, ""))
