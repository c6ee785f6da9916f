"""The CPR detector: every writing of a CPR number is seen, and redacted.

Where a CPR number is refused (identifiers, free text, labels, messages) is
in test_exceptions.py and the tests of each value.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta, timezone

import pytest
from hypothesis import example, given, strategies as st

import learnmeet as lm
from learnmeet import _cpr
from learnmeet.strategies import cpr_numbers

_AROUND = st.sampled_from(["", "Borger ", "sag: ", "CPR "])

_OFFSETS = st.timedeltas(
    min_value=timedelta(hours=-23, minutes=-59, seconds=-59),
    max_value=timedelta(hours=23, minutes=59, seconds=59),
).map(timezone)
"""A fixed offset of any size Python accepts, seconds and microseconds too."""

_AWARE = st.datetimes(timezones=st.one_of(st.timezones(), _OFFSETS))
"""Aware date-times in any zone: ``isoformat()`` writes their offset."""

_STAMPS = st.builds(
    lambda moment, spec, sep, suffix: moment.isoformat(sep, spec) + suffix,
    _AWARE,
    st.sampled_from(["auto", "hours", "minutes", "seconds", "milliseconds"]),
    st.sampled_from(["T", " "]),
    st.sampled_from(["", "[Europe/Copenhagen]", "[!u-ca=iso8601]"]),
)
"""ISO 8601 / RFC 3339 time stamps, with RFC 9557's suffix at times."""


