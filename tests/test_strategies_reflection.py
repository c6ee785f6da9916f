"""Strategies for reflection models, question banks and cycles."""

from __future__ import annotations

from hypothesis import given, settings

import learnmeet as lm
from learnmeet import strategies as lst

KOLB = lm.QUESTION_BANK.model("kolb")
BUILT_IN = set(lm.QUESTION_BANK.models)
FORMATS = {f.code for f in lm.FORMATS}


class TestCycles:
    """A generated cycle is closed or open as asked, of the model asked for;
    a closed one carries only its open actions on."""

    @given(lst.reflection_cycles(closed=True))
    def test_closed_cycles_carry_only_open_actions(
        self, cycle: lm.ReflectionCycle
    ) -> None:
        assert cycle.closed
        following = cycle.next("m-next")
        assert following.actions == cycle.open_actions

    @given(lst.reflection_cycles(closed=False, model=KOLB))
    def test_open_cycles_of_one_model(self, cycle: lm.ReflectionCycle) -> None:
        assert not cycle.closed
        assert cycle.model == KOLB


class TestModels:
    """Models are built-in or generated as asked; a generated one describes
    and acts, in phase order."""

    @given(lst.reflection_models(builtin=True))
    def test_built_in(self, model: lm.ReflectionModel) -> None:
        assert model in BUILT_IN

    @given(lst.reflection_models(builtin=False))
    def test_generated(self, model: lm.ReflectionModel) -> None:
        assert model not in BUILT_IN
        kinds = [p.kind for p in model.phases]
        assert lm.PhaseKind.DESCRIPTION in kinds
        assert lm.PhaseKind.ACTION in kinds
        assert [k.rank for k in kinds] == sorted(k.rank for k in kinds)

    @settings(max_examples=20)
    @given(lst.question_banks())
    def test_banks_extend_the_built_in_one(self, bank: lm.QuestionBank) -> None:
        assert set(bank.models) >= BUILT_IN
        assert len(bank.models) <= len(BUILT_IN) + 2

    @given(lst.questions())
    def test_questions(self, question: lm.Question) -> None:
        assert question.audiences
        assert set(question.formats) <= FORMATS


class TestParts:
    """A professional's contribution records the profession, a citizen's none;
    learning points carry only the built-in tags."""

    @given(lst.contributions())
    def test_contributions(self, said: lm.Contribution) -> None:
        by_citizen = said.person.startswith("citizen:")
        assert (said.profession is None) == by_citizen

    @given(lst.learning_points())
    def test_learning_points(self, point: lm.LearningPoint) -> None:
        assert set(point.tags) <= set(lm.LEARNING_TAGS)

    @given(lst.reflection_phases())
    def test_phases_have_questions(self, phase: lm.ReflectionPhase) -> None:
        assert phase.questions
