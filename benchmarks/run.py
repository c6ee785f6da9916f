"""learnmeet's benchmarks: every figure a ratio measured in the same run.

    python benchmarks/run.py [--quick] [--json PATH]

Contenders of a workload run in interleaved rounds (A B C, B C A, C A B …) so
that a noisy neighbour slows all of them alike. Before each timed call the
garbage collector runs a full collection, so that no one pays for another's
garbage; during the call it stays on, as it is when users run the library.
The construction and JSON workloads are timed a second time with it off
during the call, and that figure is printed beside. The table gives the
median and the min–max of the rounds, the ratio of medians, and whether the
target is met. ``--quick`` runs small sizes and few rounds to catch breakage
in CI; it judges nothing.

Install the peers with ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import functools
import gc
import heapq
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
from dateutil.rrule import rrulestr

try:  # the peers: learnmeet[bench]
    import msgspec
    import orjson
    import pydantic
except ImportError as missing:  # pragma: no cover - said, not raised
    sys.exit(
        f"benchmarks/run.py compares learnmeet with {missing.name}, which is not "
        "installed here: pip install -e '.[bench]'"
    )

sys.path.insert(0, str(Path(__file__).parent))

from data import (
    CPH,
    YEAR,
    Municipality,
    Tight,
    municipality,
    sample_copies,
    staff,
    tight,
)
from shapes import (
    DAttendee,
    DMeeting,
    MAttendee,
    MDocument,
    MMeeting,
    PDocument,
    check_document,
    normalised,
)

import learnmeet as lm
from learnmeet.io import _converter

HERE = Path(__file__).parent


@dataclass
class Timing:
    """The rounds of one contender."""

    seconds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def timed(fn: Callable[[], object], *, collector: bool = True) -> float:
    """Seconds *fn* takes, after a full collection; *collector* on or off."""
    gc.collect()
    if not collector:
        gc.disable()
    try:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start
    finally:
        gc.enable()


def race(
    contenders: dict[str, Callable[[], object]],
    rounds: int,
    *,
    collector: bool = True,
) -> dict[str, Timing]:
    """Run every contender *rounds* times, interleaved and rotated."""
    names = list(contenders)
    out = {n: Timing() for n in names}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            out[name].seconds.append(timed(contenders[name], collector=collector))
    return out


@dataclass
class Row:
    workload: str
    contender: str
    median: float
    low: float
    high: float
    ratio: float | None = None
    target: str = ""
    met: bool | None = None
    note: str = ""
    gc_off: float | None = None  # the median with the collector off
    size: float | None = None  # bytes of JSON per meeting


ROWS: list[Row] = []


def record(
    workload: str,
    timings: dict[str, Timing],
    base: str | None,
    targets: dict[str, tuple[str, float]] | None = None,
    gc_off: dict[str, Timing] | None = None,
) -> None:
    """Add rows; *targets* maps a contender to (text, max ratio to *base*).

    *gc_off* holds the same contenders timed with the collector off.
    """
    targets = targets or {}
    for name, t in timings.items():
        row = Row(workload, name, t.median, min(t.seconds), max(t.seconds))
        if gc_off is not None:
            row.gc_off = gc_off[name].median
        if base is not None and name != "learnmeet":
            row.ratio = timings["learnmeet"].median / t.median
            if name in targets:
                row.target, limit = targets[name]
                row.met = row.ratio <= limit
        ROWS.append(row)


def absolute(workload: str, name: str, t: Timing, target: str, limit: float) -> Row:
    row = Row(workload, name, t.median, min(t.seconds), max(t.seconds))
    row.target, row.met = target, t.median <= limit
    ROWS.append(row)
    return row


# -- 1. construction ---------------------------------------------------------


def construction(meetings: list[lm.Meeting], rounds: int) -> None:
    """Make each meeting and its attendees again, with every check.

    Every side is given the same values — learnmeet's own people, case and
    format objects, made beforehand — and builds exactly a meeting and its
    attendees: learnmeet with every validator, the peers with the same
    fields (``shapes.py``) and no checks. learnmeet's classes take keywords
    only; the peers are called positionally, their fastest call.
    """
    src = [
        (
            m.id,
            m.format,
            m.start,
            m.duration,
            [(a.person, a.role) for a in m.attendees],
            m.case,
        )
        for m in meetings
    ]
    attendee, meeting = lm.Attendee, lm.Meeting

    def learnmeet() -> None:
        for i, f, s, d, ps, c in src:
            meeting(
                id=i,
                format=f,
                start=s,
                duration=d,
                attendees=[attendee(person=p, role=r) for p, r in ps],
                case=c,
            )

    def with_msgspec() -> None:
        for i, f, s, d, ps, c in src:
            MMeeting(i, f, s, d, None, tuple([MAttendee(p, r) for p, r in ps]), c)

    def with_dataclass() -> None:
        for i, f, s, d, ps, c in src:
            DMeeting(i, f, s, d, None, tuple([DAttendee(p, r) for p, r in ps]), c)

    contenders = {
        "learnmeet": learnmeet,
        "msgspec": with_msgspec,
        "dataclass": with_dataclass,
    }
    t = race(contenders, rounds)
    off = race(contenders, rounds, collector=False)
    record(
        f"construct {len(meetings):,} meetings",
        t,
        "learnmeet",
        {"dataclass": ("≤ 1.5× dataclass", 1.5)},
        gc_off=off,
    )


# -- 2. JSON -----------------------------------------------------------------

V1_BYTES_PER_MEETING = {20_000: 116_979_335 / 20_000}
"""Version 1's bytes per meeting in the document of so many meetings (with
the municipality's staff and cases), measured while learnmeet wrote version
1 (0.1): the size target's base now that a later version is written. The
data is the same for the same seed."""


def fresh_converter() -> None:
    """Forget the converter, so the next ``to_json`` makes one, as a new process.

    The converter is cached per catalogue; a warm one has its hooks made
    already, and a round with it would measure what only a second document
    in the same process pays.
    """
    _converter.converter_for.cache_clear()


def _check_fresh_converter() -> None:
    """Fail rather than flatter: the cache :func:`fresh_converter` clears is real."""
    before = lm.make_converter()
    fresh_converter()
    assert lm.make_converter() is not before, "the converter was not made afresh"


def year_document(town: Municipality, count: int) -> lm.Scenario:
    """The municipality's staff, cases and first *count* meetings, as one value."""
    units = list({p.unit.id: p.unit for p in town.staff}.values())
    organisations = list({u.organisation.id: u.organisation for u in units}.values())
    return lm.Scenario(
        name="Syntetisk Kommune",
        organisations=organisations,
        units=units,
        professionals=town.staff,
        cases=town.cases,
        meetings=town.meetings[:count],
    )


