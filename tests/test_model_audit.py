"""The cross-sectoral audit's assessment form: the checklist the panel reads,
the findings with one of the five usual causes of failure, agreed actions."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given

import learnmeet as lm
from examples import CASE, DISCHARGE
from learnmeet import strategies as lst
from learnmeet.data import load_sample

D = lm.HandoverDocument
C = lm.AuditCriterion
V = lm.AuditVerdict
SAMPLE = load_sample()
AUDIT = next(m for m in SAMPLE.meetings if m.format.code == "audit")


def lines(checks: tuple[lm.AuditCheck, ...]) -> list[tuple[str, str, str]]:
    """The checklist as (criterion, document, verdict) codes."""
    return [
        (c.criterion.code, c.document.code if c.document else "", c.verdict.code)
        for c in checks
    ]


class TestTheChecklist:
    """What the panel should look at, read from the transition and the table
    of MedCom documents each kind of transition expects."""

    def test_a_discharge_without_its_plan(self) -> None:
        move = attrs.evolve(
            DISCHARGE,
            documents={D.DISCHARGE_REPORT, D.DISCHARGE_SUMMARY, D.MEDICATION_LIST},
        )
        case = attrs.evolve(CASE, transitions=[move])
        assert lines(lm.audit_checklist(case)) == [
            ("documents_present", "discharge_report", "met"),
            ("documents_present", "discharge_summary", "met"),
            ("documents_present", "treatment_completed", "not_met"),
            ("documents_present", "care_course_plan", "not_assessed"),
            ("documents_present", "medication_list", "met"),
            ("rehabilitation_plan", "rehabilitation_plan", "not_met"),
            ("timely", "", "not_assessed"),
            ("complete", "", "not_assessed"),
        ]

    def test_the_plan_and_a_complex_course_plan_that_went_along(self) -> None:
        move = attrs.evolve(
            DISCHARGE, documents={D.REHABILITATION_PLAN, D.CARE_COURSE_PLAN}
        )
        found = lines(lm.audit_checklist(attrs.evolve(CASE, transitions=[move])))
        assert ("rehabilitation_plan", "rehabilitation_plan", "met") in found
        assert ("documents_present", "care_course_plan", "met") in found

    def test_no_need_recorded_is_for_the_panel_to_judge(self) -> None:
        move = attrs.evolve(DISCHARGE, rehabilitation_needed=False, documents=())
        found = lines(lm.audit_checklist(attrs.evolve(CASE, transitions=[move])))
        assert ("rehabilitation_plan", "rehabilitation_plan", "not_assessed") in found

    def test_an_admission_has_no_plan_line(self) -> None:
        move = attrs.evolve(
            DISCHARGE, kind=lm.TransitionKind.ADMISSION, documents={D.ADMISSION_REPORT}
        )
        assert lines(lm.audit_checklist(attrs.evolve(CASE, transitions=[move]))) == [
            ("documents_present", "admission_report", "met"),
            ("timely", "", "not_assessed"),
            ("complete", "", "not_assessed"),
        ]

    def test_by_default_the_last_transition_with_something_missing(self) -> None:
        (case,) = [c for c in SAMPLE.cases if c.id == "c-106"]
        admission, discharge = case.transitions
        assert not admission.missing_documents
        assert lm.audit_checklist(case) == lm.audit_checklist(case, transition=1)
        complete = attrs.evolve(
            discharge, documents=discharge.documents | set(discharge.expected_documents)
        )
        whole = attrs.evolve(case, transitions=[admission, complete])
        assert lm.audit_checklist(whole) == lm.audit_checklist(whole, transition=1)
        assert lm.audit_checklist(whole, transition=0)[0].document is D.ADMISSION_REPORT

    @pytest.mark.parametrize("index", [2, 7])
    def test_a_transition_it_does_not_have_is_refused(self, index: int) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.audit_checklist(CASE, transition=index)
        assert caught.value.path == ("transition",)
        assert "0 to 0" in caught.value.reason.en

    def test_a_case_without_transitions_is_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.audit_checklist(attrs.evolve(CASE, transitions=()))
        assert caught.value.path == ("case", "transitions")
        assert "borgerforløbet 'c-101'" in caught.value.reason.da

    @given(lst.citizen_cases(with_transition=True))
    def test_every_missing_document_is_a_line_not_met(
        self, case: lm.CitizenCase
    ) -> None:
        for index, move in enumerate(case.transitions):
            checks = lm.audit_checklist(case, transition=index)
            unmet = {c.document for c in checks if c.verdict is V.NOT_MET}
            assert unmet == set(move.missing_documents)
            plan = [c for c in checks if c.criterion is C.REHABILITATION_PLAN]
            assert bool(plan) == (move.kind is lm.TransitionKind.DISCHARGE)


class TestTheForm:
    """The form of one audited transition, started from the audit meeting."""

    def test_started_from_the_samples_audit(self) -> None:
        form = lm.AuditAssessment.from_meeting(AUDIT)
        assert (form.meeting, form.case, form.transition) == (AUDIT.id, "c-106", 1)
        assert form.transition_on == date(2026, 9, 14)
        assert [c.document for c in form.unmet] == [D.REHABILITATION_PLAN]
        assert form.findings == form.actions == ()
        assert form.causes == ()

    def test_findings_and_their_causes(self) -> None:
        form = attrs.evolve(
            lm.AuditAssessment.from_meeting(AUDIT),
            findings=[
                lm.AuditFinding(
                    text="Afdelingen troede, kommunen selv vurderede behovet",
                    cause=lm.FailureCause.RESPONSIBILITY,
                    criterion=C.REHABILITATION_PLAN,
                ),
                lm.AuditFinding(
                    text="Ingen ringede ved udskrivelsen",
                    cause=lm.FailureCause.COMMUNICATION,
                ),
            ],
        )
        assert form.causes == (
            lm.FailureCause.COMMUNICATION,
            lm.FailureCause.RESPONSIBILITY,
        )

    def test_the_five_causes_in_both_languages(self) -> None:
        assert [c.label.da for c in lm.FailureCause] == [
            "kommunikation",
            "information",
            "ansvar",
            "organisering",
            "kultur",
        ]
        assert [c.code for c in lm.FailureCause] == [
            "communication",
            "information",
            "responsibility",
            "organisation",
            "culture",
        ]

    def test_a_chosen_transition(self) -> None:
        form = lm.AuditAssessment.from_meeting(AUDIT, transition=0)
        assert form.transition_on == date(2026, 9, 1)
        assert form.unmet == ()

    def test_a_meeting_without_a_case_is_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.AuditAssessment.from_meeting(attrs.evolve(AUDIT, case=None))
        assert caught.value.path == ("meeting", "case")

    def test_only_the_audits_own_actions(self) -> None:
        form = lm.AuditAssessment.from_meeting(AUDIT)
        action = lm.Action(
            id="a-1",
            text="Udskrivningstjekliste med genoptræningsplan",
            owner="professional:p-018",
            due=date(2027, 4, 1),
            raised_at=AUDIT.id,
        )
        assert attrs.evolve(form, actions=[action]).actions == (action,)
        with pytest.raises(lm.InvalidValueError) as caught:
            attrs.evolve(form, actions=[attrs.evolve(action, raised_at="m-other")])
        assert caught.value.path == ("actions", 0, "raised_at")
        with pytest.raises(lm.InvalidValueError):
            attrs.evolve(form, actions=[action, action])

    @pytest.mark.parametrize("text", ["", "   "])
    def test_a_finding_has_words(self, text: str) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.AuditFinding(text=text, cause=lm.FailureCause.CULTURE)
        assert caught.value.path == ("text",)

    def test_a_finding_never_holds_a_cpr_number(self) -> None:
        with pytest.raises(lm.PersonalDataError):
            lm.AuditFinding(text="borger 010203-1234", cause=lm.FailureCause.CULTURE)

    def test_a_transition_index_is_not_negative(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            attrs.evolve(lm.AuditAssessment.from_meeting(AUDIT), transition=-1)


class TestJson:
    """The form survives a JSON round trip; what is left at its default is not
    written."""

    def test_round_trip_and_defaults_left_out(self) -> None:
        form = lm.AuditAssessment.from_meeting(AUDIT)
        data = lm.to_dict(form)["data"]
        assert "findings" not in data
        assert "actions" not in data
        assert data["checks"][-1] == {
            "criterion": "complete",
            "verdict": "not_assessed",
        }
        assert lm.from_dict(lm.AuditAssessment, lm.to_dict(form)) == form
        bare = lm.to_dict(attrs.evolve(form, checks=()))["data"]
        assert sorted(bare) == ["case", "meeting", "transition", "transition_on"]
        assert lm.from_json(lm.AuditAssessment, lm.to_json(form)) == form

    def test_a_cause_that_is_no_code_is_refused_with_its_path(self) -> None:
        finding = lm.AuditFinding(text="noget", cause=lm.FailureCause.CULTURE)
        data = lm.to_dict(
            attrs.evolve(lm.AuditAssessment.from_meeting(AUDIT), findings=[finding])
        )
        data["data"]["findings"][0]["cause"] = "weather"
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.AuditAssessment, data)
        (problem,) = caught.value.problems
        assert problem.json_path == "$.findings[0].cause"
