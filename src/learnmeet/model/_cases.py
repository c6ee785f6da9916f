"""Citizen cases (borgerforløb) and the transitions between sectors within them.

Both source documents teach that learning starts from *concrete* citizen courses:
the Esbjerg course days that used fictional cases gave little, and the KOPA
projects found most value where learning began from a real course of care. A
case therefore records whether it is concrete or fictional, and a concrete case
used for learning needs the citizen's recorded consent.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType

import attrs

from learnmeet.exceptions import InvalidValueError
from learnmeet.model._arguments import checked
from learnmeet.model._checks import (
    each,
    identifier,
    instance_of,
    optional,
    safe_text,
    to_frozenset,
    to_tuple,
    unique,
)
from learnmeet.model._labels import Label, LabelledEnum
from learnmeet.model._people import Citizen, Professional, Relative, Sector
from learnmeet.model._time import a_date

__all__ = [
    "HANDOVER_DOCUMENTS",
    "CaseOrigin",
    "CitizenCase",
    "Consent",
    "DocumentNeed",
    "HandoverDocument",
    "PalliativeLevel",
    "Transition",
    "TransitionKind",
]


class CaseOrigin(LabelledEnum):
    """Whether a case is a real course of care or made up for teaching.

    .. versionadded:: 0.1.0
    """

    CONCRETE = "concrete", Label(da="konkret borgerforløb", en="concrete citizen case")
    FICTIONAL = "fictional", Label(da="fiktiv case", en="fictional case")


_CONCRETE = CaseOrigin.CONCRETE  # read per case by the rules; a global is cheaper


class PalliativeLevel(LabelledEnum):
    """The level of palliative care (Danish Health Authority, 2017).

    *Basic* palliation is given by services whose main task is not palliation
    (home care, nursing homes, GPs, hospital wards); *specialised* palliation by
    palliative teams, palliative departments and hospices, on a doctor's referral.

    .. versionadded:: 0.1.0
    """

    NONE = "none", Label(da="ingen palliativ indsats", en="no palliative care")
    BASIC = "basic", Label(da="basal palliativ indsats", en="basic palliative care")
    SPECIALISED = (
        "specialised",
        Label(da="specialiseret palliativ indsats", en="specialised palliative care"),
    )


class TransitionKind(LabelledEnum):
    """What kind of move between sectors a transition is.

    .. versionadded:: 0.1.0
    """

    ADMISSION = "admission", Label(da="indlæggelse", en="admission")
    DISCHARGE = "discharge", Label(da="udskrivelse", en="discharge")
    REFERRAL = "referral", Label(da="henvisning", en="referral")
    TRANSFER = "transfer", Label(da="overflytning", en="transfer")


class HandoverDocument(LabelledEnum):
    """A document handed over at a transition, by MedCom's names.

    The Danish labels are the names staff see in their inboxes: MedCom's
    standards for messages between hospital, municipality and general
    practice (indlæggelsesrapport, udskrivningsrapport, plejeforløbsplan,
    melding om færdigbehandling, korrespondancemeddelelse, genoptræningsplan,
    epikrise). Which of them belong to which kind of transition is
    :data:`HANDOVER_DOCUMENTS`.

    ``NURSING_REPORT`` (``"nursing_report"``) is kept so documents written
    before version 3 still read: "sygeplejerapport" is no MedCom name, and a
    :class:`Transition` holding it holds the report of its kind instead (the
    indlæggelsesrapport at an admission, the udskrivningsrapport at a
    discharge or transfer).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 MedCom's names; ``ADMISSION_REPORT``,
       ``DISCHARGE_REPORT``, ``CARE_COURSE_PLAN``, ``TREATMENT_COMPLETED`` and
       ``CORRESPONDENCE``; ``NURSING_REPORT`` read as the report of the
       transition's kind.
    """

    ADMISSION_REPORT = (
        "admission_report",
        Label(da="indlæggelsesrapport", en="admission report"),
    )
    DISCHARGE_REPORT = (
        "discharge_report",
        Label(da="udskrivningsrapport", en="discharge report"),
    )
    CARE_COURSE_PLAN = (
        "care_course_plan",
        Label(da="plejeforløbsplan", en="care course plan"),
    )
    TREATMENT_COMPLETED = (
        "treatment_completed",
        Label(
            da="melding om færdigbehandling",
            en="notification of completed treatment",
        ),
    )
    CORRESPONDENCE = (
        "correspondence",
        Label(da="korrespondancemeddelelse", en="correspondence message"),
    )
    REHABILITATION_PLAN = (
        "rehabilitation_plan",
        Label(da="genoptræningsplan", en="rehabilitation plan"),
    )
    DISCHARGE_SUMMARY = (
        "discharge_summary",
        Label(da="epikrise", en="discharge summary"),
    )
    MEDICATION_LIST = "medication_list", Label(da="medicinliste", en="medication list")
    REFERRAL = "referral", Label(da="henvisning", en="referral")
    CARE_PLAN = "care_plan", Label(da="plejeplan", en="care plan")
    NURSING_REPORT = (
        "nursing_report",
        Label(
            da="indlæggelses- eller udskrivningsrapport",
            en="admission or discharge report",
        ),
    )


class DocumentNeed(LabelledEnum):
    """When a handover document is expected at a transition of its kind.

    .. versionadded:: 0.3.0
    """

    ALWAYS = "always", Label(da="altid", en="always")
    REHABILITATION_NEEDED = (
        "rehabilitation_needed",
        Label(
            da="når borgeren har behov for genoptræning",
            en="when the citizen needs rehabilitation",
        ),
    )
    COMPLEX_COURSE = (
        "complex_course",
        Label(da="ved komplekse forløb", en="for complex courses"),
    )


_D = HandoverDocument
_N = DocumentNeed

HANDOVER_DOCUMENTS: Mapping[
    TransitionKind, tuple[tuple[HandoverDocument, DocumentNeed], ...]
] = MappingProxyType(
    {
        TransitionKind.ADMISSION: ((_D.ADMISSION_REPORT, _N.ALWAYS),),
        TransitionKind.DISCHARGE: (
            (_D.DISCHARGE_REPORT, _N.ALWAYS),
            (_D.DISCHARGE_SUMMARY, _N.ALWAYS),
            (_D.TREATMENT_COMPLETED, _N.ALWAYS),
            (_D.REHABILITATION_PLAN, _N.REHABILITATION_NEEDED),
            (_D.CARE_COURSE_PLAN, _N.COMPLEX_COURSE),
        ),
        TransitionKind.REFERRAL: ((_D.REFERRAL, _N.ALWAYS),),
        TransitionKind.TRANSFER: (),
    }
)
"""The MedCom documents expected at each kind of transition, and when.

