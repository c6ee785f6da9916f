"""read_config: a planning configuration in TOML, every problem at its key.

A municipality writes its planning choices once: settings, rules switched
off or re-graded, course sizes and catalogue extensions. Every key is
optional; an unknown key, a wrong type or a value the settings refuse is a
problem with its TOML key path, reason and fix in Danish and English, all
reported at once, and no fix a file reader meets speaks Python.
"""

from __future__ import annotations

import re
import sys
from datetime import time, timedelta

import pytest
from hypothesis import given, settings

import learnmeet as lm
from learnmeet import strategies as lst
from learnmeet.io import _config
from support import ROOT, source_checkout

PAGE = ROOT / "docs" / "cli.md"


def _sample() -> str:
    """The sample configuration on the command line's page."""
    text = PAGE.read_text(encoding="utf-8")
    found = re.search(r"```toml\n(.*?)```", text, re.S)
    assert found, "docs/cli.md has no TOML sample"
    return found.group(1)


def _problems(text: str) -> dict[str, lm.DataProblem]:
    with pytest.raises(lm.InvalidDataError) as refused:
        lm.read_config(text)
    return {_key(p): p for p in refused.value.problems}


def _key(problem: lm.DataProblem) -> str:
    return problem.json_path.removeprefix("$").removeprefix(".")


@source_checkout  # the sample is read from docs/cli.md
class TestTheSample:
    """The documented sample parses, and sets every key it explains."""

    def test_it_names_only_the_sample_municipalitys_units(self) -> None:
        from learnmeet.data import load_sample

        found = lm.preflight(load_sample(), settings=lm.read_config(_sample()).settings)
        assert [p.path for p in found.problems if p.path[:1] == ("settings",)] == []

    def test_a_unit_the_scenario_lacks_is_refused(self) -> None:
        from learnmeet.data import load_sample

        typo = lm.read_config("[unit_min_on_duty]\nhj-nrod = 0.6\n").settings
        (problem,) = lm.preflight(load_sample(), settings=typo).problems
        assert problem.path == ("settings", "unit_min_on_duty", "hj-nrod")
        assert "hj-nrod" in problem.reason.en
        assert "enheden" in problem.reason.da

    def test_it_parses(self) -> None:
        config = lm.read_config(_sample())
        s = config.settings
        assert s.zone == lm.COPENHAGEN
        assert s.objective is lm.Objective.SPREAD
        assert s.backend is lm.Backend.GREEDY
        assert s.time_limit == timedelta(seconds=10)
        assert s.break_between == timedelta(minutes=10)
        assert s.preferred == (time(9), time(14))
        assert s.min_on_duty == 0.5
        assert s.hours == lm.WorkingHours(start=time(8), end=time(15, 30))
        assert s.hours_of("hj-nord") == lm.WorkingHours(start=time(7), end=time(15))
        assert s.hours_of("pc-syd") == lm.WorkingHours(start=time(23), end=time(7))
        assert s.unit_min_on_duty == {"hj-nord": 0.6}
        assert s.avoid == {"hj-nord": ((time(7), time(9, 30)),)}
        assert s.travel.default == timedelta(minutes=30)
        assert s.travel.between("sundhedshuset", "raadhuset") == timedelta(minutes=15)
        assert [r.id for r in s.rooms] == ["moedelokale-2"]
        assert "LM109" not in config.rules.codes
        assert config.rules.severity_of("LM123") is lm.Severity.ERROR
        course = config.catalog.format("course_day").requirements
        assert (course.min_fill, course.max_attendees) == (8, 20)
        assert config.catalog.profession("music_therapist").label.da == "musikterapeut"
        assert config.catalog.sector("hospice").label.en == "hospice"
        schwartz = config.catalog.format("schwartz_round")
        assert schwartz.requirements.min_professions == 3
        assert schwartz.default_duration == timedelta(minutes=60)
        base = lm.DEFAULT_CATALOG.format("learning_meeting").requirements
        assert schwartz.requirements.case_required == base.case_required

    def test_every_top_level_key_is_explained(self) -> None:
        sample = _sample()
        for key in _config._TOP:
            assert re.search(rf"^\[*{key}\b", sample, re.M), key


