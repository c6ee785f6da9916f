"""Existing forums: the recurring meetings staff already hold, as values.

A forum records who meets, where, when first and how often; learning is
attached to it later (planning). Here: what a forum accepts and refuses.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from dateutil.rrule import rrulestr
from hypothesis import example, given, strategies as st

import learnmeet as lm
from examples import HOME_CARE_N, NURSE_N, PT_N, SSA_N
from learnmeet.model._forums import WRITE_A_RULE
from learnmeet.model._rrule import MAX_OCCURRENCES

CPH = lm.COPENHAGEN
FORUM = lm.Forum(
    id="tirsdag-nord",
    name="Tirsdagsmøde, hjemmeplejen Nord",
    unit=HOME_CARE_N,
    members=[NURSE_N, SSA_N],
    first_start=datetime(2027, 1, 5, 13, 30, tzinfo=CPH),
    duration=timedelta(minutes=45),
    recurrence="FREQ=WEEKLY;BYDAY=TU",
)


VALUES = ["WEEKLY", "DAILY", "MONTHLY", "TU", "1WE", "MO,FR", "2", "-1", "40", "", "ZZ"]
"""Values of rule parts, some of them wrong for some parts."""


def _refused(**changes: Any) -> lm.InvalidValueError:
    with pytest.raises(lm.InvalidValueError) as info:
        attrs.evolve(FORUM, **changes)
    return info.value


class TestAForum:
    """A forum is a unit's recurring meeting: members once each, an aware first
    start, a positive duration in whole minutes."""

    def test_members_become_a_tuple(self) -> None:
        forum = attrs.evolve(FORUM, members=[NURSE_N, SSA_N, PT_N])
        assert forum.members == (NURSE_N, SSA_N, PT_N)
        assert attrs.evolve(FORUM, members=()).members == ()

    def test_a_member_listed_twice(self) -> None:
        error = _refused(members=[NURSE_N, SSA_N, NURSE_N])
        assert (error.where, error.path) == ("Forum", ("members", 2))
        assert error.reason.en == "the professional 'p-01' is listed twice"
        assert error.reason.da == "fagpersonen 'p-01' står der to gange"

    def test_only_professionals_are_members(self) -> None:
        with pytest.raises(lm.WrongTypeError) as info:
            attrs.evolve(FORUM, members=[NURSE_N, lm.Citizen("B-101")])  # type: ignore[list-item]
        assert info.value.path == ("members", 1)

    def test_the_first_start_has_a_zone(self) -> None:
        with pytest.raises(lm.NaiveDatetimeError) as info:
            attrs.evolve(FORUM, first_start=datetime(2027, 1, 5, 13, 30))
        assert (info.value.where, info.value.path) == ("Forum", ("first_start",))

    @pytest.mark.parametrize("minutes", [0, -30])
    def test_the_duration_is_positive(self, minutes: int) -> None:
        error = _refused(duration=timedelta(minutes=minutes))
        assert error.path == ("duration",)

    def test_a_name_with_a_cpr_number_is_refused(self) -> None:
        with pytest.raises(lm.PersonalDataError) as info:
            attrs.evolve(FORUM, name="Møde om 010203-1234")
        assert info.value.path == ("name",)
        assert "010203" not in info.value.message("en")


class TestRecurrence:
    """The recurrence is the parts of one RFC 5545 rule, nothing more; a refused
    rule says how to write one, in both languages."""

    @pytest.mark.parametrize(
        "rule",
        [
            "FREQ=WEEKLY;BYDAY=TU",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
            "FREQ=MONTHLY;BYDAY=1WE",
            "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=20",
            "freq=weekly;byday=tu",
        ],
    )
    def test_rules_that_are_taken(self, rule: str) -> None:
        assert attrs.evolve(FORUM, recurrence=rule).recurrence == rule

    @pytest.mark.parametrize(
        ("rule", "says"),
        [
            ("", "expected a recurrence rule (RFC 5545)"),
            ("   ", "expected a recurrence rule (RFC 5545)"),
            (None, "expected a recurrence rule (RFC 5545)"),
            ("RRULE:FREQ=WEEKLY", "without 'RRULE:' or 'DTSTART'"),
            ("rrule:FREQ=WEEKLY", "without 'RRULE:' or 'DTSTART'"),
            ("DTSTART:20270105T133000", "without 'RRULE:' or 'DTSTART'"),
            ("FREQ=WEEKLY\nFREQ=DAILY", "without 'RRULE:' or 'DTSTART'"),
            ("FREQ=SOMETIMES", "not a valid RFC 5545 recurrence rule"),
            ("FREQ=WEEKLY;BYDAY=XX", "not a valid RFC 5545 recurrence rule"),
            ("BYDAY=TU", "not a valid RFC 5545 recurrence rule"),
            ("every tuesday", "not a valid RFC 5545 recurrence rule"),
        ],
    )
    def test_rules_that_are_refused(self, rule: object, says: str) -> None:
        error = _refused(recurrence=rule)
        assert says in error.reason.en
        assert error.reason.da != error.reason.en
        assert (error.where, error.path) == ("Forum", ("recurrence",))
        assert error.fix == WRITE_A_RULE
        assert "FREQ=WEEKLY;BYDAY=TU" in error.fix.da
        assert "FREQ=WEEKLY;BYDAY=TU" in error.fix.en

    @given(
        st.lists(
            st.tuples(
                st.sampled_from(
                    ["FREQ", "BYDAY", "INTERVAL", "COUNT", "BYMONTHDAY", "WKST", "X"]
                ),
                st.sampled_from(VALUES),
            ),
            min_size=1,
            max_size=4,
        ).map(lambda parts: ";".join(f"{k}={v}" for k, v in parts))
    )
    @example("FREQ=WEEKLY;BYDAY=TU")
    @example("FREQ=WEEKLY;;BYDAY=TU")
    def test_takes_nothing_dateutil_refuses(self, rule: str) -> None:
        """dateutil is an oracle one way: a rule it cannot read is refused; one
        it reads may still be refused by learnmeet's stricter reading."""
        try:
            rrulestr(rule)
        except Exception:
            error = _refused(recurrence=rule)
            assert error.path == ("recurrence",)
            assert error.reason.da != error.reason.en
        else:
            try:
                forum = attrs.evolve(FORUM, recurrence=rule)
            except lm.InvalidValueError as error:
                refused: lm.InvalidValueError | None = error
            else:
                refused = None
                assert forum.recurrence == rule
            assert refused is None or refused.path == ("recurrence",)

    @given(st.text(max_size=40))
    def test_any_text_is_taken_or_refused_with_an_invalid_value_error(
        self, rule: str
    ) -> None:
        try:
            forum = attrs.evolve(FORUM, recurrence=rule)
        except lm.InvalidValueError as error:
            refused: lm.InvalidValueError | None = error
        else:
            refused = None
            assert forum.recurrence == rule
            assert rule.strip()
            assert "\n" not in rule
        assert refused is None or refused.path == ("recurrence",)

    def test_the_first_start_is_in_an_iana_zone(self) -> None:
        fixed = datetime(2027, 1, 5, 13, 30, tzinfo=timezone(timedelta(hours=1)))
        error = _refused(first_start=fixed)
        assert error.path == ("first_start",)
        assert "IANA zone" in error.reason.en


