"""Layer 3, planning: composing, scheduling and attaching learning to forums."""

from learnmeet.planning._composer import DEFAULT_REFLECTION, Choice, Proposal, compose
from learnmeet.planning._recurrence import Series

__all__ = ["DEFAULT_REFLECTION", "Choice", "Proposal", "Series", "compose"]
