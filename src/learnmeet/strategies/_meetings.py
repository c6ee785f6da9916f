"""Strategies for meetings that fit their format, forums and scenarios."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

import attrs
from hypothesis import assume, reject, strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.catalog._reflection import QUESTION_BANK
from learnmeet.exceptions import InvalidValueError, Label, shown
from learnmeet.model._arguments import checked, expect_count
from learnmeet.model._cases import CaseOrigin, CitizenCase, PalliativeLevel, Transition
from learnmeet.model._completions import CourseCompletion
from learnmeet.model._cycle import ReflectionCycle
from learnmeet.model._formats import FictionalCase, FormatRequirements, MeetingFormat
from learnmeet.model._forums import Forum
from learnmeet.model._meetings import (
    Attendance,
    Attendee,
    AttendeeRole,
    Cancellation,
    CancellationReason,
    Cohort,
    Location,
    LocationKind,
    Meeting,
    MeetingStatus,
    Participation,
    Reflection,
    Rsvp,
)
from learnmeet.model._people import (
    Area,
    Citizen,
    Organisation,
    Profession,
    Professional,
    Sector,
    StaffRole,
    Unit,
)
from learnmeet.model._reflection import PhaseKind
from learnmeet.model._scenario import Scenario
from learnmeet.model._time import COPENHAGEN
from learnmeet.rules._case import FICTIONAL_CASE
from learnmeet.rules._validate import validate
from learnmeet.strategies._availability import absences, working_patterns
from learnmeet.strategies._cases import _consent_on, _transition
from learnmeet.strategies._common import (
    _IDS,
    _REAL_SAYINGS,
    _RECENT_FIRST,
    _RECENT_LAST,
    _RULES,
    _TEXT,
    _between,
    _code,
    _days,
    _distinct,
    _fresh,
    _pick,
    _working_days,
)
from learnmeet.strategies._people import (
    _RELATIVE_PARTS,
    _relative,
    areas,
    labels,
    professionals,
    units,
)
from learnmeet.strategies._projects import programmes


@st.composite
def _format_requirements(draw: st.DrawFn) -> FormatRequirements:
    min_prof = draw(st.integers(0, 3))
    max_prof = draw(st.none() | st.integers(max(min_prof, 1), 6))
    min_att = draw(st.integers(0, 4))
    max_att = draw(st.none() | st.integers(min_att, 30))
    fill = draw(st.none() | st.integers(0, max_att if max_att is not None else 30))
    return FormatRequirements(
        min_professions=min_prof,
        max_professions=max_prof,
        min_sectors=draw(st.integers(0, 3)),
        min_attendees=min_att,
        max_attendees=max_att,
        min_fill=fill,
        case_required=draw(st.booleans()),
        fictional_case=draw(st.sampled_from(FictionalCase)),
        consent_required=draw(st.booleans()),
        transition_required=draw(st.booleans()),
        citizen_present=draw(st.booleans()),
        at_citizen_home=draw(st.booleans()),
        reflection_required=draw(st.booleans()),
        facilitator_required=draw(st.booleans()),
        host_required=draw(st.booleans()),
        min_host_attendees=draw(st.integers(0, 4)),
        max_outside_care_team_share=draw(st.none() | st.floats(0, 1)),
        prerequisite_course=draw(st.none() | st.just("palliation_mono")),
        cohort_by_area=draw(st.booleans()),
        own_citizen=draw(st.booleans()),
        on_site=draw(st.booleans()),
        required_role=draw(st.none() | st.sampled_from(StaffRole)),
        facilitator_course=draw(st.none() | st.just("facilitator_training")),
        max_profession_groups=draw(st.none() | st.integers(max(min_prof, 1), 6)),
        prerequisite_courses=draw(
            st.sampled_from(
                [{}, {"nurse": "palliation_nurse", "sosu": "palliation_sosu"}]
            )
        ),
    )


@checked
def format_requirements() -> SearchStrategy[FormatRequirements]:
    """Consistent format requirements (every minimum at most its maximum).

    >>> needs = find(lst.format_requirements(), lambda _: True, settings=quick)
    >>> needs.max_attendees is None or needs.min_attendees <= needs.max_attendees
    True

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 A required staff role and a facilitator course.
    """
    return _format_requirements()


@checked
def locations() -> SearchStrategy[Location]:
    """Locations of any kind; on site, sometimes with a place key and a room.

    >>> location = find(lst.locations(), lambda _: True, settings=quick)
    >>> location.kind in set(lm.LocationKind)
    True

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 A place and a room on site.
    """
    elsewhere = st.builds(
        Location,
        st.sampled_from([LocationKind.CITIZEN_HOME, LocationKind.ONLINE]),
        st.just("") | _TEXT,
    )
    on_site = st.builds(
        Location,
        st.just(LocationKind.ON_SITE),
        st.just("") | _TEXT,
        place=st.none() | _code("sted"),
        room=st.none() | _code("lokale"),
    )
    return elsewhere | on_site


#: What a meeting's reflection asks, in both languages: questions Danish care
#: staff ask, the plainest first (shrinking goes there). Some hold what has
#: broken renderers and exports: quotes, markup and an ampersand, a line
#: break, a tab, right-to-left and bidirectional text, an emoji beyond the
#: Basic Multilingual Plane, a combining accent, a formula's equals sign.
_QUESTIONS = (
    Label(da="Hvad skete der?", en="What happened?"),
    Label(
        da="Hvad gik godt, da borgeren kom hjem fra sygehuset?",
        en="What went well when the citizen came home from hospital?",
    ),
    Label(
        da="Hvordan oplevede borgeren og de pårørende forløbet?",
        en="How did the citizen and the relatives experience the course?",
    ),
    Label(
        da="Hvad lærte vi af faldet i går?",
        en="What did we learn from yesterday's fall?",
    ),
    Label(
        da="Hvem gør hvad før næste møde?",
        en="Who does what before the next meeting?",
    ),
    Label(
        da="Hvad ville vi gøre anderledes næste gang?",
        en="What would we do differently next time?",
    ),
    Label(
        da="Hvilken viden manglede vi om smertebehandlingen?",
        en="What did we not know about the pain relief?",
    ),
    Label(
        da='Hvad betød "tryghed" for borgeren – og for os?',
        en='What did "feeling safe" mean to the citizen – and to us?',
    ),
    Label(
        da="Stod der noget i <epikrisen> & plejeplanen?",
        en="Did the <discharge letter> & the care plan say anything?",
    ),
    Label(
        da="Hvad sagde sygeplejersken?\nHvad sagde lægen?",
        en="What did the nurse say?\nWhat did the doctor say?",
    ),
    Label(
        da="Hvordan talte vi med familien på arabisk (مرحبا) og hebraisk (שלום)?",
        en="How did we talk with the family in Arabic (مرحبا) and Hebrew (שלום)?",
    ),
    Label(
        da="Hvad gav borgeren mest ro? 🙂 👩🏽\u200d⚕️",
        en="What calmed the citizen most? 🙂 👩🏽\u200d⚕️",
    ),
    Label(
        da="Læste vi notatet \u202eB-017\u202c\tog Ærø\u0301-aftalen?",
        en="Did we read the note \u202eB-017\u202c\tand the Ærø\u0301 agreement?",
    ),
    Label(da="=SUM(A1) – hvad tæller vi?", en="=SUM(A1) – what do we count?"),
)
_MODEL_CODES = st.sampled_from(tuple(m.code for m in QUESTION_BANK.models))
_ASKED = st.lists(st.sampled_from(_QUESTIONS), min_size=1, max_size=3, unique=True)
_ASKED_FREELY = st.lists(labels(), min_size=1, max_size=5)


@checked
def reflections(*, free_text: bool = False) -> SearchStrategy[Reflection]:
    """Reflections of a built-in model with one to three bilingual questions.

    The questions are ones Danish care staff ask, in Danish and English;
    some hold what breaks renderers and exports: quotes, ``<`` and ``&``, a
    line break and a tab, right-to-left text, an emoji, a combining accent.
    They are drawn from a fixed list, which is fast.

    Args:
        free_text: ``True`` for one to five questions of any text
            :func:`labels` draws — long text (up to 600 characters), control
            and invisible characters, any script — for a renderer that must
            take whatever text a user types; slower to draw.

    >>> @settings(max_examples=10, database=None)
    ... @given(lst.reflections())
    ... def test_questions_in_both_languages(reflection):
    ...     assert 1 <= len(reflection.questions) <= 3
    ...     assert all(q.da and q.en for q in reflection.questions)
    >>> test_questions_in_both_languages()

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.4.0 One to three questions from a list of
       realistic ones by default (was one to five of any text); *free_text*.
    """
    return st.builds(Reflection, _MODEL_CODES, _ASKED_FREELY if free_text else _ASKED)


@checked
def cohorts(area: Area | None = None) -> SearchStrategy[Cohort]:
    """Cohorts of one area.

    Of *area* if given, else of a generated one; the id is ``hold-`` and the
    area's code, so one area is one cohort.

    >>> area = find(lst.areas(), lambda _: True, settings=quick)
    >>> cohort = find(lst.cohorts(area), lambda _: True, settings=quick)
    >>> cohort.area == area, area.code in cohort.id
    (True, True)

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda a: Cohort(f"hold-{a.code}", a), st.just(area) if area else areas()
    )


