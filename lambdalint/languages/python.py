"""Python adapter: one query over the tree, then imports, bindings, handlers and scope.

Name resolution is deliberately simple and conservative: a name with one known value
(ignoring ``= None`` placeholders) resolves; a name with several values, a parameter, or
anything unpacked does not, and what does not resolve is never reported.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from lambdalint import syntax
from lambdalint.apis import python as api
from lambdalint.facts import UNKNOWN, Arg, Call, FileFacts, Function, Suppression, Suppressions
from lambdalint.languages.common import SourceText, prefilter_for
from lambdalint.languages.python_scope import Scope
from lambdalint.model import HandlerRef, Span

LANGUAGE = "python"
PREFILTER = prefilter_for(api.MODULES)

QUERY = """
(import_statement) @import
(import_from_statement) @import
(function_definition) @function
(class_definition) @class
(call) @call
(assignment) @assign
(global_statement) @global
(as_pattern) @as
(for_statement) @for
(decorated_definition) @decorated
(print_statement) @python2
(exec_statement) @python2
"""
COMMENTS = "(comment) @comment"
RETURNS = "(return_statement) @return"

NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?", re.IGNORECASE)
FILE_NOQA = re.compile(r"^#\s*lambdalint:\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?\s*(?:#.*)?$")
CODE = re.compile(r"[A-Z]+[0-9]+")
HEAD = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")
ALIAS_ROOTS = {alias.split(".")[0] for alias in api.ALIASES}
MODULE_ROOTS = {m.split(".")[0] for m in api.MODULES}
# The last names of every API the tables model: a call ending in any other name cannot match.
API_NAMES = frozenset(
    name.encode()
    for key, table in vars(api).items() if key.isupper() and isinstance(table, (str, dict, frozenset, tuple))
    for item in ((table,) if isinstance(table, str) else table) if isinstance(item, str)
    if (name := item.rsplit(".", 1)[-1].removesuffix("()")).isidentifier()
) | {b"resolve"}
VALUE_TYPES = ("call", "await", "attribute", "identifier", "boolean_operator", "parenthesized_expression")


@lru_cache(maxsize=8192)
def canonical(path: str) -> str:
    if path.split(".", 1)[0].split("(", 1)[0] not in ALIAS_ROOTS:
        return path
    for alias, name in api.ALIASES.items():
        if path.startswith(alias) and path[len(alias):len(alias) + 1] in ("", ".", "("):
            return name + path[len(alias):]
    return path


class Ref(NamedTuple):
    """What an expression is: an access path, a local function or class, or an instance."""

    path: str | None = None
    origin: Call | None = None       # the call that produced this value
    shared: bool = False             # stored where it outlives one invocation
    local: object = None             # a Function or a ClassInfo of this file
    instance: bool = False           # an instance of ``local`` (a ClassInfo)
    receiver: Call | None = None     # for an attribute: the call that produced its object
    receiver_shared: bool = False


@dataclass(eq=False)
class ClassInfo:
    name: str
    node: syntax.Node
    methods: dict[str, Function] = field(default_factory=dict)


@dataclass(eq=False, slots=True)
class Binding:
    kind: str                         # "value", "import", "local", "unknown"
    node: syntax.Node | None = None   # the assigned expression
    scope: Function | None = None     # where the expression is evaluated
    path: str | None = None
    local: object = None


@dataclass(eq=False)
class Decorator:
    path: str | None
    name: str
    node: syntax.Node
    call: syntax.Node | None


class PyCall(Call):
    def __init__(self, file: PythonFile, node: syntax.Node, ref: Ref, function: Function | None) -> None:
        callee = ref.local if isinstance(ref.local, Function) else None
        if isinstance(ref.local, ClassInfo) and not ref.instance:
            callee = ref.local.methods.get("__init__")
        super().__init__(ref.path, function, ref.receiver, ref.receiver_shared, callee)
        self.file = file
        self.node = node

    @cached_property
    def span(self):
        return self.file.text.span(self.node)

    @cached_property
    def args(self) -> tuple[Arg, ...]:
        arguments = self.node.child_by_field_name("arguments")
        if arguments is None:
            return ()
        if arguments.type == "generator_expression":
            return (self.file.arg(None, arguments, arguments, self.function),)
        return tuple(self.file.argument(child, self.function) for child in arguments.named_children
                     if child.type != "comment")

    @cached_property
    def tainted(self) -> bool:
        arguments = self.node.child_by_field_name("arguments")
        return (self.function is not None and self.file.tainted(arguments, self.function)) \
            or (self.receiver is not None and self.receiver.tainted)

    @cached_property
    def guarded(self) -> bool:
        return self.function is not None and self.file.guarded(self.node, self.function)


class PythonFile(Scope):
    def __init__(self, path: Path, source: bytes, tree: syntax.Tree, refs: tuple[HandlerRef, ...]) -> None:
        self.path = path
        self.text = SourceText(source)
        self.root = tree.root_node
        self.refs = [r.function for r in refs if r.matches(path)]
        self.bindings: dict[Function | None, dict[str, list[Binding]]] = {None: {}}
        self.attributes: dict[tuple[str, str], list[Binding]] = {}
        self.globals: dict[Function, set[str]] = {}
        self.classes: dict[str, ClassInfo] = {}
        self.functions: list[Function] = []
        self.nodes: dict[Function, syntax.Node] = {}
        self.decorators: dict[Function, list[Decorator]] = {}
        self.returns: dict[Function, list[syntax.Node]] = {}
        self.tainted_params: dict[Function, set[str]] = {}
        self.calls: dict[tuple[int, int], PyCall | None] = {}
        self.resolving: set[tuple[int, int]] = set()
        self.comments: list[syntax.Node] = []
        self.flows: dict[Function | None, list[syntax.Node]] = {}   # assignments and for loops
        self._tainted: dict[Function, set[str]] = {}
        self.tainted_attributes: dict[str | None, set[str]] = {}   # class -> attributes holding request data
        self.fences: dict[Function, int | None] = {}
        self.names: dict[tuple[int, str], Ref | None] = {}
        self.call_nodes: dict[Function | None, list[syntax.Node]] = {}   # every call, by scope
        self.decorated: dict[int, syntax.Node] = {}   # start of a definition -> its decorated_definition

    # ---- extraction -------------------------------------------------------------------

    def extract(self) -> FileFacts:
        found = syntax.captures(LANGUAGE, QUERY, self.root)
        if "python2" in found and (error := syntax_error(self.text.source)):  # the grammar accepts Python 2
            return FileFacts(self.path, LANGUAGE, self.text.source, [], [], Suppressions(), *error)
        if b"noqa" in self.text.source:  # comments matter only as suppressions
            found.update(syntax.captures(LANGUAGE, COMMENTS, self.root))
        events = [(n.start_byte, kind not in ("function", "class"), kind, n)
                  for kind, nodes in found.items() for n in nodes]
        events.sort(key=itemgetter(0, 1))  # containers first: a def opens its scope before its body
        containers: list[tuple[int, Function | ClassInfo]] = []   # open defs and classes, innermost last
        scopes: list[tuple[int, Function | ClassInfo]] = []       # the open defs only
        scope = cls = None
        for start, _, kind, node in events:
            if containers and containers[-1][0] <= start:
                while containers and containers[-1][0] <= start:
                    closed = containers.pop()
                    if scopes and scopes[-1] is closed:
                        scopes.pop()
                scope = scopes[-1][1] if scopes else None
                cls = containers[-1][1] if containers and isinstance(containers[-1][1], ClassInfo) else None
            if kind == "call":
                self.call_nodes.setdefault(scope, []).append(node)
            elif kind == "assign":
                self.assignment(node, scope, cls)
            elif kind == "function":
                scope, cls = self.function(node, scope, cls), None
                containers.append((node.end_byte, scope))
                scopes.append(containers[-1])
            elif kind == "class":
                cls = ClassInfo(self.text.of(node.child_by_field_name("name")), node)
                if scope is None and not containers:
                    self.classes[cls.name] = cls
                    self.bind(None, cls.name, Binding("local", local=cls))
                containers.append((node.end_byte, cls))
            elif kind == "import":
                self.imports(node, scope)
            elif kind == "global" and scope is not None:
                self.globals.setdefault(scope, set()).update(
                    self.text.of(n) for n in node.named_children if n.type == "identifier")
            elif kind == "as":
                self.with_alias(node, scope)
            elif kind == "for":
                self.flows.setdefault(scope, []).append(node)
                self.unpack(node.child_by_field_name("left"), scope)
            elif kind == "comment":
                self.comments.append(node)
            elif kind == "decorated":
                self.decorated[node.child_by_field_name("definition").start_byte] = node
        self.names.clear()  # names resolved while bindings were still being collected
        heads = self.interesting_heads()
        names = API_NAMES | {f.name.encode() for f in self.functions} | {c.encode() for c in self.classes}
        calls = []
        for scope, nodes in self.call_nodes.items():
            for node in nodes:
                callee = self.text.source[node.start_byte:node.child_by_field_name("function").end_byte]
                head = HEAD.match(callee)
                # a bare name may be an alias (``from boto3 import client as c``): resolve it whatever it is
                if head and head.group().decode() in heads and (head.end() == len(callee)
                                                                or callee.rsplit(b".", 1)[-1] in names):
                    call = self.call(node, scope)
                    if call is not None:
                        calls.append(call)
        self.mark_per_invocation(calls)
        return FileFacts(self.path, LANGUAGE, self.text.source, calls, self.functions, self.suppressions(), api=api)

    def function(self, node: syntax.Node, parent: Function | None, cls: ClassInfo | None) -> Function:
        name = self.text.of(node.child_by_field_name("name"))
        params = self.parameters(node.child_by_field_name("parameters"))
        in_class = cls is not None  # the innermost open container is a class: this is a method
        qualname = f"{cls.name}.{name}" if in_class else (f"{parent.qualname}.{name}" if parent else name)
        function = Function(name, qualname, node.start_point.row + 1, parent,
                            cls.name if in_class else None, tuple(params))
        self.functions.append(function)
        self.nodes[function] = node
        self.bindings[function] = {p: [Binding("unknown")] for p in params}
        decorators = []
        if node.start_byte in self.decorated:
            for d in self.decorated[node.start_byte].named_children:
                if d.type != "decorator" or not d.named_children:
                    continue
                expr = d.named_children[0]
                call = expr if expr.type == "call" else None
                head = call.child_by_field_name("function") if call else expr
                ref = self.resolve(head, parent)
                path = ref.path + "()" if ref and ref.path and call else (ref.path if ref else None)
                decorators.append(Decorator(path, self.text.of(head).rsplit(".", 1)[-1], head, call))
        self.decorators[function] = decorators
        function.decorators = tuple(d.path or d.name for d in decorators)
        function.decorator_spans = tuple(self.text.span(d.call or d.node) for d in decorators)
        function.cached = any(d.path in api.CACHE_DECORATORS for d in decorators)
        if in_class:
            cls.methods[name] = function
        else:
            self.bind(parent, name, Binding("local", local=function))
        return function

    def parameters(self, node: syntax.Node | None) -> list[str]:
        names = []
        for p in node.named_children if node else ():
            if p.type == "identifier":
                names.append(self.text.of(p))
            elif p.type in ("default_parameter", "typed_default_parameter"):
                names.append(self.text.of(p.child_by_field_name("name")))
            elif p.type == "typed_parameter" and p.named_children[0].type == "identifier":
                names.append(self.text.of(p.named_children[0]))
        return names

    def bind(self, scope: Function | None, name: str, binding: Binding) -> None:
        if scope is not None and name in self.globals.get(scope, ()):
            scope = None
        self.bindings.setdefault(scope, {}).setdefault(name, []).append(binding)

    def assignment(self, node: syntax.Node, scope: Function | None, cls: ClassInfo | None) -> None:
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if right is None:
            return
        self.flows.setdefault(scope, []).append(node)
        if left.type == "identifier":
            if cls is not None and scope is None:
                self.attributes.setdefault((cls.name, self.text.of(left)), []).append(Binding("value", right, None))
            else:
                self.bind(scope, self.text.of(left), Binding("value", right, scope))
        elif left.type == "attribute" and scope is not None and scope.cls:
            obj = left.child_by_field_name("object")
            if obj.type == "identifier" and scope.params and self.text.of(obj) == scope.params[0]:
                key = (scope.cls, self.text.of(left.child_by_field_name("attribute")))
                self.attributes.setdefault(key, []).append(Binding("value", right, scope))
        else:
            self.unpack(left, scope)

    def unpack(self, node: syntax.Node | None, scope: Function | None) -> None:
        if node is None:
            return
        if node.type == "identifier":
            self.bind(scope, self.text.of(node), Binding("unknown"))
        elif node.type in ("pattern_list", "tuple_pattern", "list_pattern", "list_splat_pattern"):
            for child in node.named_children:
                self.unpack(child, scope)

    def with_alias(self, node: syntax.Node, scope: Function | None) -> None:
        alias = node.child_by_field_name("alias")
        names = [n for n in alias.named_children if n.type == "identifier"] if alias else []
        if not names:
            return
        name = self.text.of(names[0])
        if node.parent.type == "with_item":
            self.bind(scope, name, Binding("value", node.named_children[0], scope))
        else:
            self.bind(scope, name, Binding("unknown"))

    def imports(self, node: syntax.Node, scope: Function | None) -> None:
        if node.type == "import_statement":
            for item in node.named_children:
                if item.type == "aliased_import":
                    module = self.text.of(item.child_by_field_name("name"))
                    self.bind(scope, self.text.of(item.child_by_field_name("alias")), Binding("import", path=module))
                elif item.type == "dotted_name":
                    head = self.text.of(item).split(".")[0]
                    self.bind(scope, head, Binding("import", path=head))
            return
        module_node = node.child_by_field_name("module_name")
        if module_node is None or module_node.type == "relative_import":
            for name in node.children_by_field_name("name"):
                target = name.child_by_field_name("alias") if name.type == "aliased_import" else name
                self.bind(scope, self.text.of(target), Binding("unknown"))
            return
        module = self.text.of(module_node)
        for name in node.children_by_field_name("name"):
            if name.type == "aliased_import":
                imported = self.text.of(name.child_by_field_name("name"))
                local = self.text.of(name.child_by_field_name("alias"))
            else:
                imported = local = self.text.of(name)
            self.bind(scope, local, Binding("import", path=canonical(f"{module}.{imported}")))

    # ---- resolution -------------------------------------------------------------------

    def lookup(self, name: str, scope: Function | None) -> tuple[list[Binding], bool] | None:
        """The bindings of ``name`` seen from ``scope`` and whether they live at module level."""
        while scope is not None:
            if name in self.globals.get(scope, ()):
                break
            if name in self.bindings.get(scope, {}):
                return self.bindings[scope][name], False
            scope = scope.parent
        found = self.bindings[None].get(name)
        return (found, True) if found else None

    def value(self, bindings: list[Binding], shared: bool) -> Ref | None:
        refs: list[Ref] = []
        for b in bindings:
            if b.kind == "import":
                refs.append(Ref(b.path))
            elif b.kind == "local":
                refs.append(Ref(local=b.local))
            elif b.kind == "value":
                if b.node.type == "none":
                    continue
                ref = self.resolve(b.node, b.scope)
                if ref is None:
                    return None
                refs.append(ref._replace(shared=shared or ref.shared))
            else:
                return None
        if not refs or len({(r.path, id(r.local), r.instance) for r in refs}) != 1:
            return None
        return refs[0]

    def resolve(self, node: syntax.Node | None, scope: Function | None) -> Ref | None:
        kind = node.type if node is not None else None
        if kind == "identifier":
            key = (id(scope), self.text.of(node))
            if key not in self.names:
                self.names[key] = None  # a name defined through itself does not resolve
                found = self.lookup(key[1], scope)
                self.names[key] = self.value(*found) if found else None
            return self.names[key]
        if kind == "attribute":
            return self.attribute(node, scope)
        if kind == "call":
            key = (node.start_byte, node.end_byte)
            if key in self.resolving:
                return None
            self.resolving.add(key)
            try:
                callee = self.resolve(node.child_by_field_name("function"), scope)
                if callee is None:
                    return None
                if isinstance(callee.local, Function):
                    ref = self.returned(callee.local)
                    # a memoised function hands every caller the same stored object
                    return ref._replace(shared=True) if ref is not None and callee.local.cached else ref
                if isinstance(callee.local, ClassInfo):
                    return None if callee.instance else Ref(local=callee.local, instance=True)
                if callee.path is None:
                    return None
                return Ref(canonical(callee.path + "()"), origin=self.call(node, scope))
            finally:
                self.resolving.discard(key)
        if kind in ("await", "parenthesized_expression") and node.named_children:
            return self.resolve(node.named_children[-1] if kind == "await" else node.named_children[0], scope)
        if kind == "boolean_operator" and self.text.of(node.child_by_field_name("operator")) == "or":
            return self.resolve(node.child_by_field_name("right"), scope)
        return None

    def attribute(self, node: syntax.Node, scope: Function | None) -> Ref | None:
        obj, name = node.child_by_field_name("object"), self.text.of(node.child_by_field_name("attribute"))
        if obj.type == "identifier" and scope is not None and scope.cls and scope.params \
                and self.text.of(obj) == scope.params[0]:
            cls = self.classes.get(scope.cls)
            if cls and name in cls.methods:
                return Ref(local=cls.methods[name])
            found = self.attributes.get((scope.cls, name))
            return self.value(found, True) if found else None
        ref = self.resolve(obj, scope)
        if ref is None:
            return None
        if isinstance(ref.local, ClassInfo):
            method = ref.local.methods.get(name)
            return Ref(local=method) if method else None
        if ref.path is None:
            return None
        return Ref(canonical(f"{ref.path}.{name}"), receiver=ref.origin, receiver_shared=ref.shared)

    def returned(self, function: Function) -> Ref | None:
        values = [r.named_children[0] for r in self.returns_of(function) if r.named_children]
        values = [v for v in values if v.type != "none"]
        if not values:
            return None
        refs = [self.resolve(v, function) for v in values]
        if any(r is None for r in refs) or len({(r.path, id(r.local)) for r in refs}) != 1:
            return None
        return refs[0]

    def returns_of(self, function: Function) -> list[syntax.Node]:
        """The function's own return statements (not those of functions defined inside it)."""
        if function not in self.returns:
            inner = [self.nodes[f] for f in self.functions if f.parent is function]
            found = syntax.captures(LANGUAGE, RETURNS, self.nodes[function]).get("return", ())
            self.returns[function] = [r for r in found
                                      if not any(n.start_byte <= r.start_byte < n.end_byte for n in inner)]
        return self.returns[function]

    def interesting_heads(self) -> set[str]:
        """Names through which a call can reach a modeled library or a function of this file;
        calls on anything else (builtins, plain data, other libraries) are never resolved."""
        names = {f.params[0] for f in self.functions if f.cls and f.params}
        for scope_bindings in self.bindings.values():
            for name, bindings in scope_bindings.items():
                for b in bindings:
                    if b.kind == "local" or (b.kind == "import" and b.path.split(".", 1)[0] in MODULE_ROOTS) \
                            or (b.kind == "value" and b.node.type in VALUE_TYPES):
                        names.add(name)
                        break
        return names

    def call(self, node: syntax.Node, scope: Function | None) -> PyCall | None:
        key = (node.start_byte, node.end_byte)
        if key not in self.calls:
            self.calls[key] = None
            ref = self.resolve(node.child_by_field_name("function"), scope)
            if ref is not None and (ref.path or ref.local is not None):
                self.calls[key] = PyCall(self, node, ref._replace(path=ref.path and canonical(ref.path)), scope)
        return self.calls[key]

    # ---- arguments --------------------------------------------------------------------

    def argument(self, node: syntax.Node, scope: Function | None) -> Arg:
        if node.type == "keyword_argument":
            return self.arg(self.text.of(node.child_by_field_name("name")), node,
                            node.child_by_field_name("value"), scope)
        if node.type in ("list_splat", "dictionary_splat"):
            return self.splat(node, scope, 0)
        return self.arg(None, node, node, scope)

    def arg(self, name: str | None, whole: syntax.Node, value: syntax.Node, scope: Function | None,
            depth: int = 0) -> Arg:
        literal, call, entries = self.literal(value), None, None
        target = value
        if value.type == "identifier" and depth < 3:
            found = self.lookup(self.text.of(value), scope)
            single = [b for b in found[0] if b.kind == "value"] if found else []
            if found and len(single) == len(found[0]) == 1:
                target, scope = single[0].node, single[0].scope
                literal = self.literal(target)
        if target.type == "call":
            call = self.call(target, scope)
        elif target.type == "dictionary":
            entries = tuple(self.entry(item, scope, depth) for item in target.named_children
                            if item.type in ("pair", "dictionary_splat"))
        return Arg(name, self.text.span(whole), self.text.of(value), literal, call, entries)

    def entry(self, node: syntax.Node, scope: Function | None, depth: int) -> Arg:
        if node.type == "dictionary_splat":
            return self.splat(node, scope, depth + 1)
        key = self.literal(node.child_by_field_name("key"))
        return self.arg(key if isinstance(key, str) else None, node, node.child_by_field_name("value"),
                        scope, depth + 1)

    def splat(self, node: syntax.Node, scope: Function | None, depth: int) -> Arg:
        """``*a``/``**kw``: unknown contents, except the entries of a visible dict literal."""
        entries = None
        if node.type == "dictionary_splat" and node.named_children and depth < 3:
            entries = self.arg(None, node, node.named_children[0], scope, depth).entries
        return Arg(None, self.text.span(node), self.text.of(node), entries=entries, spread=True)

    def literal(self, node: syntax.Node | None) -> object:
        kind = node.type if node is not None else None
        if kind == "string":
            parts = [c for c in node.named_children if c.type not in ("string_start", "string_end")]
            if all(p.type == "string_content" for p in parts):
                return "".join(self.text.of(p) for p in parts)
        elif kind == "integer":
            try:
                return int(self.text.of(node).replace("_", ""), 0)
            except ValueError:
                return UNKNOWN
        elif kind == "float":
            return float(self.text.of(node).replace("_", ""))
        elif kind in ("true", "false", "none"):
            return {"true": True, "false": False, "none": None}[kind]
        elif kind == "unary_operator" and self.text.of(node).startswith("-"):
            value = self.literal(node.named_children[-1])
            return -value if isinstance(value, (int, float)) and not isinstance(value, bool) else UNKNOWN
        return UNKNOWN

    # ---- suppressions -----------------------------------------------------------------

    def suppressions(self) -> Suppressions:
        items = []
        for comment in self.comments:
            text = self.text.of(comment)
            if "noqa" not in text.lower():
                continue
            whole = FILE_NOQA.match(text)
            if whole and not self.text.line_before(comment).strip():  # on its own line: the whole file
                codes = whole.group("codes")
                items.append(Suppression(self.text.span(comment), codes and frozenset(CODE.findall(codes)), True))
            elif match := NOQA.search(text):
                codes = match.group("codes")
                items.append(Suppression(self.text.span(comment), codes and frozenset(CODE.findall(codes.upper()))))
        return Suppressions(tuple(items))


