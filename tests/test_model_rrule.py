"""Recurrence rules: one reader and one set of limits for forums and series.

The reader refuses what RFC 5545 rules out and what learnmeet does not plan;
the walk gives dateutil's own answer, in bounded time, however rarely a rule
matches.
"""

from __future__ import annotations

import calendar
import time
import warnings
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet.model._rrule import (
    FIRST_WITHIN_YEARS,
    MAX_OCCURRENCES,
    MAX_TIMES_A_DAY,
    WRITE_A_RULE,
    Recurrence,
    _shift,
    check_rule,
    first_occurrence,
    read_rule,
    until_wall,
    walk,
)

CPH = lm.COPENHAGEN
START = datetime(2027, 1, 5, 13, 30, tzinfo=CPH)


def _read(text: object) -> Recurrence:
    return read_rule(text, where="Here", path=("rule",))


def _walls(
    rule: Recurrence, start: datetime, last: datetime, **kwargs: Any
) -> list[datetime]:
    """The walk's times, on the start's wall clock, without the zone."""
    found = list(walk(rule, start, last, **kwargs))
    assert all(moment.tzinfo is start.tzinfo for moment in found)
    assert all(moment.fold == 0 for moment in found)
    return [moment.replace(tzinfo=None) for moment in found]


def _first(rule: Recurrence, start: datetime) -> datetime | None:
    found = first_occurrence(rule, start)
    return None if found is None else found.replace(tzinfo=None)


def _refusal(text: object) -> lm.InvalidValueError:
    with pytest.raises(lm.InvalidValueError) as info:
        check_rule(text, START, where="Here", path=("rule",))
    error = info.value
    assert (error.where, error.path) == ("Here", ("rule",))
    assert error.reason.da != error.reason.en
    assert error.fix.da != error.fix.en
    return error


class TestReading:
    """What RFC 5545 (3.3.10) allows is read, in any case, into dateutil's
    terms; the defaults are RFC 5545's, not the process's."""

    def test_the_parts_are_read(self) -> None:
        rule = _read("freq=monthly;interval=2;byday=-1fr;wkst=su;until=20271231")
        assert rule.interval == 2
        assert rule.until == date(2027, 12, 31)
        assert rule.count is None
        assert rule.wkst == 6
        (days,) = (v for k, v in rule.options if k == "byweekday")
        assert [(d.weekday, d.n) for d in days] == [(4, -1)]

    def test_the_week_starts_on_monday_whatever_the_process_says(self) -> None:
        before = calendar.firstweekday()
        calendar.setfirstweekday(calendar.SUNDAY)
        try:
            rule = _read("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU")
            found = _walls(rule, START, datetime(2027, 2, 1))
        finally:
            calendar.setfirstweekday(before)
        assert rule.wkst == 0
        assert [d.day for d in found] == [10, 18, 24]  # weeks from Monday

    @pytest.mark.parametrize(
        ("until", "wall"),
        [
            ("20270301T080000Z", datetime(2027, 3, 1, 9)),
            ("20270301T090000", datetime(2027, 3, 1, 9)),
            ("20270301", datetime(2027, 3, 1, 23, 59, 59, 999_999)),
        ],
    )
    def test_until_in_utc_local_or_as_a_date(self, until: str, wall: datetime) -> None:
        rule = _read(f"FREQ=WEEKLY;UNTIL={until}")
        assert until_wall(rule, CPH) == wall
        assert until_wall(_read("FREQ=WEEKLY"), CPH) is None

    def test_a_rule_is_read_once(self) -> None:
        assert _read("FREQ=WEEKLY;BYDAY=TU") is _read("FREQ=WEEKLY;BYDAY=TU")


