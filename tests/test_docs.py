"""The docs stay true: every public name documented, tables in step with the code."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys

import pytest

import learnmeet as lm
from support import ROOT, source_checkout

pytestmark = source_checkout

DOCS = ROOT / "docs"


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(marker: str, text: str) -> str:
    match = re.search(rf"<!-- {marker} -->\n```\w+\n(.*?)```", text, re.S)
    assert match, f"no code block after <!-- {marker} -->"
    return match.group(1)


@pytest.fixture(scope="module")
def inventory(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The names in the objects inventory of a fresh docs build."""
    from sphinx.util.inventory import InventoryFile

    out = tmp_path_factory.mktemp("html")
    # In a subprocess: Sphinx's own deprecation warnings are not ours to fail on.
    build = [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(DOCS), str(out)]
    done = subprocess.run(build, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    with (out / "objects.inv").open("rb") as fh:
        data = InventoryFile.load(fh, "", lambda base, uri: uri)
    names = set()
    for kind, entries in data.items():
        if kind.startswith("py:"):
            names.update(entries)
    return names


class TestReference:
    """A test fails when a name in learnmeet.__all__ is not documented."""

    def test_every_public_name_is_documented(self, inventory: set[str]) -> None:
        missing = [n for n in lm.__all__ if f"learnmeet.{n}" not in inventory]
        assert missing == []

    def test_every_strategy_is_documented(self, inventory: set[str]) -> None:
        from learnmeet import strategies

        missing = [
            n
            for n in strategies.__all__
            if f"learnmeet.strategies.{n}" not in inventory
        ]
        assert missing == []


class TestRuleTable:
    """docs/rules.md lists every code with its severity, meaning and fix."""

    def test_in_step_with_the_code(self) -> None:
        text = (DOCS / "rules.md").read_text(encoding="utf-8")
        rows = re.findall(
            r"^\| `(\w+)` \| (\w+) \| (.+?) \| (.+?) \| (.+?) \|$", text, re.M
        )
        documented = {code: (sev, en, da, fix) for code, sev, en, da, fix in rows}
        expected = {
            r.code: (r.severity.code, r.title.en, r.title.da, r.fix.en)
            for r in lm.DEFAULT_RULES.rules
        }
        assert documented == expected


class TestFormatsPage:
    """docs/formats.md describes every built-in format."""

    def test_every_format(self) -> None:
        text = (DOCS / "formats.md").read_text(encoding="utf-8")
        assert all(f"`{f.code}`" in text for f in lm.FORMATS)


class TestReadme:
    """The README's example and its two Quickstart commands are true."""

    def test_example_prints_what_it_says(self) -> None:
        readme = _readme()
        code = _block_after("example", readme)
        shown = re.search(r"```python\n.*?```\n\n```text\n(.*?)```", readme, re.S)
        assert shown
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), {})
        assert out.getvalue() == shown.group(1)

    def test_quickstart_commands(self) -> None:
        demo = _block_after("demo-command", _readme()).strip()
        tests = _block_after("test-command", _readme()).strip()
        assert demo.startswith("python3 -m venv .venv && ")
        assert demo.endswith("learnmeet demo")
        assert tests.startswith("python3 -m venv .venv && ")
        assert tests.endswith("-m pytest")
        ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
        assert "<!-- test-command -->" in ci
        assert 'bash -c "$test_command"' in ci


class TestPypiPage:
    """The PyPI page is the README's first part and the newest changelog section."""

    def test_readme_marker_ends_the_first_part(self) -> None:
        readme = _readme()
        assert readme.count("<!-- pypi-end -->") == 1
        first = readme.split("<!-- pypi-end -->")[0]
        assert "## Quickstart" not in first
        assert "<!-- example -->" in first
        # Relative links would break on PyPI; the first part has none left
        # that the pyproject substitution does not rewrite.
        assert not re.findall(r"\]\((?!https?://|#|docs/)[^)]*\)", first)

    def test_pyproject_uses_the_marker_and_the_first_changelog_section(self) -> None:
        text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
        assert 'dynamic = ["version", "readme"]' in text
        assert 'end-before = "<!-- pypi-end -->"' in text
        changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
        first = re.search(r"\n(## .*?\n)(?:## |\Z)", changelog, re.S)
        assert first
        assert first.group(1).startswith((f"## [{lm.__version__}]", "## [Unreleased]"))


class TestChangelog:
    """The version cannot drift from the changelog."""

    def test_version_has_a_section_or_is_unreleased(self) -> None:
        text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
        assert f"## [{lm.__version__}]" in text or "## [Unreleased]" in text