# Rule parts with values, some wrong, some beyond the limits, for the property
# that whatever a forum takes, planning can expand.
_RULE_PARTS = st.lists(
    st.one_of(
        st.tuples(st.just("INTERVAL"), st.sampled_from(["1", "2", "3", "0", "-1"])),
        st.tuples(st.just("COUNT"), st.sampled_from(["1", "5", "52", "0", "-1"])),
        st.tuples(st.just("UNTIL"), st.sampled_from(["20270301", "20261231", "2027"])),
        st.tuples(st.just("BYDAY"), st.sampled_from(["TU", "MO,FR", "1WE", "-1FR"])),
        st.tuples(st.just("BYMONTHDAY"), st.sampled_from(["1", "-1", "29", "30"])),
        st.tuples(st.just("BYMONTH"), st.sampled_from(["2", "4", "1,7"])),
        st.tuples(st.just("BYHOUR"), st.sampled_from(["9", "9,13", "6,7,8,9,10,11"])),
        st.tuples(st.just("BYMINUTE"), st.sampled_from(["0", "0,30"])),
        st.tuples(st.just("BYSETPOS"), st.sampled_from(["1", "-1"])),
        st.tuples(st.just("WKST"), st.sampled_from(["MO", "SU"])),
    ),
    max_size=4,
)
_FREQS = st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY", "MINUTELY"])


