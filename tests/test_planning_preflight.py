"""preflight: everything plan_period runs before it places, with paths.

What a plan would stumble on — a rule error in the scenario's own meetings,
a forum whose series cannot be expanded in the period, a period that
plan_period refuses, a catalogue without the formats a plan needs — is
found before placing, all at once, each with its path in the scenario
document. Warnings and notes are shown but do not stop a plan.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import learnmeet as lm
from learnmeet import strategies as lst
from learnmeet.data import load_sample

SAMPLE = load_sample()
Q1 = {"start": date(2027, 1, 1), "end": date(2027, 3, 31)}


def _with_meetings(*meetings: lm.Meeting) -> lm.Scenario:
    return attrs.evolve(SAMPLE, meetings=meetings)


def _lonely() -> lm.Meeting:
    """The sample's first meeting with one attendee: it breaks its format."""
    first = SAMPLE.meetings[0]
    return attrs.evolve(first, attendees=first.attendees[:1])


class TestTheSample:
    """The sample municipality passes, with or without a period."""

    def test_ok_without_a_period(self) -> None:
        found = lm.preflight(SAMPLE)
        assert found.ok
        assert found.problems == ()
        assert found.errors == 0

    def test_ok_in_a_quarter(self) -> None:
        found = lm.preflight(SAMPLE, **Q1)
        assert found.ok
        assert (found.start, found.end) == (Q1["start"], Q1["end"])

    def test_the_meetings_are_named_in_order(self) -> None:
        assert lm.preflight(SAMPLE).meetings == tuple(m.id for m in SAMPLE.meetings)


class TestRules:
    """The rules run on the scenario's own meetings: errors stop a plan."""

    def test_a_format_breach_is_an_error_with_the_meeting_path(self) -> None:
        scenario = _with_meetings(*SAMPLE.meetings[1:], _lonely())
        found = lm.preflight(scenario)
        assert not found.ok
        assert found.errors == len(found.report.errors) > 0
        paths = {found.path_of(v) for v in found.report.errors}
        assert paths == {("meetings", len(SAMPLE.meetings) - 1)}

    def test_a_double_booking_is_found_with_the_context(self) -> None:
        first = SAMPLE.meetings[0]
        twin = attrs.evolve(first, id="tvilling")
        found = lm.preflight(_with_meetings(first, twin))
        assert "LM201" in found.report.codes

    def test_a_rule_switched_off_is_not_run(self) -> None:
        scenario = _with_meetings(_lonely())
        codes = lm.preflight(scenario).report.codes
        rules = lm.DEFAULT_RULES.without(*codes)
        assert lm.preflight(scenario, rules=rules).ok

    def test_an_error_regraded_as_a_warning_lets_a_plan_run(self) -> None:
        scenario = _with_meetings(_lonely())
        rules = lm.DEFAULT_RULES
        for code in lm.preflight(scenario).report.codes:
            rules = rules.with_severity(code, lm.Severity.WARNING)
        found = lm.preflight(scenario, rules=rules)
        assert found.ok
        assert found.report.warnings

    def test_working_hours_come_from_the_settings(self) -> None:
        first = SAMPLE.meetings[0]
        local = first.start.astimezone(lm.COPENHAGEN)
        early = lm.WorkingHours(
            start=(local + timedelta(hours=2)).time().replace(minute=0),
            end=(local + timedelta(hours=4)).time().replace(minute=0),
            weekdays=range(7),
        )
        scenario = _with_meetings(first)
        assert "LM203" not in lm.preflight(scenario).report.codes
        settings = lm.PlanningSettings(hours=early)
        assert "LM203" in lm.preflight(scenario, settings=settings).report.codes

    def test_a_violation_of_another_meeting_has_no_path(self) -> None:
        found = lm.preflight(SAMPLE)
        stranger = lm.Violation(
            code="LM101",
            severity=lm.Severity.ERROR,
            subject=lm.Subject(lm.SubjectKind.MEETING, "fremmed"),
            message=lm.Label(da="x", en="x"),
            meeting="fremmed",
        )
        assert found.path_of(stranger) == ()


