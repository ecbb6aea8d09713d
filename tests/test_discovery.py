import os
from pathlib import Path

import pytest

from lambdalint.discovery import Discovered, DiscoveryError, SourceFile, discover


def tree(root: Path, *names: str) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).touch()


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def names(found: Discovered, root: Path) -> list[str]:
    return [source.path.relative_to(root.resolve()).as_posix() for source in found.sources]


def test_sources_by_suffix_sorted_and_resolved(tmp_path):
    tree(tmp_path, "b/app.py", "a/index.ts", "a/view.tsx", "a/lib.mjs", "main.go", "README.md", "Makefile", "a/.py")
    found = discover([tmp_path], root=tmp_path)
    assert names(found, tmp_path) == ["a/index.ts", "a/lib.mjs", "a/view.tsx", "b/app.py", "main.go"]
    assert found.sources[0] == SourceFile(tmp_path.resolve() / "a/index.ts", "typescript")
    assert {source.language for source in found.sources} == {"typescript", "javascript", "tsx", "python", "go"}
    assert all(source.path.is_absolute() for source in found.sources)


def test_default_excludes_are_pruned_anywhere(tmp_path):
    tree(
        tmp_path,
        "src/app.py",
        "node_modules/pkg/index.js",
        "src/node_modules/pkg/index.js",
        ".venv/lib/site.py",
        "fn/.aws-sam/build/app.py",
        "cdk.out/asset/index.js",
        "src/__pycache__/app.py",
        "vendor/lib.go",
    )
    assert names(discover([tmp_path], root=tmp_path), tmp_path) == ["src/app.py"]


def test_exclude_replaces_defaults(tmp_path):
    tree(tmp_path, "src/app.py", "node_modules/pkg/index.js", "generated/model.py")
    found = discover([tmp_path], root=tmp_path, exclude=["generated"])
    assert names(found, tmp_path) == ["node_modules/pkg/index.js", "src/app.py"]


def test_extend_exclude_adds_to_defaults(tmp_path):
    tree(tmp_path, "src/app.py", "src/model_pb2.py", "src/legacy/old.py", "lib/src/legacy/kept.py", "node_modules/x.js")
    found = discover([tmp_path], root=tmp_path, extend_exclude=["*_pb2.py", "/src/legacy/"])
    assert names(found, tmp_path) == ["lib/src/legacy/kept.py", "src/app.py"]


def test_exclude_is_relative_to_root_not_to_the_given_path(tmp_path):
    tree(tmp_path, "services/api/gen/client.py", "services/api/app.py")
    found = discover([tmp_path / "services/api"], root=tmp_path, exclude=["services/api/gen"])
    assert names(found, tmp_path) == ["services/api/app.py"]


def test_nested_gitignore_applies_below_its_folder(tmp_path):
    tree(tmp_path, "secret.py", "a/secret.py", "a/b/secret.py", "a/app.py")
    write(tmp_path / "a/.gitignore", "secret.py\n")
    assert names(discover([tmp_path], root=tmp_path), tmp_path) == ["a/app.py", "secret.py"]


def test_deeper_gitignore_can_reinclude(tmp_path):
    tree(tmp_path, "gen/a.js", "gen/keep.js", "app.js")
    write(tmp_path / ".gitignore", "gen/*.js\n")
    write(tmp_path / "gen/.gitignore", "!keep.js\n")
    assert names(discover([tmp_path], root=tmp_path), tmp_path) == ["app.js", "gen/keep.js"]


def test_parent_gitignore_applies_up_to_the_repo_root(tmp_path):
    repo = tmp_path / "repo"
    tree(repo, "services/api/app.py", "services/api/gen/client.py", "services/api/skip_me.py")
    (repo / ".git").mkdir()
    write(repo / ".gitignore", "gen/\n")
    write(repo / "services/.gitignore", "skip_me.py\n")
    write(tmp_path / ".gitignore", "app.py\n")  # above the repo root: not ours
    api = repo / "services/api"
    assert names(discover([api], root=api), api) == ["app.py"]


def test_parent_gitignore_ignored_without_a_repo(tmp_path):
    tree(tmp_path, "project/src/app.py")
    write(tmp_path / ".gitignore", "src/\n")
    project = tmp_path / "project"
    assert names(discover([project / "src"], root=project), project) == ["src/app.py"]


def test_git_info_exclude_is_honoured(tmp_path):
    tree(tmp_path, "app.py", "scratch.py")
    write(tmp_path / ".git/info/exclude", "scratch.py\n")
    assert names(discover([tmp_path], root=tmp_path), tmp_path) == ["app.py"]


def test_respect_gitignore_false(tmp_path):
    tree(tmp_path, "app.py", "ignored.py")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "ignored.py\n")
    found = discover([tmp_path], root=tmp_path, respect_gitignore=False)
    assert names(found, tmp_path) == ["app.py", "ignored.py"]


