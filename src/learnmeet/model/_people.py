"""People and where they work: professions, sectors, organisations, units, areas.

A *profession* (faggruppe) is what a person is trained as; a *sector* (sektor) is
the part of the health and care system their organisation belongs to. The two are
kept apart on purpose: a meeting is *interdisciplinary* when more than one
profession takes part and *cross-sectoral* when more than one sector does.

A profession is neither a *function* nor a *participant type*. A function
(visitator, coordinator, key person) is held by someone of a profession — a
visitator who is a nurse has the profession nurse and the staff role
:attr:`StaffRole.NEEDS_ASSESSOR`. A volunteer (frivillig) is a participant type,
not a profession: a :class:`Professional` with
``participant_type=ParticipantType.VOLUNTEER`` and no profession. Only
professions count towards *interdisciplinary*.

A citizen (borger) is known only by a pseudonym; nothing here holds a name or a
CPR number of a citizen or a relative.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cached_property
from typing import Any, TypeAlias, Union

import attrs

from learnmeet.exceptions import InvalidValueError, WrongTypeError, shown, type_shown
from learnmeet.model._arguments import checked
from learnmeet.model._checks import (
    each,
    identifier,
    instance_of,
    optional,
    optional_identifier,
    refuse,
    safe_text,
    to_frozenset,
    to_tuple,
    unique,
)
from learnmeet.model._completions import CourseCompletion
from learnmeet.model._labels import Label, LabelledEnum
from learnmeet.model._reprs import known_as

__all__ = [
    "Area",
    "Citizen",
    "Discipline",
    "Organisation",
    "ParticipantType",
    "Person",
    "Profession",
    "Professional",
    "Relation",
    "Relative",
    "Sector",
    "StaffRole",
    "Unit",
]


class Discipline(LabelledEnum):
    """The field a profession belongs to (fagområde).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 ``VOLUNTARY`` and ``ADMINISTRATION`` are gone:
       they held only the volunteer and the needs assessor, which are no
       professions (see :class:`ParticipantType` and :class:`StaffRole`).
       ``MEDICINE`` is *lægefagligt område* in Danish ("medicin" means drugs).
    """

    NURSING = "nursing", Label(da="sygepleje", en="nursing")
    CARE = (
        "care",
        Label(da="social- og sundhedsfagligt arbejde", en="social and health care"),
    )
    THERAPY = (
        "therapy",
        Label(da="terapi og genoptræning", en="therapy and rehabilitation"),
    )
    MEDICINE = "medicine", Label(da="lægefagligt område", en="medicine")
    SOCIAL = "social", Label(da="socialt arbejde", en="social work")
    PSYCHOLOGY = "psychology", Label(da="psykologi", en="psychology")
    NUTRITION = "nutrition", Label(da="ernæring", en="nutrition")
    PHARMACY = "pharmacy", Label(da="farmaci", en="pharmacy")
    PEDAGOGY = "pedagogy", Label(da="pædagogik", en="pedagogy")
    SPIRITUAL = "spiritual", Label(da="sjælesorg", en="spiritual care")
    OTHER = "other", Label(da="andet", en="other")


@known_as(lambda p: p.code)
@attrs.frozen
class Profession:
    """A profession (faggruppe), e.g. nurse or physiotherapist.

    Built-in professions live in :mod:`learnmeet.catalog`; make your own with this
    class and add them to a :class:`~learnmeet.Catalog`.

    A profession may belong to a *group* of related professions that share a
    monoprofessional course: the social and health care helpers and assistants
    are both of the group ``"sosu"``, so one SOSU course is still
    monoprofessional (:attr:`FormatRequirements.max_profession_groups
    <learnmeet.FormatRequirements.max_profession_groups>`). A profession
    without a group is a group of its own.

    >>> from learnmeet import DEFAULT_CATALOG
    >>> DEFAULT_CATALOG.profession("sosu_helper").group_code
    'sosu'
    >>> DEFAULT_CATALOG.profession("nurse").group_code
    'nurse'

    Attributes:
        code: A stable code, e.g. ``"nurse"``.
        label: The name in Danish and English.
        discipline: The field the profession belongs to.
        group: The code of the group of related professions it shares a
            monoprofessional course with, or ``None`` for a group of its own.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *group*.
    """

    code: str = attrs.field(validator=identifier)
    label: Label = attrs.field(validator=instance_of(Label))
    discipline: Discipline = attrs.field(validator=instance_of(Discipline))
    group: str | None = attrs.field(
        default=None, kw_only=True, validator=optional_identifier
    )

    @property
    def group_code(self) -> str:
        """The code of the profession's group: its *group*, else its own code."""
        return self.code if self.group is None else self.group


