"""Existing forums: the recurring meetings staff already hold, as values.

A forum records who meets, where, when first and how often; learning is
attached to it later (planning). Here: what a forum accepts and refuses.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import attrs
import pytest
from dateutil.rrule import rrulestr
from hypothesis import example, given, strategies as st

import learnmeet as lm
from examples import HOME_CARE_N, NURSE_N, PT_N, SSA_N
from learnmeet.model._forums import WRITE_A_RULE

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
            ("FREQ=SOMETIMES", "is not a valid recurrence rule"),
            ("FREQ=WEEKLY;BYDAY=XX", "is not a valid recurrence rule"),
            ("BYDAY=TU", "is not a valid recurrence rule"),
            ("every tuesday", "is not a valid recurrence rule"),
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
    def test_refuses_what_dateutil_refuses(self, rule: str) -> None:
        """dateutil is the oracle: a rule it cannot read is refused, one it can
        read is taken; nothing but an InvalidValueError ever escapes."""
        try:
            rrulestr(rule)
        except Exception:
            readable = False
        else:
            readable = True
        if readable:
            assert attrs.evolve(FORUM, recurrence=rule).recurrence == rule
        else:
            error = _refused(recurrence=rule)
            assert error.path == ("recurrence",)
            assert error.fix == WRITE_A_RULE

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


class TestTheSeriesOfAForum:
    """A rule a forum takes is one its series can expand: planning reads every
    forum's recurrence with learnmeet.Series."""

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

    @pytest.mark.xfail(
        strict=True,
        reason="learnmeet/model/_forums.py checks a rule with dateutil's rrulestr, "
        "which reads these; Series refuses them (or dateutil fails) only when "
        "the series is expanded",
    )
    @pytest.mark.parametrize(
        "rule",
        ["FREQ=WEEKLY;UNTIL=2027", "EXDATE:20270105", "FREQ=WEEKLY;INTERVAL=-1"],
    )
    def test_a_rule_the_forum_takes_but_its_series_cannot_expand(
        self, rule: str
    ) -> None:
        forum = attrs.evolve(FORUM, recurrence=rule)
        lm.forum_series(forum).occurrences(before=datetime(2027, 3, 1, tzinfo=CPH))
