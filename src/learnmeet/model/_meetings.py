"""Meetings, their attendees and what happens to them.

Participation follows HL7 FHIR's Appointment: each attendee is required, optional
or information-only (discussed but not present, like the citizen at a learning
meeting about their course), answers accepted / declined / tentative / needs
action, and afterwards did or did not attend.

A :class:`Meeting` is checked for what must hold for *any* meeting when it is
made (an aware start, a positive duration, nobody listed twice, the citizen
attendee being the case's citizen, a cancellation only on a cancelled meeting).
Whether it fits its *format* — enough professions, a concrete case, a
facilitator — is the rules layer's job, which reports instead of raising.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta, timezone
from typing import Any, NamedTuple

import attrs

from learnmeet.exceptions import InvalidValueError
from learnmeet.model._arguments import checked
from learnmeet.model._cases import CitizenCase
from learnmeet.model._checks import (
    each,
    identifier,
    instance_of,
    optional,
    optional_identifier,
    safe_text,
    to_tuple,
    unique,
    usual_identifier,
    usual_text,
)
from learnmeet.model._formats import MeetingFormat
from learnmeet.model._labels import Label, LabelledEnum, Lang, check_lang
from learnmeet.model._people import (
    Area,
    Citizen,
    Person,
    Professional,
    Relative,
)
from learnmeet.model._reprs import fields_shown
from learnmeet.model._time import (
    LAST_YEAR,
    aware_datetime,
    ends_in_the_years,
    positive_duration,
    usual_duration,
    usual_time,
)

__all__ = [
    "Attendance",
    "Attendee",
    "AttendeeRole",
    "Cancellation",
    "CancellationReason",
    "Cohort",
    "Location",
    "LocationKind",
    "Meeting",
    "MeetingStatus",
    "Participation",
    "Reflection",
    "Rsvp",
    "TakingPart",
    "taking_part",
    "who_takes_part",
]


class AttendeeRole(LabelledEnum):
    """The part a person plays at a meeting.

    .. versionadded:: 0.1.0
    """

    FACILITATOR = "facilitator", Label(da="facilitator", en="facilitator")
    CASE_PRESENTER = "case_presenter", Label(da="casefremlægger", en="case presenter")
    PARTICIPANT = "participant", Label(da="deltager", en="participant")
    CITIZEN = "citizen", Label(da="borger", en="citizen")
    RELATIVE = "relative", Label(da="pårørende", en="relative")
    HOST = "host", Label(da="vært", en="host")
    OBSERVER = "observer", Label(da="observatør", en="observer")


class Participation(LabelledEnum):
    """Whether an attendee's presence is required (FHIR ``required``).

    .. versionadded:: 0.1.0
    """

    REQUIRED = "required", Label(da="skal deltage", en="required")
    OPTIONAL = "optional", Label(da="kan deltage", en="optional")
    INFORMATION_ONLY = (
        "information_only",
        Label(da="til orientering", en="information only"),
    )


class Rsvp(LabelledEnum):
    """An attendee's answer to the invitation (FHIR ``participationStatus``).

    .. versionadded:: 0.1.0
    """

    ACCEPTED = "accepted", Label(da="accepteret", en="accepted")
    DECLINED = "declined", Label(da="afslået", en="declined")
    TENTATIVE = "tentative", Label(da="foreløbigt", en="tentative")
    NEEDS_ACTION = "needs_action", Label(da="mangler svar", en="needs action")


class Attendance(LabelledEnum):
    """Whether an attendee took part, once the meeting has been held.

    .. versionadded:: 0.1.0
    """

    YES = "yes", Label(da="deltog", en="attended")
    NO = "no", Label(da="deltog ikke", en="did not attend")
    UNKNOWN = "unknown", Label(da="ukendt", en="unknown")


class MeetingStatus(LabelledEnum):
    """Where a meeting is in its life.

    ``tentative`` is planned but not yet sure to happen, e.g. a course day
    below its minimum fill, which may still be merged or cancelled: RFC 5545's
    ``STATUS:TENTATIVE``, FHIR Appointment's ``proposed``. It takes people's
    time as a planned meeting does.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 ``tentative``.
    """

    PLANNED = "planned", Label(da="planlagt", en="planned")
    TENTATIVE = "tentative", Label(da="foreløbig", en="tentative")
    HELD = "held", Label(da="afholdt", en="held")
    CANCELLED = "cancelled", Label(da="aflyst", en="cancelled")


class CancellationReason(LabelledEnum):
    """Why a meeting was cancelled; the seeds' reasons come first.

    .. versionadded:: 0.1.0
    """

    ILLNESS = "illness", Label(da="sygdom", en="illness")
    PANDEMIC = "pandemic", Label(da="pandemi", en="pandemic")
    STAFF_SHORTAGE = (
        "staff_shortage",
        Label(da="mangel på personale", en="staff shortage"),
    )
    LOW_ENROLMENT = "low_enrolment", Label(da="for få tilmeldte", en="low enrolment")
    CITIZEN_DECLINED = (
        "citizen_declined",
        Label(da="borgeren takkede nej", en="citizen declined"),
    )
    CITIZEN_DECEASED = (
        "citizen_deceased",
        Label(da="borgeren er død", en="citizen deceased"),
    )
    OTHER = "other", Label(da="andet", en="other")


@attrs.frozen
class Cancellation:
    """Why a meeting was cancelled.

    .. versionadded:: 0.1.0
    """

    reason: CancellationReason = attrs.field(validator=instance_of(CancellationReason))
    note: str = attrs.field(default="", validator=safe_text)


class LocationKind(LabelledEnum):
    """Where a meeting takes place.

    .. versionadded:: 0.1.0
    """

    ON_SITE = "on_site", Label(da="på arbejdsstedet", en="on site")
    CITIZEN_HOME = (
        "citizen_home",
        Label(da="hjemme hos borgeren", en="in the citizen's home"),
    )
    ONLINE = "online", Label(da="online", en="online")


@fields_shown
@attrs.frozen
class Location:
    """Where a meeting is held. The citizen's home is never written as an address.

    Attributes:
        kind: On site, in the citizen's home or online.
        description: Free text for the attendees, e.g. how to find the room.
        place: For a meeting on site, the key of the place it is at (e.g.
            ``"sundhedshuset"``), which travel times are looked up by; ``None``
            for the one site. Never set for a citizen's home or online: the
            home is known by the citizen's pseudonym, an online meeting has
            no place.
        room: For a meeting on site, the id of the room it is booked in.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *place* and *room*.
    """

    kind: LocationKind = attrs.field(validator=instance_of(LocationKind))
    description: str = attrs.field(default="", validator=safe_text)
    place: str | None = attrs.field(
        default=None, kw_only=True, validator=optional_identifier
    )
    room: str | None = attrs.field(
        default=None, kw_only=True, validator=optional_identifier
    )

    def __attrs_post_init__(self) -> None:
        if self.kind is not LocationKind.ON_SITE:
            for name in ("place", "room"):
                if getattr(self, name) is not None:
                    raise InvalidValueError(
                        reason=Label(
                            da=f"{name} gælder kun et møde på arbejdsstedet, ikke "
                            f"{self.kind.label.da}",
                            en=f"{name} is for a meeting on site only, not "
                            f"{self.kind.label.en}",
                        ),
                        fix=Label(
                            da="udelad den; borgerens hjem kendes på pseudonymet, "
                            "og et onlinemøde har intet sted",
                            en="leave it out; the citizen's home is known by the "
                            "pseudonym, and an online meeting has no place",
                        ),
                        where="Location",
                        path=(name,),
                    )


def _labels(items: Iterable[Label]) -> tuple[Label, ...]:
    return to_tuple(items)


@attrs.frozen
class Reflection:
    """The reflection attached to a meeting: a model and the questions chosen.

    Attributes:
        model: The code of the reflection model, e.g. ``"gibbs"``.
        questions: The reflection questions to ask, in Danish and English.

    .. versionadded:: 0.1.0
    """

    model: str = attrs.field(validator=identifier)
    questions: tuple[Label, ...] = attrs.field(
        default=(), converter=_labels, validator=each(instance_of(Label))
    )


@attrs.frozen
class Cohort:
    """A cohort (hold) that a course session is run for, belonging to one area.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=identifier)
    area: Area = attrs.field(validator=instance_of(Area))