@checked
def cancellations() -> SearchStrategy[Cancellation]:
    """Cancellations with a reason.

    Any :class:`~learnmeet.CancellationReason`, with or without a note.

    >>> cancellation = find(lst.cancellations(), lambda _: True, settings=quick)
    >>> cancellation.reason in set(lm.CancellationReason)
    True

    .. versionadded:: 0.1.0
    """
    return st.builds(
        Cancellation, st.sampled_from(CancellationReason), st.just("") | _TEXT
    )


@checked
def attendees(*, pool: Scenario | None = None) -> SearchStrategy[Attendee]:
    """Professional attendees in any professional role and answer.

    >>> attendee = find(lst.attendees(), lambda _: True, settings=quick)
    >>> isinstance(attendee.person, lm.Professional)
    True
    >>> attendee.role in set(lm.AttendeeRole), attendee.rsvp in set(lm.Rsvp)
    (True, True)

    Args:
        pool: A scenario of your own: every attendee is one of its
            professionals, as listed. A generated professional by default.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *pool*.
    """
    people: SearchStrategy[Professional] = (
        professionals() if pool is None else _listed(pool)
    )
    return st.builds(
        lambda p, role, part, rsvp, came: Attendee(
            person=p, role=role, participation=part, rsvp=rsvp, attended=came
        ),
        people,
        st.sampled_from(
            [
                AttendeeRole.FACILITATOR,
                AttendeeRole.CASE_PRESENTER,
                AttendeeRole.PARTICIPANT,
                AttendeeRole.HOST,
                AttendeeRole.OBSERVER,
            ]
        ),
        st.sampled_from(Participation),
        st.sampled_from(Rsvp),
        st.sampled_from(Attendance),
    )


def _listed(pool: Scenario) -> SearchStrategy[Professional]:
    """The professionals on *pool*'s staff list, or a clear error if none."""
    if not pool.professionals:
        raise InvalidValueError(
            reason=Label(
                da="puljen har ingen fagpersoner", en="the pool has no professionals"
            ),
            fix=Label(
                da="giv et scenarie med en personaleliste",
                en="give a scenario with a staff list",
            ),
            where="attendees",
            path=("pool",),
        )
    return st.sampled_from(pool.professionals)


_ANSWERS = (Rsvp.ACCEPTED, Rsvp.TENTATIVE, Rsvp.NEEDS_ACTION)
_COUNTS = (Participation.REQUIRED, Participation.OPTIONAL)
_PRO_ANSWERS = st.sampled_from(_ANSWERS)
_COUNTED = st.sampled_from(_COUNTS)


# Strategies _valid_meeting draws from, built once: a strategy made inside a
# composite is new at every draw, and hypothesis checks every new strategy
# before its first draw — that checking cost more than the drawing.
_MINUTES = st.integers(15, 240)
_FACILITATING = st.sampled_from([StaffRole.KEY_PERSON, StaffRole.FACILITATOR])
#: The staff roles of a generated meeting's professional: most have none, some
#: one, a few two that go together.
_ROLE_SETS: tuple[frozenset[StaffRole], ...] = (
    *[frozenset()] * 8,
    *(frozenset({role}) for role in StaffRole),
    frozenset({StaffRole.KEY_PERSON, StaffRole.FACILITATOR}),
    frozenset({StaffRole.LEADER, StaffRole.COORDINATOR}),
)
#: The courses a professional has beyond what the format needs: mostly none.
_EXTRA_COURSES: tuple[frozenset[str], ...] = (*[frozenset()] * 3, frozenset({"demens"}))


class _Part(NamedTuple):
    """What one professional of a generated meeting is besides their place."""

    roles: frozenset[StaffRole]
    courses: frozenset[str]
    participation: Participation
    rsvp: Rsvp
    #: Whether the course the profession needs for the format (if any) is a
    #: dated completion, not an undated one.
    dated: bool


