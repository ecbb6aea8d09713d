"""The rule catalog: every module of ``lambdalint.rules``, found by walking the package."""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from lambdalint.rule import Rule


@dataclass(frozen=True, slots=True)
class Entry:
    rule: Rule
    module: ModuleType

    @property
    def check(self):
        return getattr(self.module, "check", None)

    @property
    def doc(self) -> str:
        return (self.module.__doc__ or "").strip()

    @property
    def examples(self):
        return getattr(self.module, "EXAMPLES", ())


@cache
def catalog() -> dict[str, Entry]:
    import lambdalint.rules as package

    entries = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if not info.name.startswith("ll"):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        entries[module.RULE.code] = Entry(module.RULE, module)
    return dict(sorted(entries.items()))


def is_selector(code: str) -> bool:
    """A known code, a prefix of one (``LL1``), or ``ALL``."""
    return code == "ALL" or any(c.startswith(code) for c in catalog())


def select(select: tuple[str, ...] | None, extend: tuple[str, ...], ignore: tuple[str, ...]) -> list[Entry]:
    """The rules to run: ``select`` (default: every rule on by default), plus ``extend``,
    minus ``ignore``; each a code, a prefix of codes, or ``ALL``."""

    def matches(code: str, selectors: tuple[str, ...]) -> bool:
        return any(s == "ALL" or code.startswith(s) for s in selectors)

    return [e for code, e in catalog().items()
            if ((e.rule.default if select is None else matches(code, select)) or matches(code, extend))
            and not matches(code, ignore)]


def all_options() -> dict:
    return {o.name: o for e in catalog().values() for o in e.rule.options}
