"""Reflection models, their phases and questions, and question banks.

The built-in models and bank are in test_catalog_reflection.py; they serve
here as data to filter, extend and choose from.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet import strategies as lst

BANK = lm.QUESTION_BANK
PRO = lm.Audience.PROFESSIONALS
HOME = lm.Audience.CITIZEN_AND_RELATIVES
LEAD = lm.Audience.LEADERS_AND_KEY_PERSONS


def _phase(code: str, kind: lm.PhaseKind, *ids: str) -> lm.ReflectionPhase:
    return lm.ReflectionPhase(
        code=code,
        label=lm.Label(da=code, en=code),
        kind=kind,
        questions=[
            lm.Question(id=i, text=lm.Label(da=f"{i}?", en=f"{i}?")) for i in ids
        ],
    )


class TestModelRules:
    """A model describes before it concludes and acts, never goes back a
    kind of phase, and asks each question once."""

    def test_needs_description_and_action(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="description phase"):
            lm.ReflectionModel(
                code="x",
                label=lm.Label(da="x", en="x"),
                phases=[_phase("a", lm.PhaseKind.ACTION, "q1")],
            )

    def test_kinds_never_go_backwards(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="comes after") as caught:
            lm.ReflectionModel(
                code="x",
                label=lm.Label(da="x", en="x"),
                phases=[
                    _phase("d", lm.PhaseKind.DESCRIPTION, "q1"),
                    _phase("c", lm.PhaseKind.CONCLUSION, "q2"),
                    _phase("r", lm.PhaseKind.REFLECTION, "q3"),
                    _phase("a", lm.PhaseKind.ACTION, "q4"),
                ],
            )
        assert "kommer efter" in caught.value.message("da")

    def test_question_ids_are_unique_in_a_model(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="used twice"):
            lm.ReflectionModel(
                code="x",
                label=lm.Label(da="x", en="x"),
                phases=[
                    _phase("d", lm.PhaseKind.DESCRIPTION, "q1"),
                    _phase("a", lm.PhaseKind.ACTION, "q1"),
                ],
            )

    def test_a_phase_needs_a_question(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="at least one question"):
            _phase("d", lm.PhaseKind.DESCRIPTION)

    def test_a_question_needs_an_audience(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="audience"):
            lm.Question(id="q", text=lm.Label(da="a?", en="a?"), audiences=[])

    def test_cpr_in_a_question_id_is_refused(self) -> None:
        with pytest.raises(lm.PersonalDataError):
            lm.Question(id="010190-1234", text=lm.Label(da="a?", en="a?"))

    def test_unknown_phase_names_the_closest(self) -> None:
        with pytest.raises(lm.UnknownCodeError, match="'analysis'"):
            BANK.model("gibbs").phase("analysys")


class TestFiltering:
    """Questions are filtered by model, phase, audience and format; every
    question found suits what was asked for."""

    def test_format_tags_narrow_the_questions(self) -> None:
        model = BANK.model("case_learning")
        at_course = model.questions(phase="perspectives", format="mono_course")
        at_audit = model.questions(phase="perspectives", format="audit")
        assert len(at_course) < len(at_audit)
        assert all(q.suits(format="mono_course") for q in at_course)

    def test_audience_filter(self) -> None:
        leaders = BANK.questions(model="gibbs", audience=LEAD)
        professionals = BANK.questions(model="gibbs", audience=PRO)
        assert set(leaders) - set(professionals)  # questions for leaders only
        assert all(LEAD in q.audiences for q in leaders)

    def test_a_format_value_filters_like_its_code(self) -> None:
        fmt = lm.DEFAULT_CATALOG.format("audit")
        assert BANK.questions(format=fmt) == BANK.questions(format="audit")

    def test_phase_filter_across_models(self) -> None:
        found = BANK.questions(phase="description")
        assert found == BANK.model("gibbs").questions(phase="description")

    @given(lst.question_banks(), st.sampled_from(lm.Audience))
    def test_filtered_questions_all_suit(
        self, bank: lm.QuestionBank, audience: lm.Audience
    ) -> None:
        for question in bank.questions(audience=audience, format="home_meeting"):
            assert question.suits(audience=audience, format="home_meeting")


class TestExtending:
    """A bank is extended by returning a new one; a model's code is its key."""

    def test_with_questions_adds_to_a_phase(self) -> None:
        extra = lm.Question(
            id="own.1",
            text=lm.Label(da="Hvad sagde lægen?", en="What did the doctor say?"),
        )
        bank = BANK.with_questions("kolb", "concrete_experience", [extra])
        assert bank.model("kolb").phase("concrete_experience").questions[-1] == extra
        assert extra not in BANK.questions()  # the built-in bank is unchanged

    @given(lst.reflection_models(builtin=False))
    def test_extend_adds_and_replaces_by_code(self, model: lm.ReflectionModel) -> None:
        bank = BANK.extend([model])
        assert bank.model(model.code) == model
        assert len(bank.models) == len(BANK.models) + 1
        assert bank.extend([model]) == bank

    def test_two_models_with_one_code_are_refused(self) -> None:
        gibbs = BANK.model("gibbs")
        with pytest.raises(lm.InvalidValueError, match="listed twice"):
            lm.QuestionBank([gibbs, gibbs])

    def test_unknown_model(self) -> None:
        with pytest.raises(lm.UnknownCodeError, match="'gibbs'"):
            BANK.model("gibs")


