"""The learning record: what counts as an activity, a reflection, an action.

Held meetings with ``attended=YES`` only; volunteers have a record, citizens
and relatives never; a record is as of a day.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import attrs
import pytest
from hypothesis import given, settings

import learnmeet as lm
from learnmeet import strategies as lst
from record_data import (
    CASE,
    COURSE_DAY,
    DOCTOR,
    LEARNING,
    MEETINGS,
    NURSE,
    ON,
    SOSU,
    VOLUNTEER,
    WARD_NURSE,
    scenario,
)


def _record(**changes: object) -> lm.LearningRecord:
    return lm.learning_record(scenario(**changes), on=ON)


def _meetings(record: lm.LearningRecord, person: str) -> list[str]:
    found = record.person(person)
    assert found is not None
    return [a.meeting for a in found.activities]


class TestActivities:
    """An activity is a held meeting the professional attended (YES)."""

    def test_held_and_attended(self) -> None:
        record = _record()
        assert _meetings(record, "p-nurse") == ["m-learn", "m-reflected"]
        assert _meetings(record, "p-doctor") == ["m-learn"]

    def test_did_not_attend_is_no_activity(self) -> None:
        assert _meetings(_record(), "p-wardnurse") == []

    def test_unknown_attendance_is_not_counted(self) -> None:
        # The volunteer's attendance at the operational meeting is unknown.
        assert "m-operational" not in _meetings(_record(), "p-volunteer")

    def test_planned_and_cancelled_meetings_are_not_activities(self) -> None:
        record = _record()
        every = {a.meeting for p in record.people for a in p.activities}
        assert not every & {"m-cancelled", "m-courseday"}

    def test_an_operational_meeting_counts_only_with_reflection(self) -> None:
        record = _record()
        every = {a.meeting for p in record.people for a in p.activities}
        assert "m-operational" not in every
        assert "m-reflected" in every

    def test_the_activity_carries_role_format_case_and_sectors(self) -> None:
        person = _record().person("p-sosu")
        assert person is not None
        (activity,) = person.activities
        assert activity == lm.LearningActivity(
            professional="p-sosu",
            meeting="m-learn",
            format="learning_meeting",
            start=LEARNING.start,
            end=LEARNING.end,
            role=lm.AttendeeRole.CASE_PRESENTER,
            case_origin=lm.CaseOrigin.CONCRETE,
            sectors={"municipality", "hospital"},
            forum=None,
            cohort=None,
        )
        assert activity.day == date(2026, 9, 8)

    def test_sectors_are_of_those_who_attended(self) -> None:
        # The ward nurse did not come; the doctor (hospital) did.
        alone = attrs.evolve(
            LEARNING,
            attendees=[
                a
                if a.person is not DOCTOR
                else attrs.evolve(a, attended=lm.Attendance.NO)
                for a in LEARNING.attendees
            ],
        )
        record = _record(meetings=[alone])
        nurse = record.person("p-nurse")
        assert nurse is not None
        assert nurse.activities[0].sectors == {"municipality"}

    def test_a_meeting_after_the_day_is_left_out(self) -> None:
        assert "m-later" not in _meetings(_record(), "p-nurse")
        later = lm.learning_record(scenario(), on=date(2026, 12, 15))
        assert "m-later" in _meetings(later, "p-nurse")

    def test_by_start(self) -> None:
        person = lm.learning_record(scenario(), on=date(2027, 1, 1)).person("p-nurse")
        assert person is not None
        starts = [a.start for a in person.activities]
        assert starts == sorted(starts)


class TestPeople:
    """Who has a record: staff and volunteers; never a citizen or relative."""

    def test_every_staff_member_in_the_staff_lists_order(self) -> None:
        record = _record()
        assert [p.id for p in record.people] == [
            "p-nurse",
            "p-sosu",
            "p-doctor",
            "p-wardnurse",
            "p-volunteer",
        ]

    def test_a_volunteer_has_a_record(self) -> None:
        assert _meetings(_record(), "p-volunteer") == ["m-reflected"]

    def test_an_attendee_off_the_staff_list_comes_after(self) -> None:
        record = _record(professionals=[NURSE, SOSU])
        assert [p.id for p in record.people] == [
            "p-nurse",
            "p-sosu",
            "p-doctor",
            "p-volunteer",
        ]

    def test_no_citizen(self) -> None:
        record = _record()
        assert record.person(CASE.citizen.pseudonym) is None
        assert all(isinstance(p.professional, lm.Professional) for p in record.people)

    def test_undated_courses_are_the_professionals(self) -> None:
        person = _record().person("p-sosu")
        assert person is not None
        assert person.undated_courses == SOSU.completed_courses

    def test_unknown_person(self) -> None:
        assert _record().person("p-nobody") is None


class TestDay:
    """The record is as of a day; today in Copenhagen by default."""

    def test_on_is_kept(self) -> None:
        assert _record().on == ON

    def test_today_by_default(self) -> None:
        record = lm.learning_record(scenario())
        assert isinstance(record.on, date)

    def test_a_wrong_day_is_refused(self) -> None:
        with pytest.raises(lm.WrongTypeError):
            lm.learning_record(scenario(), on="2026-12-01")  # type: ignore[arg-type]


class TestProperties:
    """Whatever the scenario, the record keeps to its definitions."""

    @settings(max_examples=40)
    @given(lst.history_scenarios())
    def test_every_activity_is_a_held_meeting_attended(self, s: lm.Scenario) -> None:
        record = lm.learning_record(s, on=date(2031, 1, 1))
        meetings = {m.id: m for m in s.meetings}
        for person in record.people:
            for activity in person.activities:
                meeting = meetings[activity.meeting]
                assert meeting.status is lm.MeetingStatus.HELD
                found = meeting.attendee(person.professional.key)
                assert found is not None
                assert found.attended is lm.Attendance.YES
                assert found.role is activity.role
                assert person.professional.sector.code in activity.sectors

    @settings(max_examples=40)
    @given(lst.history_scenarios())
    def test_a_reflection_is_contributed_or_attended(self, s: lm.Scenario) -> None:
        record = lm.learning_record(s, on=date(2031, 1, 1))
        cycles = {c.meeting: c for c in s.cycles}
        for person in record.people:
            met = {a.meeting for a in person.activities}
            for entry in person.reflections:
                said = {c.person for c in cycles[entry.meeting].contributions}
                assert entry.contributed == (person.professional.key in said)
                assert (
                    entry.contributed
                    or entry.meeting in met
                    or any(
                        a.person.key == person.professional.key
                        and a.attended is lm.Attendance.YES
                        for m in s.meetings
                        if m.id == entry.meeting
                        for a in m.attendees
                    )
                )
            for action in person.actions:
                assert action.owner == person.professional.key

    @settings(max_examples=40)
    @given(lst.history_scenarios(), lst.history_scenarios())
    def test_adding_meetings_never_removes_an_activity(
        self, s: lm.Scenario, other: lm.Scenario
    ) -> None:
        ids = {m.id for m in s.meetings}
        extra = [attrs.evolve(m, id=f"x{m.id}") for m in other.meetings]
        more = attrs.evolve(s, meetings=[*s.meetings, *extra])
        assert ids.isdisjoint(m.id for m in extra)
        before = lm.learning_record(s, on=date(2031, 1, 1))
        after = lm.learning_record(more, on=date(2031, 1, 1))
        had = {(a.professional, a.meeting) for p in before.people for a in p.activities}
        has = {(a.professional, a.meeting) for p in after.people for a in p.activities}
        assert had <= has


def test_the_data_is_what_the_tests_say() -> None:
    assert len(MEETINGS) == 6
    assert COURSE_DAY.status is lm.MeetingStatus.PLANNED
    assert VOLUNTEER.is_volunteer
    assert WARD_NURSE.unit.sector.code == "hospital"


COURSE_DAY_NEEDS = lm.DEFAULT_CATALOG.format("course_day").requirements


class TestCompleted:
    """Who has completed what and when."""

    def test_undated_courses_are_undated(self) -> None:
        (done,) = _record().completed()
        assert done == lm.CompletedCourse(
            professional="p-sosu",
            course="palliation_sosu",
            state=lm.CourseState.UNDATED,
        )

    def test_one_course(self) -> None:
        assert _record().completed("palliation_nurse") == ()
        assert len(_record().completed("palliation_sosu")) == 1


class TestLackingPrerequisite:
    """Who lacks their profession's course on the course day."""

    def test_those_taking_part(self) -> None:
        lacking = _record().lacking_prerequisite(COURSE_DAY)
        assert lacking == (
            lm.MissingCourse(
                professional="p-nurse", course="palliation_nurse", on=date(2027, 2, 2)
            ),
        )

    def test_the_area_adds_its_staff_but_no_volunteer(self) -> None:
        alone = attrs.evolve(COURSE_DAY, attendees=COURSE_DAY.attendees[1:])
        assert _record().lacking_prerequisite(alone) == ()
        lacking = _record().lacking_prerequisite(alone, area=True)
        assert [m.professional for m in lacking] == ["p-nurse"]

    def test_a_format_without_a_course(self) -> None:
        assert _record().lacking_prerequisite(LEARNING) == ()


