"""Placing requests by optimisation: the ``cpsat`` backend of schedule().

The greedy backend places one request at a time, and an early choice can
take the only time a later request had. This backend looks at all of them
together with OR-Tools' CP-SAT solver (the ``optimise`` extra, imported only
when it is used):

* each request may start at any of its candidates on the board before
  anything is placed (:func:`~learnmeet.planning._placement.candidates`, the
  same hard rules as greedy), in any room that may hold it: one yes/no
  choice each, at most one per request; an optional attendee free then is a
  yes/no choice of its own, only with its meeting;
* nobody is in two meetings at once, nor in two without the break between
  them (the two never start within each other's meeting and break), nor in
  two places without the travel time between them (the pairs too close
  excluded one by one);
* no room holds two meetings at once or without the break;
* at no moment is a unit missing more of its staff than it may send,
  counting those already away at meetings planned before (counted moment by
  moment; greedy counts everyone away at any time during the meeting, which
  is a little stricter, so greedy's plan always keeps this rule too);
* the most requests are placed, then the fewest go in hours to avoid, then
  the fewest outside the preferred hours, then the most optional attendees
  come, then each nearest the day it aims at: one sum with a weight for each
  step larger than all the steps after it can add up to.

The greedy result is the solver's first solution (a hint) and its floor:
the search stops at :attr:`~learnmeet.PlanningSettings.time_limit` (counted
from the import of OR-Tools, so the model's building is inside it), and
unless it returns a plan at least as good, the greedy result is kept. The
chosen times are then booked on a fresh board in the greedy order, every
hard rule checked again on the way (a plan that failed would give way to
greedy's); a request left out that now fits (the search stopped before it
proved the best) is placed greedily, and each one still left out gets the
reason greedy would give.

The solver searches with a fixed seed and a fixed number of workers (2), so
a search that ends by proving the best finds the same plan every time; one
stopped by the time limit may stop elsewhere on another machine or under
another load.
"""

from __future__ import annotations

import importlib
import time
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

import attrs

from learnmeet.exceptions import Label, LearnmeetError
from learnmeet.model._meetings import Meeting, Participation
from learnmeet.planning._placement import (
    Board,
    Candidate,
    Need,
    Tally,
    best,
    candidates,
    micros_of,
)
from learnmeet.planning._schedule import (
    MeetingRequest,
    Unplaced,
    _need,
    _no_room,
    _place,
    _why,
)
from learnmeet.planning._slots import _micros, _moment

__all__ = ["SEED", "WORKERS", "optimise"]

#: The seed the solver searches with, so that a search repeats itself.
SEED = 16
#: The solver's workers: fixed, so that the search does not follow the CPUs.
WORKERS = 2

_EXTRA = "optimise"
#: The least time the solver gets, in seconds, however long the model took.
_LEAST = 0.5


def _cp_model() -> Any:
    """OR-Tools' ``cp_model``, or a refusal naming the extra to install."""
    try:
        return importlib.import_module("ortools.sat.python.cp_model")
    except ImportError:
        raise LearnmeetError(
            reason=Label(
                da="planlægning med backend cpsat bruger pakken ortools, som "
                "ikke er installeret",
                en="planning with the cpsat backend uses the package ortools, "
                "which is not installed",
            ),
            fix=Label(
                da=f"installér den med: pip install 'learnmeet[{_EXTRA}]', eller "
                "brug backend greedy",
                en=f"install it with: pip install 'learnmeet[{_EXTRA}]', or use "
                "the greedy backend",
            ),
        ) from None


@attrs.frozen
class _Option:
    """One start (and room) a request may have, and who may come along."""

    request: int
    found: Candidate
    optional: tuple[str, ...]


@attrs.frozen
class _Presence:
    """A person at an option: their yes/no, when and where."""

    literal: Any
    request: int
    start: int
    end: int
    place: str | None


