"""The modules of kg import one another in one direction: no module imports one that imports it
back, directly or through others (lazy imports inside functions count too)."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "kg"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            here = module.split(".") if is_package else module.split(".")[:-1]
            base = ".".join([*here[: len(here) - node.level + 1], *([base] if base else [])])
        return [base, *(f"{base}.{alias.name}" for alias in node.names)]
    return []


def import_graph() -> nx.DiGraph:
    """Which kg module imports which (an import of a name resolves to its module)."""
    files = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = nx.DiGraph()
    graph.add_nodes_from(files)
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            for name in _imported(node, module, path.name == "__init__.py"):
                while name and name not in files:
                    name = name.rpartition(".")[0]
                # A module may use its own package's __init__ (kg.stores.base → kg.stores is not
                # an edge: the package is what holds it).
                if name and name != module and not module.startswith(name + "."):
                    graph.add_edge(module, name)
    return graph


def test_the_graph_sees_the_imports() -> None:
    graph = import_graph()
    assert graph.has_edge("kg.cli", "kg.api")
    assert graph.has_edge("kg.stores.remote", "kg.stores.base")


def test_no_module_imports_one_that_imports_it_back() -> None:
    cycles = [sorted(component) for component in nx.strongly_connected_components(import_graph())
              if len(component) > 1]
    assert not cycles, f"import cycles: {cycles}"


# What the command line may use of kg: the object kg.open gives and the rest of kg.api, kg's
# errors, the analyses over the view the API gives (kg.analysis, as the README shows them), and
# the server kg serve runs.
CLI_MAY_IMPORT = {"kg", "kg.api", "kg.errors", "kg.analysis", "kg.server"}


def test_the_command_line_calls_only_the_api() -> None:
    graph = import_graph()
    commands = {module for module in graph if module == "kg.cli" or module.startswith("kg.cli_")}
    assert {"kg.cli", "kg.cli_graph", "kg.cli_serve"} <= commands
    reached = {(module, other) for module in commands for other in graph.successors(module)
               if other not in CLI_MAY_IMPORT | commands}
    assert not reached, f"the command line reaches past kg.api: {sorted(reached)}"
