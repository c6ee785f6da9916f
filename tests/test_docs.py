"""The docs stay true: every public name documented, tables in step with the code."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

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
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh HTML build of the docs."""
    out = tmp_path_factory.mktemp("html")
    # In a subprocess: Sphinx's own deprecation warnings are not ours to fail on.
    build = [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(DOCS), str(out)]
    done = subprocess.run(build, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def inventory(html: Path) -> set[str]:
    """The names in the objects inventory of a fresh docs build."""
    from sphinx.util.inventory import InventoryFile

    with (html / "objects.inv").open("rb") as fh:
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


def _ruletable() -> ModuleType:
    """docs/_ext/ruletable.py, the extension that renders the rule table."""
    spec = importlib.util.spec_from_file_location(
        "ruletable", DOCS / "_ext" / "ruletable.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Tables(HTMLParser):
    """The cell texts of every row of the HTML tables of class rule-table."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, ...]] = []
        self._depth = 0
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and "rule-table" in (dict(attrs).get("class") or ""):
            self._depth += 1
        elif self._depth and tag == "tr":
            self._row = []
        elif self._row is not None and tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._depth:
            self._depth -= 1
        elif tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(tuple(self._row))
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _shown(text: str) -> str:
    """*text* as the HTML shows it: Sphinx makes quotes typographic."""
    text = text.replace("\u2018", "'")
    return text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')


class TestRuleTable:
    """docs/rules.md shows every rule: code, severity, titles, meaning and fix.

    The table is rendered from ``learnmeet.DEFAULT_RULES`` by the ``rule-table``
    directive (docs/_ext/ruletable.py); these tests fail when the built page
    would not show a rule as the code declares it.
    """

    def test_the_page_renders_the_table_from_the_rules(self) -> None:
        text = (DOCS / "rules.md").read_text(encoding="utf-8")
        assert "```{rule-table}\n```" in text
        assert not re.findall(r"^\| `\w+` \|", text, re.M), "a hand-written table"

    def test_the_built_page_shows_every_rule(self, html: Path) -> None:
        parser = _Tables()
        parser.feed((html / "rules.html").read_text(encoding="utf-8"))
        head, *shown = [tuple(_shown(cell) for cell in row) for row in parser.rows]
        assert head == ("code", "severity", "rule", "regel", "meaning", "fix")
        expected = [
            (
                r.code,
                r.severity.code,
                r.title.en,
                r.title.da,
                r.meaning.en if r.meaning else "—",
                r.fix.en,
            )
            for r in lm.DEFAULT_RULES.rules
        ]
        assert shown == expected

    def test_every_built_in_rule_has_a_meaning_to_show(self) -> None:
        assert all(r.meaning is not None for r in lm.DEFAULT_RULES.rules)

    def test_rows_of_the_directive(self) -> None:
        rows = _ruletable().rows(lm.DEFAULT_RULES)
        assert [row[0] for row in rows] == list(lm.DEFAULT_RULES.codes)
        rule = lm.DEFAULT_RULES.rule("LM112")
        assert rows[lm.DEFAULT_RULES.codes.index("LM112")] == (
            "LM112",
            "error",
            "No host",
            "Ingen vært",
            rule.meaning.en if rule.meaning else None,
            "Give one professional the role of host",
        )

    def test_a_rule_without_a_meaning_is_shown_with_a_dash(self) -> None:
        own = lm.Rule(
            code="ESB001",
            severity=lm.Severity.INFO,
            title=lm.Label(da="Egen regel", en="Own rule"),
            fix=lm.Label(da="Ret mødet", en="Fix the meeting"),
            check=lambda meeting, context: (),
        )
        assert own.meaning is None
        table = _ruletable()
        assert table.rows(lm.RuleSet([own])) == [
            ("ESB001", "info", "Own rule", "Egen regel", "—", "Fix the meeting")
        ]
        rendered = table.table(lm.RuleSet([own])).astext()
        assert "ESB001" in rendered
        assert "—" in rendered


def _extension(name: str) -> ModuleType:
    """docs/_ext/NAME.py, an extension of the docs build."""
    spec = importlib.util.spec_from_file_location(name, DOCS / "_ext" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _SchemaTables(HTMLParser):
    """The rows of the HTML tables of class schema-fields, table by table."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[tuple[str, ...]]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and "schema-fields" in (dict(attrs).get("class") or ""):
            self._inside = True
            self.tables.append([])
        elif self._inside and tag == "tr":
            self._row = []
        elif self._row is not None and tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._inside = False
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(_shown("".join(self._cell).strip()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[-1].append(tuple(self._row))
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


class TestDocumentFields:
    """docs/json.md shows each document type's fields as its JSON Schema has them.

    The tables are rendered from :func:`learnmeet.json_schema` by the
    ``schema-fields`` directive (docs/_ext/schematable.py), and the vocabulary
    page from the vocabulary table the schema's Danish terms come from.
    """

    def test_the_pages_render_the_tables(self) -> None:
        assert "```{schema-fields}\n```" in (DOCS / "json.md").read_text("utf-8")
        vocabulary = (DOCS / "vocabulary.md").read_text(encoding="utf-8")
        assert "```{vocabulary-table}\n```" in vocabulary
        assert not re.findall(r"^\| `\w+` \|", vocabulary, re.M), "a hand-written table"

    def test_rows_of_a_professional(self) -> None:
        rows = _extension("schematable").rows(lm.Professional)
        assert [row[:3] for row in rows] == [
            ("id", "string", "yes"),
            ("profession", "code or object (Profession) or null", "no"),
            ("unit", "id in units", "yes"),
            ("roles", "array of StaffRole code", "no"),
            ("completed_courses", "array of string", "no"),
            ("display_name", "string", "no"),
            ("email", "string or null", "no"),
            ("participant_type", "ParticipantType code", "no"),
            ("completions", "array of object (CourseCompletion)", "no"),
        ]
        assert rows[1][4] == "faggruppe"
        assert rows[0][4] == "—"

    def test_the_json_types_of_the_other_shapes(self) -> None:
        table = _extension("schematable")
        rows = {row[0]: row[1] for row in table.rows(lm.Scenario)}
        assert rows["professionals"] == "Professional entries by id"
        meeting = {row[0]: row[1] for row in table.rows(lm.Meeting)}
        assert meeting["start"] == "datetime (RFC 9557)"
        assert meeting["case"] == "id in cases or null"
        attendee = {row[0]: row[1] for row in table.rows(lm.Attendee)}
        assert attendee["person"] == "person key"
        assert table.json_type({"enum": ["da", "en"]}, {}) == "one of 'da', 'en'"
        pair = {"type": "array", "prefixItems": [{"type": "string"}] * 2}
        assert table.json_type(pair, {}) == "array [string, string]"

    def test_the_built_page_has_a_table_for_every_type(self, html: Path) -> None:
        from learnmeet.io._schema import document_types

        parser = _SchemaTables()
        parser.feed((html / "json.html").read_text(encoding="utf-8"))
        table = _extension("schematable")
        expected = [
            [table.HEADER, *table.rows(cls)]
            for cls in document_types()
            if table.rows(cls)
        ]
        assert parser.tables == [[tuple(r) for r in rows] for rows in expected]

    def test_the_built_vocabulary_page(self, html: Path) -> None:
        from learnmeet.model._vocabulary import VOCABULARY

        parser = _SchemaTables()
        parser.feed((html / "vocabulary.html").read_text(encoding="utf-8"))
        (shown,) = parser.tables
        assert shown[1:] == [(n, w.en, w.da) for n, w in VOCABULARY.items()]


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