class TestDefaults:
    """An empty file gives the defaults."""

    def test_empty(self) -> None:
        config = lm.read_config("")
        assert config == lm.PlanningConfig()
        assert config.rules == lm.DEFAULT_RULES
        assert config.catalog == lm.DEFAULT_CATALOG

    def test_any_time_of_day(self) -> None:
        assert lm.read_config('hours = "any"').settings.hours is None

    def test_a_time_of_toml_itself(self) -> None:
        config = lm.read_config("preferred = [09:00:00, 12:00:00]")
        assert config.settings.preferred == (time(9), time(12))

    def test_a_night_shift_crosses_midnight(self) -> None:
        config = lm.read_config('[unit_hours.nat]\nstart = "23:00"\nend = "07:00"\n')
        assert config.settings.hours_of("nat") == lm.WorkingHours(
            start=time(23), end=time(7)
        )

    def test_a_whole_number_is_a_share(self) -> None:
        assert lm.read_config("min_on_duty = 0").settings.min_on_duty == 0.0

    def test_a_new_format_of_its_own(self) -> None:
        config = lm.read_config(
            '[[catalog.formats]]\ncode = "kaffemoede"\n'
            'label = { da = "kaffemøde", en = "coffee meeting" }\n'
            "is_learning = false\n"
            'requirements = { fictional_case = "flagged", max_outside_care_team_share'
            ' = 0.5, prerequisite_course = "palliation_mono" }\n'
        )
        fmt = config.catalog.format("kaffemoede")
        assert fmt.description == fmt.label
        assert not fmt.is_learning
        assert fmt.requirements.max_outside_care_team_share == 0.5

    def test_each_professions_course(self) -> None:
        config = lm.read_config(
            '[[catalog.formats]]\ncode = "temadag"\n'
            'label = { da = "temadag", en = "theme day" }\n'
            "requirements = { max_profession_groups = 2, prerequisite_courses = "
            '{ nurse = "lindring-spl", sosu = "lindring-sosu" } }\n'
        )
        req = config.catalog.format("temadag").requirements
        assert req.max_profession_groups == 2
        assert dict(req.prerequisite_courses) == {
            "nurse": "lindring-spl",
            "sosu": "lindring-sosu",
        }
        with pytest.raises(lm.InvalidDataError) as info:
            lm.read_config(
                '[[catalog.formats]]\ncode = "temadag"\n'
                'label = { da = "temadag", en = "theme day" }\n'
                'requirements = { prerequisite_courses = "lindring" }\n'
            )
        (problem,) = info.value.problems
        assert problem.path[-1] == "prerequisite_courses"


