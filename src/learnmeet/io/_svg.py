"""SVG exports: charts written by hand as SVG 1.1, without a plotting library.

The same evaluation gives the same bytes; the file opens in any browser and
can go into a report as it is.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from learnmeet.evaluation._results import Dimension, Evaluation
from learnmeet.io._figures import TERMS, method_text, percent
from learnmeet.model._arguments import checked
from learnmeet.model._labels import Lang, check_lang

__all__ = ["svg_open", "yield_chart_svg"]

_BAR = "#2b6c8f"
_WHISKER = "#1a1a1a"
_GRID = "#d0d0d0"
_MUTED = "#6b6b6b"
_WIDTH = 720
_LEFT = 250
_PLOT = 340
_ROW = 34
_TOP = 56


def svg_open(title: str, subtitle: str, height: int) -> list[str]:
    """The opening of every learnmeet chart, as lines of SVG.

    The ``svg`` root with an accessible title, a white page, and the title and
    subtitle lines (escaped here). *height* is in pixels; the width is the
    charts' own (720 px).
    """
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" role="img" aria-label={quoteattr(title)} '
        'font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="13">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{_WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<text x="16" y="26" font-size="16" font-weight="bold">{escape(title)}</text>',
        f'<text x="16" y="44" font-size="12" fill="{_MUTED}">{escape(subtitle)}</text>',
    ]


def _x(share: float) -> float:
    return _LEFT + share * _PLOT


@checked
def yield_chart_svg(
    evaluation: Evaluation,
    lang: Lang = "da",
    *,
    dimension: Dimension = Dimension.FORMAT,
) -> str:
    """A horizontal bar chart of the share reporting high benefit, as SVG.

    One bar a group with its confidence interval as a whisker and its share and
    number of respondents written beside it; a suppressed group shows why
    instead of a bar. Under the title, how the benefit was measured
    (self-reported right after the meeting, or at a follow-up). Written
    without a plotting library.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 How the benefit was measured, under the title.
    """
    lang = check_lang(lang)
    groups = evaluation.by(dimension)
    height = _TOP + _ROW * max(len(groups), 1) + 40
    title = (
        TERMS["chart"].get(lang)
        if dimension is Dimension.FORMAT
        else f"{TERMS['share'].get(lang)} – {dimension.label.get(lang)}"
    )
    method = method_text(evaluation.method, evaluation.survey, lang)
    parts = svg_open(title, method, height)
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
                TERMS["few"].get(lang).format(n=evaluation.threshold)
                if g.suppression is not None and g.suppression.code == "too_few"
                else TERMS["hidden"].get(lang)
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
            f"{escape(percent(g.share, lang))}</title></rect>"
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
            f"{escape(percent(g.share, lang, digits=0))} (n={g.respondents})</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
