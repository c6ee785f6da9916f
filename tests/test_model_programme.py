"""A programme (pulje): funded partners over a period, grouping meetings by id.

Both sources are projects of funded programmes: Esbjerg's *En Værdig Død*,
and the five projects of the Capital Region's pool for cross-sectoral
competence development that KOPA evaluated.
"""

from __future__ import annotations

import json
from datetime import date, datetime

import attrs
import pytest
from hypothesis import given

import learnmeet as lm
from examples import HOSPITAL, KOMMUNE, PRACTICE, valid_meetings
from learnmeet import strategies as lst

MEETINGS = valid_meetings()
AUDIT = MEETINGS["audit"]  # the municipality and the hospital take part
LEARNING = MEETINGS["learning_meeting"]  # the municipality and a GP's practice

POOL = lm.Programme(
    id="tvaersektoriel-2027",
    name="Sammenhæng på tværs",
    funder="Puljen til tværsektoriel kompetenceudvikling",
    partners=[KOMMUNE, HOSPITAL, PRACTICE],
    start=date(2027, 1, 1),
    end=date(2027, 12, 31),
    meetings=[AUDIT.id, LEARNING.id],
    series=["kursusdage-2027"],
    surveys=["kvartal-1"],
)


class TestTheProgramme:
    """What a programme holds, and what it refuses."""

    def test_only_id_name_and_period_are_needed(self) -> None:
        bare = lm.Programme(
            id="p", name="Projekt", start=date(2027, 1, 1), end=date(2027, 1, 1)
        )
        assert (bare.funder, bare.partners, bare.meetings) == ("", (), ())

    def test_the_period_ends_after_it_starts(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            attrs.evolve(POOL, end=date(2026, 12, 31))
        assert caught.value.path == ("end",)
        assert "2026-12-31" in caught.value.message("en")

    def test_a_partner_is_listed_once(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            attrs.evolve(POOL, partners=[KOMMUNE, KOMMUNE])
        assert caught.value.path == ("partners", 1)

    @pytest.mark.parametrize("field", ["meetings", "series", "surveys"])
    def test_an_id_is_listed_once(self, field: str) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            attrs.evolve(POOL, **{field: ["x-1", "x-1"]})
        assert caught.value.path == (field, 1)

    def test_an_id_that_looks_like_a_cpr_number_is_refused(self) -> None:
        with pytest.raises(lm.PersonalDataError):
            attrs.evolve(POOL, meetings=["0101701234"])

    def test_covers_both_ends(self) -> None:
        assert POOL.covers(date(2027, 1, 1))
        assert POOL.covers(date(2027, 12, 31))
        assert not POOL.covers(date(2028, 1, 1))


class TestProblems:
    """Where a programme and its meetings disagree, every problem at once."""

    def test_none_when_it_all_fits(self) -> None:
        assert POOL.problems(MEETINGS.values()) == ()

    def test_a_meeting_not_found(self) -> None:
        (problem,) = POOL.problems([AUDIT])
        assert problem.path == ("meetings", 1)
        assert "'m-learning_meeting' is not among the meetings" in problem.message()

    def test_a_meeting_outside_the_period(self) -> None:
        late = attrs.evolve(AUDIT, start=datetime(2028, 2, 1, 10, tzinfo=lm.COPENHAGEN))
        (problem,) = POOL.problems([late, LEARNING])
        assert problem.path == ("meetings", 0)
        assert "2028-02-01" in problem.message("en")
        assert "uden for programmets periode" in problem.message("da")

    def test_an_organisation_that_is_not_a_partner(self) -> None:
        without = attrs.evolve(POOL, partners=[KOMMUNE])
        found = without.problems([AUDIT, LEARNING])
        assert [p.path for p in found] == [("partners",), ("partners",)]
        assert "Eksempel Hospital takes part in the meeting 'm-audit'" in (
            found[0].message("en")
        )
        assert "Eksempel Lægehus" in found[1].message("da")

    def test_every_problem_at_once(self) -> None:
        late = attrs.evolve(AUDIT, start=datetime(2026, 6, 1, 10, tzinfo=lm.COPENHAGEN))
        found = attrs.evolve(POOL, partners=[]).problems([late])
        assert len(found) == 4  # not found, outside, two organisations

    def test_someone_who_declined_brings_no_organisation(self) -> None:
        declined = attrs.evolve(
            AUDIT,
            attendees=[
                attrs.evolve(a, rsvp=lm.Rsvp.DECLINED)
                if a.person.unit.organisation == HOSPITAL  # type: ignore[union-attr]
                else a
                for a in AUDIT.attendees
            ],
        )
        assert (
            attrs.evolve(POOL, partners=[KOMMUNE, PRACTICE]).problems(
                [declined, LEARNING]
            )
            == ()
        )

    def test_wrong_types_are_refused(self) -> None:
        with pytest.raises(lm.WrongTypeError):
            POOL.problems(["m-audit"])  # type: ignore[list-item]

    @given(lst.scenarios())
    def test_a_generated_scenarios_programmes_fit_its_meetings(
        self, scenario: lm.Scenario
    ) -> None:
        for programme in scenario.programmes:
            assert programme.problems(scenario.meetings) == ()


class TestInAScenario:
    """A scenario holds its programmes, in JSON only when it has one (version 3)."""

    def test_round_trip(self) -> None:
        scenario = lm.Scenario(
            name="Eksempel",
            organisations=[KOMMUNE, HOSPITAL, PRACTICE],
            meetings=[AUDIT, LEARNING],
            programmes=[POOL],
        )
        text = lm.to_json(scenario)
        assert lm.from_json(lm.Scenario, text) == scenario
        written = json.loads(text)["data"]["programmes"][0]
        assert written["partners"] == ["k", "h", "lp"]
        assert written["meetings"] == ["m-audit", "m-learning_meeting"]

    def test_not_written_without_one(self) -> None:
        scenario = lm.Scenario(name="Eksempel", meetings=[AUDIT])
        assert "programmes" not in lm.to_dict(scenario)["data"]

    def test_a_programme_is_listed_once(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.Scenario(name="Eksempel", programmes=[POOL, POOL])
        assert caught.value.path == ("programmes", 1)

    def test_a_partner_the_document_does_not_hold_is_refused_by_path(self) -> None:
        document = lm.to_dict(lm.Scenario(name="Eksempel", programmes=[POOL]))
        document["data"]["programmes"][0]["partners"] = ["ukendt"]
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.Scenario, document)
        paths = [p.json_path for p in caught.value.problems]
        assert "$.programmes[0].partners[0]" in paths

    @given(lst.programmes())
    def test_any_programme_round_trips(self, programme: lm.Programme) -> None:
        assert lm.from_json(lm.Programme, lm.to_json(programme)) == programme
