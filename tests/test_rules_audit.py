"""Transitions and the cross-sectoral audit: a case with a transition, a panel
from both sides, and a discharge that needed a rehabilitation plan and went
without it (Sundhedsloven § 84)."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
from hypothesis import given, strategies as st

import learnmeet as lm
from examples import CASE, CAT, DISCHARGE, DOCTOR, GP, NURSE_N, OT_N, PT_N, attend
from learnmeet import strategies as lst
from learnmeet.rules import _audit
from rule_cases import (
    VALID,
    BreachTable,
    each_rule_tests,
    with_attendees,
    with_changes,
)

F = lm.AttendeeRole.FACILITATOR
PLAN = lm.HandoverDocument.REHABILITATION_PLAN


def without_plan(move: lm.Transition = DISCHARGE, **changes: object) -> lm.Transition:
    """*move* (a discharge of a citizen who needs rehabilitation) without the plan."""
    return attrs.evolve(move, documents=move.documents - {PLAN}, **changes)


def about(fmt: str, *moves: lm.Transition) -> lm.Meeting:
    """The valid meeting of *fmt*, its case with *moves* as its transitions."""
    meeting = VALID[fmt]
    assert meeting.case is not None
    return attrs.evolve(meeting, case=attrs.evolve(meeting.case, transitions=moves))


BREACHES: BreachTable = {
    "LM110": (
        # The doctor is in the care team: without the discharge, the hospital
        # would otherwise hold nothing and hear of the case by disclosure.
        lambda: with_changes(
            "audit",
            case=attrs.evolve(
                CASE, transitions=(), care_team=[*CASE.care_team, DOCTOR]
            ),
        ),
    ),
    "LM135": (lambda: about("audit", without_plan()),),
    "LM111": (
        lambda: with_attendees(
            "audit",
            attend(OT_N, F),
            attend(NURSE_N),
            attend(GP),
            attend(PT_N),
        ),
    ),
}


TestEachRule = each_rule_tests(BREACHES, _audit)


class TestThePanel:
    """The panel covers both sectors of some transition of the case."""

    def test_covering_an_earlier_transition_is_enough(self) -> None:
        referral = lm.Transition(
            on=date(2027, 2, 1),
            from_sector=CAT.sector("general_practice"),
            to_sector=CAT.sector("municipality"),
            kind=lm.TransitionKind.REFERRAL,
        )
        meeting = attrs.evolve(
            VALID["audit"], case=attrs.evolve(CASE, transitions=[DISCHARGE, referral])
        )
        assert lm.validate(meeting).ok

    def test_the_latest_transition_names_what_is_missing(self) -> None:
        report = lm.validate(BREACHES["LM111"][0]())
        assert report.violations[0].message.en.endswith("missing: hospital (region)")
        assert report.violations[0].message.da.endswith("mangler: sygehus (region)")

    def test_no_internal_code_names_the_case(self) -> None:
        report = lm.validate(BREACHES["LM110"][0]())
        assert "borgerforløbet 'c-101'" in report.violations[0].message.da
        assert " sag " not in report.violations[0].message.da


class TestTheRehabilitationPlan:
    """A discharge of a citizen with a medically justified need of rehabilitation
    goes with the region's rehabilitation plan (Sundhedsloven § 84); without it
    the audit of the course warns, and any other meeting about the case notes
    it as a learning point."""

    def test_with_the_plan_nothing_is_found(self) -> None:
        assert DISCHARGE.rehabilitation_needed
        assert PLAN in DISCHARGE.documents
        assert lm.validate(about("audit", DISCHARGE)).ok

    def test_the_audit_warns_and_cites_both_sections(self) -> None:
        (found,) = lm.validate(about("audit", without_plan())).violations
        assert found.severity is lm.Severity.WARNING
        assert found.subject == lm.Subject(lm.SubjectKind.CASE, "c-101")
        assert "§ 84" in found.message.da
        assert "genoptræningsplan" in found.message.da
        assert "take it up in the audit as a finding" in found.message.en
        rule = lm.DEFAULT_RULES.rule("LM135")
        assert rule.meaning is not None
        assert "§ 84" in rule.meaning.en
        assert "§ 140" in rule.meaning.en

    def test_any_other_meeting_about_the_case_notes_it(self) -> None:
        report = lm.validate(about("learning_meeting", without_plan()))
        (found,) = report.violations
        assert (found.code, found.severity) == ("LM135", lm.Severity.INFO)
        assert "læringspunkt" in found.message.da
        assert report.ok

    def test_each_discharge_without_the_plan_is_one_finding(self) -> None:
        second = without_plan(on=DISCHARGE.on + timedelta(days=3))
        report = lm.validate(about("audit", without_plan(), second))
        assert [v.code for v in report.violations] == ["LM135", "LM135"]

    def test_a_discharge_after_the_meeting_is_not_yet_a_finding(self) -> None:
        meeting = VALID["audit"]
        later = without_plan(on=meeting.start.date() + timedelta(days=1))
        assert lm.validate(about("audit", DISCHARGE, later)).ok

    def test_without_a_need_no_plan_is_needed(self) -> None:
        assert lm.validate(about("audit", without_plan(rehabilitation_needed=False))).ok

    def test_only_a_discharge_needs_the_plan(self) -> None:
        for kind in set(lm.TransitionKind) - {lm.TransitionKind.DISCHARGE}:
            assert lm.validate(about("audit", without_plan(kind=kind))).ok

    def test_a_meeting_without_a_case_has_nothing_to_find(self) -> None:
        assert lm.validate(with_changes("roadshow", case=None)).ok

    @given(lst.meetings(), st.data())
    def test_with_the_plan_it_never_fires(
        self, meeting: lm.Meeting, data: st.DataObject
    ) -> None:
        """Any meeting whose case's discharges carry the plan where needed."""
        if meeting.case is None:
            return
        moves = data.draw(
            st.lists(lst.transitions(before=meeting.start.date()), max_size=3)
        )
        with_plan = [
            attrs.evolve(
                t, kind=lm.TransitionKind.DISCHARGE, documents=t.documents | {PLAN}
            )
            for t in sorted(moves, key=lambda t: t.on)
        ]
        case = attrs.evolve(meeting.case, transitions=with_plan)
        report = lm.validate(attrs.evolve(meeting, case=case))
        assert "LM135" not in report.codes

    @given(lst.meetings(format="audit"), st.data())
    def test_without_it_an_audit_always_warns(
        self, meeting: lm.Meeting, data: st.DataObject
    ) -> None:
        case = meeting.case
        assert case is not None
        index = data.draw(st.integers(0, len(case.transitions) - 1))
        moves = list(case.transitions)
        moves[index] = without_plan(
            moves[index], kind=lm.TransitionKind.DISCHARGE, rehabilitation_needed=True
        )
        report = lm.validate(
            attrs.evolve(meeting, case=attrs.evolve(case, transitions=moves))
        )
        assert "LM135" in report.codes
        assert {v.severity for v in report.violations if v.code == "LM135"} == {
            lm.Severity.WARNING
        }
