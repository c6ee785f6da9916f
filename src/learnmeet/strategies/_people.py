"""Strategies for people and where they work."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.model._arguments import checked
from learnmeet.model._completions import CourseCompletion
from learnmeet.model._formats import MeetingFormat
from learnmeet.model._labels import Label
from learnmeet.model._people import (
    Area,
    Citizen,
    Organisation,
    ParticipantType,
    Profession,
    Professional,
    Relation,
    Relative,
    Sector,
    StaffRole,
    Unit,
)
from learnmeet.strategies._common import _TEXT, _WORDS, _code, _days, _fresh_ids

_DATED_COURSES = ("facilitator_training", "palliation_nurse", "palliation_sosu")
"""The courses professionals() dates; its undated ones are others, so a
course is never both."""


@checked
def course_completions(
    *,
    course: str | None = None,
    low: date = date(2020, 1, 1),
    high: date = date(2030, 12, 31),
) -> SearchStrategy[CourseCompletion]:
    """Dated completions of *course* (a few course codes by default).

    Completed between *low* and *high*; now and then expiring one to five
    years later (the expiry date is the last day it counts), now and then
    at a named course-day meeting.

    >>> from datetime import date
    >>> done = find(
    ...     lst.course_completions(course="palliation", low=date(2025, 1, 1)),
    ...     lambda _: True,
    ...     settings=quick,
    ... )
    >>> done.course, date(2025, 1, 1) <= done.completed_on <= date(2030, 12, 31)
    ('palliation', True)
    >>> done.expires_on is None or done.completed_on < done.expires_on
    True

    .. versionadded:: 0.3.0
    """
    return st.builds(
        lambda code, done, years, meeting: CourseCompletion(
            course=code,
            completed_on=done,
            expires_on=None if years is None else done + timedelta(days=365 * years),
            meeting=meeting,
        ),
        st.just(course) if course is not None else st.sampled_from(_DATED_COURSES),
        _days(low, high),
        st.none() | st.integers(1, 5),
        st.none() | _code("kursusdag"),
    )


@checked
def labels() -> SearchStrategy[Label]:
    """Labels with non-blank Danish and English texts.

    >>> label = find(lst.labels(), lambda _: True, settings=quick)
    >>> bool(label.da.strip() and label.en.strip())
    True

    .. versionadded:: 0.1.0
    """
    return st.builds(Label, da=_TEXT, en=_TEXT)


@checked
def professions(catalog: Catalog | None = None) -> SearchStrategy[Profession]:
    """Professions from *catalog* (the built-in ones by default).

    >>> profession = find(lst.professions(), lambda _: True, settings=quick)
    >>> profession in lm.DEFAULT_CATALOG.professions
    True

    Args:
        catalog: A catalogue; ``None``, the default, is the built-in
            :data:`~learnmeet.DEFAULT_CATALOG`.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *catalog* defaults to ``None``.
    """
    catalog = DEFAULT_CATALOG if catalog is None else catalog
    return st.sampled_from(catalog.professions)


@checked
def sectors(catalog: Catalog | None = None) -> SearchStrategy[Sector]:
    """Sectors from *catalog* (the built-in five by default).

    >>> sector = find(lst.sectors(), lambda _: True, settings=quick)
    >>> sector in lm.DEFAULT_CATALOG.sectors, len(lm.DEFAULT_CATALOG.sectors)
    (True, 5)

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *catalog* defaults to ``None``.
    """
    catalog = DEFAULT_CATALOG if catalog is None else catalog
    return st.sampled_from(catalog.sectors)


@checked
def meeting_formats(
    catalog: Catalog | None = None,
) -> SearchStrategy[MeetingFormat]:
    """Meeting formats from *catalog* (the built-in eleven by default).

    >>> meeting_format = find(lst.meeting_formats(), lambda _: True, settings=quick)
    >>> meeting_format in lm.DEFAULT_CATALOG.formats
    True

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *catalog* defaults to ``None``.
    """
    catalog = DEFAULT_CATALOG if catalog is None else catalog
    return st.sampled_from(catalog.formats)


@checked
def areas(*, organisation: str | None = None) -> SearchStrategy[Area]:
    """Municipal areas with a short code and a bilingual name.

    Of the organisation with the id *organisation* if given, else of none
    said (one code is one area, as a document that refers to areas by code
    needs).

    >>> area = find(lst.areas(organisation="org-1"), lambda _: True, settings=quick)
    >>> area.organisation, bool(area.code and area.label.da and area.label.en)
    ('org-1', True)

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *organisation*.
    """
    return _WORDS.map(
        lambda w: Area(
            w, Label(da=f"Område {w}", en=f"Area {w}"), organisation=organisation
        )
    )


@checked
def organisations(
    *, sector: Sector | None = None, catalog: Catalog | None = None
) -> SearchStrategy[Organisation]:
    """Organisations in *sector* (any sector of *catalog* by default).

    >>> hospital = lm.DEFAULT_CATALOG.sector("hospital")
    >>> org = find(lst.organisations(sector=hospital), lambda _: True, settings=quick)
    >>> org.sector == hospital, bool(org.id and org.name)
    (True, True)

    .. versionadded:: 0.1.0
    """
    catalog = DEFAULT_CATALOG if catalog is None else catalog
    return st.builds(
        lambda s, n: Organisation(f"org-{s.code}-{n}", f"Eksempel {s.label.da} {n}", s),
        st.just(sector) if sector is not None else sectors(catalog),
        st.integers(min_value=1, max_value=9),
    )


@checked
def units(
    *,
    sector: Sector | None = None,
    area: Area | None = None,
    catalog: Catalog | None = None,
) -> SearchStrategy[Unit]:
    """Units of an organisation, in *area* if given (else any area or none).

    A unit ``unit-org-<sector>-<n>[-<area>]`` named after its organisation
    (one of nine per sector); one id is always one unit, so units drawn
    apart can meet in one document.

    >>> area = find(lst.areas(), lambda _: True, settings=quick)
    >>> unit = find(lst.units(area=area), lambda _: True, settings=quick)
    >>> unit.id.startswith("unit-org-"), unit.area == area
    (True, True)

    Args:
        sector: The sector of the unit's organisation; any of *catalog*'s.
        area: The unit's area; any area or none by default.
        catalog: Where the sectors come from; the built-in catalogue by
            default.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *catalog* defaults to ``None``.
    """
    catalog = DEFAULT_CATALOG if catalog is None else catalog
    return st.builds(
        # The id names the area too: one id is one unit everywhere it occurs,
        # as a document that refers to units by id needs.
        lambda org, a: Unit(
            id=f"unit-{org.id}" if a is None else f"unit-{org.id}-{a.code}",
            name=f"Enhed, {org.name}",
            organisation=org,
            area=a,
        ),
        organisations(sector=sector, catalog=catalog),
        st.just(area) if area is not None else st.none() | areas(),
    )


@checked
def professionals(
    *,
    profession: Profession | None = None,
    sector: Sector | None = None,
    area: Area | None = None,
    catalog: Catalog | None = None,
) -> SearchStrategy[Professional]:
    """Professionals, optionally of one profession, sector or area.

    Each has an id no other drawn in the same test case has (``p-0012``), a
    unit (see :func:`units`), any staff roles, some of three courses, at
    times a display name and an e-mail made from the id, and some dated
    course completions (:func:`course_completions`, at most one a course a
    day; renewals on other days), of other courses than their undated ones.

    Args:
        profession: The profession of everyone drawn; any of *catalog*'s.
        sector: The sector of their unit's organisation.
        area: The area of their unit.
        catalog: Where professions and sectors come from; the built-in
            catalogue by default.

    >>> from hypothesis import given, settings, strategies as st
    >>> @settings(max_examples=10, database=None)
    ... @given(st.lists(lst.professionals(), min_size=3, max_size=3))
    ... def test_each_their_own(staff):
    ...     assert len({p.id for p in staff}) == 3
    >>> test_each_their_own()

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.4.0 Dated completions; ids of their own in a test
       case; *catalog* defaults to ``None``.
    """
    catalog = DEFAULT_CATALOG if catalog is None else catalog
    return st.builds(
        lambda id, prof, unit, roles, courses, name, mail, dated: Professional(
            id=id,
            profession=prof,
            unit=unit,
            roles=roles,
            completed_courses=courses,
            display_name=name,
            # Made from the id, so a person drawn twice is one person.
            email=f"{id}@kommune.example" if mail else None,
            completions=dated,
        ),
        _fresh_ids("p"),
        st.just(profession) if profession is not None else professions(catalog),
        units(sector=sector, area=area, catalog=catalog),
        st.frozensets(st.sampled_from(StaffRole)),
        st.frozensets(st.sampled_from(["palliation_mono", "demens", "lindring"])),
        st.just("") | _TEXT,
        st.booleans(),
        st.lists(
            course_completions(),
            max_size=3,
            unique_by=lambda c: (c.course, c.completed_on),
        ),
    )


@checked
def volunteers(
    *,
    sector: Sector | None = None,
    area: Area | None = None,
    catalog: Catalog | None = None,
) -> SearchStrategy[Professional]:
    """Volunteers (frivillige): of no profession, in a unit of *sector*.

    Civil society by default, where a volunteer centre's night watch is. Each
    has an id of their own in a test case (``v-0004``).

    >>> volunteer = find(lst.volunteers(), lambda _: True, settings=quick)
    >>> volunteer.profession is None, volunteer.id.startswith("v-")
    (True, True)

    .. versionadded:: 0.3.0
    """
    catalog = DEFAULT_CATALOG if catalog is None else catalog
    home = sector or next(
        (s for s in catalog.sectors if s.code == "civil_society"), None
    )
    return st.builds(
        lambda id, unit, name: Professional(
            id=id,
            unit=unit,
            display_name=name,
            participant_type=ParticipantType.VOLUNTEER,
        ),
        _fresh_ids("v"),
        units(sector=home, area=area, catalog=catalog),
        st.just("") | _TEXT,
    )


@checked
def citizens() -> SearchStrategy[Citizen]:
    """Citizens known by a pseudonym such as ``B-0017``.

    >>> citizen = find(lst.citizens(), lambda _: True, settings=quick)
    >>> citizen.pseudonym.startswith("B-"), lm.looks_like_cpr(citizen.pseudonym)
    (True, False)

    .. versionadded:: 0.1.0
    """
    return _code("B").map(Citizen)


@checked
def relatives(citizen: Citizen | None = None) -> SearchStrategy[Relative]:
    """Relatives of *citizen* (of a generated citizen by default).

    >>> citizen = lm.Citizen(pseudonym="B-0042")
    >>> relative = find(lst.relatives(citizen), lambda _: True, settings=quick)
    >>> relative.citizen, relative.relation in set(lm.Relation)
    ('B-0042', True)

    .. versionadded:: 0.1.0
    """
    return st.builds(
        _relative,
        st.just(citizen) if citizen is not None else citizens(),
        _RELATIVE_NUMBERS,
        _RELATIONS,
    )


_RELATIVE_NUMBERS = st.integers(min_value=1, max_value=9)
_RELATIONS = st.sampled_from(Relation)
#: What :func:`relatives` draws besides the citizen, for a caller that has the
#: citizen already and draws a relative with :func:`_relative`.
_RELATIVE_PARTS = st.tuples(_RELATIVE_NUMBERS, _RELATIONS)


def _relative(citizen: Citizen, number: int, relation: Relation) -> Relative:
    return Relative(
        id=f"{citizen.pseudonym}-R{number}",
        citizen=citizen.pseudonym,
        relation=relation,
    )


# -- personal data, for testing that it is refused ---------------------------------

_DAYS = st.integers(1, 28).map(lambda d: f"{d:02d}")
_MONTHS = st.integers(1, 12).map(lambda m: f"{m:02d}")
_YEARS = st.integers(0, 99).map(lambda y: f"{y:02d}")
_SERIALS = st.integers(0, 9999).map(lambda n: f"{n:04d}")
_SEPARATOR_CHARACTERS = "-./ _:,;·\\⁄∕–—‑−\u00a0\u3000*#+|~'"
"""Characters that are neither letters nor digits, each read as itself (or as a
dash or a space) by the detector; a run of up to three may stand anywhere a
separator may."""
_SEPARATORS = st.one_of(
    st.sampled_from(["", "-", " - ", "--", "_", ":", "\\", "·", "⁄", "∕", "  "]),
    st.text(_SEPARATOR_CHARACTERS, max_size=3),
)
_PAIR_SEPARATORS = st.one_of(
    st.sampled_from(["", "", " ", "  ", ".", "-", " - "]),
    st.text(_SEPARATOR_CHARACTERS, max_size=3),
)
_INVISIBLE = st.sampled_from(
    [
        *"\u200b\u00ad\u2060\ufeff\u200e\u061c\u180e",  # format characters
        *"\ufe00\ufe0f\U000e0100\U000e01ef\u180b\u180f",  # variation selectors
        *"\u034f\u17b4\u17b5",  # other marks that are default-ignorable
        *"\u115f\u1160\u3164\uffa0",  # Hangul fillers, letters that draw nothing
        *"\U000e0041\U0001bca0\U0001d173",  # a tag, a shorthand and a musical one
        "\u2800",  # the braille blank
        *"\u0332\u0336\u20e3",  # an underline, a stroke, an enclosing keycap
    ]
)
_SCRIPTS = st.sampled_from([0x30, 0x660, 0x6F0, 0x966, 0xFF10, 0x1D7CE])
"""The zero of ASCII, Arabic-Indic, Persian, Devanagari, fullwidth and
mathematical bold digits."""


@st.composite
def _cpr_numbers(draw: st.DrawFn) -> str:
    pair = draw(_PAIR_SEPARATORS)
    serial = draw(_SERIALS)
    if draw(st.booleans()):  # the last four as two pairs: "12 34"
        split = draw(st.text(_SEPARATOR_CHARACTERS, min_size=1, max_size=3))
        serial = f"{serial[:2]}{split}{serial[2:]}"
    digits = (
        f"{draw(_DAYS)}{pair}{draw(_MONTHS)}{pair}{draw(_YEARS)}"
        f"{draw(_SEPARATORS)}{serial}"
    )
    zero = draw(_SCRIPTS)
    written = "".join(chr(zero + int(c)) if c.isdigit() else c for c in digits)
    for hidden in draw(st.lists(_INVISIBLE, max_size=3)):
        at = draw(st.integers(1, len(written) - 1))
        written = written[:at] + hidden + written[at:]
    return written


@checked
def cpr_numbers() -> SearchStrategy[str]:
    """Danish CPR numbers written in the many ways people and programs do.

    A day and month that exist and two digits of a year, then four digits;
    between the pairs and before the last four, nothing or a run of up to
    three characters that are neither letters nor digits (``-``, ``.``,
    ``/``, spaces, ``_``, ``:`` …); the last four at times split in two pairs
    (``12 34``); the digits of one script (ASCII, Arabic-Indic, Persian,
    Devanagari, fullwidth, mathematical bold); and up to three characters
    that draw nothing (a zero-width space, a variation selector, a Hangul
    filler, the braille blank …) anywhere between them.

    :func:`learnmeet.looks_like_cpr` sees every one, and learnmeet refuses
    each wherever it holds text; use them to test that your own application
    does not let one through, and that no message of yours repeats it:

    >>> import learnmeet
    >>> @given(lst.cpr_numbers())
    ... def test_every_writing_is_seen(cpr):
    ...     assert learnmeet.looks_like_cpr(f"Borger {cpr} har smerter")
    >>> test_every_writing_is_seen()

    .. versionadded:: 0.2.0
    """
    return _cpr_numbers()