#: Every professional's roles, courses, answer and how a needed course is
#: held in one draw: one choice where five strategies took several, and the
#: plainest first.
_PARTS = st.sampled_from(
    tuple(
        _Part(*chosen)
        for chosen in itertools.product(
            _ROLE_SETS, _EXTRA_COURSES, _COUNTS, _ANSWERS, (False, True)
        )
    )
)
_ORIGINS = st.sampled_from(CaseOrigin)
_LEVELS = st.sampled_from(PalliativeLevel)
_STATUSES = st.sampled_from(MeetingStatus)
_PLACES = st.sampled_from([LocationKind.ON_SITE, LocationKind.ONLINE])
_AREAS = areas()
_REFLECTIONS = reflections()
_CANCELLATIONS = cancellations()
_SOMETIMES = st.integers(0, 3).map(lambda n: n == 0)
_RELATIVE_PARTS_LIST = st.lists(_RELATIVE_PARTS, max_size=1)

#: The working day every generated meeting lies within, in minutes after
#: midnight: the default :class:`~learnmeet.WorkingHours`, 08:00 to 16:00, so
#: the default context's working-hours rule (LM203) finds nothing.
_DAY_START = 8 * 60
_DAY_END = 16 * 60
#: Professional attendees of a meeting by default, where the format allows.
_USUAL_LEAST = 6
_USUAL_MOST = 10


class _Ask(NamedTuple):
    """What a caller asked :func:`meetings` for, checked once."""

    catalog: Catalog
    case_origin: CaseOrigin | None
    least: int | None
    most: int | None
    days: tuple[date, ...]
    zone: ZoneInfo
    area: Area | None
    status: MeetingStatus | None
    pool: Scenario | None

    def __repr__(self) -> str:
        # Hypothesis shows the arguments of a strategy in its repr: a whole
        # catalogue or scenario would make it hundreds of kilobytes.
        pool = "" if self.pool is None else f", pool={self.pool.name!r}"
        return (
            f"_Ask(least={self.least}, most={self.most}, "
            f"days={self.days[0]}..{self.days[-1]}{pool})"
        )


def _refuse_fictional(fmt: MeetingFormat) -> None:
    raise InvalidValueError(
        reason=Label(
            da=f"mødeformen {fmt.code} med en fiktiv case er aldrig gyldig",
            en=f"a {fmt.code} with a fictional case is never valid",
        ),
        fix=Label(
            da=f"brug breaches({FICTIONAL_CASE.code!r}) til møder med en fiktiv case",
            en=f"use breaches({FICTIONAL_CASE.code!r}) for meetings with a fictional "
            "case",
        ),
        where="meetings",
        path=("case_origin",),
    )


def _seats(req: FormatRequirements) -> int | None:
    """How many professionals a meeting of the format holds at most."""
    if req.max_attendees is None:
        return None
    return req.max_attendees - (1 if req.citizen_present else 0)


def _host(req: FormatRequirements) -> tuple[int, int]:
    """Which person hosts, and how many come from the host's organisation.

    The facilitator is person 0; the host is the next person, and the host's
    organisation supplies the first ``host_group`` people.
    """
    host_index = 1 if req.facilitator_required else 0
    host_group = max(req.min_host_attendees, host_index + 1) if req.host_required else 0
    return host_index, host_group


def _least_professions(req: FormatRequirements) -> int:
    return max(req.min_professions, 1)


def _least_sectors(req: FormatRequirements) -> int:
    return max(req.min_sectors, 2 if req.transition_required else 1)


def _need(req: FormatRequirements, professions: int, sectors: int) -> int:
    """The fewest professionals a meeting needs to fit its format."""
    citizen_seats = 1 if req.citizen_present else 0
    host_index, host_group = _host(req)
    return max(
        req.min_attendees - citizen_seats,
        (req.min_fill or 0) - citizen_seats,
        professions,
        host_group + sectors - 1,
        sectors,
        host_index + 1,
    )


def _professions_at_most(req: FormatRequirements, catalog: Catalog) -> int:
    """How many professions of *catalog* one meeting of the format can have."""
    if req.max_profession_groups is None:
        return len(catalog.professions)
    sizes = Counter(p.group_code for p in catalog.professions)
    return sum(sorted(sizes.values(), reverse=True)[: req.max_profession_groups])


def _misfit(fmt: MeetingFormat, ask: _Ask) -> tuple[str, Label] | None:
    """Why no meeting of *fmt* can be what *ask* asks, and which argument.

    ``None`` if one can.
    """
    req = fmt.requirements
    if (
        ask.case_origin is CaseOrigin.FICTIONAL
        and req.fictional_case is FictionalCase.REFUSED
    ):
        return "case_origin", Label(da="ingen fiktiv case", en="no fictional case")
    professions = _least_professions(req)
    if professions > _professions_at_most(req, ask.catalog):
        return "catalog", Label(
            da=f"{professions} faggrupper, kataloget har færre",
            en=f"{professions} professions, the catalogue has fewer",
        )
    sectors = _least_sectors(req)
    if sectors > len(ask.catalog.sectors):
        return "catalog", Label(
            da=f"{sectors} sektorer, kataloget har færre",
            en=f"{sectors} sectors, the catalogue has fewer",
        )
    if ask.pool is not None:
        why = _pool_misfit(req, ask.pool, ask.area)
        if why is not None:
            return "pool", why
    seats = _seats(req)
    if ask.least is not None and seats is not None and ask.least > seats:
        return "min_attendees", Label(
            da=f"højst {seats} fagpersoner", en=f"at most {seats} professionals"
        )
    need = _need(req, professions, sectors)
    if ask.most is not None and need > ask.most:
        return "max_attendees", Label(
            da=f"mindst {need} fagpersoner", en=f"at least {need} professionals"
        )
    return None


_SIZES_FIX = Label(
    da="vælg en mødeform, der kan rumme antallet, eller et andet antal",
    en="pick a format that holds that many, or another number",
)
_MISFIT_FIXES = {
    "case_origin": Label(
        da="vælg en mødeform, der tager imod en fiktiv case, eller en anden oprindelse",
        en="pick a format that takes a fictional case, or another origin",
    ),
    "catalog": Label(
        da="giv et katalog med flere faggrupper og sektorer, eller vælg en anden "
        "mødeform",
        en="give a catalogue with more professions and sectors, or pick another format",
    ),
    "pool": Label(
        da="giv en pulje med de fagpersoner og forløb, mødeformen kræver, eller "
        "vælg en mødeform, puljen kan rumme",
        en="give a pool with the professionals and cases the format needs, or "
        "pick a format the pool can hold",
    ),
    "min_attendees": _SIZES_FIX,
    "max_attendees": _SIZES_FIX,
}
"""How to mend each argument that asks for what no format can be."""