At an admission the municipality sends the indlæggelsesrapport; at a
discharge the hospital sends the udskrivningsrapport, the epikrise and the
melding om færdigbehandling, the genoptræningsplan when the citizen needs
rehabilitation (Sundhedsloven § 84) and the plejeforløbsplan for a complex
course; a referral goes with its henvisning. A cross-sectoral audit's
checklist (:func:`~learnmeet.audit_checklist`) is read from this table.

.. versionadded:: 0.3.0
"""

_REPORT_OF_KIND = {
    TransitionKind.ADMISSION: _D.ADMISSION_REPORT,
    TransitionKind.DISCHARGE: _D.DISCHARGE_REPORT,
    TransitionKind.TRANSFER: _D.DISCHARGE_REPORT,
}
"""What an old document's "nursing_report" is at a transition of each kind."""


def _documents(documents: Iterable[HandoverDocument]) -> frozenset[HandoverDocument]:
    return to_frozenset(documents)


@attrs.frozen(kw_only=True)
class Transition:
    """A move of the citizen from one sector to another (overgang).

    Attributes:
        on: The day of the move.
        from_sector: The sector the citizen leaves.
        to_sector: The sector that takes over; must differ from ``from_sector``.
        kind: Admission, discharge, referral or transfer.
        documents: The handover documents that went with the citizen.
        rehabilitation_needed: Whether the citizen has a medically justified
            need of rehabilitation after the move; the hospital (the region)
            then issues a rehabilitation plan at discharge (genoptræningsplan,
            Sundhedsloven § 84), and the municipality provides the
            rehabilitation (§ 140).

    A document written before version 3 may hold ``"nursing_report"``; the
    transition holds the MedCom report of its kind instead (see
    :class:`HandoverDocument`).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 ``NURSING_REPORT`` becomes the report of the
       transition's kind; :attr:`expected_documents`,
       :attr:`missing_documents` and :attr:`lacks_rehabilitation_plan`.
    """

    on: date = attrs.field(validator=a_date)
    from_sector: Sector = attrs.field(validator=instance_of(Sector))
    to_sector: Sector = attrs.field(validator=instance_of(Sector))
    kind: TransitionKind = attrs.field(validator=instance_of(TransitionKind))
    documents: frozenset[HandoverDocument] = attrs.field(
        default=frozenset(),
        converter=_documents,
        validator=each(instance_of(HandoverDocument)),
    )
    rehabilitation_needed: bool = attrs.field(
        default=False, validator=instance_of(bool)
    )

    def __attrs_post_init__(self) -> None:
        report = _REPORT_OF_KIND.get(self.kind)
        if report is not None and _D.NURSING_REPORT in self.documents:
            # Read from an old document: the name staff see at this kind.
            object.__setattr__(
                self, "documents", (self.documents - {_D.NURSING_REPORT}) | {report}
            )
        if self.from_sector.code == self.to_sector.code:
            raise InvalidValueError(
                reason=Label(
                    da="en overgang flytter borgeren mellem to forskellige "
                    f"sektorer, men begge er {self.from_sector.code!r}",
                    en="a transition moves the citizen between two different "
                    f"sectors, but both are {self.from_sector.code!r}",
                ),
                fix=Label(
                    da="registrér flytninger inden for én sektor som en del af "
                    "forløbet, ikke som en overgang",
                    en="record moves within one sector as part of the case, not "
                    "as a transition",
                ),
                where="Transition",
                path=("to_sector",),
            )

    @property
    def sectors(self) -> frozenset[str]:
        """The codes of the two sectors the transition connects."""
        return frozenset((self.from_sector.code, self.to_sector.code))

    @property
    def expected_documents(self) -> tuple[HandoverDocument, ...]:
        """The documents expected at this transition (:data:`HANDOVER_DOCUMENTS`).

        Those always expected at its kind, and the rehabilitation plan when
        the citizen needs rehabilitation; the documents of a complex course
        are for the people who know the course to judge, and are not listed.

        .. versionadded:: 0.3.0
        """
        return tuple(
            document
            for document, need in HANDOVER_DOCUMENTS[self.kind]
            if need is _N.ALWAYS
            or (need is _N.REHABILITATION_NEEDED and self.rehabilitation_needed)
        )

    @property
    def missing_documents(self) -> tuple[HandoverDocument, ...]:
        """The :attr:`expected_documents` that did not go with the citizen.

        .. versionadded:: 0.3.0
        """
        return tuple(d for d in self.expected_documents if d not in self.documents)

    @property
    def lacks_rehabilitation_plan(self) -> bool:
        """A discharge of a citizen who needs rehabilitation, without the plan.

        The region issues a genoptræningsplan at discharge to everyone with a
        medically justified need of rehabilitation (Sundhedsloven § 84); the
        municipality provides the rehabilitation from it (§ 140).

        .. versionadded:: 0.3.0
        """
        return (
            self.kind is TransitionKind.DISCHARGE
            and self.rehabilitation_needed
            and _D.REHABILITATION_PLAN not in self.documents
        )


