"""An evaluation as CSV, as a plain-text table, and as an SVG bar chart.

The chart is written by hand as SVG 1.1 — no plotting library — so it is the
same bytes for the same evaluation, opens in any browser, and can be put in a
report as it is.
"""

from __future__ import annotations

import csv
import io
from xml.sax.saxutils import escape, quoteattr

from learnmeet.evaluation._evaluate import Dimension, Evaluation, YieldGroup
from learnmeet.model import Label, Lang
from learnmeet.model._labels import check_lang

__all__ = ["CSV_COLUMNS", "evaluation_csv", "evaluation_text", "yield_chart_svg"]

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
)

_T = {
    "rates": Label("Svarprocent", "Response rate"),
    "invitations": Label("invitationer", "invitations"),
    "yield": Label("Udbytte", "Yield"),
    "levels": Label("Kirkpatrick-niveauer", "Kirkpatrick levels"),
    "themes": Label("Temaer", "Themes"),
    "quotes": Label("citater", "quotes"),
    "group": Label("gruppe", "group"),
    "respondents": Label("svarpersoner", "respondents"),
    "responses": Label("svar", "responses"),
    "mean": Label("gns. udbytte", "mean yield"),
    "score": Label("gns. score (0–100)", "mean score (0–100)"),
    "share": Label("højt udbytte", "high yield"),
    "ci": Label("konfidensinterval", "confidence interval"),
    "level": Label("niveau", "level"),
    "items": Label("spørgsmål", "items"),
    "no_items": Label("ingen spørgsmål", "no items"),
    "free_text": Label("fritekstsvar (vises ikke)", "free-text answers (not shown)"),
    "chart": Label(
        "Andel med højt udbytte efter mødeform",
        "Share reporting high yield, by format",
    ),
    "few": Label("færre end {n} svarpersoner", "fewer than {n} respondents"),
    "hidden": Label(
        "skjult (beskytter lille gruppe)", "hidden (protects a small group)"
    ),
}


def _pct(value: float | None, lang: Lang, digits: int = 1) -> str:
    if value is None:
        return "–"
    text = f"{100 * value:.{digits}f}"
    return f"{text.replace('.', ',') if lang == 'da' else text} %"


def _num(value: float | None, lang: Lang) -> str:
    if value is None:
        return "–"
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "da" else text


