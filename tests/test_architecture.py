"""The package's shape: layers import downwards, and the tests mirror the source.

Layers, model ← rules ← planning ← edges: every module under ``learnmeet`` is
parsed with :mod:`ast` (nothing is imported), and each import of a
``learnmeet`` module is checked against the layer table below. Imports under
``if TYPE_CHECKING:`` are for type checkers only and are exempt: they never
run, so they cannot make an import cycle. ``docs/explanation/architecture.md``
explains the table.

Tests: every source module has one test module named after it (see
:class:`TestTestsMirrorTheSource`), so a reader finds a module's behaviour in
one place.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath

import pytest

import learnmeet

PACKAGE = Path(learnmeet.__file__).resolve().parent

LEAVES = {"_cpr", "_version", "_lazy"}
"""Modules that import nothing of the package; every layer may import them."""

BASE = {"exceptions", *LEAVES}
"""The errors and the text they are written in, which import only leaves
(the CPR detector); every layer may import them."""

LOWER = {
    **{leaf: set() for leaf in LEAVES},
    "exceptions": LEAVES,
    "model": BASE,
    "catalog": {"model", *BASE},
    "rules": {"model", "catalog", *BASE},
    "evaluation": {"model", *BASE},
    "planning": {"rules", "evaluation", "model", "catalog", *BASE},
}
"""The layers below each lower layer (a layer may always import itself)."""

EDGES = {
    "io",
    "data",
    "cli",
    "strategies",
    "_hypothesis_plugin",
    "__init__",
    "__main__",
}
"""The edges: they may import any layer (io not the command line, see below)."""

NOT_FROM_IO = {"cli", "__main__"}
HYPOTHESIS_ALLOWED = {"strategies", "_hypothesis_plugin"}


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found.append((".".join(("learnmeet", *parts)), path))
    return found


MODULES = _modules()


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(node: ast.AST, module: str, is_package: bool) -> Iterator[str]:
    """Every module *module* imports at run time (absolute names)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            yield from (
                name
                for other in child.orelse
                for name in _imports(other, module, is_package)
            )
            continue
        if isinstance(child, ast.Import):
            yield from (alias.name for alias in child.names)
        elif isinstance(child, ast.ImportFrom):
            if child.level:
                base = module.split(".")
                base = base[: len(base) - child.level + (1 if is_package else 0)]
                yield ".".join([*base, *([child.module] if child.module else [])])
            else:
                assert child.module is not None
                yield child.module
        yield from _imports(child, module, is_package)