class TestFacilitators:
    """Who facilitated, how many times, which formats, in a period."""

    def test_the_facilitator_and_formats(self) -> None:
        (led,) = _record().facilitators()
        assert led.professional == "p-nurse"
        assert led.count == 2
        assert led.formats == (("learning_meeting", 1), ("operational_meeting", 1))

    def test_in_a_period(self) -> None:
        (led,) = _record().facilitators(start=date(2026, 10, 1))
        assert [a.meeting for a in led.activities] == ["m-reflected"]
        assert _record().facilitators(end=date(2026, 9, 1)) == ()


class TestRelationMap:
    """Who has met whom across sectors, as data."""

    def test_home_care_has_met_the_ward(self) -> None:
        relations = _record().relation_map()
        met = relations.between("u-home", "u-ward")
        assert {(e.first, e.second) for e in met} == {
            ("p-doctor", "p-nurse"),
            ("p-doctor", "p-sosu"),
        }
        assert all(e.meetings == ("m-learn",) for e in met)
        assert relations.between("u-ward", "u-home") == met

    def test_units(self) -> None:
        units = _record().relation_map().units
        assert [(e.first, e.second, e.meetings) for e in units] == [
            ("u-home", "u-ward", ("m-learn",)),
            ("u-home", "u-watch", ("m-reflected",)),
        ]

    def test_who_met_whom(self) -> None:
        relations = _record().relation_map()
        assert relations.met("p-nurse") == ("p-doctor", "p-volunteer")
        assert relations.met("p-wardnurse") == ()

    def test_in_a_period(self) -> None:
        assert _record().relation_map(start=date(2026, 11, 1)).people == ()

    @settings(max_examples=40)
    @given(lst.learning_records())
    def test_only_across_sectors_once_a_pair(self, record: lm.LearningRecord) -> None:
        relations = record.relation_map()
        for kind in (relations.people, relations.units):
            pairs = [(e.first, e.second) for e in kind]
            assert len(pairs) == len(set(pairs))
            for e in kind:
                assert e.first < e.second
                assert e.first_sector != e.second_sector
                assert e.meetings
        for e in relations.people:
            assert e.second in relations.met(e.first)
            assert e.first in relations.met(e.second)

    @settings(max_examples=40)
    @given(lst.learning_records())
    def test_facilitators_attended(self, record: lm.LearningRecord) -> None:
        for led in record.facilitators():
            person = record.person(led.professional)
            assert person is not None
            assert set(led.activities) <= set(person.activities)