def _pool_misfit(
    req: FormatRequirements, pool: Scenario, area: Area | None
) -> Label | None:
    """Why *pool* can never make a meeting of the format, or ``None``."""
    staff = _staff(pool, area)
    if (req.case_required or req.citizen_present) and not pool.cases:
        return Label(
            da="en borgers forløb, puljen har ingen", en="a case, the pool has none"
        )
    if req.facilitator_required and not any(
        _qualified(req, p) and _facilitates(req, p) for p in staff
    ):
        return Label(
            da="en uddannet facilitator, puljen har ingen",
            en="a trained facilitator, the pool has none",
        )
    if not any(_qualified(req, p) for p in staff):
        return Label(
            da="fagpersoner med formens kursus, puljen har ingen",
            en="professionals with the format's course, the pool has none",
        )
    return None


def _refuse_sizes(
    misfits: dict[str, tuple[str, Label]], *, fixed: bool
) -> InvalidValueError:
    """The refusal of arguments no format (or not the one asked for) can meet.

    The path is the format asked for, else the argument most formats fail
    on; the fix mends every argument that is named.
    """
    said = [f"{code} ({why.en})" for code, (_, why) in misfits.items()]
    said_da = [f"{code} ({why.da})" for code, (_, why) in misfits.items()]
    listed_en = "; ".join(said[:4]) + (
        f" and {len(said) - 4} more" if len(said) > 4 else ""
    )
    listed_da = "; ".join(said_da[:4]) + (
        f" og {len(said) - 4} mere" if len(said) > 4 else ""
    )
    causes = Counter(argument for argument, _ in misfits.values())
    fixes = list(dict.fromkeys(_MISFIT_FIXES[a] for a, _ in causes.most_common()))
    return InvalidValueError(
        reason=Label(
            da=f"mødeformen kan ikke blive sådan et møde: {listed_da}"
            if fixed
            else f"ingen mødeform i kataloget kan blive sådan et møde: {listed_da}",
            en=f"the format cannot make such a meeting: {listed_en}"
            if fixed
            else f"no format of the catalogue can make such a meeting: {listed_en}",
        ),
        fix=Label(da="; ".join(f.da for f in fixes), en="; ".join(f.en for f in fixes)),
        where="meetings",
        path=("format",) if fixed else (causes.most_common(1)[0][0],),
    )


def _window(start: date | None, end: date | None, *, where: str) -> tuple[date, ...]:
    """The working days from *start* to *end* (recent years by default)."""
    first = start if start is not None else _RECENT_FIRST
    last = end if end is not None else max(_RECENT_LAST, first + timedelta(days=365))
    if start is None and end is not None:
        first = min(first, last - timedelta(days=365))
    days = _working_days(first, last) if first <= last else ()
    if not days:
        raise InvalidValueError(
            reason=Label(
                da=f"der er ingen arbejdsdag fra {first.isoformat()} til "
                f"{last.isoformat()}",
                en=f"there is no working day from {first.isoformat()} to "
                f"{last.isoformat()}",
            ),
            fix=Label(
                da="giv et vindue med mindst én hverdag, der ikke er en helligdag",
                en="give a window with at least one weekday that is no holiday",
            ),
            where=where,
            path=("start",),
        )
    return days


