"""The composer: propose who should meet, for a format and a citizen case.

The order of choice is the source documents' lessons: the citizen's own care
team first (learning works when direct collaboration partners meet around a
concrete course), then whoever covers a missing profession or sector (for an
audit, the two sectors of the transition), a facilitator from the key persons,
the citizen at a home meeting, a host and visitors of another sector for a
study visit or a roadshow. The composer never fails: what it could not meet is
listed as violations, and a proposal that says it is complete validates clean.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime

import attrs

from learnmeet.catalog._reflection import QUESTION_BANK
from learnmeet.exceptions import InvalidValueError
from learnmeet.model._arguments import checked
from learnmeet.model._cases import CitizenCase
from learnmeet.model._checks import each, identifier, instance_of, joined_id, to_tuple
from learnmeet.model._formats import MeetingFormat, missing_on
from learnmeet.model._labels import Label, Lang, check_lang
from learnmeet.model._meetings import (
    Attendee,
    AttendeeRole,
    Cohort,
    Location,
    LocationKind,
    Meeting,
    Participation,
    Reflection,
    Rsvp,
)
from learnmeet.model._people import Professional, StaffRole
from learnmeet.model._reflection import Audience
from learnmeet.model._time import end_refusal
from learnmeet.rules._facts import named
from learnmeet.rules._report import Report, Violation
from learnmeet.rules._rule import RuleSet
from learnmeet.rules._validate import DEFAULT_RULES, validate

__all__ = ["DEFAULT_REFLECTION", "Choice", "Proposal", "compose"]

DEFAULT_REFLECTION = QUESTION_BANK.choose(
    "case_learning", format="learning_meeting", seed="default"
)
"""The reflection the composer attaches when a format needs one and none is given.

