"""The built-in catalogues and the :class:`Catalog` that holds them."""

from learnmeet.catalog._builtin import (
    FORMATS,
    MONOPROFESSIONAL_COURSE,
    PROFESSIONS,
    SECTORS,
)
from learnmeet.catalog._catalog import Catalog

DEFAULT_CATALOG = Catalog(professions=PROFESSIONS, sectors=SECTORS, formats=FORMATS)
"""The built-in professions, sectors and formats."""

__all__ = [
    "DEFAULT_CATALOG",
    "FORMATS",
    "MONOPROFESSIONAL_COURSE",
    "PROFESSIONS",
    "SECTORS",
    "Catalog",
]