def _start(
    draw: st.DrawFn, fmt: MeetingFormat, ask: _Ask, days: Sequence[date]
) -> tuple[datetime, timedelta]:
    """A start on a working day in working hours, and a duration ending by 16:00."""
    minutes = (
        draw(_MINUTES)
        if draw(st.booleans())
        else int(fmt.default_duration.total_seconds() // 60)
    )
    minutes = min(minutes, _DAY_END - _DAY_START)
    slot = draw(_between(0, (_DAY_END - _DAY_START - minutes) // 15))
    at = _DAY_START + 15 * slot
    start = datetime.combine(
        _pick(draw, days), time(at // 60, at % 60), tzinfo=ask.zone
    )
    return start, timedelta(minutes=minutes)


def _count(draw: st.DrawFn, req: FormatRequirements, ask: _Ask, need: int) -> int:
    """How many professionals: 6-10 where the format allows, else as asked."""
    seats = _seats(req)
    need = max(need, ask.least or 0)
    if ask.least is None and ask.most is None:
        low = max(need, min(_USUAL_LEAST, seats or _USUAL_LEAST))
        high = max(low, min(_USUAL_MOST, seats or _USUAL_MOST))
        return draw(_between(low, high))
    top = ask.most if ask.most is not None else need + 6
    if seats is not None:
        top = min(top, seats)
    return draw(_between(need, max(need, top)))


def _limit(req: FormatRequirements, ask: _Ask) -> int | None:
    seats = _seats(req)
    limits = [x for x in (seats, ask.most) if x is not None]
    return min(limits) if limits else None


_DONE_DAYS_BEFORE = st.integers(1, 900)
_EXPIRES_DAYS_AFTER = st.none() | st.integers(0, 900)


def _valid_completion(draw: st.DrawFn, course: str, day: date) -> CourseCompletion:
    """A completion of *course* that counts on *day*: done before, not expired."""
    done = day - timedelta(days=draw(_DONE_DAYS_BEFORE))
    expires = draw(_EXPIRES_DAYS_AFTER)
    return CourseCompletion(
        course=course,
        completed_on=done,
        expires_on=None if expires is None else day + timedelta(days=expires),
    )


@st.composite
def _valid_meeting(draw: st.DrawFn, fmt: MeetingFormat, ask: _Ask) -> Meeting:
    if ask.pool is not None:
        return _pool_meeting(draw, fmt, ask)
    req = fmt.requirements
    catalog = ask.catalog
    start, duration = _start(draw, fmt, ask, ask.days)
    limit = _limit(req, ask)
    host_index, host_group = _host(req)
    # How many professions and sectors, and who hosts: never more than the
    # catalogue has or the meeting may hold.
    least_professions = _least_professions(req)
    n_prof = draw(_between(least_professions, least_professions + 2))
    n_prof = min(n_prof, _professions_at_most(req, catalog))
    if req.max_professions is not None:
        n_prof = min(n_prof, req.max_professions)
    least_sectors = _least_sectors(req)
    n_sect = min(draw(_between(least_sectors, least_sectors + 1)), len(catalog.sectors))
    if limit is not None:
        n_prof = max(least_professions, min(n_prof, limit))
        n_sect = max(least_sectors, min(n_sect, limit, limit - host_group + 1))
    count = _count(draw, req, ask, _need(req, n_prof, n_sect))

    pool = list(catalog.professions)
    if req.max_profession_groups is not None:
        # Professions of as many groups as a course for related professions
        # takes, and of enough groups for the professions it needs.
        by_size = Counter(p.group_code for p in pool)
        groups = sorted(by_size)
        kept = _distinct(draw, groups, min(req.max_profession_groups, len(groups)))
        if sum(by_size[g] for g in kept) < least_professions:
            kept = sorted(groups, key=lambda g: -by_size[g])[
                : req.max_profession_groups
            ]
        pool = [p for p in pool if p.group_code in kept]
        n_prof = min(n_prof, len(pool))
    chosen_professions = _distinct(draw, pool, n_prof)
    chosen_sectors = _distinct(draw, catalog.sectors, n_sect)
    area = ask.area if ask.area is not None else draw(_AREAS)
    cohort = Cohort(f"hold-{area.code}", area) if req.cohort_by_area else None
    ids = draw(_IDS)
    units_by_sector = {}
    for sector in chosen_sectors:
        number = ids.take()
        org = Organisation(
            f"org-{sector.code}-{number:04d}", f"Eksempel {sector.label.da}", sector
        )
        units_by_sector[sector.code] = Unit(
            id=f"unit-{sector.code}-{number:04d}",
            name=f"Enhed, {org.name}",
            organisation=org,
            area=area
            if req.cohort_by_area or sector.code == "municipality" or ask.area
            else None,
        )
    sector_plan = [chosen_sectors[0]] * host_group
    sector_plan += chosen_sectors[1:] if host_group else chosen_sectors
    sector_plan, profession_plan = _plans(
        draw, sector_plan, chosen_sectors, chosen_professions, count
    )
    trained = {req.facilitator_course} if req.facilitator_course else set()
    people = []
    answers = []
    for i in range(count):
        course = req.prerequisite_for(profession_plan[i])
        courses = {course} if course else set()
        part = draw(_PARTS)
        roles = set(part.roles)
        needed = set(courses)
        if i == 0 and req.facilitator_required:
            roles.add(draw(_FACILITATING))
            needed |= trained
        elif req.required_role is not None:
            roles.add(req.required_role)
        # Each course the meeting needs is undated, or dated and valid on
        # the meeting's day. Whether the profession's own course is dated is
        # drawn with the rest of the person, needed or not: a profession that
        # needs no course then takes no fewer choices, so the plainest
        # meeting is also the one of fewest choices, the one shrinking ends at.
        dated = [
            _valid_completion(draw, code, start.date())
            for code in sorted(needed)
            if (part.dated if code == course else draw(st.booleans()))
        ]
        undated = needed - {c.course for c in dated}
        people.append(
            Professional(
                id=f"p-{ids.take():04d}",
                profession=profession_plan[i],
                unit=units_by_sector[sector_plan[i].code],
                roles=roles,
                completed_courses=undated | part.courses,
                completions=dated,
            )
        )
        answers.append((part.participation, part.rsvp))
    role_of = {p.id: AttendeeRole.PARTICIPANT for p in people}
    if req.facilitator_required:
        role_of[people[0].id] = AttendeeRole.FACILITATOR
    if req.host_required:
        role_of[people[host_index].id] = AttendeeRole.HOST
    # The case.
    wants_case = (
        req.case_required
        or req.citizen_present
        or ask.case_origin is not None
        or draw(st.booleans())
    )
    case = None
    if wants_case:
        origin = ask.case_origin or (
            CaseOrigin.CONCRETE
            if req.fictional_case is not FictionalCase.ALLOWED
            else draw(_ORIGINS)
        )
        moves: list[Transition] = []
        if req.transition_required:
            moves = [
                _transition(draw, chosen_sectors[0], chosen_sectors[1], start.date())
            ]
        citizen = Citizen(_fresh(draw, "B"))
        case = CitizenCase(
            id=_fresh(draw, "c"),
            citizen=citizen,
            origin=origin,
            palliative_level=draw(_LEVELS),
            care_team=people,
            relatives=[
                _relative(citizen, *parts) for parts in draw(_RELATIVE_PARTS_LIST)
            ],
            transitions=moves,
            consent=_consent_on(draw, start.date(), None),
        )
    return _assemble(
        draw, fmt, ask, start, duration, people, role_of, case, cohort, answers
    )


def _plans(
    draw: st.DrawFn,
    sector_plan: list[Sector],
    sectors: Sequence[Sector],
    professions: Sequence[Profession],
    count: int,
) -> tuple[list[Sector], list[Profession]]:
    """The sector and the profession of each of *count* professionals.

    *sector_plan* and the professions, each once, come first; the rest are
    drawn, a sector and a profession together in one choice.
    """
    sector_plan = list(sector_plan)
    profession_plan = list(professions)
    both = _between(0, len(sectors) * len(professions) - 1)
    for i in range(count):
        if i >= len(sector_plan) and i >= len(profession_plan):
            sector, profession = divmod(draw(both), len(professions))
            sector_plan.append(sectors[sector])
            profession_plan.append(professions[profession])
        elif i >= len(sector_plan):
            sector_plan.append(_pick(draw, sectors))
        elif i >= len(profession_plan):
            profession_plan.append(_pick(draw, professions))
    return sector_plan, profession_plan


def _assemble(
    draw: st.DrawFn,
    fmt: MeetingFormat,
    ask: _Ask,
    start: datetime,
    duration: timedelta,
    people: Sequence[Professional],
    role_of: dict[str, AttendeeRole],
    case: CitizenCase | None,
    cohort: Cohort | None,
    answers: Sequence[tuple[Participation, Rsvp]] = (),
) -> Meeting:
    """The meeting of *people* in their roles, with its case and place.

    *answers* are the people's participation and answer, in order; drawn
    here if not given.
    """
    req = fmt.requirements
    if not answers:
        answers = [(draw(_COUNTED), draw(_PRO_ANSWERS)) for _ in people]
    attending = [
        Attendee(person=p, role=role_of[p.id], participation=part, rsvp=rsvp)
        for p, (part, rsvp) in zip(people, answers, strict=True)
    ]
    if case is not None and req.citizen_present:
        attending.append(
            Attendee(person=case.citizen, role=AttendeeRole.CITIZEN, rsvp=Rsvp.ACCEPTED)
        )
    elif case is not None and draw(st.booleans()):
        attending.append(
            Attendee(
                person=case.citizen,
                role=AttendeeRole.CITIZEN,
                participation=Participation.INFORMATION_ONLY,
            )
        )
    status = ask.status if ask.status is not None else draw(_STATUSES)
    return Meeting(
        id=_fresh(draw, "m"),
        format=fmt,
        start=start,
        duration=duration,
        location=Location(
            LocationKind.CITIZEN_HOME
            if req.at_citizen_home
            else LocationKind.ON_SITE
            if req.on_site
            else draw(_PLACES)
        ),
        attendees=attending,
        case=case,
        reflection=draw(_REFLECTIONS),
        status=status,
        cancellation=draw(_CANCELLATIONS)
        if status is MeetingStatus.CANCELLED
        else None,
        cohort=cohort,
    )


def _qualified(req: FormatRequirements, person: Professional) -> bool:
    """Whether *person* has the course their profession needs for the format."""
    course = req.prerequisite_for(person.profession)
    return course is None or person.has_completed(course)


def _facilitates(req: FormatRequirements, person: Professional) -> bool:
    return bool(person.roles & {StaffRole.KEY_PERSON, StaffRole.FACILITATOR}) and (
        req.facilitator_course is None or person.has_completed(req.facilitator_course)
    )


def _staff(pool: Scenario, area: Area | None) -> list[Professional]:
    """The pool's professionals of a profession (in *area*, or of no area)."""
    return [
        p
        for p in pool.professionals
        if p.profession is not None
        and (area is None or p.unit.area is None or p.unit.area == area)
    ]


def _pool_meeting(draw: st.DrawFn, fmt: MeetingFormat, ask: _Ask) -> Meeting:
    """A meeting of the pool's own people and cases, validated before it is given.

    One the pool cannot make (too few people with the course the format
    needs, no case that fits) is rejected.
    """
    assert ask.pool is not None
    req = fmt.requirements
    area = ask.area
    if req.cohort_by_area and area is None:
        area = _pick(draw, ask.pool.areas) if ask.pool.areas else None
    staff = _staff(ask.pool, area)
    if req.cohort_by_area:
        staff = [p for p in staff if p.unit.area == area]
    eligible = [
        p
        for p in staff
        if _qualified(req, p)
        and (req.required_role is None or req.required_role in p.roles)
    ]
    if req.max_profession_groups is not None:
        # A course for related professions: people of so many groups only.
        groups = sorted({p.profession.group_code for p in eligible if p.profession})
        kept = _distinct(draw, groups, min(req.max_profession_groups, len(groups)))
        eligible = [
            p for p in eligible if p.profession and p.profession.group_code in kept
        ]
    days = ask.days
    case = None
    if req.case_required or req.citizen_present or draw(st.booleans()):
        cases = [
            c
            for c in ask.pool.cases
            if (ask.case_origin is None or c.origin is ask.case_origin)
            and (not req.transition_required or c.transitions)
        ]
        if cases:
            case = _pick(draw, cases)
            consent = case.consent
            if consent is not None:
                days = tuple(d for d in days if consent.is_valid_on(d))
            elif req.consent_required:
                case = None
    if case is None and (req.case_required or req.citizen_present):
        reject()
    if not days:
        reject()
    start, duration = _start(draw, fmt, ask, days)
    first: list[Professional] = []
    if req.facilitator_required:
        leaders = [p for p in staff if _qualified(req, p) and _facilitates(req, p)]
        if not leaders:
            reject()
        first = [_pick(draw, leaders)]
    # The case's own care team first, then anyone: some formats want most
    # attendees to know the citizen.
    team = [] if case is None else [p for p in case.care_team if p in eligible]
    rest = [p for p in eligible if p not in team]
    limit = _limit(req, ask)
    count = _count(draw, req, ask, _need(req, _least_professions(req), 1))
    if limit is not None:
        count = min(count, limit)
    chosen = first + [p for p in team if p not in first][: max(count - len(first), 0)]
    others = [p for p in rest if p not in chosen]
    missing = min(count - len(chosen), len(others))
    chosen += _distinct(draw, others, max(missing, 0))
    if not chosen:
        reject()
    role_of = {p.id: AttendeeRole.PARTICIPANT for p in chosen}
    host_index, _ = _host(req)
    if req.facilitator_required:
        role_of[chosen[0].id] = AttendeeRole.FACILITATOR
    if req.host_required and len(chosen) > host_index:
        role_of[chosen[host_index].id] = AttendeeRole.HOST
    cohort = (
        Cohort(f"hold-{area.code}", area)
        if req.cohort_by_area and area is not None
        else None
    )
    meeting = _assemble(draw, fmt, ask, start, duration, chosen, role_of, case, cohort)
    held = {m.id for m in ask.pool.meetings}
    while meeting.id in held:  # the pool's own meetings keep their ids
        meeting = attrs.evolve(meeting, id=_fresh(draw, "m"))
    assume(validate(meeting).ok)
    return meeting


def _ask(
    *,
    where: str,
    catalog: Catalog | None,
    case_origin: CaseOrigin | None = None,
    min_attendees: int | None = None,
    max_attendees: int | None = None,
    start: date | None = None,
    end: date | None = None,
    zone: ZoneInfo | None = None,
    area: Area | None = None,
    status: MeetingStatus | None = None,
    pool: Scenario | None = None,
) -> _Ask:
    """The arguments of a meetings-like strategy, checked once.

    Their types are checked by :func:`~learnmeet.model._arguments.checked` on
    the public strategy; this checks what the annotations cannot say.
    """
    for name, given in (
        ("min_attendees", min_attendees),
        ("max_attendees", max_attendees),
    ):
        if given is not None:
            expect_count(given, where=where, name=name)
    if (
        min_attendees is not None
        and max_attendees is not None
        and min_attendees > max_attendees
    ):
        raise InvalidValueError(
            reason=Label(
                da=f"min_attendees ({shown(min_attendees).da}) er større end "
                f"max_attendees ({shown(max_attendees).da})",
                en=f"min_attendees ({shown(min_attendees).en}) is more than "
                f"max_attendees ({shown(max_attendees).en})",
            ),
            fix=Label(
                da="giv et mindste antal, der højst er det største",
                en="give a least number no more than the most",
            ),
            where=where,
            path=("min_attendees",),
        )
    return _Ask(
        catalog=DEFAULT_CATALOG if catalog is None else catalog,
        case_origin=case_origin,
        least=min_attendees,
        most=max_attendees,
        days=_window(start, end, where=where),
        zone=COPENHAGEN if zone is None else zone,
        area=area,
        status=status,
        pool=pool,
    )


def _meetings_of(
    ask: _Ask, format: MeetingFormat | str | None
) -> SearchStrategy[Meeting]:
    """Meetings of *format* (or of every format that can be what *ask* asks)."""
    catalog = ask.catalog
    if format is not None:
        fixed = catalog.format(format) if isinstance(format, str) else format
        if (
            ask.case_origin is CaseOrigin.FICTIONAL
            and fixed.requirements.fictional_case is FictionalCase.REFUSED
        ):
            _refuse_fictional(fixed)
        why = _misfit(fixed, ask)
        if why is not None:
            raise _refuse_sizes({fixed.code: why}, fixed=True)
        return _valid_meeting(fixed, ask)
    misfits: dict[str, tuple[str, Label]] = {}
    fitting = []
    for fmt in catalog.formats:
        why = _misfit(fmt, ask)
        if why is None:
            fitting.append(fmt)
        else:
            misfits[fmt.code] = why
    if not fitting:
        raise _refuse_sizes(misfits, fixed=False)
    return st.one_of([_valid_meeting(fmt, ask) for fmt in fitting])


@checked
def meetings(
    *,
    format: MeetingFormat | str | None = None,
    case_origin: CaseOrigin | None = None,
    catalog: Catalog | None = None,
    min_attendees: int | None = None,
    max_attendees: int | None = None,
    start: date | None = None,
    end: date | None = None,
    zone: ZoneInfo | None = None,
    area: Area | None = None,
    status: MeetingStatus | None = None,
    pool: Scenario | None = None,
) -> SearchStrategy[Meeting]:
    """Meetings that fit their format: :func:`learnmeet.validate` finds nothing.

    Realistic by default: a meeting starts on a working day (Monday to Friday,
    no Danish public holiday nor Christmas Eve, New Year's Eve or Constitution
    Day) of 2025-2027, in Europe/Copenhagen, at a quarter hour, and ends by
    16:00 — within the default :class:`~learnmeet.WorkingHours` (08:00-16:00),
    so a context with them and the Danish holidays finds nothing either. It
    has 6 to 10 professional attendees where the format allows (a home
    meeting holds 5 besides the citizen; a course day needs 12). Every
    meeting, case, citizen, professional, unit and organisation drawn in one
    test case has an id of its own (``m-0007``, ``c-0003``, ``p-0012`` …), so
    meetings drawn together go into one :class:`~learnmeet.Scenario`. Most
    professionals have no staff role; the reflection asks one to three
    realistic questions, some with quotes, markup, line breaks, right-to-left
    text or an emoji (see :func:`reflections`; its ``free_text=True`` gives
    any text).

    Args:
        format: A format or its code; any format of *catalog* that can be
            such a meeting by default.
        case_origin: The origin of the case, where the format allows it.
        catalog: Where formats, professions and sectors come from; the
            built-in :data:`~learnmeet.DEFAULT_CATALOG` by default. A small
            one of your own works: a meeting never has more professions or
            sectors than it holds.
        min_attendees: At least this many professional attendees.
        max_attendees: And at most this many. The format's own limits still
            hold: only formats that can hold the range are chosen.
        start: The first day a meeting may be on (2025-01-01 by default).
        end: The last day: 2027-12-31 or a year after *start*, whichever
            is later, by default.
        zone: The zone of the start (Europe/Copenhagen by default); the hours
            are 08:00-16:00 on the wall clock of that zone.
        area: The area of every unit of the meeting and of a course day's
            cohort (by default municipal units and cohorts have an area
            drawn, other units none); with *pool*, attendees of units in
            that area or of none.
        status: The status every meeting has (any by default).
        pool: A scenario of your own — your municipality: every attendee is
            one of its professionals, exactly as listed, and the case one of
            its cases; formats from *catalog*. A format the pool cannot make
            a meeting of (nobody with its course, no case with consent) is
            not drawn, so ask for formats your pool can hold.

    Raises:
        UnknownCodeError: *format* is a code the catalogue does not know.
        InvalidValueError: *case_origin* is fictional for a format that
            refuses fictional cases; *min_attendees* is more than
            *max_attendees*, or no format (or not *format*) can hold that
            many, or have so many professions and sectors as the catalogue
            has; the window holds no working day.

    >>> sized = lst.meetings(format="audit", min_attendees=8, max_attendees=9)
    >>> @settings(max_examples=5, database=None)
    ... @given(sized)
    ... def test_sizes(meeting):
    ...     assert 8 <= len(meeting.professionals) <= 9
    ...     assert meeting.start.weekday() < 5 and 8 <= meeting.start.hour < 16
    ...     assert lm.validate(meeting).ok
    >>> test_sizes()
    >>> lst.meetings(format="home_meeting", min_attendees=8)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    learnmeet.exceptions.InvalidValueError: meetings.format: the format cannot ...

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 Working days and hours in 2025-2027, 6-10
       attendees and ids of their own by default; *min_attendees* and
       *max_attendees* choose the formats that hold them; *start*, *end*,
       *zone*, *area*, *status* and *pool*; *catalog* defaults to ``None``.
    """
    ask = _ask(
        where="meetings",
        catalog=catalog,
        case_origin=case_origin,
        min_attendees=min_attendees,
        max_attendees=max_attendees,
        start=start,
        end=end,
        zone=zone,
        area=area,
        status=status,
        pool=pool,
    )
    return _meetings_of(ask, format)


@st.composite
def _forums(draw: st.DrawFn, *, catalog: Catalog) -> Forum:
    area = draw(areas())
    unit = draw(units(area=area, catalog=catalog))
    members = draw(
        st.lists(
            professionals(area=area, catalog=catalog),
            min_size=1,
            max_size=8,
            unique_by=lambda p: p.id,
        )
    )
    first = datetime.combine(
        draw(_days(high=date(2029, 12, 31))),
        time(draw(st.integers(8, 14)), draw(st.sampled_from([0, 15, 30, 45]))),
        tzinfo=COPENHAGEN,
    )
    return Forum(
        id=draw(_code("forum")),
        name=f"Mødeforum, {unit.name}",
        unit=unit,
        members=members,
        first_start=first,
        duration=timedelta(minutes=draw(st.sampled_from([30, 45, 60, 90]))),
        recurrence=draw(st.sampled_from(_RULES)),
    )


@checked
def forums(*, catalog: Catalog | None = None) -> SearchStrategy[Forum]:
    """Forums: a unit's recurring meeting with its members and a weekly-ish rule.

    One unit of one area, one to eight members of it, a first start on a
    quarter hour from 08:00 to 14:45 in Europe/Copenhagen, 30-90 minutes, and
    a weekly or monthly rule (e.g. ``FREQ=WEEKLY;BYDAY=TU``).

    >>> forum = find(lst.forums(), lambda _: True, settings=quick)
    >>> 1 <= len(forum.members) <= 8, forum.first_start.minute % 15 == 0
    (True, True)
    >>> 8 <= forum.first_start.hour <= 14, forum.first_start.tzinfo.key
    (True, 'Europe/Copenhagen')
    >>> forum.recurrence.startswith("FREQ=")
    True

    Args:
        catalog: Where professions and sectors come from; the built-in
            catalogue by default.

    .. versionadded:: 0.1.0
    """
    return _forums(catalog=DEFAULT_CATALOG if catalog is None else catalog)


def _numbered_meeting(catalog: Catalog, number: int) -> SearchStrategy[Meeting]:
    """One of several meetings drawn together (every id is its own anyway)."""
    del number
    return meetings(catalog=catalog)


def _members_agree(drawn: list[Forum]) -> bool:
    """Whether one id is one professional in all *drawn* forums.

    Forums are drawn apart; a scenario's document can hold each id once.
    """
    seen: dict[str, Professional] = {}
    return all(seen.setdefault(p.id, p) == p for forum in drawn for p in forum.members)


@st.composite
def _scenarios(draw: st.DrawFn, *, catalog: Catalog, least: int, most: int) -> Scenario:
    strategy = meetings(catalog=catalog)
    count = draw(_between(least, most))
    found = [draw(strategy) for _ in range(count)]
    people = {p.id: p for m in found for p in m.professionals}
    units_ = {p.unit.id: p.unit for p in people.values()}
    orgs = {u.organisation.id: u.organisation for u in units_.values()}
    areas_ = {u.area.code: u.area for u in units_.values() if u.area is not None}
    areas_.update((m.cohort.area.code, m.cohort.area) for m in found if m.cohort)
    cases = {m.case.id: m.case for m in found if m.case is not None}
    return Scenario(
        name=draw(_TEXT),
        areas=sorted(areas_.values(), key=lambda a: a.code),
        organisations=sorted(orgs.values(), key=lambda o: o.id),
        units=sorted(units_.values(), key=lambda u: u.id),
        professionals=sorted(people.values(), key=lambda p: p.id),
        cases=sorted(cases.values(), key=lambda c: c.id),
        forums=draw(
            st.lists(
                forums(catalog=catalog), max_size=2, unique_by=lambda f: f.id
            ).filter(_members_agree)
        ),
        meetings=found,
        working_patterns=[
            draw(working_patterns(professional=pid))
            for pid in sorted(people)
            if draw(_SOMETIMES)
        ],
        absences=[
            draw(absences(professional=pid))
            for pid in sorted(people)
            if draw(_SOMETIMES)
        ],
        programmes=[draw(programmes(meetings=found))] if draw(_SOMETIMES) else [],
        cycles=[
            _cycle_of(draw, m) for m in found if draw(_SOMETIMES) and m.professionals
        ],
    )


_CYCLE_MODELS = st.sampled_from(["kolb", "after_action_review", "gibbs"])


def _cycle_of(draw: st.DrawFn, meeting: Meeting) -> ReflectionCycle:
    """A closed cycle of *meeting*, in valid steps, said by its professionals.

    Each phase has a contribution; the conclusion sometimes a learning
    point, the action phase sometimes an action owned by whoever spoke.
    """
    people = list(meeting.professionals)
    cycle = ReflectionCycle.start(
        QUESTION_BANK.model(draw(_CYCLE_MODELS)),
        subject=meeting.case.id if meeting.case is not None else meeting.id,
        meeting=meeting.id,
    )
    for n in range(len(cycle.model.phases)):
        who = people[n % len(people)]
        cycle = cycle.contribute(who, draw(_REAL_SAYINGS))
        kind = cycle.phase.kind
        if kind is PhaseKind.CONCLUSION and draw(st.booleans()):
            cycle = cycle.learn(draw(_REAL_SAYINGS), tags={"face_to_face"})
        if kind is PhaseKind.ACTION and draw(st.booleans()):
            due = meeting.start.date() + timedelta(days=14)
            cycle = cycle.act(f"a-{n}", draw(_REAL_SAYINGS), owner=who, due=due)
        if not cycle.is_last_phase:
            cycle = cycle.advance()
    return cycle.close(carry=True)


@checked
def scenarios(
    *,
    catalog: Catalog | None = None,
    min_meetings: int = 0,
    max_meetings: int = 6,
    pool: Scenario | None = None,
) -> SearchStrategy[Scenario]:
    """Scenarios whose meetings, people and places are consistent.

    A scenario holds *min_meetings* to *max_meetings* meetings, each drawn as
    :func:`meetings` draws them (working hours, 6-10 attendees, ids of their
    own); its staff list, units, organisations, areas and cases are those
    the meetings use, each once, and it has up to two forums. Now and then a
    professional has a working pattern or an absence, the scenario a
    programme of its meetings, and a meeting a closed reflection cycle
    (:attr:`Scenario.cycles <learnmeet.Scenario.cycles>`) said by its
    professionals.

    Args:
        catalog: Where formats, professions and sectors come from; the
            built-in catalogue by default.
        min_meetings: The fewest meetings.
        max_meetings: The most meetings; each holds up to 25 people, so a
            large number makes every example slow.
        pool: A scenario of your own: the scenario drawn is it, with
            *min_meetings* to *max_meetings* meetings more, each drawn by
            ``meetings(pool=pool)`` — your people, cases and areas.

    >>> @settings(max_examples=3, database=None)
    ... @given(lst.scenarios(min_meetings=2, max_meetings=3))
    ... def test_many(scenario):
    ...     assert len({m.id for m in scenario.meetings}) >= 2
    >>> test_many()

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 Working patterns and absences.
    .. versionchanged:: 0.3.0 Now and then a programme of its meetings; up to
       six meetings, *min_meetings*, *max_meetings* and *pool*.
    """
    if not 0 <= min_meetings <= max_meetings:
        raise InvalidValueError(
            reason=Label(
                da=f"min_meetings ({shown(min_meetings).da}) og max_meetings "
                f"({shown(max_meetings).da}) er ikke et interval",
                en=f"min_meetings ({shown(min_meetings).en}) and max_meetings "
                f"({shown(max_meetings).en}) are no range",
            ),
            fix=Label(
                da="giv 0 <= min_meetings <= max_meetings",
                en="give 0 <= min_meetings <= max_meetings",
            ),
            where="scenarios",
            path=("min_meetings",),
        )
    chosen = DEFAULT_CATALOG if catalog is None else catalog
    if pool is not None:
        # Not a composite: hypothesis would show the whole pool in its repr.
        return st.lists(
            meetings(catalog=chosen, pool=pool),
            min_size=min_meetings,
            max_size=max_meetings,
        ).map(lambda found: attrs.evolve(pool, meetings=[*pool.meetings, *found]))
    return _scenarios(catalog=chosen, least=min_meetings, most=max_meetings)
