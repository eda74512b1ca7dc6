"""The stage rule of core/ (docs/architecture.md), read from the source with ast.

Every import counts, also the ones inside functions: a lazy import is still a dependency.
Ranks: errors, paths, draft_lock (0) < bounded_read (0.5) < model (1) < storage (2) <
reading (3) < checks, library, editing, writing (4) < draft, fixing (5: the open draft, with
its history; findings turned into edits). A module may import its own stage and lower ranks
only; the four stages of rank 4 never import one another. core imports neither Qt nor drafter.gui / drafter.commands,
and no two core modules import each other, directly or round a longer loop.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "src" / "drafter" / "core"
RANK = {
    "errors": 0,
    "paths": 0,
    "bounded_read": 0.5,  # reads files within bounds; uses errors
    "draft_lock": 0,
    "model": 1,
    "storage": 2,
    "reading": 3,
    "checks": 4,
    "library": 4,
    "editing": 4,
    "writing": 4,
    "draft": 5,
    "fixing": 5,
}
FORBIDDEN_TOP = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "drafter.gui", "drafter.commands")


def module_name(path: Path) -> str:
    parts = ["drafter", "core", *path.relative_to(CORE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(CORE.rglob("*.py"))}


def imports_of(path: Path) -> set[str]:
    """Every module named by an import anywhere in the file (``from pkg import mod`` names
    the submodule when there is one)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            for alias in node.names:
                if f"{node.module}.{alias.name}" in MODULES:
                    found.add(f"{node.module}.{alias.name}")
    return found


def stage(module: str) -> str:
    """The stage a drafter.core module belongs to: its package, or its own name at the root."""
    return module.split(".")[2]


def core_edges() -> dict[str, set[str]]:
    return {
        m: {i for i in imports_of(p) if i in MODULES and i != m and i != "drafter.core"}
        for m, p in MODULES.items()
    }


def test_every_core_module_has_a_stage():
    assert {stage(m) for m in MODULES if m != "drafter.core"} <= set(RANK)


def test_core_imports_no_qt_gui_or_commands():
    bad = [
        f"{m} imports {i}"
        for m, p in MODULES.items()
        for i in imports_of(p)
        if any(i == top or i.startswith(top + ".") for top in FORBIDDEN_TOP)
    ]
    assert bad == []


def test_no_lower_stage_imports_a_higher_one():
    bad = []
    for m, deps in core_edges().items():
        if m == "drafter.core":
            continue
        for d in deps:
            own, other = stage(m), stage(d)
            if own == other:
                continue
            if RANK[other] >= RANK[own]:
                bad.append(f"{m} ({own}) imports {d} ({other})")
    assert bad == []


def test_no_import_cycles_between_core_modules():
    edges = core_edges()
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    cycles: list[list[str]] = []

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for d in sorted(edges[m]):
            if d.startswith(m + "."):  # a package importing its own submodule is no loop
                continue
            if state.get(d) == 1:
                cycles.append([*path[path.index(d) :], d] if d in path else [m, d])
            elif d not in state:
                visit(d, [*path, d])
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m, [m])
    assert cycles == []


@pytest.mark.parametrize(
    ("source", "wanted"),
    [
        ("from drafter.core.reading import importer\n", {"drafter.core.reading.importer"}),
        ("def f():\n    import PySide6.QtCore\n", {"PySide6.QtCore"}),
    ],
)
def test_imports_of_sees_submodules_and_lazy_imports(tmp_path, source, wanted):
    path = tmp_path / "m.py"
    path.write_text(source, encoding="utf-8")
    assert wanted <= imports_of(path)
