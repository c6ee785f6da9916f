"""Strategies for meetings that fit their format, and for forums and scenarios."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings

import learnmeet as lm
from learnmeet import strategies as lst

MODEL_CODES = {m.code for m in lm.QUESTION_BANK.models}


class TestValidMeetings:
    """Generated meetings fit their format: validation finds nothing at all."""

    @pytest.mark.parametrize("code", [f.code for f in lm.FORMATS])
    def test_each_format(self, code: str) -> None:
        @settings(max_examples=15)
        @given(lst.meetings(format=code))
        def check(meeting: lm.Meeting) -> None:
            assert meeting.format.code == code
            report = lm.validate(meeting)
            assert report.violations == (), report.render("en")

        check()

    @given(lst.meetings())
    def test_requirements_hold_independently(self, meeting: lm.Meeting) -> None:
        """Checked here without the rules: the format's numbers themselves."""
        req = meeting.format.requirements
        assert len(meeting.professions) >= req.min_professions
        if req.max_professions is not None:
            assert len(meeting.professions) <= req.max_professions
        assert len(meeting.sectors) >= req.min_sectors
        if req.case_required:
            assert meeting.case is not None
        if req.citizen_present:
            assert meeting.case is not None
            assert meeting.attendee(meeting.case.citizen.key) is not None
        if req.at_citizen_home:
            assert meeting.location.kind is lm.LocationKind.CITIZEN_HOME
        if req.max_profession_groups is not None:
            groups = {
                p.profession.group_code
                for p in meeting.professionals
                if p.profession is not None
            }
            assert len(groups) <= req.max_profession_groups
        day = meeting.start.date()
        for p in meeting.professionals:
            own = req.prerequisite_for(p.profession)
            assert own is None or p.has_completed(own, day)
        facilitating = lm.AttendeeRole.FACILITATOR
        for a in meeting.attendees:
            person = a.person
            if not isinstance(person, lm.Professional):
                continue
            if req.required_role is not None and a.role is not facilitating:
                assert req.required_role in person.roles
            if req.facilitator_course is not None and a.role is facilitating:
                assert person.has_completed(req.facilitator_course, day)

    @given(lst.meetings(format="course_day", case_origin=lm.CaseOrigin.CONCRETE))
    def test_case_origin(self, meeting: lm.Meeting) -> None:
        assert meeting.case is None or meeting.case.is_concrete

    def test_fictional_where_refused_is_an_error(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="fictional"):
            lst.meetings(format="audit", case_origin=lm.CaseOrigin.FICTIONAL)

    def test_unknown_format_names_the_closest(self) -> None:
        with pytest.raises(lm.UnknownCodeError, match="audit"):
            lst.meetings(format="audt")

    @given(lst.meetings(min_attendees=6, max_attendees=10, format="learning_meeting"))
    def test_size_parameters(self, meeting: lm.Meeting) -> None:
        assert 6 <= len(meeting.professionals) <= 10


class TestScenarios:
    """A scenario lists the people, units, organisations and areas its meetings
    use, each once."""

    @given(lst.scenarios())
    def test_scenarios_are_consistent(self, scenario: lm.Scenario) -> None:
        ids = {p.id for p in scenario.professionals}
        assert all(p.id in ids for m in scenario.meetings for p in m.professionals)
        units = {u.id for u in scenario.units}
        organisations = {o.id for o in scenario.organisations}
        areas = {a.code for a in scenario.areas}
        for person in scenario.professionals:
            assert person.unit.id in units
            assert person.unit.organisation.id in organisations
            assert person.unit.area is None or person.unit.area.code in areas
        cases = {c.id for c in scenario.cases}
        assert all(m.case is None or m.case.id in cases for m in scenario.meetings)


class TestForums:
    """A generated forum meets in working hours, on a quarter hour, and its
    members work in the area of the unit that holds it."""

    @given(lst.forums())
    def test_members_and_time(self, forum: lm.Forum) -> None:
        assert forum.members
        assert all(m.unit.area == forum.unit.area for m in forum.members)
        assert forum.unit.area is not None
        start = forum.first_start
        assert 8 <= start.hour <= 14
        assert start.minute in {0, 15, 30, 45}
        assert start.tzinfo is lm.COPENHAGEN
        later = start + timedelta(days=62)
        found = lm.forum_series(forum).occurrences(before=later)
        assert found
        assert all(start <= moment <= later for moment in found)


class TestParts:
    """The parts of a meeting: attendees are professionals, reflections come
    from a known model, cohorts and cancellations carry what they must."""

    @given(lst.attendees())
    def test_attendees_are_professionals_in_a_professional_role(
        self, attendee: lm.Attendee
    ) -> None:
        assert isinstance(attendee.person, lm.Professional)
        assert attendee.role not in {
            lm.AttendeeRole.CITIZEN,
            lm.AttendeeRole.RELATIVE,
        }

    @given(lst.reflections())
    def test_reflections_name_a_built_in_model(self, found: lm.Reflection) -> None:
        assert found.model in MODEL_CODES
        assert 1 <= len(found.questions) <= 5

    def test_a_cohort_of_a_given_area(self) -> None:
        north = lm.Area("nord", lm.Label(da="Nord", en="North"))

        @settings(max_examples=5)
        @given(lst.cohorts(north))
        def check(cohort: lm.Cohort) -> None:
            assert cohort.area == north
            assert cohort.id == "hold-nord"

        check()

    @given(lst.format_requirements())
    def test_requirements_keep_every_minimum_at_most_its_maximum(
        self, req: lm.FormatRequirements
    ) -> None:
        if req.max_professions is not None:
            assert req.min_professions <= req.max_professions
            assert req.max_professions >= 1
        if req.max_attendees is not None:
            assert req.min_attendees <= req.max_attendees
            assert req.min_fill is None or req.min_fill <= req.max_attendees

    @pytest.mark.parametrize("code", ["audit", "learning_meeting", "home_meeting"])
    def test_a_fictional_case_where_refused_says_where(self, code: str) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lst.meetings(format=code, case_origin=lm.CaseOrigin.FICTIONAL)
        assert (info.value.where, info.value.path) == ("meetings", ("case_origin",))
        assert "LM" in info.value.fix.en
        assert "fiktiv" in info.value.reason.da
