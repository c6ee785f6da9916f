"""Course days: the monoprofessional course first, and the own area's cohort."""

from __future__ import annotations

import learnmeet as lm
from examples import HOME_CARE_S, NURSE_N, attend, pro
from learnmeet.rules import _courses
from rule_cases import (
    VALID,
    BreachTable,
    each_rule_tests,
    with_attendees,
    with_changes,
)

BREACHES: BreachTable = {
    "LM119": (
        lambda: with_attendees(
            "course_day",
            *VALID["course_day"].attendees,
            attend(pro("new", "nurse", NURSE_N.unit, course=False)),
        ),
    ),
    "LM120": (
        lambda: with_attendees(
            "course_day",
            *VALID["course_day"].attendees,
            attend(pro("south", "nurse", HOME_CARE_S)),
        ),
        lambda: with_changes("course_day", cohort=None),
    ),
}


TestEachRule = each_rule_tests(BREACHES, _courses)


class TestPerAttendee:
    """Course and cohort are reported for each attendee they concern."""

    def test_each_attendee_without_the_course(self) -> None:
        late = [pro(f"new-{i}", "nurse", NURSE_N.unit, course=False) for i in (1, 2)]
        meeting = with_attendees(
            "course_day", *VALID["course_day"].attendees, *map(attend, late)
        )
        report = lm.validate(meeting)
        assert report.codes == {"LM119"}
        assert sorted(str(v.subject) for v in report.violations) == sorted(
            p.key for p in late
        )

    def test_a_unit_without_an_area(self) -> None:
        nowhere = lm.Unit(id="x", name="X", organisation=NURSE_N.unit.organisation)
        meeting = with_attendees(
            "course_day",
            *VALID["course_day"].attendees,
            attend(pro("x-1", "nurse", nowhere)),
        )
        report = lm.validate(meeting)
        assert report.codes == {"LM120"}
        assert "no area" in report.violations[0].message.en