class TestGaps:
    """Per unit and per area: lacking courses, inactivity, actions."""

    def test_per_unit(self) -> None:
        home, ward, watch = _record().gaps(COURSE_DAY_NEEDS)
        assert (home.unit, home.area, home.staff) == (
            "u-home",
            "nord",
            ("p-nurse", "p-sosu"),
        )
        assert [m.professional for m in home.lacking] == ["p-nurse"]
        assert ward.inactive == ("p-wardnurse",)
        assert [m.professional for m in ward.lacking] == ["p-wardnurse"]
        # the doctor's profession has no course of its own; the volunteer none
        assert watch.lacking == ()

    def test_per_area(self) -> None:
        (nord,) = _record().gaps(COURSE_DAY_NEEDS, by="area")
        assert nord.unit is None
        assert nord.area == "nord"
        assert nord.staff == ("p-nurse", "p-sosu", "p-volunteer")

    def test_inactive_in_a_period(self) -> None:
        (home, _, _) = _record().gaps(COURSE_DAY_NEEDS, start=date(2026, 10, 1))
        assert home.inactive == ("p-sosu",)


def _cycle(
    meeting: str, *, who: str, actions: tuple[lm.Action, ...] = ()
) -> lm.ReflectionCycle:
    kolb = lm.QUESTION_BANK.model("kolb")
    cycle = lm.ReflectionCycle.start(kolb, subject="case-1", meeting=meeting)
    cycle = cycle.contribute(f"professional:{who}", "Vi så et fald").advance()
    cycle = cycle.contribute(f"professional:{who}", "Vi vidste det ikke").advance()
    cycle = cycle.learn("Faldrisiko ses først af hjemmeplejen", tags={"handover"})
    cycle = cycle.contribute(f"professional:{who}", "Et fælles sprog").advance()
    for action in actions:
        cycle = cycle.act(action.id, action.text, owner=action.owner, due=action.due)
    return attrs.evolve(cycle, actions=actions) if actions else cycle


