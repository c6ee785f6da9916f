"""Strategies for surveys and their data: values evaluate() accepts as they are."""

from __future__ import annotations

from hypothesis import find, given, settings

import learnmeet as lm
from learnmeet import strategies as lst


class TestSurveys:
    """A survey has one to six items, at least one measuring benefit; it is
    sent right after the meeting or followed up from a day to a year later."""

    @given(lst.surveys())
    def test_shape(self, survey: lm.Survey) -> None:
        assert 1 <= len(survey.items) <= 6
        assert any(i.measures_yield for i in survey.items)
        after = survey.follow_up_after
        assert after is None or (1 <= after.days <= 366 and not after.seconds)
        for item in survey.items:
            if item.kind is lm.ItemKind.LIKERT:
                assert item.scale in {4, 5, 7}

    @given(lst.survey_items())
    def test_items_measure_yield_only_on_a_scale(self, item: lm.SurveyItem) -> None:
        assert not item.measures_yield or item.kind is lm.ItemKind.LIKERT


class TestSurveyData:
    """The parts of survey data fit together: every invitation is for the survey
    and one of its meetings, every response answers one invitation on the
    items' scales."""

    @settings(max_examples=25, deadline=None)
    @given(lst.survey_data(max_meetings=2))
    def test_the_parts_fit(self, data: lst.SurveyData) -> None:
        assert 1 <= len(data.meetings) <= 2
        meetings = {m.id for m in data.meetings}
        invitations = {i.id for i in data.invitations}
        assert len(invitations) == len(data.invitations)
        assert all(i.survey == data.survey.id for i in data.invitations)
        assert all(i.meeting in meetings for i in data.invitations)
        for response in data.responses:
            assert response.invitation in invitations
            for answer in response.answers:
                item = data.survey.item(answer.item)
                assert item is not None
                if answer.score is not None:
                    assert 1 <= answer.score <= item.scale
        result = lm.evaluate(
            data.survey, data.invitations, data.responses, data.meetings
        )
        assert result.rates.invitations == len(data.invitations)


class TestOnTheirOwn:
    """The values drawn one by one are well formed and pseudonymised."""

    @given(lst.invitations())
    def test_invitation_ids(self, invitation: lm.Invitation) -> None:
        assert invitation.id == (
            f"{invitation.survey}:{invitation.meeting}:{invitation.invitee}"
        )

    @given(lst.responses())
    def test_responses_answer_each_item_once(self, response: lm.Response) -> None:
        items = [a.item for a in response.answers]
        assert 1 <= len(items) <= 5
        assert len(set(items)) == len(items)

    @given(lst.answers())
    def test_answers_are_a_score_or_a_text(self, answer: lm.Answer) -> None:
        assert (answer.score is None) != (answer.text is None)
        assert answer.score is None or 1 <= answer.score <= 7

    @given(lst.themes())
    def test_themes(self, theme: lm.Theme) -> None:
        assert theme.code in lm.LEARNING_TAGS
        assert len(theme.quotes) <= 3
        assert not any(lm.looks_like_cpr(q.text) for q in theme.quotes)


class TestTiming:
    """Both kinds of survey are drawn, and invitations with and without the
    time they are sent, always an aware one."""

    @settings(max_examples=60)
    @given(lst.invitations())
    def test_sent_at_aware_times(self, invitation: lm.Invitation) -> None:
        if invitation.send_at is not None:
            assert invitation.send_at.utcoffset() is not None

    def test_both_are_reachable(self) -> None:
        assert find(lst.surveys(), lambda s: s.is_follow_up).is_follow_up
        assert not find(lst.surveys(), lambda s: not s.is_follow_up).is_follow_up
        assert find(lst.invitations(), lambda i: i.send_at is not None).send_at
