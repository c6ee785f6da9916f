"""The built-in catalogues and the :class:`Catalog` that holds them."""

from learnmeet.catalog._builtin import (
    FORMATS,
    MONOPROFESSIONAL_COURSE,
    PROFESSIONS,
    SECTORS,
)
from learnmeet.catalog._catalog import Catalog
from learnmeet.catalog._reflection import REFLECTION_MODELS
from learnmeet.catalog._surveys import YIELD_SURVEY
from learnmeet.model import QuestionBank

DEFAULT_CATALOG = Catalog(professions=PROFESSIONS, sectors=SECTORS, formats=FORMATS)
"""The built-in professions, sectors and formats."""

QUESTION_BANK = QuestionBank(REFLECTION_MODELS)
"""The built-in reflection models: Gibbs, Kolb, the case meeting, the home
conversation and the After Action Review, with their questions in Danish and
English."""

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
