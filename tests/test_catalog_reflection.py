"""The built-in reflection models and question bank."""

from __future__ import annotations

import pytest

import learnmeet as lm

BANK = lm.QUESTION_BANK
HOME = lm.Audience.CITIZEN_AND_RELATIVES
LEAD = lm.Audience.LEADERS_AND_KEY_PERSONS


class TestBuiltinModels:
    """The six models of the design, each question and label in both languages,
    and plain words where the citizen is asked."""

    def test_the_six_models(self) -> None:
        assert [m.code for m in lm.REFLECTION_MODELS] == [
            "case_learning",
            "home_conversation",
            "gibbs",
            "kolb",
            "after_action_review",
            "meeting_structure",
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


OWN = lm.Label(da="learnmeets eget spørgsmål", en="learnmeet's own question")


def _sources(model: str) -> set[str]:
    found = set()
    for q in BANK.questions(model=model):
        assert q.source is not None
        found.add(q.source.en)
    return found


class TestSources:
    """Every built-in question says where it comes from, and says the truth:
    the seeds tell what Esbjerg did, not the questions it asked, so no question
    is the Esbjerg project's."""

    @pytest.mark.parametrize("question", BANK.questions(), ids=lambda q: q.id)
    def test_every_question_has_a_source_in_both_languages(
        self, question: lm.Question
    ) -> None:
        assert question.source is not None
        assert question.source.da.strip()
        assert question.source.en.strip()

    @pytest.mark.parametrize("question", BANK.questions(), ids=lambda q: q.id)
    def test_no_question_is_attributed_to_esbjerg(self, question: lm.Question) -> None:
        assert question.source is not None
        assert "esbjerg" not in (question.source.da + question.source.en).lower()

    def test_the_library_labels_its_own_questions(self) -> None:
        for model in (
            "case_learning",
            "home_conversation",
            "kolb",
            "meeting_structure",
        ):
            assert OWN.en in _sources(model)
        own = [q for q in BANK.questions() if q.source == OWN]
        assert len(own) > len(BANK.questions()) // 2

    def test_gibbs_and_the_after_action_review_quote_their_authors(self) -> None:
        assert any("Gibbs" in s for s in _sources("gibbs"))
        assert _sources("after_action_review") == {
            BANK.questions(model="after_action_review")[0].source.en  # type: ignore[union-attr]
        }
        assert "TC 25-20" in next(iter(_sources("after_action_review")))

    def test_kolb_gives_no_questions_of_his_own(self) -> None:
        assert _sources("kolb") == {OWN.en}

    def test_the_models_of_esbjerg_say_they_are_learnmeets_own(self) -> None:
        for code in ("case_learning", "home_conversation", "meeting_structure"):
            source = BANK.model(code).source
            assert source is not None
            assert source.da.startswith("learnmeets egen model")
            assert source.en.startswith("learnmeet's own model")


PALLIATIVE_TOPICS = {
    "symptoms": ("smerter", "pain"),
    "wishes for the last time": ("den tid, der er tilbage", "the time that is left"),
    "place of death": ("når livet slutter", "when your life comes to its end"),
    "spiritual and existential needs": ("døden eller troen", "death or faith"),
    "the relatives' own burden": ("selv som pårørende", "yourself, as a relative"),
}


class TestPalliativeContent:
    """The meeting in the citizen's home asks what the palliative
    recommendations put first, in the citizen's own words, each question
    citing the recommendations it takes its topic from."""

    @pytest.mark.parametrize("topic", sorted(PALLIATIVE_TOPICS))
    def test_the_citizen_and_relatives_are_asked(self, topic: str) -> None:
        da, en = PALLIATIVE_TOPICS[topic]
        asked = [
            q
            for q in BANK.questions(model="home_conversation", audience=HOME)
            if da in q.text.da and en in q.text.en
        ]
        assert len(asked) == 1, topic
        source = asked[0].source
        assert source is not None
        assert "Sundhedsstyrelsen" in source.da
        assert "2017" in source.en

    def test_the_professionals_talk_about_it_too(self) -> None:
        pro = BANK.questions(
            model="home_conversation", audience=lm.Audience.PROFESSIONALS
        )
        palliative = [q for q in pro if q.source is not None and "2017" in q.source.en]
        assert len(palliative) >= 3

    def test_the_learning_meeting_asks_about_every_kind_of_need(self) -> None:
        texts = [q.text.da for q in BANK.questions(model="case_learning")]
        assert any("eksistentielle" in t for t in texts)


class TestLeadersQuestions:
    """Leaders and key persons get questions of their own about the meeting
    structure: which forums exist, where reflection is attached, the time set
    aside, who facilitates, and the follow-up of actions."""

    def test_every_question_speaks_to_leaders(self) -> None:
        model = BANK.model("meeting_structure")
        assert {a for q in model.questions() for a in q.audiences} == {LEAD}

    @pytest.mark.parametrize(
        "asks",
        ["mødefora", "koblet refleksion", "sat tid af", "uddannet", "fulgt op"],
    )
    def test_it_asks_about(self, asks: str) -> None:
        assert any(asks in q.text.da for q in BANK.questions(model="meeting_structure"))

    def test_a_leaders_network_is_given_its_questions(self) -> None:
        chosen = BANK.choose(
            "meeting_structure", format="leaders_network", audience=LEAD, seed="n-1"
        )
        assert len(chosen.questions) == len(BANK.model("meeting_structure").phases)


class TestWording:
    """The reflection labels read as a Danish care worker would write them, not
    as calques from English."""

    def test_gibbs_is_a_model(self) -> None:
        assert BANK.model("gibbs").label.da == "Gibbs' refleksionsmodel"

    def test_the_citizens_everyday_life(self) -> None:
        labels = {p.label.da for p in BANK.model("home_conversation").phases}
        assert "Din hverdag" in labels
        assert "Dine dage" not in labels