class TestDetector:
    """A CPR number is seen however it is written, and only a CPR number."""

    @given(cpr_numbers(), _AROUND)
    def test_every_writing_is_seen(self, cpr: str, before: str) -> None:
        assert lm.looks_like_cpr(before + cpr + " har smerter")

    @pytest.mark.parametrize(
        ("text", "found"),
        [
            ("borger B-017", False),
            ("tlf. 4512 3456", False),
            ("tlf. 45 12 34 56", False),
            ("2026-03-01 09:00", False),
            ("01.02.2026", False),
            ("kl. 1030-1130", False),
            # a date with a four-digit year and a time, as notes write them
            ("mødet 01.02.2026 09:30", False),
            ("mødet 01.02.2026 0930", False),
            ("logget 2026-03-01 09:00:00", False),
            ("fra 01/02/2026 09:30:00 til 10:00", False),
            ("31-12-2027 kl. 23.59", False),
            ("2026-03-01T09:15:07.123456+01:00", False),  # isoformat()
            ("varighed 0:15:07.123456", False),  # str(timedelta)
            # the documented false positives: refusing errs on the safe side
            ("Ordre 1012251234", True),
            ("01.02.26 0930", True),
            ("01.02.26 09:30", True),
        ],
    )
    def test_what_is_not_a_cpr_number(self, text: str, found: bool) -> None:
        assert lm.looks_like_cpr(text) is found

    @pytest.mark.parametrize(
        "text",
        [
            "120304_5678",
            "120304:5678",
            "120304,5678",
            "120304·5678",
            "120304\\5678",
            "120304--5678",
            "120304⁄5678",  # fraction slash
            "120304∕5678",  # division slash
            "12  03  04  5678",
            "12 - 03 - 04 - 5678",
            "120304-56 78",
            "120304-56 78.",
            "Borger 120304-5678 12 år",  # four digits, then any number
        ],
    )
    def test_any_run_of_up_to_three_separators(self, text: str) -> None:
        assert lm.looks_like_cpr(text)

    @pytest.mark.parametrize(
        ("text", "found"),
        [
            ("120304 -_5678", True),  # three characters between
            ("120304 -_ 5678", False),  # four
            ("120304-56 78 90", False),  # two pairs, then more digits
            ("1 120304-56 78", False),  # and before
            ("120304-5678 90", True),  # four digits are a serial whatever follows
        ],
    )
    def test_where_a_separator_ends(self, text: str, found: bool) -> None:
        assert lm.looks_like_cpr(text) is found

    @pytest.mark.parametrize(
        "hidden",
        [
            "\ufe0f",  # variation selector 16
            "\ufe00",
            "\U000e0100",  # variation selector 17
            "\U000e01ef",
            "\u034f",  # combining grapheme joiner
            "\u115f",  # Hangul choseong filler
            "\u1160",
            "\u3164",  # Hangul filler
            "\uffa0",  # halfwidth Hangul filler
            "\u180b",  # Mongolian free variation selectors
            "\u180f",
            "\u17b4",  # Khmer inherent vowels
            "\u17b5",
            "\u2800",  # braille blank
            "\U000e0030",  # tag digit zero
            "\u0336",  # combining long stroke
        ],
        ids=lambda c: f"U+{ord(c):04X}",
    )
    def test_a_character_that_draws_nothing_hides_nothing(self, hidden: str) -> None:
        text = f"2{hidden}80205-4321"
        assert lm.looks_like_cpr(text)
        assert _cpr.redact(f"før {text} efter") == "før [CPR] efter"
        with pytest.raises(lm.PersonalDataError):
            lm.Citizen(text)

    def test_the_ignorable_ranges_are_unicodes(self) -> None:
        """Every range is one of DerivedCoreProperties.txt, checked by category:
        a default-ignorable code point is a format character, a mark, a filler
        letter or unassigned, never a digit, a space or punctuation."""
        seen = _cpr._DRAWS_NOTHING
        for code in range(0x110000):
            char = chr(code)
            if seen.match(char) and code != 0x2800:
                assert unicodedata.category(char) in {"Cf", "Mn", "Lo", "Cn"}, code
        assert [c for c in "0 -\u2070\U000e1000" if seen.match(c)] == []
        assert [c for c in "\u2064\U000e0fff" if seen.match(c)] == list(
            "\u2064\U000e0fff"
        )

    def test_a_hostile_text_is_read_in_one_pass(self) -> None:
        """The pattern has no nested or unbounded repetition: each separator
        run holds no digit and is followed by one, so it matches in one way
        only. A long run of digits and separators is read, not backtracked."""
        assert not re.search(r"[*+]|\{\d*,\}", _cpr._CPR.pattern)
        hostile = "01-" * 1800 + "0 1 0 2 " * 600
        assert len(hostile) >= 10_000
        assert not lm.looks_like_cpr(hostile)
        assert _cpr.redact(hostile) == hostile

    @given(
        st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
        st.times(),
        st.sampled_from(
            [
                "{d:%d.%m.%Y} {t:%H:%M}",
                "{d:%d.%m.%Y} {t:%H%M}",
                "{d:%d-%m-%Y} kl. {t:%H.%M}",
                "{d:%Y-%m-%d} {t:%H:%M:%S}",
                "{d:%d/%m/%Y} {t:%H:%M:%S}",
                "{d:%d.%m.%Y}, {t:%H:%M}-{t:%H:%M}",
                "{d:%Y-%m-%d} {t}",
                "{d:%d.%m.%Y} {t}",
            ]
        ),
    )
    def test_a_date_with_a_four_digit_year_and_a_time_is_no_cpr_number(
        self, day: date, time: object, shape: str
    ) -> None:
        assert not lm.looks_like_cpr(shape.format(d=day, t=time))

    @pytest.mark.parametrize(
        "text",
        [
            "2025-01-08T03:01:00+01:00",
            "2025-01-08T03:01:00+01:00[Europe/Copenhagen]",
            "2025-01-08 10:11:12-05:30",
            "2025-01-08T10:11:12.1234+01:00",  # RFC 3339: any fraction
            "1900-01-01T00:01:11+00:50:20",  # a zone's local mean time
            "start 2025-01-08T03:01:00+01:00, slut 2025-01-08T04:01:00+01:00",
        ],
    )
    def test_an_iso_time_stamp_is_no_cpr_number(self, text: str) -> None:
        assert not lm.looks_like_cpr(text)
        assert _cpr.redact(text) == text

    @given(_STAMPS)
    @example("2025-01-08T03:01:00+01:00")
    @example("1911-01-01T01:01-00:16:08")  # timespec="minutes", a mean time
    def test_every_isoformat_of_an_aware_time_is_no_cpr_number(
        self, stamp: str
    ) -> None:
        assert not lm.looks_like_cpr(stamp)
        assert not lm.looks_like_cpr(f"mødet {stamp}, slut {stamp}")

    @given(_STAMPS, cpr_numbers(), _AROUND)
    def test_a_cpr_number_beside_a_time_stamp_is_seen(
        self, stamp: str, cpr: str, before: str
    ) -> None:
        text = f"{stamp} hos {before}{cpr} har smerter {stamp}"
        assert lm.looks_like_cpr(text)
        assert "[CPR]" in _cpr.redact(text)

    @pytest.mark.parametrize(
        "text",
        [
            "2026-03-01T120304-5678",  # no colons: no time
            "2026-03-01 12:03:04-5678",  # no offset: four digits
            "2026-03-01 12:03:04 5678",
            "2026-03-01T12:03:04+56:78",  # no offset has 56 hours
            "2026-03-01T12:03:04.5678",  # a fraction of four is a serial
        ],
    )
    def test_a_cpr_number_after_a_date_is_seen(self, text: str) -> None:
        assert lm.looks_like_cpr(text)

    def test_a_number_beside_another_is_redacted_too(self) -> None:
        """A number in pairs is seen once its neighbour is gone, so redacting
        reads again until nothing is left."""
        text = "120304-5678, 130405-67 89"
        assert _cpr.redact(text) == "[CPR], [CPR]"

    @given(cpr_numbers(), st.text(max_size=10), st.text(max_size=10))
    def test_redact_removes_the_number_and_keeps_the_rest(
        self, cpr: str, before: str, after: str
    ) -> None:
        text = f"{before} hos {cpr} har {after}"
        redacted = _cpr.redact(text)
        assert not lm.looks_like_cpr(redacted)
        assert "[CPR]" in redacted

    def test_redact_leaves_other_text_alone(self) -> None:
        assert _cpr.redact("borger B-017, tlf. 4512 3456") == (
            "borger B-017, tlf. 4512 3456"
        )