class TestProblems:
    """Every problem at once, at its key, with a fix for the file."""

    def test_unknown_keys_say_what_was_meant(self) -> None:
        found = _problems('zonee = "Europe/Copenhagen"\n[travel]\ndefualt = 5\n')
        assert set(found) == {"zonee", "travel.defualt"}
        assert "'zone'" in found["zonee"].fix.en
        assert "'default'" in found["travel.defualt"].fix.en

    def test_times_out_of_a_day_are_refused_at_the_files_own_keys(self) -> None:
        found = _problems(
            "break_between = 2000\n[travel]\ndefault = -1\n"
            'legs = [{ from = "a", to = "b", minutes = -5 }]\n'
        )
        assert set(found) == {
            "break_between",
            "travel.default",
            "travel.legs[0].minutes",
        }
        for problem in found.values():
            assert "1440" in problem.fix.en
            assert "(" not in problem.json_path  # no Python tuple in the path

    def test_a_code_that_is_none_says_so_without_a_class_name(self) -> None:
        found = _problems('backend = "fast"\n')
        assert (
            found["backend"].reason.en == "'fast' is not one of the codes allowed here"
        )
        assert "Backend" not in found["backend"].reason.da

    def test_an_unknown_key_with_nothing_near(self) -> None:
        found = _problems("xyzzy = 1")
        assert "remove it" in found["xyzzy"].fix.en

    def test_wrong_types(self) -> None:
        found = _problems(
            'min_on_duty = "half"\nbreak_between = true\ntime_limit = 1.5\n'
            'rooms = "none"\n[travel]\ndefault = "30"\n'
        )
        assert set(found) == {
            "min_on_duty",
            "break_between",
            "time_limit",
            "rooms",
            "travel.default",
        }
        assert found["travel.default"].reason.en == "expected an integer, got a string"
        assert (
            found["travel.default"].reason.da == "forventede et helt tal, fik en tekst"
        )

    def test_values_the_settings_refuse_each_at_its_key(self) -> None:
        found = _problems(
            "break_between = 2000\ntime_limit = 0\nmin_on_duty = 1.5\n"
            '[[rooms]]\nid = "r"\ncapacity = 0\n'
        )
        assert {
            "break_between",
            "time_limit",
            "min_on_duty",
            "rooms[0].capacity",
        } <= set(found)

    @pytest.mark.parametrize(
        "text",
        [
            "break_between = 2000",
            "time_limit = 0",
            'preferred = ["14:00", "09:00"]',
            '[avoid]\nhj = [["09:30", "07:00"]]',
            "[travel]\ndefault = 2000",
        ],
    )
    def test_no_fix_speaks_python(self, text: str) -> None:
        for problem in _problems(text).values():
            for said in (problem.fix.da, problem.fix.en):
                assert "timedelta" not in said
                assert "ZoneInfo" not in said
                assert not re.search(r"\(\d", said), said

    def test_times_of_day(self) -> None:
        found = _problems(
            'preferred = ["9", "25:00"]\n[hours]\nstart = "08:00"\nend = "08:00"\n'
        )
        assert set(found) == {"preferred[0]", "preferred[1]", "hours.end"}
        found = _problems("[hours]\nweekdays = [9]\n")
        assert "weekdays = [0, 1, 2, 3, 4]" in found["hours.weekdays"].fix.en

    def test_a_span_of_one(self) -> None:
        assert "preferred" in _problems('preferred = ["09:00"]')

    def test_hours_neither_table_nor_any(self) -> None:
        assert "any" in _problems("hours = 8")["hours"].fix.en

    def test_zone(self) -> None:
        found = _problems('zone = "CET"')
        assert 'zone = "Europe/Copenhagen"' in found["zone"].fix.en
        assert "Mars/Olympus" in _problems('zone = "Mars/Olympus"')["zone"].reason.en

    def test_rules(self) -> None:
        found = _problems(
            '[rules]\noff = ["LM1090", 5]\n'
            'severity = { LM999 = "error", LM101 = "fatal" }'
        )
        assert set(found) == {
            "rules.off[0]",
            "rules.off[1]",
            "rules.severity.LM999",
            "rules.severity.LM101",
        }
        assert "'LM109'" in found["rules.off[0]"].fix.en

    def test_catalogue_entries(self) -> None:
        found = _problems(
            "[[catalog.professions]]\n"
            'code = "x"\nlabel = { da = "x" }\ndiscipline = "magic"\n'
            '[[catalog.sectors]]\nlabel = { da = 1, en = "y" }\n'
            "[[catalog.formats]]\n"
            'code = "f"\nbased_on = "no_such"\nlabel = { da = "f", en = "f" }\n'
        )
        assert {
            "catalog.professions[0].label",
            "catalog.professions[0].discipline",
            "catalog.sectors[0].code",
            "catalog.sectors[0].label.da",
            "catalog.formats[0].based_on",
        } <= set(found)

    def test_requirements(self) -> None:
        found = _problems(
            "[course_day]\nmin_fill = 30\nmax_attendees = 20\n"
            "[[catalog.formats]]\n"
            'code = "f"\nlabel = { da = "f", en = "f" }\n'
            'requirements = { min_professions = "two", wishes = 1 }\n'
        )
        assert {
            "course_day.max_attendees",
            "catalog.formats[0].requirements.min_professions",
            "catalog.formats[0].requirements.wishes",
        } <= set(found)

    def test_legs_and_rooms_missing_keys(self) -> None:
        found = _problems(
            '[travel]\nlegs = [{ from = "a", minutes = 5 }]\n[[rooms]]\nname = "r"\n'
        )
        assert {"travel.legs[0]", "rooms[0]"} <= set(found)

    def test_not_toml_names_the_line_only(self) -> None:
        found = _problems("a = 1\nb = = 2\n")
        problem = found[""]
        assert "line 2" in problem.reason.en
        assert "linje 2" in problem.reason.da
        assert "Invalid" not in problem.reason.en  # not the parser's own text

    def test_tables_that_are_no_tables(self) -> None:
        found = _problems(
            'travel = 5\nunit_hours = 1\navoid = { hj = "07:00" }\n'
            "[rules]\noff = 1\nseverity = 2\n"
            "[catalog]\nprofessions = 3\n"
        )
        assert {
            "travel",
            "unit_hours",
            "avoid.hj",
            "rules.off",
            "rules.severity",
            "catalog.professions",
        } <= set(found)

    def test_weekdays_that_are_no_list(self) -> None:
        found = _problems('[hours]\nweekdays = "mon"\n')
        assert "hours.weekdays" in found

    def test_a_format_description(self) -> None:
        config = lm.read_config(
            '[[catalog.formats]]\ncode = "f"\nlabel = { da = "f", en = "f" }\n'
            'description = { da = "d", en = "e" }\n'
        )
        assert config.catalog.format("f").description.en == "e"

    def test_a_time_not_a_number(self) -> None:
        assert "break_between" in _problems('break_between = "10 min"')


