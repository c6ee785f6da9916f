"""Surveys, invitations, responses and quotes: what an evaluation is made of."""

from __future__ import annotations

from datetime import timedelta

import pytest

import learnmeet as lm
from evaluation_data import CAT, NE, START, SURVEY, E, L, U
from examples import CASE, DOCTOR, NURSE_N, PT_N, SSA_N


class TestBadInput:
    """A survey measures yield on a Likert scale; an answer is a score or a text."""

    def test_answers_need_a_score_or_a_text(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="either a score or a text"):
            lm.Answer(item="y1")
        with pytest.raises(lm.InvalidValueError, match="either a score or a text"):
            lm.Answer(item="y1", score=1, text="x")

    def test_a_survey_measures_yield(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="measures yield"):
            lm.Survey(id="s", title=lm.Label(da="s", en="s"), items=[SURVEY.items[2]])

    def test_only_likert_items_measure_yield(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="only a Likert item"):
            lm.SurveyItem(
                id="t",
                text=lm.Label(da="t", en="t"),
                level=L.RESULTS,
                kind=lm.ItemKind.FREE_TEXT,
                measures_yield=True,
            )

    @pytest.mark.parametrize("scale", [1, 12])
    def test_scale_bounds(self, scale: int) -> None:
        with pytest.raises(lm.InvalidValueError, match="2 to 11 points"):
            lm.SurveyItem(
                id="s", text=lm.Label(da="s", en="s"), level=L.RESULTS, scale=scale
            )

    def test_a_response_answers_something(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="at least one answer"):
            lm.Response(invitation="i", answers=[])

    def test_quotes_are_pseudonymised(self) -> None:
        with pytest.raises(lm.PersonalDataError):
            lm.Quote(
                text="Borger 010190-1234",
                speaker="FG1-D1",
                source=lm.QuoteSource.INTERVIEW,
            )


class TestInvite:
    """Every professional who took part is asked, observers not; whether they
    count follows the attendance record."""

    def test_professionals_except_observers_with_eligibility(self) -> None:
        held = lm.Meeting(
            id="H",
            format=CAT.format("home_meeting"),
            start=START,
            duration=timedelta(hours=1),
            case=CASE,
            attendees=[
                lm.Attendee(
                    person=NURSE_N,
                    role=lm.AttendeeRole.PARTICIPANT,
                    attended=lm.Attendance.YES,
                ),
                lm.Attendee(
                    person=PT_N,
                    role=lm.AttendeeRole.PARTICIPANT,
                    attended=lm.Attendance.NO,
                ),
                lm.Attendee(person=SSA_N, role=lm.AttendeeRole.PARTICIPANT),
                lm.Attendee(person=DOCTOR, role=lm.AttendeeRole.OBSERVER),
                lm.Attendee(person=CASE.citizen, role=lm.AttendeeRole.CITIZEN),
            ],
        )
        found = lm.invite(SURVEY, [held])
        assert [(i.invitee, i.eligibility) for i in found] == [
            (NURSE_N.key, E),
            (PT_N.key, NE),
            (SSA_N.key, U),
        ]
        assert found[0].id == f"kvartal-1:H:{NURSE_N.key}"
