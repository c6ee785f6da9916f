"""The public strategies generate valid values, and exact breaches of each rule."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet import strategies as lst
from support import MODEL_STRATEGIES


class TestEveryType:
    """Every model type has a strategy whose values are of that type."""

    @pytest.mark.parametrize(
        ("cls", "strategy"), MODEL_STRATEGIES, ids=lambda x: getattr(x, "__name__", "")
    )
    def test_values_have_the_type(
        self, cls: type[Any], strategy: st.SearchStrategy[Any]
    ) -> None:
        @settings(max_examples=10)
        @given(strategy)
        def check(value: Any) -> None:
            assert type(value) is cls

        check()

    def test_every_json_type_is_covered(self) -> None:
        from learnmeet.io._json import MODEL_TYPES

        assert {cls for cls, _ in MODEL_STRATEGIES} == set(MODEL_TYPES)


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
        if req.prerequisite_course:
            assert all(
                req.prerequisite_course in p.completed_courses
                for p in meeting.professionals
            )

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


class TestBreaches:
    """For every rule, a strategy that breaks exactly that rule."""

    @pytest.mark.parametrize("code", lm.DEFAULT_RULES.codes)
    def test_exactly_that_code(self, code: str) -> None:
        @settings(max_examples=10)
        @given(lst.breaches(code))
        def check(breach: Any) -> None:
            report = lm.validate(breach.meeting, context=breach.context)
            assert report.codes == {code}, report.render("en")

        check()

    @given(lst.meetings_breaking("LM117"))
    def test_meetings_breaking(self, meeting: lm.Meeting) -> None:
        assert lm.validate(meeting).codes == {"LM117"}

    def test_context_rules_need_breaches(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="context"):
            lst.meetings_breaking("LM201")

    def test_unknown_code(self) -> None:
        with pytest.raises(lm.UnknownCodeError, match="LM101"):
            lst.breaches("LM1011")


class TestPlanningStrategies:
    """Strategies for the planning layer's values."""

    @given(lst.series())
    def test_series_expand(self, series: lm.Series) -> None:
        found = series.occurrences()
        assert 1 <= len(found) <= 60
        assert all(o.tzinfo is lm.COPENHAGEN for o in found)

    @given(lst.meeting_requests())
    def test_requests(self, request: lm.MeetingRequest) -> None:
        assert request.earliest <= request.latest

    @given(lst.working_hours(), lst.intervals(), lst.course_sessions())
    def test_others(
        self, hours: lm.WorkingHours, span: lm.Interval, session: lm.CourseSession
    ) -> None:
        assert hours.start < hours.end
        assert span.duration > timedelta(0)
        assert session.cohort.area == session.cohort.area


class TestOtherStrategies:
    """Parameters of the smaller strategies are honoured."""

    @given(lst.citizen_cases(origin=lm.CaseOrigin.FICTIONAL, with_transition=True))
    def test_cases(self, case: lm.CitizenCase) -> None:
        assert not case.is_concrete
        assert case.transitions

    @given(st.dates(), st.data())
    def test_consents_cover_the_day(self, day: Any, data: st.DataObject) -> None:
        consent = data.draw(lst.consents(valid_on=day))
        assert consent.is_valid_on(day)

    @given(lst.professionals(profession=lm.DEFAULT_CATALOG.profession("priest")))
    def test_professionals(self, person: lm.Professional) -> None:
        assert person.profession.code == "priest"

    @given(lst.scenarios())
    def test_scenarios_are_consistent(self, scenario: lm.Scenario) -> None:
        ids = {p.id for p in scenario.professionals}
        assert all(p.id in ids for m in scenario.meetings for p in m.professionals)


class TestTypedForUsers:
    """Every public strategy's type is asserted in tests/typing/check_public_api.py."""

    def test_every_strategy_is_type_checked(self) -> None:
        from pathlib import Path

        text = (Path(__file__).parent / "typing" / "check_public_api.py").read_text(
            encoding="utf-8"
        )
        functions = [n for n in lst.__all__ if n[0].islower()]
        missing = [n for n in functions if f"assert_type(lst.{n}(" not in text]
        assert missing == []

    def test_breach_is_public(self) -> None:
        assert "Breach" in lst.__all__
        assert isinstance(lst.breaches("LM101"), st.SearchStrategy)