class TestReflections:
    """A reflection: contributed to the cycle, or attended its held meeting."""

    def test_contributors_and_attendees(self) -> None:
        record = _record(cycles=[_cycle("m-learn", who="p-wardnurse")])
        entries = {
            p.id: [(r.meeting, r.contributed) for r in p.reflections]
            for p in record.people
        }
        # the ward nurse did not attend but contributed; the others attended
        assert entries["p-wardnurse"] == [("m-learn", True)]
        assert entries["p-nurse"] == [("m-learn", False)]
        assert entries["p-volunteer"] == []
        person = record.person("p-doctor")
        assert person is not None
        (entry,) = person.reflections
        assert entry.model == "kolb"
        assert entry.on == date(2026, 9, 8)
        assert [p.text for p in entry.learning_points] == [
            "Faldrisiko ses først af hjemmeplejen"
        ]

    def test_a_cycle_of_a_meeting_not_held_is_no_reflection(self) -> None:
        record = _record(cycles=[_cycle("m-courseday", who="p-nurse")])
        assert all(not p.reflections for p in record.people)


class TestActions:
    """Actions by owner, once each, as the last cycle has them; overdue."""

    def test_the_last_cycle_wins(self) -> None:
        due = date(2026, 11, 1)
        first = lm.Action(
            id="a-1",
            text="Ring ved fald",
            owner="professional:p-sosu",
            due=due,
            raised_at="m-learn",
        )
        done = attrs.evolve(first, status=lm.ActionStatus.DONE)
        early = _cycle("m-learn", who="p-sosu", actions=(first,))
        late = _cycle("m-reflected", who="p-nurse", actions=(done,))
        record = _record(cycles=[late, early])
        person = record.person("p-sosu")
        assert person is not None
        assert person.actions == (done,)
        (home, _, _) = record.gaps(COURSE_DAY_NEEDS)
        assert home.open_actions == ()

    def test_open_and_overdue(self) -> None:
        action = lm.Action(
            id="a-2",
            text="Aftal fast opkald",
            owner="professional:p-nurse",
            due=date(2026, 11, 15),
            raised_at="m-learn",
        )
        record = _record(cycles=[_cycle("m-learn", who="p-nurse", actions=(action,))])
        (home, _, _) = record.gaps(COURSE_DAY_NEEDS)
        assert home.open_actions == (action,)
        assert home.overdue_actions == (action,)


class TestDatedCompletions:
    """Dated completions: valid or expired on the day; missing says when."""

    def _nurse(self, **done: object) -> lm.Professional:
        return attrs.evolve(
            NURSE, completions=[lm.CourseCompletion(course="palliation_nurse", **done)]
        )

    def test_valid_and_expired(self) -> None:
        valid = self._nurse(completed_on=date(2025, 3, 1))
        expired = self._nurse(
            completed_on=date(2022, 3, 1), expires_on=date(2026, 3, 1)
        )
        for person, state in (
            (valid, lm.CourseState.VALID),
            (expired, lm.CourseState.EXPIRED),
        ):
            record = _record(
                professionals=[person, SOSU, DOCTOR, WARD_NURSE, VOLUNTEER]
            )
            (done,) = record.completed("palliation_nurse")
            assert done.state is state

    def test_lacking_because_expired(self) -> None:
        expired = self._nurse(
            completed_on=date(2022, 3, 1), expires_on=date(2027, 1, 31)
        )
        record = _record(professionals=[expired, SOSU, DOCTOR, WARD_NURSE, VOLUNTEER])
        alone = attrs.evolve(COURSE_DAY, attendees=[COURSE_DAY.attendees[0]])
        (missing,) = record.lacking_prerequisite(alone)
        assert missing.expired_on == date(2027, 1, 31)
        # on the record's day it still counts
        (home, _, _) = record.gaps(COURSE_DAY_NEEDS)
        assert home.lacking == ()

    def test_a_completion_after_the_day_is_not_yet_in_the_record(self) -> None:
        later = self._nurse(completed_on=date(2027, 1, 10))
        record = _record(professionals=[later, SOSU, DOCTOR, WARD_NURSE, VOLUNTEER])
        person = record.person("p-nurse")
        assert person is not None
        assert person.completions == ()