@known_as(lambda s: s.code)
@attrs.frozen
class Sector:
    """A sector (sektor): hospital, municipality, general practice and so on.

    Attributes:
        code: A stable code, e.g. ``"municipality"``.
        label: The name in Danish and English.

    .. versionadded:: 0.1.0
    """

    code: str = attrs.field(validator=identifier)
    label: Label = attrs.field(validator=instance_of(Label))


def _organisation_id(value: object) -> object:
    """An :class:`Organisation` as its id (the area names its owner by id)."""
    return value.id if isinstance(value, Organisation) else value


@attrs.frozen
class Area:
    """A district (område) of a municipality; course-day cohorts are run per area.

    An area belongs to an organisation: two municipalities may each have an
    area ``"nord"``, and they are two areas. The owner is given by its id, or
    as the :class:`Organisation` itself, which is taken as its id. (A
    document names an area by its code, so two municipalities' areas in one
    file need codes of their own, e.g. ``"a-nord"`` and ``"b-nord"``.)

    >>> from learnmeet import Label
    >>> nord = Label(da="Nord", en="North")
    >>> Area("nord", nord, organisation="kommune-a") == Area(
    ...     "nord", nord, organisation="kommune-b"
    ... )
    False

    Attributes:
        code: A stable code, e.g. ``"nord"``.
        label: The name in Danish and English.
        organisation: The id of the organisation the area belongs to (the
            municipality whose district it is), if said. A unit of another
            organisation, such as a general practice, may still serve the
            area.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *organisation*.
    """

    code: str = attrs.field(validator=identifier)
    label: Label = attrs.field(validator=instance_of(Label))
    organisation: str | None = attrs.field(
        default=None,
        kw_only=True,
        converter=_organisation_id,
        validator=optional_identifier,
    )


@known_as(lambda o: f"{o.id} ({o.sector.code})")
@attrs.frozen
class Organisation:
    """An organisation in one sector: a municipality, a hospital, a practice.

    Attributes:
        id: A stable identifier.
        name: The organisation's name.
        sector: The sector the organisation belongs to.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=safe_text)
    sector: Sector = attrs.field(validator=instance_of(Sector))


def _unit_shown(unit: Unit) -> str:
    area = f", area {unit.area.code}" if unit.area is not None else ""
    return f"{unit.id} of {unit.organisation.id}{area}"


@known_as(_unit_shown)
@attrs.frozen(kw_only=True)
class Unit:
    """A unit of an organisation, e.g. a home-care group or a hospital ward.

    Attributes:
        id: A stable identifier.
        name: The unit's name.
        organisation: The organisation the unit belongs to.
        area: The municipal area the unit serves, if any (a hospital ward has
            none).

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=safe_text)
    organisation: Organisation = attrs.field(validator=instance_of(Organisation))
    area: Area | None = attrs.field(default=None, validator=optional(instance_of(Area)))

    @property
    def sector(self) -> Sector:
        """The sector of the unit's organisation."""
        return self.organisation.sector


class StaffRole(LabelledEnum):
    """A role or function (funktion) a professional holds besides their profession.

    One home for what someone *does* on top of what they are trained as: a
    visitator (needs assessor) or a coordinator is a nurse, a therapist or a
    SOSU assistant with that function, so the function is a staff role here,
    beside leader, key person and facilitator — never a profession. A
    meeting's interdisciplinarity counts professions only, so a nurse who is
    a visitator adds no profession to a meeting of nurses.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 ``NEEDS_ASSESSOR`` and ``COORDINATOR``, the
       functions that were wrongly a profession or missing.
    """

    LEADER = "leader", Label(da="leder", en="leader")
    KEY_PERSON = "key_person", Label(da="nøgleperson", en="key person")
    FACILITATOR = "facilitator", Label(da="facilitator", en="facilitator")
    NEEDS_ASSESSOR = "needs_assessor", Label(da="visitator", en="needs assessor")
    COORDINATOR = "coordinator", Label(da="koordinator", en="coordinator")


