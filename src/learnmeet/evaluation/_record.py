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
from typing import Literal

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
from learnmeet.model._completions import CourseCompletion
from learnmeet.model._cycle import Action, LearningPoint, ReflectionCycle
from learnmeet.model._formats import FormatRequirements
from learnmeet.model._labels import Label, LabelledEnum
from learnmeet.model._meetings import Attendance, AttendeeRole, Meeting, MeetingStatus
from learnmeet.model._people import Area, Professional, Unit
from learnmeet.model._scenario import Scenario
from learnmeet.model._time import COPENHAGEN, a_date, aware_datetime

__all__ = [
    "CompletedCourse",
    "CourseState",
    "Encounter",
    "Facilitation",
    "Gaps",
    "LearningActivity",
    "LearningRecord",
    "MissingCourse",
    "PersonRecord",
    "ReflectionEntry",
    "RelationMap",
    "learning_record",
]

_HELD = MeetingStatus.HELD
_FACILITATOR = AttendeeRole.FACILITATOR
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


def _completions(items: Iterable[CourseCompletion]) -> tuple[CourseCompletion, ...]:
    return to_tuple(items)


def _courses(items: Iterable[str]) -> frozenset[str]:
    return to_frozenset(items)


@attrs.frozen(kw_only=True)
class PersonRecord:
    """One professional's learning record.

    Attributes:
        professional: The professional (staff member or volunteer).
        activities: Their learning activities, by start (then meeting id).
        completions: Their dated course completions
            (:attr:`Professional.completions
            <learnmeet.Professional.completions>`) completed on or before
            the record's day, by day then course: a renewal is a completion
            of its own, and an expired one stays (as history).
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
    completions: tuple[CourseCompletion, ...] = attrs.field(
        default=(),
        converter=_completions,
        validator=each(instance_of(CourseCompletion)),
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

    @checked
    def completed(self, course: str | None = None) -> tuple[CompletedCourse, ...]:
        """Who has completed what and when: every completion, or of *course*.

        In the record's order of people, then by course and day. A dated
        completion is valid or expired on the record's day; a course
        recorded without a date is undated and counts as completed.
        """
        found = []
        for person in self.people:
            rows = [
                CompletedCourse(
                    professional=person.id, course=code, state=CourseState.UNDATED
                )
                for code in person.undated_courses
            ]
            rows += [
                CompletedCourse(
                    professional=person.id,
                    course=c.course,
                    completed_on=c.completed_on,
                    expires_on=c.expires_on,
                    state=CourseState.VALID
                    if c.valid_on(self.on)
                    else CourseState.EXPIRED,
                )
                for c in person.completions
            ]
            rows.sort(key=lambda c: (c.course, c.completed_on or date.min))
            found += [c for c in rows if course is None or c.course == course]
        return tuple(found)

    @checked
    def lacking_prerequisite(
        self, meeting: Meeting, *, area: bool = False
    ) -> tuple[MissingCourse, ...]:
        """Who lacks their course on the day of a course day (or a cohort's).

        The professionals taking part in *meeting* — with *area*, also
        the area's own staff of the meeting's cohort: every staff member in
        the record (not volunteers) whose unit serves the area and belongs
        to the organisation the area belongs to (when it says; a general
        practice serving the area is not the municipality's) — who have not
        completed the course the meeting's format asks of their profession
        (:meth:`FormatRequirements.missing_prerequisite
        <learnmeet.FormatRequirements.missing_prerequisite>`) on the
        meeting's day: never, or expired (:attr:`MissingCourse.expired_on`).
        Nothing for a format that asks no course. Each person is asked as
        the record (the staff list) has them, with their completions.
        """
        requirements = meeting.format.requirements
        day = meeting.start.date()
        known = {p.id: p.professional for p in self.people}
        # The staff list's person, with their completions, where it has them.
        people = [known.get(p.id, p) for p in meeting.professionals_taking_part]
        if area and meeting.cohort is not None:
            people += [
                p.professional
                for p in self.people
                if _of_area(p.professional, meeting.cohort.area)
            ]
        found: list[MissingCourse] = []
        seen: set[str] = set()
        for person in people:
            if person.id in seen:
                continue
            seen.add(person.id)
            missing = _lacks(requirements, person, day)
            if missing is not None:
                found.append(missing)
        return tuple(found)

    @checked
    def gaps(
        self,
        requirements: FormatRequirements,
        *,
        start: date | None = None,
        end: date | None = None,
        by: Literal["unit", "area"] = "unit",
    ) -> tuple[Gaps, ...]:
        """What is missing per unit (or per area), as of the record's day.

        *requirements* say which course each profession needs (those of the
        interdisciplinary course day, say): a staff member whose profession
        has a course of its own there and who lacks it on the record's day
        is *lacking*; volunteers and professions without a course of their
        own are not asked. *inactive* are those with no learning activity
        from *start* to *end* (days, inclusive; open where not given).
        Units (or areas) in the order their first person comes in the
        record; people without an area are in no area's gaps.
        """
        groups: dict[str, list[PersonRecord]] = {}
        for person in self.people:
            unit = person.professional.unit
            if by == "unit":
                groups.setdefault(unit.id, []).append(person)
            elif unit.area is not None:
                groups.setdefault(unit.area.code, []).append(person)
        found = []
        for key, people in groups.items():
            unit = people[0].professional.unit
            own = [
                m
                for p in people
                if _own_course(requirements, p.professional)
                and (m := _lacks(requirements, p.professional, self.on)) is not None
            ]
            actions = sorted(
                (a for p in people for a in p.actions if a.is_open),
                key=lambda a: (a.due, a.id),
            )
            found.append(
                Gaps(
                    unit=key if by == "unit" else None,
                    area=key if by == "area" else _area_code(unit),
                    staff=[p.id for p in people],
                    lacking=own,
                    inactive=[
                        p.id
                        for p in people
                        if not any(_within(a.day, start, end) for a in p.activities)
                    ],
                    open_actions=actions,
                    overdue_actions=[a for a in actions if a.due < self.on],
                )
            )
        return tuple(found)

    @checked
    def facilitators(
        self, *, start: date | None = None, end: date | None = None
    ) -> tuple[Facilitation, ...]:
        """Who facilitated meetings from *start* to *end* (days, inclusive).

        Everyone with at least one activity in the role of facilitator in
        the period, in the record's order; the period is open where not
        given.
        """
        found = []
        for person in self.people:
            led = [
                a
                for a in person.activities
                if a.role is _FACILITATOR and _within(a.day, start, end)
            ]
            if led:
                found.append(Facilitation(professional=person.id, activities=led))
        return tuple(found)

    @checked
    def relation_map(
        self, *, start: date | None = None, end: date | None = None
    ) -> RelationMap:
        """Who has met whom across sectors, at meetings from *start* to *end*.

        Two professionals met when both attended the same meeting (both
        have it as an activity); they are in the map when their sectors
        differ. Two units met when staff of theirs did.
        """
        present: dict[str, list[tuple[str, PersonRecord]]] = {}
        starts: dict[str, datetime] = {}
        for person in self.people:
            for a in person.activities:
                if _within(a.day, start, end):
                    present.setdefault(a.meeting, []).append((person.id, person))
                    starts[a.meeting] = a.start
        pairs: dict[tuple[str, str], list[str]] = {}
        units: dict[tuple[str, str], list[str]] = {}
        who: dict[str, Professional] = {}
        for meeting in sorted(present, key=lambda m: (starts[m], m)):
            here = sorted(present[meeting], key=lambda p: p[0])
            for i, (one, first) in enumerate(here):
                for two, second in here[i + 1 :]:
                    pa, pb = first.professional, second.professional
                    if pa.sector.code == pb.sector.code:
                        continue
                    who[one], who[two] = pa, pb
                    pairs.setdefault((one, two), []).append(meeting)
                    ua, ub = sorted((pa.unit.id, pb.unit.id))
                    shared = units.setdefault((ua, ub), [])
                    if not shared or shared[-1] != meeting:
                        shared.append(meeting)
        unit_of = {p.unit.id: p.unit for p in who.values()}
        return RelationMap(
            people=[
                _encounter(
                    (
                        one,
                        two,
                        who[one].unit.id,
                        who[two].unit.id,
                        who[one].sector.code,
                        who[two].sector.code,
                        tuple(met),
                    )
                )
                for (one, two), met in sorted(pairs.items())
            ],
            units=[
                _encounter(
                    (
                        one,
                        two,
                        one,
                        two,
                        unit_of[one].sector.code,
                        unit_of[two].sector.code,
                        tuple(met),
                    )
                )
                for (one, two), met in sorted(units.items())
            ],
        )


def _counts(meeting: Meeting) -> bool:
    """Whether a held meeting is a learning activity (see the module's text)."""
    return meeting.format.is_learning or meeting.reflection is not None


_ACTIVITY_SLOTS = tuple(
    LearningActivity.__dict__[f.name].__set__ for f in attrs.fields(LearningActivity)
)


def _activity(values: tuple[object, ...]) -> LearningActivity:
    """A :class:`LearningActivity` of values already checked, in field order.

    Every value comes from a meeting, its attendee and its format, which
    were validated when they were made (an id, an aware start, the end
    worked out from it), so checking them again for each of hundreds of
    thousands of activities would cost most of the record's time. The
    slots are set as attrs' own ``__init__`` sets them.
    """
    activity = object.__new__(LearningActivity)
    for setter, value in zip(_ACTIVITY_SLOTS, values, strict=True):
        setter(activity, value)
    return activity


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
                _activity(
                    (
                        person.id,
                        meeting.id,
                        meeting.format.code,
                        meeting.start,
                        end,
                        attendee.role,
                        origin,
                        sectors,
                        meeting.forum,
                        cohort,
                    )
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


def _own_course(requirements: FormatRequirements, person: Professional) -> bool:
    """Whether *person*'s profession has a course of its own in *requirements*."""
    profession = person.profession
    if profession is None:
        return False
    own = dict(requirements.prerequisite_courses)
    return profession.code in own or profession.group_code in own


def _lacks(
    requirements: FormatRequirements, person: Professional, day: date
) -> MissingCourse | None:
    """The course *person* lacks on *day* by *requirements*, if any."""
    course = requirements.missing_prerequisite(person, day)
    if course is None:
        return None
    ended = [
        c.expires_on
        for c in person.completions
        if c.course == course and c.expires_on is not None and c.expired_on(day)
    ]
    return MissingCourse(
        professional=person.id,
        course=course,
        on=day,
        expired_on=max(ended) if ended else None,
    )


def _of_area(person: Professional, area: Area) -> bool:
    """Whether *person* is staff of *area*'s own (see lacking_prerequisite)."""
    unit = person.unit
    return (
        not person.is_volunteer
        and unit.area is not None
        and unit.area.code == area.code
        and (area.organisation is None or unit.organisation.id == area.organisation)
    )


def _area_code(unit: Unit) -> str | None:
    return None if unit.area is None else unit.area.code


def _encounter(values: tuple[object, ...]) -> Encounter:
    """An :class:`Encounter` of checked values in field order (see _activity)."""
    encounter = object.__new__(Encounter)
    for setter, value in zip(_ENCOUNTER_SLOTS, values, strict=True):
        setter(encounter, value)
    return encounter


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
    cycles = scenario.cycles
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
                completions=sorted(
                    (c for c in professional.completions if c.completed_on <= day),
                    key=lambda c: (c.completed_on, c.course),
                ),
                undated_courses=professional.completed_courses,
                reflections=sorted(
                    reflections.get(pid, ()), key=lambda r: (r.on, r.meeting)
                ),
                actions=sorted(actions.get(pid, ()), key=lambda a: (a.due, a.id)),
            )
        )
    return LearningRecord(people=people, on=day)


# -- the leader's questions ------------------------------------------------------


def _within(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


def _facilitated(items: Iterable[LearningActivity]) -> tuple[LearningActivity, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class Facilitation:
    """Who facilitated, how many times, and at meetings of which formats.

    Attributes:
        professional: The facilitator's id.
        activities: The activities in which they were facilitator, by start.

    .. versionadded:: 0.4.0
    """

    professional: str = attrs.field(validator=identifier)
    activities: tuple[LearningActivity, ...] = attrs.field(
        converter=_facilitated, validator=each(instance_of(LearningActivity))
    )

    @property
    def count(self) -> int:
        """How many meetings they facilitated."""
        return len(self.activities)

    @property
    def formats(self) -> tuple[tuple[str, int], ...]:
        """Each format code they facilitated, with how many times, by code."""
        counts: dict[str, int] = {}
        for activity in self.activities:
            counts[activity.format] = counts.get(activity.format, 0) + 1
        return tuple(sorted(counts.items()))


def _ids(items: Iterable[str]) -> tuple[str, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class Encounter:
    """Two professionals, or two units, of different sectors who met.

    The KOPA lesson of *putting a face to each other*: the pair is in the
    order of their ids, with the meetings both attended.

    Attributes:
        first: The first professional's (or unit's) id, the smaller.
        second: The second professional's (or unit's) id.
        first_unit: The first's unit id (the unit itself for a pair of units).
        second_unit: The second's unit id.
        first_sector: The first's sector code.
        second_sector: The second's sector code, never the first's.
        meetings: The ids of the meetings both attended, by start.

    .. versionadded:: 0.4.0
    """

    first: str = attrs.field(validator=identifier)
    second: str = attrs.field(validator=identifier)
    first_unit: str = attrs.field(validator=identifier)
    second_unit: str = attrs.field(validator=identifier)
    first_sector: str = attrs.field(validator=identifier)
    second_sector: str = attrs.field(validator=identifier)
    meetings: tuple[str, ...] = attrs.field(converter=_ids, validator=each(identifier))

    @checked
    def involves(self, id: str) -> bool:
        """Whether *id* is one of the pair."""
        return id in (self.first, self.second)

    @checked
    def other(self, id: str) -> str:
        """The other one of the pair than *id* (the second if *id* is neither)."""
        return self.second if id == self.first else self.first


def _encounters(items: Iterable[Encounter]) -> tuple[Encounter, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class RelationMap:
    """Who has met whom across sectors: pairs of professionals and of units.

    Only pairs of different sectors are in the map, each once, by ids.

    Attributes:
        people: Pairs of professionals of different sectors who attended the
            same meetings.
        units: Pairs of units of different sectors whose staff met, with
            every meeting at which they did.

    .. versionadded:: 0.4.0
    """

    people: tuple[Encounter, ...] = attrs.field(
        converter=_encounters, validator=each(instance_of(Encounter))
    )
    units: tuple[Encounter, ...] = attrs.field(
        converter=_encounters, validator=each(instance_of(Encounter))
    )

    @checked
    def met(self, professional: str) -> tuple[str, ...]:
        """The ids of those *professional* has met across sectors, by id."""
        return tuple(
            sorted(
                e.other(professional) for e in self.people if e.involves(professional)
            )
        )

    @checked
    def between(self, unit: str, other: str) -> tuple[Encounter, ...]:
        """The pairs of professionals of which one works in *unit*, one in *other*.

        E.g. the home care group's staff who have met the hospital ward's.
        """
        pair = {unit, other}
        return tuple(e for e in self.people if {e.first_unit, e.second_unit} == pair)


@attrs.frozen(kw_only=True)
class MissingCourse:
    """A professional who lacks a course on a day: never completed, or expired.

    Attributes:
        professional: The professional's id.
        course: The code of the course they lack.
        on: The day it is judged on (a course day's, or the record's).
        expired_on: The last day an earlier completion of the course counted,
            when it has expired; ``None`` when they never completed it.

    .. versionadded:: 0.4.0
    """

    professional: str = attrs.field(validator=identifier)
    course: str = attrs.field(validator=identifier)
    on: date = attrs.field(validator=a_date)
    expired_on: date | None = attrs.field(default=None, validator=optional(a_date))


def _missing(items: Iterable[MissingCourse]) -> tuple[MissingCourse, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class Gaps:
    """What is missing in one unit, or in one area: the leader's gaps.

    Attributes:
        unit: The unit's id; ``None`` for an area's gaps.
        area: The area's code: the unit's area, if it has one.
        staff: The ids of the professionals counted (volunteers included),
            in the record's order.
        lacking: Staff lacking their profession's course on the record's
            day, never completed or expired.
        inactive: Those of *staff* with no learning activity in the period.
        open_actions: Actions owned by *staff* still open, by due date.
        overdue_actions: Those of *open_actions* due before the record's day.

    .. versionadded:: 0.4.0
    """

    unit: str | None = attrs.field(validator=optional_identifier)
    area: str | None = attrs.field(validator=optional_identifier)
    staff: tuple[str, ...] = attrs.field(converter=_ids, validator=each(identifier))
    lacking: tuple[MissingCourse, ...] = attrs.field(
        default=(), converter=_missing, validator=each(instance_of(MissingCourse))
    )
    inactive: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, validator=each(identifier)
    )
    open_actions: tuple[Action, ...] = attrs.field(
        default=(), converter=_actions, validator=each(instance_of(Action))
    )
    overdue_actions: tuple[Action, ...] = attrs.field(
        default=(), converter=_actions, validator=each(instance_of(Action))
    )


class CourseState(LabelledEnum):
    """Where a professional's completion of a course stands on the record's day.

    .. versionadded:: 0.4.0
    """

    VALID = "valid", Label(da="gyldig", en="valid")
    EXPIRED = "expired", Label(da="udløbet", en="expired")
    UNDATED = (
        "undated",
        Label(
            da="gennemført, dato ikke registreret", en="completed, date not recorded"
        ),
    )


@attrs.frozen(kw_only=True)
class CompletedCourse:
    """One course a professional has completed, and whether it still counts.

    Attributes:
        professional: The professional's id.
        course: The course code.
        completed_on: The day it was completed; ``None`` when not recorded.
        expires_on: The last day it counts, if it expires.
        state: Valid, expired or undated, on the record's day.

    .. versionadded:: 0.4.0
    """

    professional: str = attrs.field(validator=identifier)
    course: str = attrs.field(validator=identifier)
    completed_on: date | None = attrs.field(default=None, validator=optional(a_date))
    expires_on: date | None = attrs.field(default=None, validator=optional(a_date))
    state: CourseState = attrs.field(validator=instance_of(CourseState))


_ENCOUNTER_SLOTS = tuple(
    Encounter.__dict__[f.name].__set__ for f in attrs.fields(Encounter)
)
