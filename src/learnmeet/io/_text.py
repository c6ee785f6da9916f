"""Plain-text exports: tables a person reads in a terminal or an e-mail."""

from __future__ import annotations

from learnmeet.evaluation._results import (
    Dimension,
    Evaluation,
    Measurement,
    Suppression,
    YieldGroup,
)
from learnmeet.io._figures import TERMS, level_method, method_text, number, percent
from learnmeet.model._arguments import checked
from learnmeet.model._labels import Lang, check_lang

__all__ = ["evaluation_text"]


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def _why(suppression: Suppression, lang: Lang, threshold: int) -> str:
    if suppression is Suppression.TOO_FEW:
        return TERMS["few"].get(lang).format(n=threshold)
    return TERMS["hidden"].get(lang)


def _group_cells(g: YieldGroup, lang: Lang, threshold: int) -> list[str]:
    if g.suppression is not None:
        note = _why(g.suppression, lang, threshold)
        return [g.label.get(lang), "", "", "", "", note]
    return [
        g.label.get(lang),
        str(g.respondents),
        str(g.responses),
        number(g.mean, lang),
        percent(g.share, lang),
        f"{percent(g.ci_low, lang)} – {percent(g.ci_high, lang)}",
    ]


@checked
def evaluation_text(evaluation: Evaluation, lang: Lang = "da") -> str:
    """The summary as plain-text tables: rates, benefit by group, levels, themes.

    Under the title, how the benefit was measured (self-reported right after
    the meeting, or at a follow-up); each Kirkpatrick level says how it was
    measured, or why it was not, and a level not measured shows no number.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 How each level and the benefit were measured.
    """
    lang = check_lang(lang)
    r = evaluation.rates
    survey = evaluation.survey
    lines = [
        f"{survey.title.get(lang)}",
        f"{TERMS['measured'].get(lang)}: "
        f"{method_text(evaluation.method, survey, lang)}",
        "",
        f"{TERMS['rates'].get(lang)}: RR1 {percent(r.rr1, lang)}, "
        f"RR3 {percent(r.rr3, lang)} "
        f"({r.invitations} {TERMS['invitations'].get(lang)}; I={r.complete} "
        f"P={r.partial} R={r.refusal} NC={r.non_contact} O={r.other} "
        f"U={r.unknown_eligibility} NE={r.not_eligible})",
    ]
    conf = percent(evaluation.confidence, lang, digits=0)
    header = [
        TERMS["group"].get(lang),
        TERMS["respondents"].get(lang),
        TERMS["responses"].get(lang),
        TERMS["mean"].get(lang),
        TERMS["share"].get(lang),
        f"{conf} {TERMS['ci'].get(lang)}",
    ]
    for dimension in Dimension:
        groups = evaluation.by(dimension)
        if not groups:
            continue
        lines += ["", f"{TERMS['yield'].get(lang)} – {dimension.label.get(lang)}"]
        rows = [header] + [_group_cells(g, lang, evaluation.threshold) for g in groups]
        lines += _table(rows, right={1, 2, 3, 4})
    level_rows = [
        [
            TERMS["level"].get(lang),
            TERMS["items"].get(lang),
            TERMS["respondents"].get(lang),
            TERMS["score"].get(lang),
            TERMS["method"].get(lang),
        ]
    ]
    for s in evaluation.levels:
        how = level_method(s, survey, lang)
        if s.method is Measurement.NOT_MEASURED:
            score = s.method.label.get(lang)
            level_rows.append([s.level.label.get(lang), str(s.items), "", score, how])
        elif s.suppression is not None:
            level_rows.append(
                [
                    s.level.label.get(lang),
                    str(s.items),
                    "",
                    _why(s.suppression, lang, evaluation.threshold),
                    how,
                ]
            )
        else:
            level_rows.append(
                [
                    s.level.label.get(lang),
                    str(s.items),
                    str(s.respondents),
                    number(s.mean, lang),
                    how,
                ]
            )
    lines += ["", TERMS["levels"].get(lang)]
    lines += _table(level_rows, right={1, 2, 3})
    if evaluation.free_text_answers:
        lines += ["", f"{TERMS['free_text'].get(lang)}: {evaluation.free_text_answers}"]
    if evaluation.themes:
        lines += ["", TERMS["themes"].get(lang)]
        for theme in evaluation.themes:
            lines.append(
                f"  {theme.label.get(lang)} ({len(theme.quotes)} "
                f"{TERMS['quotes'].get(lang)})"
            )
            for quote in theme.quotes:
                source = quote.source.label.get(lang)
                lines.append(f'    "{quote.text}" – {quote.speaker}, {source}')
    return "\n".join(lines) + "\n"