class ParticipantType(LabelledEnum):
    """Whether a :class:`Professional` takes part as staff or as a volunteer.

    A volunteer (frivillig, e.g. of a night-watch service) works in a unit —
    a civil-society organisation's, say — but has no profession in the
    meeting: in FHIR terms a Practitioner without a qualification. The
    citizen and relatives are the other participant types; they are
    :class:`Citizen` and :class:`Relative`.

    .. versionadded:: 0.3.0
    """

    STAFF = "staff", Label(da="medarbejder", en="staff member")
    VOLUNTEER = "volunteer", Label(da="frivillig", en="volunteer")


_FACILITATING = frozenset({StaffRole.FACILITATOR, StaffRole.KEY_PERSON})


def _roles(roles: Iterable[StaffRole]) -> frozenset[StaffRole]:
    return to_frozenset(roles)


def _courses(courses: Iterable[str]) -> frozenset[str]:
    return to_frozenset(courses)


def _completions(items: Iterable[CourseCompletion]) -> tuple[CourseCompletion, ...]:
    return to_tuple(items)


# An addr-spec (RFC 5322, 3.4.1) as calendar programs and mail servers take
# it: a dot-atom local part and a domain of at least two labels (letters,
# digits, hyphens; no quoted local parts, no address literals).
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@{_LABEL}(?:\.{_LABEL})+")
_MAX_EMAIL = 254  # RFC 5321, 4.5.3.1.3: the longest path a server takes


def _lower_domain(value: object) -> object:
    """The address with its domain in lower case (domains ignore case)."""
    if isinstance(value, str) and "@" in value:
        local, _, domain = value.rpartition("@")
        return f"{local}@{domain.lower()}"
    return value


