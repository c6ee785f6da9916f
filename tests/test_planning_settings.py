"""Tests of the planning settings: rooms, travel times, staffing shares."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from learnmeet import strategies as lst


class TestTravelTimes:
    def test_a_leg_serves_both_directions(self) -> None:
        travel = lm.TravelTimes(matrix={("a", "b"): timedelta(minutes=12)})
        assert travel.between("b", "a") == timedelta(minutes=12)

    def test_a_direction_of_its_own_wins(self) -> None:
        travel = lm.TravelTimes(
            matrix={("a", "b"): timedelta(minutes=12), ("b", "a"): timedelta(minutes=7)}
        )
        assert (travel.between("a", "b"), travel.between("b", "a")) == (
            timedelta(minutes=12),
            timedelta(minutes=7),
        )

    def test_other_places_take_the_default(self) -> None:
        assert lm.TravelTimes(default=timedelta(minutes=25)).between(
            "a", "home:TB-01"
        ) == timedelta(minutes=25)

    @pytest.mark.parametrize(
        ("first", "second"), [(None, "a"), ("a", None), ("a", "a")]
    )
    def test_online_or_the_same_place_needs_no_travel(
        self, first: str | None, second: str | None
    ) -> None:
        assert lm.TravelTimes().between(first, second) == timedelta(0)

    @pytest.mark.parametrize("minutes", [-1, 24 * 60 + 1])
    def test_a_time_outside_a_day_is_refused(self, minutes: int) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.TravelTimes(default=timedelta(minutes=minutes))
        assert caught.value.path == ("default",)

    @given(lst.travel_times(), st.sampled_from(["sundhedshuset", "raadhuset"]))
    def test_travel_is_never_negative(self, travel: lm.TravelTimes, place: str) -> None:
        assert travel.between(place, "home:TB-01") >= timedelta(0)


class TestPlaces:
    """A place in the travel times is text a document and a calendar hold:
    checked as a room's place is."""

    @pytest.mark.parametrize(
        ("place", "says"),
        [("\ud800", "lone surrogate"), ("rådhus\x00", "control character")],
    )
    def test_text_no_file_can_hold_is_refused(self, place: str, says: str) -> None:
        with pytest.raises(lm.InvalidValueError, match=says):
            lm.TravelTimes(matrix={(place, "sundhedshuset"): timedelta(minutes=5)})
        with pytest.raises(lm.InvalidValueError, match=says):
            lm.Room(id="r-1", capacity=4, place=place)


class TestRoom:
    @pytest.mark.parametrize("capacity", [0, -3])
    def test_a_room_seats_someone(self, capacity: int) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.Room(id="r-1", capacity=capacity)
        assert caught.value.path == ("capacity",)


class TestPlanningSettings:
    @pytest.mark.parametrize(
        ("share", "staff", "away"),
        [
            (0.5, 10, 5),
            (0.7, 10, 3),
            (0.5, 1, 1),
            (0.5, 3, 1),
            (0.0, 6, 6),
            (0.9, 4, 1),
        ],
    )
    def test_the_rest_of_a_unit_stays_on_duty(
        self, share: float, staff: int, away: int
    ) -> None:
        assert lm.PlanningSettings(min_on_duty=share).away_at_most("u", staff) == away

    def test_a_unit_may_have_its_own_share(self) -> None:
        settings = lm.PlanningSettings(unit_min_on_duty={"hj-vest": 0.75})
        assert (settings.away_at_most("hj-vest", 8), settings.away_at_most("x", 8)) == (
            2,
            4,
        )

    @pytest.mark.parametrize("share", [1, 1.5, -0.1])
    def test_a_share_outside_0_to_1_is_refused(self, share: float) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.PlanningSettings(min_on_duty=share)
        assert caught.value.path == ("min_on_duty",)

    def test_a_span_to_avoid_must_end_after_it_starts(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.PlanningSettings(avoid={"hj-vest": [(time(9), time(7))]})
        assert caught.value.path == ("avoid", "hj-vest", 0)

    def test_unit_hours_win_over_the_default(self) -> None:
        night = lm.WorkingHours(start=time(15), end=time(22))
        settings = lm.PlanningSettings(unit_hours={"aften": night})
        assert (settings.hours_of("aften"), settings.hours_of("dag")) == (
            night,
            lm.WorkingHours(),
        )

    @given(lst.planning_settings(), st.integers(1, 60))
    def test_a_unit_never_sends_more_than_it_has_nor_none(
        self, settings: lm.PlanningSettings, staff: int
    ) -> None:
        away = settings.away_at_most("u", staff)
        assert 1 <= away <= staff
        assert staff - away >= settings.min_on_duty * staff - 1 or away == 1