def _options(needs: Sequence[Need], board: Board) -> list[_Option]:
    """Every start each request may have on *board*, each room apart."""
    options = []
    for index, need in enumerate(needs):
        if need.rooms == ():
            continue
        rooms = (None,) if need.rooms is None else need.rooms
        for room in rooms:
            alone = need if room is None else attrs.evolve(need, rooms=(room,))
            for found in candidates(alone, board):
                begins = _moment(found.start, board.zone)
                ends = _moment(found.end, board.zone)
                free = tuple(
                    key
                    for key in need.optional
                    if board.busy._is_free(key, begins, ends)
                    and board.travels(key, found.start, found.end, found.place)
                )
                options.append(_Option(index, found, free))
    return options


def _cliques(
    model: Any, entries: Sequence[tuple[Any, int, int, int]], pause: int
) -> None:
    """At most one of *entries* (literal, request, start, end) at any moment.

    Each is taken to last *pause* longer. Two overlap exactly when one
    starts inside the other, so a clique at every start suffices.
    """
    ordered = sorted(entries, key=lambda e: e[2])
    starts = [e[2] for e in ordered]
    longest = max((e[3] - e[2] for e in ordered), default=0) + pause
    for i, (_, _, start, _) in enumerate(ordered):
        if i and starts[i - 1] == start:
            continue
        low = bisect_left(starts, start - longest)
        high = bisect_left(starts, start + 1)
        covering = [e for e in ordered[low:high] if e[3] + pause > start]
        if len({e[1] for e in covering}) > 1:
            model.AddAtMostOne([e[0] for e in covering])


def _weights(options: Sequence[_Option], needs: Sequence[Need]) -> list[int]:
    """The weight of each step of the objective, placed first.

    Steps: placed, in hours to avoid, outside the preferred hours, optional
    attendees missing, days from the aim. Each weighs more than all the
    later steps can add up to.
    """
    requests = {o.request for o in options}
    days = dict.fromkeys(requests, 0)
    for o in options:
        days[o.request] = max(days[o.request], o.found.cost[3])
    ceilings = [
        len(requests),
        len(requests),
        sum(len(needs[r].optional) for r in requests),
        sum(days.values()),
    ]
    weights: list[int] = []
    total = 0
    for ceiling in reversed(ceilings):
        weights.insert(0, total + 1)
        total += weights[0] * ceiling
    weights.insert(0, total + 1)
    return weights