def json_round_trip(town: Municipality, count: int, rounds: int) -> None:
    """A year's document written and read: learnmeet and the peers, same data.

    learnmeet writes and reads its own document (``to_json``/``from_json`` of
    a :class:`~learnmeet.Scenario`) with a fresh converter every round. The
    peers get the same data in the normalised shape with the same fields and
    the checks they can make (``shapes.py``). Each round times the encoding
    and then the decoding of what was just encoded; the round trip is their
    sum.
    """
    _check_fresh_converter()
    scenario = year_document(town, count)
    plain = normalised(scenario)
    structs = msgspec.convert(plain, MDocument)
    models = PDocument.model_validate(plain)
    adapter = pydantic.TypeAdapter(PDocument)
    floor = json.loads(json.dumps(plain, default=str))  # JSON types only
    texts: dict[str, bytes] = {}
    out: dict[str, Any] = {}

    def pair(
        name: str, encode: Callable[[], bytes], decode: Callable[[bytes], object]
    ) -> tuple[Callable[[], object], Callable[[], object]]:
        def write() -> None:
            texts[name] = encode()

        def read() -> None:
            out[name] = decode(texts[name])

        return write, read

    def learnmeet_write() -> bytes:
        fresh_converter()  # a first to_json in a new process makes it
        return lm.to_json(scenario).encode("utf-8")

    halves = {
        "learnmeet": pair(
            "learnmeet",
            learnmeet_write,
            lambda b: lm.from_json(lm.Scenario, b),
        ),
        "msgspec": pair(
            "msgspec",
            lambda: msgspec.json.encode(structs),
            lambda b: check_document(msgspec.json.decode(b, type=MDocument)),
        ),
        "pydantic v2": pair(
            "pydantic v2",
            lambda: adapter.dump_json(models),
            lambda b: check_document(adapter.validate_json(b)),
        ),
        "orjson (floor)": pair(
            "orjson (floor)", lambda: orjson.dumps(floor), orjson.loads
        ),
    }

    def both(collector: bool) -> dict[str, tuple[Timing, Timing]]:
        names = list(halves)
        got = {n: (Timing(), Timing()) for n in names}
        for r in range(rounds):
            for name in names[r % len(names) :] + names[: r % len(names)]:
                write, read = halves[name]
                got[name][0].seconds.append(timed(write, collector=collector))
                got[name][1].seconds.append(timed(read, collector=collector))
        return got

    on, off = both(True), both(False)

    def trip(t: tuple[Timing, Timing]) -> Timing:
        return Timing([w + r for w, r in zip(t[0].seconds, t[1].seconds, strict=True)])

    size = {name: len(text) / count for name, text in texts.items()}
    what = f"{count:,} meetings, a year's document"
    first = len(ROWS)
    record(
        f"JSON encode, {what}",
        {n: t[0] for n, t in on.items()},
        "learnmeet",
        gc_off={n: t[0] for n, t in off.items()},
    )
    record(
        f"JSON decode, full validation, {what}",
        {n: t[1] for n, t in on.items()},
        "learnmeet",
        gc_off={n: t[1] for n, t in off.items()},
    )
    record(
        f"JSON round trip, {what}",
        {n: trip(t) for n, t in on.items()},
        "learnmeet",
        {"msgspec": ("≤ 5× msgspec", 5.0), "pydantic v2": ("≤ 1× pydantic", 1.0)},
        gc_off={n: trip(t) for n, t in off.items()},
    )
    zones = {
        "learnmeet": out["learnmeet"].meetings[0].start.tzinfo,
        "msgspec": out["msgspec"].meetings[0].start.tzinfo,
        "pydantic v2": out["pydantic v2"].meetings[0].start.tzinfo,
        "orjson (floor)": None,
    }
    assert out["learnmeet"] == scenario, "the round trip changed the scenario"
    for row in ROWS[first:]:
        row.size = size[row.contender]
        kept = getattr(zones[row.contender], "key", None) == "Europe/Copenhagen"
        row.note = "zone kept" if kept else "zone lost"
        if row.contender == "learnmeet":
            assert kept, "learnmeet lost the IANA zone"

    version = json.loads(texts["learnmeet"])["learnmeet"]
    v1 = size["learnmeet"] if version == 1 else V1_BYTES_PER_MEETING.get(count)
    row = Row(
        f"JSON document size, {what}",
        f"learnmeet version {version}",
        0.0,
        0.0,
        0.0,
        size=size["learnmeet"],
    )
    row.target = "≤ 1/3 of version 1"
    if version == 1:
        row.ratio = 1.0
        row.note = "version 1 written: version 2 is not in this branch"
    elif v1 is None:
        row.note = f"version 1 not measured for {count:,} meetings"
    else:
        row.ratio = size["learnmeet"] / v1
        row.met = row.ratio <= 1 / 3
        row.note = f"version 1: {v1:,.0f} bytes a meeting"
    ROWS.append(row)


