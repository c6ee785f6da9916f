"""The learning record: who has learned what, derived from meetings and cycles.

Learning is worth something to a municipality when it can show *who has
learned what*: dated participation in learning activities with the role each
person had, the courses they completed, what they reflected on and the actions
they own. :func:`learning_record` derives that from a
:class:`~learnmeet.Scenario` — nothing is entered twice — as one
:class:`LearningRecord` of a :class:`PersonRecord` per professional.

What counts, decided once here:

* **An activity** (:class:`LearningActivity`) is a *held* meeting at which the
  professional's :attr:`~learnmeet.Attendee.attended` is ``YES``. ``UNKNOWN``
  on a held meeting is not counted: the record shows what is known, and a
  leader who wants it counted records the attendance. A meeting of a format
  that is not a learning format (an operational meeting) counts only when a
  reflection is attached to it (:attr:`~learnmeet.Meeting.reflection`): "no
  learning until reflection is attached".
* **Volunteers** have a record like staff: they are
  :class:`~learnmeet.Professional` values (without a profession), and a
  night-watch volunteer's learning is worth showing. Citizens and relatives
  never have one, and never appear in anyone's record.
* **A reflection** (:class:`ReflectionEntry`) is a cycle of
  :attr:`Scenario.cycles <learnmeet.Scenario>` whose meeting is one of the
  scenario's held meetings, for each professional who contributed to the
  cycle or attended its meeting: the learning points are the group's.
* **An action** is listed for its owner once, as the last cycle that carries
  it has it (cycles by their meeting's start).
* **As of** :attr:`LearningRecord.on`: activities and reflections of meetings
  on or before that day are in the record; expiry and overdue actions are
  judged on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

import attrs

from learnmeet.model._arguments import checked
from learnmeet.model._cases import CaseOrigin
from learnmeet.model._checks import (
    each,
    identifier,
    instance_of,
    optional,
    optional_identifier,
    to_frozenset,
    to_tuple,
)
from learnmeet.model._cycle import Action, LearningPoint, ReflectionCycle
from learnmeet.model._meetings import Attendance, AttendeeRole, Meeting, MeetingStatus
from learnmeet.model._people import Professional
from learnmeet.model._scenario import Scenario
from learnmeet.model._time import COPENHAGEN, a_date, aware_datetime

__all__ = [
    "LearningActivity",
    "LearningRecord",
    "PersonRecord",
    "ReflectionEntry",
    "learning_record",
]

_HELD = MeetingStatus.HELD
_YES = Attendance.YES


def _sectors(items: Iterable[str]) -> frozenset[str]:
    return to_frozenset(items)


@attrs.frozen(kw_only=True)
class LearningActivity:
    """One professional's dated part in one held meeting they attended.

    Attributes:
        professional: The professional's id (:attr:`Professional.id
            <learnmeet.Professional.id>`).
        meeting: The meeting's id.
        format: The meeting's format code (:attr:`MeetingFormat.code
            <learnmeet.MeetingFormat.code>`), e.g. ``"learning_meeting"``.
        start: When the meeting started (aware).
        end: When it ended (aware, in the start's zone).
        role: The part the professional played at the meeting: facilitator,
            case presenter, participant, host or observer.
        case_origin: Whether the meeting's case was concrete or fictional;
            ``None`` for a meeting without a case.
        sectors: The sector codes of the professionals who attended
            (``attended`` is ``YES``), the professional's own among them.
        forum: The id of the forum the meeting belongs to, if any.
        cohort: The id of the cohort a course session was run for, if any.

    .. versionadded:: 0.4.0
    """

    professional: str = attrs.field(validator=identifier)
    meeting: str = attrs.field(validator=identifier)
    format: str = attrs.field(validator=identifier)
    start: datetime = attrs.field(validator=aware_datetime)
    end: datetime = attrs.field(validator=aware_datetime)
    role: AttendeeRole = attrs.field(validator=instance_of(AttendeeRole))
    case_origin: CaseOrigin | None = attrs.field(
        default=None, validator=optional(instance_of(CaseOrigin))
    )
    sectors: frozenset[str] = attrs.field(
        default=frozenset(), converter=_sectors, validator=each(identifier)
    )
    forum: str | None = attrs.field(default=None, validator=optional_identifier)
    cohort: str | None = attrs.field(default=None, validator=optional_identifier)

    @property
    def day(self) -> date:
        """The day of the meeting, in its start's zone."""
        return self.start.date()


def _points(items: Iterable[LearningPoint]) -> tuple[LearningPoint, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class ReflectionEntry:
    """A reflection a professional took part in: a cycle of one held meeting.

    Attributes:
        professional: The professional's id.
        meeting: The id of the meeting the cycle reflected on.
        model: The code of the cycle's reflection model, e.g. ``"kolb"``.
        learning_points: The learning points the group recorded, in order.
        on: The meeting's day, in its start's zone.
        contributed: Whether the professional contributed to the cycle (else
            they attended its meeting without a recorded contribution).

    .. versionadded:: 0.4.0
    """

    professional: str = attrs.field(validator=identifier)
    meeting: str = attrs.field(validator=identifier)
    model: str = attrs.field(validator=identifier)
    learning_points: tuple[LearningPoint, ...] = attrs.field(
        default=(), converter=_points, validator=each(instance_of(LearningPoint))
    )
    on: date = attrs.field(validator=a_date)
    contributed: bool = attrs.field(default=False, validator=instance_of(bool))


def _activities(items: Iterable[LearningActivity]) -> tuple[LearningActivity, ...]:
    return to_tuple(items)


def _reflections(items: Iterable[ReflectionEntry]) -> tuple[ReflectionEntry, ...]:
    return to_tuple(items)


def _actions(items: Iterable[Action]) -> tuple[Action, ...]:
    return to_tuple(items)


def _courses(items: Iterable[str]) -> frozenset[str]:
    return to_frozenset(items)


@attrs.frozen(kw_only=True)
class PersonRecord:
    """One professional's learning record.

    Attributes:
        professional: The professional (staff member or volunteer).
        activities: Their learning activities, by start (then meeting id).
        undated_courses: Codes of courses completed at some time, the date
            not recorded (:attr:`Professional.completed_courses
            <learnmeet.Professional.completed_courses>`): always counted as
            completed, never as expired.
        reflections: The reflections they took part in, by day.
        actions: The actions they own, by due date (then id).

    .. versionadded:: 0.4.0
    """

    professional: Professional = attrs.field(validator=instance_of(Professional))
    activities: tuple[LearningActivity, ...] = attrs.field(
        default=(),
        converter=_activities,
        validator=each(instance_of(LearningActivity)),
    )
    undated_courses: frozenset[str] = attrs.field(
        default=frozenset(), converter=_courses, validator=each(identifier)
    )
    reflections: tuple[ReflectionEntry, ...] = attrs.field(
        default=(),
        converter=_reflections,
        validator=each(instance_of(ReflectionEntry)),
    )
    actions: tuple[Action, ...] = attrs.field(
        default=(), converter=_actions, validator=each(instance_of(Action))
    )

    @property
    def id(self) -> str:
        """The professional's id."""
        return self.professional.id


def _people(items: Iterable[PersonRecord]) -> tuple[PersonRecord, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class LearningRecord:
    """The learning record of a scenario's professionals, as of one day.

    Made by :func:`learning_record`.

    Attributes:
        people: A record per professional: the staff list's order, then
            anyone else who attended a held meeting, by id.
        on: The day the record is as of: later meetings are left out, and
            expiry and overdue actions are judged on it.

    .. versionadded:: 0.4.0
    """

    people: tuple[PersonRecord, ...] = attrs.field(
        converter=_people, validator=each(instance_of(PersonRecord))
    )
    on: date = attrs.field(validator=a_date)

    @checked
    def person(self, id: str) -> PersonRecord | None:
        """The record of the professional *id*, or ``None`` if they have none."""
        return next((p for p in self.people if p.professional.id == id), None)


def _counts(meeting: Meeting) -> bool:
    """Whether a held meeting is a learning activity (see the module's text)."""
    return meeting.format.is_learning or meeting.reflection is not None


def _activities_of(
    meetings: Iterable[Meeting], on: date
) -> tuple[dict[str, list[LearningActivity]], dict[str, Professional]]:
    """Every activity up to *on*, by professional id, and who attended."""
    found: dict[str, list[LearningActivity]] = {}
    people: dict[str, Professional] = {}
    for meeting in meetings:
        if meeting.status is not _HELD or meeting.start.date() > on:
            continue
        if not _counts(meeting):
            continue
        present = [
            (a, a.person)
            for a in meeting.attendees
            if a.attended is _YES and isinstance(a.person, Professional)
        ]
        if not present:
            continue
        sectors = frozenset(p.sector.code for _, p in present)
        origin = meeting.case.origin if meeting.case is not None else None
        cohort = meeting.cohort.id if meeting.cohort is not None else None
        end = meeting.end
        for attendee, person in present:
            people.setdefault(person.id, person)
            found.setdefault(person.id, []).append(
                LearningActivity(
                    professional=person.id,
                    meeting=meeting.id,
                    format=meeting.format.code,
                    start=meeting.start,
                    end=end,
                    role=attendee.role,
                    case_origin=origin,
                    sectors=sectors,
                    forum=meeting.forum,
                    cohort=cohort,
                )
            )
    return found, people


def _reflections_of(
    cycles: Iterable[ReflectionCycle],
    held: dict[str, Meeting],
    attended: dict[str, frozenset[str]],
) -> dict[str, list[ReflectionEntry]]:
    """The reflection entries by professional id (cycles of held meetings)."""
    found: dict[str, list[ReflectionEntry]] = {}
    for cycle in cycles:
        meeting = held.get(cycle.meeting)
        if meeting is None:
            continue
        contributors = {
            c.person.removeprefix("professional:")
            for c in cycle.contributions
            if c.person.startswith("professional:")
        }
        for person in sorted(contributors | attended.get(meeting.id, frozenset())):
            found.setdefault(person, []).append(
                ReflectionEntry(
                    professional=person,
                    meeting=meeting.id,
                    model=cycle.model.code,
                    learning_points=cycle.learning_points,
                    on=meeting.start.date(),
                    contributed=person in contributors,
                )
            )
    return found


def _actions_of(
    cycles: Iterable[ReflectionCycle], starts: dict[str, datetime]
) -> dict[str, list[Action]]:
    """Each action once, as its last cycle has it, by its owner's id."""
    ordered = sorted(
        enumerate(cycles),
        key=lambda c: (c[1].meeting not in starts, starts.get(c[1].meeting), c[0]),
    )
    latest: dict[str, Action] = {}
    for _, cycle in ordered:
        for action in cycle.actions:
            latest[action.id] = action
    found: dict[str, list[Action]] = {}
    for action in latest.values():
        if action.owner.startswith("professional:"):
            owner = action.owner.removeprefix("professional:")
            found.setdefault(owner, []).append(action)
    return found


def _today() -> date:
    return datetime.now(COPENHAGEN).date()


@checked
def learning_record(scenario: Scenario, *, on: date | None = None) -> LearningRecord:
    """Derive the learning record of *scenario*'s professionals as of *on*.

    Every professional of the staff list has a record, an empty one
    included; a professional who attended a held meeting without being on
    the staff list gets one too, after them. What counts as an activity, a
    reflection and an action is decided in :mod:`this module's text
    <learnmeet>` (and in the how-to on the learning record): held meetings
    with ``attended=YES`` only.

    Args:
        scenario: The municipality's people, meetings and reflection cycles.
        on: The day the record is as of; today in Copenhagen when not given.

    .. versionadded:: 0.4.0
    """
    day = _today() if on is None else on
    activities, attendees = _activities_of(scenario.meetings, day)
    held = {
        m.id: m
        for m in scenario.meetings
        if m.status is _HELD and m.start.date() <= day
    }
    attended = {
        m.id: frozenset(
            a.person.id
            for a in m.attendees
            if a.attended is _YES and isinstance(a.person, Professional)
        )
        for m in held.values()
    }
    # Scenario.cycles comes with the dated completions (branch i18-model).
    cycles: tuple[ReflectionCycle, ...] = getattr(scenario, "cycles", ())
    reflections = _reflections_of(cycles, held, attended)
    starts = {m.id: m.start for m in scenario.meetings}
    actions = _actions_of(cycles, starts)
    staff = {p.id for p in scenario.professionals}
    others = sorted(
        (p for pid, p in attendees.items() if pid not in staff), key=lambda p: p.id
    )
    people = []
    for professional in (*scenario.professionals, *others):
        pid = professional.id
        people.append(
            PersonRecord(
                professional=professional,
                activities=sorted(
                    activities.get(pid, ()), key=lambda a: (a.start, a.meeting)
                ),
                undated_courses=professional.completed_courses,
                reflections=sorted(
                    reflections.get(pid, ()), key=lambda r: (r.on, r.meeting)
                ),
                actions=sorted(actions.get(pid, ()), key=lambda a: (a.due, a.id)),
            )
        )
    return LearningRecord(people=people, on=day)
