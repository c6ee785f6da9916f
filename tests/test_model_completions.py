"""Dated course completions: when a course was completed, and until when it counts.

A learning record says who has completed what *and when*; a training that
must be renewed (the facilitator training) stops counting after its expiry
date, which is the last day it counts (inclusive, as a certificate's and as
FHIR's ``Period.end``). Older data keeps its undated ``completed_courses``,
and a course is recorded in one place only.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from examples import CAT, HOME_CARE_N
from learnmeet import strategies as lst

TRAINING = lm.CourseCompletion(
    course=lm.FACILITATOR_COURSE,
    completed_on=date(2026, 9, 3),
    expires_on=date(2029, 9, 2),
)


def _nurse(**fields: object) -> lm.Professional:
    """A home-care nurse with no course but those in *fields*."""
    return lm.Professional(
        id="p-1", profession=CAT.profession("nurse"), unit=HOME_CARE_N, **fields
    )


class TestOneCompletion:
    """A completion is dated; its expiry, when it has one, comes after it."""

    def test_only_course_and_date_are_needed(self) -> None:
        done = lm.CourseCompletion(
            course="palliation_nurse", completed_on=date(2026, 10, 1)
        )
        assert (done.expires_on, done.meeting) == (None, None)
        assert done.valid_on(date(2099, 1, 1))

    @pytest.mark.parametrize("expires", [date(2026, 9, 3), date(2026, 9, 2)])
    def test_the_expiry_comes_after_the_completion(self, expires: date) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            attrs.evolve(TRAINING, expires_on=expires)
        error = caught.value
        assert (error.where, error.path) == ("CourseCompletion", ("expires_on",))
        assert f"the expiry date {expires.isoformat()} is not after" in error.message(
            "en"
        )
        assert "udløbsdatoen" in error.message("da")

    def test_the_course_is_a_code(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            attrs.evolve(TRAINING, course="")
        assert caught.value.path == ("course",)

    def test_a_datetime_is_no_date(self) -> None:
        from datetime import datetime

        with pytest.raises(lm.WrongTypeError):
            attrs.evolve(
                TRAINING, completed_on=datetime(2026, 9, 3, tzinfo=lm.COPENHAGEN)
            )


class TestWhenItCounts:
    """It counts from the day it was completed up to and including expires_on."""

    @pytest.mark.parametrize(
        ("day", "counts", "expired"),
        [
            (date(2026, 9, 2), False, False),  # not yet completed
            (date(2026, 9, 3), True, False),  # the day itself
            (date(2029, 9, 2), True, False),  # the last day it counts
            (date(2029, 9, 3), False, True),  # the day after: expired
        ],
    )
    def test_the_edges(self, day: date, counts: bool, expired: bool) -> None:
        assert TRAINING.valid_on(day) is counts
        assert TRAINING.expired_on(day) is expired

    def test_without_expiry_it_never_expires(self) -> None:
        done = attrs.evolve(TRAINING, expires_on=None)
        assert not done.expired_on(date(2099, 1, 1))

    @given(lst.course_completions(), st.dates(date(2019, 1, 1), date(2037, 12, 31)))
    def test_a_day_is_before_it_valid_or_after_it(
        self, done: lm.CourseCompletion, day: date
    ) -> None:
        before = day < done.completed_on
        assert [before, done.valid_on(day), done.expired_on(day)].count(True) == 1


class TestOnAProfessional:
    """has_completed is the one question: undated always counts, dated on a day."""

    def test_an_undated_course_counts_on_every_day(self) -> None:
        nurse = _nurse(completed_courses={"palliation_nurse"})
        assert nurse.has_completed("palliation_nurse", date(1990, 1, 1))
        assert nurse.has_completed("palliation_nurse")

    def test_a_dated_course_counts_while_valid(self) -> None:
        nurse = _nurse(completions=[TRAINING])
        assert nurse.has_completed(lm.FACILITATOR_COURSE, date(2027, 2, 2))
        assert not nurse.has_completed(lm.FACILITATOR_COURSE, date(2030, 1, 1))
        assert not nurse.has_completed(lm.FACILITATOR_COURSE, date(2026, 1, 1))
        assert not nurse.has_completed("palliation_nurse", date(2027, 2, 2))

    def test_without_a_day_it_asks_whether_ever_completed(self) -> None:
        nurse = _nurse(completions=[TRAINING])
        assert nurse.has_completed(lm.FACILITATOR_COURSE)

    def test_a_renewal_counts_after_the_first_expired(self) -> None:
        renewed = attrs.evolve(
            TRAINING, completed_on=date(2029, 8, 20), expires_on=date(2032, 8, 19)
        )
        nurse = attrs.evolve(_nurse(), completions=[TRAINING, renewed])
        assert nurse.has_completed(lm.FACILITATOR_COURSE, date(2031, 1, 1))

    def test_the_same_completion_twice_is_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            attrs.evolve(
                _nurse(),
                completions=[TRAINING, attrs.evolve(TRAINING, expires_on=None)],
            )
        assert (caught.value.where, caught.value.path) == (
            "Professional",
            ("completions", 1),
        )

    def test_a_course_is_in_one_place_only(self) -> None:
        nurse = _nurse(completed_courses={lm.FACILITATOR_COURSE})
        with pytest.raises(lm.InvalidValueError) as caught:
            attrs.evolve(nurse, completions=[TRAINING])
        error = caught.value
        assert (error.where, error.path) == (
            "Professional",
            ("completions", 0, "course"),
        )
        assert "both undated in completed_courses and dated" in error.message("en")
        assert "både udateret" in error.message("da")

    @given(lst.professionals(), st.dates(date(2019, 1, 1), date(2037, 12, 31)))
    def test_has_completed_is_any_valid_completion(
        self, person: lm.Professional, day: date
    ) -> None:
        for course in {c.course for c in person.completions}:
            dated = [c for c in person.completions if c.course == course]
            assert person.has_completed(course, day) == any(
                c.valid_on(day) for c in dated
            )
            assert person.has_completed(course)
            assert course not in person.completed_courses


class TestInJson:
    """Completions are written only when there is one (version 4)."""

    def test_none_is_not_written(self) -> None:
        nurse = _nurse()
        assert "completions" not in lm.to_dict(nurse)["data"]

    def test_the_expiry_and_meeting_only_when_set(self) -> None:
        nurse = attrs.evolve(
            _nurse(),
            completions=[
                TRAINING,
                lm.CourseCompletion(
                    course="palliation_nurse",
                    completed_on=date(2026, 10, 6),
                    meeting="kursus-sygepleje-1",
                ),
            ],
        )
        assert lm.to_dict(nurse)["data"]["completions"] == [
            {
                "course": "facilitator_training",
                "completed_on": "2026-09-03",
                "expires_on": "2029-09-02",
            },
            {
                "course": "palliation_nurse",
                "completed_on": "2026-10-06",
                "meeting": "kursus-sygepleje-1",
            },
        ]

    def test_a_bad_expiry_in_a_file_is_refused_at_its_path(self) -> None:
        nurse = _nurse(completions=[TRAINING])
        document = lm.to_dict(nurse)
        document["data"]["completions"][0]["expires_on"] = "2025-01-01"
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.Professional, document)
        (problem,) = caught.value.problems
        assert problem.json_path == "$.completions[0].expires_on"

    @given(lst.professionals())
    def test_drawn_professionals_round_trip(self, person: lm.Professional) -> None:
        assert lm.from_json(lm.Professional, lm.to_json(person)) == person

    @given(lst.course_completions(course="palliation_sosu"))
    def test_the_course_asked_for(self, done: lm.CourseCompletion) -> None:
        assert done.course == "palliation_sosu"
        if done.expires_on is not None:
            assert done.expires_on - done.completed_on >= timedelta(days=365)
