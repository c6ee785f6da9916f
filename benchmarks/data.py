"""A synthetic municipality that scales, built through learnmeet's public API.

``municipality(scale)`` gives about 3,000 care staff, 500 citizen cases and
20,000 meetings a year at scale 1, twice that at scale 2, and so on. The same
seed gives the same municipality.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from importlib.resources import files
from typing import Any

import learnmeet as lm

CAT = lm.DEFAULT_CATALOG
CPH = lm.COPENHAGEN
YEAR = 2027

_PROFESSIONS = [
    ("sosu_helper", 30),
    ("sosu_assistant", 25),
    ("nurse", 20),
    ("physiotherapist", 6),
    ("occupational_therapist", 6),
    ("gp", 3),
    ("hospital_doctor", 4),
    ("priest", 1),
]


@dataclass(frozen=True)
class Municipality:
    """Everything a workload needs, generated once."""

    staff: list[lm.Professional]
    cases: list[lm.CitizenCase]
    meetings: list[lm.Meeting]
    requests: list[lm.MeetingRequest]


_KOMMUNE = lm.Organisation("k", "Syntetisk Kommune", CAT.sector("municipality"))
_HOSPITAL = lm.Organisation("h", "Syntetisk Sygehus", CAT.sector("hospital"))
_PRACTICE = lm.Organisation("lp", "Syntetisk Lægehus", CAT.sector("general_practice"))
_ORGANISATIONS = tuple(o.id for o in (_KOMMUNE, _HOSPITAL, _PRACTICE))
"""The ids of the organisations the synthetic staff work in."""


def _units(rng: random.Random, n: int) -> list[lm.Unit]:
    orgs = [_KOMMUNE, _KOMMUNE, _KOMMUNE, _HOSPITAL, _PRACTICE]
    return [
        lm.Unit(id=f"u-{i:04d}", name=f"Enhed {i}", organisation=orgs[i % len(orgs)])
        for i in range(n)
    ]


def staff(rng: random.Random, count: int) -> list[lm.Professional]:
    """*count* professionals in units of about 30, mostly municipal.

    Every tenth is a key person, as the source documents advise: someone in
    each unit who facilitates learning meetings.
    """
    units = _units(rng, max(1, count // 30))
    codes = [c for c, w in _PROFESSIONS for _ in range(w)]
    return [
        lm.Professional(
            id=f"p-{i:05d}",
            profession=CAT.profession(rng.choice(codes)),
            unit=units[i % len(units)],
            roles={lm.StaffRole.KEY_PERSON} if i % 10 == 0 else (),
            # Key persons have done the facilitator training (LM146).
            completed_courses={lm.FACILITATOR_COURSE} if i % 10 == 0 else (),
        )
        for i in range(count)
    ]


def _attendees(people: list[lm.Professional]) -> list[lm.Attendee]:
    """The first key person facilitates; everybody else takes part."""
    keys = [p for p in people if p.can_facilitate]
    first = keys[0] if keys else people[0]
    rest = [p for p in people if p is not first]
    out = [
        lm.Attendee(
            person=first, role=lm.AttendeeRole.FACILITATOR, rsvp=lm.Rsvp.ACCEPTED
        )
    ]
    out += [
        lm.Attendee(person=p, role=lm.AttendeeRole.PARTICIPANT, rsvp=lm.Rsvp.ACCEPTED)
        for p in rest
    ]
    return out


def municipality(
    scale: int = 1, *, seed: int = 2027, meetings: int | None = None
) -> Municipality:
    """A municipality of *scale* times 3,000 staff, 500 cases, 20,000 meetings."""
    rng = random.Random(seed * 1000 + scale)
    people = staff(rng, 3000 * scale)
    cases = []
    for i in range(500 * scale):
        # A care team of six with a key person in it, so a realistic plan
        # has a qualified facilitator for its learning meetings.
        key = people[10 * rng.randrange(len(people) // 10)]
        team = [key, *(p for p in rng.sample(people, 6) if p is not key)][:6]
        cases.append(
            lm.CitizenCase(
                id=f"c-{i:05d}",
                citizen=lm.Citizen(f"B-{i:05d}"),
                care_team=team,
                # The citizen consents to the course being shared with the
                # other sectors' organisations whose staff join (LM125).
                consent=lm.Consent(
                    given_on=date(YEAR - 1, 12, 1),
                    purposes={
                        lm.ConsentPurpose.LEARNING,
                        lm.ConsentPurpose.DISCLOSURE,
                    },
                    recipients=_ORGANISATIONS,
                ),
            )
        )
    fmt = CAT.format("learning_meeting")
    count = 20_000 * scale if meetings is None else meetings
    found = []
    requests = []
    start_of_year = datetime(YEAR, 1, 4, 8, tzinfo=CPH)
    for i in range(count):
        case = cases[i % len(cases)]
        people_here = list(case.care_team)[: rng.randint(6, 6)]
        people_here += rng.sample(people, rng.randint(0, 4))
        unique = list({p.id: p for p in people_here}.values())
        day = start_of_year + timedelta(days=rng.randrange(0, 360))
        start = day.replace(hour=rng.choice([8, 9, 10, 12, 13, 14]))
        attendees = _attendees(unique)
        found.append(
            lm.Meeting(
                id=f"m-{i:06d}",
                format=fmt,
                start=start,
                duration=timedelta(hours=1),
                attendees=attendees,
                case=case,
                reflection=lm.DEFAULT_REFLECTION,
            )
        )
        earliest = date(YEAR, 1, 4) + timedelta(days=rng.randrange(0, 330))
        requests.append(
            lm.MeetingRequest(
                id=f"r-{i:06d}",
                format=fmt,
                attendees=attendees[: rng.randint(3, 5)],
                earliest=earliest,
                latest=earliest + timedelta(days=28),
                duration=timedelta(minutes=60),
                case=case,
            )
        )
    return Municipality(people, cases, found, requests)


def sample_copies(k: int) -> lm.Scenario:
    """*k* copies of the sample municipality (47 staff, 10 cases, 3 forums each).

    Every id of copy *j* gets the suffix ``-j``, so the copies share nobody;
    the scenario grows in staff, cases, forums and areas alike. 64 copies
    are a municipality of about 3,000 staff.
    """
    text = (
        files("learnmeet.data").joinpath("sample_municipality.json").read_text("utf-8")
    )
    document = json.loads(text)
    ids: set[str] = set()
    for part in ("data", "included"):
        for section in document[part].values():
            if isinstance(section, dict):
                ids |= set(section)
    # A person in a meeting is referred to as "kind:id".
    pattern = re.compile(
        '"((?:professional:|citizen:|relative:)?)('
        + "|".join(map(re.escape, sorted(ids, key=len, reverse=True)))
        + ')"'
    )
    merged: dict[str, Any] = {}
    for j in range(k):
        suffix = f"-{j}"
        copy = json.loads(
            pattern.sub(lambda m, s=suffix: f'"{m.group(1)}{m.group(2)}{s}"', text)
        )
        for part in ("data", "included"):
            into = merged.setdefault(part, {})
            for key, section in copy[part].items():
                if isinstance(section, dict):
                    into.setdefault(key, {}).update(section)
                else:
                    into.setdefault(key, section)
    document.update(merged)
    return lm.from_dict(lm.Scenario, document)


@dataclass
class Tight:
    """A hard instance: more one-hour requests than the days hold.

    ``spans`` gives, for each request, its people's indices and its first
    and last day (0 is the Monday), for a model of the plain problem.
    """

    requests: list[lm.MeetingRequest]
    spans: list[tuple[list[int], int, int]]
    days: int


def tight(seed: int, days: int = 2) -> Tight:
    """40 staff, 150 one-hour requests of 3-5 people in *days* working days.

    The generator of the planning case ``schedule_quality_vs_cpsat.py``
    (the same random draws, so the same instance for the same seed): teams
    of 8 that overlap, each request 3-5 of one team, a window of one or two
    days from Monday 1 March 2027; working hours 08-16.
    """
    rng = random.Random(seed)
    unit = lm.Unit(
        id="u-1",
        name="Enhed",
        organisation=lm.Organisation("k", "Kommune", CAT.sector("municipality")),
    )
    people = [
        lm.Professional(
            id=f"p-{i:03d}",
            profession=CAT.profession("nurse"),
            unit=unit,
            roles={lm.StaffRole.KEY_PERSON},
        )
        for i in range(40)
    ]
    teams = [[(i + j) % 40 for j in range(8)] for i in range(0, 40, 4)]
    spans = []
    for _ in range(150):
        team = rng.choice(teams)
        chosen = rng.sample(team, rng.randint(3, 5))
        first = rng.randrange(0, days)
        last = min(days - 1, first + rng.randint(0, 1))
        spans.append((chosen, first, last))
    monday = date(YEAR, 3, 1)
    fmt = CAT.format("learning_meeting")
    requests = [
        lm.MeetingRequest(
            id=f"r-{i:03d}",
            format=fmt,
            attendees=[
                lm.Attendee(
                    person=people[p],
                    role=lm.AttendeeRole.FACILITATOR
                    if j == 0
                    else lm.AttendeeRole.PARTICIPANT,
                )
                for j, p in enumerate(chosen)
            ],
            earliest=monday + timedelta(days=first),
            latest=monday + timedelta(days=last),
            duration=timedelta(hours=1),
        )
        for i, (chosen, first, last) in enumerate(spans)
    ]
    return Tight(requests, spans, days)
