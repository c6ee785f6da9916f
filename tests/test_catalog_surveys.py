"""The built-in yield survey, after the questionnaire of the KOPA evaluation."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet import strategies as lst

L = lm.KirkpatrickLevel
YIELD_SURVEY = lm.YIELD_SURVEY


class TestTheQuestions:
    """Five Likert items and one free-text question, at all four Kirkpatrick
    levels; three items measure yield, all of them about learning or practice."""

    def test_the_items(self) -> None:
        assert [i.id for i in YIELD_SURVEY.items] == [
            "relevant",
            "other_professions",
            "other_sectors",
            "practice",
            "coordination",
            "take_away",
        ]
        kinds = [i.kind for i in YIELD_SURVEY.items]
        assert kinds.count(lm.ItemKind.LIKERT) == 5
        assert kinds[-1] is lm.ItemKind.FREE_TEXT
        assert {i.level for i in YIELD_SURVEY.items} == set(L)

    def test_three_items_measure_yield(self) -> None:
        yielding = [i for i in YIELD_SURVEY.items if i.measures_yield]
        assert [i.id for i in yielding] == [
            "other_professions",
            "other_sectors",
            "practice",
        ]
        assert {i.level for i in yielding} == {L.LEARNING, L.BEHAVIOUR}
        assert all(i.scale == 5 for i in yielding)

    def test_every_text_in_both_languages(self) -> None:
        for label in (YIELD_SURVEY.title, *(i.text for i in YIELD_SURVEY.items)):
            assert label.da.strip()
            assert label.en.strip()
            assert label.da != label.en


class TestInUse:
    """The survey is asked after any meeting, and any complete set of answers on
    its scales is evaluated."""

    @settings(max_examples=20, deadline=None)
    @given(lst.meetings(), st.data())
    def test_any_meeting_any_answers(
        self, meeting: lm.Meeting, data: st.DataObject
    ) -> None:
        invitations = lm.invite(YIELD_SURVEY, [meeting])
        assert all(i.survey == "yield" for i in invitations)
        responses = [
            lm.Response(
                invitation=invitation.id,
                answers=[
                    lm.Answer(item=item.id, score=data.draw(st.integers(1, 5)))
                    for item in YIELD_SURVEY.items
                    if item.kind is lm.ItemKind.LIKERT
                ],
            )
            for invitation in invitations
        ]
        result = lm.evaluate(
            YIELD_SURVEY, invitations, responses, [meeting], threshold=1
        )
        assert result.rates.complete == len(invitations)
        overall = result.group(lm.Dimension.OVERALL, "all")
        if invitations:
            assert overall is not None
            assert overall.mean is not None
            assert 0 <= overall.mean <= 100
