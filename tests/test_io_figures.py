"""How the evaluation exports write numbers, and the words they share.

Danish writes a decimal comma and English a decimal point; both put a space
before the per cent sign; a figure that is not there is a dash.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import given, strategies as st

from learnmeet.io._figures import TERMS, csv_number, number, percent

SHARES = st.floats(min_value=0, max_value=1, allow_nan=False)
VALUES = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


class TestPercent:
    """A share is written as a percentage, with the language's decimal mark."""

    @pytest.mark.parametrize(
        ("value", "digits", "da", "en"),
        [
            (0.647, 1, "64,7 %", "64.7 %"),
            (0.5, 1, "50,0 %", "50.0 %"),
            (1, 1, "100,0 %", "100.0 %"),
            (0.95, 0, "95 %", "95 %"),
            (0.12345, 2, "12,35 %", "12.35 %"),
        ],
    )
    def test_examples(self, value: float, digits: int, da: str, en: str) -> None:
        assert percent(value, "da", digits) == da
        assert percent(value, "en", digits) == en

    def test_no_value_is_a_dash(self) -> None:
        assert percent(None, "da") == percent(None, "en") == "–"

    @given(SHARES | VALUES, st.integers(0, 3))
    def test_a_comma_in_danish_and_a_point_in_english(
        self, value: float, digits: int
    ) -> None:
        da, en = percent(value, "da", digits), percent(value, "en", digits)
        assert da.endswith(" %")
        assert en.endswith(" %")
        assert "," not in en
        assert "." not in da
        assert da == en.replace(".", ",")
        assert float(en.removesuffix(" %")) == pytest.approx(
            100 * value, abs=10**-digits
        )
        if digits:
            assert en.removesuffix(" %").split(".")[1].isdigit()
            assert len(en.removesuffix(" %").split(".")[1]) == digits


class TestNumber:
    """A number is written with one decimal, in the language's decimal mark."""

    @pytest.mark.parametrize(
        ("value", "da", "en"),
        [(64.583, "64,6", "64.6"), (100, "100,0", "100.0"), (None, "–", "–")],
    )
    def test_examples(self, value: float | None, da: str, en: str) -> None:
        assert (number(value, "da"), number(value, "en")) == (da, en)

    @given(VALUES)
    def test_one_decimal_in_either_language(self, value: float) -> None:
        da, en = number(value, "da"), number(value, "en")
        assert da == en.replace(".", ",")
        assert "," not in en
        assert len(en.split(".")[1]) == 1
        # Half a tenth at most (0.75 rounds to 0.8), and a float's error.
        assert float(en) == pytest.approx(value, abs=0.05 + 1e-9)


class TestCsvNumber:
    """CSV is read by programs: four decimals, always a point, blank when absent."""

    def test_examples(self) -> None:
        assert csv_number(0.5) == "0.5000"
        assert csv_number(None) == ""

    @given(VALUES)
    def test_a_point_and_four_decimals(self, value: float) -> None:
        text = csv_number(value)
        assert "," not in text
        assert len(text.split(".")[1]) == 4
        assert float(text) == pytest.approx(value, abs=5e-5)


class TestTerms:
    """Every shared word is in both languages, and a slot for a number is in
    both or neither."""

    @pytest.mark.parametrize("key", sorted(TERMS))
    def test_both_languages(self, key: str) -> None:
        term = TERMS[key]
        assert term.da.strip()
        assert term.en.strip()
        slots = [
            {field for _, field, _, _ in string.Formatter().parse(text) if field}
            for text in (term.da, term.en)
        ]
        assert slots[0] == slots[1], key

    def test_the_few_term_takes_the_threshold(self) -> None:
        assert TERMS["few"].da.format(n=5) == "færre end 5 svarpersoner"
        assert TERMS["few"].en.format(n=5) == "fewer than 5 respondents"
