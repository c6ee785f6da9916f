"""The built-in catalogues and the :class:`Catalog` that holds them."""

from typing import TYPE_CHECKING

from learnmeet._lazy import lazy_names
from learnmeet.catalog._builtin import (
    FORMATS,
    MONOPROFESSIONAL_COURSE,
    PROFESSIONS,
    SECTORS,
)
from learnmeet.catalog._catalog import Catalog

if TYPE_CHECKING:
    from learnmeet.catalog._reflection import QUESTION_BANK, REFLECTION_MODELS
    from learnmeet.catalog._surveys import YIELD_SURVEY

# The reflection models and the survey load on first use (see learnmeet._lazy).
_LAZY = {
    "QUESTION_BANK": "learnmeet.catalog._reflection",
    "REFLECTION_MODELS": "learnmeet.catalog._reflection",
    "YIELD_SURVEY": "learnmeet.catalog._surveys",
}

DEFAULT_CATALOG = Catalog(professions=PROFESSIONS, sectors=SECTORS, formats=FORMATS)
"""The built-in professions, sectors and formats."""

__all__ = [
    "DEFAULT_CATALOG",
    "FORMATS",
    "MONOPROFESSIONAL_COURSE",
    "PROFESSIONS",
    "QUESTION_BANK",
    "REFLECTION_MODELS",
    "SECTORS",
    "YIELD_SURVEY",
    "Catalog",
]

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_names(__name__, _LAZY)
