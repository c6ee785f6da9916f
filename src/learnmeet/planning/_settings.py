"""What a planner decides once for every plan: hours, places, rooms, staffing.

:class:`PlanningSettings` gathers the knobs :func:`~learnmeet.schedule` and
:func:`~learnmeet.plan_period` place meetings by, so a municipality writes its
choices once (in Python, or in the command line's TOML file) and every plan
uses the same ones. The constraint set follows the usual meeting-scheduling
model (required and preferred attendance, room conflict and capacity, breaks,
travel between places, as soon as possible or spread): see the planning
guide, "Placing meetings a roster accepts".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from learnmeet.exceptions import InvalidValueError, Label
from learnmeet.model._arguments import checked
from learnmeet.model._calendar import WorkingHours
from learnmeet.model._checks import (
    a_number,
    each,
    entries,
    identifier,
    instance_of,
    optional,
    pair,
    refuse,
    safe_text,
    to_dict,
    to_tuple,
    unique,
)
from learnmeet.model._labels import LabelledEnum
from learnmeet.model._people import Professional
from learnmeet.model._scenario import Scenario
from learnmeet.model._time import COPENHAGEN
from learnmeet.planning._slots import Availability

__all__ = [
    "Backend",
    "Objective",
    "PlanningSettings",
    "Room",
    "TravelTimes",
]

_ZERO = timedelta(0)
_DAY = timedelta(days=1)


def _share(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse anything but a number from 0 up to (not including) 1."""
    a_number(instance, attribute, value)
    if not 0 <= value < 1:
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=Label(
                da="andelen skal være fra 0 op til (men ikke med) 1",
                en="the share must be from 0 up to (but not including) 1",
            ),
            fix=Label(
                da="giv en andel som 0.5 (halvdelen bliver på arbejde)",
                en="give a share such as 0.5 (half stay on duty)",
            ),
        )


def _gap(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse anything but a ``timedelta`` from zero to one day."""
    instance_of(timedelta)(instance, attribute, value)
    if not _ZERO <= value <= _DAY:
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=Label(
                da="tiden skal være fra 0 minutter til et døgn",
                en="the time must be from 0 minutes to one day",
            ),
            fix=Label(
                da="giv fx timedelta(minutes=30)",
                en="give e.g. timedelta(minutes=30)",
            ),
            file_fix=Label(
                da="skriv et helt antal minutter fra 0 til 1440, fx 30",
                en="write a whole number of minutes from 0 to 1440, e.g. 30",
            ),
        )


def _time_span(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse anything but a pair of local times, the second later."""
    pair(instance_of(time), instance_of(time))(instance, attribute, value)
    if value[1] <= value[0]:
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=Label(
                da="tidsrummet skal slutte efter det begynder",
                en="the span must end after it starts",
            ),
            fix=Label(
                da="giv (begyndelse, slutning), fx (07:00, 09:30)",
                en="give (start, end), e.g. (07:00, 09:30)",
            ),
            file_fix=Label(
                da='skriv ["07:00", "09:30"]: begyndelse, så slutning',
                en='write ["07:00", "09:30"]: the start, then the end',
            ),
        )


