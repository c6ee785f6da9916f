"""What the evaluation exports share: their words, and how they write numbers.

Danish writes a decimal comma and English a decimal point; both put a space
before the per cent sign.
"""

from __future__ import annotations

from learnmeet.model._labels import Label, Lang

__all__ = ["TERMS", "csv_number", "number", "percent"]

TERMS = {
    "rates": Label(da="Svarprocent", en="Response rate"),
    "invitations": Label(da="invitationer", en="invitations"),
    "yield": Label(da="Udbytte", en="Yield"),
    "levels": Label(da="Kirkpatrick-niveauer", en="Kirkpatrick levels"),
    "themes": Label(da="Temaer", en="Themes"),
    "quotes": Label(da="citater", en="quotes"),
    "group": Label(da="gruppe", en="group"),
    "respondents": Label(da="svarpersoner", en="respondents"),
    "responses": Label(da="svar", en="responses"),
    "mean": Label(da="gns. udbytte", en="mean yield"),
    "score": Label(da="gns. score (0–100)", en="mean score (0–100)"),
    "share": Label(da="højt udbytte", en="high yield"),
    "ci": Label(da="konfidensinterval", en="confidence interval"),
    "level": Label(da="niveau", en="level"),
    "items": Label(da="spørgsmål", en="items"),
    "no_items": Label(da="ingen spørgsmål", en="no items"),
    "free_text": Label(
        da="fritekstsvar (vises ikke)", en="free-text answers (not shown)"
    ),
    "chart": Label(
        da="Andel med højt udbytte efter mødeform",
        en="Share reporting high yield, by format",
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
