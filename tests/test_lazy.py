"""Public names load on first use, from one table keyed by module."""

from __future__ import annotations

import subprocess
import sys
import types
from collections.abc import Iterator

import pytest

import learnmeet as lm
from learnmeet._lazy import forward, lazy_names, public_table


@pytest.fixture
def package() -> Iterator[types.ModuleType]:
    """A throwaway module to install the hooks on."""
    module = types.ModuleType("lazy_probe")
    sys.modules[module.__name__] = module
    yield module
    del sys.modules[module.__name__]


class TestLazyNames:
    """A name is imported from its module the first time it is read."""

    def test_a_name_loads_from_its_module_and_is_kept(
        self, package: types.ModuleType
    ) -> None:
        get, names = lazy_names(package.__name__, {"json": ("dumps", "loads")})
        import json

        assert get("dumps") is json.dumps
        assert package.__dict__["dumps"] is json.dumps  # the next read is plain
        assert {"dumps", "loads"} <= set(names())

    def test_a_loaded_plugin_hears_of_each_name_read(
        self, package: types.ModuleType, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """While the hypothesis plugin is loaded, it is told of every load."""
        heard: list[str] = []
        plugin = types.ModuleType("learnmeet._hypothesis_plugin")
        plugin._on_load = lambda: heard.append("loaded")  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, plugin.__name__, plugin)
        get, _ = lazy_names(package.__name__, {"json": ("dumps", "loads")})
        get("dumps")
        assert heard == ["loaded"]

    def test_without_the_plugin_nothing_is_told(
        self, package: types.ModuleType, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.delitem(sys.modules, "learnmeet._hypothesis_plugin", raising=False)
        get, _ = lazy_names(package.__name__, {"json": ("dumps",)})
        import json

        assert get("dumps") is json.dumps

    def test_an_unknown_name_is_an_attribute_error(
        self, package: types.ModuleType
    ) -> None:
        get, _ = lazy_names(package.__name__, {"json": ("dumps",)})
        with pytest.raises(AttributeError, match="'lazy_probe' has no attribute 'x'"):
            get("x")


class TestPublicTable:
    def test_it_is_the_roots_table_of_every_public_name(self) -> None:
        table = public_table()
        names = {name for listed in table.values() for name in listed}
        assert names | {"__version__"} == set(lm.__all__)
        assert table["learnmeet.planning._slots"][:2] == ("MAX_SLOTS", "Availability")


class TestForward:
    """A layer's package serves its own names from the root's table, no other."""

    def test_only_the_layers_own_names(self) -> None:
        import learnmeet.io

        assert learnmeet.io.to_json is lm.to_json  # type: ignore[attr-defined]
        assert "to_json" in dir(learnmeet.io)
        assert "validate" not in dir(learnmeet.io)

    def test_a_layer_package_serves_its_own_names(self) -> None:
        import learnmeet.planning

        assert learnmeet.planning.enrol is lm.enrol  # type: ignore[attr-defined]
        with pytest.raises(AttributeError, match="validate"):
            learnmeet.planning.validate  # type: ignore[attr-defined]  # noqa: B018

    def test_forward_reads_the_root_table(self) -> None:
        import learnmeet.evaluation  # noqa: F401 - forward() serves a loaded package

        get, names = forward("learnmeet.evaluation")
        assert get("evaluate") is lm.evaluate
        assert set(names()) >= {"evaluate", "Evaluation"}


class TestCost:
    """``import learnmeet`` loads the table and nothing of the layers."""

    def test_import_loads_no_layer(self) -> None:
        code = (
            "import sys, learnmeet\n"
            "print(sorted(m for m in sys.modules if m.startswith('learnmeet.')))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "['learnmeet._lazy', 'learnmeet._version']"