class TakingPart(NamedTuple):
    """Who takes part in a meeting, and in which roles."""

    attendees: tuple[Attendee, ...]
    professionals: tuple[Professional, ...]
    facilitators: tuple[Attendee, ...]
    host: Professional | None
    discussants: tuple[Professional, ...]


# Immutable, so every meeting without a location of its own can share it.
_ON_SITE = Location(LocationKind.ON_SITE)

# A tuple, not a set: membership is then by identity, where a set would call
# Enum.__hash__ (Python code) for every attendee made.
_PROFESSIONAL_ROLES = (
    AttendeeRole.FACILITATOR,
    AttendeeRole.CASE_PRESENTER,
    AttendeeRole.PARTICIPANT,
    AttendeeRole.HOST,
    AttendeeRole.OBSERVER,
)
# Members read for every value made; reading one off its class costs ten
# times a module global in Python 3.11.
_CITIZEN_ROLE = AttendeeRole.CITIZEN
_RELATIVE_ROLE = AttendeeRole.RELATIVE
_CANCELLED = MeetingStatus.CANCELLED
_INFORMATION_ONLY = Participation.INFORMATION_ONLY
_DECLINED = Rsvp.DECLINED
_FACILITATOR_ROLE = AttendeeRole.FACILITATOR
_HOST_ROLE = AttendeeRole.HOST
_OBSERVER_ROLE = AttendeeRole.OBSERVER


