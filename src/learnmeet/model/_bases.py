"""The legal bases for using a citizen's course of care for learning.

A concrete course of care is health data about a real citizen. Danish law
gives two grounds a learning meeting, a meeting in the citizen's home or an
audit can rest on, and learnmeet records both as data:

* **the citizen's consent** (:class:`~learnmeet.Consent`): who granted it (the
  citizen, or a proxy when the citizen cannot), for which purposes, to which
  organisations, in which form. Handing the data on to an organisation that
  does not hold it is disclosure for a purpose other than treatment, which
  needs consent under *sundhedsloven* § 43, stk. 1;
* **a management permission for quality development**
  (:class:`Permission`): under *sundhedsloven* § 42 d, stk. 2, nr. 2, the
  person with management responsibility for a place of treatment may permit
  its health professionals to look up patients' data to assure or develop the
  quality of courses of care and ways of working, without the patient's
  consent. That is the ground of the audit of a deceased citizen's course.

The names follow HL7 FHIR R5 *Consent* where they can: the grantor
(``Consent.grantor``), the purposes (``Consent.provision.purpose``), the
recipients (``Consent.provision.actor``), the form
(``Consent.sourceAttachment``) and the law a basis rests on
(``Consent.regulatoryBasis``).
"""

from __future__ import annotations

from datetime import date

import attrs

from learnmeet.exceptions import InvalidValueError
from learnmeet.model._checks import identifier, instance_of, optional
from learnmeet.model._labels import Label, LabelledEnum
from learnmeet.model._time import a_date

__all__ = [
    "ConsentForm",
    "ConsentGrantor",
    "ConsentPurpose",
    "LegalBasis",
    "Permission",
    "ProxyReason",
]


class ConsentGrantor(LabelledEnum):
    """Who granted a consent: the citizen, or a proxy on the citizen's behalf.

    A proxy grants only when the citizen cannot (see :class:`ProxyReason`):
    a guardian (*værge*) appointed for personal matters, the closest relative
    (*nærmeste pårørende*) of a citizen who permanently lacks the capacity to
    consent, or a lasting power of attorney (*fremtidsfuldmægtig*) that covers
    health matters. FHIR R5: ``Consent.grantor`` (a Patient or a
    RelatedPerson).

    .. versionadded:: 0.3.0
    """

    CITIZEN = "citizen", Label(da="borgeren selv", en="the citizen")
    GUARDIAN = "guardian", Label(da="værge", en="guardian")
    CLOSEST_RELATIVE = (
        "closest_relative",
        Label(da="nærmeste pårørende", en="closest relative"),
    )
    FUTURE_ATTORNEY = (
        "future_attorney",
        Label(da="fremtidsfuldmægtig", en="lasting power of attorney"),
    )

    @property
    def is_proxy(self) -> bool:
        """Whether someone other than the citizen granted the consent."""
        return self is not ConsentGrantor.CITIZEN


class ProxyReason(LabelledEnum):
    """Why a proxy granted a consent: why the citizen could not.

    *Sundhedsloven* § 18 lets the closest relative, a lasting power of
    attorney or a guardian consent for a citizen who permanently lacks the
    capacity to give informed consent; a guardian acts under a guardianship
    (*værgemål*) that covers personal matters.

    .. versionadded:: 0.3.0
    """

    LACKS_CAPACITY = (
        "lacks_capacity",
        Label(
            da="borgeren mangler varigt evnen til at give informeret samtykke",
            en="the citizen permanently lacks the capacity to give informed consent",
        ),
    )
    UNDER_GUARDIANSHIP = (
        "under_guardianship",
        Label(
            da="borgeren er under værgemål, der omfatter personlige forhold",
            en="the citizen is under a guardianship that covers personal matters",
        ),
    )


class ConsentPurpose(LabelledEnum):
    """What a consent lets the course of care be used for.

    FHIR R5: ``Consent.provision.purpose``.

    .. versionadded:: 0.3.0
    """

    LEARNING = (
        "learning",
        Label(
            da="læring: læringsmøder og audit om forløbet",
            en="learning: learning meetings and audits of the course",
        ),
    )
    HOME_MEETING = (
        "home_meeting",
        Label(da="møder i borgerens hjem", en="meetings in the citizen's home"),
    )
    DISCLOSURE = (
        "disclosure",
        Label(
            da="videregivelse til andre sektorer og organisationer",
            en="disclosure to other sectors and organisations",
        ),
    )


