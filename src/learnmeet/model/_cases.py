"""Citizen cases (borgerforløb) and the transitions between sectors within them.

Both source documents teach that learning starts from *concrete* citizen courses:
the Esbjerg course days that used fictional cases gave little, and the KOPA
projects found most value where learning began from a real course of care. A
case therefore records whether it is concrete or fictional, and a concrete case
used for learning needs a legal basis: the citizen's recorded consent
(:class:`Consent`), or a management permission for quality development
(:class:`~learnmeet.Permission`, *sundhedsloven* § 42 d, stk. 2, nr. 2), which is
what the audit of a deceased citizen's course rests on.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from types import MappingProxyType

import attrs

from learnmeet.exceptions import InvalidValueError
from learnmeet.model._arguments import checked
from learnmeet.model._bases import (
    ConsentForm,
    ConsentGrantor,
    ConsentPurpose,
    LegalBasis,
    Permission,
    ProxyReason,
)
from learnmeet.model._checks import (
    each,
    identifier,
    instance_of,
    optional,
    optional_identifier,
    safe_text,
    to_frozenset,
    to_tuple,
    unique,
)
from learnmeet.model._labels import Label, LabelledEnum
from learnmeet.model._people import (
    Citizen,
    Organisation,
    Professional,
    Relative,
    Sector,
)
from learnmeet.model._reprs import fields_shown
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


@fields_shown
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


DEFAULT_PURPOSES: frozenset[ConsentPurpose] = frozenset(
    {ConsentPurpose.LEARNING, ConsentPurpose.HOME_MEETING}
)
"""What a consent covers when its purposes are not given.