class TestPython310:
    """Without tomllib or tomli, the error names the extra to install."""

    def test_no_reader(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(sys, "version_info", (3, 10, 0))
        monkeypatch.setitem(sys.modules, "tomli", None)
        with pytest.raises(lm.LearnmeetError) as refused:
            lm.read_config("")
        assert "learnmeet[toml]" in refused.value.fix.en
        assert "learnmeet[toml]" in refused.value.fix.da


class TestStrategy:
    """The strategy gives configurations as a file gives them."""

    @settings(max_examples=20)
    @given(lst.planning_configs())
    def test_configs(self, config: lm.PlanningConfig) -> None:
        course = config.catalog.format("course_day").requirements
        assert course.min_fill is not None
        assert course.max_attendees is not None
        assert course.min_fill <= course.max_attendees
        assert isinstance(config.settings, lm.PlanningSettings)


class TestLeadersFormats:
    """A format of one's own says in the configuration who may attend and
    which course its facilitator has completed; a role that is none of the
    staff roles is refused at its key."""

    BASE = (
        "[[catalog.formats]]\n"
        'code = "pal_net"\n'
        'based_on = "leaders_network"\n'
        'label = { da = "palliativt netværk", en = "palliative network" }\n'
    )

    def test_the_role_and_the_course(self) -> None:
        text = (
            self.BASE + 'requirements = { required_role = "key_person", '
            'facilitator_course = "esbjerg_facilitation" }\n'
        )
        fmt = lm.read_config(text).catalog.format("pal_net")
        assert fmt.requirements.required_role is lm.StaffRole.KEY_PERSON
        assert fmt.requirements.facilitator_course == "esbjerg_facilitation"

    def test_based_on_keeps_the_role(self) -> None:
        fmt = lm.read_config(self.BASE).catalog.format("pal_net")
        assert fmt.requirements.required_role is lm.StaffRole.LEADER

    def test_an_unknown_role_is_refused_at_its_key(self) -> None:
        text = self.BASE + 'requirements = { required_role = "chief" }\n'
        with pytest.raises(lm.InvalidDataError) as info:
            lm.read_config(text)
        message = info.value.message("en")
        assert "$.catalog.formats[0].requirements.required_role" in message
        assert "key_person" in message
