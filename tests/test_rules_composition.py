"""Who meets: enough professions, not too many, and enough sectors.

Interdisciplinary means more than one profession, cross-sectoral more than one
sector; both are counted over the professionals taking part.
"""

from __future__ import annotations

import attrs
from hypothesis import given, strategies as st

import learnmeet as lm
from examples import CASE, DOCTOR, NURSE_N, PT_N, SSA_N, WARD_NURSE, attend, pro
from learnmeet import strategies as lst
from learnmeet.rules import _composition
from learnmeet.rules._composition import (
    TOO_FEW_PROFESSIONS,
    TOO_FEW_SECTORS,
    TOO_MANY_PROFESSIONS,
)
from rule_cases import (
    VALID,
    BreachTable,
    each_rule_tests,
    with_attendees,
    with_changes,
)

F, H = lm.AttendeeRole.FACILITATOR, lm.AttendeeRole.HOST
NURSE_2 = pro("n-2", "nurse", NURSE_N.unit)
NURSE_3 = pro("n-3", "nurse", NURSE_N.unit)

BREACHES: BreachTable = {
    "LM101": (
        lambda: with_changes(
            "learning_meeting",
            attendees=[attend(NURSE_N, F), attend(NURSE_2), attend(NURSE_3)],
            case=attrs.evolve(CASE, care_team=[*CASE.care_team, NURSE_2, NURSE_3]),
        ),
    ),
    "LM102": (
        lambda: with_attendees(
            "mono_course",
            *VALID["mono_course"].attendees,
            attend(pro("pt-x", "physiotherapist", PT_N.unit)),
        ),
    ),
    "LM103": (
        # A municipality's own cross-sectoral learning meeting: a threshold as data.
        lambda: with_changes(
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
}


TestEachRule = each_rule_tests(BREACHES, _composition)


def _any_requirements(meeting: lm.Meeting, req: lm.FormatRequirements) -> lm.Meeting:
    return attrs.evolve(meeting, format=attrs.evolve(meeting.format, requirements=req))


class TestCountedOverThoseTakingPart:
    """The rules count what the model counts: Meeting.professions and .sectors."""

    @given(lst.meetings(), lst.format_requirements())
    def test_too_few_professions(
        self, meeting: lm.Meeting, req: lm.FormatRequirements
    ) -> None:
        meeting = _any_requirements(meeting, req)
        found = list(TOO_FEW_PROFESSIONS.check(meeting, lm.RuleContext()))
        assert bool(found) == (len(meeting.professions) < req.min_professions)

    @given(lst.meetings(), lst.format_requirements())
    def test_too_many_professions(
        self, meeting: lm.Meeting, req: lm.FormatRequirements
    ) -> None:
        meeting = _any_requirements(meeting, req)
        found = list(TOO_MANY_PROFESSIONS.check(meeting, lm.RuleContext()))
        most, groups = req.max_professions, req.max_profession_groups
        have = {p.profession for p in meeting.professionals_taking_part if p.profession}
        assert bool(found) == (
            (most is not None and len(meeting.professions) > most)
            or (groups is not None and len({p.group_code for p in have}) > groups)
        )

    @given(lst.meetings(), st.integers(0, 4))
    def test_too_few_sectors_without_a_host(
        self, meeting: lm.Meeting, least: int
    ) -> None:
        req = attrs.evolve(
            meeting.format.requirements, host_required=False, min_sectors=least
        )
        meeting = _any_requirements(meeting, req)
        found = list(TOO_FEW_SECTORS.check(meeting, lm.RuleContext()))
        assert bool(found) == (len(meeting.sectors) < least)

    def test_a_declined_attendee_brings_no_profession(self) -> None:
        meeting = VALID["home_meeting"]
        declined = [
            attrs.evolve(a, rsvp=lm.Rsvp.DECLINED) if a.person == SSA_N else a
            for a in meeting.attendees
        ]
        report = lm.validate(attrs.evolve(meeting, attendees=declined))
        assert report.codes == {"LM101"}
        # A known count is singular for one, never "faggruppe(r)".
        (violation,) = report.violations
        assert violation.message.da.startswith("1 faggruppe deltager,")
        assert violation.message.en.startswith("1 profession takes part,")


class TestSectorsWithAHost:
    """With a host, the visit rule says it more precisely than the sector count."""

    def test_only_the_visit_rule_fires(self) -> None:
        meeting = with_attendees("study_visit", attend(WARD_NURSE, H), attend(DOCTOR))
        assert lm.validate(meeting).codes == {"LM113"}
        assert list(TOO_FEW_SECTORS.check(meeting, lm.RuleContext())) == []


class TestCoursesForAGroupOfProfessions:
    """A monoprofessional course may be one SOSU course for helpers and
    assistants together; another profession on it is told, in Danish labels,
    to go on a course for its own profession."""

    SOSU = tuple(
        pro(f"sosu-{i}", code, SSA_N.unit)
        for i, code in enumerate(["sosu_helper"] * 4 + ["sosu_assistant"] * 4)
    )

    def test_a_joint_sosu_course_passes(self) -> None:
        course = with_attendees("mono_course", *(attend(p) for p in self.SOSU))
        assert "LM102" not in lm.validate(course).codes

    def test_a_nurse_on_it_is_sent_to_her_own(self) -> None:
        course = with_attendees(
            "mono_course", *(attend(p) for p in self.SOSU), attend(NURSE_2)
        )
        (found,) = TOO_MANY_PROFESSIONS.check(course, lm.RuleContext())
        assert "tilmeld de øvrige (sygeplejerske) på et kursus for deres egen " in (
            found.message.da
        )
        assert "enrol the others (nurse) on a course" in found.message.en
        assert "sosu" not in found.message.da

    def test_a_limit_of_professions_still_counts_professions(self) -> None:
        fmt = VALID["mono_course"].format
        strict = attrs.evolve(
            fmt,
            requirements=attrs.evolve(fmt.requirements, max_professions=1),
        )
        course = attrs.evolve(
            with_attendees("mono_course", *(attend(p) for p in self.SOSU)),
            format=strict,
        )
        (found,) = TOO_MANY_PROFESSIONS.check(course, lm.RuleContext())
        # Helpers and assistants are as many: the first code stays.
        assert "(social- og sundhedshjælper)" in found.message.da

    @given(lst.meetings(format="mono_course"))
    def test_a_drawn_course_of_one_group_passes(self, course: lm.Meeting) -> None:
        groups = {
            p.profession.group_code
            for p in course.professionals_taking_part
            if p.profession is not None
        }
        assert len(groups) <= 1
        assert list(TOO_MANY_PROFESSIONS.check(course, lm.RuleContext())) == []


class TestWording:
    """Danish a care worker would write (LANGUAGE.md)."""

    def test_cross_sectoral_agrees_with_its_noun(self) -> None:
        fmt = VALID["learning_meeting"].format
        meeting = attrs.evolve(
            VALID["learning_meeting"],
            format=attrs.evolve(
                fmt, requirements=attrs.evolve(fmt.requirements, min_sectors=5)
            ),
        )
        (found,) = TOO_FEW_SECTORS.check(meeting, lm.RuleContext())
        assert "er tværsektoriel og kræver" in found.message.da

    def test_a_count_of_one_sector_is_singular(self) -> None:
        (found,) = TOO_FEW_SECTORS.check(BREACHES["LM103"][0](), lm.RuleContext())
        assert found.message.da.startswith("1 sektor deltager,")
        assert found.message.en.startswith("1 sector takes part,")