Learning meetings, audits and meetings in the citizen's home, as a consent
always covered before purposes were recorded (documents of version 2 hold
none); disclosure to another organisation is covered only when named.
"""


def _purposes(items: Iterable[ConsentPurpose]) -> frozenset[ConsentPurpose]:
    return to_frozenset(items)


def _recipients(items: Iterable[str]) -> frozenset[str]:
    return to_frozenset(items)


@fields_shown
@attrs.frozen(kw_only=True)
class Consent:
    """The citizen's recorded consent to use their course of care.

    Modelled on HL7 FHIR R5 *Consent*: the day it was recorded
    (``Consent.date``), the days it covers (``Consent.period``), who granted
    it (``Consent.grantor``), what for (``Consent.provision.purpose``), to
    whom the data may be disclosed (``Consent.provision.actor``), its form
    (``Consent.sourceAttachment``) and who recorded it. Disclosure to another
    organisation for a purpose other than treatment rests on the consent
    under *sundhedsloven* § 43, stk. 1 (``Consent.regulatoryBasis``). A
    consent ends at the citizen's death for any new use
    (:attr:`CitizenCase.died_on`).

    Attributes:
        given_on: The day consent was recorded; it covers days from then.
        expires_on: The last day the consent covers, if limited.
        withdrawn_on: The day consent was withdrawn, if it was; it covers
            days before it.
        grantor: Who granted it: the citizen, or a proxy (guardian, closest
            relative, lasting power of attorney).
        proxy_reason: Why a proxy granted it, i.e. why the citizen could not;
            required for a proxy, refused for the citizen.
        purposes: What it covers; by default learning (learning meetings,
            audits) and meetings in the citizen's home, as every consent
            covered before purposes were recorded. Disclosure must be named.
        recipients: The ids of the organisations outside the care team the
            course may be disclosed to; required with the disclosure purpose,
            refused without it. None: the course stays within the
            organisations of the care team.
        form: Written, or oral and noted in the record; ``None`` if not
            recorded.
        recorded_by: The id of the professional who recorded it, if known.

    Raises:
        InvalidValueError: A day before *given_on*, a proxy without a reason
            or the citizen with one, no purpose, or recipients and the
            disclosure purpose not together.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *grantor*, *proxy_reason*, *purposes*,
       *recipients*, *form* and *recorded_by* (JSON version 3; all optional).
    """

    given_on: date = attrs.field(validator=a_date)
    expires_on: date | None = attrs.field(default=None, validator=optional(a_date))
    withdrawn_on: date | None = attrs.field(default=None, validator=optional(a_date))
    grantor: ConsentGrantor = attrs.field(
        default=ConsentGrantor.CITIZEN, validator=instance_of(ConsentGrantor)
    )
    proxy_reason: ProxyReason | None = attrs.field(
        default=None, validator=optional(instance_of(ProxyReason))
    )
    purposes: frozenset[ConsentPurpose] = attrs.field(
        default=DEFAULT_PURPOSES,
        converter=_purposes,
        validator=each(instance_of(ConsentPurpose)),
    )
    recipients: frozenset[str] = attrs.field(
        default=frozenset(), converter=_recipients, validator=each(identifier)
    )
    form: ConsentForm | None = attrs.field(
        default=None, validator=optional(instance_of(ConsentForm))
    )
    recorded_by: str | None = attrs.field(default=None, validator=optional_identifier)

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
        problem = _consent_problem(self)
        if problem is not None:
            raise problem

    @checked
    def is_valid_on(self, day: date, purpose: ConsentPurpose | None = None) -> bool:
        """Tell whether the consent covers *day* (and *purpose*, if given).

        .. versionchanged:: 0.3.0 *purpose*.
        """
        return consent_covers(self, day, purpose)


def _consent_problem(consent: Consent) -> InvalidValueError | None:
    """Why *consent*'s grantor, purposes and recipients do not fit together."""
    grantor, reason = consent.grantor, consent.proxy_reason
    if grantor.is_proxy and reason is None:
        return InvalidValueError(
            reason=Label(
                da=f"samtykket er givet af en {grantor.label.da}, men uden grund; "
                "en stedfortræder giver kun samtykke, når borgeren ikke selv kan",
                en=f"the consent was granted by a {grantor.label.en}, but with no "
                "reason; a proxy consents only when the citizen cannot",
            ),
            fix=Label(
                da="angiv, hvorfor borgeren ikke selv kan give samtykke (proxy_reason)",
                en="say why the citizen cannot consent (proxy_reason)",
            ),
            where="Consent",
            path=("proxy_reason",),
        )
    if not grantor.is_proxy and reason is not None:
        return InvalidValueError(
            reason=Label(
                da="samtykket er givet af borgeren selv, men har en grund til en "
                "stedfortræder",
                en="the consent was granted by the citizen, but has a reason for a "
                "proxy",
            ),
            fix=Label(
                da="fjern grunden, eller angiv stedfortræderen som grantor",
                en="remove the reason, or name the proxy as the grantor",
            ),
            where="Consent",
            path=("proxy_reason",),
        )
    if not consent.purposes:
        return InvalidValueError(
            reason=Label(
                da="samtykket dækker ingen formål", en="the consent covers no purpose"
            ),
            fix=Label(
                da="angiv mindst ét formål, fx læring",
                en="give at least one purpose, such as learning",
            ),
            where="Consent",
            path=("purposes",),
        )
    discloses = ConsentPurpose.DISCLOSURE in consent.purposes
    if discloses and not consent.recipients:
        return InvalidValueError(
            reason=Label(
                da="samtykket omfatter videregivelse, men nævner ingen modtagere",
                en="the consent covers disclosure, but names no recipients",
            ),
            fix=Label(
                da="angiv de organisationer, borgeren har givet samtykke til at "
                "videregive til",
                en="name the organisations the citizen consented to disclosure to",
            ),
            where="Consent",
            path=("recipients",),
        )
    if consent.recipients and not discloses:
        return InvalidValueError(
            reason=Label(
                da="samtykket nævner modtagere, men omfatter ikke videregivelse",
                en="the consent names recipients, but does not cover disclosure",
            ),
            fix=Label(
                da="tilføj formålet videregivelse, eller fjern modtagerne",
                en="add the disclosure purpose, or remove the recipients",
            ),
            where="Consent",
            path=("recipients",),
        )
    return None


_ONE_DAY = timedelta(days=1)


def consent_window(
    consent: Consent | None,
    purpose: ConsentPurpose | None = None,
    died_on: date | None = None,
) -> tuple[date, date | None] | None:
    """The first and last day *consent* covers (``None``: no last day).

    ``None`` when there is no consent, it does not cover *purpose* (any
    purpose when ``None``), or it covers no day: withdrawn on the day it was
    given, or given after *died_on* — a consent ends at the citizen's death,
    which is the last day it covers.
    """
    if consent is None or (purpose is not None and purpose not in consent.purposes):
        return None
    last = consent.expires_on
    for end in (
        None if consent.withdrawn_on is None else consent.withdrawn_on - _ONE_DAY,
        died_on,
    ):
        if end is not None and (last is None or end < last):
            last = end
    if last is not None and last < consent.given_on:
        return None
    return consent.given_on, last