def test_explicit_file_is_a_source_unless_force_exclude(tmp_path):
    tree(tmp_path, "node_modules/pkg/index.js", "ignored.py", "gen/model.py")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "ignored.py\n")
    explicit = [tmp_path / "node_modules/pkg/index.js", tmp_path / "ignored.py", tmp_path / "gen/model.py"]
    found = discover(explicit, root=tmp_path, extend_exclude=["gen/"])
    assert names(found, tmp_path) == ["gen/model.py", "ignored.py", "node_modules/pkg/index.js"]
    assert discover(explicit, root=tmp_path, extend_exclude=["gen/"], force_exclude=True).sources == ()


def test_explicit_file_with_unknown_suffix_is_skipped(tmp_path):
    tree(tmp_path, "notes.txt")
    assert discover([tmp_path / "notes.txt"], root=tmp_path) == Discovered((), ())


def test_explicit_excluded_folder_is_walked_but_nested_excludes_still_apply(tmp_path):
    tree(tmp_path, "build/app.py", "build/node_modules/x.js", "build/lib/util.py")
    assert names(discover([tmp_path / "build"], root=tmp_path), tmp_path) == ["build/app.py", "build/lib/util.py"]
    assert discover([tmp_path / "build"], root=tmp_path, force_exclude=True).sources == ()


def test_relative_paths_are_relative_to_the_cwd(tmp_path, monkeypatch):
    tree(tmp_path, "src/app.py")
    monkeypatch.chdir(tmp_path / "src")
    assert names(discover([Path("app.py"), Path(".")], root=Path(".")), tmp_path) == ["src/app.py"]


def test_nonexistent_path_raises(tmp_path):
    with pytest.raises(DiscoveryError, match="path 'missing/app.py' does not exist"):
        discover([Path("missing/app.py")], root=tmp_path)


def test_invalid_exclude_pattern_raises(tmp_path):
    with pytest.raises(DiscoveryError, match="invalid exclude pattern"):
        discover([tmp_path], root=tmp_path, exclude=["foo\\"])


def test_malformed_gitignore_line_is_skipped(tmp_path):
    tree(tmp_path, "app.py", "skip.py")
    write(tmp_path / ".gitignore", "foo\\\nskip.py\n")
    assert names(discover([tmp_path], root=tmp_path), tmp_path) == ["app.py"]


def test_overlapping_paths_give_no_duplicates(tmp_path):
    tree(tmp_path, "src/app.py")
    found = discover([tmp_path, tmp_path / "src", tmp_path / "src/app.py"], root=tmp_path)
    assert names(found, tmp_path) == ["src/app.py"]


def test_symlinks(tmp_path):
    tree(tmp_path, "src/app.py", "shared/util.py")
    (tmp_path / "src/loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "src/alias.py").symlink_to(tmp_path / "shared/util.py")
    (tmp_path / "src/dangling.py").symlink_to(tmp_path / "gone.py")
    assert names(discover([tmp_path], root=tmp_path), tmp_path) == ["shared/util.py", "src/app.py"]


def test_descriptors_are_collected_with_the_same_excludes(tmp_path):
    tree(
        tmp_path,
        "template.yaml",
        "api/template.yml",
        "api/packaged-template.json",
        "cdk/stack.template.json",
        "svc/serverless.yml",
        "svc2/serverless.yaml",
        "config.yaml",
        "package.json",
        "node_modules/pkg/template.yaml",
        ".aws-sam/build/template.yaml",
        "ignored/template.yaml",
    )
    write(tmp_path / ".gitignore", "ignored/\n")
    (tmp_path / ".git").mkdir()
    found = discover([tmp_path], root=tmp_path)
    assert [path.relative_to(tmp_path.resolve()).as_posix() for path in found.descriptors] == [
        "api/packaged-template.json",
        "api/template.yml",
        "cdk/stack.template.json",
        "svc/serverless.yml",
        "svc2/serverless.yaml",
        "template.yaml",
    ]
    assert found.sources == ()


def test_explicit_descriptor_counts(tmp_path):
    tree(tmp_path, "deploy/template.yaml")
    found = discover([tmp_path / "deploy/template.yaml"], root=tmp_path, exclude=["deploy"])
    assert found.descriptors == ((tmp_path / "deploy/template.yaml").resolve(),)


def test_path_outside_root_still_honours_bare_name_excludes(tmp_path):
    tree(tmp_path, "other/app.py", "other/node_modules/x.js")
    (tmp_path / "project").mkdir()
    found = discover([tmp_path / "other"], root=tmp_path / "project")
    assert names(found, tmp_path) == ["other/app.py"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_folder_given_explicitly_raises(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        with pytest.raises(DiscoveryError, match="cannot be read"):
            discover([locked], root=tmp_path)
    finally:
        locked.chmod(0o755)
