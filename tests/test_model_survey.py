"""Surveys, invitations, responses and quotes: what an evaluation is made of."""

from __future__ import annotations

from datetime import datetime, timedelta

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from evaluation_data import CAT, NE, RIGHT_AFTER, START, SURVEY, E, L, U
from examples import CASE, DOCTOR, NURSE_N, PT_N, SSA_N
from learnmeet import strategies as lst


class TestBadInput:
    """A survey measures benefit on a Likert scale; an answer is a score or a
    text; a follow-up is sent whole days, from one to a year, after a meeting."""

    def test_answers_need_a_score_or_a_text(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="either a score or a text"):
            lm.Answer(item="y1")
        with pytest.raises(lm.InvalidValueError, match="either a score or a text"):
            lm.Answer(item="y1", score=1, text="x")

    @pytest.mark.parametrize("sign", [1, -1])
    def test_a_scale_too_long_to_write(self, sign: int) -> None:
        item = SURVEY.items[0]
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(item, scale=sign * 10**5000)
        assert info.value.reason.en.endswith("got a number of 5001 digits")
        assert info.value.reason.da.endswith("fik et tal på 5001 cifre")

    def test_a_survey_measures_benefit(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="measures benefit"):
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

    @pytest.mark.parametrize(
        "after",
        [timedelta(0), timedelta(hours=12), timedelta(days=3, hours=1), timedelta(-7)],
    )
    def test_a_follow_up_is_whole_days_later(self, after: timedelta) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(SURVEY, follow_up_after=after)
        assert (info.value.where, info.value.path) == ("Survey", ("follow_up_after",))
        assert "whole number of days" in info.value.reason.en
        assert "helt antal dage" in info.value.reason.da
        assert "weeks=8" in info.value.fix.en

    def test_a_follow_up_within_a_year(self) -> None:
        assert attrs.evolve(SURVEY, follow_up_after=timedelta(days=366)).is_follow_up
        with pytest.raises(lm.InvalidValueError, match="from 1 to 366 days"):
            attrs.evolve(SURVEY, follow_up_after=timedelta(days=367))

    def test_a_follow_up_is_a_timedelta(self) -> None:
        with pytest.raises(lm.WrongTypeError):
            attrs.evolve(SURVEY, follow_up_after="P56D")

    def test_an_invitation_is_sent_at_an_aware_time(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.Invitation(
                id="i",
                survey="s",
                meeting="m",
                invitee="professional:p-1",
                send_at=START.replace(tzinfo=None),
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
        found = lm.invite(RIGHT_AFTER, [held])
        assert [(i.invitee, i.eligibility) for i in found] == [
            (NURSE_N.key, E),
            (PT_N.key, NE),
            (SSA_N.key, U),
        ]
        assert found[0].id == f"kvartal-1:H:{NURSE_N.key}"
        assert {i.send_at for i in found} == {held.end}

    def test_a_follow_up_is_sent_weeks_after_the_meeting(self) -> None:
        """The follow-up's invitations are dated from the meeting: its end plus
        the survey's interval, in the meeting's own zone (eight weeks across
        the change to summer time is still 10:00 local)."""
        held = lm.Meeting(
            id="H",
            format=CAT.format("learning_meeting"),
            start=START,
            duration=timedelta(hours=1),
            case=CASE,
            attendees=[
                lm.Attendee(person=NURSE_N, role=lm.AttendeeRole.PARTICIPANT),
                lm.Attendee(person=PT_N, role=lm.AttendeeRole.PARTICIPANT),
            ],
        )
        later = attrs.evolve(SURVEY, follow_up_after=timedelta(weeks=8))
        found = lm.invite(later, [held])
        assert {i.send_at for i in found} == {held.end + timedelta(weeks=8)}
        assert later.send_at(held) == held.end + timedelta(weeks=8)
        assert RIGHT_AFTER.send_at(held) == held.end
        assert held.end.hour == 10
        assert {i.send_at.hour for i in found if i.send_at} == {10}
        assert START.utcoffset() != (START + timedelta(weeks=8)).utcoffset()

    def test_a_follow_up_on_the_night_the_clocks_skip(self) -> None:
        """A meeting ending at 02:00 eight weeks before the spring-forward
        night: 02:00 does not exist that night, so the invitation goes at
        03:00 summer time (RFC 5545), never an error."""
        night = lm.Meeting(
            id="N",
            format=CAT.format("operational_meeting"),
            start=datetime(2028, 1, 30, 1, tzinfo=lm.COPENHAGEN),
            duration=timedelta(hours=1),
            attendees=[lm.Attendee(person=NURSE_N, role=lm.AttendeeRole.PARTICIPANT)],
        )
        later = attrs.evolve(SURVEY, follow_up_after=timedelta(weeks=8))
        sent = later.send_at(night)
        assert sent == datetime(2028, 3, 26, 3, tzinfo=lm.COPENHAGEN)
        assert sent.utcoffset() == timedelta(hours=2)
        (invitation,) = lm.invite(later, [night])
        assert invitation.send_at == sent


class TestRefusalsSayWhere:
    """A refused survey value names its class and field, with the reason and the
    fix in Danish and English."""

    def test_a_scale_out_of_range(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.SurveyItem(id="s", text=SURVEY.title, level=L.LEARNING, scale=12)
        error = info.value
        assert (error.where, error.path) == ("SurveyItem", ("scale",))
        assert error.reason.en == "a scale has 2 to 11 points, got 12"
        assert error.reason.da == "en skala har 2 til 11 trin, fik 12"
        assert "scale=5" in error.fix.en
        assert "scale=5" in error.fix.da

    def test_an_answer_with_both(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Answer(item="y1", score=1, text="godt")
        assert (info.value.where, info.value.path) == ("Answer", ("score",))
        assert "score=" in info.value.fix.en
        assert "score=" in info.value.fix.da

    def test_a_survey_without_a_benefit_item(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Survey(id="s", title=SURVEY.title, items=[SURVEY.items[2]])
        assert (info.value.where, info.value.path) == ("Survey", ("items",))
        assert "measures_yield=True" in info.value.fix.da

    def test_an_item_listed_twice(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Survey(
                id="s", title=SURVEY.title, items=[*SURVEY.items, SURVEY.items[0]]
            )
        assert (info.value.where, info.value.path) == ("Survey", ("items", 4))
        assert info.value.reason.en == "the item 'y1' is listed twice"
        assert info.value.reason.da == "spørgsmålet 'y1' står der to gange"

    def test_an_item_answered_twice(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Response(
                invitation="i",
                answers=[lm.Answer(item="y1", score=2), lm.Answer(item="y1", score=3)],
            )
        assert (info.value.where, info.value.path) == ("Response", ("answers", 1))

    def test_an_empty_response(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Response(invitation="i", answers=[])
        assert (info.value.where, info.value.path) == ("Response", ("answers",))
        assert "Outcome" in info.value.fix.en
        assert "Outcome" in info.value.fix.da

    def test_a_free_text_answer_holds_no_cpr_number(self) -> None:
        with pytest.raises(lm.PersonalDataError) as info:
            lm.Answer(item="t1", text="borger 010190-1234 faldt")
        assert info.value.path == ("text",)
        assert "010190" not in info.value.message("da")


class TestValues:
    """Defaults ask little: a five-point Likert item, an eligible invitation
    without a reply, a theme without quotes."""

    def test_defaults(self) -> None:
        item = lm.SurveyItem(id="q", text=SURVEY.title, level=L.REACTION)
        assert (item.kind, item.scale, item.measures_yield) == (
            lm.ItemKind.LIKERT,
            5,
            False,
        )
        invitation = lm.Invitation(
            id="i", survey="s", meeting="m", invitee="professional:p-1"
        )
        assert invitation.eligibility is lm.Eligibility.ELIGIBLE
        assert invitation.outcome is lm.Outcome.NO_REPLY
        assert invitation.send_at is None
        assert RIGHT_AFTER.follow_up_after is None
        theme = lm.Theme(code="knowing_offers", label=SURVEY.title)
        assert theme.quotes == ()

    def test_an_item_is_found_by_id(self) -> None:
        assert SURVEY.item("y2") is SURVEY.items[1]
        assert SURVEY.item("zz") is None

    @given(st.integers(-5, 20))
    def test_a_scale_is_taken_exactly_from_2_to_11(self, scale: int) -> None:
        if 2 <= scale <= 11:
            item = lm.SurveyItem(
                id="q", text=SURVEY.title, level=L.LEARNING, scale=scale
            )
            assert item.scale == scale
        else:
            with pytest.raises(lm.InvalidValueError):
                lm.SurveyItem(id="q", text=SURVEY.title, level=L.LEARNING, scale=scale)


def _recorded(attendee: lm.Attendee, data: st.DataObject) -> lm.Attendee:
    """*attendee* with a drawn attendance, and a professional at times observing."""
    role = attendee.role
    if isinstance(attendee.person, lm.Professional) and data.draw(st.booleans()):
        role = lm.AttendeeRole.OBSERVER
    attended = data.draw(st.sampled_from(lm.Attendance))
    return attrs.evolve(attendee, role=role, attended=attended)


class TestInviteProperties:
    """For any meetings: one invitation per professional who is not an observer,
    with an id made of survey, meeting and person, eligible exactly when they
    attended."""

    @settings(max_examples=25, deadline=None)
    @given(st.lists(lst.meetings(), max_size=3), lst.surveys(), st.data())
    def test_who_is_invited(
        self, drawn: list[lm.Meeting], survey: lm.Survey, data: st.DataObject
    ) -> None:
        meetings = [
            attrs.evolve(m, attendees=[_recorded(a, data) for a in m.attendees])
            for m in drawn
        ]
        found = lm.invite(survey, meetings)
        expected = [
            (m.id, a.person.key, a.attended, m.end)
            for m in meetings
            for a in m.attendees
            if isinstance(a.person, lm.Professional)
            and a.role is not lm.AttendeeRole.OBSERVER
        ]
        assert [(i.meeting, i.invitee) for i in found] == [
            (m, k) for m, k, _, _ in expected
        ]
        after = survey.follow_up_after or timedelta()
        for invitation, (meeting, key, attended, end) in zip(
            found, expected, strict=True
        ):
            assert invitation.id == f"{survey.id}:{meeting}:{key}"
            assert invitation.survey == survey.id
            assert (invitation.eligibility is E) == (attended is lm.Attendance.YES)
            assert (invitation.eligibility is NE) == (attended is lm.Attendance.NO)
            assert invitation.send_at == end + after


class TestLevels:
    """Behaviour and results need time: only they are measured at a follow-up."""

    def test_which_levels_need_a_follow_up(self) -> None:
        assert [level.needs_follow_up for level in L] == [False, False, True, True]


class TestJson:
    """The new fields are written only when set, so a document without them
    reads as before (document version 3)."""

    def test_a_survey_right_after_is_written_as_before(self) -> None:
        assert "follow_up_after" not in lm.to_json(RIGHT_AFTER)
        invitation = lm.Invitation(
            id="i", survey="s", meeting="m", invitee="professional:p-1"
        )
        assert "send_at" not in lm.to_json(invitation)

    def test_a_follow_up_round_trips(self) -> None:
        later = attrs.evolve(RIGHT_AFTER, follow_up_after=timedelta(weeks=8))
        text = lm.to_json(later)
        assert "follow_up_after" in text
        assert lm.from_json(lm.Survey, text) == later
        sent = lm.Invitation(
            id="i", survey="s", meeting="m", invitee="professional:p-1", send_at=START
        )
        assert lm.from_json(lm.Invitation, lm.to_json(sent)) == sent

    @settings(max_examples=25, deadline=None)
    @given(lst.surveys())
    def test_any_survey_round_trips(self, survey: lm.Survey) -> None:
        assert lm.from_json(lm.Survey, lm.to_json(survey)) == survey
