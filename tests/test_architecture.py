"""The architecture rules, checked on every run:

* the import-linter contracts of pyproject.toml ([tool.importlinter]): the pure layers (text,
  ingestion, extract, check, reference) import neither the store (verifier.db, sqlmodel,
  sqlalchemy) nor the services and shells; the store imports neither the services nor the
  shells; no import cycles between sibling modules or packages (`acyclic_siblings`);
* no import cycle between any two modules of verifier (the same rule, module by module, from
  grimp's import graph);
* no function longer than MAX_FUNCTION_LINES lines.
"""
from __future__ import annotations

import ast
import functools
import os
import re
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "verifier"
MAX_FUNCTION_LINES = 150


def test_import_contracts_are_kept() -> None:
    """`lint-imports` (the Makefile's lint target runs it too) on this checkout's verifier."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    cmd = [str(lint_imports)] if lint_imports.exists() else [
        sys.executable, "-c", "from importlinter.cli import lint_imports_command as c; c()"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    run = subprocess.run([*cmd, "--no-cache"], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=300)
    report = run.stdout + run.stderr
    assert run.returncode == 0, report
    summary = re.search(r"Contracts: (\d+) kept, (\d+) broken", report)
    assert summary and int(summary[1]) >= 3 and summary[2] == "0", report


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    component.append(m)
                    if m == node:
                        break
                if len(component) > 1:
                    out.append(sorted(component))
    return out


def test_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for m in ("p", "p.a", "p.b", "p.c"):
        graph.add_module(m)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.a")
    graph.add_import(importer="p.b", imported="p.c")
    assert _cycles(graph) == [["p.a", "p.b"]]


def test_no_import_cycle_between_modules() -> None:
    graph = grimp.build_graph("verifier", cache_dir=None)
    assert _cycles(graph) == []


@functools.cache
def _functions() -> tuple[tuple[str, int], ...]:
    """("path:line name", length in lines) of every function and method in verifier/."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                out.append((f"{path.relative_to(ROOT)}:{node.lineno} {node.name}", lines))
    return tuple(out)


def _long_functions(limit: int) -> list[str]:
    return [f"{where} ({lines} lines)" for where, lines in _functions() if lines > limit]


def test_long_function_finder() -> None:
    assert _long_functions(10_000) == []
    assert any(" split_passages (" in f for f in _long_functions(20))


def test_no_function_longer_than_the_limit() -> None:
    assert _long_functions(MAX_FUNCTION_LINES) == []


def test_no_module_binds_a_constant_twice() -> None:
    """A module-level name assigned twice makes every function read the last value, the first
    silently dead (quotes.py held two `_PASSIVE_AUX` and two `_AGE_RE`, English and French sets
    of different meanings)."""
    twice = []
    for path in sorted(PACKAGE.rglob("*.py")):
        names: dict[str, int] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else (
                [node.target] if isinstance(node, ast.AnnAssign) and node.value is not None else [])
            for t in targets:
                if isinstance(t, ast.Name) and t.id.lstrip("_")[:1].isupper():
                    if t.id in names:
                        twice.append(f"{path.relative_to(ROOT)}:{node.lineno} {t.id} (first at {names[t.id]})")
                    names.setdefault(t.id, node.lineno)
    assert not twice, twice