@attrs.frozen(kw_only=True)
class Consent:
    """The citizen's recorded consent to use their course of care for learning.

    Attributes:
        given_on: The day consent was recorded.
        expires_on: The last day the consent covers, if limited.
        withdrawn_on: The day consent was withdrawn, if it was.

    .. versionadded:: 0.1.0
    """

    given_on: date = attrs.field(validator=a_date)
    expires_on: date | None = attrs.field(default=None, validator=optional(a_date))
    withdrawn_on: date | None = attrs.field(default=None, validator=optional(a_date))

    def __attrs_post_init__(self) -> None:
        for name in ("expires_on", "withdrawn_on"):
            later: date | None = getattr(self, name)
            if later is not None and later < self.given_on:
                raise InvalidValueError(
                    reason=Label(
                        da=f"{later.isoformat()} ligger før samtykket blev givet "
                        f"({self.given_on.isoformat()})",
                        en=f"{later.isoformat()} is before the consent was given "
                        f"({self.given_on.isoformat()})",
                    ),
                    fix=Label(
                        da=f"giv en dato fra {self.given_on.isoformat()} og frem",
                        en=f"give a date on or after {self.given_on.isoformat()}",
                    ),
                    where="Consent",
                    path=(name,),
                )

    @checked
    def is_valid_on(self, day: date) -> bool:
        """Tell whether the consent covers *day*."""
        return consent_covers(self, day)


def consent_covers(consent: Consent | None, day: date) -> bool:
    """Tell whether *consent* (``None``: none given) covers *day*.

    The rule of :meth:`Consent.is_valid_on` and
    :meth:`CitizenCase.has_consent_on`, for the library's own calls with a
    date it already holds: rules and planning ask it for every meeting, and
    need not check the argument again.
    """
    if consent is None or day < consent.given_on:
        return False
    if consent.withdrawn_on is not None and day >= consent.withdrawn_on:
        return False
    return consent.expires_on is None or day <= consent.expires_on


