"""Handler references named by deployment descriptors: SAM/CloudFormation templates and serverless.yml."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import cache, partial
from pathlib import Path

from lambdalint.model import HandlerRef, shown

_FUNCTION_TYPES = frozenset({"AWS::Serverless::Function", "AWS::Lambda::Function"})
# These runtimes name a binary, class or method in Handler, not a file and a function.
_OTHER_RUNTIMES = ("go", "provided", "java", "dotnet", "ruby")
_SERVERLESS_NAMES = frozenset({"serverless.yml", "serverless.yaml"})


def handlers_from_descriptors(paths: Iterable[Path]) -> tuple[tuple[HandlerRef, ...], tuple[str, ...]]:
    """Handler references and one-line warnings for descriptors that cannot be read."""
    paths = tuple(paths)
    if not paths:
        return (), ()
    import yaml  # only here: most projects have no descriptor, and yaml is slow to import

    cwd = Path.cwd()
    refs: list[HandlerRef] = []
    warnings: list[str] = []
    for path in paths:
        where = shown(path, cwd)
        try:
            document, root_node = _load(path)
        except (OSError, ValueError, RecursionError, yaml.YAMLError) as error:
            warnings.append(f"{where}: cannot parse: {_reason(error)}")
            continue
        if not isinstance(document, dict):
            continue
        origin = partial(_origin, root_node, where)
        if path.name in _SERVERLESS_NAMES:
            refs += _serverless(document, path.parent.resolve(), origin)
        elif isinstance(document.get("Resources"), dict):
            refs += _template(document, path.parent.resolve(), origin)
    return tuple(refs), tuple(warnings)


def _template(document: dict, folder: Path, origin: Callable[..., str]) -> list[HandlerRef]:
    globals_ = _table(_table(document.get("Globals")).get("Function"))
    refs = []
    for name, resource in document["Resources"].items():
        if not isinstance(resource, dict) or resource.get("Type") not in _FUNCTION_TYPES:
            continue
        properties = _table(resource.get("Properties"))
        serverless = resource["Type"] == "AWS::Serverless::Function"
        # SAM Globals apply to AWS::Serverless::Function only.
        settings = {**globals_, **properties} if serverless else properties
        code = settings.get("CodeUri" if serverless else "Code", ".")
        # A mapping or s3:// location means the code is not in this tree.
        if not isinstance(code, str) or code.startswith("s3://") or "InlineCode" in settings:
            continue
        if _skipped_runtime(settings.get("Runtime")) or settings.get("PackageType") == "Image":
            continue
        key = ("Resources", name, "Properties", "Handler") if "Handler" in properties else ("Globals", "Function", "Handler")
        ref = _ref(settings.get("Handler"), folder / code, origin(*key))
        if ref:
            refs.append(ref)
    return refs


def _serverless(document: dict, folder: Path, origin: Callable[..., str]) -> list[HandlerRef]:
    functions = document.get("functions")
    if not isinstance(functions, dict):
        return []
    provider_runtime = _table(document.get("provider")).get("runtime")
    refs = []
    for name, function in functions.items():
        if not isinstance(function, dict) or "image" in function or "artifact" in _table(function.get("package")):
            continue
        if _skipped_runtime(function.get("runtime", provider_runtime)):
            continue
        handler = function.get("handler")
        # ${...} is resolved by the framework at deploy time; we cannot know the value.
        if isinstance(handler, str) and "${" in handler:
            continue
        ref = _ref(handler, folder, origin("functions", name, "handler"))
        if ref:
            refs.append(ref)
    return refs


def _ref(handler: object, base: Path, origin: str) -> HandlerRef | None:
    """``src/handler.main`` -> src/handler, main; ``src.handlers.app.main`` -> src/handlers/app, main."""
    if not isinstance(handler, str):
        return None
    module, dot, function = handler.rpartition(".")
    if not dot or not module or not function:
        return None
    # The Python runtime imports the dotted name, so dots after the last slash are folders.
    head, slash, tail = module.rpartition("/")
    return HandlerRef(module=(base / (head + slash + tail.replace(".", "/"))).resolve(), function=function, origin=origin)


def _skipped_runtime(runtime: object) -> bool:
    return isinstance(runtime, str) and runtime.startswith(_OTHER_RUNTIMES)


def _table(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _load(path: Path) -> tuple[object, object]:
    """The document and, for YAML, its node tree (which knows line numbers)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text), None
    loader = _loader()(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


@cache
def _loader() -> type:
    import yaml

    class TemplateLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        """Reads CloudFormation short-form tags (!Ref, !Sub, !GetAtt, ...) as their plain value."""

    def construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
        if isinstance(node, yaml.ScalarNode):
            return loader.construct_scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return loader.construct_sequence(node, deep=True)
        return loader.construct_mapping(node, deep=True)

    TemplateLoader.add_multi_constructor("!", construct_tagged)
    return TemplateLoader


def _origin(node: object, where: str, *keys: str) -> str:
    """``where:line`` of the value at ``keys`` in a YAML node tree; just ``where`` without one (JSON)."""
    for key in keys:
        if getattr(node, "id", None) != "mapping":
            return where
        node = next((value for name, value in node.value if getattr(name, "value", None) == key), None)
    return f"{where}:{node.start_mark.line + 1}" if node is not None else where


def _reason(error: Exception) -> str:
    problem, mark = getattr(error, "problem", None), getattr(error, "problem_mark", None)
    if problem and mark:
        return f"{problem} (line {mark.line + 1})"
    return " ".join(str(error).split())
