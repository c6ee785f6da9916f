"""What the evaluation exports share: their words, and how they write numbers.

Danish writes a decimal comma and English a decimal point; both put a space
before the per cent sign.
"""

from __future__ import annotations

from learnmeet.evaluation._results import LevelSummary, Measurement
from learnmeet.model._labels import Label, Lang
from learnmeet.model._survey import Survey

__all__ = ["TERMS", "csv_number", "level_method", "method_text", "number", "percent"]

TERMS = {
    "rates": Label(da="Svarprocent", en="Response rate"),
    "invitations": Label(da="invitationer", en="invitations"),
    "yield": Label(da="Udbytte", en="Benefit"),
    "levels": Label(da="Kirkpatrick-niveauer", en="Kirkpatrick levels"),
    "themes": Label(da="Temaer", en="Themes"),
    "quotes": Label(da="citater", en="quotes"),
    "group": Label(da="gruppe", en="group"),
    "respondents": Label(da="svarpersoner", en="respondents"),
    "responses": Label(da="svar", en="responses"),
    "mean": Label(da="gns. udbytte", en="mean benefit"),
    "score": Label(da="gns. score (0–100)", en="mean score (0–100)"),
    "share": Label(da="højt udbytte", en="high benefit"),
    "ci": Label(da="konfidensinterval", en="confidence interval"),
    "level": Label(da="niveau", en="level"),
    "items": Label(da="spørgsmål", en="items"),
    "no_items": Label(da="ingen spørgsmål", en="no items"),
    "no_answers": Label(da="ingen svar", en="no answers"),
    "too_early": Label(
        da="kræver en opfølgning uger efter mødet",
        en="needs a follow-up weeks after the meeting",
    ),
    "perceived": Label(
        da="oplevet, ikke organisationens tal",
        en="perceived, not the organisation's figures",
    ),
    "method": Label(da="hvordan målt", en="how measured"),
    "measured": Label(da="Målt", en="Measured"),
    "weeks_after": Label(da="{n} uger efter mødet", en="{n} weeks after the meeting"),
    "days_after": Label(da="{n} dage efter mødet", en="{n} days after the meeting"),
    "free_text": Label(
        da="fritekstsvar (vises ikke)", en="free-text answers (not shown)"
    ),
    "chart": Label(
        da="Andel med højt udbytte efter mødeform",
        en="Share reporting high benefit, by format",
    ),
    "few": Label(da="færre end {n} svarpersoner", en="fewer than {n} respondents"),
    "hidden": Label(
        da="skjult (beskytter lille gruppe)", en="hidden (protects a small group)"
    ),
}


def percent(value: float | None, lang: Lang, digits: int = 1) -> str:
    """A share from 0 to 1 as per cent, e.g. ``"64,7 %"`` in Danish, "–" if none.

    *lang* has been checked by the caller (an export function).
    """
    if value is None:
        return "–"
    text = f"{100 * value:.{digits}f}"
    return f"{text.replace('.', ',') if lang == 'da' else text} %"


def number(value: float | None, lang: Lang) -> str:
    """A number to one decimal, with a decimal comma in Danish; "–" if none."""
    if value is None:
        return "–"
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "da" else text


def csv_number(value: float | None) -> str:
    """A number for CSV: a full stop and four decimals, empty if none."""
    return "" if value is None else f"{value:.4f}"


def method_text(method: Measurement, survey: Survey, lang: Lang) -> str:
    """How *survey* measured, e.g. "self-reported at follow-up, 8 weeks after".

    *method* is the evaluation's or a level's; a follow-up tells how long
    after the meeting it was sent.
    """
    text = method.label.get(lang)
    after = survey.follow_up_after
    if method is not Measurement.FOLLOW_UP or after is None:
        return text
    if after.days % 7 == 0:
        return f"{text}, {TERMS['weeks_after'].get(lang).format(n=after.days // 7)}"
    return f"{text}, {TERMS['days_after'].get(lang).format(n=after.days)}"


def level_method(summary: LevelSummary, survey: Survey, lang: Lang) -> str:
    """How a Kirkpatrick level was measured, or why it was not measured."""
    if summary.method is not Measurement.NOT_MEASURED:
        text = method_text(summary.method, survey, lang)
        return f"{text}; {TERMS['perceived'].get(lang)}" if summary.perceived else text
    if summary.level.needs_follow_up and not survey.is_follow_up:
        why = TERMS["too_early"]
    elif not summary.items:
        why = TERMS["no_items"]
    else:
        why = TERMS["no_answers"]
    return why.get(lang)
