"""Strategies for the audit's assessment form: valid by construction."""

from __future__ import annotations

from hypothesis import given

import learnmeet as lm
from learnmeet import strategies as lst


class TestAssessments:
    """Every action of a generated form was agreed at its audit, and the form
    survives a JSON round trip."""

    @given(lst.audit_assessments())
    def test_actions_were_raised_at_the_audit(self, form: lm.AuditAssessment) -> None:
        assert all(a.raised_at == form.meeting for a in form.actions)
        assert len({a.id for a in form.actions}) == len(form.actions)

    @given(lst.audit_assessments())
    def test_round_trip(self, form: lm.AuditAssessment) -> None:
        assert lm.from_json(lm.AuditAssessment, lm.to_json(form)) == form

    @given(lst.audit_findings())
    def test_findings_have_words_and_a_cause(self, finding: lm.AuditFinding) -> None:
        assert finding.text.strip()
        assert finding.cause in lm.FailureCause

    @given(lst.audit_checks())
    def test_checks_never_hold_the_old_code(self, check: lm.AuditCheck) -> None:
        assert check.document is not lm.HandoverDocument.NURSING_REPORT