def optimise(
    todo: Sequence[MeetingRequest],
    aims: Mapping[str, date],
    fresh: Callable[[], Board],
    greedy: Sequence[Meeting],
    left: Sequence[Unplaced],
) -> tuple[list[Meeting], list[Unplaced]]:
    """The requests placed by CP-SAT, never fewer than the greedy result.

    Args:
        todo: The requests, in the order greedy places them (the order the
            chosen times are booked in).
        aims: The day each request aims at, by id.
        fresh: Makes the board before anything is placed.
        greedy: The meetings greedy placed: the first solution and the floor.
        left: The requests greedy could not place.

    Raises:
        LearnmeetError: OR-Tools is not installed.
    """
    began = time.monotonic()
    cp_model = _cp_model()
    board = fresh()
    settings = board.settings
    needs = [_need(r, settings, aims[r.id]) for r in todo]
    options = _options(needs, board)
    if not options:
        return list(greedy), list(left)
    model = cp_model.CpModel()
    chosen = [model.NewBoolVar(f"x{i}") for i in range(len(options))]
    coming: dict[tuple[int, str], Any] = {}
    per_request: dict[int, list[Any]] = {}
    people: dict[str, list[_Presence]] = {}
    rooms: dict[str, list[tuple[Any, int, int, int]]] = {}
    for i, (option, literal) in enumerate(zip(options, chosen, strict=True)):
        found = option.found
        per_request.setdefault(option.request, []).append(literal)
        need = needs[option.request]
        for key in need.required:
            people.setdefault(key, []).append(
                _Presence(literal, option.request, found.start, found.end, found.place)
            )
        for key in option.optional:
            comes = model.NewBoolVar(f"y{i}_{key}")
            model.AddImplication(comes, literal)
            coming[i, key] = comes
            people.setdefault(key, []).append(
                _Presence(comes, option.request, found.start, found.end, found.place)
            )
        if found.room is not None:
            rooms.setdefault(found.room.id, []).append(
                (literal, option.request, found.start, found.end)
            )
    for literals in per_request.values():
        model.AddAtMostOne(literals)
    pause = board.gap(None, None)
    for presences in people.values():
        _cliques(
            model, [(p.literal, p.request, p.start, p.end) for p in presences], pause
        )
        _travel(model, presences, board, pause)
    for entries in rooms.values():
        _cliques(model, entries, pause)
    _staffing(model, people, board)

    weights = _weights(options, needs)
    terms: list[tuple[Any, int]] = []
    for option, literal in zip(options, chosen, strict=True):
        avoid, outside, _, days, _ = option.found.cost
        missing = len(needs[option.request].optional)
        terms.append(
            (
                literal,
                weights[0]
                - weights[1] * avoid
                - weights[2] * outside
                - weights[3] * missing
                - weights[4] * days,
            )
        )
    terms += [(comes, weights[3]) for comes in coming.values()]
    model.Maximize(
        cp_model.LinearExpr.WeightedSum([t[0] for t in terms], [t[1] for t in terms])
    )

    hinted = _hint(model, options, chosen, coming, todo, greedy, board)
    floor = sum(
        value * weight for (_, weight), value in zip(terms, hinted, strict=True)
    )
    solver = cp_model.CpSolver()
    spent = time.monotonic() - began
    solver.parameters.max_time_in_seconds = max(
        _LEAST, settings.time_limit.total_seconds() - spent
    )
    solver.parameters.num_workers = WORKERS
    solver.parameters.random_seed = SEED
    # Rounding the LP's solutions finds fuller plans sooner: on the planning
    # case's tight instances 113/122/121 placed in 10 s against 112/121/120.
    solver.parameters.polish_lp_solution = True
    status = solver.Solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return list(greedy), list(left)
    if solver.ObjectiveValue() < floor:
        return list(greedy), list(left)
    picks = {
        options[i].request: i
        for i, literal in enumerate(chosen)
        if solver.BooleanValue(literal)
    }
    booked = _book(todo, needs, options, picks, coming, solver, fresh())
    if booked is None:
        return list(greedy), list(left)
    return booked


def _travel(
    model: Any, presences: Sequence[_Presence], board: Board, pause: int
) -> None:
    """Exclude the pairs of one person's meetings with too little travel time.

    Meetings that overlap, or lie within the break of each other, are kept
    apart by the cliques; this adds the pairs further apart than the break
    but nearer than the travel between their places.
    """
    places = {p.place for p in presences if p.place is not None}
    if board.reach <= pause or len(places) < 2:
        return  # the same place, or online: the break is all it takes
    ordered = sorted(presences, key=lambda p: p.start)
    starts = [p.start for p in ordered]
    for first in ordered:
        low = bisect_left(starts, first.end + pause)
        high = bisect_left(starts, first.end + board.reach)
        for second in ordered[low:high]:
            if (
                second.request != first.request
                and first.place != second.place
                and second.start - first.end < board.gap(first.place, second.place)
            ):
                model.AddBoolOr([first.literal.Not(), second.literal.Not()])


def _staffing(model: Any, people: Mapping[str, list[_Presence]], board: Board) -> None:
    """At no moment is a unit missing more of its staff than it may send."""
    units: dict[str, list[tuple[Any, int, int]]] = {}
    for key, presences in people.items():
        unit = board.unit_of.get(key)
        if unit is not None:
            units.setdefault(unit, []).extend(
                (p.literal, p.start, p.end) for p in presences
            )
    for unit in sorted(units):
        limit = board.settings.away_at_most(unit, board.staff[unit])
        entries = sorted(units[unit], key=lambda e: e[1])
        away = board.away.get(unit)
        before = list(away.items) if away is not None else []
        points = sorted({e[1] for e in entries} | {s for s, _, _ in before})
        longest = max(e[2] - e[1] for e in entries)
        starts = [e[1] for e in entries]
        for point in points:
            low = bisect_left(starts, point - longest)
            high = bisect_left(starts, point + 1)
            here = [e[0] for e in entries[low:high] if e[2] > point]
            if not here:
                continue
            gone = {k for s, e, k in before if s <= point < e}
            room = max(0, limit - len(gone))
            if len(here) > room:
                model.Add(sum(here) <= room)


