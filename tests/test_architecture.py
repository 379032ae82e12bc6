"""docs/architecture.md matches the code: the import rules it states hold (read from its tables
and lists, so changing a rule means changing the page) and every path and name it gives exists."""

import ast
import importlib
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "architecture.md").read_text()
APPS = [
    "posyandu", "common", "accounts", "registry", "visits", "reports", "kader", "inovasi", "pembinaan",
    "offline", "devdata",
]  # fmt: skip


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    base = ROOT.joinpath(*name.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def app_modules() -> dict[str, Path]:
    """Every first-party module but migrations and tests (tests may import anything)."""
    found = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            parts = path.relative_to(ROOT).parts
            if "migrations" in parts or "tests" in parts or path.name == "conftest.py":
                continue
            found[module_name(path)] = path
    return found


def imports_of(path: Path) -> set[str]:
    """Imported module names; `from pkg import sub` counts as pkg.sub when sub is a module."""
    own = module_name(path)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            subs = {f"{base}.{alias.name}" for alias in node.names}
            names |= {sub if is_module(sub) else base for sub in subs}
    return names


def allowed_imports() -> dict[str, set[str]]:
    """The "May import" column of the rooms table."""
    rules = {}
    for room, may in re.findall(r"^\| `(\w+)/` \|[^|]*\| ([^|]*) \|$", DOC, re.M):
        if may.strip() == "every app":
            rules[room] = set(APPS)
        elif may.strip() == "no app":
            rules[room] = set()
        else:
            rules[room] = set(re.findall(r"`(\w+)`", may.split(";")[0]))
    return rules


def listed_exceptions() -> set[tuple[str, str]]:
    pairs = re.findall(r"`([\w/]+)\.py` imports `([\w/]+)\.py`", DOC)
    return {(a.replace("/", "."), b.replace("/", ".")) for a, b in pairs}


def test_the_doc_states_a_rule_for_every_app():
    assert set(allowed_imports()) == set(APPS)
    assert allowed_imports()["common"] == set()
    assert allowed_imports()["visits"] == {"common", "registry"}


def test_each_app_imports_only_the_rooms_the_doc_allows():
    rules, exceptions = allowed_imports(), listed_exceptions()
    wrong = []
    for name, path in app_modules().items():
        app = name.split(".")[0]
        for target in imports_of(path):
            top = target.split(".")[0]
            if top in APPS and top != app and top not in rules[app] and (name, target) not in exceptions:
                wrong.append(f"{name} imports {target}")
    assert wrong == []


def test_each_listed_exception_is_still_needed():
    modules = app_modules()
    for importer, target in listed_exceptions():
        assert target in imports_of(modules[importer]), f"{importer} no longer imports {target}"


def django_free() -> dict[str, Path]:
    """Modules of the "Django-free modules" list; a folder stands for every module in it."""
    section = DOC.split("### Django-free modules", 1)[1].split("\n## ", 1)[0]
    found = {}
    for token in re.findall(r"`([\w/]+(?:\.py|/))`", section):
        path = ROOT / token
        files = path.rglob("*.py") if token.endswith("/") else [path]
        found |= {module_name(f): f for f in files if "tests" not in f.relative_to(ROOT).parts}
    return found


def test_django_free_modules_import_neither_django_nor_a_django_module():
    free = django_free()
    assert "visits.growth.kms" in free and "reports.skdn" in free  # the list was read
    wrong = []
    for name, path in sorted(free.items()):
        for target in imports_of(path):
            top = target.split(".")[0]
            if top == "django" or (top in APPS and target not in free and target != top):
                wrong.append(f"{name} imports {target}")
    assert wrong == []


TOP = "|".join([*APPS, "docs", "tests", "templates", "static", "scripts", "bench"])
PATHS = sorted(set(re.findall(rf"`((?:{TOP})/[\w./]*)`", DOC)))  # `views/` alone means any app's
DOTTED = sorted(set(re.findall(rf"`((?:{'|'.join(APPS)})(?:\.\w+)+)`", DOC)))


def test_the_doc_names_paths_and_functions():
    assert len(PATHS) > 20 and len(DOTTED) > 10


@pytest.mark.parametrize("path", PATHS)
def test_every_path_the_doc_names_exists(path):
    assert (ROOT / path).exists()


@pytest.mark.parametrize("dotted", DOTTED)
def test_every_function_the_doc_names_exists(dotted):
    module, _, attribute = dotted.rpartition(".")
    while not is_module(module):  # a method or a class attribute: walk up to the module
        module, _, outer = module.rpartition(".")
        attribute = f"{outer}.{attribute}"
    target = importlib.import_module(module)
    for part in attribute.split("."):
        target = getattr(target, part)
    assert target is not None


def test_every_app_with_tests_is_collected_by_the_suite():
    """pytest.ini's testpaths names every directory holding tests, or a new app's tests never run."""
    import configparser

    config = configparser.ConfigParser()
    config.read(ROOT / "pytest.ini")
    collected = set(config["pytest"]["testpaths"].split())
    holding_tests = {path.parent.parent.name for path in ROOT.glob("*/tests/test_*.py")}
    holding_tests |= {path.parent.name for path in ROOT.glob("*/test_*.py") if ".venv" not in path.parts}
    assert holding_tests <= collected, holding_tests - collected


def import_cycles() -> list[list[str]]:
    """Groups of first-party modules that import each other, directly or round a loop."""
    modules = app_modules()
    graph = {name: set(imports_of(path)) & set(modules) - {name} for name, path in modules.items()}
    reaches = {}
    for start in graph:  # who each module reaches (a few hundred modules: a plain walk will do)
        seen, todo = set(), [start]
        while todo:
            for target in graph[todo.pop()] - seen:
                seen.add(target)
                todo.append(target)
        reaches[start] = seen
    loops = {frozenset(b for b in reaches[a] if a in reaches[b]) | {a} for a in graph if a in reaches[a]}
    return sorted(sorted(loop) for loop in loops)


def test_no_two_modules_import_each_other():
    """An import cycle makes a module's meaning depend on import order (issue 12 removed the last
    ones: recaps ↔ tasks, visits ↔ the benchmark data); a shared helper goes one level down."""
    assert import_cycles() == []


def test_the_cycle_check_sees_a_cycle(monkeypatch):
    """The check above can fail: two modules that import each other are reported."""
    graph = {"reports.a": {"reports.b"}, "reports.b": {"reports.a"}}
    monkeypatch.setattr(sys.modules[__name__], "app_modules", lambda: {name: name for name in graph})
    monkeypatch.setattr(sys.modules[__name__], "imports_of", lambda path: graph[path])
    assert import_cycles() == [["reports.a", "reports.b"]]
