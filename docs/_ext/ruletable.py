"""The table of rules, rendered from the rules themselves at build time.

Each built-in rule is declared once, in code, with its code, severity, titles,
meaning and fix; the directive ``rule-table`` turns ``learnmeet.DEFAULT_RULES``
into a table, so the docs can neither miss a rule nor show an old text. In a
Markdown page:

.. code-block:: markdown

   ```{rule-table}
   ```

The functions :func:`rows` and :func:`table` take any rule set, so a test can
check what the page would show.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

import learnmeet

HEADER = ("code", "severity", "rule", "regel", "meaning", "fix")
"""The columns: code, severity, the title in English and Danish, meaning, fix."""

WIDTHS = (8, 8, 16, 16, 36, 16)
"""The columns' relative widths."""

NO_MEANING = "—"
"""What the meaning column shows for a rule that gives none (``meaning=None``)."""


def rows(rules: learnmeet.RuleSet) -> list[tuple[str, ...]]:
    """One row of texts per rule, in the rule set's order (disabled ones too)."""
    return [
        (
            rule.code,
            rule.severity.code,
            rule.title.en,
            rule.title.da,
            NO_MEANING if rule.meaning is None else rule.meaning.en,
            rule.fix.en,
        )
        for rule in rules.rules
    ]


def _entry(text: str, *, code: bool = False) -> nodes.entry:
    inline: nodes.Node = nodes.literal(text, text) if code else nodes.Text(text)
    return nodes.entry("", nodes.paragraph("", "", inline))


def _row(cells: tuple[str, ...], *, head: bool = False) -> nodes.row:
    return nodes.row(
        "",
        *(
            _entry(text, code=not head and column == 0)
            for column, text in enumerate(cells)
        ),
    )


def table(rules: learnmeet.RuleSet) -> nodes.table:
    """The docutils table of *rules*: a header row, then one row per rule."""
    group = nodes.tgroup(cols=len(HEADER))
    group += [nodes.colspec(colwidth=width) for width in WIDTHS]
    group += nodes.thead("", _row(HEADER, head=True))
    group += nodes.tbody("", *(_row(cells) for cells in rows(rules)))
    return nodes.table("", group, classes=["rule-table"])


class RuleTable(SphinxDirective):
    """``rule-table``: the table of every built-in rule."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        # Rebuild the page when a rule changes, not only when the page does.
        for source in sorted(Path(learnmeet.__file__).parent.glob("rules/*.py")):
            self.env.note_dependency(str(source))
        return [table(learnmeet.DEFAULT_RULES)]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``rule-table`` directive."""
    app.add_directive("rule-table", RuleTable)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