def layer_of(module: str) -> str:
    """The layer of a ``learnmeet`` module: the first part after the package."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _runtime_imports(module: str, path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return set(_imports(tree, module, path.name == "__init__.py"))


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[m for m, _ in MODULES])
class TestLayers:
    """No module imports a layer above its own."""

    def test_module_has_a_layer(self, module: str, path: Path) -> None:
        layer = layer_of(module)
        assert layer in LOWER or layer in EDGES, (
            f"{module} is in no layer; add {layer!r} to LOWER or EDGES in "
            "tests/test_architecture.py and to docs/explanation/architecture.md"
        )

    def test_imports_only_lower_layers(self, module: str, path: Path) -> None:
        layer = layer_of(module)
        ours = {
            layer_of(name)
            for name in _runtime_imports(module, path)
            if name == "learnmeet" or name.startswith("learnmeet.")
        }
        if layer in LOWER:
            wrong = ours - LOWER[layer] - {layer}
        elif layer == "io":
            wrong = ours & (NOT_FROM_IO | HYPOTHESIS_ALLOWED | {"data", "__init__"})
        else:
            wrong = set()
        assert not wrong, f"{module} ({layer}) imports the layers above it: {wrong}"

    def test_hypothesis_only_in_the_test_helpers(self, module: str, path: Path) -> None:
        uses = {
            name
            for name in _runtime_imports(module, path)
            if name.split(".")[0] == "hypothesis"
        }
        if layer_of(module) not in HYPOTHESIS_ALLOWED:
            assert not uses, f"{module} imports {sorted(uses)}"


class TestTheChecker:
    """The checker sees the imports it must see, and skips what it must skip."""

    def test_finds_imports_inside_functions(self, tmp_path: Path) -> None:
        source = tmp_path / "mod.py"
        source.write_text(
            "import os\n"
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n"
            "    from learnmeet.rules import Report\n"
            "else:\n"
            "    from learnmeet import io\n"
            "def f():\n"
            "    from learnmeet.planning import Series\n"
            "from . import _sibling\n"
            "from .. import catalog\n",
            encoding="utf-8",
        )
        found = _runtime_imports("learnmeet.model._x", source)
        # The TYPE_CHECKING import is skipped; its else branch runs.
        assert found == {
            "os",
            "typing",
            "learnmeet",
            "learnmeet.planning",
            "learnmeet.model",
        }

    def test_relative_import_in_a_package(self, tmp_path: Path) -> None:
        source = tmp_path / "__init__.py"
        source.write_text("from ._a import b\n", encoding="utf-8")
        assert _runtime_imports("learnmeet.model", source) == {"learnmeet.model._a"}

    def test_every_module_is_seen(self) -> None:
        names = {m for m, _ in MODULES}
        assert {"learnmeet", "learnmeet.exceptions", "learnmeet.model._people"} <= (
            names
        )


def test_importing_learnmeet_does_not_import_hypothesis() -> None:
    """``import learnmeet`` stays free of the optional test dependency."""
    code = (
        "import sys, learnmeet\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'hypothesis'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


# -- the tests mirror the source ---------------------------------------------

TESTS = Path(__file__).resolve().parent

CROSS_CUTTING = frozenset(
    {"test_architecture.py", "test_docs.py", "test_doctests.py", "test_language.py"}
)
"""Test modules about the whole package or its docs rather than one module
(``test_language.py`` walks the text of every layer, as a person reads it)."""

_FORWARDS = "only forwards the root's names of its layer (learnmeet._lazy.forward)"

EXEMPT: Mapping[str, tuple[str | None, str]] = {
    "__main__.py": (
        None,
        "one line that runs the command; test_cli_commands runs python -m learnmeet",
    ),
    "_version.py": (
        None,
        "one line, the version; test_cli_commands and test_docs read it",
    ),
    "catalog/__init__.py": ("test_lazy.py", _FORWARDS),
    "evaluation/__init__.py": ("test_lazy.py", _FORWARDS),
    "io/__init__.py": ("test_lazy.py", _FORWARDS),
    "model/__init__.py": ("test_lazy.py", _FORWARDS),
    "planning/__init__.py": ("test_lazy.py", _FORWARDS),
    "rules/__init__.py": ("test_lazy.py", _FORWARDS),
    "cli/__init__.py": (
        "test_cli_commands.py",
        "re-exports main from cli._commands, where it is tested",
    ),
    "rules/_format_rules.py": (
        "test_rules_registry.py",
        "gathers the format rules of the topic modules; tested with the registry",
    ),
    "rules/_context_rules.py": (
        "test_rules_registry.py",
        "gathers the context rules of the topic modules; tested with the registry",
    ),
}
"""Source modules without a test module of their own: where they are tested
instead (``None``: by other tests, as a side effect) and why."""


def mirror(module: PurePosixPath) -> str:
    """The test module named after *module*, a path relative to the package.

    ``<pkg>/_<mod>.py`` is tested in ``test_<pkg>_<mod>.py``, a top-level
    ``<mod>.py`` or ``_<mod>.py`` in ``test_<mod>.py``, a package's
    ``__init__.py`` in ``test_<pkg>.py`` and the root's in ``test_public_api.py``.
    """
    *packages, name = module.parts
    stem = name.removesuffix(".py")
    if stem == "__init__":
        parts = packages or ["public_api"]
    else:
        parts = [*packages, stem.removeprefix("_")]
    return f"test_{'_'.join(parts)}.py"


def mirror_problems(
    package: Path,
    tests: Path,
    exempt: Mapping[str, tuple[str | None, str]] = EXEMPT,
    cross_cutting: frozenset[str] = CROSS_CUTTING,
) -> tuple[list[str], list[str]]:
    """Source modules missing their test module, and test modules of no source.

    Returns ``(missing, orphans)``: each source module (relative to *package*)
    whose test module is not in *tests*, as ``"<module> -> <test module>"``, and
    each ``test_*.py`` in *tests* that is named after no source module, is not
    where an exempt module is tested, and is not cross-cutting.
    """
    modules = sorted(
        PurePosixPath(path.relative_to(package).as_posix())
        for path in package.rglob("*.py")
    )
    present = {path.name for path in tests.glob("test_*.py")}
    missing = []
    claimed = set(cross_cutting)
    for module in modules:
        if str(module) in exempt:
            tested_in = exempt[str(module)][0]
            if tested_in is not None:
                claimed.add(tested_in)
                if tested_in not in present:
                    missing.append(f"{module} -> {tested_in} (exempt)")
            continue
        wanted = mirror(module)
        claimed.add(wanted)
        if wanted not in present:
            missing.append(f"{module} -> {wanted}")
    return missing, sorted(present - claimed)


class TestTestsMirrorTheSource:
    """One test module per source module, named after it.

    ``learnmeet/<pkg>/_<mod>.py`` is tested in ``tests/test_<pkg>_<mod>.py``,
    ``learnmeet/<mod>.py`` and ``learnmeet/_<mod>.py`` in ``tests/test_<mod>.py``,
    a package's ``__init__.py`` with code of its own in ``tests/test_<pkg>.py``,
    and the root ``learnmeet/__init__.py`` in ``tests/test_public_api.py``.
    The few modules in ``EXEMPT`` say why they have none; the test modules in
    ``CROSS_CUTTING`` check the whole package or its docs. Every other
    ``tests/test_*.py`` must be named after a source module.
    """

    def test_every_source_module_has_its_test_module(self) -> None:
        missing, _ = mirror_problems(PACKAGE, TESTS)
        assert not missing, "source modules without their test module:\n  " + (
            "\n  ".join(missing)
        )

    def test_every_test_module_is_named_after_a_source_module(self) -> None:
        _, orphans = mirror_problems(PACKAGE, TESTS)
        assert not orphans, (
            "test modules named after no source module (rename each after its "
            "module, or move its tests to the test modules of the modules they "
            "test):\n  " + "\n  ".join(orphans)
        )

    def test_every_exemption_names_a_source_module_and_a_reason(self) -> None:
        modules = {p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")}
        assert set(EXEMPT) <= modules
        assert all(reason.strip() for _, reason in EXEMPT.values())

    def test_an_exempt_package_forwards_and_holds_no_code(self) -> None:
        """A layer package exempt as a forwarder has nothing else to test."""
        for module, (_, reason) in EXEMPT.items():
            if reason != _FORWARDS:
                continue
            tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
            defined = [
                node
                for node in tree.body
                if isinstance(node, (ast.FunctionDef, ast.ClassDef))
            ]
            assert defined == [], module
            assert "forward(__name__)" in ast.unparse(tree), module


class TestTheMirrorChecker:
    """The mirror check names what it must name, on a package made up here."""

    @pytest.mark.parametrize(
        ("module", "test"),
        [
            ("model/_people.py", "test_model_people.py"),
            ("io/_svg.py", "test_io_svg.py"),
            ("cli/_commands.py", "test_cli_commands.py"),
            ("strategies/_breaches.py", "test_strategies_breaches.py"),
            ("exceptions.py", "test_exceptions.py"),
            ("_lazy.py", "test_lazy.py"),
            ("_hypothesis_plugin.py", "test_hypothesis_plugin.py"),
            ("data/__init__.py", "test_data.py"),
            ("strategies/__init__.py", "test_strategies.py"),
            ("__init__.py", "test_public_api.py"),
        ],
    )
    def test_the_naming_rule(self, module: str, test: str) -> None:
        assert mirror(PurePosixPath(module)) == test

    def test_names_a_missing_test_module_and_an_orphan(self, tmp_path: Path) -> None:
        package, tests = tmp_path / "pkg", tmp_path / "tests"
        for name in (
            "__init__.py",
            "_version.py",
            "model/__init__.py",
            "model/_people.py",
            "model/_formats.py",
            "rules/_format_rules.py",
        ):
            (package / name).parent.mkdir(parents=True, exist_ok=True)
            (package / name).write_text("", encoding="utf-8")
        tests.mkdir()
        for name in (
            "test_public_api.py",
            "test_model_people.py",
            "test_people.py",
            "test_docs.py",
            "conftest.py",
        ):
            (tests / name).write_text("", encoding="utf-8")
        exempt = {
            "_version.py": (None, "one line"),
            "model/__init__.py": ("test_lazy.py", "forwards"),
            "rules/_format_rules.py": ("test_rules_registry.py", "gathers"),
        }
        missing, orphans = mirror_problems(
            package, tests, exempt, frozenset({"test_docs.py"})
        )
        assert missing == [
            "model/__init__.py -> test_lazy.py (exempt)",
            "model/_formats.py -> test_model_formats.py",
            "rules/_format_rules.py -> test_rules_registry.py (exempt)",
        ]
        assert orphans == ["test_people.py"]


# -- nothing kept in a module --------------------------------------------------


def _holds(value: object, marker: str, depth: int = 3) -> bool:
    """Whether *value*, a container a module holds, holds *marker* within
    *depth* levels (as an item, a key, or inside a tuple)."""
    if value is marker or (isinstance(value, str) and marker in value):
        return True
    if depth == 0:
        return False
    if isinstance(value, dict):
        items: list[object] = [*value.keys(), *value.values()]
    elif isinstance(value, (set, frozenset, list, tuple)):
        items = list(value)
    else:
        return False
    return any(_holds(item, marker, depth - 1) for item in items)


class TestNothingKeptInAModule:
    """Caches live for one call or on a shared value, never in a module: after
    values are made, checked, validated and read from JSON, no module of the
    package holds a text they held (docs/explanation/architecture.md)."""

    def test_a_text_read_or_made_is_not_kept(self) -> None:
        import sys

        from learnmeet.data import load_sample

        marker = "Særligt mærke 7c1f: hvad lærte vi af forløbet"
        sample = load_sample()
        meeting = sample.meetings[0]
        question = learnmeet.Label(da=marker, en=marker.upper())
        reflection = learnmeet.Reflection(model="gibbs", questions=[question])
        made = learnmeet.Meeting(
            id="m-7c1f",
            format=meeting.format,
            start=meeting.start,
            duration=meeting.duration,
            attendees=meeting.attendees,
            case=meeting.case,
            reflection=reflection,
        )
        learnmeet.validate(made)
        text = learnmeet.to_json(made)
        assert marker in text
        assert learnmeet.from_json(learnmeet.Meeting, text) == made
        del made, reflection, question
        for name, module in list(sys.modules.items()):
            if name != "learnmeet" and not name.startswith("learnmeet."):
                continue
            for attribute, value in list(vars(module).items()):
                assert not _holds(value, marker), f"{name}.{attribute}"