class TestRefusals:
    """Each kind of rule dateutil would misread, loop on or quietly empty is
    refused, saying why, in Danish and English."""

    @pytest.mark.parametrize(
        ("rule", "says"),
        [
            # Not a rule at all.
            (None, "expected a recurrence rule"),
            ("  ", "expected a recurrence rule"),
            ("RRULE:FREQ=WEEKLY", "without 'RRULE:'"),
            ("EXDATE:20270105", "without EXDATE and RDATE lines"),
            ("DTSTART;TZID=Europe/Copenhagen:20270105T090000", "without 'RRULE:'"),
            ("FREQ=WEEKLY\nBYDAY=TU", "without 'RRULE:'"),
            ("FREQ=WEEKLY;;BYDAY=TU", "is not NAME=VALUE"),
            ("FREQ=WEEKLY; BYDAY=TU", "unknown part"),
            ("FREQ=WEEKLY;BYEASTER=0", "unknown part"),
            ("FREQ=WEEKLY;FREQ=DAILY", "given twice"),
            ("BYDAY=TU", "FREQ is missing"),
            ("FREQ=FORTNIGHTLY", "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY"),
            ("x" * 1001, "over 1000 characters"),
            # Numbers: positive, whole, ASCII, in range.
            ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL must be a whole number of 1"),
            ("FREQ=WEEKLY;INTERVAL=-1", "INTERVAL must be a whole number of 1"),
            ("FREQ=WEEKLY;INTERVAL=1_0", "INTERVAL must be a whole number of 1"),
            ("FREQ=WEEKLY;INTERVAL=\u0662", "INTERVAL must be a whole number of 1"),
            ("FREQ=WEEKLY;INTERVAL=１", "INTERVAL must be a whole number of 1"),
            ("FREQ=WEEKLY;COUNT=-1", "COUNT must be a whole number of 1"),
            ("FREQ=WEEKLY;COUNT=0", "COUNT must be a whole number of 1"),
            ("FREQ=WEEKLY;COUNT=+3", "COUNT must be a whole number of 1"),
            ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY takes whole numbers 1-31"),
            ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY takes whole numbers"),
            ("FREQ=YEARLY;BYMONTH=-1", "BYMONTH takes whole numbers 1-12,"),
            ("FREQ=YEARLY;BYMONTH=13", "BYMONTH takes whole numbers"),
            ("FREQ=DAILY;BYHOUR=24", "BYHOUR takes whole numbers 0-23"),
            ("FREQ=DAILY;BYSECOND=60", "BYSECOND takes whole numbers 0-59"),
            ("FREQ=YEARLY;BYSETPOS=0;BYMONTH=1", "BYSETPOS takes whole numbers"),
            ("FREQ=WEEKLY;BYDAY=XX", "BYDAY takes weekdays"),
            ("FREQ=MONTHLY;BYDAY=54MO", "BYDAY takes weekdays"),
            ("FREQ=WEEKLY;WKST=XX", "WKST must be a weekday"),
            # Combinations RFC 5545 rules out, which dateutil reads its own way.
            ("FREQ=WEEKLY;BYDAY=1MO", "a numbered weekday (such as 1MO)"),
            ("FREQ=YEARLY;BYWEEKNO=1;BYDAY=1MO", "a numbered weekday"),
            ("FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY cannot be used with"),
            ("FREQ=MONTHLY;BYYEARDAY=1", "BYYEARDAY needs FREQ=YEARLY"),
            ("FREQ=MONTHLY;BYWEEKNO=1", "BYWEEKNO needs FREQ=YEARLY"),
            ("FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS needs another BYxxx"),
            ("FREQ=WEEKLY;COUNT=3;UNTIL=20270301", "COUNT and UNTIL must not both"),
            # UNTIL: a date or a date-time, in the years of the model.
            ("FREQ=WEEKLY;UNTIL=2027", "UNTIL must be a date"),
            ("FREQ=WEEKLY;UNTIL=20270230", "UNTIL must be a date"),
            ("FREQ=WEEKLY;UNTIL=20270301T250000Z", "UNTIL must be a date"),
            ("FREQ=WEEKLY;UNTIL=99991231", "year 9999 is outside"),
            # Beyond the limits.
            ("FREQ=HOURLY", "repeats more often than daily"),
            ("FREQ=MINUTELY;INTERVAL=30", "repeats more often than daily"),
            ("FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30;COUNT=1", "more often than"),
            ("FREQ=DAILY;BYHOUR=8,9,10,11,12,13", "meets 6 times a day"),
            ("FREQ=DAILY;BYHOUR=8,9;BYMINUTE=0,20,40", "meets 6 times a day"),
            ("FREQ=WEEKLY;COUNT=10001", "COUNT is at most 10,000"),
            # No occurrence within ten years of the start.
            ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "no meeting in the 10 years"),
            ("FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31", "no meeting in the 10 years"),
            ("FREQ=WEEKLY;UNTIL=20261231", "no meeting in the 10 years"),
            ("FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29", "no meeting in the"),
        ],
    )
    def test_refused_with_the_reason(self, rule: object, says: str) -> None:
        error = _refusal(rule)
        assert says in error.reason.en

    def test_the_danish_text_says_the_same(self) -> None:
        assert _refusal("FREQ=WEEKLY;INTERVAL=0").reason.da == (
            "ikke en gyldig gentagelsesregel (RFC 5545): INTERVAL skal være et helt "
            "tal på 1 eller mere, fik '0'"
        )
        assert _refusal("FREQ=HOURLY").reason.da.startswith(
            "gentagelsesreglen er uden for learnmeets grænser: FREQ=HOURLY"
        )

    def test_grammar_refusals_say_how_to_write_a_rule(self) -> None:
        assert _refusal("FREQ=WEEKLY;INTERVAL=0").fix == WRITE_A_RULE
        assert "BYHOUR=9,13" in _refusal("FREQ=HOURLY").fix.en

    def test_a_refused_part_never_repeats_a_cpr_number(self) -> None:
        for rule in ("FREQ=WEEKLY;X0102031234=1", "FREQ=WEEKLY;COUNT=0102031234"):
            error = _refusal(rule)
            for lang in ("da", "en"):
                assert "0102031234" not in error.message(lang)


