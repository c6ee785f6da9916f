"""The API reference, made from learnmeet's one table of public names.

``learnmeet._PUBLIC`` maps each private module to the public names it defines;
``__all__`` and the loading on first use are made from it. The directive
``public-names`` documents, as ``learnmeet.<Name>``, every name in the table
whose module lies under a prefix, so a reference page names no object by hand:

.. code-block:: rst

   .. public-names:: learnmeet.model

(in a Markdown page, inside an ``{eval-rst}`` block: the directive writes
reStructuredText). The names come in the table's order, under a rubric per
defining module (its docstring's first line) when the prefix spans several.

* a class gets ``autoclass`` (an exception ``autoexception``), a function
  ``autofunction``;
* anything else, a constant or a type alias, gets ``autodata`` without its
  value or annotation and with a description: the one in
  :data:`DESCRIPTIONS`, else the docstring after its assignment in the
  module that defines it, else a warning, which ``-W`` makes an error.

When the build ends, a module of the table that no ``public-names`` directive
covered is a warning too, so a new layer cannot go undocumented unnoticed.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from importlib import import_module
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

PACKAGE = "learnmeet"

logger = logging.getLogger(__name__)

DESCRIPTIONS: dict[str, str] = {
    "COPENHAGEN": '``ZoneInfo("Europe/Copenhagen")``, the default time zone.',
    "LANGUAGES": 'The languages learnmeet speaks: ``("da", "en")``.',
    "Lang": 'The type of a language argument: ``Literal["da", "en"]``.',
    "Person": "Anyone who can attend a meeting: ``Professional | Citizen | Relative``.",
    "PROFESSIONS": "The 14 built-in professions.",
    "SECTORS": "The 5 built-in sectors.",
    "FORMATS": "The 11 built-in meeting formats: the 8 of the source documents, "
    "then the key-person network, the facilitator training and the leaders' "
    "network.",
    "DEFAULT_CATALOG": "A :class:`~learnmeet.Catalog` of the built-in "
    "professions, sectors and formats.",
    "MONOPROFESSIONAL_COURSE": "The course code of the general monoprofessional "
    'course (``"palliation_mono"``): the course day asks it of a profession '
    "without a course of its own, and it stands for anyone's own course.",
    "FACILITATOR_COURSE": "The course code of the facilitator training, which "
    'whoever facilitates should have completed (``"facilitator_training"``).',
    "SCHEMA_VERSION": "The JSON schema version this release writes and reads.",
    "FORMAT_RULES": "The built-in rules that compare a meeting with its format "
    "(``LM1xx``).",
    "CONTEXT_RULES": "The built-in rules that need a "
    ":class:`~learnmeet.RuleContext` (``LM2xx``).",
    "DEFAULT_RULES": "A :class:`~learnmeet.RuleSet` of every built-in rule.",
    "Check": "The type of a rule's check: "
    "``Callable[[Meeting, RuleContext], Iterable[Finding]]``.",
    "Applies": "The type of a rule's ``applies``: "
    "``Callable[[MeetingFormat], bool]``, whether the rule's check can find "
    "anything in a meeting of that format.",
    "DEFAULT_REFLECTION": "The reflection the composer attaches when a format "
    "needs one and none is given.",
    "QUESTION_BANK": "The built-in :class:`QuestionBank`: the models of "
    ":data:`REFLECTION_MODELS`.",
    "REFLECTION_MODELS": "The built-in reflection models: ``case_learning``, "
    "``home_conversation``, ``gibbs``, ``kolb``, ``after_action_review`` and "
    "``meeting_structure``.",
    "YIELD_SURVEY": "A built-in :class:`Survey` sent right after a meeting: "
    "reaction and learning items, three of them measuring benefit, and a "
    "free-text question.",
    "FOLLOW_UP_SURVEY": "A built-in :class:`Survey` sent eight weeks after a "
    "meeting: behaviour items, two of them measuring benefit, one item on the "
    "participants' perceived results, and a free-text question.",
    "LEARNING_TAGS": "Tags for learning points with Danish and English labels: "
    "``knowing_offers``, ``face_to_face``, ``handover``, ``roles``, "
    "``shared_language``, ``tacit_knowledge``, ``citizen_perspective``, "
    "``palliation``.",
    "HIGH_YIELD": "A response's benefit (0–100) at or above this (75) counts "
    "as high benefit.",
    "CSV_COLUMNS": "The header of :func:`evaluation_csv`.",
}
"""Descriptions of constants and type aliases, which have no ``__doc__`` of
their own. They win over the docstring after the assignment in the source;
a name with neither is a warning."""


def public_table() -> dict[str, tuple[str, ...]]:
    """The table of public names, ``learnmeet._PUBLIC``: module -> names."""
    table: dict[str, tuple[str, ...]] = import_module(PACKAGE)._PUBLIC
    return table


def under(module: str, prefix: str) -> bool:
    """Whether *module* is *prefix* or lies inside it."""
    return module == prefix or module.startswith(f"{prefix}.")


def source_doc(module: str, name: str) -> list[str]:
    """The docstring after *name*'s assignment in *module*, or nothing."""
    docs = ModuleAnalyzer.for_module(module).find_attr_docs()
    return list(docs.get(("", name), []))


