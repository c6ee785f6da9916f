"""Strategies for meetings that fit their format, and for forums and scenarios."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import HealthCheck, find, given, settings, strategies as st

import learnmeet as lm
from learnmeet import strategies as lst
from learnmeet.data import load_sample

WEST = lm.Area("vest", lm.Label(da="Område vest", en="Area west"))

MODEL_CODES = {m.code for m in lm.QUESTION_BANK.models}


class TestValidMeetings:
    """Generated meetings fit their format: validation finds nothing at all."""

    @pytest.mark.parametrize("code", [f.code for f in lm.FORMATS])
    def test_each_format(self, code: str) -> None:
        @settings(max_examples=15)
        @given(lst.meetings(format=code))
        def check(meeting: lm.Meeting) -> None:
            assert meeting.format.code == code
            report = lm.validate(meeting)
            assert report.violations == (), report.render("en")

        check()

    @given(lst.meetings())
    def test_requirements_hold_independently(self, meeting: lm.Meeting) -> None:
        """Checked here without the rules: the format's numbers themselves."""
        req = meeting.format.requirements
        assert len(meeting.professions) >= req.min_professions
        if req.max_professions is not None:
            assert len(meeting.professions) <= req.max_professions
        assert len(meeting.sectors) >= req.min_sectors
        if req.case_required:
            assert meeting.case is not None
        if req.citizen_present:
            assert meeting.case is not None
            assert meeting.attendee(meeting.case.citizen.key) is not None
        if req.at_citizen_home:
            assert meeting.location.kind is lm.LocationKind.CITIZEN_HOME
        if req.max_profession_groups is not None:
            groups = {
                p.profession.group_code
                for p in meeting.professionals
                if p.profession is not None
            }
            assert len(groups) <= req.max_profession_groups
        day = meeting.start.date()
        for p in meeting.professionals:
            own = req.prerequisite_for(p.profession)
            assert own is None or p.has_completed(own, day)
        facilitating = lm.AttendeeRole.FACILITATOR
        for a in meeting.attendees:
            person = a.person
            if not isinstance(person, lm.Professional):
                continue
            if req.required_role is not None and a.role is not facilitating:
                assert req.required_role in person.roles
            if req.facilitator_course is not None and a.role is facilitating:
                assert person.has_completed(req.facilitator_course, day)

    @given(lst.meetings(format="course_day", case_origin=lm.CaseOrigin.CONCRETE))
    def test_case_origin(self, meeting: lm.Meeting) -> None:
        assert meeting.case is None or meeting.case.is_concrete

    def test_fictional_where_refused_is_an_error(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="fictional"):
            lst.meetings(format="audit", case_origin=lm.CaseOrigin.FICTIONAL)

    def test_unknown_format_names_the_closest(self) -> None:
        with pytest.raises(lm.UnknownCodeError, match="audit"):
            lst.meetings(format="audt")

    @given(lst.meetings(min_attendees=6, max_attendees=10, format="learning_meeting"))
    def test_size_parameters(self, meeting: lm.Meeting) -> None:
        assert 6 <= len(meeting.professionals) <= 10


class TestScenarios:
    """A scenario lists the people, units, organisations and areas its meetings
    use, each once."""

    @given(lst.scenarios())
    def test_scenarios_are_consistent(self, scenario: lm.Scenario) -> None:
        ids = {p.id for p in scenario.professionals}
        assert all(p.id in ids for m in scenario.meetings for p in m.professionals)
        units = {u.id for u in scenario.units}
        organisations = {o.id for o in scenario.organisations}
        areas = {a.code for a in scenario.areas}
        for person in scenario.professionals:
            assert person.unit.id in units
            assert person.unit.organisation.id in organisations
            assert person.unit.area is None or person.unit.area.code in areas
        cases = {c.id for c in scenario.cases}
        assert all(m.case is None or m.case.id in cases for m in scenario.meetings)


class TestForums:
    """A generated forum meets in working hours, on a quarter hour, and its
    members work in the area of the unit that holds it."""

    @given(lst.forums())
    def test_members_and_time(self, forum: lm.Forum) -> None:
        assert forum.members
        assert all(m.unit.area == forum.unit.area for m in forum.members)
        assert forum.unit.area is not None
        start = forum.first_start
        assert 8 <= start.hour <= 14
        assert start.minute in {0, 15, 30, 45}
        assert start.tzinfo is lm.COPENHAGEN
        later = start + timedelta(days=62)
        found = lm.forum_series(forum).occurrences(before=later)
        assert found
        assert all(start <= moment <= later for moment in found)


