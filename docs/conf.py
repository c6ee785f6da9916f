"""Sphinx configuration for the learnmeet docs (warnings are errors in CI)."""

from __future__ import annotations

import sys
from pathlib import Path

import learnmeet

# docs/_ext: public_api, the directive that makes the API reference from
# learnmeet's table of public names; ruletable, the one that renders the
# rule table from learnmeet.DEFAULT_RULES; and schematable, the field tables
# of the JSON documents from their JSON Schemas, and the vocabulary.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "learnmeet"
author = "The learnmeet developers"
copyright = "2026, the learnmeet developers"
version = release = learnmeet.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx_copybutton",
    "public_api",
    "ruletable",
    "schematable",
]
source_suffix = {".md": "markdown"}
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
exclude_patterns = ["_build"]
html_theme = "furo"
html_title = f"learnmeet {release}"
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
suppress_warnings = ["ref.python"]

# A copy button on every code block that copies only the code: the ">>> " and
# "... " of a Python session and the "$ " of a shell are left behind (and a
# session's output with them), so what is pasted runs.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True

# Long lines in code blocks (error messages, JSON paths) wrap instead of
# scrolling sideways: docs/_static/wrap.css.
html_static_path = ["_static"]
html_css_files = ["wrap.css"]
