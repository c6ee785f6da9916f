"""The case: a concrete citizen, with consent, discussed mostly by the care team.

Learning starts from a concrete citizen's course of care among the direct
collaboration partners; fictional cases gave little.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
from hypothesis import given, strategies as st

import learnmeet as lm
import learnmeet.strategies as lst
from examples import (
    CASE,
    CAT,
    DOCTOR,
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

NEIGHBOUR = lm.Organisation("nk", "Nabokommunen", CAT.sector("municipality"))
NEIGHBOUR_NURSE = pro(
    "nk-1", "nurse", lm.Unit(id="nk-hj", name="Hjemmeplejen", organisation=NEIGHBOUR)
)
MEETING_DAY = VALID["learning_meeting"].start.date()
PERMISSION = lm.Permission(permitted_by="p-06", permitted_on=date(2027, 2, 1))
DECEASED = attrs.evolve(
    CASE, consent=None, died_on=date(2027, 2, 10), permissions=[PERMISSION]
)


def _learning_with_neighbour(case: lm.CitizenCase = CASE) -> lm.Meeting:
    meeting = VALID["learning_meeting"]
    return attrs.evolve(
        meeting, case=case, attendees=[*meeting.attendees, attend(NEIGHBOUR_NURSE)]
    )


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
    "LM125": (
        # A nurse of the neighbouring municipality, which holds nothing of the case.
        _learning_with_neighbour,
        # The consent names the neighbour, but the citizen has died since.
        lambda: _learning_with_neighbour(
            attrs.evolve(
                CASE,
                consent=lm.Consent(
                    given_on=date(2027, 1, 25),
                    purposes={lm.ConsentPurpose.LEARNING, lm.ConsentPurpose.DISCLOSURE},
                    recipients={"nk"},
                ),
                died_on=date(2027, 2, 10),
                permissions=[PERMISSION],
            )
        ),
    ),
    "LM126": (
        lambda: with_changes(
            "home_meeting", case=attrs.evolve(CASE, died_on=MEETING_DAY - timedelta(1))
        ),
        # A learning meeting with the citizen taking part, after the death.
        lambda: with_changes(
            "learning_meeting",
            case=DECEASED,
            attendees=[
                *VALID["learning_meeting"].attendees,
                attend(CASE.citizen, lm.AttendeeRole.CITIZEN),
            ],
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


class TestLegalBasis:
    """Consent to the purpose, or a § 42 d permission, covers the use of a case."""

    def test_audit_after_death_rests_on_the_permission(self) -> None:
        audit = with_changes("audit", case=DECEASED)
        assert lm.validate(audit).ok
        assert DECEASED.basis_on(MEETING_DAY) is lm.LegalBasis.QUALITY_DEVELOPMENT

    def test_after_death_without_permission_asks_the_management(self) -> None:
        audit = with_changes("audit", case=attrs.evolve(DECEASED, permissions=()))
        (violation,) = lm.validate(audit).violations
        assert violation.code == "LM108"
        assert "§ 42 d" in violation.message.da
        assert "management permission" in violation.message.en
        assert "ask the citizen" not in violation.message.en
        assert "borgerforløbet 'c-101'" in violation.message.da
        # DECEASED has no consent at all: the message says so, and does not
        # speak of what a consent would cover.
        assert "ikke registreret et samtykke" in violation.message.da
        assert "no consent is recorded" in violation.message.en
        assert "dækker ikke" not in violation.message.da

    def test_after_death_with_a_consent_says_it_ends_at_the_death(self) -> None:
        case = attrs.evolve(CASE, died_on=MEETING_DAY - timedelta(days=1))
        (violation,) = lm.validate(with_changes("audit", case=case)).violations
        assert violation.code == "LM108"
        assert "samtykke dækker ikke brug efter dødsfaldet" in violation.message.da
        assert "§ 42 d" in violation.message.da

    def test_consent_before_death_ends_at_death(self) -> None:
        case = attrs.evolve(CASE, died_on=date(2027, 2, 10))
        assert case.has_consent_on(date(2027, 2, 10))
        assert not case.has_consent_on(date(2027, 2, 11))
        assert lm.validate(with_changes("audit", case=case)).codes == {"LM108"}

    def test_a_permission_alone_covers_a_living_citizens_learning_meeting(
        self,
    ) -> None:
        case = attrs.evolve(CASE, consent=None, permissions=[PERMISSION])
        assert lm.validate(with_changes("learning_meeting", case=case)).ok

    def test_a_permission_does_not_cover_a_meeting_in_the_home(self) -> None:
        case = attrs.evolve(CASE, consent=None, permissions=[PERMISSION])
        (violation,) = lm.validate(with_changes("home_meeting", case=case)).violations
        assert violation.code == "LM108"
        assert "home" in violation.message.en

    def test_consent_without_the_home_purpose(self) -> None:
        consent = lm.Consent(
            given_on=date(2027, 1, 25), purposes={lm.ConsentPurpose.LEARNING}
        )
        case = attrs.evolve(CASE, consent=consent)
        assert lm.validate(with_changes("learning_meeting", case=case)).ok
        (violation,) = lm.validate(with_changes("home_meeting", case=case)).violations
        assert violation.code == "LM108"
        assert "does not cover meetings in the citizen's home" in violation.message.en

    def test_a_permission_from_a_later_day(self) -> None:
        later = lm.Permission(permitted_by="p-06", permitted_on=date(2027, 6, 1))
        case = attrs.evolve(DECEASED, permissions=[later])
        assert lm.validate(with_changes("audit", case=case)).codes == {"LM108"}

    def test_today_after_death_needs_the_permission_too(self) -> None:
        case = attrs.evolve(CASE, died_on=MEETING_DAY)
        meeting = with_changes("audit", case=case)
        assert lm.validate(meeting, context=lm.RuleContext()).ok
        later = lm.RuleContext(today=MEETING_DAY + timedelta(days=30))
        (violation,) = lm.validate(meeting, context=later).violations
        assert violation.code == "LM108"
        assert "§ 42 d" in violation.message.da


class TestDisclosure:
    """Each organisation taking part holds the case, or a consent names it."""

    def test_consent_naming_the_organisation_covers_it(self) -> None:
        consent = lm.Consent(
            given_on=date(2027, 1, 25),
            purposes={lm.ConsentPurpose.LEARNING, lm.ConsentPurpose.DISCLOSURE},
            recipients={"nk"},
            form=lm.ConsentForm.ORAL,
        )
        meeting = _learning_with_neighbour(attrs.evolve(CASE, consent=consent))
        assert lm.validate(meeting).ok

    def test_the_message_names_the_organisation(self) -> None:
        (violation,) = lm.validate(_learning_with_neighbour()).violations
        assert "Nabokommunen" in violation.message.da
        assert "§ 43" in violation.message.da
        assert violation.subject == lm.Subject(lm.SubjectKind.CASE, "c-101")

    def test_a_volunteer_in_the_care_team_holds_no_record(self) -> None:
        """A vågetjeneste's volunteer may be in the team around the citizen,
        but the volunteer centre keeps no health record: a learning meeting
        with the volunteer present needs consent to disclosure naming it."""
        centre = lm.Organisation(
            "vaagetjeneste", "Vågetjenesten", lm.DEFAULT_CATALOG.sector("civil_society")
        )
        volunteer = lm.Professional(
            id="v-1",
            profession=None,
            participant_type=lm.ParticipantType.VOLUNTEER,
            unit=lm.Unit(id="vt", name="Vågetjenesten", organisation=centre),
        )
        case = attrs.evolve(CASE, care_team=[*CASE.care_team, volunteer])
        meeting = VALID["learning_meeting"]
        with_volunteer = attrs.evolve(
            meeting, case=case, attendees=[*meeting.attendees, attend(volunteer)]
        )
        (violation,) = [
            v for v in lm.validate(with_volunteer).violations if v.code == "LM125"
        ]
        assert "Vågetjenesten" in violation.message.da
        consent = lm.Consent(
            given_on=date(2027, 1, 25),
            purposes={lm.ConsentPurpose.LEARNING, lm.ConsentPurpose.DISCLOSURE},
            recipients={"vaagetjeneste"},
        )
        told = attrs.evolve(with_volunteer, case=attrs.evolve(case, consent=consent))
        assert "LM125" not in lm.validate(told).codes

    def test_the_sector_the_citizen_left_holds_its_part(self) -> None:
        # Nobody of the hospital is in the care team, but the citizen was
        # discharged from it: its doctor holds the discharge.
        assert DOCTOR not in CASE.care_team
        assert lm.validate(VALID["audit"]).ok
        assert lm.validate(with_changes("audit", case=DECEASED)).ok

    def test_an_observer_hears_the_case_too(self) -> None:
        meeting = VALID["learning_meeting"]
        watched = attrs.evolve(
            meeting,
            attendees=[
                *meeting.attendees,
                attend(NEIGHBOUR_NURSE, lm.AttendeeRole.OBSERVER),
            ],
        )
        (violation,) = lm.validate(watched).violations
        assert violation.code == "LM125"
        assert "de kender ikke forløbet i forvejen" in violation.message.da
        assert "not part of the citizen's course of care" in violation.message.en

    def test_a_fictional_case_discloses_nothing(self) -> None:
        meeting = _learning_with_neighbour(
            attrs.evolve(CASE, origin=lm.CaseOrigin.FICTIONAL)
        )
        assert "LM125" not in lm.validate(meeting).codes

    def test_a_case_without_a_care_team_is_not_judged(self) -> None:
        meeting = VALID["audit"]
        assert meeting.case is not None
        alone = attrs.evolve(meeting, case=attrs.evolve(meeting.case, care_team=()))
        assert "LM125" not in lm.validate(alone).codes


class TestAfterDeath:
    """No meeting with the citizen after the death; learning moves to an audit."""

    def test_on_the_day_of_death(self) -> None:
        case = attrs.evolve(CASE, died_on=MEETING_DAY)
        assert lm.validate(with_changes("home_meeting", case=case)).ok

    def test_information_only_citizen_is_no_meeting_with_them(self) -> None:
        meeting = VALID["learning_meeting"]
        informed = lm.Attendee(
            person=CASE.citizen,
            role=lm.AttendeeRole.CITIZEN,
            participation=lm.Participation.INFORMATION_ONLY,
        )
        changed = attrs.evolve(
            meeting, case=DECEASED, attendees=[*meeting.attendees, informed]
        )
        assert lm.validate(changed).ok

    def test_the_message_points_to_an_audit(self) -> None:
        (violation,) = lm.validate(BREACHES["LM126"][0]()).violations
        assert "audit" in violation.message.da
        assert "2027-02-28" in violation.message.en


@given(
    meeting=st.sampled_from(["learning_meeting", "audit"]).flatmap(
        lambda code: lst.meetings(format=code, case_origin=lm.CaseOrigin.CONCRETE)
    ),
    before=st.integers(min_value=0, max_value=400),
    died=st.none() | st.integers(min_value=1, max_value=400),
)
def test_a_section_42_d_case_never_gets_lm108(
    meeting: lm.Meeting, before: int, died: int | None
) -> None:
    """Whatever the consent, a § 42 d permission covering the day is a basis."""
    case = meeting.case
    assert case is not None
    day = meeting.start.date()
    first = date(lm.FIRST_YEAR, 1, 1)
    permitted = lm.Permission(
        permitted_by="leader-1",
        permitted_on=max(first, day - timedelta(days=before)),
    )
    died_on = None if died is None else max(first, day - timedelta(days=died))
    if died_on is not None:
        case = attrs.evolve(
            case,
            transitions=[t for t in case.transitions if t.on <= died_on],
            consent=None,
        )
    case = attrs.evolve(case, permissions=[permitted], died_on=died_on)
    changed = attrs.evolve(meeting, case=case)
    assert "LM108" not in lm.validate(changed).codes


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
