"""The layout holds: the core stays plain Python, imports never go round in a
circle, and arrows only point down the layers (../shared/DESIGN.md "The layout").

Every import counts: at the top of a module, inside a function, and under
``if TYPE_CHECKING:`` (a cycle that only type hints need is still a cycle).
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"
FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "ui")

# Low to high; a module may import from its own package and from packages on a
# lower layer, never from a higher one nor from another package on its own layer.
# The modules at the top of app/ (errors, messages, events, clock, ...) are the
# shared bottom, layer 0.
LAYERS: dict[str, int] = {
    "app": 0,
    "app.text": 1,
    "app.spreadsheets": 2,
    "app.db": 3,
    "app.domain": 4,
    "app.sending": 5,
    "app.safety": 6,
    "app.importing": 6,
    "app.reports": 6,
    "app.demo": 7,
    "app.cli": 8,
    "app.__main__": 9,  # ``python -m app``: the command line's entry point
    # ui/: what the window runs on, then the parts it is made of, then the
    # modules at the top of ui/ that assemble the window and start it
    "ui.runtime": 10,
    "ui.widgets": 11,
    "ui.models": 11,
    "ui.dialogs": 12,
    "ui.pages": 13,
    "ui": 14,
}


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for top in ("app", "ui") for p in sorted((ROOT / top).rglob("*.py"))}


def _imported_names(tree: ast.AST) -> list[tuple[str, list[str]]]:
    """(module, names) for every import anywhere in the tree; ``import a.b`` gives ("a.b", [])."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [a.name for a in node.names]))
    return found


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [module for module, _ in _imported_names(tree)]


def import_edges(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Which of our modules each of our modules imports (``from pkg import sub``
    counts as importing ``pkg.sub``)."""
    edges: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for module, names in _imported_names(tree):
            targets = [f"{module}.{n}" for n in names if f"{module}.{n}" in modules]
            if len(targets) < len(names) or not names:
                targets.append(module)  # a name from the module itself (or plain ``import module``)
            for target in targets:
                while target not in modules and "." in target:
                    target = target.rsplit(".", 1)[0]
                if target in modules and target != name:
                    edges[name].add(target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), iteratively."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        found.append(sorted(group))
    return found


def layer_of(module: str) -> tuple[str, int]:
    """The package a module belongs to for layering, and its layer."""
    best = max((p for p in LAYERS if module == p or module.startswith(p + ".")), key=len)
    return best, LAYERS[best]


def upward_arrows(edges: dict[str, set[str]]) -> list[str]:
    wrong = []
    for source, targets in sorted(edges.items()):
        package, layer = layer_of(source)
        for target in sorted(targets):
            their_package, their_layer = layer_of(target)
            if their_layer > layer or (their_layer == layer and their_package != package):
                wrong.append(f"{source} ({package}, layer {layer}) imports {target} ({their_package}, layer {their_layer})")
    return wrong


def own_face_imports(edges: dict[str, set[str]], modules: dict[str, Path]) -> list[str]:
    """A module importing the ``__init__`` of a package it is inside: the face
    is for the layers above (and would make a cycle with a face that names it)."""
    wrong = []
    for source, targets in edges.items():
        for target in targets:
            if modules[target].name == "__init__.py" and source.startswith(target + ".") and target not in ("app", "ui"):
                wrong.append(f"{source} imports its own package's face {target}")
    return sorted(wrong)


def test_no_import_cycles_in_app_or_ui():
    assert cycles(import_edges(_modules())) == []


def test_arrows_only_point_down_the_layers():
    assert upward_arrows(import_edges(_modules())) == []


def test_modules_import_their_siblings_not_their_packages_face():
    modules = _modules()
    assert own_face_imports(import_edges(modules), modules) == []


def test_the_window_uses_the_cores_packages_through_their_faces():
    """ui/ imports a package of app/ by its ``__init__`` (the public API it names),
    never one of the package's modules; the shared bottom modules are used as they are."""
    packages = {p for p in LAYERS if p.startswith("app.")}
    reaching_in = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for module in _imports(path):
            package = ".".join(module.split(".")[:2])
            if package in packages and module != package:
                reaching_in.append(f"{path.relative_to(ROOT)}: {module}")
    assert reaching_in == []


def test_every_name_a_face_offers_is_there():
    import importlib

    for package in sorted(p for p in LAYERS if p.startswith("app.") and (ROOT / p.replace(".", "/") / "__init__.py").exists()):
        face = importlib.import_module(package)
        api = getattr(face, "_API", None)
        if api is None:  # app.cli: the command line's face is run() and main()
            continue
        modules = {p.stem for p in (ROOT / package.replace(".", "/")).glob("*.py")}
        assert [n for n in api if n in modules] == [], f"{package}: a name that is also a module's"
        for name, module in api.items():
            assert getattr(face, name) is getattr(importlib.import_module(f"{package}.{module}"), name), (package, name)


def test_every_package_has_a_layer():
    packages = sorted(_module_name(p.parent) for top in (APP, ROOT / "ui") for p in top.rglob("__init__.py")
                      if p.parent != top)
    assert [p for p in packages if p not in LAYERS] == []


def test_the_checkers_catch_a_cycle_an_upward_arrow_and_a_function_level_import(tmp_path):
    for name, text in {
        "a.py": "def f():\n    from b import g\n",
        "b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from a import f\n",
        "c.py": "import a\n",
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    edges = {"a": {"b"}, "b": {"a"}, "c": {"a"}}
    found = {}
    for name in ("a", "b", "c"):
        tree = ast.parse((tmp_path / f"{name}.py").read_text(encoding="utf-8"))
        found[name] = {m for m, _ in _imported_names(tree)} - {"typing"}
    assert found == edges
    assert cycles(edges) == [["a", "b"]]
    assert upward_arrows({"app.db.storage": {"app.domain.people"}}) == [
        "app.db.storage (app.db, layer 3) imports app.domain.people (app.domain, layer 4)"]
    assert upward_arrows({"app.safety.checks": {"app.reports.figures"}})  # peers on one layer
    assert upward_arrows({"app.domain.people": {"app.text.dates", "app.errors"}}) == []


def test_no_module_under_app_imports_qt_or_ui():
    offenders = []
    for path in sorted(APP.rglob("*.py")):
        for name in _imports(path):
            if name.split(".")[0] in FORBIDDEN:
                offenders.append(f"{path.relative_to(ROOT)}: import {name}")
    assert offenders == []


def test_the_checker_catches_a_qt_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6 import QtCore\n", encoding="utf-8")
    assert "PySide6" in _imports(bad)


def test_importing_every_core_module_loads_no_qt():
    modules = sorted(name for name in _modules() if name.split(".")[0] == "app")
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui')]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