def _team(items: Iterable[Professional]) -> tuple[Professional, ...]:
    return to_tuple(items)


def _relatives(items: Iterable[Relative]) -> tuple[Relative, ...]:
    return to_tuple(items)


def _transitions(items: Iterable[Transition]) -> tuple[Transition, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class CitizenCase:
    """A citizen's course of care across sectors (borgerforløb).

    Attributes:
        id: A stable identifier of the case.
        citizen: The citizen, by pseudonym.
        origin: Concrete (a real course) or fictional (made up for teaching).
        palliative_level: None, basic or specialised palliation.
        care_team: The professionals who work with the citizen day to day: the
            direct collaboration partners a learning meeting should gather.
        relatives: The citizen's next of kin who may take part.
        transitions: The citizen's moves between sectors, oldest first.
        consent: The citizen's consent to use the case for learning, if recorded.
        summary: A short, pseudonymised description of the course.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=identifier)
    citizen: Citizen = attrs.field(validator=instance_of(Citizen))
    origin: CaseOrigin = attrs.field(
        default=CaseOrigin.CONCRETE, validator=instance_of(CaseOrigin)
    )
    palliative_level: PalliativeLevel = attrs.field(
        default=PalliativeLevel.NONE, validator=instance_of(PalliativeLevel)
    )
    care_team: tuple[Professional, ...] = attrs.field(
        default=(),
        converter=_team,
        validator=[
            each(instance_of(Professional)),
            unique(lambda p: p.id, what=Label(da="fagpersonen", en="the professional")),
        ],
    )
    relatives: tuple[Relative, ...] = attrs.field(
        default=(),
        converter=_relatives,
        validator=[
            each(instance_of(Relative)),
            unique(lambda r: r.id, what=Label(da="den pårørende", en="the relative")),
        ],
    )
    transitions: tuple[Transition, ...] = attrs.field(
        default=(), converter=_transitions, validator=each(instance_of(Transition))
    )
    consent: Consent | None = attrs.field(
        default=None, validator=optional(instance_of(Consent))
    )
    summary: str = attrs.field(default="", validator=safe_text)

    def __attrs_post_init__(self) -> None:
        for index, relative in enumerate(self.relatives):
            if relative.citizen != self.citizen.pseudonym:
                raise InvalidValueError(
                    reason=Label(
                        da=f"pårørende {relative.id!r} hører til borger "
                        f"{relative.citizen!r}, ikke til sagens borger "
                        f"{self.citizen.pseudonym!r}",
                        en=f"relative {relative.id!r} belongs to citizen "
                        f"{relative.citizen!r}, not to the case's citizen "
                        f"{self.citizen.pseudonym!r}",
                    ),
                    fix=Label(
                        da="skriv kun sagens egen borgers pårørende",
                        en="list only the case citizen's own relatives",
                    ),
                    where="CitizenCase",
                    path=("relatives", index),
                )
        for index, (before, after) in enumerate(
            zip(self.transitions[:-1], self.transitions[1:], strict=True), start=1
        ):
            if after.on < before.on:
                raise InvalidValueError(
                    reason=Label(
                        da=f"overgange skal stå i datoorden, men "
                        f"{after.on.isoformat()} står efter {before.on.isoformat()}",
                        en=f"transitions must be in date order, but "
                        f"{after.on.isoformat()} comes after {before.on.isoformat()}",
                    ),
                    fix=Label(
                        da="sortér overgangene efter dato",
                        en="sort the transitions by date",
                    ),
                    where="CitizenCase",
                    path=("transitions", index),
                )

    @functools.cached_property
    def care_team_ids(self) -> frozenset[str]:
        """The ids of the professionals in the care team, worked out once.

        .. versionadded:: 0.2.0
        """
        return frozenset([p.id for p in self.care_team])

    @property
    def is_concrete(self) -> bool:
        """Tell whether the case is a real course of care."""
        return self.origin is _CONCRETE

    @property
    def sectors(self) -> frozenset[str]:
        """Codes of every sector the case's transitions touch."""
        return frozenset(code for t in self.transitions for code in t.sectors)

    @checked
    def has_consent_on(self, day: date) -> bool:
        """Tell whether consent to use the case for learning covers *day*."""
        return consent_covers(self.consent, day)
