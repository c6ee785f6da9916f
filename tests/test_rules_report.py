"""Reports: what validation found, sorted and rendered in Danish or English."""

from __future__ import annotations

import attrs
import pytest

import learnmeet as lm
from examples import NURSE_N, PT_N, SSA_N, attend
from rule_cases import VALID, with_attendees

NO_CASE = attrs.evolve(VALID["learning_meeting"], case=None)
"""A learning meeting breaking one error, LM104."""

NO_FACILITATOR = with_attendees(
    "learning_meeting", attend(NURSE_N), attend(SSA_N), attend(PT_N)
)
"""A learning meeting breaking one error, LM117."""


class TestText:
    """A report says how many of each severity, then one line per violation."""

    def test_a_case_is_a_course_of_care_not_a_sag(self) -> None:
        """In municipal care a "sag" is an administrative case (issue 17)."""
        assert lm.SubjectKind.CASE.label.da == "borgerforløbet"

    def test_report_text(self) -> None:
        report = lm.validate(NO_CASE, lang="en")
        assert str(report).startswith("1 error, 0 warnings, 0 notes")
        assert "LM104 error [meeting m-learning_meeting]" in str(report)
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


class TestTheSubjectAsAPersonReadsIt:
    """A report line names its subject by what it is and the user's id, never
    by the library's key (issue 17: no internal codes or keys in user text)."""

    @pytest.mark.parametrize(
        ("subject", "da", "en"),
        [
            (lm.Subject(lm.SubjectKind.MEETING, "m-7"), "møde m-7", "meeting m-7"),
            (lm.Subject(lm.SubjectKind.CASE, "c-7"), "borgerforløb c-7", "case c-7"),
            (
                lm.Subject(lm.SubjectKind.ATTENDEE, "professional:p-7"),
                "medarbejder p-7",
                "professional p-7",
            ),
            (
                lm.Subject(lm.SubjectKind.ATTENDEE, "citizen:B-7"),
                "borger B-7",
                "citizen B-7",
            ),
            (
                lm.Subject(lm.SubjectKind.ATTENDEE, "relative:B-7-R1"),
                "pårørende B-7-R1",
                "relative B-7-R1",
            ),
            (lm.Subject(lm.SubjectKind.ATTENDEE, "p-7"), "p-7", "p-7"),
        ],
    )
    def test_shown(self, subject: lm.Subject, da: str, en: str) -> None:
        assert (subject.shown("da"), subject.shown("en")) == (da, en)

    def test_a_report_line_shows_it(self) -> None:
        violation = lm.Violation(
            code="LM999",
            severity=lm.Severity.WARNING,
            subject=lm.Subject(lm.SubjectKind.ATTENDEE, "professional:p-7"),
            message=lm.Label(da="noget", en="something"),
            meeting="m-7",
        )
        assert violation.render("da") == "LM999 advarsel [medarbejder p-7]: noget"
        assert violation.render("en") == "LM999 warning [professional p-7]: something"
        assert "professional:" not in violation.render("en")


class TestRaising:
    """A breach never raises, unless the caller asks for it."""

    def test_raise_for_errors(self) -> None:
        report = lm.validate(NO_FACILITATOR)
        with pytest.raises(lm.MeetingRulesError) as info:
            report.raise_for_errors()
        assert info.value.report is report
        assert "LM117" in str(info.value)
        assert "LM117" in info.value.message("da")

    def test_no_errors_returns_the_report(self) -> None:
        report = lm.validate(
            attrs.evolve(VALID["operational_meeting"], reflection=None)
        )
        assert report.infos
        assert report.raise_for_errors() is report


class TestWhatAReportHolds:
    """A report holds violations, sorted; anything else is refused by where it
    stands in what was given, not met while sorting."""

    @pytest.mark.parametrize(
        ("given", "location"),
        [
            (None, "Report.violations"),
            ("LM104", "Report.violations"),
            (["LM104"], "Report.violations[0]"),
            ([*lm.validate(NO_CASE).violations, "LM104"], "Report.violations[1]"),
        ],
    )
    def test_anything_but_violations_is_refused(
        self, given: object, location: str
    ) -> None:
        with pytest.raises(lm.WrongTypeError) as info:
            lm.Report(given)  # type: ignore[arg-type]
        assert info.value.location == location

    def test_a_language_it_does_not_speak(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Report(lang="fr")  # type: ignore[arg-type]
        assert info.value.location == "Report.lang"