def heading(module: str) -> str:
    """A module's docstring's first line, without its full stop."""
    doc = inspect.getdoc(import_module(module)) or module
    return doc.splitlines()[0].rstrip(".")


class PublicNames(SphinxDirective):
    """``.. public-names:: PREFIX``: document the table's names under PREFIX."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        prefix = self.arguments[0]
        rows = [(m, names) for m, names in public_table().items() if under(m, prefix)]
        if not rows:
            logger.warning(
                "public-names: no module of %s._PUBLIC lies under %r",
                PACKAGE,
                prefix,
                location=self.get_location(),
            )
            return []
        _prefixes(self.env).setdefault(self.env.docname, set()).add(prefix)

        source, _ = self.get_source_info()
        lines = StringList()
        for line in self.rst(rows):
            lines.append(line, source)
        container = nodes.container()
        nested_parse_with_titles(self.state, lines, container)
        return list(container.children)

    def rst(self, rows: list[tuple[str, tuple[str, ...]]]) -> Iterator[str]:
        yield f".. py:currentmodule:: {PACKAGE}"
        yield ""
        for module, names in rows:
            if len(rows) > 1:
                yield f".. rubric:: {heading(module)}"
                yield ""
            for name in names:
                yield from self.entry(module, name)

    def entry(self, module: str, name: str) -> Iterator[str]:
        obj = getattr(import_module(module), name)
        if isinstance(obj, type):
            kind = "exception" if issubclass(obj, BaseException) else "class"
            yield f".. auto{kind}:: {name}"
            yield ""
            return
        if inspect.isroutine(obj):
            yield f".. autofunction:: {name}"
            yield ""
            return
        # A constant or type alias: its __doc__ is its type's (tuple's,
        # dict's), so describe_data puts the description in its place; its
        # value (a whole catalogue) and annotation are not shown.
        text = DESCRIPTIONS.get(name)
        doc = text.splitlines() if text else source_doc(module, name)
        if not doc:
            logger.warning(
                "public-names: %s.%s (from %s) has no description: add one to "
                "DESCRIPTIONS in docs/_ext/public_api.py or a docstring after "
                "its assignment",
                PACKAGE,
                name,
                module,
                location=self.get_location(),
            )
        DATA_DOCS[name] = doc
        yield f".. autodata:: {name}"
        yield "   :no-value:"
        yield "   :annotation:"
        yield ""


def describe_data(
    app: Sphinx, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    """Give a constant or type alias its description as its docstring.

    A value has no ``__doc__`` of its own, so autodoc would show its type's.
    """
    package, _, short = name.rpartition(".")
    if what == "data" and package == PACKAGE and short in DATA_DOCS:
        lines[:] = [*DATA_DOCS[short], ""]


DATA_DOCS: dict[str, list[str]] = {}
"""The descriptions of the constants and type aliases the directive wrote."""


def _prefixes(env: BuildEnvironment) -> dict[str, set[str]]:
    """The prefixes each document's directives covered, kept in the env."""
    if not hasattr(env, "public_api_prefixes"):
        env.public_api_prefixes = {}  # type: ignore[attr-defined]
    found: dict[str, set[str]] = env.public_api_prefixes  # type: ignore[attr-defined]
    return found


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _prefixes(env).pop(docname, None)


def merge(
    app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
) -> None:
    for docname in docnames:
        if docname in _prefixes(other):
            _prefixes(env)[docname] = _prefixes(other)[docname]


def check_covered(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about a module of the table that no directive documented."""
    prefixes = {p for found in _prefixes(env).values() for p in found}
    for module, names in public_table().items():
        if not any(under(module, p) for p in prefixes):
            logger.warning(
                "public-names: %s (%s) is on no reference page: add "
                "'.. public-names:: <its layer>' to one under docs/reference/",
                module,
                ", ".join(names),
            )


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("public-names", PublicNames)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-check-consistency", check_covered)
    app.connect("autodoc-process-docstring", describe_data)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