class TestParts:
    """The parts of a meeting: attendees are professionals, reflections come
    from a known model, cohorts and cancellations carry what they must."""

    @given(lst.attendees())
    def test_attendees_are_professionals_in_a_professional_role(
        self, attendee: lm.Attendee
    ) -> None:
        assert isinstance(attendee.person, lm.Professional)
        assert attendee.role not in {
            lm.AttendeeRole.CITIZEN,
            lm.AttendeeRole.RELATIVE,
        }

    @given(lst.reflections())
    def test_reflections_name_a_built_in_model(self, found: lm.Reflection) -> None:
        assert found.model in MODEL_CODES
        assert 1 <= len(found.questions) <= 3
        assert len(set(found.questions)) == len(found.questions)  # none twice

    @given(lst.reflections(free_text=True))
    def test_free_text_reflections_hold_up_to_five_questions(
        self, found: lm.Reflection
    ) -> None:
        assert found.model in MODEL_CODES
        assert 1 <= len(found.questions) <= 5

    def test_free_text_reaches_long_questions(self) -> None:
        wide = settings(database=None, max_examples=2_000)
        long_ = find(
            lst.reflections(free_text=True),
            lambda r: any(len(q.da) >= 200 for q in r.questions),
            settings=wide,
        )
        assert max(len(q.da) for q in long_.questions) >= 200

    @pytest.mark.parametrize(
        "kind",
        [
            "Danish letters",
            "quote",
            "markup",
            "ampersand",
            "line break",
            "tab",
            "right-to-left",
            "emoji",
        ],
    )
    def test_a_meetings_questions_reach_what_breaks_renderers(self, kind: str) -> None:
        """A renderer tested with generated meetings sees each of these in a
        reflection's questions, in both languages."""
        holds = {
            "Danish letters": lambda t: any(c in t for c in "æøåÆØÅ"),
            "quote": lambda t: '"' in t,
            "markup": lambda t: "<" in t and ">" in t,
            "ampersand": lambda t: "&" in t,
            "line break": lambda t: "\n" in t,
            "tab": lambda t: "\t" in t,
            "right-to-left": lambda t: any(
                unicodedata.bidirectional(c) in ("R", "AL") for c in t
            ),
            "emoji": lambda t: any(ord(c) > 0xFFFF for c in t),
        }[kind]
        languages = ("da",) if kind == "Danish letters" else ("da", "en")

        def shows(meeting: lm.Meeting) -> bool:
            return any(
                all(holds(q.get(language)) for language in languages)
                for q in meeting.reflection.questions
            )

        found = find(
            lst.meetings(), shows, settings=settings(database=None, max_examples=500)
        )
        assert shows(found)

    def test_a_cohort_of_a_given_area(self) -> None:
        north = lm.Area("nord", lm.Label(da="Nord", en="North"))

        @settings(max_examples=5)
        @given(lst.cohorts(north))
        def check(cohort: lm.Cohort) -> None:
            assert cohort.area == north
            assert cohort.id == "hold-nord"

        check()

    @given(lst.format_requirements())
    def test_requirements_keep_every_minimum_at_most_its_maximum(
        self, req: lm.FormatRequirements
    ) -> None:
        if req.max_professions is not None:
            assert req.min_professions <= req.max_professions
            assert req.max_professions >= 1
        if req.max_attendees is not None:
            assert req.min_attendees <= req.max_attendees
            assert req.min_fill is None or req.min_fill <= req.max_attendees

    @pytest.mark.parametrize("code", ["audit", "learning_meeting", "home_meeting"])
    def test_a_fictional_case_where_refused_says_where(self, code: str) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lst.meetings(format=code, case_origin=lm.CaseOrigin.FICTIONAL)
        assert (info.value.where, info.value.path) == ("meetings", ("case_origin",))
        assert "LM" in info.value.fix.en
        assert "fiktiv" in info.value.reason.da


class TestValidWithAWarning:
    """A state that is valid but flagged can be generated: a fictional course day."""

    @given(lst.meetings(format="course_day", case_origin=lm.CaseOrigin.FICTIONAL))
    def test_a_fictional_course_day_is_valid_with_its_warning(
        self, meeting: lm.Meeting
    ) -> None:
        assert meeting.case is not None
        assert not meeting.case.is_concrete
        report = lm.validate(meeting)
        assert report.ok
        assert report.codes == {"LM105"}
        assert [v.severity for v in report.violations] == [lm.Severity.WARNING]

    @given(lst.meetings(format="mono_course", case_origin=lm.CaseOrigin.CONCRETE))
    def test_an_origin_asked_for_gives_a_case(self, meeting: lm.Meeting) -> None:
        assert meeting.case is not None
        assert meeting.case.is_concrete
        assert lm.validate(meeting).ok


