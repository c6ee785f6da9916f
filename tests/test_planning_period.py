"""plan_period: a quarter for a whole scenario, deterministic and validated."""

from __future__ import annotations

from datetime import date

import pytest

import learnmeet as lm
from learnmeet.data import load_sample

SAMPLE = load_sample()
Q1 = (date(2027, 1, 1), date(2027, 3, 31))
PLAN = lm.plan_period(SAMPLE, start=Q1[0], end=Q1[1])


class TestQuarter:
    """The seeds' model: learning in forums, home meetings, an audit, course days."""

    def test_learning_in_every_forum(self) -> None:
        assert {p.forum.id for p in PLAN.learning} == {f.id for f in SAMPLE.forums}
        assert all(p.meetings for p in PLAN.learning)

    def test_home_meetings_and_one_audit(self) -> None:
        codes = [m.format.code for m in PLAN.scheduled.meetings]
        assert codes.count("audit") == 1
        assert "home_meeting" in codes

    def test_no_errors_and_no_double_booking(self) -> None:
        assert PLAN.report.ok, PLAN.report.render("en")
        assert "LM201" not in PLAN.report.codes

    def test_inside_the_period(self) -> None:
        assert all(Q1[0] <= m.start.date() <= Q1[1] for m in PLAN.meetings)

    def test_under_filled_course_days_are_flagged(self) -> None:
        assert {f.session.id for f in PLAN.enrolment.below_minimum} <= {
            m.id for m in PLAN.enrolment.meetings
        }

    def test_deterministic(self) -> None:
        again = lm.plan_period(SAMPLE, start=Q1[0], end=Q1[1])
        assert lm.to_json(again.as_scenario()) == lm.to_json(PLAN.as_scenario())

    def test_plan_as_scenario_round_trips(self) -> None:
        scenario = PLAN.as_scenario()
        assert lm.from_json(lm.Scenario, lm.to_json(scenario)) == scenario

    def test_end_before_start(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.plan_period(SAMPLE, start=Q1[1], end=Q1[0])
