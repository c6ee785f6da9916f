"""The synthetic sample municipality: big enough, synthetic, and exact in JSON."""

from __future__ import annotations

from datetime import date

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
        audit of it warns (LM135); the course day of autumn 2026 was
        under-filled, as Esbjerg's were (LM123); nothing else is found."""
        report = lm.validate_all(SAMPLE.meetings, context=lm.RuleContext())
        assert report.ok
        found = sorted((v.code, v.subject.id) for v in report.violations)
        assert found == [("LM123", "m-kursusdag-syd-2026"), ("LM135", "c-106")]
        lesson = next(v for v in report.violations if v.code == "LM135")
        audit = next(m for m in SAMPLE.meetings if m.id == lesson.meeting)
        assert audit.format.code == "audit"

    def test_the_audit_case_says_what_its_data_says(self) -> None:
        (case,) = [c for c in SAMPLE.cases if c.id == "c-106"]
        assert "genoptræningsplan fulgte ikke med" in case.summary
        assert case.transitions[-1].missing_documents == (
            lm.HandoverDocument.REHABILITATION_PLAN,
        )


HISTORY_DAY = date(2026, 12, 1)
"""The sample's history is told as of this day, before its 2027 plan."""
PAST = [m for m in SAMPLE.meetings if m.start.date() < HISTORY_DAY]


class TestHistory:
    """An autumn 2026 a learning record can answer from: held meetings of
    several formats with RSVPs and attendance, one cancelled, reflection
    cycles with owned actions, dated course completions, some expired."""

    def test_held_meetings_of_several_formats(self) -> None:
        held = [m for m in PAST if m.status is lm.MeetingStatus.HELD]
        assert 6 <= len(held) <= 10
        assert all(date(2026, 8, 1) <= m.start.date() for m in held)
        assert {m.format.code for m in held} >= {
            "learning_meeting",
            "home_meeting",
            "audit",
            "course_day",
            "facilitator_training",
            "key_person_network",
        }
        for m in held:
            assert all(a.attended is not lm.Attendance.UNKNOWN for a in m.attendees)
            if m.format.requirements.facilitator_required:
                assert m.facilitators
        declined = [a for m in held for a in m.attendees if a.rsvp is lm.Rsvp.DECLINED]
        assert declined
        assert all(a.attended is lm.Attendance.NO for a in declined)

    def test_one_cancelled_with_a_reason(self) -> None:
        (cancelled,) = [m for m in PAST if m.status is lm.MeetingStatus.CANCELLED]
        assert cancelled.cancellation is not None

    def test_home_care_meets_the_hospital_ward(self) -> None:
        """KOPA: putting a face to each other across sectors."""

        def met(m: lm.Meeting) -> bool:
            came = [
                a.person
                for a in m.attendees
                if a.attended is lm.Attendance.YES
                and isinstance(a.person, lm.Professional)
            ]
            return any(p.unit.id.startswith("hj-") for p in came) and any(
                p.sector.code == "hospital" for p in came
            )

        assert len([m for m in PAST if met(m)]) >= 2

    def test_the_cycles_are_closed_with_owned_actions(self) -> None:
        assert SAMPLE.cycles
        assert all(c.closed and c.learning_points for c in SAMPLE.cycles)
        actions = [a for c in SAMPLE.cycles for a in c.actions]
        assert any(a.status is lm.ActionStatus.DONE for a in actions)
        overdue = [a.id for a in actions if a.is_open and a.due < HISTORY_DAY]
        assert overdue == ["a-103-2"]
        held = {m.id for m in PAST}
        assert {c.meeting for c in SAMPLE.cycles} <= held

    def test_dated_completions_and_old_undated_data(self) -> None:
        dated = [p for p in SAMPLE.professionals if p.completions]
        undated = [p for p in SAMPLE.professionals if p.completed_courses]
        assert dated
        assert undated
        trainings = [
            c for p in dated for c in p.completions if c.course == lm.FACILITATOR_COURSE
        ]
        assert all(c.expires_on is not None for c in trainings)

    def test_a_training_expired_before_the_2027_course_days(self) -> None:
        lapsed = SAMPLE.professional("p-003")
        assert lapsed.has_completed(lm.FACILITATOR_COURSE)
        assert lapsed.has_completed(lm.FACILITATOR_COURSE, date(2026, 10, 1))
        assert not lapsed.has_completed(lm.FACILITATOR_COURSE, date(2027, 1, 1))

    def test_someone_in_a_course_day_area_lacks_the_prerequisite(self) -> None:
        day = lm.DEFAULT_CATALOG.format("course_day").requirements
        on = date(2027, 2, 2)
        north = [
            p
            for p in SAMPLE.professionals
            if p.unit.area is not None and p.unit.area.code == "nord"
        ]
        lacking = [p.id for p in north if day.missing_prerequisite(p, on)]
        # Ill on the SOSU course's day; declined it; the GP.
        assert lacking == ["p-005", "p-007", "p-038"]


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
