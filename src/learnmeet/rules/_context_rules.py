"""The built-in rules that need a context, gathered from their topic module.

The rules themselves are declared in :mod:`learnmeet.rules._context`; see
:mod:`learnmeet.rules._format_rules` for how rules are gathered.
"""

from __future__ import annotations

from learnmeet.rules import _context
from learnmeet.rules._rule import Rule, gather

__all__ = ["CONTEXT_RULES", "TOPICS"]

TOPICS = (_context,)
"""The topic modules that declare the context rules."""

CONTEXT_RULES: tuple[Rule, ...] = gather(*TOPICS)
"""The rules that read the :class:`RuleContext`, in code order."""
