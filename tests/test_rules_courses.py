"""Course days: the monoprofessional course first, and the own area's cohort."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
from hypothesis import given, strategies as st

import learnmeet as lm
from examples import HOME_CARE_S, NORTH, NURSE_N, attend, pro
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


class TestEachProfessionsOwnCourse:
    """Esbjerg ran one course per profession before the joint day: each
    attendee needs their own profession's course (issue 17)."""

    @staticmethod
    def _with(code: str, *courses: str) -> lm.Professional:
        return attrs.evolve(
            pro(f"x-{code}", code, NURSE_N.unit), completed_courses=courses
        )

    def test_each_with_their_own_course_passes(self) -> None:
        people = [
            self._with("sosu_assistant", "palliation_sosu"),
            self._with("sosu_helper", "palliation_sosu"),
            self._with("physiotherapist", "palliation_therapist"),
            self._with("gp", "palliation_mono"),
        ]
        day = with_attendees(
            "course_day", *VALID["course_day"].attendees, *map(attend, people)
        )
        assert "LM119" not in lm.validate(day).codes

    def test_another_professions_course_is_not_enough(self) -> None:
        nurse = self._with("nurse", "palliation_sosu")
        day = with_attendees(
            "course_day", *VALID["course_day"].attendees, attend(nurse)
        )
        (found,) = _courses.MISSING_COURSE.check(day, lm.RuleContext())
        assert "«palliationskursus for sygeplejersker»" in found.message.da
        assert "palliation_nurse" not in found.message.da

    def test_the_general_course_stands_for_ones_own(self) -> None:
        """Data from before a course per profession says 'palliation_mono'."""
        nurse = self._with("nurse", "palliation_mono")
        day = with_attendees(
            "course_day", *VALID["course_day"].attendees, attend(nurse)
        )
        assert list(_courses.MISSING_COURSE.check(day, lm.RuleContext())) == []

    def test_a_course_of_ones_own_is_named_as_a_code(self) -> None:
        fmt = VALID["course_day"].format
        own = attrs.evolve(
            fmt,
            requirements=attrs.evolve(
                fmt.requirements, prerequisite_courses={"nurse": "lindring-2027"}
            ),
        )
        day = attrs.evolve(VALID["course_day"], format=own)
        found = list(_courses.MISSING_COURSE.check(day, lm.RuleContext()))
        assert found
        assert "kurset med koden 'lindring-2027'" in found[0].message.da
        assert "the course coded 'lindring-2027'" in found[0].message.en

    @given(st.sampled_from(lm.PROFESSIONS))
    def test_the_course_asked_for_is_the_one_that_lets_in(
        self, profession: lm.Profession
    ) -> None:
        need = VALID["course_day"].format.requirements.prerequisite_for(profession)
        assert need is not None
        person = lm.Professional(
            id="y-1", profession=profession, unit=NURSE_N.unit, completed_courses={need}
        )
        assert _courses.missing_course(person, VALID["course_day"].format) is None
        bare = attrs.evolve(person, completed_courses=())
        reason = _courses.missing_course(bare, VALID["course_day"].format)
        assert reason is not None
        assert need not in reason.da