def _csv_number(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def evaluation_csv(evaluation: Evaluation, lang: Lang = "da") -> str:
    """The yield groups as CSV, one row a group, suppressed groups left blank.

    The header has stable English column names (:data:`CSV_COLUMNS`); the
    ``label`` column is in *lang*. Numbers use a full stop; shares and interval
    bounds are proportions from 0 to 1, ``mean_yield`` runs from 0 to 100.

    .. versionadded:: 0.1.0
    """
    lang = check_lang(lang)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for g in evaluation.groups:
        writer.writerow(
            [
                g.dimension.code,
                g.code,
                g.label.get(lang),
                "" if g.respondents is None else g.respondents,
                "" if g.responses is None else g.responses,
                _csv_number(g.mean),
                "" if g.high is None else g.high,
                _csv_number(g.share),
                _csv_number(g.ci_low),
                _csv_number(g.ci_high),
                "" if g.suppression is None else g.suppression.code,
            ]
        )
    return out.getvalue()


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


def _group_cells(g: YieldGroup, lang: Lang, threshold: int) -> list[str]:
    if g.suppression is not None:
        note = (
            _T["few"].get(lang).format(n=threshold)
            if g.suppression.code == "too_few"
            else _T["hidden"].get(lang)
        )
        return [g.label.get(lang), "", "", "", "", note]
    return [
        g.label.get(lang),
        str(g.respondents),
        str(g.responses),
        _num(g.mean, lang),
        _pct(g.share, lang),
        f"{_pct(g.ci_low, lang)} – {_pct(g.ci_high, lang)}",
    ]


def evaluation_text(evaluation: Evaluation, lang: Lang = "da") -> str:
    """The summary as plain-text tables: rates, yield by group, levels, themes.

    .. versionadded:: 0.1.0
    """
    lang = check_lang(lang)
    r = evaluation.rates
    lines = [
        f"{evaluation.survey.title.get(lang)}",
        "",
        f"{_T['rates'].get(lang)}: RR1 {_pct(r.rr1, lang)}, RR3 {_pct(r.rr3, lang)} "
        f"({r.invitations} {_T['invitations'].get(lang)}; I={r.complete} "
        f"P={r.partial} R={r.refusal} NC={r.non_contact} O={r.other} "
        f"U={r.unknown_eligibility} NE={r.not_eligible})",
    ]
    conf = _pct(evaluation.confidence, lang, digits=0)
    header = [
        _T["group"].get(lang),
        _T["respondents"].get(lang),
        _T["responses"].get(lang),
        _T["mean"].get(lang),
        _T["share"].get(lang),
        f"{conf} {_T['ci'].get(lang)}",
    ]
    for dimension in Dimension:
        groups = evaluation.by(dimension)
        if not groups:
            continue
        lines += ["", f"{_T['yield'].get(lang)} – {dimension.label.get(lang)}"]
        rows = [header] + [_group_cells(g, lang, evaluation.threshold) for g in groups]
        lines += _table(rows, right={1, 2, 3, 4})
    level_rows = [
        [
            _T["level"].get(lang),
            _T["items"].get(lang),
            _T["respondents"].get(lang),
            _T["score"].get(lang),
        ]
    ]
    for s in evaluation.levels:
        if s.items == 0:
            level_rows.append(
                [s.level.label.get(lang), "0", "", _T["no_items"].get(lang)]
            )
        elif s.suppression is not None:
            level_rows.append(
                [
                    s.level.label.get(lang),
                    str(s.items),
                    "",
                    _T["few"].get(lang).format(n=evaluation.threshold),
                ]
            )
        else:
            level_rows.append(
                [
                    s.level.label.get(lang),
                    str(s.items),
                    str(s.respondents),
                    _num(s.mean, lang),
                ]
            )
    lines += ["", _T["levels"].get(lang)]
    lines += _table(level_rows, right={1, 2, 3})
    if evaluation.free_text_answers:
        lines += ["", f"{_T['free_text'].get(lang)}: {evaluation.free_text_answers}"]
    if evaluation.themes:
        lines += ["", _T["themes"].get(lang)]
        for theme in evaluation.themes:
            lines.append(
                f"  {theme.label.get(lang)} ({len(theme.quotes)} "
                f"{_T['quotes'].get(lang)})"
            )
            for quote in theme.quotes:
                source = quote.source.label.get(lang)
                lines.append(f'    "{quote.text}" – {quote.speaker}, {source}')
    return "\n".join(lines) + "\n"


# -- the chart -----------------------------------------------------------------

_BAR = "#2b6c8f"
_WHISKER = "#1a1a1a"
_GRID = "#d0d0d0"
_MUTED = "#6b6b6b"
_WIDTH = 720
_LEFT = 250
_PLOT = 340
_ROW = 34
_TOP = 56


def _x(share: float) -> float:
    return _LEFT + share * _PLOT


def yield_chart_svg(
    evaluation: Evaluation,
    lang: Lang = "da",
    *,
    dimension: Dimension = Dimension.FORMAT,
) -> str:
    """A horizontal bar chart of the share reporting high yield, as SVG.

    One bar a group with its confidence interval as a whisker and its share and
    number of respondents written beside it; a suppressed group shows why
    instead of a bar. Written without a plotting library.

    .. versionadded:: 0.1.0
    """
    lang = check_lang(lang)
    groups = evaluation.by(dimension)
    height = _TOP + _ROW * max(len(groups), 1) + 40
    title = (
        _T["chart"].get(lang)
        if dimension is Dimension.FORMAT
        else f"{_T['share'].get(lang)} – {dimension.label.get(lang)}"
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" role="img" aria-label={quoteattr(title)} '
        'font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="13">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{_WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<text x="16" y="26" font-size="16" font-weight="bold">{escape(title)}</text>',
    ]
    bottom = _TOP + _ROW * max(len(groups), 1)
    for tick in (0, 25, 50, 75, 100):
        x = _x(tick / 100)
        parts.append(
            f'<line x1="{x:.1f}" y1="{_TOP - 6}" x2="{x:.1f}" y2="{bottom}" '
            f'stroke="{_GRID}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{bottom + 18}" text-anchor="middle" '
            f'fill="{_MUTED}">{tick} %</text>'
        )
    for row, g in enumerate(groups):
        top = _TOP + row * _ROW
        middle = top + _ROW / 2
        parts.append(
            f'<text x="{_LEFT - 10}" y="{middle + 4:.1f}" text-anchor="end">'
            f"{escape(g.label.get(lang))}</text>"
        )
        if g.share is None or g.ci_low is None or g.ci_high is None:
            note = (
                _T["few"].get(lang).format(n=evaluation.threshold)
                if g.suppression is not None and g.suppression.code == "too_few"
                else _T["hidden"].get(lang)
            )
            parts.append(
                f'<text x="{_LEFT + 6}" y="{middle + 4:.1f}" fill="{_MUTED}" '
                f'font-style="italic">{escape(note)}</text>'
            )
            continue
        width = g.share * _PLOT
        parts.append(
            f'<rect x="{_LEFT}" y="{top + 7}" width="{width:.1f}" height="{_ROW - 14}" '
            f'fill="{_BAR}"><title>{escape(g.label.get(lang))}: '
            f"{escape(_pct(g.share, lang))}</title></rect>"
        )
        lo, hi = _x(g.ci_low), _x(g.ci_high)
        parts.append(
            f'<line x1="{lo:.1f}" y1="{middle:.1f}" x2="{hi:.1f}" y2="{middle:.1f}" '
            f'stroke="{_WHISKER}" stroke-width="1.5"/>'
        )
        for end in (lo, hi):
            parts.append(
                f'<line x1="{end:.1f}" y1="{middle - 6:.1f}" x2="{end:.1f}" '
                f'y2="{middle + 6:.1f}" stroke="{_WHISKER}" stroke-width="1.5"/>'
            )
        parts.append(
            f'<text x="{_x(1.0) + 10}" y="{middle + 4:.1f}">'
            f"{escape(_pct(g.share, lang, digits=0))} (n={g.respondents})</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
