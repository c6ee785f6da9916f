"""A programme (pulje): funded partners, a period, and what it groups.

Both sources are projects of a funded programme: Esbjerg's palliative care
project *En Værdig Død*, and the five projects of the Capital Region's
*pulje til tværsektoriel kompetenceudvikling* that KOPA evaluated. A
:class:`Programme` names the funder and the partner organisations, runs over a
period, and groups the meetings, course-day series and surveys that belong to
it by id; :meth:`Programme.problems` says where a programme and its meetings
disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from learnmeet.exceptions import DataProblem, InvalidValueError, shown
from learnmeet.model._arguments import checked
from learnmeet.model._checks import (
    each,
    identifier,
    instance_of,
    safe_text,
    to_tuple,
    unique,
)
from learnmeet.model._labels import Label
from learnmeet.model._meetings import Meeting
from learnmeet.model._people import Organisation
from learnmeet.model._time import a_date

__all__ = ["Programme", "refuse_end_before_start"]


def refuse_end_before_start(start: date, end: date, *, where: str) -> None:
    """Refuse a period whose last day *end* is before its first day *start*.

    Raises:
        InvalidValueError: *end* is before *start*, at the path ``end``.
    """
    if end < start:
        raise InvalidValueError(
            reason=Label(
                da=f"perioden slutter ({end.isoformat()}) før den begynder "
                f"({start.isoformat()})",
                en=f"the period ends ({end.isoformat()}) before it starts "
                f"({start.isoformat()})",
            ),
            fix=Label(
                da="giv en slutdag på eller efter startdagen",
                en="give a last day on or after the first day",
            ),
            where=where,
            path=("end",),
        )


def _organisations(items: Iterable[Organisation]) -> tuple[Organisation, ...]:
    return to_tuple(items)


def _ids(items: Iterable[str]) -> tuple[str, ...]:
    return to_tuple(items)


def _unique_ids(what: Label) -> list[Any]:
    return [each(identifier), unique(lambda i: i, what=what)]


@attrs.frozen(kw_only=True)
class Programme:
    """A programme (pulje): a funded project with partners, a period and its parts.

    Attributes:
        id: A stable identifier, e.g. ``"en-vaerdig-doed"``.
        name: The programme's or project's name.
        funder: Who funds it, e.g. the name of the pool
            (*puljen til tværsektoriel kompetenceudvikling*).
        partners: The organisations taking part as partners; each once.
        start: The first day of the programme's period.
        end: The last day of the period (included), on or after *start*.
        meetings: The ids of the meetings that belong to the programme.
        series: The ids of its series of course days
            (:class:`~learnmeet.CourseSeries`).
        surveys: The ids of the surveys whose evaluations belong to it (an
            :class:`~learnmeet.Evaluation` is of one survey).

    Written to JSON in a scenario's ``programmes``, only when it has one
    (version 3).

    >>> from datetime import date
    >>> Programme(id="p-1", name="En værdig død", funder="Puljen",
    ...           start=date(2027, 1, 1), end=date(2028, 12, 31)).end.year
    2028

    .. versionadded:: 0.3.0
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=safe_text)
    funder: str = attrs.field(default="", validator=safe_text)
    partners: tuple[Organisation, ...] = attrs.field(
        default=(),
        converter=_organisations,
        validator=[
            each(instance_of(Organisation)),
            unique(
                lambda o: o.id, what=Label(da="organisationen", en="the organisation")
            ),
        ],
    )
    start: date = attrs.field(validator=a_date)
    end: date = attrs.field(validator=a_date)
    meetings: tuple[str, ...] = attrs.field(
        default=(),
        converter=_ids,
        validator=_unique_ids(Label(da="mødet", en="the meeting")),
    )
    series: tuple[str, ...] = attrs.field(
        default=(),
        converter=_ids,
        validator=_unique_ids(Label(da="forløbet", en="the series")),
    )
    surveys: tuple[str, ...] = attrs.field(
        default=(),
        converter=_ids,
        validator=_unique_ids(Label(da="spørgeskemaet", en="the survey")),
    )

    def __attrs_post_init__(self) -> None:
        refuse_end_before_start(self.start, self.end, where="Programme")

    @checked
    def covers(self, day: date) -> bool:
        """Whether *day* is in the programme's period (both ends included)."""
        return self.start <= day <= self.end

    @checked
    def problems(self, meetings: Iterable[Meeting]) -> tuple[DataProblem, ...]:
        """Where the programme and *meetings* disagree, every problem at once.

        *meetings* are the meetings to look its ids up in (a scenario's, say);
        others among them are ignored. For each meeting the programme groups:

        * it is among *meetings* (path ``meetings[i]``);
        * it starts in the programme's period, on its local date (path
          ``meetings[i]``);
        * every organisation of a professional taking part is a partner (path
          ``partners``, once for each organisation missing, naming the first
          meeting it takes part in).

        An empty tuple: nothing to report. Nothing raises for a problem; the
        problems are :class:`~learnmeet.DataProblem` values with a path, a
        reason and a fix, in Danish and English.
        """
        by_id = {m.id: m for m in meetings}
        partners = {o.id for o in self.partners}
        found: list[DataProblem] = []
        missing: dict[str, tuple[Organisation, str]] = {}
        for index, meeting_id in enumerate(self.meetings):
            meeting = by_id.get(meeting_id)
            where = ("meetings", index)
            if meeting is None:
                got = shown(meeting_id)
                found.append(
                    DataProblem(
                        path=where,
                        reason=Label(
                            da=f"mødet {got.da} findes ikke blandt møderne",
                            en=f"the meeting {got.en} is not among the meetings",
                        ),
                        fix=Label(
                            da="ret id'et eller tilføj mødet",
                            en="correct the id or add the meeting",
                        ),
                    )
                )
                continue
            day = meeting.start.date()
            if not self.covers(day):
                found.append(
                    DataProblem(
                        path=where,
                        reason=Label(
                            da=f"mødet {shown(meeting_id).da} holdes "
                            f"{day.isoformat()}, uden for programmets periode "
                            f"({self.start.isoformat()} til {self.end.isoformat()})",
                            en=f"the meeting {shown(meeting_id).en} is held on "
                            f"{day.isoformat()}, outside the programme's period "
                            f"({self.start.isoformat()} to {self.end.isoformat()})",
                        ),
                        fix=Label(
                            da="flyt mødet ind i perioden, eller tag det ud af "
                            "programmet",
                            en="move the meeting into the period, or take it out "
                            "of the programme",
                        ),
                    )
                )
            for person in meeting.professionals_taking_part:
                org = person.unit.organisation
                if org.id not in partners and org.id not in missing:
                    missing[org.id] = (org, meeting_id)
        for org, meeting_id in missing.values():
            found.append(
                DataProblem(
                    path=("partners",),
                    reason=Label(
                        da=f"{org.name} deltager i mødet {shown(meeting_id).da}, "
                        "men er ikke partner i programmet",
                        en=f"{org.name} takes part in the meeting "
                        f"{shown(meeting_id).en} but is not a partner of the "
                        "programme",
                    ),
                    fix=Label(
                        da=f"tilføj {org.name} som partner, eller lad andre deltage",
                        en=f"add {org.name} as a partner, or invite others",
                    ),
                )
            )
        return tuple(found)