def _small_catalog() -> lm.Catalog:
    """A municipality's own catalogue: three professions, two sectors and one
    format of its own that no built-in code names."""
    cat = lm.DEFAULT_CATALOG
    round_ = lm.MeetingFormat(
        code="case_round",
        label=lm.Label(da="Casegennemgang", en="Case round"),
        description=lm.Label(da="En runde om en borger", en="A round on a citizen"),
        default_duration=timedelta(minutes=75),
        requirements=lm.FormatRequirements(
            min_professions=3,
            min_attendees=6,
            facilitator_required=True,
            reflection_required=True,
        ),
    )
    return lm.Catalog(
        professions=[cat.profession(c) for c in ("nurse", "physiotherapist", "gp")],
        sectors=[cat.sector("municipality"), cat.sector("general_practice")],
        formats=[round_],
    )


CONTEXT = lm.RuleContext(
    default_hours=lm.WorkingHours(),
    holidays=[h.day for y in range(2025, 2028) for h in lm.danish_holidays(y)],
)


class TestSizes:
    """The attendees asked for are honoured together with the format's own
    limits: only formats that can hold them are drawn, and asking for what no
    format can hold is refused up front, naming the formats."""

    @settings(max_examples=25)
    @given(lst.meetings(min_attendees=15))
    def test_a_large_meeting_is_of_a_format_that_holds_it(
        self, meeting: lm.Meeting
    ) -> None:
        assert len(meeting.professionals) >= 15
        assert lm.validate(meeting).ok

    @settings(max_examples=25)
    @given(lst.meetings(max_attendees=4))
    def test_a_small_meeting_has_no_more_than_asked(self, meeting: lm.Meeting) -> None:
        assert 1 <= len(meeting.professionals) <= 4
        assert meeting.format.code not in {"course_day", "mono_course"}
        assert lm.validate(meeting).ok

    def test_a_format_too_small_is_named(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lst.meetings(format="home_meeting", min_attendees=8)
        assert info.value.path == ("format",)
        assert "home_meeting" in info.value.reason.en

    def test_more_than_any_format_holds_names_the_formats(self) -> None:
        bounded = [f for f in lm.FORMATS if f.requirements.max_attendees]
        with pytest.raises(lm.InvalidValueError) as info:
            lst.meetings(
                min_attendees=40,
                catalog=lm.Catalog(
                    professions=lm.DEFAULT_CATALOG.professions,
                    sectors=lm.DEFAULT_CATALOG.sectors,
                    formats=bounded,
                ),
            )
        assert "learning_meeting" in info.value.reason.en
        assert "fagpersoner" in info.value.reason.da

    def test_a_least_above_the_most_is_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="min_attendees"):
            lst.meetings(min_attendees=9, max_attendees=8)

    @settings(max_examples=25)
    @given(lst.meetings(format="learning_meeting"))
    def test_six_to_ten_by_default(self, meeting: lm.Meeting) -> None:
        assert 6 <= len(meeting.professionals) <= 10

    @settings(max_examples=25)
    @given(lst.meetings(format="home_meeting"))
    def test_as_many_as_the_format_allows(self, meeting: lm.Meeting) -> None:
        assert len(meeting.professionals) == 5


class TestOwnCatalogue:
    """A small catalogue of one's own works wherever a catalogue is taken."""

    @settings(max_examples=20)
    @given(lst.meetings(catalog=_small_catalog()))
    def test_meetings(self, meeting: lm.Meeting) -> None:
        assert meeting.format.code == "case_round"
        assert len(meeting.professions) == 3
        assert lm.validate(meeting).ok

    @settings(max_examples=10)
    @given(lst.scenarios(catalog=_small_catalog(), min_meetings=2, max_meetings=3))
    def test_scenarios(self, scenario: lm.Scenario) -> None:
        assert {m.format.code for m in scenario.meetings} == {"case_round"}

    def test_more_professions_than_the_catalogue_has_is_refused(self) -> None:
        mine = _small_catalog()
        wide = attrs.evolve(
            mine.formats[0],
            requirements=attrs.evolve(mine.formats[0].requirements, min_professions=4),
        )
        with pytest.raises(lm.InvalidValueError) as info:
            lst.meetings(catalog=lm.Catalog(mine.professions, mine.sectors, [wide]))
        assert "4 professions" in info.value.reason.en


