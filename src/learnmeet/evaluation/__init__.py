"""Evaluation: response rates, yield by group, and its export.

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
from learnmeet.evaluation._export import (
    CSV_COLUMNS,
    evaluation_csv,
    evaluation_text,
    yield_chart_svg,
)

__all__ = [
    "CSV_COLUMNS",
    "HIGH_YIELD",
    "Dimension",
    "Disposition",
    "Evaluation",
    "LevelSummary",
    "ResponseRates",
    "Suppression",
    "YieldGroup",
    "evaluate",
    "evaluation_csv",
    "evaluation_text",
    "yield_chart_svg",
]
