"""The cross-sectoral audit's assessment form and its findings, as data.

The Danish audit method (as DEFACTUM describes it) goes from frame and
organisation, through the panel and its professional question, to an
*assessment form* (auditskema) filled in for the selected course, and the
documentation of what the panel found and agreed. A cross-sectoral audit
reads one transition between sectors; such audits often find that the
transition failed for one of five reasons: communication, information,
responsibility, organisation or culture.

An :class:`AuditAssessment` is that form for one audited transition: the
criteria checked (:class:`AuditCheck`: the handover documents went along,
on time and complete, and the rehabilitation plan where it was needed), the
findings with their cause (:class:`AuditFinding`, :class:`FailureCause`), and
the actions agreed (:class:`~learnmeet.Action`, as at any learning meeting).
It is kept beside the audit meeting, which it names by id, and is written
after the meeting, by the panel; :func:`audit_checklist` derives what the
panel should look at from the case's transition and
:data:`~learnmeet.HANDOVER_DOCUMENTS`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from learnmeet.exceptions import InvalidValueError, shown
from learnmeet.model._arguments import checked
from learnmeet.model._cases import (
    HANDOVER_DOCUMENTS,
    CitizenCase,
    DocumentNeed,
    HandoverDocument,
    Transition,
    TransitionKind,
)
from learnmeet.model._checks import (
    each,
    identifier,
    instance_of,
    non_negative_int,
    optional,
    refuse,
    safe_text,
    to_tuple,
    unique,
)
from learnmeet.model._cycle import Action
from learnmeet.model._labels import Label, LabelledEnum
from learnmeet.model._meetings import Meeting
from learnmeet.model._time import a_date

__all__ = [
    "AuditAssessment",
    "AuditCheck",
    "AuditCriterion",
    "AuditFinding",
    "AuditVerdict",
    "FailureCause",
    "audit_checklist",
]


class FailureCause(LabelledEnum):
    """The five usual causes of failure at a transition between sectors.

    .. versionadded:: 0.3.0
    """

    COMMUNICATION = "communication", Label(da="kommunikation", en="communication")
    INFORMATION = "information", Label(da="information", en="information")
    RESPONSIBILITY = "responsibility", Label(da="ansvar", en="responsibility")
    ORGANISATION = "organisation", Label(da="organisering", en="organisation")
    CULTURE = "culture", Label(da="kultur", en="culture")


class AuditCriterion(LabelledEnum):
    """What the assessment form asks of the audited transition.

    .. versionadded:: 0.3.0
    """

    DOCUMENTS_PRESENT = (
        "documents_present",
        Label(da="dokumentet fulgte med", en="the document went along"),
    )
    TIMELY = "timely", Label(da="rettidig overlevering", en="handed over on time")
    COMPLETE = (
        "complete",
        Label(da="fyldestgørende oplysninger", en="complete information"),
    )
    REHABILITATION_PLAN = (
        "rehabilitation_plan",
        Label(
            da="genoptræningsplan ved behov (sundhedsloven § 84)",
            en="rehabilitation plan where needed (Sundhedsloven § 84)",
        ),
    )


class AuditVerdict(LabelledEnum):
    """The panel's verdict on one criterion.

    .. versionadded:: 0.3.0
    """

    MET = "met", Label(da="opfyldt", en="met")
    NOT_MET = "not_met", Label(da="ikke opfyldt", en="not met")
    NOT_ASSESSED = "not_assessed", Label(da="ikke vurderet", en="not assessed")


_MET = AuditVerdict.MET
_NOT_MET = AuditVerdict.NOT_MET
_OPEN = AuditVerdict.NOT_ASSESSED
_PLAN = HandoverDocument.REHABILITATION_PLAN


@attrs.frozen(kw_only=True)
class AuditCheck:
    """One line of the assessment form: a criterion, and the panel's verdict.

    Attributes:
        criterion: What is checked.
        verdict: Met, not met, or not yet assessed.
        document: The handover document the line is about, if one.
        note: The panel's words on it.

    .. versionadded:: 0.3.0
    """

    criterion: AuditCriterion = attrs.field(validator=instance_of(AuditCriterion))
    verdict: AuditVerdict = attrs.field(
        default=AuditVerdict.NOT_ASSESSED, validator=instance_of(AuditVerdict)
    )
    document: HandoverDocument | None = attrs.field(
        default=None, validator=optional(instance_of(HandoverDocument))
    )
    note: str = attrs.field(default="", validator=safe_text)


def _words(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    safe_text(instance, attribute, value)
    if not value.strip():
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=Label(da="teksten er tom", en="the text is empty"),
            fix=Label(da="skriv, hvad panelet fandt", en="write what the panel found"),
        )


@attrs.frozen(kw_only=True)
class AuditFinding:
    """What the panel found at the transition, and why it happened.

    Attributes:
        text: The finding in the panel's words (pseudonyms only).
        cause: Which of the five usual causes of failure it was.
        criterion: The criterion of the form it answers, if one.

    .. versionadded:: 0.3.0
    """

    text: str = attrs.field(validator=_words)
    cause: FailureCause = attrs.field(validator=instance_of(FailureCause))
    criterion: AuditCriterion | None = attrs.field(
        default=None, validator=optional(instance_of(AuditCriterion))
    )


def _checks(items: Iterable[AuditCheck]) -> tuple[AuditCheck, ...]:
    return to_tuple(items)


def _findings(items: Iterable[AuditFinding]) -> tuple[AuditFinding, ...]:
    return to_tuple(items)


def _actions(items: Iterable[Action]) -> tuple[Action, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class AuditAssessment:
    """The assessment form of a cross-sectoral audit of one transition.

    Kept beside the audit meeting, which it names: the meeting is planned
    before the panel meets, the form is filled in when it does. Start one
    from the meeting with :meth:`from_meeting`, which fills in the checklist.

    Attributes:
        meeting: The id of the audit meeting.
        case: The id of the citizen case audited.
        transition: The index of the audited transition in the case's
            transitions (oldest first).
        transition_on: The day of that transition, so a form read beside a
            changed case still says which move it assessed.
        checks: The lines of the form: criteria and verdicts.
        findings: What the panel found, each with its cause.
        actions: The actions the panel agreed; each was raised at this
            meeting.

    .. versionadded:: 0.3.0
    """

    meeting: str = attrs.field(validator=identifier)
    case: str = attrs.field(validator=identifier)
    transition: int = attrs.field(validator=non_negative_int)
    transition_on: date = attrs.field(validator=a_date)
    checks: tuple[AuditCheck, ...] = attrs.field(
        default=(), converter=_checks, validator=each(instance_of(AuditCheck))
    )
    findings: tuple[AuditFinding, ...] = attrs.field(
        default=(), converter=_findings, validator=each(instance_of(AuditFinding))
    )
    actions: tuple[Action, ...] = attrs.field(
        default=(),
        converter=_actions,
        validator=[
            each(instance_of(Action)),
            unique(lambda a: a.id, what=Label(da="handlingen", en="the action")),
        ],
    )

    def __attrs_post_init__(self) -> None:
        for index, action in enumerate(self.actions):
            if action.raised_at != self.meeting:
                raise InvalidValueError(
                    reason=Label(
                        da=f"handlingen blev aftalt på mødet "
                        f"{shown(action.raised_at).da}, ikke på auditten "
                        f"{shown(self.meeting).da}",
                        en=f"the action was agreed at the meeting "
                        f"{shown(action.raised_at).en}, not at the audit "
                        f"{shown(self.meeting).en}",
                    ),
                    fix=Label(
                        da="skriv kun de handlinger, panelet aftalte",
                        en="list only the actions the panel agreed",
                    ),
                    where="AuditAssessment",
                    path=("actions", index, "raised_at"),
                )

    @classmethod
    @checked
    def from_meeting(
        cls, meeting: Meeting, *, transition: int | None = None
    ) -> AuditAssessment:
        """Start the form of the audit *meeting*, its checklist filled in.

        Args:
            meeting: The audit; its case must have the transition.
            transition: The index of the audited transition; by default the
                one :func:`audit_checklist` picks.

        Raises:
            InvalidValueError: The meeting has no case, its case no
                transition, or *transition* is not one of its indices.
        """
        case = meeting.case
        if case is None:
            raise InvalidValueError(
                reason=Label(
                    da="mødet har intet borgerforløb at auditere",
                    en="the meeting has no citizen case to audit",
                ),
                fix=Label(
                    da="knyt borgerforløbet til auditten",
                    en="attach the citizen case to the audit",
                ),
                where="AuditAssessment.from_meeting",
                path=("meeting", "case"),
            )
        index = _chosen(case, transition, "AuditAssessment.from_meeting")
        return cls(
            meeting=meeting.id,
            case=case.id,
            transition=index,
            transition_on=case.transitions[index].on,
            checks=_checklist(case.transitions[index]),
        )

    @property
    def unmet(self) -> tuple[AuditCheck, ...]:
        """The lines of the form whose criterion was not met."""
        return tuple(c for c in self.checks if c.verdict is _NOT_MET)

    @property
    def causes(self) -> tuple[FailureCause, ...]:
        """The causes of the findings, each once, in the order of the five."""
        found = {f.cause for f in self.findings}
        return tuple(c for c in FailureCause if c in found)


def _chosen(case: CitizenCase, transition: int | None, where: str) -> int:
    """The index of the transition to audit.

    The one asked for; or else the last one with something missing, or else
    the last one.
    """
    count = len(case.transitions)
    if count == 0:
        raise InvalidValueError(
            reason=Label(
                da=f"borgerforløbet {case.id!r} har ingen overgang at auditere",
                en=f"the citizen case {case.id!r} has no transition to audit",
            ),
            fix=Label(
                da="vælg et forløb med en indlæggelse eller udskrivelse",
                en="pick a course with an admission or discharge",
            ),
            where=where,
            path=("case", "transitions"),
        )
    if transition is None:
        lacking = [
            i
            for i, t in enumerate(case.transitions)
            if t.missing_documents or t.lacks_rehabilitation_plan
        ]
        return lacking[-1] if lacking else count - 1
    if not 0 <= transition < count:
        raise InvalidValueError(
            reason=Label(
                da=f"borgerforløbet har overgangene 0 til {count - 1}, ikke "
                f"{shown(transition).da}",
                en=f"the citizen case has the transitions 0 to {count - 1}, not "
                f"{shown(transition).en}",
            ),
            fix=Label(
                da=f"giv et tal fra 0 til {count - 1}",
                en=f"give a number from 0 to {count - 1}",
            ),
            where=where,
            path=("transition",),
        )
    return transition


def _checklist(move: Transition) -> tuple[AuditCheck, ...]:
    """The lines of the form for *move*, with what its data already says."""
    lines = []
    listed = set()
    for document, need in HANDOVER_DOCUMENTS[move.kind]:
        listed.add(document)
        if document is _PLAN:
            continue  # a criterion of its own, below
        present = document in move.documents
        if need is DocumentNeed.ALWAYS:
            verdict = _MET if present else _NOT_MET
        else:  # a complex course: the panel judges whether it was one
            verdict = _MET if present else _OPEN
        lines.append(
            AuditCheck(
                criterion=AuditCriterion.DOCUMENTS_PRESENT,
                verdict=verdict,
                document=document,
            )
        )
    for document in HandoverDocument:  # what else went along, in a fixed order
        if document in move.documents and document not in listed:
            lines.append(
                AuditCheck(
                    criterion=AuditCriterion.DOCUMENTS_PRESENT,
                    verdict=_MET,
                    document=document,
                )
            )
    if move.kind is TransitionKind.DISCHARGE:
        if move.rehabilitation_needed:
            plan = _NOT_MET if move.lacks_rehabilitation_plan else _MET
        else:  # no need recorded: the panel asks whether one was overlooked
            plan = _OPEN
        lines.append(
            AuditCheck(
                criterion=AuditCriterion.REHABILITATION_PLAN,
                verdict=plan,
                document=_PLAN,
            )
        )
    lines.append(AuditCheck(criterion=AuditCriterion.TIMELY))
    lines.append(AuditCheck(criterion=AuditCriterion.COMPLETE))
    return tuple(lines)


@checked
def audit_checklist(
    case: CitizenCase, *, transition: int | None = None
) -> tuple[AuditCheck, ...]:
    """What the audit panel should look at in one of *case*'s transitions.

    One line for each document :data:`~learnmeet.HANDOVER_DOCUMENTS` expects
    at the transition's kind (met when it went along, not met when it did
    not; for a complex course's plejeforløbsplan, left for the panel to judge
    when absent), one for each other document that went along, for a
    discharge one for the rehabilitation plan (not met when the citizen
    needed it and it did not go along — Sundhedsloven § 84), and the
    criteria only the panel can judge: on time, complete.

    >>> import learnmeet as lm
    >>> from datetime import date
    >>> cat = lm.DEFAULT_CATALOG
    >>> home = lm.Transition(
    ...     on=date(2027, 2, 8),
    ...     from_sector=cat.sector("hospital"),
    ...     to_sector=cat.sector("municipality"),
    ...     kind=lm.TransitionKind.DISCHARGE,
    ...     documents={lm.HandoverDocument.DISCHARGE_REPORT},
    ...     rehabilitation_needed=True,
    ... )
    >>> case = lm.CitizenCase(id="c-9", citizen=lm.Citizen("B-009"), transitions=[home])
    >>> for line in audit_checklist(case):
    ...     document = line.document.label.da if line.document else ""
    ...     print(f"{line.criterion.code:20} {document:30} {line.verdict.label.da}")
    documents_present    udskrivningsrapport            opfyldt
    documents_present    epikrise                       ikke opfyldt
    documents_present    melding om færdigbehandling    ikke opfyldt
    documents_present    plejeforløbsplan               ikke vurderet
    rehabilitation_plan  genoptræningsplan              ikke opfyldt
    timely                                              ikke vurderet
    complete                                            ikke vurderet

    Args:
        case: The citizen case.
        transition: The index of the transition; by default the last one
            with something missing, or else the last one.

    Raises:
        InvalidValueError: The case has no transition, or *transition* is
            not one of its indices.

    .. versionadded:: 0.3.0
    """
    return _checklist(case.transitions[_chosen(case, transition, "audit_checklist")])