# -- 3. validation -----------------------------------------------------------


def validation(meetings: list[lm.Meeting], rounds: int) -> None:
    rules = lm.DEFAULT_RULES  # without a context only the context-free rules run

    def learnmeet() -> None:
        for m in meetings:
            lm.validate(m, rules=rules)

    def floor() -> None:
        for m in meetings:
            for a in m.attendees:
                p = a.person
                if isinstance(p, lm.Professional):
                    _ = (p.profession.code, p.sector.code, a.role)
            _ = m.case.origin if m.case else None

    t = race({"learnmeet": learnmeet, "bare loop (floor)": floor}, rounds)
    record(
        f"validate {len(meetings):,} meetings, context-free rules",
        t,
        "learnmeet",
        {"bare loop (floor)": ("≤ 6× floor", 6.0)},
    )


# -- 4. recurrence -----------------------------------------------------------


_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")


def _varied_rule(i: int) -> str:
    """The *i*-th of many different rules, each matching its start's weekday.

    Varied (frequency, interval, count or end) so that no side parses one
    rule string once and reuses it; each matches its start, so both sides
    give the same occurrences (an unmatched start is an occurrence in RFC
    5545 and in learnmeet, but not in dateutil).
    """
    day = _WEEKDAYS[i % 5]
    kind = i % 4
    if kind == 0:
        return f"FREQ=WEEKLY;BYDAY={day};COUNT={26 + i % 27}"
    if kind == 1:
        return f"FREQ=WEEKLY;INTERVAL=2;BYDAY={day};COUNT={13 + i % 14}"
    if kind == 2:
        return f"FREQ=DAILY;INTERVAL=7;COUNT={30 + i % 23}"
    return f"FREQ=WEEKLY;BYDAY={day};UNTIL={YEAR}{12 - i % 6:02d}28T235959Z"


def recurrence(count: int, rounds: int) -> None:
    starts = [
        datetime(YEAR, 1, 4, 8 + (i % 8), 15 * (i % 4), tzinfo=CPH)
        + timedelta(days=i % 5)
        for i in range(count)
    ]
    rules = [_varied_rule(i) for i in range(count)]
    found: dict[str, list[list[datetime]]] = {}

    def learnmeet() -> None:
        found["learnmeet"] = [
            list(lm.Series(start=s, rule=r).occurrences())
            for s, r in zip(starts, rules, strict=True)
        ]

    def raw() -> None:
        found["rrule"] = [
            list(rrulestr(r, dtstart=s)) for s, r in zip(starts, rules, strict=True)
        ]

    t = race({"learnmeet": learnmeet, "dateutil.rrule": raw}, rounds)
    record(
        f"expand {count:,} series of varied rules over a year",
        t,
        "learnmeet",
        {"dateutil.rrule": ("≤ 1.2× rrule", 1.2)},
    )
    off = sum(
        1
        for s, occ in zip(starts, found["learnmeet"], strict=True)
        for o in occ
        if (o.astimezone(CPH).hour, o.astimezone(CPH).minute) != (s.hour, s.minute)
    )
    ROWS[-2].note = f"{off} off local time"
    assert off == 0
    assert [len(o) for o in found["learnmeet"]] == [len(o) for o in found["rrule"]]


# -- 5. free slots -----------------------------------------------------------


def _busy(
    people: list[lm.Professional], per_person: int, seed: int
) -> dict[str, list[tuple[datetime, datetime]]]:
    import random

    rng = random.Random(seed)
    out = {}
    for p in people:
        spans = []
        for _ in range(per_person):
            day = datetime(YEAR, 1, 1, tzinfo=CPH) + timedelta(days=rng.randrange(365))
            start = day.replace(hour=rng.randrange(8, 15), minute=rng.choice([0, 30]))
            spans.append((start, start + timedelta(minutes=rng.choice([30, 60, 90]))))
        out[p.key] = sorted(spans)
    return out


