"""The synthetic sample municipality: big enough, synthetic, and exact in JSON."""

from __future__ import annotations

import learnmeet as lm
from learnmeet.data import load_sample, sample_text

SAMPLE = load_sample()


class TestSizes:
    """At least 3 areas, 40 staff of 8 professions in 3 sectors, 10 cases, 3 forums."""

    def test_sizes(self) -> None:
        assert len(SAMPLE.areas) >= 3
        assert len(SAMPLE.professionals) >= 40
        assert len({p.profession for p in SAMPLE.professionals if p.profession}) >= 8
        assert len({p.sector.code for p in SAMPLE.professionals}) >= 3
        assert len(SAMPLE.cases) >= 10
        assert sum(1 for c in SAMPLE.cases if c.transitions) >= 8
        assert len(SAMPLE.forums) >= 3

    def test_meetings_validate_but_for_the_audits_lesson(self) -> None:
        """B-106's discharge went without the genoptræningsplan it needed: the
        audit of it warns (LM135), and nothing else is found."""
        report = lm.validate_all(SAMPLE.meetings, context=lm.RuleContext())
        (warning,) = report.violations
        assert (warning.code, warning.severity, warning.subject.id) == (
            "LM135",
            lm.Severity.WARNING,
            "c-106",
        )
        audit = next(m for m in SAMPLE.meetings if m.id == warning.meeting)
        assert audit.format.code == "audit"

    def test_the_audit_case_says_what_its_data_says(self) -> None:
        (case,) = [c for c in SAMPLE.cases if c.id == "c-106"]
        assert "genoptræningsplan fulgte ikke med" in case.summary
        assert case.transitions[-1].missing_documents == (
            lm.HandoverDocument.REHABILITATION_PLAN,
        )


class TestDeceasedCitizen:
    """One case is a deceased citizen's, audited on a § 42 d permission."""

    def test_the_audit_rests_on_the_permission(self) -> None:
        (case,) = [c for c in SAMPLE.cases if c.died_on is not None]
        assert case.consent is None
        (audit,) = [m for m in SAMPLE.meetings if m.case == case]
        assert audit.format.code == "audit"
        assert audit.start.date() > case.died_on
        day = audit.start.date()
        assert case.basis_on(day) is lm.LegalBasis.QUALITY_DEVELOPMENT


class TestSynthetic:
    """No real people: pseudonyms only, nothing CPR-like, names marked as examples."""

    def test_no_cpr_anywhere(self) -> None:
        assert not lm.looks_like_cpr(sample_text())

    def test_names_are_marked_as_examples(self) -> None:
        assert all("eksempel" in p.display_name for p in SAMPLE.professionals)

    def test_citizens_are_pseudonyms(self) -> None:
        assert all(c.citizen.pseudonym[:2] in {"B-", "F-"} for c in SAMPLE.cases)


class TestJson:
    """The shipped file is the library's own JSON and round-trips exactly."""

    def test_round_trip(self) -> None:
        assert lm.from_json(lm.Scenario, lm.to_json(SAMPLE)) == SAMPLE

    def test_file_is_what_the_library_writes(self) -> None:
        assert sample_text() == lm.to_json(SAMPLE, indent=1) + "\n"