class TestWalk:
    """The walk gives dateutil's own occurrences, up to the last time asked
    for, and stops soon after it however rarely the rule matches."""

    @given(
        rule=st.sampled_from(
            [
                "FREQ=WEEKLY;BYDAY=TU",
                "FREQ=WEEKLY;INTERVAL=3;WKST=SU;BYDAY=SU,TU",
                "FREQ=MONTHLY;BYDAY=-1FR",
                "FREQ=MONTHLY;BYMONTHDAY=31;INTERVAL=5",
                "FREQ=MONTHLY;BYMONTHDAY=-1;BYSETPOS=1",
                "FREQ=YEARLY;BYWEEKNO=1,53;BYDAY=MO",
                "FREQ=YEARLY;BYYEARDAY=-1,60",
                "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
                "FREQ=YEARLY;BYDAY=20MO",
                "FREQ=YEARLY;BYMONTH=12;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
                "FREQ=DAILY;INTERVAL=3;BYMONTH=2,8;BYHOUR=8,15",
                "FREQ=DAILY;COUNT=40;BYDAY=SA,SU",
                "FREQ=WEEKLY;UNTIL=20990101T000000Z",
            ]
        ),
        start=st.datetimes(
            min_value=datetime(1900, 1, 1),
            max_value=datetime(9950, 12, 31),
            timezones=st.just(CPH),
            allow_imaginary=False,
        ).map(lambda d: d.replace(microsecond=0)),
        years=st.sampled_from([0, 1, 4, 30]),
    )
    def test_the_same_as_dateutil_from_the_start(
        self, rule: str, start: datetime, years: int
    ) -> None:
        """dateutil is the oracle: the walk runs it in other years with the same
        calendar and brings the times back."""
        wall = start.replace(tzinfo=None, fold=0)
        last = wall + timedelta(days=365 * years + 40)
        text, _, until = rule.partition(";UNTIL=")
        plain = rrulestr(
            f"{text};WKST=MO" if "WKST" not in text else text, dtstart=wall
        )
        recurrence = _read(rule)
        if until:
            plain = plain.replace(until=until_wall(recurrence, CPH))
        expected = plain.between(wall, last, inc=True)
        assert _walls(recurrence, start, last) == expected

    @given(
        rule=st.sampled_from(
            [
                "FREQ=DAILY;INTERVAL=3",
                "FREQ=DAILY;BYHOUR=8,15;BYMINUTE=0,30",
                "FREQ=DAILY;BYDAY=MO,FR;BYSETPOS=-1;BYHOUR=9,10",
                "FREQ=WEEKLY;INTERVAL=2",
                "FREQ=WEEKLY;INTERVAL=3;WKST=SU;BYDAY=SU,TU",
                "FREQ=MONTHLY;INTERVAL=5",
                "FREQ=MONTHLY;BYDAY=-1FR;INTERVAL=2",
                "FREQ=MONTHLY;BYMONTHDAY=31",
                "FREQ=YEARLY;INTERVAL=3",
                "FREQ=YEARLY;BYWEEKNO=1,53;BYDAY=MO",
                "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;INTERVAL=2",
                "FREQ=WEEKLY;UNTIL=20991231",
            ]
        ),
        start=st.datetimes(
            min_value=datetime(1900, 1, 1),
            max_value=datetime(2100, 12, 31),
            timezones=st.just(CPH),
            allow_imaginary=False,
        ).map(lambda d: d.replace(microsecond=0)),
        skip=st.integers(0, 80 * 365),
    )
    def test_a_rule_without_count_walks_from_the_window(
        self, rule: str, start: datetime, skip: int
    ) -> None:
        """Walked from a later period, a rule gives the same times from there on
        as walked from its start: INTERVAL's phase, the week's first day and
        what dateutil takes from DTSTART are kept."""
        recurrence = _read(rule)
        first = start.replace(tzinfo=None, fold=0)
        target = first + timedelta(days=skip)
        last = target + timedelta(days=800)
        whole = [o for o in _walls(recurrence, start, last) if o >= target]
        skipped = _walls(recurrence, start, last, skip_to=target)
        assert [o for o in skipped if o >= target] == whole
        assert all(o >= first for o in skipped)

    @given(
        first=st.integers(1900, 9998),
        length=st.integers(0, 120),
    )
    def test_the_years_walked_have_the_same_calendar(
        self, first: int, length: int
    ) -> None:
        last = min(first + length, 9998)
        shift = _shift(first, last)
        assert shift >= 0
        assert last + 1 + shift <= 9999
        for year in range(first - 1, last + 2):
            assert calendar.isleap(year + shift) == calendar.isleap(year)
            assert date(year + shift, 1, 1).weekday() == date(year, 1, 1).weekday()
        # dateutil stops after 9999: at most 400 years past the last year asked.
        assert 9999 - shift - last <= 400

    @pytest.mark.parametrize("year", [1900, 2027, 2098, 5000, 9990])
    def test_a_rule_that_never_matches_stops(self, year: int) -> None:
        """Read without the first-occurrence check, 30 February would walk to
        year 9999; the walk stops within a few centuries of calendar."""
        never = _read("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30")
        start = datetime(year, 1, 1, 9, tzinfo=CPH)
        began = time.perf_counter()
        assert _walls(never, start, datetime(year + 5, 1, 1)) == []
        assert time.perf_counter() - began < 2.0

    def test_nothing_before_the_start_or_after_until(self) -> None:
        rule = _read("FREQ=WEEKLY;UNTIL=20270301")
        assert _walls(rule, START, START.replace(tzinfo=None) - timedelta(1)) == []
        assert _walls(rule, START, datetime(2030, 1, 1))[-1] == datetime(
            2027, 2, 23, 13, 30
        )
        late = START.replace(year=2028)
        assert _walls(rule, late, datetime(2030, 1, 1)) == []

    def test_the_last_year_of_the_range(self) -> None:
        start = datetime(9998, 12, 1, 9, tzinfo=CPH)
        found = _walls(_read("FREQ=DAILY"), start, datetime(9999, 12, 31))
        assert (found[0].day, found[-1]) == (1, datetime(9998, 12, 31, 9))

    def test_the_first_occurrence_is_looked_for_ten_years(self) -> None:
        leap = _read("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29")
        # 2097's next 29 February is in 2104: seven years on, and found.
        start = datetime(2097, 3, 1, 9, tzinfo=CPH)
        assert _first(leap, start) == datetime(2104, 2, 29, 9)
        # A Monday 29 February after 2027 first comes in 2044: refused.
        monday = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO"
        assert _first(_read(monday), START) is None
        assert FIRST_WITHIN_YEARS == 10
        late = datetime(9995, 3, 1, 9, tzinfo=CPH)
        assert _first(leap, late) == datetime(9996, 2, 29, 9)
        assert _first(leap, START.replace(year=2024, month=2, day=29))


