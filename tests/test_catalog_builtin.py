"""The built-in catalogue: the professions, sectors and formats of the design."""

from __future__ import annotations

import pytest

import learnmeet as lm

CAT = lm.DEFAULT_CATALOG
DANISH = [
    "sygeplejerske",
    "social- og sundhedsassistent",
    "social- og sundhedshjælper",
    "fysioterapeut",
    "ergoterapeut",
    "praktiserende læge",
    "sygehuslæge",
    "præst",
    "socialrådgiver",
    "psykolog",
    "klinisk diætist",
    "farmaceut",
    "pædagog",
]


class TestBuiltIn:
    """At least 14 professions, the 5 sectors and the 11 formats of the design."""

    def test_the_home_meeting_in_plain_english(self) -> None:
        """Issue 17: "meeting in the citizen's home", not "home meeting"."""
        label = lm.DEFAULT_CATALOG.format("home_meeting").label
        assert label == lm.Label(
            da="møde hos borgeren", en="meeting in the citizen's home"
        )

    def test_professions(self) -> None:
        names = {p.label.da for p in lm.PROFESSIONS}
        assert len(lm.PROFESSIONS) >= 14
        assert set(DANISH) <= names

    def test_sectors_and_formats(self) -> None:
        assert {s.code for s in lm.SECTORS} == {
            "hospital",
            "municipality",
            "general_practice",
            "specialised_palliation",
            "civil_society",
        }
        assert {f.code for f in lm.FORMATS} == {
            "learning_meeting",
            "home_meeting",
            "mono_course",
            "course_day",
            "study_visit",
            "audit",
            "roadshow",
            "operational_meeting",
            "key_person_network",
            "facilitator_training",
            "leaders_network",
        }

    @pytest.mark.parametrize(
        ("code", "professions", "sectors", "case", "citizen"),
        [
            ("learning_meeting", (2, None), 0, True, False),
            ("home_meeting", (2, None), 0, True, True),
            ("mono_course", (1, None), 0, False, False),
            ("course_day", (2, None), 0, False, False),
            ("study_visit", (0, None), 2, False, False),
            ("audit", (2, None), 2, True, False),
            ("roadshow", (0, None), 2, False, False),
            ("operational_meeting", (0, None), 0, False, False),
        ],
    )
    def test_the_format_table(
        self,
        code: str,
        professions: tuple[int, int | None],
        sectors: int,
        case: bool,
        citizen: bool,
    ) -> None:
        req = CAT.format(code).requirements
        assert (req.min_professions, req.max_professions) == professions
        assert req.min_sectors == sectors
        assert req.case_required is case
        assert req.citizen_present is citizen

    def test_only_operations_is_not_learning(self) -> None:
        assert [f.code for f in lm.FORMATS if not f.is_learning] == [
            "operational_meeting"
        ]


class TestLeadersAndKeyPersons:
    """Esbjerg carried its model forward into the competence development of
    leaders and key persons: three formats for them, at the end of the list,
    each saying as data who may attend, and every format that needs a
    facilitator asking for a trained one."""

    def test_the_three_formats_come_last(self) -> None:
        assert [f.code for f in lm.FORMATS[-3:]] == [
            "key_person_network",
            "facilitator_training",
            "leaders_network",
        ]

    @pytest.mark.parametrize(
        ("code", "role"),
        [
            ("key_person_network", lm.StaffRole.KEY_PERSON),
            ("facilitator_training", lm.StaffRole.KEY_PERSON),
            ("leaders_network", lm.StaffRole.LEADER),
        ],
    )
    def test_who_may_attend(self, code: str, role: lm.StaffRole) -> None:
        assert CAT.format(code).requirements.required_role is role

    def test_no_other_format_limits_who_attends(self) -> None:
        assert {f.code for f in lm.FORMATS if f.requirements.required_role} == {
            "key_person_network",
            "facilitator_training",
            "leaders_network",
        }

    def test_every_facilitated_format_asks_for_the_training(self) -> None:
        facilitated = [f for f in lm.FORMATS if f.requirements.facilitator_required]
        assert {f.code for f in facilitated} == {
            "learning_meeting",
            "course_day",
            "audit",
            "key_person_network",
        }
        assert {f.requirements.facilitator_course for f in facilitated} == {
            lm.FACILITATOR_COURSE
        }

    def test_the_training_needs_no_trained_facilitator(self) -> None:
        req = CAT.format("facilitator_training").requirements
        assert req.facilitator_course is None
        assert req.min_fill is not None


class TestProfessionsAndTheirCourses:
    """Professions only (no volunteer, no visitator); groups of related
    professions; each group's own course before the course day (issue 17)."""

    def test_no_participant_type_or_function_is_a_profession(self) -> None:
        names = {p.label.da for p in lm.PROFESSIONS}
        assert not names & {"frivillig", "visitator"}

    def test_the_mono_course_takes_one_group(self) -> None:
        req = CAT.format("mono_course").requirements
        assert req.max_profession_groups == 1

    def test_each_group_has_its_course_and_every_course_its_name(self) -> None:
        groups = {p.group_code for p in lm.PROFESSIONS}
        assert set(lm.PALLIATION_COURSES) <= groups
        day = CAT.format("course_day").requirements
        assert dict(day.prerequisite_courses) == dict(lm.PALLIATION_COURSES)
        named = {
            *lm.PALLIATION_COURSES.values(),
            lm.MONOPROFESSIONAL_COURSE,
            lm.FACILITATOR_COURSE,
        }
        assert named == set(lm.COURSE_LABELS)
        for label in lm.COURSE_LABELS.values():
            assert "_" not in label.da
            assert "_" not in label.en

    def test_the_tables_cannot_be_changed(self) -> None:
        with pytest.raises(TypeError):
            lm.PALLIATION_COURSES["nurse"] = "x"  # type: ignore[index]
