"""The case: a concrete citizen, with consent, discussed mostly by the care team.

Learning starts from a concrete citizen's course of care among the direct
collaboration partners; fictional cases gave little.
"""

from __future__ import annotations

from datetime import date

import attrs

import learnmeet as lm
from examples import (
    CASE,
    FICTIONAL,
    HOME_CARE_S,
    NURSE_N,
    NURSE_S,
    SSA_N,
    attend,
    pro,
)
from learnmeet.rules import _case
from rule_cases import (
    VALID,
    BreachTable,
    each_rule_tests,
    with_attendees,
    with_changes,
)

F = lm.AttendeeRole.FACILITATOR

BREACHES: BreachTable = {
    "LM104": (lambda: with_changes("learning_meeting", case=None),),
    "LM105": (
        # A fictional case where a concrete one is needed: an error for an audit,
        # a warning for a course day.
        lambda: with_changes(
            "audit", case=attrs.evolve(FICTIONAL, transitions=CASE.transitions)
        ),
        lambda: with_changes("course_day", case=FICTIONAL),
    ),
    "LM108": (
        lambda: with_changes("learning_meeting", case=attrs.evolve(CASE, consent=None)),
        lambda: with_changes(
            "audit",
            case=attrs.evolve(
                CASE,
                consent=lm.Consent(
                    given_on=date(2026, 1, 1), expires_on=date(2026, 12, 31)
                ),
            ),
        ),
    ),
    "LM109": (
        lambda: with_attendees(
            "learning_meeting",
            attend(NURSE_N, F),
            attend(SSA_N),
            attend(NURSE_S),
            attend(pro("z-1", "psychologist", HOME_CARE_S)),
            attend(pro("z-2", "priest", HOME_CARE_S)),
        ),
    ),
}


TestEachRule = each_rule_tests(BREACHES, _case)


class TestFictionSeverity:
    """The format's policy decides what a fictional case is."""

    def test_an_error_for_an_audit(self) -> None:
        (violation,) = lm.validate(BREACHES["LM105"][0]()).violations
        assert violation.severity is lm.Severity.ERROR
        assert violation.subject == lm.Subject(lm.SubjectKind.CASE, "c-fic")

    def test_a_warning_for_a_course_day(self) -> None:
        report = lm.validate(BREACHES["LM105"][1]())
        assert report.ok
        assert [v.severity for v in report.warnings] == [lm.Severity.WARNING]


class TestConsent:
    """Consent covers the meeting's day, and today when the context gives it."""

    def test_consent_expired_by_today(self) -> None:
        meeting = VALID["learning_meeting"]
        case = attrs.evolve(
            CASE,
            consent=lm.Consent(
                given_on=date(2027, 1, 25), expires_on=meeting.start.date()
            ),
        )
        meeting = attrs.evolve(meeting, case=case)
        assert lm.validate(meeting, context=lm.RuleContext()).ok
        later = lm.RuleContext(today=date(2027, 6, 1))
        report = lm.validate(meeting, context=later)
        assert report.codes == {"LM108"}
        assert "2027-06-01" in report.violations[0].message.en

    def test_consent_on_both_days(self) -> None:
        meeting = VALID["learning_meeting"]
        assert meeting.case is not None
        assert meeting.case.consent is not None
        assert meeting.case.consent.expires_on is None
        later = lm.RuleContext(today=date(2027, 6, 1))
        assert lm.validate(meeting, context=later).ok


class TestThresholdsAreData:
    """A municipality changes a threshold by changing the format, not the rule."""

    def test_stricter_share_outside_the_care_team(self) -> None:
        meeting = VALID["learning_meeting"]
        stricter = attrs.evolve(
            meeting.format,
            requirements=attrs.evolve(
                meeting.format.requirements, max_outside_care_team_share=0.0
            ),
        )
        outsider = pro("o-1", "psychologist", HOME_CARE_S)
        changed = attrs.evolve(
            meeting, format=stricter, attendees=[*meeting.attendees, attend(outsider)]
        )
        assert lm.validate(changed).codes == {"LM109"}
        assert lm.validate(attrs.evolve(changed, format=meeting.format)).ok

    def test_observers_do_not_count_towards_the_share(self) -> None:
        meeting = VALID["learning_meeting"]
        observers = [
            attend(pro(f"obs-{i}", "nurse", HOME_CARE_S), lm.AttendeeRole.OBSERVER)
            for i in range(3)
        ]
        watched = attrs.evolve(meeting, attendees=[*meeting.attendees, *observers])
        assert lm.validate(watched).ok