class TestAreasOfTwoMunicipalities:
    """Kommune B's "Nord" is not Kommune A's: B's staff are on the wrong
    cohort on A's course day (issue 17)."""

    def test_another_municipalitys_staff_are_told(self) -> None:
        b = lm.Organisation(
            "kommune-b", "Kommune B", lm.DEFAULT_CATALOG.sector("municipality")
        )
        nord_b = attrs.evolve(NORTH, organisation="kommune-b")
        unit = lm.Unit(
            id="b-hj", name="Hjemmeplejen Nord (B)", organisation=b, area=nord_b
        )
        guest = attrs.evolve(pro("b-1", "sosu_assistant", unit), unit=unit)
        day = with_attendees(
            "course_day", *VALID["course_day"].attendees, attend(guest)
        )
        report = lm.validate(day)
        assert report.codes == {"LM120"}
        message = report.violations[0].message
        assert "Kommune B" in message.da
        # The cohort's own municipality is named too: "Nord (Kommune B)" on
        # the cohort of "Nord" would say nothing.
        home = VALID["course_day"].professionals[0].unit.organisation.name
        assert f"holdet for {NORTH.label.da} ({home})" in message.da
        assert f"cohort of {NORTH.label.en} ({home})" in message.en

    def test_an_organisation_is_taken_as_its_id(self) -> None:
        b = lm.Organisation(
            "kommune-b", "Kommune B", lm.DEFAULT_CATALOG.sector("municipality")
        )
        assert lm.Area("nord", NORTH.label, organisation=b).organisation == "kommune-b"

    def test_an_area_of_no_municipality_shared_by_two_is_a_warning(self) -> None:
        """Areas that do not say whose they are: the data cannot tell, so warn."""
        label = lm.Label(da="Nord", en="North")
        shared = lm.Area("nord", label)
        units = [
            lm.Unit(
                id=f"{code}-hj",
                name=f"Hjemmeplejen ({name})",
                organisation=lm.Organisation(
                    code, name, lm.DEFAULT_CATALOG.sector("municipality")
                ),
                area=shared,
            )
            for code, name in (("kommune-a", "Kommune A"), ("kommune-b", "Kommune B"))
        ]
        first, second = (
            attrs.evolve(pro(f"x-{i}", "nurse", unit), unit=unit)
            for i, unit in enumerate(units)
        )
        day = with_changes(
            "course_day",
            attendees=[
                *VALID["course_day"].attendees[1:],
                attend(first),
                attend(second),
            ],
            cohort=lm.Cohort("hold-nord", shared),
        )
        found = [
            f
            for f in _courses.WRONG_COHORT.check(day, lm.RuleContext())
            if f.severity is lm.Severity.WARNING
        ]
        (warning,) = found
        assert "Kommune A og Kommune B" in warning.message.da
        owned = attrs.evolve(shared, organisation="kommune-a")
        assert not [
            f
            for f in _courses.WRONG_COHORT.check(
                attrs.evolve(day, cohort=lm.Cohort("hold-nord", owned)),
                lm.RuleContext(),
            )
            if f.severity is lm.Severity.WARNING
        ]


class TestAnExpiredCourse:
    """A prerequisite that expired before the course day does not count on it:
    the leader's question "who lacks a prerequisite before the course day" has
    the answer, and the message says when it expired."""

    def _nurse(self, expires: date) -> lm.Professional:
        done = lm.CourseCompletion(
            course="palliation_nurse",
            completed_on=expires - timedelta(days=2 * 365),
            expires_on=expires,
        )
        return attrs.evolve(
            pro("lapsed", "nurse", NURSE_N.unit, course=False), completions=[done]
        )

    def test_valid_on_the_day_lets_in(self) -> None:
        day = VALID["course_day"].start.date()
        meeting = with_attendees(
            "course_day", *VALID["course_day"].attendees, attend(self._nurse(day))
        )
        assert "LM119" not in lm.validate(meeting).codes

    def test_expired_before_the_day_is_reported(self) -> None:
        last = VALID["course_day"].start.date() - timedelta(days=1)
        nurse = self._nurse(last)
        meeting = with_attendees(
            "course_day", *VALID["course_day"].attendees, attend(nurse)
        )
        (found,) = _courses.MISSING_COURSE.check(meeting, lm.RuleContext())
        assert f"valid until {last.isoformat()} inclusive" in found.message.en
        assert f"gyldigt til og med {last.isoformat()}" in found.message.da
        day = VALID["course_day"].start.date()
        assert nurse.has_completed("palliation_nurse")
        assert not nurse.has_completed("palliation_nurse", day)
        why = _courses.missing_course(nurse, meeting.format, day)
        assert why is not None
        assert "(expired: completed" in why.en
        assert _courses.missing_course(nurse, meeting.format) is None

    def test_never_completed_says_no_expiry(self) -> None:
        day = VALID["course_day"].start.date()
        nurse = pro("new", "nurse", NURSE_N.unit, course=False)
        why = _courses.missing_course(nurse, VALID["course_day"].format, day)
        assert why is not None
        assert "expired" not in why.en
