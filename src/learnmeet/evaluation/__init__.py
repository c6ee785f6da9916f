"""Evaluation: response rates and yield by group (exports live in io).

Layer 2, beside the rules: pure functions from model values (a survey, its
invitations and responses, the meetings) to a summary.
"""

from learnmeet.evaluation._evaluate import (
    HIGH_YIELD,
    Dimension,
    Disposition,
    Evaluation,
    LevelSummary,
    ResponseRates,
    Suppression,
    YieldGroup,
    evaluate,
)

__all__ = [
    "HIGH_YIELD",
    "Dimension",
    "Disposition",
    "Evaluation",
    "LevelSummary",
    "ResponseRates",
    "Suppression",
    "YieldGroup",
    "evaluate",
]