class ConsentForm(LabelledEnum):
    """How a consent was given.

    Both are lawful in Denmark; an oral consent is noted in the record.
    FHIR R5: ``Consent.sourceAttachment`` holds a written form.

    .. versionadded:: 0.3.0
    """

    WRITTEN = "written", Label(da="skriftligt", en="written")
    ORAL = (
        "oral",
        Label(da="mundtligt, noteret i journalen", en="oral, noted in the record"),
    )


class LegalBasis(LabelledEnum):
    """The law a use of a citizen's course of care rests on.

    FHIR R5: ``Consent.regulatoryBasis``.

    .. versionadded:: 0.3.0
    """

    CONSENT = (
        "consent",
        Label(
            da="borgerens samtykke (sundhedsloven § 43, stk. 1)",
            en="the citizen's consent (Danish Health Act, section 43(1))",
        ),
    )
    QUALITY_DEVELOPMENT = (
        "quality_development",
        Label(
            da="kvalitetsudvikling med ledelsens tilladelse (sundhedsloven § 42 d, "
            "stk. 2, nr. 2)",
            en="quality development with management permission (Danish Health "
            "Act, section 42 d(2)(2))",
        ),
    )


_PERMITTED = (LegalBasis.QUALITY_DEVELOPMENT,)


@attrs.frozen(kw_only=True)
class Permission:
    """A management permission to use the course of care without consent.

    Under *sundhedsloven* § 42 d, stk. 2, nr. 2 the person with management
    responsibility for a place of treatment may permit its health
    professionals to look up patients' data for quality assurance or
    development of courses of care and ways of working. It covers learning
    meetings and audits of the course (:attr:`ConsentPurpose.LEARNING`), also
    after the citizen's death, but not a meeting in the citizen's home nor
    disclosure to an organisation outside the care team: those need consent.

    Attributes:
        permitted_by: The id of the professional with management
            responsibility who gave the permission.
        permitted_on: The day the permission was given; it covers meetings
            from that day.
        expires_on: The last day it covers, if limited.
        basis: The law it rests on; § 42 d, stk. 2, nr. 2 (quality
            development) today. A consent is a :class:`~learnmeet.Consent`.

    Raises:
        InvalidValueError: *expires_on* is before *permitted_on*, or *basis*
            is consent.

    .. versionadded:: 0.3.0
    """

    permitted_by: str = attrs.field(validator=identifier)
    permitted_on: date = attrs.field(validator=a_date)
    expires_on: date | None = attrs.field(default=None, validator=optional(a_date))
    basis: LegalBasis = attrs.field(
        default=LegalBasis.QUALITY_DEVELOPMENT, validator=instance_of(LegalBasis)
    )

    def __attrs_post_init__(self) -> None:
        if self.basis not in _PERMITTED:
            raise InvalidValueError(
                reason=Label(
                    da="en ledelsestilladelse kan ikke hvile på borgerens samtykke",
                    en="a management permission cannot rest on the citizen's consent",
                ),
                fix=Label(
                    da="registrér samtykket som Consent på borgerforløbet",
                    en="record the consent as a Consent on the case",
                ),
                where="Permission",
                path=("basis",),
            )
        if self.expires_on is not None and self.expires_on < self.permitted_on:
            raise InvalidValueError(
                reason=Label(
                    da=f"{self.expires_on.isoformat()} ligger før tilladelsen blev "
                    f"givet ({self.permitted_on.isoformat()})",
                    en=f"{self.expires_on.isoformat()} is before the permission was "
                    f"given ({self.permitted_on.isoformat()})",
                ),
                fix=Label(
                    da=f"giv en dato fra {self.permitted_on.isoformat()} og frem",
                    en=f"give a date on or after {self.permitted_on.isoformat()}",
                ),
                where="Permission",
                path=("expires_on",),
            )