def email_address(
    instance: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """Refuse anything but ``None`` or an e-mail address (an addr-spec).

    The address is checked as every text the library holds is, so a CPR
    number cannot hide in it.
    """
    if value is None:
        return
    if not isinstance(value, str):
        raise refuse(
            WrongTypeError,
            instance,
            attribute,
            reason=Label(
                da=f"en e-mailadresse skal være en tekst, ikke {type_shown(value)}",
                en=f"an e-mail address must be a string, not {type_shown(value)}",
            ),
            fix=Label(
                da="giv adressen som tekst, f.eks. 'sygeplejerske@kommune.dk'",
                en="give the address as text, e.g. 'nurse@kommune.dk'",
            ),
        )
    safe_text(instance, attribute, value)
    problem = email_problem(value)
    if problem is not None:
        raise refuse(
            InvalidValueError, instance, attribute, reason=problem[0], fix=problem[1]
        )


def email_problem(address: str) -> tuple[Label, Label] | None:
    """Why *address* is not an e-mail address (reason and fix), or ``None``.

    Checks the form only; the caller checks the text as every text is.
    """
    if len(address) <= _MAX_EMAIL and _EMAIL.fullmatch(address) is not None:
        return None
    return (
        Label(
            da="teksten er ikke en e-mailadresse (navn@domæne.dk)",
            en="the text is not an e-mail address (name@domain.dk)",
        ),
        Label(
            da="giv en adresse som 'sygeplejerske@kommune.dk' uden navn, "
            "mellemrum eller vinkelparenteser",
            en="give an address such as 'nurse@kommune.dk', without a name, "
            "spaces or angle brackets",
        ),
    )


#: A domain name: labels of letters, digits and hyphens, joined by dots.
DOMAIN = re.compile(rf"{_LABEL}(?:\.{_LABEL})*")


def _professional_shown(person: Professional) -> str:
    """Id, profession, unit; then roles, courses and a volunteer, when there are."""
    parts = [
        person.profession.code if person.profession is not None else "no profession",
        person.unit.id,
    ]
    if person.participant_type is not ParticipantType.STAFF:
        parts.append(person.participant_type.code)
    if person.roles:
        parts.append("roles " + " ".join(sorted(r.code for r in person.roles)))
    if person.completed_courses:
        parts.append("courses " + " ".join(sorted(person.completed_courses)))
    return f"{person.id} ({', '.join(parts)})"


@known_as(_professional_shown)
@attrs.frozen(kw_only=True)
class Professional:
    """A staff member (medarbejder, fagperson): one profession, one unit.

    Or a volunteer (frivillig): ``participant_type=ParticipantType.VOLUNTEER``
    and no profession. A staff member must have a profession; a volunteer
    must have none, so a volunteer never makes a meeting interdisciplinary.

    >>> from learnmeet import DEFAULT_CATALOG, Organisation, Unit
    >>> civil = DEFAULT_CATALOG.sector("civil_society")
    >>> org = Organisation("f", "Frivilligcenter", civil)
    >>> watch = Unit(id="vaage", name="Vågetjeneste", organisation=org)
    >>> volunteer = ParticipantType.VOLUNTEER
    >>> v = Professional(id="v-1", unit=watch, participant_type=volunteer)
    >>> v.profession is None, v.is_volunteer
    (True, True)

    Attributes:
        id: A stable identifier, e.g. an employee number (never a CPR number).
        profession: What the person is trained as; ``None`` for a volunteer.
        unit: Where the person works; the unit gives the sector and the area.
        roles: Staff roles and functions such as leader, key person,
            facilitator, visitator (needs assessor) or coordinator.
        completed_courses: Codes of the courses the person has completed at
            some time, the date not recorded (older data), e.g. the
            monoprofessional palliation course that an interdisciplinary
            course day requires. They count on every day.
        display_name: A name to show, e.g. initials; may be empty.
        email: The person's e-mail address, an addr-spec such as
            ``nurse@kommune.dk`` (the domain kept in lower case); none if
            unknown. Calendar invitations (``to_ical(method="request")``)
            are sent to it.
        participant_type: Staff (the default) or volunteer.
        completions: Dated completions of courses (:class:`CourseCompletion`),
            some with an expiry. A course is either here or in
            *completed_courses*, never in both; it is here twice only as a
            renewal, completed on another day. Written to JSON only when
            there is one (version 4).

    Ask :meth:`has_completed` whether someone has completed a course: it
    reads both.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *email*.
    .. versionchanged:: 0.3.0 *participant_type*; *profession* is ``None``
       for a volunteer (and required for staff).
    .. versionchanged:: 0.3.0 *completions*.
    """

    id: str = attrs.field(validator=identifier)
    profession: Profession | None = attrs.field(
        default=None, validator=optional(instance_of(Profession))
    )
    unit: Unit = attrs.field(validator=instance_of(Unit))
    roles: frozenset[StaffRole] = attrs.field(
        default=frozenset(),
        converter=_roles,
        validator=each(instance_of(StaffRole)),
    )
    completed_courses: frozenset[str] = attrs.field(
        default=frozenset(), converter=_courses, validator=each(identifier)
    )
    display_name: str = attrs.field(default="", validator=safe_text)
    email: str | None = attrs.field(
        default=None, converter=_lower_domain, validator=email_address
    )
    participant_type: ParticipantType = attrs.field(
        default=ParticipantType.STAFF, validator=instance_of(ParticipantType)
    )
    completions: tuple[CourseCompletion, ...] = attrs.field(
        default=(),
        converter=_completions,
        validator=[
            each(instance_of(CourseCompletion)),
            unique(
                lambda c: (c.course, c.completed_on),
                what=Label(
                    da="gennemførelsen (kursus og dato)",
                    en="the completion (course and date)",
                ),
                fix=Label(
                    da="skriv hver gennemførelse én gang; en fornyelse har sin "
                    "egen dato",
                    en="list each completion once; a renewal has a date of its own",
                ),
            ),
        ],
    )

    def __attrs_post_init__(self) -> None:
        for n, done in enumerate(self.completions):
            if done.course in self.completed_courses:
                got = shown(done.course)
                raise InvalidValueError(
                    reason=Label(
                        da=f"kurset {got.da} står både udateret i completed_courses "
                        "og dateret i completions",
                        en=f"the course {got.en} is both undated in "
                        "completed_courses and dated in completions",
                    ),
                    fix=Label(
                        da="skriv kurset ét sted: fjern det fra completed_courses, "
                        "når datoen kendes",
                        en="record the course in one place: take it out of "
                        "completed_courses when its date is known",
                    ),
                    where="Professional",
                    path=("completions", n, "course"),
                )
        volunteer = self.participant_type is ParticipantType.VOLUNTEER
        if self.profession is None and not volunteer:
            raise InvalidValueError(
                reason=Label(
                    da="en medarbejder skal have en faggruppe",
                    en="a staff member needs a profession",
                ),
                fix=Label(
                    da="giv profession=, fx DEFAULT_CATALOG.profession('nurse'); "
                    "en frivillig gives participant_type=ParticipantType.VOLUNTEER",
                    en="give profession=, e.g. DEFAULT_CATALOG.profession('nurse'); "
                    "give a volunteer participant_type=ParticipantType.VOLUNTEER",
                ),
                where="Professional",
                path=("profession",),
            )
        if self.profession is not None and volunteer:
            raise InvalidValueError(
                reason=Label(
                    da="en frivillig deltager ikke som faggruppe",
                    en="a volunteer takes part without a profession",
                ),
                fix=Label(
                    da="udelad profession for en frivillig, eller gør personen "
                    "til medarbejder (participant_type=ParticipantType.STAFF)",
                    en="leave profession out for a volunteer, or make the person "
                    "staff (participant_type=ParticipantType.STAFF)",
                ),
                where="Professional",
                path=("profession",),
            )

    @cached_property
    def key(self) -> str:
        """The key that identifies this person among all attendees.

        Made once per person and kept: rules, planning and every meeting's
        check that nobody is listed twice read it.
        """
        return f"professional:{self.id}"

    @property
    def is_volunteer(self) -> bool:
        """Whether the person takes part as a volunteer, without a profession."""
        return self.participant_type is ParticipantType.VOLUNTEER

    @property
    def title(self) -> Label:
        """What the person takes part as: their profession, or volunteer.

        .. versionadded:: 0.3.0
        """
        if self.profession is None:
            return self.participant_type.label
        return self.profession.label

    @property
    def sector(self) -> Sector:
        """The sector the professional works in (their unit's)."""
        return self.unit.organisation.sector

    @checked
    def has_role(self, role: StaffRole) -> bool:
        """Tell whether the professional holds *role*."""
        return role in self.roles

    @checked
    def has_completed(self, course: str, on: date | None = None) -> bool:
        """Whether the person has completed *course*, on the day *on*.

        A course in *completed_courses* (undated) counts on every day. A
        dated completion counts on *on* when it was completed on or before
        it and has not expired (:meth:`CourseCompletion.valid_on`: the
        expiry date is the last day it counts). Without *on*, any
        completion counts, expired or not: the question is then "has the
        person ever completed it", answered without a clock.

        .. versionadded:: 0.3.0
        """
        return completed(self, course, on)

    @property
    def can_facilitate(self) -> bool:
        """A facilitator or key person: who may facilitate a learning meeting."""
        return not self.roles.isdisjoint(_FACILITATING)


def completed(person: Professional, course: str, on: date | None) -> bool:
    """:meth:`Professional.has_completed`, for callers whose arguments are good.

    The rules and planners ask it of every person of a pool.
    """
    if course in person.completed_courses:
        return True
    return any(
        c.course == course and (on is None or c._counts_on(on))
        for c in person.completions
    )


@attrs.frozen
class Citizen:
    """The person receiving care (borger), known only by a pseudonym.

    The pseudonym must not be or contain a CPR number, and the library holds no
    name, address or birth date of a citizen.

    >>> Citizen("B-017").pseudonym
    'B-017'

    Attributes:
        pseudonym: The citizen's pseudonym, e.g. ``"B-017"`` (never a CPR
            number).

    .. versionadded:: 0.1.0
    """

    pseudonym: str = attrs.field(validator=identifier)

    @cached_property
    def key(self) -> str:
        """The key that identifies this person among all attendees.

        Made once per person and kept: rules, planning and every meeting's
        check that nobody is listed twice read it.
        """
        return f"citizen:{self.pseudonym}"


class Relation(LabelledEnum):
    """How a relative is related to the citizen.

    .. versionadded:: 0.1.0
    """

    SPOUSE = "spouse", Label(da="ægtefælle eller partner", en="spouse or partner")
    CHILD = "child", Label(da="barn", en="child")
    PARENT = "parent", Label(da="forælder", en="parent")
    SIBLING = "sibling", Label(da="søskende", en="sibling")
    FRIEND = "friend", Label(da="ven", en="friend")
    OTHER = "other", Label(da="anden pårørende", en="other next of kin")


@attrs.frozen(kw_only=True)
class Relative:
    """A next of kin (pårørende) of a citizen, known only by an identifier.

    Attributes:
        id: A pseudonymous identifier, e.g. ``"B-017-R1"``.
        citizen: The pseudonym of the citizen this is a relative of.
        relation: How the relative is related to the citizen.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=identifier)
    citizen: str = attrs.field(validator=identifier)
    relation: Relation = attrs.field(
        default=Relation.OTHER, validator=instance_of(Relation)
    )

    @cached_property
    def key(self) -> str:
        """The key that identifies this person among all attendees.

        Made once per person and kept: rules, planning and every meeting's
        check that nobody is listed twice read it.
        """
        return f"relative:{self.id}"


Person: TypeAlias = Union[Professional, Citizen, Relative]  # noqa: UP007
"""Anyone who can attend a meeting."""
