"""Strategies for the planning layer: hours, series, intervals, requests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.model._calendar import WorkingHours
from learnmeet.model._checks import COPENHAGEN
from learnmeet.planning._cohorts import CourseSession
from learnmeet.planning._recurrence import Series
from learnmeet.planning._schedule import MeetingRequest
from learnmeet.planning._slots import BusyIndex, Interval
from learnmeet.strategies._common import _RULES, _days, _later
from learnmeet.strategies._meetings import cohorts, meetings


def working_hours() -> SearchStrategy[WorkingHours]:
    """Working hours: a start before an end, on one or more weekdays.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda start, length, days: WorkingHours(
            start=time(start), end=time(min(start + length, 23)), weekdays=days
        ),
        st.integers(0, 12),
        st.integers(1, 12),
        st.frozensets(st.integers(0, 6), min_size=1),
    )


def series() -> SearchStrategy[Series]:
    """Recurring series in Copenhagen time, weekly-ish, ending after a count.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda start, rule, count: Series(start=start, rule=f"{rule};COUNT={count}"),
        st.datetimes(
            min_value=datetime(2024, 1, 1),
            max_value=datetime(2030, 12, 31),
            timezones=st.just(COPENHAGEN),
            allow_imaginary=False,
        ).map(lambda d: d.replace(second=0, microsecond=0, fold=0)),
        st.sampled_from(_RULES),
        st.integers(1, 60),
    )


def intervals() -> SearchStrategy[Interval]:
    """Intervals of 15 minutes to a day, in Copenhagen time.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda start, minutes: Interval(start, _later(start, minutes)),
        st.datetimes(
            min_value=datetime(2024, 1, 1),
            max_value=datetime(2030, 12, 31),
            timezones=st.just(COPENHAGEN),
            allow_imaginary=False,
        ),
        st.integers(15, 24 * 60),
    )


def busy_indexes(
    *, people: Sequence[str] | None = None, max_intervals: int = 12
) -> SearchStrategy[BusyIndex]:
    """Indexes of busy time: up to *max_intervals* intervals per person.

    Args:
        people: The person keys; by default one to four synthetic ones.
        max_intervals: The most intervals a person has (overlaps included).

    .. versionadded:: 0.2.0
    """
    keys = (
        st.just(list(people))
        if people is not None
        else st.lists(
            st.from_regex(r"professional:p-[0-9]{3}", fullmatch=True),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    return keys.flatmap(
        lambda names: st.fixed_dictionaries(
            {k: st.lists(intervals(), max_size=max_intervals) for k in names}
        )
    ).map(BusyIndex)


@st.composite
def _meeting_requests(draw: st.DrawFn, *, catalog: Catalog) -> MeetingRequest:
    meeting = draw(meetings(catalog=catalog))
    first = draw(_days(low=date(2025, 1, 1), high=date(2030, 12, 1)))
    return MeetingRequest.from_meeting(
        meeting,
        earliest=first,
        latest=first + timedelta(days=draw(st.integers(0, 60))),
    )


def meeting_requests(
    *, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[MeetingRequest]:
    """Requests for meetings that fit their format, with a window of days.

    .. versionadded:: 0.1.0
    """
    return _meeting_requests(catalog=catalog)


def course_sessions(
    *, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[CourseSession]:
    """Course-day sessions for one area's cohort.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda cohort, day: CourseSession(
            id=f"kursusdag-{cohort.area.code}",
            format=catalog.format("course_day"),
            cohort=cohort,
            start=datetime.combine(day, time(9), tzinfo=COPENHAGEN),
        ),
        cohorts(),
        _days(low=date(2025, 1, 1)),
    )
