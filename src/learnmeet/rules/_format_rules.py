"""The built-in rules that compare a meeting with its format, gathered.

Each rule is declared once, with its check, in the topic module of the lesson
it carries; this module only collects them (:func:`~learnmeet.rules._rule.gather`),
so adding a rule is writing its declaration. A new topic module is imported
here, and a test fails if a module of rules is left out.

Thresholds are read from the format's :class:`~learnmeet.FormatRequirements`,
so a municipality changes a threshold by changing its format, not the rule.
"""

from __future__ import annotations

from learnmeet.rules import (
    _audit,
    _case,
    _citizen,
    _composition,
    _courses,
    _esbjerg,
    _facilitation,
    _size,
    _visits,
)
from learnmeet.rules._rule import Rule, gather

__all__ = ["FORMAT_RULES", "TOPICS"]

TOPICS = (
    _composition,
    _case,
    _citizen,
    _audit,
    _visits,
    _size,
    _facilitation,
    _courses,
    _esbjerg,
)
"""The topic modules that declare the format rules."""

FORMAT_RULES: tuple[Rule, ...] = gather(*TOPICS)
"""The rules that compare a meeting with its format, in code order."""