class TestTheSeriesOfAForum:
    """A rule a forum takes is one its series can expand, within the limits:
    the forum checks it with the reader and limits Series uses."""

    @pytest.mark.parametrize(
        "rule",
        [
            "FREQ=WEEKLY;BYDAY=TU",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
            "FREQ=MONTHLY;BYDAY=1WE",
            "FREQ=WEEKLY;UNTIL=20270301T000000Z",
        ],
    )
    def test_the_usual_rules_expand(self, rule: str) -> None:
        forum = attrs.evolve(FORUM, recurrence=rule)
        found = lm.forum_series(forum).occurrences(
            before=datetime(2027, 3, 1, tzinfo=CPH)
        )
        assert found
        assert found[0] >= FORUM.first_start
        assert all(moment.tzinfo is CPH for moment in found)

    @pytest.mark.parametrize(
        ("rule", "says"),
        [
            # The three a forum used to take and its series could not expand.
            ("FREQ=WEEKLY;UNTIL=2027", "UNTIL must be a date"),
            ("EXDATE:20270105", "without EXDATE and RDATE lines"),
            ("FREQ=WEEKLY;INTERVAL=-1", "INTERVAL must be a whole number of 1"),
            # dateutil never returns from INTERVAL=0, and COUNT=-1 gives nothing.
            ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL must be a whole number of 1"),
            ("FREQ=WEEKLY;COUNT=-1", "COUNT must be a whole number of 1"),
            ("FREQ=WEEKLY;COUNT=0", "COUNT must be a whole number of 1"),
            ("FREQ=WEEKLY;COUNT=4;UNTIL=20270301", "COUNT and UNTIL must not both"),
            # Rules that made planning run for minutes.
            ("FREQ=MINUTELY", "repeats more often than daily"),
            ("FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30", "repeats more often than daily"),
            ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "no meeting in the 10 years"),
            ("FREQ=WEEKLY;UNTIL=20261231", "no meeting in the 10 years"),
        ],
    )
    def test_a_rule_its_series_could_not_expand_is_refused(
        self, rule: str, says: str
    ) -> None:
        error = _refused(recurrence=rule)
        assert says in error.reason.en
        assert (error.where, error.path) == ("Forum", ("recurrence",))
        # The same reader, the same words, for a series of the same rule.
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Series(start=FORUM.first_start, rule=rule)
        assert (info.value.where, info.value.path) == ("Series", ("rule",))
        assert info.value.reason == error.reason

    @given(freq=_FREQS, parts=_RULE_PARTS)
    def test_any_rule_a_forum_takes_expands_within_the_limits(
        self, freq: str, parts: list[tuple[str, str]]
    ) -> None:
        rule = ";".join([f"FREQ={freq}", *(f"{k}={v}" for k, v in dict(parts).items())])
        try:
            forum = attrs.evolve(FORUM, recurrence=rule)
        except lm.InvalidValueError:
            with pytest.raises(lm.InvalidValueError):
                lm.Series(start=FORUM.first_start, rule=rule)
            return
        series = lm.forum_series(forum)
        start = FORUM.first_start
        five = timedelta(days=1827)  # the longest window a plan asks for
        found = series.occurrences(start, start + five)
        assert len(found) <= MAX_OCCURRENCES
        assert all(start <= moment <= start + five for moment in found)
        assert list(found) == sorted(found)
        # The first meeting comes within ten years of the first start.
        assert found or series.occurrences(start + five, start + 2 * five)
