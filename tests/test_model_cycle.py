"""The reflection cycle: its order, its immutability, and actions carried on."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import attrs
import pytest
from hypothesis import event, given, settings, strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

import learnmeet as lm
from examples import CASE, NURSE_N, PT_N, attend
from learnmeet import strategies as lst

KOLB = lm.QUESTION_BANK.model("kolb")
CASE_MODEL = lm.QUESTION_BANK.model("case_learning")
DUE = date(2027, 2, 1)


def _through(cycle: lm.ReflectionCycle, phase: str) -> lm.ReflectionCycle:
    """Contribute in every phase and advance until *phase* is current."""
    while cycle.phase.code != phase:
        cycle = cycle.contribute("professional:p-1", "noget").advance()
    return cycle


def _to_action_phase(model: lm.ReflectionModel = KOLB) -> lm.ReflectionCycle:
    cycle = lm.ReflectionCycle.start(model, subject="c-1", meeting="m-1")
    action = next(p.code for p in model.phases if p.kind is lm.PhaseKind.ACTION)
    return _through(cycle, action).contribute("professional:p-2", "vi gør det")


class TestOrder:
    """A cycle keeps its phases in order: nothing is concluded before it is
    described, actions are agreed in the action phase, and a refused step
    says why and how to go on."""

    def test_no_advance_without_a_contribution(self) -> None:
        cycle = lm.ReflectionCycle.start(KOLB, subject="c-1", meeting="m-1")
        with pytest.raises(lm.CycleOrderError, match="no contribution") as caught:
            cycle.advance()
        assert "intet indlæg" in caught.value.message("da")
        assert caught.value.fix

    def test_no_conclusion_before_a_description(self) -> None:
        cycle = lm.ReflectionCycle.start(KOLB, subject="c-1", meeting="m-1")
        cycle = cycle.contribute("professional:p-1", "Det skete")
        with pytest.raises(lm.CycleOrderError, match="describe first"):
            cycle.learn("For tidligt")

    def test_learning_in_a_reflection_phase(self) -> None:
        cycle = _through(
            lm.ReflectionCycle.start(KOLB, subject="c-1", meeting="m-1"),
            "reflective_observation",
        )
        cycle = cycle.learn("Vi kender ikke hinandens tilbud", tags={"knowing_offers"})
        assert cycle.learning_points[0].phase == "reflective_observation"
        assert cycle.learning_points[0].tags == {"knowing_offers"}

    def test_actions_only_in_the_action_phase(self) -> None:
        cycle = lm.ReflectionCycle.start(KOLB, subject="c-1", meeting="m-1")
        with pytest.raises(lm.CycleOrderError, match="action phase"):
            cycle.act("a-1", "Ring", owner="professional:p-1", due=DUE)

    def test_no_advance_past_the_last_phase(self) -> None:
        with pytest.raises(lm.CycleOrderError, match="last phase"):
            _to_action_phase().advance()

    def test_close_only_at_the_end(self) -> None:
        cycle = lm.ReflectionCycle.start(KOLB, subject="c-1", meeting="m-1")
        with pytest.raises(lm.CycleOrderError, match="only in its last phase"):
            cycle.contribute("professional:p-1", "x").close()

    def test_no_closing_with_open_actions(self) -> None:
        cycle = _to_action_phase().act("a-1", "Ring", owner=NURSE_N, due=DUE)
        with pytest.raises(lm.CycleOrderError, match="still open") as caught:
            cycle.close()
        assert "carry=True" in caught.value.fix.en
        closed = cycle.close(carry=True)
        assert closed.closed
        assert [a.id for a in closed.open_actions] == ["a-1"]

    def test_settled_actions_let_it_close(self) -> None:
        cycle = _to_action_phase().act("a-1", "Ring", owner=NURSE_N, due=DUE)
        closed = cycle.settle("a-1", lm.ActionStatus.DONE).close()
        assert closed.closed
        assert not closed.open_actions

    def test_a_closed_cycle_takes_no_step(self) -> None:
        closed = _to_action_phase().close()
        for step in (
            lambda: closed.contribute("professional:p-1", "x"),
            lambda: closed.learn("x"),
            closed.advance,
            closed.close,
        ):
            with pytest.raises(lm.CycleOrderError, match="is closed"):
                step()

    def test_action_ids_are_unique(self) -> None:
        cycle = _to_action_phase().act("a-1", "Ring", owner=NURSE_N, due=DUE)
        with pytest.raises(lm.CycleOrderError, match="already used"):
            cycle.act("a-1", "Skriv", owner=NURSE_N, due=DUE)

    def test_settle_twice_or_unknown(self) -> None:
        cycle = _to_action_phase().act("a-1", "Ring", owner=NURSE_N, due=DUE)
        done = cycle.settle("a-1", lm.ActionStatus.DROPPED)
        with pytest.raises(lm.CycleOrderError, match="only an open action"):
            done.settle("a-1", lm.ActionStatus.DONE)
        with pytest.raises(lm.CycleOrderError, match="no action 'a-9'"):
            cycle.settle("a-9", lm.ActionStatus.DONE)
        with pytest.raises(lm.CycleOrderError, match="only an open action"):
            cycle.settle("a-1", lm.ActionStatus.OPEN)


class TestContributions:
    """A contribution records who spoke, in which phase, and their profession
    if they have one; it never holds a CPR number."""

    def test_by_attendee_records_the_profession(self) -> None:
        cycle = lm.ReflectionCycle.start(KOLB, subject="c-1", meeting="m-1")
        cycle = cycle.contribute(attend(PT_N), "Genoptræningsplanen kom ikke med")
        contribution = cycle.contributions[0]
        assert contribution.person == PT_N.key
        assert contribution.profession == PT_N.profession
        assert contribution.phase == "concrete_experience"

    def test_the_citizen_has_no_profession(self) -> None:
        cycle = lm.ReflectionCycle.start(
            lm.QUESTION_BANK.model("home_conversation"), subject="c-1", meeting="m-1"
        )
        cycle = cycle.contribute(CASE.citizen, "Jeg vil gerne blive hjemme")
        assert cycle.contributions[0].profession is None
        assert cycle.contributions[0].person == CASE.citizen.key

    def test_cpr_in_a_contribution_is_refused(self) -> None:
        cycle = lm.ReflectionCycle.start(KOLB, subject="c-1", meeting="m-1")
        with pytest.raises(lm.PersonalDataError):
            cycle.contribute("professional:p-1", "borger 010190-1234 faldt")


class TestSeries:
    """The next meeting about the same subject starts from the open actions of
    the last, and must speak to them before it moves on."""

    def test_next_meeting_starts_with_the_open_actions(self) -> None:
        first = _to_action_phase(CASE_MODEL)
        first = first.act("a-1", "Ring til egen læge", owner=NURSE_N, due=DUE)
        first = first.act("a-2", "Bestil hjælpemiddel", owner=PT_N, due=DUE)
        first = first.settle("a-2", lm.ActionStatus.DONE).close(carry=True)
        second = first.next("m-2")
        assert second.meeting == "m-2"
        assert second.subject == "c-1"
        assert [a.id for a in second.carried_actions] == ["a-1"]
        assert second.phase.kind is lm.PhaseKind.FOLLOW_UP
        # with carried actions the follow-up phase must be spoken to
        with pytest.raises(lm.CycleOrderError, match="no contribution"):
            second.advance()
        second = second.settle("a-1", lm.ActionStatus.DONE)
        second = second.contribute(NURSE_N, "Lægen er ringet op").advance()
        assert second.phase.code == "case_presentation"

    def test_follow_up_is_skipped_when_nothing_is_carried(self) -> None:
        cycle = lm.ReflectionCycle.start(CASE_MODEL, subject="c-1", meeting="m-1")
        assert cycle.advance().phase.code == "case_presentation"

    def test_previous_must_be_closed_and_about_the_same_subject(self) -> None:
        open_cycle = _to_action_phase()
        with pytest.raises(lm.CycleOrderError, match="still open"):
            open_cycle.next("m-2")
        closed = open_cycle.close()
        with pytest.raises(lm.CycleOrderError, match="is about 'c-1'"):
            lm.ReflectionCycle.start(
                KOLB, subject="c-2", meeting="m-2", previous=closed
            )

    def test_start_takes_a_meeting(self) -> None:
        meeting = lm.Meeting(
            id="m-7",
            format=lm.DEFAULT_CATALOG.format("operational_meeting"),
            start=datetime(2027, 1, 5, 9, tzinfo=lm.COPENHAGEN),
            duration=timedelta(hours=1),
        )
        cycle = lm.ReflectionCycle.start(KOLB, subject="forum-1", meeting=meeting)
        assert cycle.meeting == "m-7"


class TestConstruction:
    """A cycle built directly (or read from JSON) must be valid too."""

    def test_position_in_range(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="phase index"):
            lm.ReflectionCycle(model=KOLB, subject="c", meeting="m", position=4)

    def test_no_phase_passed_in_silence(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="without a contribution"):
            lm.ReflectionCycle(model=KOLB, subject="c", meeting="m", position=1)

    def test_no_contribution_to_a_later_phase(self) -> None:
        early = lm.Contribution(phase="active_experimentation", person="p")
        with pytest.raises(lm.InvalidValueError, match="not reached"):
            lm.ReflectionCycle(
                model=KOLB, subject="c", meeting="m", contributions=[early]
            )

    def test_no_own_action_before_the_action_phase(self) -> None:
        action = lm.Action(id="a", text="x", owner="p", due=DUE, raised_at="m")
        with pytest.raises(lm.InvalidValueError, match="before the action phase"):
            lm.ReflectionCycle(model=KOLB, subject="c", meeting="m", actions=[action])

    def test_learning_point_in_a_description_phase(self) -> None:
        point = lm.LearningPoint(phase="concrete_experience", text="x")
        with pytest.raises(lm.InvalidValueError, match="before anything was"):
            lm.ReflectionCycle(
                model=KOLB, subject="c", meeting="m", learning_points=[point]
            )

    def test_closed_only_at_the_end(self) -> None:
        said = lm.Contribution(phase="concrete_experience", person="p")
        with pytest.raises(lm.InvalidValueError, match="close only in its last"):
            lm.ReflectionCycle(
                model=KOLB, subject="c", meeting="m", contributions=[said], closed=True
            )

    def test_a_huge_position_is_refused_in_words(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.ReflectionCycle(model=KOLB, subject="c", meeting="m", position=10**5000)
        assert "got a number of 5001 digits" in caught.value.message("en")
        assert "fik et tal på 5001 cifre" in caught.value.message("da")

    @given(lst.reflection_cycles())
    def test_generated_cycles_rebuild(self, cycle: lm.ReflectionCycle) -> None:
        assert attrs.evolve(cycle) == cycle
        assert lm.from_json(lm.ReflectionCycle, lm.to_json(cycle)) == cycle

    def test_bad_cycle_from_json_has_a_path(self) -> None:
        cycle = _to_action_phase()
        document = lm.to_dict(cycle)
        document["data"]["position"] = 0
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.ReflectionCycle, document)
        assert caught.value.problems[0].json_path.startswith("$")
        assert "not reached" in caught.value.errors[0]


class TestRefusedStepsRepeatNothing:
    """A step refused for an id or subject the caller gave names it only short
    and redacted: an id of a settled action, a subject of another series."""

    @pytest.mark.parametrize(
        "given",
        ["a-120304-5678", "x\u200b12\u20130304\xa05678", "a" * 10_000, "a\u200b1"],
    )
    def test_settle_and_start(self, given: str) -> None:
        cycle = _to_action_phase()
        closed = _through(cycle, cycle.model.phases[-1].code)
        closed = closed.contribute("professional:p-1", "slut").close()
        for step in (
            lambda: cycle.settle(given, lm.ActionStatus.DONE),
            lambda: lm.ReflectionCycle.start(
                KOLB, subject=given, meeting="m-2", previous=closed
            ),
        ):
            with pytest.raises(lm.CycleOrderError) as caught:
                step()
            for lang in lm.LANGUAGES:
                message = caught.value.message(lang)
                assert given not in message
                assert "\\" not in message  # no escape hides digits
                assert not lm.looks_like_cpr(message)
                assert len(message) < 300


_WHO = st.sampled_from(["professional:p-1", "professional:p-2", "citizen:B-1"])


class CycleMachine(RuleBasedStateMachine):
    """Any sequence of steps, valid or not, leaves only valid cycles behind.

    A refused step raises ``CycleOrderError`` and changes nothing (the old value
    is immutable); an accepted step gives a cycle that passes every check a
    directly built cycle must pass.
    """

    cycle: lm.ReflectionCycle

    @initialize(model=lst.reflection_models())
    def begin(self, model: lm.ReflectionModel) -> None:
        self.cycle = lm.ReflectionCycle.start(model, subject="c-1", meeting="m-1")
        self.number = 0
        self.meetings = 1

    def _try(self, step: object) -> None:
        before = self.cycle
        snapshot = lm.to_json(before)
        try:
            after = step() if callable(step) else step
        except lm.CycleOrderError as error:
            refused = error
        else:
            assert isinstance(after, lm.ReflectionCycle)
            self.cycle = after
            return
        assert refused.message("da") != refused.message("en")
        assert refused.fix
        assert lm.to_json(self.cycle) == snapshot  # nothing half-done

    @rule(who=_WHO, text=st.sampled_from(["Det skete", "Vi så det", ""]))
    def contribute(self, who: str, text: str) -> None:
        self._try(lambda: self.cycle.contribute(who, text))

    @rule(tags=st.frozensets(st.sampled_from(sorted(lm.LEARNING_TAGS))))
    def learn(self, tags: frozenset[str]) -> None:
        self._try(lambda: self.cycle.learn("En pointe", tags=tags))

    @rule(who=_WHO)
    def act(self, who: str) -> None:
        self.number += 1
        self._try(
            lambda: self.cycle.act(f"a-{self.number}", "Gør det", owner=who, due=DUE)
        )

    @rule(data=st.data(), status=st.sampled_from(lm.ActionStatus))
    def settle(self, data: st.DataObject, status: lm.ActionStatus) -> None:
        ids = [a.id for a in self.cycle.actions] + ["a-missing"]
        action = data.draw(st.sampled_from(ids))
        self._try(lambda: self.cycle.settle(action, status))

    @rule()
    def advance(self) -> None:
        self._try(self.cycle.advance)

    @rule(who=_WHO)
    def speak_and_advance(self, who: str) -> None:
        # Moves through the phases faster, so that closing is reached often.
        self.contribute(who, "Kort indlæg")
        self.advance()

    @rule(carry=st.booleans())
    def close(self, carry: bool) -> None:
        self._try(lambda: self.cycle.close(carry=carry))

    @precondition(lambda self: self.cycle.closed)
    @rule()
    def next_meeting(self) -> None:
        open_before = self.cycle.open_actions
        event("a cycle was carried to the next meeting")
        self.meetings += 1
        self.cycle = self.cycle.next(f"m-{self.meetings}")
        assert self.cycle.actions == open_before
        assert self.cycle.position == 0
        assert not self.cycle.contributions

    @invariant()
    def is_valid(self) -> None:
        cycle = self.cycle
        assert attrs.evolve(cycle) == cycle  # every construction check passes
        kinds = [cycle.model.phases[i].kind for i in range(cycle.position + 1)]
        if cycle.learning_points:
            assert lm.PhaseKind.DESCRIPTION in kinds[:-1] or any(
                k.rank >= lm.PhaseKind.REFLECTION.rank for k in kinds
            )
            assert lm.PhaseKind.DESCRIPTION in kinds
        own = [a for a in cycle.actions if a.raised_at == cycle.meeting]
        if own:
            assert lm.PhaseKind.ACTION in kinds
        if cycle.closed:
            assert cycle.is_last_phase
            assert cycle.contributions_in(cycle.phase.code)

    @invariant()
    def nothing_is_lost(self) -> None:
        ids = [a.id for a in self.cycle.actions]
        assert len(ids) == len(set(ids))


CycleMachine.TestCase.settings = settings(
    max_examples=60, stateful_step_count=40, deadline=None
)
TestCycleMachine = CycleMachine.TestCase
