"""Strategies for the cross-sectoral audit's assessment form and its findings."""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.model._arguments import checked
from learnmeet.model._audit import (
    AuditAssessment,
    AuditCheck,
    AuditCriterion,
    AuditFinding,
    AuditVerdict,
    FailureCause,
)
from learnmeet.model._cases import HandoverDocument
from learnmeet.model._cycle import Action, ActionStatus
from learnmeet.strategies._common import _PEOPLE, _SAYINGS, _TEXT, _code, _days

__all__ = ["audit_assessments", "audit_checks", "audit_findings"]

_DOCUMENTS = [d for d in HandoverDocument if d is not HandoverDocument.NURSING_REPORT]
_FOUND = _SAYINGS.filter(str.strip)


@checked
def audit_checks() -> SearchStrategy[AuditCheck]:
    """Lines of an audit's assessment form: any criterion, verdict and document.

    >>> check = find(lst.audit_checks(), lambda _: True, settings=quick)
    >>> check.criterion in set(lm.AuditCriterion), check.verdict in set(lm.AuditVerdict)
    (True, True)

    .. versionadded:: 0.3.0
    """
    return st.builds(
        AuditCheck,
        criterion=st.sampled_from(AuditCriterion),
        verdict=st.sampled_from(AuditVerdict),
        document=st.none() | st.sampled_from(_DOCUMENTS),
        note=st.just("") | _TEXT,
    )


@checked
def audit_findings() -> SearchStrategy[AuditFinding]:
    """What an audit panel found, each with one of the five causes.

    >>> finding = find(lst.audit_findings(), lambda _: True, settings=quick)
    >>> finding.cause in set(lm.FailureCause), len(lm.FailureCause)
    (True, 5)

    .. versionadded:: 0.3.0
    """
    return st.builds(
        AuditFinding,
        text=_FOUND,
        cause=st.sampled_from(FailureCause),
        criterion=st.none() | st.sampled_from(AuditCriterion),
    )


@st.composite
def _assessments(draw: st.DrawFn) -> AuditAssessment:
    meeting = draw(_code("audit"))
    actions = draw(
        st.lists(
            st.builds(
                Action,
                id=_code("a"),
                text=_FOUND,
                owner=st.sampled_from(_PEOPLE),
                due=_days(),
                raised_at=st.just(meeting),
                status=st.sampled_from(ActionStatus),
            ),
            max_size=3,
            unique_by=lambda a: a.id,
        )
    )
    return AuditAssessment(
        meeting=meeting,
        case=draw(_code("c")),
        transition=draw(st.integers(0, 5)),
        transition_on=draw(_days()),
        checks=draw(st.lists(audit_checks(), max_size=8)),
        findings=draw(st.lists(audit_findings(), max_size=4)),
        actions=actions,
    )


@checked
def audit_assessments() -> SearchStrategy[AuditAssessment]:
    """Assessment forms of audits, with checks, findings and agreed actions.

    Every action was raised at the assessed audit, as the form requires.

    >>> form = find(lst.audit_assessments(), lambda _: True, settings=quick)
    >>> all(action.raised_at == form.meeting for action in form.actions)
    True

    .. versionadded:: 0.3.0
    """
    return _assessments()
