"""Sphinx configuration for the learnmeet docs (warnings are errors in CI)."""

from __future__ import annotations

import sys
from pathlib import Path

import learnmeet

# docs/_ext: ruletable, the directive that renders the rule table from
# learnmeet.DEFAULT_RULES.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "learnmeet"
author = "The learnmeet developers"
copyright = "2026, the learnmeet developers"
version = release = learnmeet.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "ruletable",
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