One question from each phase of the ``case_learning`` model. A meeting in the
citizen's home gets the plain-language ``home_conversation`` questions instead,
and another format the case questions that suit it.
"""


def _default_reflection(format: MeetingFormat, at_home: bool) -> Reflection:
    if at_home:
        return QUESTION_BANK.choose(
            "home_conversation",
            format=format,
            audience=Audience.CITIZEN_AND_RELATIVES,
            seed="default",
        )
    if format.code == "learning_meeting":
        return DEFAULT_REFLECTION
    return QUESTION_BANK.choose("case_learning", format=format, seed="default")


@attrs.frozen
class Choice:
    """Why the composer chose a person, and for which role.

    Attributes:
        key: The person's key, e.g. ``"professional:p-1"``.
        role: The role the person was chosen for.
        reason: Why, in Danish and English.

    .. versionadded:: 0.1.0
    """

    key: str = attrs.field(validator=identifier)
    role: AttendeeRole = attrs.field(validator=instance_of(AttendeeRole))
    reason: Label = attrs.field(validator=instance_of(Label))


def _choices(items: Iterable[Choice]) -> tuple[Choice, ...]:
    return to_tuple(items)


def _violations(items: Iterable[Violation]) -> tuple[Violation, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class Proposal:
    """A proposed meeting: who, in which role, why, and what is still missing.

    Attributes:
        meeting: The proposed meeting, ready to save or change.
        choices: Why each attendee was chosen, in attendee order.
        missing: Errors and warnings that could not be resolved from the pool.
        awaiting: Violations that only the invitees' answers can settle (e.g.
            the citizen accepting a home meeting): those of the rules with
            :attr:`~learnmeet.Rule.settled_by_answers`.

    .. versionadded:: 0.1.0
    """

    meeting: Meeting = attrs.field(validator=instance_of(Meeting))
    choices: tuple[Choice, ...] = attrs.field(
        converter=_choices, validator=each(instance_of(Choice))
    )
    missing: tuple[Violation, ...] = attrs.field(
        default=(), converter=_violations, validator=each(instance_of(Violation))
    )
    awaiting: tuple[Violation, ...] = attrs.field(
        default=(), converter=_violations, validator=each(instance_of(Violation))
    )

    @property
    def complete(self) -> bool:
        """No error is missing: the meeting validates clean once invitees answer."""
        return not Report(self.missing).errors

    @checked
    def explain(self, lang: Lang = "da") -> str:
        """Return one line per attendee: who, which role, and why.

        Raises:
            InvalidValueError: *lang* is neither ``"da"`` nor ``"en"``.
        """
        lang = check_lang(lang)
        # A person by the id the user gave, not by the attendee key.
        names = {a.person.key: named(a.person) for a in self.meeting.attendees}
        lines = [
            f"{names.get(c.key) or c.key.partition(':')[2] or c.key} — "
            f"{c.role.label.get(lang)}: {c.reason.get(lang)}"
            for c in self.choices
        ]
        for v in (*self.missing, *self.awaiting):
            lines.append(f"! {v.code}: {v.message.get(lang)}")
        return "\n".join(lines)


class _Draft:
    """The attendees chosen so far, in order, each with a reason."""

    def __init__(self) -> None:
        self.people: dict[str, Professional] = {}
        self.roles: dict[str, AttendeeRole] = {}
        self.reasons: dict[str, Label] = {}

    def add(self, person: Professional, role: AttendeeRole, reason: Label) -> None:
        if person.id in self.people:
            return
        self.people[person.id] = person
        self.roles[person.id] = role
        self.reasons[person.id] = reason

    @property
    def professions(self) -> set[str]:
        return {
            p.profession.code for p in self.people.values() if p.profession is not None
        }

    @property
    def sectors(self) -> set[str]:
        return {p.sector.code for p in self.people.values()}


def _one_kind(format: MeetingFormat) -> Callable[[Professional], str] | None:
    """What a course for one profession (or one group of them) keeps alike.

    A volunteer is of no profession: a kind of their own, never a course's.
    """
    req = format.requirements
    if req.max_professions == 1:
        return lambda p: "" if p.profession is None else p.profession.code
    if req.max_profession_groups == 1:
        return lambda p: "" if p.profession is None else p.profession.group_code
    return None


@checked
def compose(
    format: MeetingFormat,
    *,
    pool: Iterable[Professional],
    start: datetime,
    case: CitizenCase | None = None,
    host: Professional | None = None,
    cohort: Cohort | None = None,
    reflection: Reflection | None = None,
    include_relatives: bool = False,
    answers: Mapping[str, Rsvp] | None = None,
    meeting_id: str | None = None,
    rules: RuleSet = DEFAULT_RULES,
) -> Proposal:
    """Propose attendees with roles for a meeting of *format*.

    Deterministic: the same input gives the same proposal.

    Args:
        format: The meeting format.
        pool: The professionals who can be invited.
        start: When the meeting would start (consent is checked for that day).
        case: The citizen case the meeting is about, if any.
        host: The host of a study visit or roadshow; chosen from the pool's
            leaders and key persons when not given.
        cohort: The cohort of a course session.
        reflection: The reflection to attach; a short default is attached when
            the format needs one and none is given.
        include_relatives: Invite the case's relatives (optional attendees) when
            the citizen takes part.
        answers: Known answers to the invitation by person key, e.g.
            ``{"citizen:B-017": Rsvp.ACCEPTED}``.
        meeting_id: The id of the proposed meeting, and so the local part
            of its calendar UID. By default made from what the meeting is:
            the format, the case or cohort or host, and the local start
            (``home_meeting-k-1-20270112T1000``), so two proposals differ
            unless they are the same meeting. Give one when two proposals
            could share all of these.
        rules: The rules the proposal is checked with.

    Raises:
        WrongTypeError: An argument, or someone in *pool*, is of the wrong
            type.
        InvalidValueError: The meeting cannot be made (e.g. a naive *start*,
            or one so late in 9998 that the meeting would end in 9999).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 The default *meeting_id* says what the
       meeting is; it was ``"proposal"`` for every proposal.
    """
    return compose_from(
        format,
        staff=Staff.of(pool),
        start=start,
        case=case,
        host=host,
        cohort=cohort,
        reflection=reflection,
        include_relatives=include_relatives,
        answers=answers,
        meeting_id=meeting_id,
        rules=rules,
    )


@attrs.frozen
class Staff:
    """A pool of professionals read once for many proposals.

    Attributes:
        by_id: Each professional by id (of two with one id, the later).
        ordered: The professionals in id order.
    """

    by_id: Mapping[str, Professional]
    ordered: tuple[Professional, ...]

    @classmethod
    def of(cls, pool: Iterable[Professional]) -> Staff:
        """The *pool*, by id and in id order."""
        by_id = {p.id: p for p in pool}
        return cls(by_id, tuple(sorted(by_id.values(), key=lambda p: p.id)))


def compose_from(
    format: MeetingFormat,
    *,
    staff: Staff,
    start: datetime,
    case: CitizenCase | None = None,
    host: Professional | None = None,
    cohort: Cohort | None = None,
    reflection: Reflection | None = None,
    include_relatives: bool = False,
    answers: Mapping[str, Rsvp] | None = None,
    meeting_id: str | None = None,
    rules: RuleSet = DEFAULT_RULES,
) -> Proposal:
    """:func:`compose` from a pool read once (:class:`Staff`).

    :func:`~learnmeet.plan_period` proposes a meeting for many cases from
    the same staff: the pool is read and sorted once, and each proposal
    looks at the care team first and at the others in id order only as far
    as it needs to, not at the whole pool.
    """
    late = end_refusal(start, format.default_duration)
    if late is not None:
        reason, fix = late
        raise InvalidValueError(
            reason=reason, fix=fix, where="compose", path=("start",)
        )
    req = format.requirements
    # A course narrows the pool (those who took the prerequisite, valid on
    # the meeting's day; the
    # cohort's area, one profession) to a list; other formats keep it whole.
    narrowed: list[Professional] | None = None
    if req.has_prerequisite:
        day = start.date()
        narrowed = [p for p in staff.ordered if missing_on(req, p, day) is None]
    if req.cohort_by_area and cohort is not None:
        narrowed = [
            p
            for p in (staff.ordered if narrowed is None else narrowed)
            if p.unit.area == cohort.area
        ]
    pool = staff.ordered if narrowed is None else narrowed
    one_kind = _one_kind(format)
    if one_kind is not None and pool:
        common = Counter(one_kind(p) for p in pool)
        top = min(common, key=lambda code: (-common[code], code))
        narrowed = [p for p in pool if one_kind(p) == top]

    team = {p.id for p in case.care_team} if case is not None else set()
    draft = _Draft()
    citizen_present = req.citizen_present and case is not None
    invite_relatives = include_relatives and citizen_present
    reserved = (
        (1 + (len(case.relatives) if invite_relatives else 0))
        if citizen_present and case is not None
        else 0
    )
    capacity = (req.max_attendees or 10_000) - reserved

    # The care team first, then everyone else, each in id order. A narrowed
    # pool is a list already; a whole one is read lazily, as far as a choice
    # needs: a proposal costs its care team, not the whole staff.
    if narrowed is not None:
        in_team = [p for p in narrowed if p.id in team]
        ranked_all = in_team + [p for p in narrowed if p.id not in team]

        def ranked() -> Iterator[Professional]:
            return iter(ranked_all)

    else:
        in_team = sorted(
            (staff.by_id[i] for i in team if i in staff.by_id), key=lambda p: p.id
        )

        def ranked() -> Iterator[Professional]:
            yield from in_team
            yield from (p for p in staff.ordered if p.id not in team)

    def room() -> bool:
        return len(draft.people) < capacity

    # The host and the facilitator come first: every other choice depends on them.
    if req.host_required:
        host = host or next(
            (p for p in ranked() if p.roles & {StaffRole.LEADER, StaffRole.KEY_PERSON}),
            next(ranked(), None),
        )
        if host is not None:
            draft.add(
                host,
                AttendeeRole.HOST,
                Label(da="vært for besøget", en="host of the visit"),
            )
    if req.facilitator_required:
        facilitator = next(
            (p for p in ranked() if p.can_facilitate and p.id not in draft.people),
            None,
        )
        if facilitator is not None:
            draft.add(
                facilitator,
                AttendeeRole.FACILITATOR,
                Label(
                    da="nøgleperson, der faciliterer", en="key person who facilitates"
                ),
            )

    # The care team: the direct collaboration partners.
    if case is not None:
        for p in in_team:
            if room():
                draft.add(
                    p,
                    AttendeeRole.PARTICIPANT,
                    Label(
                        da="i borgerens team (direkte samarbejdspartner)",
                        en="in the citizen's care team (direct collaboration partner)",
                    ),
                )

    # The sectors of the audited transition, then any missing sector.
    wanted_sectors: list[str] = []
    if req.transition_required and case is not None and case.transitions:
        wanted_sectors = sorted(case.transitions[-1].sectors)
    for code in wanted_sectors:
        if code not in draft.sectors and room():
            pick = next((p for p in ranked() if p.sector.code == code), None)
            if pick is not None:
                draft.add(
                    pick,
                    AttendeeRole.PARTICIPANT,
                    Label(
                        da=f"dækker sektoren {pick.sector.label.da} i overgangen",
                        en=f"covers the sector {pick.sector.label.en} of the "
                        "transition",
                    ),
                )
    host_sector = host.sector.code if req.host_required and host is not None else None
    while len(draft.sectors) < req.min_sectors or (
        host_sector is not None and draft.sectors == {host_sector}
    ):
        pick = next(
            (p for p in ranked() if p.sector.code not in draft.sectors and room()), None
        )
        if pick is None:
            break
        draft.add(
            pick,
            AttendeeRole.PARTICIPANT,
            Label(
                da=f"dækker sektoren {pick.sector.label.da}",
                en=f"covers the sector {pick.sector.label.en}",
            ),
        )

    # Missing professions.
    while len(draft.professions) < req.min_professions and room():
        pick = next(
            (
                p
                for p in ranked()
                if p.profession is not None
                and p.profession.code not in draft.professions
            ),
            None,
        )
        if pick is None or pick.profession is None:
            break
        draft.add(
            pick,
            AttendeeRole.PARTICIPANT,
            Label(
                da=f"dækker faggruppen {pick.profession.label.da}",
                en=f"covers the profession {pick.profession.label.en}",
            ),
        )

    # Enough people from the host's organisation for a roadshow.
    if req.min_host_attendees and host is not None:
        org = host.unit.organisation.id
        for p in ranked():
            have = sum(
                1 for q in draft.people.values() if q.unit.organisation.id == org
            )
            if have >= req.min_host_attendees or not room():
                break
            if p.unit.organisation.id == org:
                draft.add(
                    p,
                    AttendeeRole.PARTICIPANT,
                    Label(
                        da="fra værtsorganisationen", en="from the host organisation"
                    ),
                )

    # Fill up to the format's minimum (a course: up to its capacity).
    target = max(req.min_attendees, req.min_fill or 0) - reserved
    if req.min_fill is not None and req.max_attendees is not None:
        target = req.max_attendees - reserved
    for p in ranked():
        if len(draft.people) >= target or not room():
            break
        if _outside_share(draft, team, p) > (req.max_outside_care_team_share or 1.0):
            continue
        draft.add(
            p,
            AttendeeRole.PARTICIPANT,
            Label(da="udfylder gruppen", en="fills the group")
            if p.id not in team
            else Label(da="i borgerens team", en="in the citizen's care team"),
        )

    return _proposal(
        format,
        draft,
        case=case,
        start=start,
        cohort=cohort,
        reflection=reflection,
        include_relatives=invite_relatives,
        citizen_present=citizen_present,
        answers=answers or {},
        meeting_id=meeting_id
        or default_meeting_id(format, start, case=case, cohort=cohort, host=host),
        rules=rules,
    )


def default_meeting_id(
    format: MeetingFormat,
    start: datetime,
    *,
    case: CitizenCase | None = None,
    cohort: Cohort | None = None,
    host: Professional | None = None,
) -> str:
    """The id :func:`compose` gives a meeting: what it is, not a counter.

    The format's code, the case's id, the cohort's id and the host's id (each
    when given), and the start's local day and time to the minute.
    """
    parts = [format.code]
    parts += [x.id for x in (case, cohort, host) if x is not None]
    return joined_id(*parts, f"{start:%Y%m%dT%H%M}")


def _outside_share(draft: _Draft, team: set[str], extra: Professional) -> float:
    if not team:
        return 0.0
    people = [*draft.people, extra.id]
    return sum(1 for pid in people if pid not in team) / len(people)


def _proposal(
    format: MeetingFormat,
    draft: _Draft,
    *,
    case: CitizenCase | None,
    start: datetime,
    cohort: Cohort | None,
    reflection: Reflection | None,
    include_relatives: bool,
    citizen_present: bool,
    answers: Mapping[str, Rsvp],
    meeting_id: str,
    rules: RuleSet,
) -> Proposal:
    req = format.requirements
    attendees: list[Attendee] = []
    choices: list[Choice] = []
    presenter_given = False
    for pid, person in draft.people.items():
        role = draft.roles[pid]
        if (
            role is AttendeeRole.PARTICIPANT
            and case is not None
            and not presenter_given
        ) and pid in {p.id for p in case.care_team}:
            role = AttendeeRole.CASE_PRESENTER
            presenter_given = True
        attendees.append(
            Attendee(
                person=person,
                role=role,
                rsvp=answers.get(person.key, Rsvp.NEEDS_ACTION),
            )
        )
        choices.append(Choice(person.key, role, draft.reasons[pid]))
    if citizen_present and case is not None:
        citizen = case.citizen
        attendees.append(
            Attendee(
                person=citizen,
                role=AttendeeRole.CITIZEN,
                rsvp=answers.get(citizen.key, Rsvp.NEEDS_ACTION),
            )
        )
        choices.append(
            Choice(
                citizen.key,
                AttendeeRole.CITIZEN,
                Label(
                    da="borgeren, mødet handler om",
                    en="the citizen the meeting is about",
                ),
            )
        )
        if include_relatives:
            for relative in case.relatives:
                attendees.append(
                    Attendee(
                        person=relative,
                        role=AttendeeRole.RELATIVE,
                        participation=Participation.OPTIONAL,
                        rsvp=answers.get(relative.key, Rsvp.NEEDS_ACTION),
                    )
                )
                choices.append(
                    Choice(
                        relative.key,
                        AttendeeRole.RELATIVE,
                        Label(da="pårørende (valgfrit)", en="relative (optional)"),
                    )
                )
    if reflection is None and req.reflection_required:
        reflection = _default_reflection(format, req.at_citizen_home)
    meeting = Meeting(
        id=meeting_id,
        format=format,
        start=start,
        duration=format.default_duration,
        location=Location(
            LocationKind.CITIZEN_HOME if req.at_citizen_home else LocationKind.ON_SITE
        ),
        attendees=attendees,
        case=case,
        reflection=reflection,
        cohort=cohort,
    )
    report = validate(meeting, rules=rules)
    # What only the invitees' answers settle is awaited, not missing.
    settled_by_answers = {r.code for r in rules.active if r.settled_by_answers}
    missing = [v for v in report.violations if v.code not in settled_by_answers]
    awaiting = [v for v in report.violations if v.code in settled_by_answers]
    return Proposal(
        meeting=meeting, choices=choices, missing=missing, awaiting=awaiting
    )
