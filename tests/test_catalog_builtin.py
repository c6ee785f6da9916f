"""The built-in catalogues and catalogues of one's own."""

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


class TestLookups:
    """An unknown code names the closest known codes."""

    @pytest.mark.parametrize(
        ("kind", "code", "near"),
        [
            ("profession", "nurce", "nurse"),
            ("sector", "hospitl", "hospital"),
            ("format", "audt", "audit"),
        ],
    )
    def test_closest(self, kind: str, code: str, near: str) -> None:
        with pytest.raises(lm.UnknownCodeError) as info:
            getattr(CAT, kind)(code)
        assert near in info.value.suggestions
        assert isinstance(info.value, LookupError)
        assert near in info.value.message("da")

    def test_nothing_close(self) -> None:
        with pytest.raises(lm.UnknownCodeError) as info:
            CAT.profession("zzzzzz")
        assert info.value.suggestions == ()


class TestOwnCatalogue:
    """Users add and replace entries without editing the library."""

    def test_extend_adds_and_replaces(self) -> None:
        music = lm.Profession(
            "music_therapist",
            lm.Label(da="musikterapeut", en="music therapist"),
            lm.Discipline.THERAPY,
        )
        nurse = lm.Profession(
            "nurse",
            lm.Label(da="sygeplejerske (SD)", en="nurse (RN)"),
            lm.Discipline.NURSING,
        )
        mine = CAT.extend(professions=[music, nurse])
        assert mine.profession("music_therapist") == music
        assert mine.profession("nurse").label.en == "nurse (RN)"
        assert CAT.profession("nurse").label.en == "nurse"
        assert len(mine.professions) == len(CAT.professions) + 1

    def test_duplicate_codes_are_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="listed more than once"):
            lm.Catalog(professions=[lm.PROFESSIONS[0], lm.PROFESSIONS[0]])

    def test_wrong_kind(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.Catalog(professions=[lm.SECTORS[0]])  # type: ignore[list-item]