def _hint(
    model: Any,
    options: Sequence[_Option],
    chosen: Sequence[Any],
    coming: Mapping[tuple[int, str], Any],
    todo: Sequence[MeetingRequest],
    greedy: Sequence[Meeting],
    board: Board,
) -> list[int]:
    """Hint the greedy result to the solver; its values, in the objective's order."""
    index = {r.id: i for i, r in enumerate(todo)}
    placed = {(index[m.id], _micros(m.start)): m for m in greedy}
    values = []
    ys = []
    for i, (option, literal) in enumerate(zip(options, chosen, strict=True)):
        meeting = placed.get((option.request, option.found.start))
        room = option.found.room
        if (
            meeting is not None
            and room is not None
            and meeting.location.room != room.id
        ):
            meeting = None
        values.append(int(meeting is not None))
        model.AddHint(literal, meeting is not None)
        there = (
            {a.person.key for a in meeting.attendees} if meeting is not None else set()
        )
        for key in option.optional:
            comes = key in there
            model.AddHint(coming[i, key], comes)
            ys.append(int(comes))
    return values + ys


def _book(
    todo: Sequence[MeetingRequest],
    needs: Sequence[Need],
    options: Sequence[_Option],
    picks: Mapping[int, int],
    coming: Mapping[tuple[int, str], Any],
    solver: Any,
    board: Board,
) -> tuple[list[Meeting], list[Unplaced]] | None:
    """Book the solver's choices on *board*; ``None`` if a hard rule breaks."""
    placed: list[Meeting] = []
    for index, request in enumerate(todo):
        if index not in picks:
            continue
        i = picks[index]
        option, need = options[i], needs[index]
        found = attrs.evolve(
            option.found,
            optional=tuple(
                k for k in option.optional if solver.BooleanValue(coming[i, k])
            ),
        )
        if not _holds(need, found, board):
            return None
        placed.append(_place(request, need, found, board))
    if not all(_on_duty(m, board) for m in placed):
        return None
    unplaced: list[Unplaced] = []
    for index, request in enumerate(todo):
        if index in picks:
            continue
        need = needs[index]
        if need.rooms == ():
            unplaced.append(_no_room(request))
            continue
        tally = Tally()
        late = best(need, board, tally)
        if late is None:
            unplaced.append(_why(request, need, board, tally))
        else:
            placed.append(_place(request, need, late, board))
    return placed, unplaced


def _holds(need: Need, found: Candidate, board: Board) -> bool:
    """Whether *found* breaks no hard rule of people and rooms on *board*."""
    keys = [*need.required, *found.optional]
    begins, ends = _moment(found.start, board.zone), _moment(found.end, board.zone)
    if not all(board.busy._is_free(k, begins, ends) for k in keys):
        return False
    if not all(board.travels(k, found.start, found.end, found.place) for k in keys):
        return False
    return found.room is None or board.room_free(found.room, found.start, found.end)


def _on_duty(meeting: Meeting, board: Board) -> bool:
    """Whether every unit of *meeting*'s people keeps its share on duty throughout."""
    start = _micros(meeting.start)
    end = start + micros_of(meeting.duration)
    units = {
        board.unit_of[a.person.key]
        for a in meeting.attendees
        if a.person.key in board.unit_of
        and a.participation is not Participation.INFORMATION_ONLY
    }
    for unit in units:
        items = board.away[unit].items
        limit = board.settings.away_at_most(unit, board.staff[unit])
        points = {start} | {s for s, _, _ in items if start <= s < end}
        for point in points:
            if len({k for s, e, k in items if s <= point < e}) > limit:
                return False
    return True
