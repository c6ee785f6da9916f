"""CSV exports: one row a record, stable English column names."""

from __future__ import annotations

import csv
import io

from learnmeet.evaluation._results import Evaluation
from learnmeet.io._figures import csv_number
from learnmeet.model._arguments import checked
from learnmeet.model._labels import Lang, check_lang

__all__ = ["CSV_COLUMNS", "evaluation_csv"]

CSV_COLUMNS = (
    "dimension",
    "group",
    "label",
    "respondents",
    "responses",
    "mean_yield",
    "high_yield",
    "share_high",
    "ci_low",
    "ci_high",
    "suppressed",
    "measured_by",
)


#: What a spreadsheet reads as the start of a formula (OWASP, "CSV
#: Injection"): a cell of text that starts with one of them is written after
#: an apostrophe, which spreadsheets show as text and do not run.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text_cell(text: str) -> str:
    """*text* as a cell no spreadsheet runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


@checked
def evaluation_csv(evaluation: Evaluation, lang: Lang = "da") -> str:
    """The benefit groups as CSV, one row a group, suppressed groups left blank.

    The header has stable English column names (:data:`CSV_COLUMNS`); the
    ``label`` column is in *lang*. Numbers use a full stop; shares and interval
    bounds are proportions from 0 to 1, ``mean_yield`` (the mean benefit)
    runs from 0 to 100. ``measured_by`` is the code of how the benefit was
    measured (:attr:`Evaluation.method`): ``after_meeting`` or ``follow_up``.
    A text that a spreadsheet would run as a formula (one starting with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, such as a format
    of your own labelled ``=HYPERLINK(...)``) is written after an apostrophe,
    as OWASP advises against CSV injection.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 The ``measured_by`` column.
    """
    lang = check_lang(lang)
    method = evaluation.method.code
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for g in evaluation.groups:
        writer.writerow(
            [
                _text_cell(g.dimension.code),
                _text_cell(g.code),
                _text_cell(g.label.get(lang)),
                "" if g.respondents is None else g.respondents,
                "" if g.responses is None else g.responses,
                csv_number(g.mean),
                "" if g.high is None else g.high,
                csv_number(g.share),
                csv_number(g.ci_low),
                csv_number(g.ci_high),
                "" if g.suppression is None else g.suppression.code,
                method,
            ]
        )
    return out.getvalue()
