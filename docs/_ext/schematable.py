"""The field tables of the JSON documents, rendered from their JSON Schemas.

:func:`learnmeet.json_schema` makes each document type's schema from the
model; the directive ``schema-fields`` turns those schemas into one table per
type (field, JSON type, required, meaning, Danish term), so the docs show
what the schema says and nothing written twice. ``vocabulary-table`` renders
learnmeet's vocabulary, the table the schemas take their Danish terms from.
In a Markdown page:

.. code-block:: markdown

   ```{schema-fields}
   ```

   ```{schema-fields} Meeting
   ```

The functions :func:`rows` and :func:`json_type` take any schema, so a test
can check what the page would show.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

import learnmeet
from learnmeet.io._schema import DANISH, document_types
from learnmeet.model._vocabulary import VOCABULARY

HEADER = ("field", "JSON type", "required", "meaning", "Danish")
"""The columns of a field table."""

WIDTHS = (14, 18, 8, 44, 16)

NONE = "—"
"""What a cell shows when the schema says nothing."""

_WIRE = {
    "datetime": "datetime (RFC 9557)",
    "date": "date",
    "duration": "duration (ISO 8601)",
    "time": "time of day",
    "PersonKey": "person key",
}


def json_type(schema: dict[str, Any], defs: dict[str, Any]) -> str:
    """What a value of *schema* is in JSON, in a few words."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        target = defs[name]
        if name in _WIRE:
            return _WIRE[name]
        if name.endswith("Code"):
            return "code"
        if "enum" in target:
            return f"{name} code"
        return f"object ({name})"
    if "anyOf" in schema:
        return " or ".join(json_type(branch, defs) for branch in schema["anyOf"])
    if "enum" in schema:
        return "one of " + ", ".join(repr(v) for v in schema["enum"])
    kind = schema.get("type")
    if isinstance(kind, list):
        return " or ".join(json_type({**schema, "type": k}, defs) for k in kind)
    if kind == "string" and "x-learnmeet-collection" in schema:
        return f"id in {schema['x-learnmeet-collection']}"
    if kind == "array":
        if "prefixItems" in schema:
            parts = ", ".join(json_type(p, defs) for p in schema["prefixItems"])
            return f"array [{parts}]"
        return f"array of {json_type(schema['items'], defs)}"
    entry = schema.get("additionalProperties")
    if kind == "object" and isinstance(entry, dict):
        name = entry.get("$ref", "#/entries").rsplit("/", 1)[1]
        return f"{name} entries by id"
    return str(kind)


def data_schema(cls: type[Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The schema of the ``data`` of a document of *cls*, and its ``$defs``."""
    schema = learnmeet.json_schema(cls)
    defs = schema["$defs"]
    data = schema["properties"]["data"]
    while "$ref" in data:
        data = defs[data["$ref"].rsplit("/", 1)[1]]
    return data, defs


def rows(cls: type[Any]) -> list[tuple[str, ...]]:
    """One row per field of the data of a document of *cls*."""
    data, defs = data_schema(cls)
    required = set(data.get("required", ()))
    return [
        (
            name,
            json_type(held, defs),
            "yes" if name in required else "no",
            held.get("description", NONE),
            held.get(DANISH, NONE),
        )
        for name, held in data.get("properties", {}).items()
    ]


def _entry(text: str, *, code: bool = False) -> nodes.entry:
    inline: nodes.Node = nodes.literal(text, text) if code else nodes.Text(text)
    return nodes.entry("", nodes.paragraph("", "", inline))


def _table(
    header: tuple[str, ...], body: list[tuple[str, ...]], widths: tuple[int, ...]
) -> nodes.table:
    group = nodes.tgroup(cols=len(header))
    group += [nodes.colspec(colwidth=width) for width in widths]
    group += nodes.thead("", nodes.row("", *(_entry(h) for h in header)))
    group += nodes.tbody(
        "",
        *(
            nodes.row("", *(_entry(t, code=i == 0) for i, t in enumerate(cells)))
            for cells in body
        ),
    )
    return nodes.table("", group, classes=["schema-fields"])


def fields(cls: type[Any]) -> list[nodes.Node]:
    """A rubric naming *cls*, its description, and the table of its fields."""
    data, _ = data_schema(cls)
    name = cls.__name__
    title = nodes.rubric("", "", nodes.literal(name, name))
    said = data.get("description", "")
    danish = data.get(DANISH)
    if danish:
        said += f" Danish: {danish}."
    out: list[nodes.Node] = [title, nodes.paragraph(said, said)]
    if data.get("properties"):
        out.append(_table(HEADER, rows(cls), WIDTHS))
    return out


class SchemaFields(SphinxDirective):
    """``schema-fields [TYPE]``: the field table of one type, or of every type."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        # Rebuild the page when the model changes, not only when the page does.
        root = Path(learnmeet.__file__).parent
        for source in sorted([*root.glob("model/*.py"), *root.glob("io/*.py")]):
            self.env.note_dependency(str(source))
        types = {cls.__name__: cls for cls in document_types()}
        chosen = [types[self.arguments[0]]] if self.arguments else types.values()
        return [node for cls in chosen for node in fields(cls)]


class VocabularyTable(SphinxDirective):
    """``vocabulary-table``: learnmeet's code names in English and Danish."""

    def run(self) -> list[nodes.Node]:
        body = [(name, word.en, word.da) for name, word in VOCABULARY.items()]
        return [_table(("code name", "English", "Danish"), body, (16, 60, 24))]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``schema-fields`` and ``vocabulary-table`` directives."""
    app.add_directive("schema-fields", SchemaFields)
    app.add_directive("vocabulary-table", VocabularyTable)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
