"""What the evaluation exports share: their words, and how they write numbers.

Danish writes a decimal comma and English a decimal point; both put a space
before the per cent sign.
"""

from __future__ import annotations

from learnmeet.model._labels import Label, Lang

__all__ = ["TERMS", "csv_number", "number", "percent"]

TERMS = {
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


def percent(value: float | None, lang: Lang, digits: int = 1) -> str:
    if value is None:
        return "–"
    text = f"{100 * value:.{digits}f}"
    return f"{text.replace('.', ',') if lang == 'da' else text} %"


def number(value: float | None, lang: Lang) -> str:
    if value is None:
        return "–"
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "da" else text


def csv_number(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"
