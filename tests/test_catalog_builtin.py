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
    "frivillig",
]


class TestBuiltIn:
    """At least 14 professions, the 5 sectors and the 8 formats of the design."""

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
        }

    @pytest.mark.parametrize(
        ("code", "professions", "sectors", "case", "citizen"),
        [
            ("learning_meeting", (2, None), 0, True, False),
            ("home_meeting", (2, None), 0, True, True),
            ("mono_course", (1, 1), 0, False, False),
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
