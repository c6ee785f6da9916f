"""A scenario: one municipality's people, places, cases, forums and meetings.

Every list in a scenario names each identifier once, and the scenario looks
its professionals, cases and forums up by identifier.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from examples import (
    CASE,
    FICTIONAL,
    HOME_CARE_N,
    HOSPITAL,
    KOMMUNE,
    NORTH,
    NURSE_N,
    SOUTH,
    SSA_N,
    WARD,
    valid_meetings,
)
from learnmeet import strategies as lst

FORUM = lm.Forum(
    id="tirsdag-nord",
    name="Tirsdagsmøde, hjemmeplejen Nord",
    unit=HOME_CARE_N,
    members=[NURSE_N, SSA_N],
    first_start=datetime(2027, 1, 5, 13, 30, tzinfo=lm.COPENHAGEN),
    duration=timedelta(minutes=45),
    recurrence="FREQ=WEEKLY;BYDAY=TU",
)
MEETINGS = list(valid_meetings().values())
SCENARIO = lm.Scenario(
    name="Eksempelkommunen",
    areas=[NORTH, SOUTH],
    organisations=[KOMMUNE, HOSPITAL],
    units=[HOME_CARE_N, WARD],
    professionals=[NURSE_N, SSA_N],
    cases=[CASE, FICTIONAL],
    forums=[FORUM],
    meetings=MEETINGS,
)

LISTS: dict[str, tuple[st.SearchStrategy[Any], Any, tuple[str, str]]] = {
    "areas": (lst.areas(), lambda a: a.code, ("området", "the area")),
    "organisations": (
        lst.organisations(),
        lambda o: o.id,
        ("organisationen", "the organisation"),
    ),
    "units": (lst.units(), lambda u: u.id, ("enheden", "the unit")),
    "professionals": (
        lst.professionals(),
        lambda p: p.id,
        ("fagpersonen", "the professional"),
    ),
    "cases": (lst.citizen_cases(), lambda c: c.id, ("borgerforløbet", "the case")),
    "forums": (lst.forums(), lambda f: f.id, ("mødeforummet", "the forum")),
    "meetings": (lst.meetings(), lambda m: m.id, ("mødet", "the meeting")),
}
"""Each list of a scenario: a strategy for its items, their key, and what the
refusal calls an item, in Danish and English."""


class TestAScenario:
    """A scenario holds its lists as tuples, empty by default."""

    def test_lists_become_tuples(self) -> None:
        assert SCENARIO.areas == (NORTH, SOUTH)
        assert isinstance(SCENARIO.meetings, tuple)
        assert len(SCENARIO.meetings) == len(MEETINGS)

    def test_only_a_name_is_needed(self) -> None:
        empty = lm.Scenario(name="Tom kommune")
        assert all(getattr(empty, f.name) == () for f in attrs.fields(lm.Scenario)[1:])

    def test_an_item_of_the_wrong_kind_names_its_place(self) -> None:
        with pytest.raises(lm.WrongTypeError) as info:
            attrs.evolve(SCENARIO, units=[HOME_CARE_N, KOMMUNE])  # type: ignore[list-item]
        assert (info.value.where, info.value.path) == ("Scenario", ("units", 1))

    def test_the_name_holds_no_cpr_number(self) -> None:
        with pytest.raises(lm.PersonalDataError) as info:
            attrs.evolve(SCENARIO, name="Plan for 0102031234")
        assert info.value.path == ("name",)


class TestLookUps:
    """Professionals, cases and forums are found by identifier; an unknown one
    names the closest, with what was looked up in both languages."""

    def test_found(self) -> None:
        assert SCENARIO.professional("p-02") is SSA_N
        assert SCENARIO.case("c-fic") is FICTIONAL
        assert SCENARIO.forum("tirsdag-nord") is FORUM

    @pytest.mark.parametrize(
        ("method", "code", "near", "da", "en"),
        [
            ("professional", "p-20", "p-02", "fagperson", "professional"),
            ("case", "c-10", "c-101", "borgerforløb", "case"),
            ("forum", "tirsdag-syd", "tirsdag-nord", "mødeforum", "forum"),
        ],
    )
    def test_unknown(self, method: str, code: str, near: str, da: str, en: str) -> None:
        with pytest.raises(lm.UnknownCodeError) as info:
            getattr(SCENARIO, method)(code)
        error = info.value
        assert error.kind == method
        assert near in error.suggestions
        assert error.reason.da == f"ukendt kode {code!r} ({da})"
        assert error.reason.en == f"unknown {en} code {code!r}"
        assert repr(near) in error.fix.da
        assert repr(near) in error.fix.en


class TestEachIdentifierOnce:
    """Every list names each identifier once; a repeat is refused at the place of
    the second, in both languages."""

    def test_a_case_listed_twice(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(SCENARIO, cases=[CASE, FICTIONAL, CASE])
        error = info.value
        assert (error.where, error.path) == ("Scenario", ("cases", 2))
        assert error.reason.en == "the case 'c-101' is listed twice"
        assert error.reason.da == "borgerforløbet 'c-101' står der to gange"
        assert (error.fix.da, error.fix.en) == (
            "skriv hver kun én gang",
            "list each only once",
        )

    @given(st.sampled_from(sorted(LISTS)), st.data())
    def test_a_repeated_id_in_any_list_is_refused(
        self, field: str, data: st.DataObject
    ) -> None:
        items, key, (da, en) = LISTS[field]
        distinct = data.draw(st.lists(items, min_size=1, max_size=3, unique_by=key))
        lm.Scenario(name="s", **{field: distinct})  # distinct ids are taken
        again = data.draw(st.sampled_from(distinct))
        at = data.draw(st.integers(0, len(distinct)))
        repeated = [*distinct[:at], again, *distinct[at:]]
        second = max(i for i, item in enumerate(repeated) if key(item) == key(again))
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Scenario(name="s", **{field: repeated})
        error = info.value
        assert (error.where, error.path) == ("Scenario", (field, second))
        assert error.reason.en == f"{en} {key(again)!r} is listed twice"
        assert error.reason.da == f"{da} {key(again)!r} står der to gange"


NIGHT = lm.WorkingHours(start=time(23), end=time(7), weekdays={0, 1, 2})


class TestWhoIsAtWork:
    """A scenario's working patterns and absences are of its own staff, at most
    one pattern per professional; a reference to anyone else is refused at
    its place."""

    def test_patterns_and_absences_are_kept(self) -> None:
        pattern = lm.WorkingPattern(professional=NURSE_N.id, shifts=[NIGHT])
        away = lm.Absence.days(SSA_N.id, date(2027, 1, 4), date(2027, 1, 8))
        scenario = attrs.evolve(SCENARIO, working_patterns=[pattern], absences=[away])
        assert scenario.working_patterns == (pattern,)
        assert scenario.absences == (away,)

    @pytest.mark.parametrize("field", ["working_patterns", "absences"])
    def test_a_stranger_is_refused(self, field: str) -> None:
        items = {
            "working_patterns": [
                lm.WorkingPattern(professional=NURSE_N.id, shifts=[NIGHT]),
                lm.WorkingPattern(professional="p-9999", shifts=[NIGHT]),
            ],
            "absences": [
                lm.Absence.days(SSA_N.id, date(2027, 1, 4), date(2027, 1, 4)),
                lm.Absence.days("p-9999", date(2027, 1, 4), date(2027, 1, 4)),
            ],
        }[field]
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(SCENARIO, **{field: items})
        error = info.value
        assert (error.where, error.path) == ("Scenario", (field, 1, "professional"))
        assert error.reason.en == "the professional 'p-9999' is not on the staff list"
        assert error.reason.da == "fagpersonen 'p-9999' er ikke på personalelisten"

    def test_one_pattern_per_professional(self) -> None:
        pattern = lm.WorkingPattern(professional=NURSE_N.id, shifts=[NIGHT])
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(SCENARIO, working_patterns=[pattern, pattern])
        assert info.value.path == ("working_patterns", 1)
        assert "is listed twice" in info.value.reason.en


def _closed_cycle(meeting: str, owner: str = NURSE_N.key) -> lm.ReflectionCycle:
    """A closed Kolb cycle of *meeting*: a contribution per phase, a learning
    point, and an action owned by *owner*."""
    cycle = lm.ReflectionCycle.start(
        lm.QUESTION_BANK.model("kolb"), subject=CASE.id, meeting=meeting
    )
    while cycle.phase.kind is not lm.PhaseKind.ACTION:
        if cycle.phase.kind is lm.PhaseKind.CONCLUSION:
            cycle = cycle.contribute(SSA_N, "Et fælles sprog").learn(
                "Ring ved fald", tags={"handover"}
            )
        cycle = cycle.contribute(NURSE_N, "Vi så et fald").advance()
    cycle = cycle.contribute(SSA_N, "Vi ringer").act(
        "a-1", "Aftal fast opkald", owner=owner, due=date(2027, 3, 1)
    )
    while not cycle.is_last_phase:
        cycle = cycle.contribute(NURSE_N, "Godt").advance()
    return cycle.contribute(NURSE_N, "Slut").close(carry=True)


class TestCycles:
    """A scenario holds the reflection cycles of its meetings (version 4); the
    people a cycle names are people it knows — staff by ``professional:<id>``,
    a case's citizen and relatives by their keys. Anyone else is refused at
    its path."""

    def test_a_cycle_of_a_meeting_is_kept(self) -> None:
        cycle = _closed_cycle(MEETINGS[0].id)
        scenario = attrs.evolve(SCENARIO, cycles=[cycle])
        assert scenario.cycles == (cycle,)
        assert scenario.cycles[0].learning_points

    @pytest.mark.parametrize("meeting", [f"{FORUM.id}-3", "m-2025-archived"])
    def test_the_meeting_is_not_looked_up(self, meeting: str) -> None:
        """A forum's occurrence, or a meeting the file no longer keeps: the
        learning outlives the meeting (a plan's scenario replaces them)."""
        cycle = _closed_cycle(meeting)
        assert attrs.evolve(SCENARIO, cycles=[cycle]).cycles == (cycle,)

    def test_an_owner_off_the_staff_list_is_refused(self) -> None:
        cycle = _closed_cycle(MEETINGS[0].id, owner="professional:p-9999")
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(SCENARIO, cycles=[cycle])
        error = info.value
        assert error.path == ("cycles", 0, "actions", 0, "owner")
        assert "'professional:p-9999' is neither on the staff list" in error.reason.en

    def test_a_contributor_off_the_staff_list_is_refused(self) -> None:
        cycle = _closed_cycle(MEETINGS[0].id)
        staff = attrs.evolve(SCENARIO, professionals=[NURSE_N])
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(staff, cycles=[cycle])
        path = info.value.path
        assert path[:3] == ("cycles", 0, "contributions")
        index = path[3]
        assert isinstance(index, int)
        assert cycle.contributions[index].person == SSA_N.key

    def test_the_citizen_and_a_relative_of_a_case_may_own_an_action(self) -> None:
        for who in [CASE.citizen.key, *(r.key for r in CASE.relatives)]:
            cycle = _closed_cycle(MEETINGS[0].id, owner=who)
            assert attrs.evolve(SCENARIO, cycles=[cycle]).cycles == (cycle,)

    def test_no_cycles_are_written_when_there_are_none(self) -> None:
        assert "cycles" not in lm.to_dict(SCENARIO)["data"]

    def test_cycles_round_trip(self) -> None:
        scenario = attrs.evolve(SCENARIO, cycles=[_closed_cycle(MEETINGS[0].id)])
        text = lm.to_json(scenario)
        assert '"cycles"' in text
        assert lm.from_json(lm.Scenario, text) == scenario

    def test_a_cycle_in_a_file_is_refused_at_its_path(self) -> None:
        scenario = attrs.evolve(SCENARIO, cycles=[_closed_cycle(MEETINGS[0].id)])
        document = lm.to_dict(scenario)
        document["data"]["cycles"][0]["actions"][0]["owner"] = "professional:p-9999"
        with pytest.raises(lm.InvalidDataError) as info:
            lm.from_dict(lm.Scenario, document)
        assert [p.json_path for p in info.value.problems] == [
            "$.cycles[0].actions[0].owner"
        ]
