"""The built-in reflection models and question bank."""

from __future__ import annotations

import pytest

import learnmeet as lm

BANK = lm.QUESTION_BANK
HOME = lm.Audience.CITIZEN_AND_RELATIVES


class TestBuiltinModels:
    """The five models of the design, each question and label in both languages,
    and plain words where the citizen is asked."""

    def test_the_five_models(self) -> None:
        assert [m.code for m in lm.REFLECTION_MODELS] == [
            "case_learning",
            "home_conversation",
            "gibbs",
            "kolb",
            "after_action_review",
        ]

    def test_gibbs_has_six_phases_and_kolb_four(self) -> None:
        gibbs = [p.code for p in BANK.model("gibbs").phases]
        assert gibbs == [
            "description",
            "feelings",
            "evaluation",
            "analysis",
            "conclusion",
            "action_plan",
        ]
        assert len(BANK.model("kolb").phases) == 4

    def test_case_model_follows_up_then_presents_and_acts(self) -> None:
        kinds = [p.kind for p in BANK.model("case_learning").phases]
        assert kinds == [
            lm.PhaseKind.FOLLOW_UP,
            lm.PhaseKind.DESCRIPTION,
            lm.PhaseKind.REFLECTION,
            lm.PhaseKind.CONCLUSION,
            lm.PhaseKind.ACTION,
        ]

    @pytest.mark.parametrize("question", BANK.questions(), ids=lambda q: q.id)
    def test_every_question_is_in_both_languages(self, question: lm.Question) -> None:
        da, en = question.text.da, question.text.en
        assert da.strip()
        assert en.strip()
        assert da != en  # translated, not copied
        assert da.endswith(("?", "."))
        assert en.endswith(("?", "."))

    def test_every_phase_and_model_label_is_in_both_languages(self) -> None:
        for model in lm.REFLECTION_MODELS:
            for label in (model.label, *(p.label for p in model.phases)):
                assert label.da.strip()
                assert label.en.strip()

    def test_home_conversation_speaks_plainly_to_the_citizen(self) -> None:
        for question in BANK.questions(model="home_conversation", audience=HOME):
            assert len(question.text.da.split()) <= 10, question.text.da
            assert "palliat" not in question.text.da.lower()

    def test_every_model_asks_the_citizen_something_only_at_home(self) -> None:
        home = BANK.questions(model="home_conversation", audience=HOME)
        assert {q.id.split(".")[1] for q in home} == {
            p.code for p in BANK.model("home_conversation").phases
        }
