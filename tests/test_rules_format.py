"""Each format rule fires on exactly the breach it names, and on nothing else."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import attrs
import pytest

import learnmeet as lm
from examples import (
    CASE,
    CITIZEN,
    DOCTOR,
    FICTIONAL,
    GP,
    HOME_CARE_S,
    NURSE_N,
    NURSE_S,
    OT_N,
    PT_N,
    SSA_N,
    SSH_N,
    WARD_NURSE,
    WARD_PT,
    attend,
    pro,
    valid_meetings,
)

VALID = valid_meetings()
F, H, P = lm.AttendeeRole.FACILITATOR, lm.AttendeeRole.HOST, lm.AttendeeRole.PARTICIPANT


def _with(code: str, **changes: object) -> lm.Meeting:
    return attrs.evolve(VALID[code], **changes)


def _attendees(code: str, *attendees: lm.Attendee) -> lm.Meeting:
    return _with(code, attendees=attendees)


Breach = Callable[[], lm.Meeting]
NURSE_2 = pro("n-2", "nurse", NURSE_N.unit)
NURSE_3 = pro("n-3", "nurse", NURSE_N.unit)

BREACHES: dict[str, tuple[Breach, ...]] = {
    "LM101": (
        lambda: _with(
            "learning_meeting",
            attendees=[attend(NURSE_N, F), attend(NURSE_2), attend(NURSE_3)],
            case=attrs.evolve(CASE, care_team=[*CASE.care_team, NURSE_2, NURSE_3]),
        ),
    ),
    "LM102": (
        lambda: _attendees(
            "mono_course",
            *VALID["mono_course"].attendees,
            attend(pro("pt-x", "physiotherapist", PT_N.unit)),
        ),
    ),
    "LM103": (
        # A municipality's own cross-sectoral learning meeting: a threshold as data.
        lambda: _with(
            "learning_meeting",
            format=attrs.evolve(
                VALID["learning_meeting"].format,
                requirements=attrs.evolve(
                    VALID["learning_meeting"].format.requirements, min_sectors=2
                ),
            ),
            attendees=[attend(NURSE_N, F), attend(SSA_N), attend(PT_N)],
        ),
    ),
    "LM104": (lambda: _with("learning_meeting", case=None),),
    "LM105": (
        # A fictional case where a concrete one is needed: an error for an audit,
        # a warning for a course day.
        lambda: _with(
            "audit", case=attrs.evolve(FICTIONAL, transitions=CASE.transitions)
        ),
        lambda: _with("course_day", case=FICTIONAL),
    ),
    "LM106": (
        lambda: _attendees(
            "home_meeting", attend(NURSE_N), attend(SSA_N), attend(PT_N)
        ),
    ),
    "LM107": (
        lambda: _attendees(
            "home_meeting",
            attend(NURSE_N),
            attend(SSA_N),
            attend(CITIZEN, lm.AttendeeRole.CITIZEN, lm.Rsvp.TENTATIVE),
        ),
    ),
    "LM108": (
        lambda: _with("learning_meeting", case=attrs.evolve(CASE, consent=None)),
        lambda: _with(
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
        lambda: _attendees(
            "learning_meeting",
            attend(NURSE_N, F),
            attend(SSA_N),
            attend(NURSE_S),
            attend(pro("z-1", "psychologist", HOME_CARE_S)),
            attend(pro("z-2", "priest", HOME_CARE_S)),
        ),
    ),
    "LM110": (lambda: _with("audit", case=attrs.evolve(CASE, transitions=())),),
    "LM111": (
        lambda: _attendees(
            "audit",
            attend(OT_N, F),
            attend(NURSE_N),
            attend(GP),
            attend(PT_N),
        ),
    ),
    "LM112": (lambda: _attendees("study_visit", attend(WARD_NURSE), attend(NURSE_N)),),
    "LM113": (
        lambda: _attendees(
            "study_visit", attend(WARD_NURSE, H), attend(DOCTOR), attend(WARD_PT)
        ),
    ),
    "LM114": (
        lambda: _attendees(
            "roadshow", attend(NURSE_N, H), attend(SSA_N), attend(DOCTOR), attend(GP)
        ),
    ),
    "LM115": (lambda: _attendees("learning_meeting", attend(NURSE_N, F), attend(GP)),),
    "LM116": (
        lambda: _with(
            "learning_meeting",
            attendees=[attend(NURSE_N, F), attend(SSA_N), attend(PT_N), attend(GP)]
            + [attend(pro(f"t-{i}", "sosu_helper", SSH_N.unit)) for i in range(9)],
            case=attrs.evolve(
                CASE,
                care_team=[
                    *CASE.care_team,
                    *(pro(f"t-{i}", "sosu_helper", SSH_N.unit) for i in range(9)),
                ],
            ),
        ),
    ),
    "LM117": (
        lambda: _attendees(
            "learning_meeting", attend(NURSE_N), attend(SSA_N), attend(PT_N)
        ),
    ),
    "LM118": (lambda: _with("audit", reflection=None),),
    "LM119": (
        lambda: _attendees(
            "course_day",
            *VALID["course_day"].attendees,
            attend(pro("new", "nurse", NURSE_N.unit, course=False)),
        ),
    ),
    "LM120": (
        lambda: _attendees(
            "course_day",
            *VALID["course_day"].attendees,
            attend(pro("south", "nurse", HOME_CARE_S)),
        ),
        lambda: _with("course_day", cohort=None),
    ),
    "LM121": (
        lambda: _with("home_meeting", location=lm.Location(lm.LocationKind.ON_SITE)),
    ),
    "LM122": (lambda: _with("operational_meeting", reflection=None),),
    "LM123": (lambda: _attendees("course_day", *VALID["course_day"].attendees[:11]),),
    "LM124": (
        lambda: _attendees(
            "learning_meeting", attend(SSA_N, F), attend(NURSE_N), attend(PT_N)
        ),
    ),
}


class TestValidMeetings:
    """A well-composed meeting of every built-in format validates with no violation."""

    @pytest.mark.parametrize("code", sorted(VALID))
    def test_no_violation(self, code: str) -> None:
        report = lm.validate(VALID[code])
        assert report.violations == (), report.render("en")


class TestEachRule:
    """Breaking one rule reports that rule's code and no other."""

    @pytest.mark.parametrize(
        ("code", "index"),
        [
            (code, i)
            for code, breaches in BREACHES.items()
            for i in range(len(breaches))
        ],
    )
    def test_exactly_that_code(self, code: str, index: int) -> None:
        meeting = BREACHES[code][index]()
        report = lm.validate(meeting)
        assert report.codes == {code}, report.render("en")

    def test_every_format_rule_has_a_breach(self) -> None:
        assert set(BREACHES) == {r.code for r in lm.FORMAT_RULES}