class TestForums:
    """Every forum's series is expanded in the period, as the plan does."""

    def test_a_series_that_cannot_be_expanded(self) -> None:
        # A forum refuses such a rule when it is made; one that slipped past
        # (changed in place) is still caught before placing, at its path.
        forum = attrs.evolve(SAMPLE.forums[0])
        object.__setattr__(forum, "recurrence", "FREQ=MINUTELY")
        scenario = attrs.evolve(SAMPLE, forums=[SAMPLE.forums[1], forum])
        found = lm.preflight(scenario, **Q1)
        assert not found.ok
        assert [p.path for p in found.problems] == [("forums", 1, "recurrence")]
        with pytest.raises(lm.LearnmeetError):
            lm.plan_period(scenario, **Q1)

    def test_the_sample_forums_expand_in_a_quarter(self) -> None:
        assert lm.preflight(SAMPLE, **Q1).problems == ()


class TestThePeriod:
    """The period is refused as plan_period refuses it."""

    def test_end_before_start(self) -> None:
        with pytest.raises(lm.InvalidValueError) as refused:
            lm.preflight(SAMPLE, start=Q1["end"], end=Q1["start"])
        assert refused.value.path == ("end",)

    @pytest.mark.parametrize("given", ["start", "end"])
    def test_one_day_alone(self, given: str) -> None:
        with pytest.raises(lm.InvalidValueError) as refused:
            lm.preflight(SAMPLE, **{given: Q1[given]})
        assert refused.value.path == ({"start": "end", "end": "start"}[given],)


class TestCatalogue:
    """A catalogue without a format the plan needs is a problem."""

    def test_a_replaced_catalogue(self) -> None:
        catalog = lm.Catalog(
            professions=lm.DEFAULT_CATALOG.professions,
            sectors=lm.DEFAULT_CATALOG.sectors,
            formats=[lm.DEFAULT_CATALOG.format("learning_meeting")],
        )
        found = lm.preflight(SAMPLE, catalog=catalog)
        assert not found.ok
        assert len(found.problems) == 3
        assert all("catalogue" in p.reason.en for p in found.problems)


class TestPlanRunsWhenThePreflightPasses:
    """On generated scenarios, a passing pre-flight means plan_period runs."""

    @settings(
        max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(lst.scenarios())
    def test_ok_means_a_plan(self, scenario: lm.Scenario) -> None:
        found = lm.preflight(scenario, **Q1)
        if found.ok:
            plan = lm.plan_period(scenario, **Q1)
            assert isinstance(plan, lm.PeriodPlan)

    @settings(max_examples=5, deadline=None)
    @given(lst.preflights())
    def test_the_strategy_gives_preflights(self, found: lm.Preflight) -> None:
        assert found.ok == (not found.problems and found.report.ok)


def test_a_period_in_the_last_years() -> None:
    """Holidays of the meetings' years and the period's are in the context."""
    found = lm.preflight(SAMPLE, start=date(2030, 12, 1), end=date(2031, 1, 31))
    assert found.ok


class TestAvailability:
    """The staff's availability is made as the plan makes it."""

    def test_the_sample_patterns_and_absences_pass(self) -> None:
        assert SAMPLE.working_patterns or SAMPLE.absences
        assert lm.preflight(SAMPLE, **Q1).ok

    def test_a_refusal_is_told_at_the_patterns(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def refuse(*args: object, **kwargs: object) -> None:
            raise lm.InvalidValueError(
                reason=lm.Label(da="umulig vagt", en="impossible shift"),
                fix=lm.Label(da="ret vagten", en="fix the shift"),
                path=(0, "shifts"),
            )

        monkeypatch.setattr(lm.Availability, "from_scenario", refuse)
        found = lm.preflight(SAMPLE)
        assert [p.path for p in found.problems] == [("working_patterns", 0, "shifts")]
        assert not found.ok