@fields_shown
@attrs.frozen(kw_only=True, init=False)
class Attendee:
    """A person invited to a meeting, with their role and answer.

    Attributes:
        person: A professional, the case's citizen or one of their relatives.
        role: The part they play; ``CITIZEN`` and ``RELATIVE`` are for exactly
            those people, the other roles for professionals.
        participation: Required, optional or information only.
        rsvp: Their answer to the invitation.
        attended: Whether they took part, once the meeting has been held.

    .. versionadded:: 0.1.0
    """

    person: Person = attrs.field(validator=instance_of(Professional, Citizen, Relative))
    role: AttendeeRole = attrs.field(validator=instance_of(AttendeeRole))
    participation: Participation = attrs.field(
        default=Participation.REQUIRED, validator=instance_of(Participation)
    )
    rsvp: Rsvp = attrs.field(default=Rsvp.NEEDS_ACTION, validator=instance_of(Rsvp))
    attended: Attendance = attrs.field(
        default=Attendance.UNKNOWN, validator=instance_of(Attendance)
    )

    def __init__(
        self,
        *,
        person: Person,
        role: AttendeeRole,
        participation: Participation = Participation.REQUIRED,
        rsvp: Rsvp = Rsvp.NEEDS_ACTION,
        attended: Attendance = Attendance.UNKNOWN,
    ) -> None:
        # The fused path: a professional in a professional's role, every
        # field of exactly its class, is set here without a call per field.
        # Anything else — a citizen, a subclass, a wrong value — goes to
        # attrs' own __init__, which checks and refuses it field by field.
        if (
            self.__class__ is Attendee
            and person.__class__ is Professional
            and role.__class__ is AttendeeRole
            and role in _PROFESSIONAL_ROLES
            and participation.__class__ is Participation
            and rsvp.__class__ is Rsvp
            and attended.__class__ is Attendance
        ):
            _set_person(self, person)
            _set_role(self, role)
            _set_participation(self, participation)
            _set_rsvp(self, rsvp)
            _set_attended(self, attended)
            return
        self.__attrs_init__(
            person=person,
            role=role,
            participation=participation,
            rsvp=rsvp,
            attended=attended,
        )

    def __attrs_post_init__(self) -> None:
        person = self.person
        if isinstance(person, Citizen):
            fits = self.role is _CITIZEN_ROLE
        elif isinstance(person, Relative):
            fits = self.role is _RELATIVE_ROLE
        else:
            fits = self.role in _PROFESSIONAL_ROLES
        if not fits:
            kind = type(person).__name__.lower()
            raise InvalidValueError(
                reason=Label(
                    da=f"rollen {self.role.label.da!r} passer ikke til {person.key!r}",
                    en=f"a {kind} cannot have the role {self.role.code!r}",
                ),
                fix=Label(
                    da="giv borgeren rollen 'citizen', en pårørende 'relative' og "
                    "fagpersoner en af de andre roller",
                    en="give the citizen the role 'citizen', a relative 'relative', "
                    "and professionals one of the other roles",
                ),
                where="Attendee",
                path=("role",),
            )

    @property
    def professional(self) -> Professional | None:
        """The attendee as a professional, or ``None`` for a citizen or relative."""
        return self.person if isinstance(self.person, Professional) else None

    @property
    def takes_part(self) -> bool:
        """Whether the attendee takes part: the one definition of the library.

        Someone who is information-only (discussed but not present, like the
        citizen at a learning meeting about their course) or who has declined
        does not take part; everyone else does, an answer still awaited
        included. Whether a meeting is interdisciplinary or cross-sectoral,
        how many attend and who is double-booked are all counted over those
        who take part.

        .. versionadded:: 0.2.0
        """
        return (
            self.participation is not _INFORMATION_ONLY and self.rsvp is not _DECLINED
        )