class TestOnTheSample:
    """Each of the leader's questions, answered on the sample municipality,
    with what a person reads of the answer in Danish and English."""

    @pytest.fixture
    def record(self) -> lm.LearningRecord:
        from learnmeet.data import load_sample

        return lm.learning_record(load_sample(), on=date(2026, 12, 1))

    @pytest.mark.parametrize(
        ("lang", "expired"), [("da", "udløbet"), ("en", "expired")]
    )
    def test_who_completed_what_and_when(
        self, record: lm.LearningRecord, lang: lm.Lang, expired: str
    ) -> None:
        found = {
            (c.professional, c.completed_on, c.state)
            for c in record.completed("facilitator_training")
        }
        assert ("p-001", date(2026, 9, 3), lm.CourseState.VALID) in found
        assert ("p-003", date(2023, 10, 30), lm.CourseState.EXPIRED) in found
        assert ("p-004", None, lm.CourseState.UNDATED) in found
        assert lm.CourseState.EXPIRED.label.get(lang) == expired
        table = lm.record_csv(record, lang)["completions"]
        name = lm.COURSE_LABELS["facilitator_training"].get(lang)
        assert (
            f"p-003,hj-nord,facilitator_training,{name},2023-10-30,2026-10-29,"
            f"expired,{expired}" in table
        )

    @pytest.mark.parametrize(
        ("lang", "never"), [("da", "aldrig gennemført"), ("en", "never completed")]
    )
    def test_who_lacks_a_prerequisite_before_a_course_day(
        self, record: lm.LearningRecord, lang: lm.Lang, never: str
    ) -> None:
        from learnmeet.data import load_sample

        north = load_sample().areas[0]
        day = lm.Meeting(
            id="kursusdag-nord",
            format=lm.DEFAULT_CATALOG.format("course_day"),
            start=datetime(2027, 4, 13, 9, tzinfo=lm.COPENHAGEN),
            duration=timedelta(hours=6),
            cohort=lm.Cohort("hold-nord", north),
        )
        lacking = record.lacking_prerequisite(day, area=True)
        assert [(m.professional, m.course) for m in lacking] == [
            ("p-005", "palliation_sosu"),
            ("p-007", "palliation_sosu"),
        ]
        text = lm.record_text(
            record, lang, unit="hj-nord", requirements=COURSE_DAY_NEEDS
        )
        course = lm.COURSE_LABELS["palliation_sosu"].get(lang)
        assert f"p-005: {course} ({never})" in text

    @pytest.mark.parametrize(
        ("lang", "word"), [("da", "faciliteret"), ("en", "facilitated")]
    )
    def test_who_facilitated(
        self, record: lm.LearningRecord, lang: lm.Lang, word: str
    ) -> None:
        led = {
            f.professional: f.count
            for f in record.facilitators(start=date(2026, 8, 1), end=date(2026, 11, 30))
        }
        assert led == {"p-001": 1, "p-012": 2, "p-025": 1, "p-040": 1}
        assert word in lm.record_svg(record, "pc-syd", lang)

    @pytest.mark.parametrize(
        ("lang", "heading"),
        [("da", "Mødt på tværs af sektorer"), ("en", "Met across sectors")],
    )
    def test_home_care_has_met_the_hospital(
        self, record: lm.LearningRecord, lang: lm.Lang, heading: str
    ) -> None:
        relations = record.relation_map()
        met = relations.between("hj-nord", "med-m1")
        assert [(e.first, e.second) for e in met] == [("p-001", "p-034")]
        text = lm.record_text(record, lang, unit="hj-nord")
        assert heading in text
        assert "Medicinsk afdeling M1" in text

    @pytest.mark.parametrize(
        ("lang", "overdue"),
        [("da", "Handlinger over frist"), ("en", "Actions past their due date")],
    )
    def test_gaps_per_unit_and_area(
        self, record: lm.LearningRecord, lang: lm.Lang, overdue: str
    ) -> None:
        by_unit = {g.unit: g for g in record.gaps(COURSE_DAY_NEEDS)}
        assert [m.professional for m in by_unit["hj-nord"].lacking] == [
            "p-005",
            "p-007",
        ]
        by_area = {g.area: g for g in record.gaps(COURSE_DAY_NEEDS, by="area")}
        assert [a.id for a in by_area["syd"].overdue_actions] == ["a-103-2"]
        text = lm.record_text(
            record, lang, unit="pc-syd", requirements=COURSE_DAY_NEEDS
        )
        assert f"{overdue}:\n  a-103-2 (p-025)" in text