def consent_covers(
    consent: Consent | None,
    day: date,
    purpose: ConsentPurpose | None = None,
    died_on: date | None = None,
) -> bool:
    """Tell whether *consent* (``None``: none given) covers *day*.

    The rule of :meth:`Consent.is_valid_on` and
    :meth:`CitizenCase.has_consent_on`, for the library's own calls with a
    date it already holds: rules and planning ask it for every meeting, and
    need not check the argument again. *purpose* and *died_on* as in
    :func:`consent_window`.
    """
    window = consent_window(consent, purpose, died_on)
    return (
        window is not None
        and window[0] <= day
        and (window[1] is None or day <= window[1])
    )


def _team(items: Iterable[Professional]) -> tuple[Professional, ...]:
    return to_tuple(items)


def _relatives(items: Iterable[Relative]) -> tuple[Relative, ...]:
    return to_tuple(items)


def _transitions(items: Iterable[Transition]) -> tuple[Transition, ...]:
    return to_tuple(items)


def _permissions(items: Iterable[Permission]) -> tuple[Permission, ...]:
    return to_tuple(items)


@fields_shown
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
        consent: The citizen's consent to use the case, if recorded.
        permissions: Management permissions to use the case for quality
            development without consent (*sundhedsloven* § 42 d, stk. 2,
            nr. 2), e.g. for the audit of a deceased citizen's course. A case
            may have consent and permissions together.
        died_on: The day the citizen died, if they have. No transition and
            no consent comes after it; a consent covers no day after it, and
            no meeting with the citizen is held after it.
        summary: A short, pseudonymised description of the course.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *permissions* and *died_on* (JSON version 3;
       both optional).
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
    permissions: tuple[Permission, ...] = attrs.field(
        default=(), converter=_permissions, validator=each(instance_of(Permission))
    )
    died_on: date | None = attrs.field(default=None, validator=optional(a_date))
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
        if self.died_on is not None:
            self._check_death(self.died_on)

    def _check_death(self, died: date) -> None:
        """Refuse a transition or a consent after the citizen's death."""
        shown_died = died.isoformat()
        for index, move in enumerate(self.transitions):
            if move.on > died:
                raise InvalidValueError(
                    reason=Label(
                        da=f"overgangen {move.on.isoformat()} ligger efter "
                        f"borgerens død ({shown_died})",
                        en=f"the transition on {move.on.isoformat()} is after the "
                        f"citizen's death ({shown_died})",
                    ),
                    fix=Label(
                        da="ret datoen for overgangen eller for dødsfaldet",
                        en="correct the day of the transition or of the death",
                    ),
                    where="CitizenCase",
                    path=("transitions", index),
                )
        if self.consent is not None and self.consent.given_on > died:
            raise InvalidValueError(
                reason=Label(
                    da=f"samtykket er givet {self.consent.given_on.isoformat()}"
                    f", efter borgerens død ({shown_died}); en afdød kan ikke "
                    "give samtykke",
                    en=f"the consent is given on "
                    f"{self.consent.given_on.isoformat()}, after the citizen's "
                    f"death ({shown_died}); a deceased citizen cannot consent",
                ),
                fix=Label(
                    da="brug af forløbet efter dødsfaldet til kvalitetsudvikling "
                    "kræver ledelsens tilladelse (sundhedsloven § 42 d, stk. 2, "
                    "nr. 2); registrér den under permissions",
                    en="using the course after the death for quality development "
                    "needs management permission (Danish Health Act, section "
                    "42 d(2)(2)); record it under permissions",
                ),
                where="CitizenCase",
                path=("consent", "given_on"),
            )

    @functools.cached_property
    def care_team_ids(self) -> frozenset[str]:
        """The ids of the professionals in the care team, worked out once.

        .. versionadded:: 0.2.0
        """
        return frozenset([p.id for p in self.care_team])

    @functools.cached_property
    def _record_holders(self) -> tuple[frozenset[str], frozenset[str]]:
        """The care team's staff's organisation ids and sector codes, once.

        :func:`holds_record` asks them of every organisation at every
        meeting about the case.
        """
        staff = [p for p in self.care_team if not p.is_volunteer]
        return (
            frozenset([p.unit.organisation.id for p in staff]),
            frozenset([p.unit.organisation.sector.code for p in staff]),
        )

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
        """Tell whether the citizen's consent covers *day*.

        .. versionchanged:: 0.3.0 Not after the citizen's death.
        """
        return consent_covers(self.consent, day, died_on=self.died_on)

    @checked
    def basis_on(
        self, day: date, purpose: ConsentPurpose = ConsentPurpose.LEARNING
    ) -> LegalBasis | None:
        """The legal basis for using the case for *purpose* on *day*, if any.

        Consent when it covers the day and the purpose; otherwise, for
        learning, a management permission for quality development that
        covers the day; otherwise ``None``.

        >>> from datetime import date
        >>> import learnmeet as lm
        >>> case = lm.CitizenCase(
        ...     id="c-1",
        ...     citizen=lm.Citizen("B-1"),
        ...     died_on=date(2027, 1, 20),
        ...     permissions=[
        ...         lm.Permission(permitted_by="k-0", permitted_on=date(2027, 2, 1))
        ...     ],
        ... )
        >>> case.basis_on(date(2027, 3, 4)).code
        'quality_development'
        >>> case.basis_on(date(2027, 3, 4), lm.ConsentPurpose.HOME_MEETING) is None
        True

        .. versionadded:: 0.3.0
        """
        return basis_for(self, day, purpose)


