"""The built-in surveys: reaction and learning right after the meeting,
behaviour and perceived results in a follow-up eight weeks later."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet import strategies as lst

L = lm.KirkpatrickLevel
YIELD_SURVEY = lm.YIELD_SURVEY
FOLLOW_UP = lm.FOLLOW_UP_SURVEY


class TestRightAfter:
    """Right after the meeting only reaction and learning are asked (Kirkpatrick:
    behaviour needs time to change); three learning items measure benefit."""

    def test_the_items(self) -> None:
        assert [i.id for i in YIELD_SURVEY.items] == [
            "relevant",
            "other_professions",
            "other_sectors",
            "whom_to_contact",
            "take_away",
        ]
        assert YIELD_SURVEY.follow_up_after is None
        assert not YIELD_SURVEY.is_follow_up
        assert {i.level for i in YIELD_SURVEY.items} == {L.REACTION, L.LEARNING}
        assert YIELD_SURVEY.items[-1].kind is lm.ItemKind.FREE_TEXT

    def test_three_items_measure_benefit(self) -> None:
        benefit = [i for i in YIELD_SURVEY.items if i.measures_yield]
        assert [i.id for i in benefit] == [
            "other_professions",
            "other_sectors",
            "whom_to_contact",
        ]
        assert {i.level for i in benefit} == {L.LEARNING}
        assert all(i.scale == 5 for i in benefit)


class TestFollowUp:
    """Eight weeks later: behaviour in two Likert items that measure benefit and
    a free-text question, and one item on results as the participants see them."""

    def test_sent_eight_weeks_later(self) -> None:
        assert FOLLOW_UP.follow_up_after == timedelta(weeks=8)
        assert FOLLOW_UP.is_follow_up
        assert FOLLOW_UP.id != YIELD_SURVEY.id

    def test_the_items(self) -> None:
        assert [(i.id, i.level, i.measures_yield) for i in FOLLOW_UP.items] == [
            ("practice", L.BEHAVIOUR, True),
            ("contacted", L.BEHAVIOUR, True),
            ("coordination", L.RESULTS, False),
            ("changed", L.BEHAVIOUR, False),
        ]
        assert FOLLOW_UP.items[-1].kind is lm.ItemKind.FREE_TEXT

    def test_no_level_in_both(self) -> None:
        before = {i.level for i in YIELD_SURVEY.items}
        after = {i.level for i in FOLLOW_UP.items}
        assert not before & after
        assert before | after == set(L)
        assert all(level.needs_follow_up for level in after)


class TestTexts:
    """Every title and question in Danish and English, and they differ."""

    def test_every_text_in_both_languages(self) -> None:
        for survey in (YIELD_SURVEY, FOLLOW_UP):
            for label in (survey.title, *(i.text for i in survey.items)):
                assert label.da.strip()
                assert label.en.strip()
                assert label.da != label.en


class TestInUse:
    """Either survey is asked after any meeting, and any complete set of
    answers on its scales is evaluated; the follow-up is sent eight weeks
    after the meeting's end."""

    @settings(max_examples=20, deadline=None)
    @given(lst.meetings(), st.sampled_from([YIELD_SURVEY, FOLLOW_UP]), st.data())
    def test_any_meeting_any_answers(
        self, meeting: lm.Meeting, survey: lm.Survey, data: st.DataObject
    ) -> None:
        invitations = lm.invite(survey, [meeting])
        assert all(i.survey == survey.id for i in invitations)
        after = survey.follow_up_after or timedelta()
        assert all(i.send_at == meeting.end + after for i in invitations)
        responses = [
            lm.Response(
                invitation=invitation.id,
                answers=[
                    lm.Answer(item=item.id, score=data.draw(st.integers(1, 5)))
                    for item in survey.items
                    if item.kind is lm.ItemKind.LIKERT
                ],
            )
            for invitation in invitations
        ]
        result = lm.evaluate(survey, invitations, responses, [meeting], threshold=1)
        assert result.rates.complete == len(invitations)
        overall = result.group(lm.Dimension.OVERALL, "all")
        if invitations:
            assert overall is not None
            assert overall.mean is not None
            assert 0 <= overall.mean <= 100