def extract(path: Path, source: bytes, tree: syntax.Tree, refs: tuple[HandlerRef, ...] = ()) -> FileFacts:
    return PythonFile(path, source, tree, refs).extract()


def syntax_error(source: bytes) -> tuple[Span, str] | None:
    """Where CPython's own parser stops, and why; None when CPython accepts the file (the
    grammar, not the code, is behind). Asked only for files tree-sitter could not parse."""
    try:  # from text: offsets then count characters on every CPython (from bytes, 3.11 counts bytes)
        compile(source.decode("utf-8", "replace"), "<lambdalint>", "exec", flags=ast.PyCF_ONLY_AST,
                dont_inherit=True)
    except SyntaxError as exc:
        lines = source.splitlines(keepends=True) or [b""]
        line = min(max(exc.lineno or 1, 1), len(lines))
        prefix = lines[line - 1].decode("utf-8", "replace")[:max((exc.offset or 1) - 1, 0)]
        byte = sum(len(x) for x in lines[:line - 1]) + len(prefix.encode())
        return SourceText(source).span_of(byte, byte, line, line), exc.msg
    except (ValueError, RecursionError, MemoryError) as exc:  # null bytes, absurd nesting
        return SourceText(source).span_of(0, 0, 1, 1), str(exc) or type(exc).__name__
    return None

