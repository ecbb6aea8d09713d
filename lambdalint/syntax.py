"""Every tree-sitter call lambdalint makes lives here: grammars, parsing, queries."""

from __future__ import annotations

import importlib
from functools import cache

import tree_sitter as ts

Node = ts.Node
Tree = ts.Tree

# language name -> (grammar wheel module, function returning the language pointer)
GRAMMARS = {
    "python": ("tree_sitter_python", "language"),
}


@cache
def language(name: str) -> ts.Language:
    module, function = GRAMMARS[name]
    return ts.Language(getattr(importlib.import_module(module), function)())


@cache
def _parser(name: str) -> ts.Parser:
    return ts.Parser(language(name))


def parse(name: str, source: bytes) -> ts.Tree:
    return _parser(name).parse(source)


@cache
def _query(name: str, pattern: str) -> ts.Query:
    return ts.Query(language(name), pattern)


def captures(name: str, pattern: str, node: ts.Node) -> dict[str, list[ts.Node]]:
    """Nodes captured by ``pattern`` under ``node``, by capture name, in document order."""
    return ts.QueryCursor(_query(name, pattern)).captures(node)


def first_error(node: ts.Node) -> ts.Node | None:
    """The first ERROR or MISSING node in document order, or None if the tree is clean."""
    if not node.has_error:
        return None
    while True:
        if node.is_error or node.is_missing:
            return node
        for child in node.children:
            if child.has_error or child.is_missing:
                node = child
                break
        else:
            return node
