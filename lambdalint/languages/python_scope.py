"""Which Python code runs per request: handlers, the functions they reach, and the code
that a lazy-init guard or a memoising decorator runs once per environment instead.

A mixin of ``PythonFile``: it reads the bindings, decorators and calls the adapter collected.
Per-request data (the event, STS credentials) is tracked as taint, so that a client built
from it, per-tenant on purpose, is not reported.
"""

from __future__ import annotations

from lambdalint import syntax
from lambdalint.apis import python as api
from lambdalint.facts import Call, Function, closure
from lambdalint.languages.common import mentions

HANDLER_NAMES = ("lambda_handler", "handler")


class Scope:
    # ---- per-invocation scope ---------------------------------------------------------

    def handler_reason(self, function: Function) -> str | None:
        if function.name in self.refs and function.parent is None and function.cls is None:
            return "named by a deployment descriptor or configuration"
        if any(d.name in api.HANDLER_DECORATORS for d in self.decorators[function]):
            return "decorated as a Lambda handler"
        node = self.nodes[function]
        params = node.child_by_field_name("parameters")
        if any("LambdaContext" in self.text.of(p) for p in (params.named_children if params else ())
               if p.type in ("typed_parameter", "typed_default_parameter")):
            return "takes a LambdaContext"
        if function.parent is not None or function.cls is not None:
            return None
        if function.name in HANDLER_NAMES:
            return f"named {function.name}"
        if function.params[:2] == ("event", "context"):
            return "takes (event, context)"
        return None

    def handler_assignments(self) -> tuple[list[Function], list[str]]:
        """Handlers and dispatched apps named by module-level assignments (``handler = X``)."""
        handlers, apps = [], []
        for name in set(HANDLER_NAMES) | set(self.refs):
            for b in self.bindings[None].get(name, ()):
                if b.kind != "value":
                    continue
                ref = self.resolve(b.node, None)
                if ref is not None and isinstance(ref.local, Function):
                    handlers.append(ref.local)
                elif ref is not None and ref.instance and "__call__" in ref.local.methods:
                    handlers.append(ref.local.methods["__call__"])  # handler = Handler()
                elif b.node.type == "call" and b.node.child_by_field_name("arguments"):
                    for arg in b.node.child_by_field_name("arguments").named_children:
                        inner = self.resolve(arg, None) if arg.type == "identifier" else None
                        if inner is not None and isinstance(inner.local, Function):
                            handlers.append(inner.local)
                        elif arg.type == "identifier":
                            apps.append(self.text.of(arg))
        return handlers, apps

    def routes(self) -> dict[str, list[Function]]:
        """Functions registered on a module-level object: ``@app.get("/")`` -> {"app": [...]}."""
        found: dict[str, list[Function]] = {}
        for function, decorators in self.decorators.items():
            for d in decorators:
                obj = d.node.child_by_field_name("object") if d.node.type == "attribute" else None
                if obj is not None and obj.type == "identifier" and d.name not in api.HANDLER_DECORATORS:
                    found.setdefault(self.text.of(obj), []).append(function)
        return found

    def mark_per_invocation(self, calls: list[Call]) -> None:
        for function in self.functions:
            function.handler = self.handler_reason(function)
        assigned, apps = self.handler_assignments()
        for function in assigned:
            function.handler = function.handler or "assigned to the handler name"
        routes = self.routes()
        for name in routes:
            ref = self.lookup(name, None)
            value = self.value(*ref) if ref else None
            if value is not None and value.path == "chalice.Chalice()":
                apps.append(name)
        by_function: dict[Function | None, list[Call]] = {}
        for call in calls:
            by_function.setdefault(call.function, []).append(call)
        children: dict[Function, list[Function]] = {}
        for function in self.functions:
            if function.parent is not None:
                children.setdefault(function.parent, []).append(function)

        local_names = {f.name for f in self.functions}

        def successors(function: Function):
            yield from children.get(function, ())
            for call in by_function.get(function, ()):
                if call.callee is not None and not call.guarded:
                    self.pass_taint(call)
                    yield call.callee
                if call.method == "resolve" and call.node.child_by_field_name("function").type == "attribute":
                    obj = call.node.child_by_field_name("function").child_by_field_name("object")
                    yield from routes.get(self.text.of(obj), ())
            for node in self.call_nodes.get(function, ()):  # ex.map(work, items): work runs too
                arguments = node.child_by_field_name("arguments")
                for arg in arguments.named_children if arguments.type == "argument_list" else ():
                    if arg.type == "identifier" and self.text.of(arg) in local_names:
                        ref = self.resolve(arg, function)
                        if ref is not None and isinstance(ref.local, Function):
                            yield ref.local

        seeds = [f for f in self.functions if f.handler]
        seeds += [f for app in apps for f in routes.get(app, ())]
        reached = closure(seeds, successors)
        for function in reached:
            if function.cls and self.flows.get(function):
                self.tainted_names(function)
        if any(self.tainted_attributes.values()):  # once more, now that methods see tainted attributes
            self._tainted.clear()
            reached = closure(seeds, successors)
        for function in reached:
            function.per_invocation = True
        for call in calls:
            call.per_invocation = call.function in reached

    # ---- guards and taint -------------------------------------------------------------

    def guarded(self, node: syntax.Node, function: Function) -> bool:
        """True when a test of storage outside the function keeps ``node`` from running again:
        lazy init (``if x is None: x = X()``, ``x = x or X()``), or an early return on a cached
        value (``if key in _cache: return _cache[key]``) before the code that fills the cache."""
        stored, or_guard = self.stored_in(node, function)
        fence = self.cache_fence(function)
        if or_guard or (stored is None and fence is None):
            return or_guard
        body = self.nodes[function].child_by_field_name("body")
        statement, tests = node, []
        while statement.parent is not None and statement.parent != body:
            statement = statement.parent
            if statement.type in ("if_statement", "elif_clause"):
                tests.append(self.text.of(statement.child_by_field_name("condition")))
        if stored is not None and any(mentions(test, stored) for test in tests):
            return True
        return fence is not None and statement.start_byte >= fence

    def cache_fence(self, function: Function) -> int | None:
        """Where code starts that runs only on a cache miss: after the first ``if ...: return``
        whose test reads storage that the function also fills (``_cache[key] = ...``)."""
        if function in self.fences:
            return self.fences[function]
        caches = set()
        for assignment in self.flows.get(function, ()):
            target = assignment.child_by_field_name("left")
            storage = target.child_by_field_name("value") if target.type == "subscript" else target
            if assignment.type == "assignment" and storage is not None and self.outlives(storage, function):
                caches.add(self.text.of(storage))
        fence = None
        body = self.nodes[function].child_by_field_name("body")
        for statement in body.named_children if caches and body else ():
            if statement.type == "if_statement" and "return" in self.text.of(
                    statement.child_by_field_name("consequence")):
                condition = self.text.of(statement.child_by_field_name("condition"))
                if any(mentions(condition, cache) for cache in caches):
                    fence = statement.end_byte
                    break
        self.fences[function] = fence
        return fence

    def stored_in(self, node: syntax.Node, function: Function) -> tuple[str | None, bool]:
        """Where the value ``node`` builds is stored, when that outlives the call (a global, an
        attribute, a module-level dict), and whether it is stored as ``x = x or node``."""
        value, parent = node, node.parent
        while parent is not None and parent.type in ("await", "parenthesized_expression", "boolean_operator",
                                                     "conditional_expression"):
            value, parent = parent, parent.parent
        if parent is None or parent.type != "assignment" or parent.child_by_field_name("right") != value:
            return None, False
        target = parent.child_by_field_name("left")
        storage = target.child_by_field_name("value") if target.type == "subscript" else target
        if storage is None or not self.outlives(storage, function):
            return None, False
        name = self.text.of(storage)
        return name, value.type == "boolean_operator" and mentions(self.text.of(value.child_by_field_name("left")), name)

    def outlives(self, storage: syntax.Node, function: Function) -> bool:
        if storage.type == "attribute":
            return True
        if storage.type != "identifier":
            return False
        name = self.text.of(storage)
        scope: Function | None = function
        while scope is not None:
            if name in self.globals.get(scope, ()):
                return True
            if name in self.bindings.get(scope, {}):
                return scope is not function and any(b.kind == "value" for b in self.bindings[scope][name])
            scope = scope.parent
        return name in self.bindings[None]

    def tainted_names(self, function: Function) -> set[str]:
        if function in self._tainted:
            return self._tainted[function]
        names = set(self.tainted_params.get(function, ()))
        if function.handler:
            params = function.params[1:] if function.cls else function.params
            names.add("event" if "event" in params else (params[0] if params else "event"))
        this = f"{function.params[0]}." if function.cls and function.params else None
        attributes = self.tainted_attributes.setdefault(function.cls, set()) if this else set()
        names.update(this + a for a in attributes)
        self._tainted[function] = names
        for _ in range(2):
            for node in self.flows.get(function, ()):
                if self.derived(node.child_by_field_name("right"), names):
                    names.update(self.identifiers(node.child_by_field_name("left")))
        if this:  # self.x = <per-request data>: x is per-request in every method of the class
            attributes.update(n.removeprefix(this) for n in names if n.startswith(this))
        return names

    def derived(self, node: syntax.Node | None, names: set[str]) -> bool:
        if node is None:
            return False
        text = self.text.of(node)
        if any(m in text for m in api.CREDENTIAL_METHODS):
            return True
        # the text test is cheap and usually settles it; the tree walk makes it exact
        return any(n in text for n in names) and not names.isdisjoint(self.identifiers(node))

    def identifiers(self, node: syntax.Node | None):
        if node is None:
            return
        if node.type == "identifier":
            yield self.text.of(node)
        elif node.type == "attribute":
            obj = node.child_by_field_name("object")
            yield from self.identifiers(obj)
            if obj.type == "identifier":
                yield self.text.of(node)  # self.x: an instance attribute may carry the taint
        elif node.type == "keyword_argument":
            yield from self.identifiers(node.child_by_field_name("value"))
        else:
            for child in node.named_children:
                yield from self.identifiers(child)

    def tainted(self, node: syntax.Node, scope: Function | None) -> bool:
        return scope is not None and self.derived(node, self.tainted_names(scope))

    def pass_taint(self, call: Call) -> None:
        """Per-request data passed to a helper makes the helper's parameter per-request."""
        callee, caller = call.callee, call.function
        if caller is None or not self.tainted_names(caller):
            return
        params = callee.params[1:] if callee.cls else callee.params
        arguments = call.node.child_by_field_name("arguments")
        for i, arg in enumerate(arguments.named_children if arguments else ()):
            if arg.type == "keyword_argument":
                param = self.text.of(arg.child_by_field_name("name"))
            else:
                param = params[i] if i < len(params) else None
            if param and self.tainted(arg, caller):
                self.tainted_params.setdefault(callee, set()).add(param)
                self._tainted.pop(callee, None)