class TestChoosing:
    """Choosing questions asks about every phase, keeps the model's order,
    and gives the same questions for the same seed."""

    @given(st.sampled_from(BANK.models), st.integers() | st.text(max_size=10))
    def test_same_seed_same_questions(
        self, model: lm.ReflectionModel, seed: int | str
    ) -> None:
        assert model.choose(seed=seed) == model.choose(seed=seed)

    def test_a_seed_too_long_to_write_in_decimal(self) -> None:
        huge = 10**5000
        assert BANK.choose("gibbs", seed=huge) == BANK.choose("gibbs", seed=huge)
        assert BANK.choose("gibbs", seed=huge).questions  # chosen, never refused

    def test_the_seed_matters(self) -> None:
        chosen = {BANK.choose("gibbs", seed=n).questions for n in range(20)}
        assert len(chosen) > 1

    @given(
        lst.reflection_models(),
        st.sampled_from(lm.Audience),
        st.integers(1, 4),
        st.integers(),
    )
    def test_every_phase_is_asked_about(
        self,
        model: lm.ReflectionModel,
        audience: lm.Audience,
        per_phase: int,
        seed: int,
    ) -> None:
        reflection = model.choose(audience=audience, per_phase=per_phase, seed=seed)
        assert reflection.model == model.code
        expected = 0
        for phase in model.phases:
            suitable = [q for q in phase.questions if audience in q.audiences]
            expected += min(per_phase, len(suitable or phase.questions))
        assert len(reflection.questions) == expected
        assert set(reflection.questions) <= {q.text for q in model.questions()}

    def test_questions_keep_the_model_order(self) -> None:
        model = BANK.model("gibbs")
        order = [q.text for q in model.questions()]
        chosen = model.choose(per_phase=2, seed=3).questions
        assert list(chosen) == sorted(chosen, key=order.index)

    def test_home_meeting_questions_speak_to_the_citizen(self) -> None:
        reflection = BANK.choose(
            "home_conversation", audience=HOME, per_phase=3, seed="m-9"
        )
        home = {
            q.text for q in BANK.questions(model="home_conversation", audience=HOME)
        }
        follow_up = BANK.model("home_conversation").phases[0]
        assert set(reflection.questions) <= home | {q.text for q in follow_up.questions}

    @pytest.mark.parametrize("bad", [0, -1, True, 1.5])
    def test_per_phase_must_be_a_count(self, bad: object) -> None:
        with pytest.raises(lm.InvalidValueError, match="per_phase"):
            BANK.choose("kolb", per_phase=bad)  # type: ignore[arg-type]

    @settings(max_examples=20)
    @given(st.sampled_from(lm.FORMATS))
    def test_chosen_questions_suit_the_format_where_any_do(
        self, fmt: lm.MeetingFormat
    ) -> None:
        for model in BANK.models:
            chosen = set(model.choose(format=fmt, per_phase=5).questions)
            suitable = {q.text for q in model.questions(format=fmt)}
            assert chosen <= suitable


class TestSource:
    """A question may say where it comes from; it says nothing by default, and
    a source is a bilingual label."""

    def test_no_source_by_default(self) -> None:
        question = lm.Question(id="q.1", text=lm.Label(da="Hvad nu?", en="What now?"))
        assert question.source is None

    def test_a_source_is_kept(self) -> None:
        source = lm.Label(da="vores eget spørgsmål", en="our own question")
        question = lm.Question(
            id="q.1", text=lm.Label(da="Hvad nu?", en="What now?"), source=source
        )
        assert question.source == source

    @pytest.mark.parametrize("bad", ["Gibbs 1988", 1988, ("da", "en")])
    def test_a_source_must_be_a_label(self, bad: object) -> None:
        with pytest.raises(lm.LearnmeetError, match="source"):
            lm.Question(
                id="q.1",
                text=lm.Label(da="Hvad nu?", en="What now?"),
                source=bad,  # type: ignore[arg-type]
            )

    @given(lst.questions())
    def test_generated_sources_are_labels_or_none(self, question: lm.Question) -> None:
        assert question.source is None or isinstance(question.source, lm.Label)