def basis_windows(
    case: CitizenCase, purpose: ConsentPurpose
) -> tuple[tuple[LegalBasis, date, date | None], ...]:
    """Each basis *case* has for *purpose*, and the first and last day it covers.

    The one statement of what covers what: the consent for the purposes it
    names, until the citizen's death; a management permission for quality
    development for learning only (not a meeting in the home, nor disclosure),
    also after the death. ``None`` as the last day: no end.
    """
    found: list[tuple[LegalBasis, date, date | None]] = []
    window = consent_window(case.consent, purpose, case.died_on)
    if window is not None:
        found.append((LegalBasis.CONSENT, *window))
    if purpose is ConsentPurpose.LEARNING:
        found.extend((p.basis, p.permitted_on, p.expires_on) for p in case.permissions)
    return tuple(found)


def basis_for(
    case: CitizenCase, day: date, purpose: ConsentPurpose
) -> LegalBasis | None:
    """The first basis of :func:`basis_windows` that covers *day*, if any."""
    for basis, first, last in basis_windows(case, purpose):
        if first <= day and (last is None or day <= last):
            return basis
    return None


def disclosed_to(case: CitizenCase, day: date) -> frozenset[str]:
    """The organisations a consent lets *case* be disclosed to on *day*.

    Those outside the care team's organisations: the recipients of a consent
    that covers disclosure on that day (none after the citizen's death).
    """
    consent = case.consent
    if consent is None or not consent.recipients:
        return frozenset()
    if consent_covers(consent, day, ConsentPurpose.DISCLOSURE, case.died_on):
        return consent.recipients
    return frozenset()


def not_covered(
    case: CitizenCase, organisations: Iterable[Organisation], day: date
) -> list[Organisation]:
    """Those of *organisations* that *case* may not be disclosed to on *day*.

    An organisation that does not hold the case (:func:`holds_record`) and
    is no recipient of a consent covering disclosure that day. A fictional
    case discloses nothing, and a case without a care team says nothing of
    who holds it: neither is judged (empty).
    """
    if not case.is_concrete or not case.care_team:
        return []
    outside = [o for o in organisations if not holds_record(case, o)]
    if not outside:
        return []
    told = disclosed_to(case, day)
    return [o for o in outside if o.id not in told]


def record_holder_ids(case: CitizenCase) -> frozenset[str]:
    """The ids of the organisations whose staff in the care team hold *case*.

    :func:`holds_record` may find more, by the transitions.
    """
    return case._record_holders[0]


def holds_record(case: CitizenCase, organisation: Organisation) -> bool:
    """Tell whether *organisation* holds *case*'s course already.

    The organisations of the care team's staff do — not a volunteer's (a
    vågetjeneste or a volunteer centre keeps no health record, so sharing
    the course with it is disclosure). So does an organisation of a sector
    the citizen's transitions pass through that no organisation of the care
    team's staff is in: a transition records the sector, not the
    organisation (the hospital that discharged the citizen holds the
    discharge, though nobody from it is in the care team). Anyone else has
    the course disclosed to it.
    """
    organisations, sectors = case._record_holders
    if organisation.id in organisations:
        return True
    code = organisation.sector.code
    return code in case.sectors and code not in sectors