class TestRealistic:
    """By default a meeting is held on a working day in working hours of
    recent years, and every id drawn in one test case is its own."""

    @given(lst.meetings())
    def test_working_day_and_hours(self, meeting: lm.Meeting) -> None:
        assert meeting.start.tzinfo is lm.COPENHAGEN
        assert meeting.start.weekday() < 5
        assert 2025 <= meeting.start.year <= 2027
        assert lm.validate(meeting, context=CONTEXT).violations == ()

    @settings(max_examples=15)
    @given(st.lists(lst.meetings(), min_size=2, max_size=3))
    def test_meetings_drawn_together_go_into_one_scenario(
        self, found: list[lm.Meeting]
    ) -> None:
        assert len({m.id for m in found}) == len(found)
        people = [p.id for m in found for p in m.professionals]
        assert len(set(people)) == len(people)
        lm.Scenario(name="Kommune", meetings=found)

    @settings(max_examples=5)
    @given(st.lists(lst.meetings(), min_size=3, unique_by=lambda m: m.id))
    def test_unique_by_id(self, found: list[lm.Meeting]) -> None:
        assert len(found) >= 3

    @settings(max_examples=5)
    @given(lst.scenarios(min_meetings=5))
    def test_scenarios_hold_many_meetings(self, scenario: lm.Scenario) -> None:
        assert len(scenario.meetings) >= 5

    def test_scenarios_refuse_a_range_upside_down(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="min_meetings"):
            lst.scenarios(min_meetings=3, max_meetings=2)


class TestKnobs:
    """A window, a zone, an area and a status are honoured."""

    @settings(max_examples=20)
    @given(
        lst.meetings(
            start=date(2026, 3, 1),
            end=date(2026, 3, 31),
            zone=ZoneInfo("Europe/Berlin"),
            area=WEST,
            status=lm.MeetingStatus.PLANNED,
        )
    )
    def test_window_zone_area_status(self, meeting: lm.Meeting) -> None:
        assert date(2026, 3, 1) <= meeting.start.date() <= date(2026, 3, 31)
        assert meeting.start.tzinfo == ZoneInfo("Europe/Berlin")
        assert meeting.status is lm.MeetingStatus.PLANNED
        assert all(p.unit.area == WEST for p in meeting.professionals)
        assert lm.validate(meeting).ok

    def test_a_window_without_a_working_day_is_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="working day"):
            lst.meetings(start=date(2026, 12, 25), end=date(2026, 12, 27))

    @settings(max_examples=10)
    @given(lst.meetings(start=date(2019, 5, 1), end=date(2019, 5, 31)))
    def test_a_window_in_the_past(self, meeting: lm.Meeting) -> None:
        assert meeting.start.year == 2019
        assert lm.validate(meeting).ok


class TestPool:
    """A pool of one's own — the sample municipality here — supplies the
    people, cases and areas, exactly as listed."""

    SAMPLE = load_sample()

    @settings(max_examples=30, suppress_health_check=[HealthCheck.filter_too_much])
    @given(lst.meetings(pool=SAMPLE))
    def test_meetings_of_my_people(self, meeting: lm.Meeting) -> None:
        staff = set(self.SAMPLE.professionals)
        assert all(p in staff for p in meeting.professionals)
        assert meeting.case is None or meeting.case in self.SAMPLE.cases
        assert meeting.id not in {m.id for m in self.SAMPLE.meetings}
        assert lm.validate(meeting).ok

    @pytest.mark.parametrize("code", ["learning_meeting", "course_day", "audit"])
    def test_each_format_it_can_hold(self, code: str) -> None:
        @settings(max_examples=5)
        @given(lst.meetings(pool=self.SAMPLE, format=code))
        def check(meeting: lm.Meeting) -> None:
            assert lm.validate(meeting).ok

        check()

    @settings(max_examples=5)
    @given(lst.scenarios(pool=SAMPLE, min_meetings=1, max_meetings=3))
    def test_my_municipality_with_more_meetings(self, scenario: lm.Scenario) -> None:
        assert scenario.professionals == self.SAMPLE.professionals
        assert len(scenario.meetings) > len(self.SAMPLE.meetings)
        assert lm.from_json(lm.Scenario, lm.to_json(scenario)) == scenario

    @settings(max_examples=10)
    @given(lst.attendees(pool=SAMPLE))
    def test_attendees(self, attendee: lm.Attendee) -> None:
        assert attendee.person in self.SAMPLE.professionals

    def test_a_format_the_pool_cannot_hold_is_refused(self) -> None:
        nobody = lm.Scenario(name="Tom", areas=self.SAMPLE.areas)
        with pytest.raises(lm.InvalidValueError) as info:
            lst.meetings(pool=nobody, format="learning_meeting")
        assert "pool" in info.value.reason.en
        with pytest.raises(lm.InvalidValueError, match="no professionals"):
            lst.attendees(pool=nobody)