def sweep_baseline(
    group: list[str],
    busy: dict[str, list[tuple[datetime, datetime]]],
    window: tuple[datetime, datetime],
    length: timedelta,
) -> datetime | None:
    """Sweep without working hours: the first gap of *length*.

    *busy* holds each calendar sorted already (:func:`sorted_calendars`,
    once for all queries); a query merges its group's calendars.
    """
    spans = heapq.merge(*(busy.get(k, ()) for k in group))
    cursor = window[0]
    for start, end in spans:
        if start - cursor >= length:
            return cursor
        cursor = max(cursor, end)
    return cursor if window[1] - cursor >= length else None


def sorted_calendars(
    busy: dict[str, list[tuple[datetime, datetime]]],
) -> dict[str, list[tuple[datetime, datetime]]]:
    """Each calendar sorted, once: the baseline's counterpart of a BusyIndex."""
    return {key: sorted(spans) for key, spans in busy.items()}


def slots(groups: int, per_person: int, rounds: int, quick: bool) -> None:
    import random

    rng = random.Random(7)
    people = staff(rng, 800)
    window = (datetime(YEAR, 1, 4, tzinfo=CPH), datetime(YEAR + 1, 1, 1, tzinfo=CPH))
    length = timedelta(minutes=90)
    queries = [[p.key for p in rng.sample(people, 8)] for _ in range(groups)]
    growth = []
    for n in (per_person, per_person * 2):
        busy = _busy(people, n, seed=n)
        # The calendars are read once into an index, as an app does when it
        # asks about the same calendars many times: its own row, and part of
        # each side's total (the baseline sorts each calendar once).
        built = race({"learnmeet": lambda busy=busy: lm.BusyIndex(busy)}, rounds)
        record(f"BusyIndex of {len(people)} people × {n} busy (once)", built, None)

        def learnmeet(busy: dict[str, list[tuple[datetime, datetime]]] = busy) -> None:
            index = lm.BusyIndex(busy)
            for q in queries:
                lm.find_slots(q, window, length, busy=index, hours=None, holidays=())

        def baseline(busy: dict[str, list[tuple[datetime, datetime]]] = busy) -> None:
            ready = sorted_calendars(busy)
            for q in queries:
                sweep_baseline(q, ready, window, length)

        t = race({"learnmeet": learnmeet, "sort-and-sweep": baseline}, rounds)
        name = (
            f"first 90-min slot, {groups:,} groups of 8, {n} busy/person "
            "(calendars read once, included)"
        )
        record(name, t, "learnmeet")
        growth.append(t["learnmeet"].median)
        if n == per_person:
            absolute(
                name,
                "learnmeet (typical, total)",
                t["learnmeet"],
                "≤ 0.3 s total",
                0.3 * (1 if not quick else 1e9),
            )
    row = Row(
        "first slot: growth per doubling of intervals",
        "learnmeet",
        growth[1],
        growth[1],
        growth[1],
    )
    row.ratio = growth[1] / growth[0]
    row.target, row.met = "≤ 2.3×", row.ratio <= 2.3
    ROWS.append(row)

    # Worst case: nobody is ever free together, about 10k intervals per query.
    worst_groups = max(1, groups // 100)
    full = {}
    for p in people[:8]:
        spans = []
        day = window[0]
        while day < window[1]:
            for h in range(0, 24, 1):
                s = day + timedelta(hours=h)
                spans.append((s, s + timedelta(minutes=70)))
            day += timedelta(days=1)
        full[p.key] = spans[: 10_000 // 8]
    group = [p.key for p in people[:8]]
    full_window = (window[0], full[group[0]][-1][1])

    def worst() -> None:
        for _ in range(worst_groups):
            assert not lm.find_slots(
                group, full_window, length, busy=full, hours=None, holidays=()
            )

    t = race({"learnmeet": worst}, rounds)
    absolute(
        f"no slot: {worst_groups} queries × ~10k intervals",
        "learnmeet (total)",
        t["learnmeet"],
        "≤ 5 s total",
        5.0,
    )


# -- 6 and 7. scheduling -----------------------------------------------------


def scheduling(count: int, rounds: int) -> None:
    towns = {n: municipality(n, meetings=count * n) for n in (1, 2)}
    t1 = race({"learnmeet": lambda: lm.schedule(towns[1].requests)}, rounds)[
        "learnmeet"
    ]
    t2 = race({"learnmeet": lambda: lm.schedule(towns[2].requests)}, rounds)[
        "learnmeet"
    ]
    absolute(
        f"schedule a year: {3000:,} staff, {count:,} requests",
        "learnmeet",
        t1,
        "< 5 s",
        5.0,
    )
    row = Row(
        "schedule: growth per doubling of size",
        "learnmeet",
        t2.median,
        min(t2.seconds),
        max(t2.seconds),
    )
    row.ratio = t2.median / t1.median
    row.target, row.met = "≤ 2.3×", row.ratio <= 2.3
    ROWS.append(row)


def _growth(workload: str, sizes: list[str], medians: list[float]) -> None:
    """A row per doubling: the ratio of the medians, against ≤ 2.3×."""
    for i in range(1, len(medians)):
        row = Row(
            f"{workload}: growth per doubling ({sizes[i - 1]} → {sizes[i]})",
            "learnmeet",
            medians[i],
            medians[i],
            medians[i],
        )
        row.ratio = medians[i] / medians[i - 1]
        row.target, row.met = "≤ 2.3×", row.ratio <= 2.3
        ROWS.append(row)


def scale(quick: bool, rounds: int) -> None:
    """validate_all with a context, and plan_period, at n, 2n and 4n.

    A step that compares every meeting with every other (double bookings)
    or every forum with every case shows as ×4 per doubling; a linear one
    as ×2.
    """
    base = 500 if quick else 5_000
    medians = []
    for k, n in ((1, base), (2, 2 * base), (4, 4 * base)):
        # Staff and cases grow with the meetings, so each person has as many
        # meetings at every size: with the same staff, twice the meetings
        # would be twice the clashes per meeting, and the findings (the
        # output) would grow with the square whatever the algorithm.
        town = municipality(k, meetings=n, seed=11)

        def check(meetings: list[lm.Meeting] = town.meetings) -> None:
            lm.validate_all(meetings, context=lm.RuleContext())

        t = race({"learnmeet": check}, rounds)
        record(
            f"validate_all {n:,} meetings with a context, {len(town.staff):,} staff",
            t,
            None,
        )
        medians.append(t["learnmeet"].median)
    _growth("validate_all(context)", [f"{n:,}" for n in (1, 2, 4)], medians)

    # k copies of the sample municipality (47 staff, 10 cases, 3 forums each)
    copies = (1, 2, 4) if quick else (16, 32, 64)
    first, last = date(YEAR, 1, 1), date(YEAR, 3 if quick else 12, 31)
    medians = []
    for k in copies:
        scenario = sample_copies(k)

        def plan(scenario: lm.Scenario = scenario) -> None:
            lm.plan_period(scenario, start=first, end=last)

        t = race({"learnmeet": plan}, 1 if quick else min(rounds, 3))
        staff_count, cases = len(scenario.professionals), len(scenario.cases)
        workload = (
            f"plan_period {first:%b}–{last:%b}: {staff_count:,} staff, "
            f"{cases:,} cases, {len(scenario.forums)} forums"
        )
        if k == copies[-1]:
            absolute(workload, "learnmeet", t["learnmeet"], "< 10 s", 10.0)
        else:
            record(workload, t, None)
        medians.append(t["learnmeet"].median)
    _growth("plan_period", [f"×{k}" for k in copies], medians)


def country(municipalities: int, copies: int, quick: bool) -> None:
    """plan_period for the whole country through plan_many on two processes.

    Every municipality is *copies* copies of the sample (64: 3,008 staff,
    640 cases, 192 forums), named apart; a year each (a quarter when
    quick). Generation is not included; peak memory is this process's and
    its largest worker's (maxrss).
    """
    one = sample_copies(copies)
    towns = [attrs.evolve(one, name=f"Kommune {i:02d}") for i in range(municipalities)]
    first, last = date(YEAR, 1, 1), date(YEAR, 3 if quick else 12, 31)
    workers = 2
    here = time.process_time()
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        plans = lm.plan_many(towns, start=first, end=last, executor=pool)
    elapsed = time.perf_counter() - start
    here = time.process_time() - here
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    worked = children.ru_utime + children.ru_stime
    assert len(plans) == municipalities
    self_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    row = absolute(
        f"plan_period for the country: {municipalities} municipalities of "
        f"{len(one.professionals):,} staff, {first:%b}–{last:%b}, plan_many",
        f"learnmeet ({workers} processes)",
        Timing([elapsed]),
        "< 5 min",
        300.0,
    )
    # On a shared machine the wall time is what the neighbours leave; the
    # CPU time says what the work itself cost.
    row.note = (
        f"{sum(len(p.meetings) for p in plans):,} meetings; CPU {worked:,.1f} s "
        f"in the workers, {here:,.1f} s here; peak RSS {self_mib:,.0f} MiB "
        f"here, {child_mib:,.0f} MiB the largest worker"
    )


# -- 7b. placing more: the cpsat backend ------------------------------------


def plain_best(case: Tight, seconds: float) -> tuple[int, int]:
    """The most requests a CP-SAT search of *seconds* places, and its bound.

    The plain model of the planning case: a yes/no per request, day and
    whole hour (one-hour meetings from 08:00 pack onto the hour), at most
    one per request, at most one meeting per person and hour. Nothing of
    learnmeet is in it; it is the yardstick, searched with the same two
    workers.
    """
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    chosen: dict[tuple[int, int, int], Any] = {}
    for r, (_, first, last) in enumerate(case.spans):
        for day in range(first, last + 1):
            for hour in range(8):
                chosen[r, day, hour] = model.NewBoolVar("")
    by_request: dict[int, list[Any]] = {}
    by_slot: dict[tuple[int, int, int], list[Any]] = {}
    for (r, day, hour), var in chosen.items():
        by_request.setdefault(r, []).append(var)
        for person in case.spans[r][0]:
            by_slot.setdefault((person, day, hour), []).append(var)
    for group in [*by_request.values(), *by_slot.values()]:
        if len(group) > 1:
            model.AddAtMostOne(group)
    model.Maximize(sum(chosen.values()))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 2
    solver.Solve(model)
    return round(solver.ObjectiveValue()), round(solver.BestObjectiveBound())


def placing(seeds: list[int], limit: float, best_for: float) -> None:
    """Placed by greedy and by the cpsat backend against a long plain search.

    The planning case's tight instances (:func:`data.tight`: 40 staff, 150
    one-hour requests in two working days): ``schedule`` with the greedy
    backend, with the cpsat backend and a time limit of *limit* seconds
    (the model's building included), and the plain model searched for
    *best_for* seconds. The ratio is placed over that best.
    """
    for seed in seeds:
        case = tight(seed)
        best, bound = plain_best(case, best_for)
        optimising = lm.PlanningSettings(
            backend=lm.Backend.CPSAT, time_limit=timedelta(seconds=limit)
        )
        workload = (
            f"placed of 150 tight requests (seed {seed}) / "
            f"{best_for:.0f} s plain CP-SAT best {best} (bound {bound})"
        )
        greedy = 0.0
        for name, settings, target in (
            ("greedy", lm.PlanningSettings(), None),
            (f"cpsat backend, {limit:.0f} s", optimising, 0.98),
        ):
            start = time.perf_counter()
            placed = len(lm.schedule(case.requests, settings=settings).meetings)
            elapsed = time.perf_counter() - start
            row = Row(workload, name, elapsed, elapsed, elapsed)
            row.ratio = placed / best
            row.note = f"{placed} placed"
            if target is None:
                greedy = elapsed
            else:
                # The limit bounds the optimising (ortools' import, the model,
                # the search); greedy's plan and the rules' check come first
                # and after, half a second at most.
                row.target = f"≥ {target:.0%} of best; {limit:.0f} s + greedy"
                row.met = row.ratio >= target and elapsed <= limit + greedy + 0.5
            ROWS.append(row)


# -- 8. import ---------------------------------------------------------------

# What a program reads first, in a fresh interpreter, after ``import learnmeet``
# (which loads nothing but its table of names): each name loads its layer.
IMPORT_CASES: dict[str, tuple[str, ...]] = {
    "the model: Meeting, DEFAULT_CATALOG": ("Meeting", "DEFAULT_CATALOG"),
    "first use of from_json, Series, validate, schedule": (
        "from_json",
        "Series",
        "validate",
        "schedule",
    ),
}


def _modules_after(code: str) -> set[str]:
    """The modules in ``sys.modules`` after *code* runs in a fresh interpreter."""
    show = "\nimport sys as _s; print(' '.join(sorted(_s.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code + show],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(done.stdout.split())


def _imported_in(module: str) -> set[str]:
    """The absolute imports written in *module*'s source, bar ``TYPE_CHECKING``."""
    import ast
    import importlib.util

    spec = importlib.util.find_spec(module)
    assert spec is not None, module
    assert spec.origin is not None, module
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    skip = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for stmt in block.body
        for node in ast.walk(stmt)
    }
    names: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def plain_imports(code: str) -> tuple[str, set[str]]:
    """What *code* pulls in besides learnmeet, as one plain import statement.

    The modules that the learnmeet modules *code* loads import themselves,
    limited to those loaded by *code* and missing from a bare interpreter
    (``python -c pass``): the third-party and standard-library code learnmeet
    needs. Also returns the modules the two leave behind differently, which
    is empty when both sides pay for the same code.
    """
    bare = _modules_after("pass")
    after = _modules_after(code)
    ours = sorted(m for m in after if m == "learnmeet" or m.startswith("learnmeet."))
    needed = sorted(
        name
        for name in set().union(*(_imported_in(m) for m in ours))
        if name in after and name not in bare and name.split(".")[0] != "learnmeet"
    )
    plain = f"import {', '.join(needed)}"
    theirs = {m for m in after if m not in ours}
    return plain, theirs ^ _modules_after(plain)


def imports(rounds: int) -> None:
    # Byte-compile learnmeet first, as pip does when it installs a wheel: the
    # peers in site-packages were compiled at install, and an editable
    # checkout (or PYTHONDONTWRITEBYTECODE) would otherwise make every run
    # compile learnmeet's sources again.
    import compileall

    compileall.compile_dir(Path(lm.__file__).parent, quiet=1)

    def run(code: str) -> Callable[[], object]:
        return lambda: subprocess.run([sys.executable, "-c", code], check=True)

    for what, names in IMPORT_CASES.items():
        code = "import learnmeet; " + "; ".join(f"learnmeet.{n}" for n in names)
        plain, differ = plain_imports(code)
        t = race(
            {
                "learnmeet": run(
                    f"{code}; import sys; assert 'hypothesis' not in sys.modules"
                ),
                "plain imports": run(plain),
            },
            rounds,
        )
        record(f"import learnmeet + {what} (fresh interpreter)", t, "learnmeet")
        own = t["learnmeet"].median - t["plain imports"].median
        ROWS[-2].note = f"hypothesis not imported; learnmeet's own {own * 1e3:+.1f} ms"
        ROWS[-1].note = plain + (
            f"; NOT the same modules: {', '.join(sorted(differ))}" if differ else ""
        )


# -- 9. strategies -----------------------------------------------------------


def strategies(count: int, rounds: int) -> None:
    """Valid meetings drawn per second, and what ``import hypothesis`` costs.

    Both sides draw *count* valid operational meetings of 6–10 professionals
    with the same fields (id, format, start, duration, location, attendees,
    reflection): learnmeet's ``meetings()`` and an ``st.builds(Meeting)``
    spelled as attrs inference reads the fields, narrowed only as far as it
    takes to be valid. Every meeting of both is validated after the timing; a
    side whose meetings are not all valid is said so in the note. A new test
    function and new strategies each round: hypothesis's own caches start cold
    as in a user's first test.
    """
    from hypothesis import HealthCheck, Phase, given, settings, strategies as st

    from learnmeet import strategies as lst

    fmt = lm.DEFAULT_CATALOG.format("operational_meeting")
    drawn: dict[str, list[lm.Meeting]] = {}

    def draw_all(
        name: str, make: Callable[[], st.SearchStrategy[lm.Meeting]]
    ) -> Callable[[], object]:
        def run() -> None:
            found = drawn.setdefault(name, [])
            found.clear()

            @settings(
                max_examples=count,
                database=None,
                phases=[Phase.generate],
                deadline=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(make())
            def draw(meeting: lm.Meeting) -> None:
                found.append(meeting)

            draw()

        return run

    def inferred() -> st.SearchStrategy[lm.Meeting]:
        # What inference gives for each field, spelled out: st.from_type of a
        # learnmeet class now resolves to learnmeet's own strategy.
        ident = st.text("abcdefgh-0123456789", min_size=1, max_size=8)
        aware = st.datetimes(
            min_value=datetime(2025, 1, 1),
            max_value=datetime(2030, 1, 1),
            timezones=st.just(CPH),
            allow_imaginary=False,
        ).map(lambda d: d.replace(second=0, microsecond=0))
        organisations = st.builds(
            lm.Organisation,
            id=ident.map(lambda s: f"org{s}"),
            name=st.just("Eksempel"),
            sector=st.sampled_from(lm.DEFAULT_CATALOG.sectors),
        )
        units = st.builds(
            lm.Unit,
            id=ident.map(lambda s: f"unit{s}"),
            name=st.just("Enhed"),
            organisation=organisations,
        )
        people = st.builds(
            lm.Professional,
            id=ident.map(lambda s: f"p{s}"),
            profession=st.sampled_from(lm.DEFAULT_CATALOG.professions),
            unit=units,
        )
        words = st.text(
            st.characters(categories=["L", "Zs"]), min_size=1, max_size=20
        ).filter(str.strip)
        return st.builds(
            lm.Meeting,
            id=ident.map(lambda s: f"m{s}"),
            format=st.just(fmt),
            start=aware,
            duration=st.integers(15, 240).map(lambda m: timedelta(minutes=m)),
            location=st.builds(
                lm.Location,
                kind=st.sampled_from([lm.LocationKind.ON_SITE, lm.LocationKind.ONLINE]),
            ),
            attendees=st.lists(
                people, min_size=6, max_size=10, unique_by=lambda p: p.id
            ).map(
                lambda ps: [
                    lm.Attendee(person=p, role=lm.AttendeeRole.PARTICIPANT) for p in ps
                ]
            ),
            reflection=st.builds(
                lm.Reflection,
                st.just("case_learning"),
                st.lists(
                    st.builds(lm.Label, da=words, en=words),
                    min_size=1,
                    max_size=5,
                ),
            ),
        )

    t = race(
        {
            "learnmeet": draw_all(
                "learnmeet",
                lambda: lst.meetings(
                    format="operational_meeting", min_attendees=6, max_attendees=10
                ),
            ),
            "inferred st.builds": draw_all("inferred st.builds", inferred),
        },
        rounds,
    )
    record(
        f"draw {count:,} valid meetings (6–10 attendees)",
        t,
        "learnmeet",
        {"inferred st.builds": ("≤ 0.67× (≥ 1.5× the rate)", 1 / 1.5)},
    )
    for row in ROWS[-2:]:
        found = drawn[row.contender]
        valid = sum(lm.validate(m).ok for m in found)
        rate = len(found) / row.median if row.median else 0.0
        row.note = f"{rate:,.0f} meetings/s; {valid:,} of {len(found):,} valid"
    hypothesis_import(max(rounds, 5))


_HOOK = """
import sys, time
import hypothesis
before = {m for m in sys.modules if m.startswith("learnmeet")}
t = time.perf_counter()
from learnmeet._hypothesis_plugin import _hypothesis_setup_hook
_hypothesis_setup_hook()
added = (time.perf_counter() - t) * 1e3
loaded = sorted(m for m in sys.modules if m.startswith("learnmeet"))
print(added, len(loaded))
"""


def hypothesis_import(rounds: int) -> None:
    """``import hypothesis`` with learnmeet's entry point and without it.

    Each in a fresh interpreter: without it, hypothesis is told to load no
    entry point (``HYPOTHESIS_NO_PLUGINS``), and learnmeet's hook is then
    imported and run by hand and timed on its own, so the figure is what
    learnmeet adds, not the scan of the installed packages hypothesis makes
    anyway. Also the number of learnmeet modules loaded.
    """

    def run(env: dict[str, str]) -> Callable[[], object]:
        return lambda: subprocess.run(
            [sys.executable, "-c", "import hypothesis"], check=True, env=env
        )

    bare = {**os.environ, "HYPOTHESIS_NO_PLUGINS": "1"}
    t = race({"learnmeet": run(dict(os.environ)), "no entry points": run(bare)}, rounds)
    record("import hypothesis (fresh interpreter)", t, "learnmeet")
    hooks = []
    for _ in range(rounds):
        out = subprocess.run(
            [sys.executable, "-c", _HOOK],
            check=True,
            env=bare,
            capture_output=True,
            text=True,
        ).stdout.split()
        hooks.append(float(out[0]))
        modules = int(out[1])
    ROWS[-2].note = (
        f"learnmeet's hook {statistics.median(hooks):.1f} ms (median of {rounds}), "
        f"{modules} learnmeet modules loaded"
    )
    ROWS[-1].note = "hypothesis loads no plugin"


# -- the table ---------------------------------------------------------------


HEAD = (
    "workload",
    "contender",
    "median s",
    "min–max s",
    "GC off s",
    "ratio",
    "target",
    "met",
    "bytes/meeting",
    "note",
)


def cells(r: Row, missed: str) -> tuple[str, ...]:
    """One row's cells, as both tables show them; *missed* marks a miss."""
    timed = r.high > 0  # a size row has no time
    return (
        r.workload,
        r.contender,
        f"{r.median:.4f}" if timed else "",
        f"{r.low:.4f}–{r.high:.4f}" if timed else "",
        "" if r.gc_off is None else f"{r.gc_off:.4f}",
        "" if r.ratio is None else f"{r.ratio:.2f}×",
        r.target,
        "" if r.met is None else ("yes" if r.met else missed),
        "" if r.size is None else f"{r.size:,.0f}",
        r.note,
    )


def table() -> str:
    rows = [HEAD, *(cells(r, "MISSED") for r in ROWS)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEAD))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown(quick: bool) -> str:
    """The table as docs/performance.md shows it, with the machine above it."""
    m = machine()
    lines = [
        f"{'A --quick run' if quick else 'A full run'} on {m['platform']}, "
        f"{m['cpus']} CPUs, Python {m['python']}; learnmeet {m['learnmeet']}, "
        f"msgspec {m['msgspec']}, pydantic {m['pydantic']}, orjson {m['orjson']}.",
        "",
        "| " + " | ".join(HEAD) + " |",
        "|" + "---|" * len(HEAD),
    ]
    lines += ["| " + " | ".join(cells(r, "**missed**")) + " |" for r in ROWS]
    return "\n".join(lines) + "\n"


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "learnmeet": lm.__version__,
        "msgspec": msgspec.__version__,
        "pydantic": pydantic.VERSION,
        "orjson": orjson.__version__,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="small sizes: catch breakage, judge nothing",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=HERE / "results.json",
        help="where to write the results",
    )
    parser.add_argument(
        "--markdown",
        type=Path,
        help="also write the table as Markdown (as in docs/performance.md)",
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="WORKLOAD",
        help="run only this workload (repeatable): construction, json, "
        "validation, recurrence, slots, scheduling, scale, country, placing, "
        "import, strategies",
    )
    args = parser.parse_args(argv)
    q = args.quick
    rounds = 3 if q else 5
    began = time.perf_counter()

    @functools.cache
    def town() -> Municipality:  # made once, only for the workloads using it
        print("generating data …", flush=True)
        return municipality(1, meetings=2_000 if q else 100_000)

    steps: list[tuple[str, Callable[[], None]]] = [
        ("construction", lambda: construction(town().meetings, rounds)),
        (
            "json",
            lambda: json_round_trip(town(), 1_000 if q else 20_000, rounds),
        ),
        ("validation", lambda: validation(town().meetings, rounds)),
        ("recurrence", lambda: recurrence(500 if q else 10_000, rounds)),
        ("slots", lambda: slots(200 if q else 10_000, 300, 3, q)),
        ("scheduling", lambda: scheduling(2_000 if q else 20_000, 1 if q else 3)),
        ("scale", lambda: scale(q, rounds)),
        ("country", lambda: country(4 if q else 98, 2 if q else 64, q)),
        (
            "placing",
            lambda: placing([1] if q else [1, 2, 3], 2 if q else 10, 5 if q else 60),
        ),
        ("import", lambda: imports(3 if q else 15)),
        ("strategies", lambda: strategies(50 if q else 1_000, 1 if q else 3)),
    ]
    if args.only:
        unknown = set(args.only) - {name for name, _ in steps}
        if unknown:
            parser.error(f"no such workload: {', '.join(sorted(unknown))}")
        steps = [(name, step) for name, step in steps if name in args.only]
    for name, step in steps:
        print(f"{name} …", flush=True)
        step()
    print()
    print(table())
    missed = [r for r in ROWS if r.met is False]
    print()
    print(
        f"{len(missed)} target(s) missed"
        + (" (--quick judges nothing)" if q else "")
        + f"; {time.perf_counter() - began:.0f} s"
    )
    args.json.write_text(
        json.dumps(
            {"quick": q, "machine": machine(), "rows": [r.__dict__ for r in ROWS]},
            indent=1,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"results: {args.json}")
    if args.markdown:
        args.markdown.write_text(markdown(q), encoding="utf-8")
        print(f"table: {args.markdown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