class TestLimits:
    """A rule taken never meets more than five times a day, so five years
    never hold 10,000 occurrences."""

    def test_five_a_day_over_five_years_stays_under_the_cap(self) -> None:
        rule = _read("FREQ=DAILY;BYHOUR=8,10,12,14,16")
        assert MAX_TIMES_A_DAY == 5
        found = _walls(rule, START, START.replace(tzinfo=None) + timedelta(1827))
        assert len(found) <= MAX_OCCURRENCES


class TestRulesAsWritten:
    """Rules are read as calendar programs write them, and what RFC 5545 forbids
    is refused in words, with no warning of dateutil's let through."""

    START = datetime(2027, 3, 23, 9, tzinfo=ZoneInfo("Europe/Copenhagen"))

    @pytest.mark.parametrize(
        "rule",
        ["FREQ=WEEKLY;COUNT=2;", "freq=weekly;count=2", "Freq=Weekly;Count=2;"],
    )
    def test_case_and_a_trailing_semicolon(self, rule: str) -> None:
        canonical = read_rule("FREQ=WEEKLY;COUNT=2", where="", path=())
        read = read_rule(rule, where="", path=())
        assert attrs.evolve(read, text=canonical.text) == canonical

    @pytest.mark.parametrize(
        ("rule", "said"),
        [
            ("FREQ=WEEKLY;COUNT=2;UNTIL=20270601T000000Z", "COUNT and UNTIL"),
            ("FREQ=WEEKLY;UNTIL=20270601;COUNT=2", "COUNT and UNTIL"),
            ("FREQ=WEEKLY;COUNT=0", "COUNT must be a whole number of 1 or more"),
            ("FREQ=WEEKLY;COUNT=-1", "COUNT must be a whole number of 1 or more"),
            ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL must be a whole number of 1 or more"),
            ("FREQ=FORTNIGHTLY", "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY"),
            ("FREQ=WEEKLY;;COUNT=2", "is not NAME=VALUE"),
            ("FREQ=WEEKLY;COUNT=2;;", "is not NAME=VALUE"),
        ],
    )
    def test_refused_with_no_warning(self, rule: str, said: str) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(lm.InvalidValueError) as info:
                check_rule(rule, self.START, where="Series", path=("rule",))
        assert said in info.value.reason.en
        assert info.value.location == "Series.rule"


@settings(max_examples=60, deadline=None)
@given(
    parts=st.permutations(["FREQ=WEEKLY", "BYDAY=TU,TH", "INTERVAL=2", "COUNT=5"]),
    cases=st.lists(st.booleans(), min_size=4, max_size=4),
    trailing=st.booleans(),
)
def test_any_order_case_and_trailing_semicolon_read_the_same(
    parts: list[str], cases: list[bool], trailing: bool
) -> None:
    written = ";".join(
        p.lower() if lower else p for p, lower in zip(parts, cases, strict=True)
    ) + (";" if trailing else "")
    canonical = read_rule(
        "FREQ=WEEKLY;BYDAY=TU,TH;INTERVAL=2;COUNT=5", where="", path=()
    )
    read = read_rule(written, where="", path=())
    assert attrs.evolve(read, text=canonical.text) == canonical