class TestSeverity:
    """Severities come from the rule, the format's policy and configuration."""

    def test_fictional_case_is_an_error_for_an_audit(self) -> None:
        (violation,) = lm.validate(BREACHES["LM105"][0]()).violations
        assert violation.severity is lm.Severity.ERROR
        assert violation.subject == lm.Subject(lm.SubjectKind.CASE, "c-fic")

    def test_fictional_case_is_a_warning_for_a_course_day(self) -> None:
        report = lm.validate(BREACHES["LM105"][1]())
        assert report.ok
        assert [v.severity for v in report.warnings] == [lm.Severity.WARNING]

    def test_operations_without_learning_is_a_note(self) -> None:
        report = lm.validate(BREACHES["LM122"][0]())
        assert report.ok
        assert len(report.infos) == 1

    def test_configuration_changes_severity(self) -> None:
        rules = lm.DEFAULT_RULES.with_severity("LM109", lm.Severity.ERROR)
        report = lm.validate(BREACHES["LM109"][0](), rules=rules)
        assert not report.ok

    def test_configuration_switches_a_rule_off(self) -> None:
        rules = lm.DEFAULT_RULES.without("LM104")
        assert lm.validate(BREACHES["LM104"][0](), rules=rules).violations == ()


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

    def test_declined_and_information_only_do_not_count(self) -> None:
        meeting = VALID["home_meeting"]
        declined = [
            attrs.evolve(a, rsvp=lm.Rsvp.DECLINED) if a.person == SSA_N else a
            for a in meeting.attendees
        ]
        assert lm.validate(attrs.evolve(meeting, attendees=declined)).codes == {"LM101"}
        info_only = [
            attrs.evolve(a, participation=lm.Participation.INFORMATION_ONLY)
            if a.person == CITIZEN
            else a
            for a in meeting.attendees
        ]
        report = lm.validate(attrs.evolve(meeting, attendees=info_only))
        assert report.codes == {"LM106"}


class TestMessages:
    """Every violation says what is wrong and how to fix it, in both languages."""

    @pytest.mark.parametrize("code", sorted(BREACHES))
    def test_both_languages(self, code: str) -> None:
        for breach in BREACHES[code]:
            for violation in lm.validate(breach()).violations:
                assert violation.message.da != violation.message.en
                assert violation.render("da").startswith(f"{code} ")
                assert violation.render("en").startswith(f"{code} ")

    @pytest.mark.parametrize("rule", lm.DEFAULT_RULES.rules, ids=lambda r: r.code)
    def test_every_rule_has_a_title_and_a_fix(self, rule: lm.Rule) -> None:
        assert rule.title.da.strip()
        assert rule.title.en.strip()
        assert rule.fix.da != rule.fix.en

    def test_report_text(self) -> None:
        report = lm.validate(BREACHES["LM104"][0](), lang="en")
        assert str(report).startswith("1 error, 0 warnings, 0 notes")
        assert "LM104 error [meeting:m-learning_meeting]" in str(report)
        assert report.render("da").startswith("1 fejl")
        assert lm.validate(VALID["audit"]).render("en") == "No problems found."

    @pytest.mark.parametrize(
        ("each", "en", "da"),
        [
            (1, "1 error, 1 warning, 1 note", "1 fejl, 1 advarsel, 1 bemærkning"),
            (2, "2 errors, 2 warnings, 2 notes", "2 fejl, 2 advarsler, 2 bemærkninger"),
        ],
    )
    def test_report_head_counts_in_both_languages(
        self, each: int, en: str, da: str
    ) -> None:
        found = [
            lm.Violation(
                code=f"ESB{i}{n}",
                severity=severity,
                subject=lm.Subject(lm.SubjectKind.MEETING, "m-1"),
                message=lm.Label(da="besked", en="message"),
                meeting="m-1",
            )
            for i, severity in enumerate(lm.Severity)
            for n in range(each)
        ]
        report = lm.Report(found)
        assert report.render("en").split("\n")[0] == en
        assert report.render("da").split("\n")[0] == da


class TestRaising:
    """A breach never raises, unless the caller asks for it."""

    def test_raise_for_errors(self) -> None:
        report = lm.validate(BREACHES["LM117"][0]())
        with pytest.raises(lm.MeetingRulesError) as info:
            report.raise_for_errors()
        assert info.value.report is report
        assert "LM117" in str(info.value)
        assert "LM117" in info.value.message("da")

    def test_no_errors_returns_the_report(self) -> None:
        report = lm.validate(BREACHES["LM109"][0]())
        assert report.raise_for_errors() is report
