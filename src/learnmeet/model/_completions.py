"""Dated course completions: who completed which course, when, and until when.

A learning record needs more than "has taken the course": a leader planning
the next cohort asks *when*, and a training that must be renewed (the
facilitator training, say) stops counting on a day. A
:class:`CourseCompletion` is one completion of one course, dated, with an
optional expiry. A :class:`~learnmeet.Professional` holds them beside the
undated ``completed_courses`` of older data, and
:meth:`Professional.has_completed <learnmeet.Professional.has_completed>`
is the one question every rule and planner asks.

**The expiry date is inclusive**: a completion counts *up to and including*
``expires_on`` and no longer from the day after, as the expiry date on a
certificate or a passport is the last day it is valid, and as HL7 FHIR's
``Period.end`` (``Practitioner.qualification.period``) includes its end date,
so ``expires_on`` maps to it unchanged.
"""

from __future__ import annotations

from datetime import date

import attrs

from learnmeet.exceptions import InvalidValueError
from learnmeet.model._arguments import checked
from learnmeet.model._checks import identifier, optional, optional_identifier
from learnmeet.model._labels import Label
from learnmeet.model._time import a_date

__all__ = ["CourseCompletion"]


@attrs.frozen(kw_only=True)
class CourseCompletion:
    """One dated completion of a course (kursusgennemførelse), maybe expiring.

    >>> from datetime import date
    >>> done = CourseCompletion(
    ...     course="facilitator_training",
    ...     completed_on=date(2026, 9, 3),
    ...     expires_on=date(2029, 9, 2),
    ... )
    >>> done.valid_on(date(2029, 9, 2)), done.valid_on(date(2029, 9, 3))
    (True, False)
    >>> done.valid_on(date(2026, 9, 2))
    False

    Attributes:
        course: The code of the course, e.g. ``"facilitator_training"`` or
            one of the monoprofessional palliation courses.
        completed_on: The day the course was completed.
        expires_on: The last day the completion counts (inclusive), if it
            must be renewed; after *completed_on*. ``None``: it does not
            expire.
        meeting: The id of the course-day meeting it was completed at, when
            known.

    .. versionadded:: 0.3.0
    """

    course: str = attrs.field(validator=identifier)
    completed_on: date = attrs.field(validator=a_date)
    expires_on: date | None = attrs.field(default=None, validator=optional(a_date))
    meeting: str | None = attrs.field(default=None, validator=optional_identifier)

    def __attrs_post_init__(self) -> None:
        if self.expires_on is not None and self.expires_on <= self.completed_on:
            raise InvalidValueError(
                reason=Label(
                    da=f"udløbsdatoen {self.expires_on.isoformat()} er ikke efter "
                    f"datoen for gennemførelsen {self.completed_on.isoformat()}",
                    en=f"the expiry date {self.expires_on.isoformat()} is not after "
                    f"the completion date {self.completed_on.isoformat()}",
                ),
                fix=Label(
                    da="giv en udløbsdato efter gennemførelsen (den sidste dag, "
                    "kurset gælder), eller udelad den",
                    en="give an expiry date after the completion (the last day the "
                    "course counts), or leave it out",
                ),
                where="CourseCompletion",
                path=("expires_on",),
            )

    @checked
    def valid_on(self, day: date) -> bool:
        """Whether the completion counts on *day*.

        It counts from *completed_on* up to and including *expires_on*.
        """
        return self._counts_on(day)

    def _counts_on(self, day: date) -> bool:
        """:meth:`valid_on`, for callers whose *day* is known to be a date."""
        if day < self.completed_on:
            return False
        return self.expires_on is None or day <= self.expires_on

    @checked
    def expired_on(self, day: date) -> bool:
        """Whether the completion was made before *day* but no longer counts.

        True when *expires_on* is before *day*: the completion counted once
        and must be renewed.
        """
        return self.expires_on is not None and self.expires_on < day