class TestRefusals:
    """What no meeting can be is refused up front, saying why."""

    @settings(max_examples=10)
    @given(lst.meetings(case_origin=lm.CaseOrigin.FICTIONAL))
    def test_fictional_draws_only_formats_that_allow_it(
        self, meeting: lm.Meeting
    ) -> None:
        assert meeting.case is None or not meeting.case.is_concrete
        assert lm.validate(meeting).ok

    def test_more_sectors_than_the_catalogue_has(self) -> None:
        one = lm.Catalog(
            professions=lm.DEFAULT_CATALOG.professions,
            sectors=[lm.DEFAULT_CATALOG.sector("hospital")],
            formats=[lm.DEFAULT_CATALOG.format("audit")],
        )
        with pytest.raises(lm.InvalidValueError) as info:
            lst.meetings(catalog=one)
        assert "sectors" in info.value.reason.en

    def test_an_end_alone_gives_a_year_before_it(self) -> None:
        @settings(max_examples=5)
        @given(lst.meetings(end=date(2024, 6, 30)))
        def check(meeting: lm.Meeting) -> None:
            assert date(2023, 7, 1) <= meeting.start.date() <= date(2024, 6, 30)

        check()

    def test_a_pool_without_a_trained_facilitator(self) -> None:
        sample = load_sample()
        untrained = attrs.evolve(
            sample,
            professionals=[
                attrs.evolve(p, completed_courses=frozenset(), completions=())
                for p in sample.professionals
            ],
            cases=[],
            forums=[],
            meetings=[],
            working_patterns=[],
            absences=[],
            programmes=[],
            cycles=[],
        )
        with pytest.raises(lm.InvalidValueError, match="facilitator"):
            lst.meetings(pool=untrained, format="key_person_network")


class TestArgumentsAreChecked:
    """What a newcomer writes wrong is refused when the strategy is made,
    naming the argument, in Danish and English — never a Python error at
    draw time, never a model field the caller did not give."""

    @pytest.mark.parametrize(
        ("argument", "value"),
        [
            ("start", "2026-03-01"),
            ("start", datetime(2026, 3, 2, 9, tzinfo=lm.COPENHAGEN)),
            ("end", 2026),
            ("zone", "Europe/Copenhagen"),
            ("pool", []),
            ("min_attendees", True),
            ("max_attendees", 2.5),
            ("status", "planned"),
            ("area", "vest"),
            ("case_origin", "fictional"),
            ("catalog", "default"),
        ],
    )
    def test_a_value_of_another_type(self, argument: str, value: object) -> None:
        with pytest.raises(lm.WrongTypeError) as caught:
            lst.meetings(**{argument: value})  # type: ignore[arg-type]
        assert caught.value.path == (argument,)
        assert caught.value.message("da") != caught.value.message("en")

    @pytest.mark.parametrize("argument", ["min_attendees", "max_attendees"])
    def test_a_negative_size(self, argument: str) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lst.meetings(**{argument: -1})  # type: ignore[arg-type]
        assert caught.value.path == (argument,)
        assert "0 or more" in caught.value.message("en")

    def test_a_zone_that_is_no_regions(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lst.meetings(zone=ZoneInfo("CET"))
        assert caught.value.path == ("zone",)

    def test_an_empty_pool_is_named_as_the_pool(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lst.meetings(pool=lm.Scenario(name="tom"))
        assert caught.value.path == ("pool",)
        assert "give a pool with the professionals and cases" in caught.value.fix.en
        assert "number" not in caught.value.fix.en

    def test_a_size_no_format_holds_is_named_as_the_size(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lst.meetings(max_attendees=0)
        assert caught.value.path == ("max_attendees",)
        assert caught.value.fix.en.startswith("pick a format that holds that many")


def test_every_public_strategy_is_made_with_its_defaults() -> None:
    """@checked reads every strategy's annotations at its first call."""
    import inspect

    for name in lst.__all__:
        made = getattr(lst, name)
        if not inspect.isfunction(made):
            continue
        needed = [
            p
            for p in inspect.signature(made).parameters.values()
            if p.default is inspect.Parameter.empty
            and p.kind is not inspect.Parameter.VAR_POSITIONAL
        ]
        if not needed:
            assert isinstance(made(), st.SearchStrategy), name