def _slot_setter(cls: type[Any], name: str) -> Callable[[object, object], None]:
    """What the fused __init__ sets the field *name* of *cls* with.

    The slot's own descriptor, past the frozen class's ``__setattr__`` (which
    only refuses) — the slot attrs' own ``__init__`` sets too.
    """
    setter: Callable[[object, object], None] = cls.__dict__[name].__set__
    return setter


_set_person = _slot_setter(Attendee, "person")
_set_role = _slot_setter(Attendee, "role")
_set_participation = _slot_setter(Attendee, "participation")
_set_rsvp = _slot_setter(Attendee, "rsvp")
_set_attended = _slot_setter(Attendee, "attended")


def _attendees(items: Iterable[Attendee]) -> tuple[Attendee, ...]:
    return to_tuple(items)


@fields_shown
@attrs.frozen(kw_only=True, init=False)
class Meeting:
    """A meeting of one format, at one time, with its attendees.

    Attributes:
        id: A stable identifier.
        format: The meeting format.
        start: When it starts; must be timezone-aware.
        duration: How long it lasts; positive whole minutes, a week at most,
            and the meeting must end in the years learnmeet accepts (by
            9998-12-31 local time).
        location: Where it is held.
        attendees: Who is invited, each person once.
        case: The citizen case the meeting is about, if any.
        reflection: The reflection attached to it, if any.
        status: Planned, held or cancelled.
        cancellation: Why it was cancelled; only on a cancelled meeting, and
            required there.
        forum: The identifier of the existing forum it belongs to, if any.
        cohort: The cohort a course session is run for, if any.
        title: A short title, shown after the format's label (see
            :meth:`heading`), so it need not name the format; never a
            citizen's name.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=identifier)
    format: MeetingFormat = attrs.field(validator=instance_of(MeetingFormat))
    start: datetime = attrs.field(validator=aware_datetime)
    duration: timedelta = attrs.field(
        validator=[positive_duration, ends_in_the_years("start")]
    )
    location: Location = attrs.field(
        default=_ON_SITE,
        validator=instance_of(Location),
    )
    attendees: tuple[Attendee, ...] = attrs.field(
        default=(),
        converter=_attendees,
        validator=[
            each(instance_of(Attendee)),
            unique(lambda a: a.person.key, what=Label(da="personen", en="the person")),
        ],
    )
    case: CitizenCase | None = attrs.field(
        default=None, validator=optional(instance_of(CitizenCase))
    )
    reflection: Reflection | None = attrs.field(
        default=None, validator=optional(instance_of(Reflection))
    )
    status: MeetingStatus = attrs.field(
        default=MeetingStatus.PLANNED, validator=instance_of(MeetingStatus)
    )
    cancellation: Cancellation | None = attrs.field(
        default=None, validator=optional(instance_of(Cancellation))
    )
    forum: str | None = attrs.field(default=None, validator=optional_identifier)
    cohort: Cohort | None = attrs.field(
        default=None, validator=optional(instance_of(Cohort))
    )
    title: str = attrs.field(default="", validator=safe_text)

    def __init__(
        self,
        *,
        id: str,
        format: MeetingFormat,
        start: datetime,
        duration: timedelta,
        location: Location = _ON_SITE,
        attendees: Iterable[Attendee] = (),
        case: CitizenCase | None = None,
        reflection: Reflection | None = None,
        status: MeetingStatus = MeetingStatus.PLANNED,
        cancellation: Cancellation | None = None,
        forum: str | None = None,
        cohort: Cohort | None = None,
        title: str = "",
    ) -> None:
        # The fused path: the usual meeting — professionals only, nobody
        # twice, not cancelled, every field of exactly its class and plainly
        # valid — is checked in one expression and set here. Anything else
        # goes to attrs' own __init__, which checks every field in order and
        # raises the same error it always has.
        if attendees.__class__ is list:
            taking: object = tuple(attendees)
        else:
            taking = attendees
        if (
            self.__class__ is Meeting
            and taking.__class__ is tuple
            and usual_identifier(id)
            and format.__class__ is MeetingFormat
            and usual_time(start)
            and start.year < LAST_YEAR  # so the end is in the years too
            and usual_duration(duration)
            and location.__class__ is Location
            and (case is None or case.__class__ is CitizenCase)
            and (reflection is None or reflection.__class__ is Reflection)
            and status.__class__ is MeetingStatus
            and status is not _CANCELLED
            and cancellation is None
            and (forum is None or usual_identifier(forum))
            and (cohort is None or cohort.__class__ is Cohort)
            and title.__class__ is str
            and (title == "" or usual_text(title))
            and _usual_attendees(taking)
        ):
            _set_id(self, id)
            _set_format(self, format)
            _set_start(self, start)
            _set_duration(self, duration)
            _set_location(self, location)
            _set_attendees(self, taking)
            _set_case(self, case)
            _set_reflection(self, reflection)
            _set_status(self, status)
            _set_cancellation(self, cancellation)
            _set_forum(self, forum)
            _set_cohort(self, cohort)
            _set_title(self, title)
            return
        self.__attrs_init__(
            id=id,
            format=format,
            start=start,
            duration=duration,
            location=location,
            attendees=attendees,
            case=case,
            reflection=reflection,
            status=status,
            cancellation=cancellation,
            forum=forum,
            cohort=cohort,
            title=title,
        )

    def __attrs_post_init__(self) -> None:
        cancelled = self.status is _CANCELLED
        if cancelled != (self.cancellation is not None):
            raise InvalidValueError(
                reason=Label(
                    da="et aflyst møde skal have en aflysning med en årsag",
                    en="a cancelled meeting needs a cancellation with a reason",
                )
                if cancelled
                else Label(
                    da="kun et aflyst møde kan have en aflysning",
                    en="only a cancelled meeting can carry a cancellation",
                ),
                fix=Label(
                    da="sæt status til CANCELLED sammen med en Cancellation, eller "
                    "ingen af dem",
                    en="set status to CANCELLED together with a Cancellation, or "
                    "neither",
                ),
                where="Meeting",
                path=("cancellation",),
            )
        for index, attendee in enumerate(self.attendees):
            person = attendee.person
            if not isinstance(person, Professional):  # a professional needs no case
                self._check_case_person(index, person)

    def _check_case_person(self, index: int, person: Citizen | Relative) -> None:
        case = self.case
        if isinstance(person, Citizen):
            ok = case is not None and person == case.citizen
            whose = Label(da="borgeren", en="the citizen")
        else:
            ok = case is not None and person.citizen == case.citizen.pseudonym
            whose = Label(
                da="en pårørende til borgeren", en="a relative of the citizen"
            )
        if not ok:
            about = (
                Label(da="mødet har ingen sag", en="the meeting has no case")
                if case is None
                else Label(
                    da=f"sagens borger er {case.citizen.pseudonym!r}",
                    en=f"the case's citizen is {case.citizen.pseudonym!r}",
                )
            )
            raise InvalidValueError(
                reason=Label(
                    da=f"{person.key!r} kan kun deltage som {whose.da} i mødets "
                    f"sag, men {about.da}",
                    en=f"{person.key!r} may attend only as {whose.en} of the "
                    f"meeting's case, but {about.en}",
                ),
                fix=Label(
                    da="knyt den sag, borgeren hører til, til mødet, eller fjern "
                    "deltageren",
                    en="attach the case the citizen belongs to, or remove the attendee",
                ),
                where="Meeting",
                path=("attendees", index, "person"),
            )

    @property
    def end(self) -> datetime:
        """When the meeting ends, in the start's zone.

        The duration is elapsed time: a two-hour meeting across the change from
        summer to winter time lasts two hours, not three.
        """
        elapsed = self.start.astimezone(timezone.utc) + self.duration
        return elapsed.astimezone(self.start.tzinfo)

    @property
    def professionals(self) -> tuple[Professional, ...]:
        """Every professional invited, in attendee order, taking part or not."""
        return tuple(
            a.person for a in self.attendees if isinstance(a.person, Professional)
        )

    @property
    def taking_part(self) -> tuple[Attendee, ...]:
        """The attendees who take part (:attr:`Attendee.takes_part`), in order.

        Rules, evaluation, planning and the command line all count over these.

        .. versionadded:: 0.2.0
        """
        return who_takes_part(self).attendees

    @property
    def professionals_taking_part(self) -> tuple[Professional, ...]:
        """The professionals among those who take part, in attendee order.

        .. versionadded:: 0.2.0
        """
        return who_takes_part(self).professionals

    @property
    def facilitators(self) -> tuple[Attendee, ...]:
        """Those taking part in the role of facilitator.

        .. versionadded:: 0.2.0
        """
        return who_takes_part(self).facilitators

    @property
    def host(self) -> Professional | None:
        """The first professional taking part in the role of host, if any.

        .. versionadded:: 0.2.0
        """
        return who_takes_part(self).host

    @property
    def discussants(self) -> tuple[Professional, ...]:
        """The professionals taking part who discuss: every role but observer.

        Observers (forum members listening in) learn, but do not make up the
        group around the citizen whose share from outside the care team a
        learning meeting limits.

        .. versionadded:: 0.2.0
        """
        return who_takes_part(self).discussants

    @property
    def professions(self) -> frozenset[str]:
        """Codes of the distinct professions of the professionals taking part.

        .. versionchanged:: 0.2.0 Counted over those who take part: someone
           who declined or is information-only brings no profession.
        .. versionchanged:: 0.3.0 A volunteer brings no profession.
        """
        return frozenset(
            p.profession.code
            for p in self.professionals_taking_part
            if p.profession is not None
        )

    @property
    def sectors(self) -> frozenset[str]:
        """Codes of the distinct sectors of the professionals taking part.

        .. versionchanged:: 0.2.0 Counted over those who take part.
        """
        return frozenset(p.sector.code for p in self.professionals_taking_part)

    @property
    def organisations(self) -> frozenset[str]:
        """Ids of the distinct organisations of the professionals taking part.

        .. versionadded:: 0.3.0
        """
        return frozenset(p.unit.organisation.id for p in self.professionals_taking_part)

    @property
    def is_interdisciplinary(self) -> bool:
        """More than one profession takes part (tværfaglig).

        Professions only: a volunteer, or a function such as visitator held
        by someone of a profession already present, adds none.
        """
        return len(self.professions) > 1

    @property
    def is_cross_sectoral(self) -> bool:
        """More than one sector takes part (tværsektoriel)."""
        return len(self.sectors) > 1

    @property
    def is_cross_municipal(self) -> bool:
        """More than one municipality takes part (tværkommunal).

        Organisations of the sector ``"municipality"``: several
        municipalities meeting is not cross-sectoral by itself; with the
        region's hospital present it is both.

        .. versionadded:: 0.3.0
        """
        return (
            len(
                {
                    p.unit.organisation.id
                    for p in self.professionals_taking_part
                    if p.sector.code == "municipality"
                }
            )
            > 1
        )

    @checked
    def attendee(self, key: str) -> Attendee | None:
        """Return the attendee whose person has *key*, if any."""
        return next((a for a in self.attendees if a.person.key == key), None)

    @checked
    def heading(self, lang: Lang = "da") -> str:
        """Return the meeting's heading in *lang*, naming its format once.

        The format's label in *lang*, the area of a course session's cohort
        (in *lang*), then the title as it was given:

        >>> from learnmeet import DEFAULT_CATALOG
        >>> audit = DEFAULT_CATALOG.format("audit")
        >>> start = datetime(2027, 1, 12, 9, 30, tzinfo=timezone.utc)
        >>> m = Meeting(id="m", format=audit, start=start,
        ...             duration=timedelta(hours=1), title="B-102")
        >>> m.heading("da"), m.heading("en")
        ('tværsektoriel audit: B-102', 'cross-sectoral audit: B-102')

        The planners give a meeting a title only for what is not its format
        (the citizen's pseudonym, the forum's name), so calendars, the
        command line and the demo, which all show this heading, name the
        format once and in the output's language.

        Raises:
            InvalidValueError: *lang* is neither ``"da"`` nor ``"en"``.

        .. versionadded:: 0.3.0
        """
        lang = check_lang(lang)
        heading = self.format.label.get(lang)
        if self.cohort is not None:
            heading += f", {self.cohort.area.label.get(lang)}"
        return f"{heading}: {self.title}" if self.title else heading


def _usual_attendees(attendees: tuple[Attendee, ...]) -> bool:
    """Attendees of exactly their class, all professionals, nobody twice.

    What the fused :class:`Meeting` constructor takes without asking each
    field's validator: among professionals (of exactly that class) distinct
    identifiers are distinct keys, so nobody is listed twice, and no
    professional needs the meeting's case.
    """
    ids = set()
    for attendee in attendees:
        if attendee.__class__ is not Attendee:
            return False
        person = attendee.person
        if person.__class__ is not Professional:
            return False
        ids.add(person.id)
    return len(ids) == len(attendees)


_set_id = _slot_setter(Meeting, "id")
_set_format = _slot_setter(Meeting, "format")
_set_start = _slot_setter(Meeting, "start")
_set_duration = _slot_setter(Meeting, "duration")
_set_location = _slot_setter(Meeting, "location")
_set_attendees = _slot_setter(Meeting, "attendees")
_set_case = _slot_setter(Meeting, "case")
_set_reflection = _slot_setter(Meeting, "reflection")
_set_status = _slot_setter(Meeting, "status")
_set_cancellation = _slot_setter(Meeting, "cancellation")
_set_forum = _slot_setter(Meeting, "forum")
_set_cohort = _slot_setter(Meeting, "cohort")
_set_title = _slot_setter(Meeting, "title")


@checked
def taking_part(meeting: Meeting) -> tuple[Attendee, ...]:
    """The attendees of *meeting* who take part: :attr:`Meeting.taking_part`.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 Defined once, on the model.
    """
    return meeting.taking_part


def who_takes_part(meeting: Meeting) -> TakingPart:
    """Who takes part in *meeting*, and in which roles, in one pass.

    The one place the attendees are sorted by :attr:`Attendee.takes_part`;
    :class:`Meeting`'s properties read it, and validation works it out once
    per meeting for all its rules.
    """
    taking: list[Attendee] = []
    professionals: list[Professional] = []
    facilitators: list[Attendee] = []
    discussants: list[Professional] = []
    host: Professional | None = None
    for a in meeting.attendees:
        if not a.takes_part:
            continue
        taking.append(a)
        role = a.role
        if role is _FACILITATOR_ROLE:
            facilitators.append(a)
        person = a.person
        if person.__class__ is Professional or isinstance(person, Professional):
            professionals.append(person)
            if role is not _OBSERVER_ROLE:
                discussants.append(person)
            if host is None and role is _HOST_ROLE:
                host = person
    return TakingPart(
        tuple(taking),
        tuple(professionals),
        tuple(facilitators),
        host,
        tuple(discussants),
    )