@attrs.frozen(kw_only=True)
class Room:
    """A room on-site meetings and course days can be held in.

    Attributes:
        id: A stable identifier, which a placed meeting's
            :attr:`Location.room <learnmeet.Location.room>` gets.
        name: What the staff call it, e.g. ``"Mødelokale 2"``.
        capacity: How many people it seats (1 or more).
        place: The key of the place it is at (see :class:`TravelTimes`);
            empty for the one site.

    .. versionadded:: 0.3.0
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(default="", validator=safe_text)
    capacity: int = attrs.field(validator=instance_of(int))
    place: str = attrs.field(default="", validator=safe_text)

    def __attrs_post_init__(self) -> None:
        if isinstance(self.capacity, bool) or self.capacity < 1:
            raise InvalidValueError(
                reason=Label(
                    da="et lokale skal have plads til mindst én",
                    en="a room must seat at least one person",
                ),
                fix=Label(
                    da="giv antallet af pladser, fx 12",
                    en="give the number of seats, e.g. 12",
                ),
                where="Room",
                path=("capacity",),
            )


def _legs(value: Mapping[tuple[str, str], timedelta]) -> dict[tuple[str, str], Any]:
    return to_dict(value)


@attrs.frozen(kw_only=True)
class TravelTimes:
    """How long it takes to get from one place to another (kørselstid).

    A place is a key: a place's own (``Location.place``, e.g. an address
    key such as ``"sundhedshuset"``), ``"home:<pseudonym>"`` for a citizen's
    home, or ``""`` for the one site when no place is given. Online meetings
    have no place and need no travel.

    Attributes:
        default: The time between two different places not in *matrix*
            (0 minutes to one day; 30 minutes unless set).
        matrix: Times between particular places, by ``(from, to)``; one
            direction serves both unless the other is given too.

    >>> from datetime import timedelta
    >>> leg = ("rådhuset", "plejecenter-nord")
    >>> travel = TravelTimes(matrix={leg: timedelta(minutes=20)})
    >>> travel.between("plejecenter-nord", "rådhuset")
    datetime.timedelta(seconds=1200)
    >>> travel.between("rådhuset", "home:TB-01")
    datetime.timedelta(seconds=1800)

    .. versionadded:: 0.3.0
    """

    default: timedelta = attrs.field(default=timedelta(minutes=30), validator=_gap)
    matrix: Mapping[tuple[str, str], timedelta] = attrs.field(
        factory=dict,
        converter=_legs,
        validator=entries(pair(safe_text, safe_text), _gap),
        eq=False,
        hash=False,
    )

    @checked
    def between(self, first: str | None, second: str | None) -> timedelta:
        """The travel time from place *first* to place *second*.

        ``None`` is online: no travel to or from it; the same place needs none.
        """
        if first is None or second is None or first == second:
            return _ZERO
        found = self.matrix.get((first, second))
        if found is None:
            found = self.matrix.get((second, first), self.default)
        return found


class Objective(LabelledEnum):
    """Where in its window a request is placed, when several times fit.

    .. versionadded:: 0.3.0
    """

    EARLIEST = "earliest", Label(da="så tidligt som muligt", en="as soon as possible")
    SPREAD = (
        "spread",
        Label(da="spredt over perioden", en="spread over the period"),
    )


class Backend(LabelledEnum):
    """How requests are placed.

    ``greedy`` places one request at a time (fast, always available);
    ``cpsat`` optimises how many are placed with OR-Tools CP-SAT (install
    ``learnmeet[optimise]``) and never places fewer than ``greedy``.

    .. versionadded:: 0.3.0
    """

    GREEDY = (
        "greedy",
        Label(da="hurtig (ét møde ad gangen)", en="quick (one meeting at a time)"),
    )
    CPSAT = "cpsat", Label(da="optimering (CP-SAT)", en="optimisation (CP-SAT)")


def _rooms(items: Iterable[Room]) -> tuple[Room, ...]:
    return to_tuple(items)


def _hours(value: Mapping[str, WorkingHours]) -> dict[str, WorkingHours]:
    return to_dict(value)


def _avoid(
    value: Mapping[str, Iterable[tuple[time, time]]],
) -> dict[str, Any]:
    converted: Any = to_dict(value)
    if isinstance(converted, dict):
        return {k: to_tuple(v) for k, v in converted.items()}
    return converted  # type: ignore[no-any-return]


def _shares(value: Mapping[str, float]) -> dict[str, float]:
    return to_dict(value)


def _spans(items: Iterable[tuple[time, time]]) -> tuple[tuple[time, time], ...]:
    return to_tuple(items)


def _a_zone(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    instance_of(ZoneInfo)(instance, attribute, value)


@attrs.frozen(kw_only=True)
class PlanningSettings:
    """The choices every plan is placed by.

    Attributes:
        hours: Working hours for units without their own; ``None`` for any
            time of day.
        unit_hours: Working hours of particular units, by unit id.
        zone: The municipality's time zone; hours are read in it.
        travel: Travel times between places: a person is never planned into
            two places without the time to get from one to the other.
        break_between: The least time between two meetings of one person in
            the same place (0 minutes to one day; none unless set).
        rooms: Rooms for on-site meetings and course days; when given, each
            such meeting gets a free room that seats everyone, and one
            without is not placed. Empty: rooms are not planned.
        avoid: Times of day to keep free of meetings, by unit id (e.g. home
            care's morning peak, 07:00-09:30); a meeting with someone of such
            a unit goes there only if no other time fits.
        min_on_duty: The share of each unit's staff that stays on duty
            whatever is planned (0 up to 1; half unless set): no meeting or
            course day takes more than the rest at once. A unit of one may
            always send its one.
        unit_min_on_duty: The share for particular units, by unit id.
        on_duty_from: The least staff a unit must have on the staff list for
            its minimum on duty to be kept (6 unless set; 1 checks every
            unit). A shorter list is taken as the people involved from a
            unit, not the whole unit, as a hospital ward or a clinic usually
            appears in a municipality's scenario.
        objective: Where in its window a request goes when several times fit:
            spread over the period (the default) or as soon as possible.
        preferred: The preferred time of day, as (from, to) local time;
            a time inside it wins over one outside. ``None``: no preference.
        backend: How requests are placed: ``greedy`` or ``cpsat``.
        time_limit: How long the ``cpsat`` backend may search (1 second to
            one day; 10 seconds unless set).

    Raises:
        InvalidValueError: A field is refused, named by its path.

    .. versionadded:: 0.3.0
    """

    hours: WorkingHours | None = attrs.field(
        factory=WorkingHours, validator=optional(instance_of(WorkingHours))
    )
    unit_hours: Mapping[str, WorkingHours] = attrs.field(
        factory=dict,
        converter=_hours,
        validator=entries(identifier, instance_of(WorkingHours)),
        eq=False,
        hash=False,
    )
    zone: ZoneInfo = attrs.field(default=COPENHAGEN, validator=_a_zone)
    travel: TravelTimes = attrs.field(
        factory=TravelTimes, validator=instance_of(TravelTimes)
    )
    break_between: timedelta = attrs.field(default=_ZERO, validator=_gap)
    rooms: tuple[Room, ...] = attrs.field(
        default=(),
        converter=_rooms,
        validator=[
            each(instance_of(Room)),
            unique(lambda r: r.id, what=Label(da="lokalet", en="the room")),
        ],
    )
    avoid: Mapping[str, tuple[tuple[time, time], ...]] = attrs.field(
        factory=dict,
        converter=_avoid,
        validator=entries(identifier, each(_time_span)),
        eq=False,
        hash=False,
    )
    min_on_duty: float = attrs.field(default=0.5, validator=_share)
    unit_min_on_duty: Mapping[str, float] = attrs.field(
        factory=dict,
        converter=_shares,
        validator=entries(identifier, _share),
        eq=False,
        hash=False,
    )
    on_duty_from: int = attrs.field(default=6)
    objective: Objective = attrs.field(
        default=Objective.SPREAD, validator=instance_of(Objective)
    )
    preferred: tuple[time, time] | None = attrs.field(
        default=None, validator=optional(_time_span)
    )
    backend: Backend = attrs.field(
        default=Backend.GREEDY, validator=instance_of(Backend)
    )
    time_limit: timedelta = attrs.field(default=timedelta(seconds=10))

    @on_duty_from.validator
    def _from(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise refuse(
                InvalidValueError,
                self,
                attribute,
                reason=Label(
                    da="antallet skal være et helt tal på 1 eller mere",
                    en="the number must be a whole number of 1 or more",
                ),
                fix=Label(da="giv fx 6", en="give e.g. 6"),
            )

    @time_limit.validator
    def _limit(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        instance_of(timedelta)(self, attribute, value)
        if not timedelta(seconds=1) <= value <= _DAY:
            raise refuse(
                InvalidValueError,
                self,
                attribute,
                reason=Label(
                    da="tidsgrænsen skal være fra 1 sekund til et døgn",
                    en="the time limit must be from 1 second to one day",
                ),
                fix=Label(
                    da="giv fx timedelta(seconds=10)",
                    en="give e.g. timedelta(seconds=10)",
                ),
                file_fix=Label(
                    da="skriv et helt antal sekunder fra 1 til 86400, fx 10",
                    en="write a whole number of seconds from 1 to 86400, e.g. 10",
                ),
            )

    @checked
    def hours_of(self, unit_id: str) -> WorkingHours | None:
        """The working hours of the unit *unit_id*: its own, or :attr:`hours`."""
        return self.unit_hours.get(unit_id, self.hours)

    @checked
    def keeps_on_duty(self, staff: int) -> bool:
        """Whether a unit of *staff* on the list keeps a minimum on duty."""
        return staff >= self.on_duty_from

    @checked
    def away_at_most(self, unit_id: str, staff: int) -> int:
        """How many of a unit's *staff* may be at meetings at once.

        The rest of the unit, at least :attr:`min_on_duty` of it (or the
        unit's own share), stays on duty; a unit always may send one.

        >>> PlanningSettings().away_at_most("hj-vest", 10)
        5
        >>> PlanningSettings(min_on_duty=0.7).away_at_most("hj-vest", 10)
        3
        """
        share = self.unit_min_on_duty.get(unit_id, self.min_on_duty)
        on_duty = math.ceil(staff * share - 1e-9)  # 0.7 x 10 is 7, not 8
        return max(1, staff - on_duty)


def at_work(
    settings: PlanningSettings,
    holidays: Iterable[date],
    *,
    scenario: Scenario | None = None,
    professionals: Iterable[Professional] = (),
) -> Availability:
    """Who is at work when, as every planner reads *settings*.

    The settings' hours (a unit's own, else the default) in its zone, no
    shift on *holidays*; with *scenario*, its staff's working patterns and
    absences too (then its staff are the *professionals*).
    """
    if scenario is not None:
        return Availability.from_scenario(
            scenario,
            hours=settings.hours,
            unit_hours=settings.unit_hours,
            holidays=holidays,
            zone=settings.zone,
        )
    return Availability(
        hours=settings.hours,
        unit_hours=settings.unit_hours,
        holidays=holidays,
        professionals=professionals,
        zone=settings.zone,
    )
