"""What an evaluation reports: dispositions, response rates, benefit groups.

The values :func:`learnmeet.evaluate` returns, and the enumerations they are
coded with: the AAPOR final dispositions, the dimensions benefit (the
participants' *yield*, udbytte) is compared by, how each Kirkpatrick level was
measured, and why a group is suppressed.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from learnmeet.exceptions import (
    InvalidValueError,
    Label,
)
from learnmeet.model._arguments import checked
from learnmeet.model._checks import (
    a_number,
    each,
    identifier,
    instance_of,
    non_negative_int,
    optional,
    pair,
    to_frozenset,
    to_tuple,
)
from learnmeet.model._labels import LabelledEnum
from learnmeet.model._survey import (
    KirkpatrickLevel,
    Survey,
    Theme,
)

__all__ = [
    "HIGH_YIELD",
    "Dimension",
    "Disposition",
    "Evaluation",
    "LevelSummary",
    "Measurement",
    "ResponseRates",
    "Suppression",
    "YieldGroup",
]

HIGH_YIELD = 75.0
"""A response's benefit (0–100) at or above this is *high*: "agree" or more on a
five-point scale."""


class Disposition(LabelledEnum):
    """The final disposition of an invitation (AAPOR Standard Definitions).

    .. versionadded:: 0.1.0
    """

    COMPLETE = "complete", Label(da="fuldført (I)", en="complete (I)")
    PARTIAL = "partial", Label(da="delvist (P)", en="partial (P)")
    REFUSAL = "refusal", Label(da="afslag (R)", en="refusal (R)")
    NON_CONTACT = "non_contact", Label(da="ikke nået (NC)", en="non-contact (NC)")
    OTHER = "other", Label(da="andet (O)", en="other (O)")
    UNKNOWN_ELIGIBILITY = (
        "unknown_eligibility",
        Label(da="ukendt om omfattet (U)", en="unknown eligibility (U)"),
    )
    NOT_ELIGIBLE = (
        "not_eligible",
        Label(da="ikke omfattet (NE)", en="not eligible (NE)"),
    )


class Dimension(LabelledEnum):
    """What the meetings are grouped by when benefit is compared.

    :attr:`LOCATION` compares meetings where people were there in person (on
    site or in the citizen's home) with meetings held online: the KOPA
    evaluation found that being there — seeing the other workplace, putting a
    face to each other — is part of the value.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 :attr:`LOCATION`.
    """

    OVERALL = "overall", Label(da="i alt", en="overall")
    FORMAT = "format", Label(da="mødeform", en="format")
    CASE_ORIGIN = "case_origin", Label(da="casens oprindelse", en="case origin")
    DISCIPLINES = "disciplines", Label(da="faglighed", en="disciplines")
    SECTORS = "sectors", Label(da="sektorer", en="sectors")
    LOCATION = (
        "location",
        Label(da="fysisk fremmøde eller online", en="in person or online"),
    )


class Measurement(LabelledEnum):
    """How a Kirkpatrick level, or the benefit, was measured.

    Right after the meeting, a survey can measure reaction and learning;
    behaviour and results need a follow-up weeks later, and a level nobody
    answered, or that the survey asked too early, is :attr:`NOT_MEASURED` —
    it has no number.

    .. versionadded:: 0.3.0
    """

    AFTER_MEETING = (
        "after_meeting",
        Label(
            da="selvrapporteret lige efter mødet",
            en="self-reported right after the meeting",
        ),
    )
    FOLLOW_UP = (
        "follow_up",
        Label(da="selvrapporteret ved opfølgning", en="self-reported at follow-up"),
    )
    NOT_MEASURED = "not_measured", Label(da="ikke målt", en="not measured")


class Suppression(LabelledEnum):
    """Why a group's figures are not reported.

    A group is hidden as :attr:`TOO_FEW` when fewer people than the threshold
    answered about its meetings (primary suppression), and as
    :attr:`COMPLEMENT` when it has enough but showing it would let a small
    group be worked out by adding and subtracting shown groups, within the
    report or together with a released one (secondary suppression).

    .. versionadded:: 0.1.0
    """

    TOO_FEW = "too_few", Label(da="for få svarpersoner", en="too few respondents")
    COMPLEMENT = (
        "complement",
        Label(
            da="skjult, så en lille gruppe ikke kan regnes ud",
            en="hidden so that a small group cannot be worked out",
        ),
    )


def _method_of(survey: Survey) -> Measurement:
    """How *survey* measures: right after the meeting, or at a follow-up."""
    return Measurement.FOLLOW_UP if survey.is_follow_up else Measurement.AFTER_MEETING


_GROUP_LABELS = {
    "all": Label(da="alle møder", en="all meetings"),
    "no_case": Label(da="intet borgerforløb", en="no citizen case"),
    "interdisciplinary": Label(da="tværfaglige", en="interdisciplinary"),
    "monoprofessional": Label(da="monofaglige", en="monoprofessional"),
    "cross_sectoral": Label(da="tværsektorielle", en="cross-sectoral"),
    "single_sector": Label(da="én sektor", en="single-sector"),
    "in_person": Label(da="fysisk fremmøde", en="in person"),
    "online": Label(da="online", en="online"),
}


def _members(items: Iterable[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    return to_frozenset(items)


# The keys are hashes (hexadecimal), not identifiers: a run of digits in one
# may look like a CPR number, and it is none.
_MEMBERS = each(pair(instance_of(str), instance_of(str)))


def _groups(items: Iterable[YieldGroup]) -> tuple[YieldGroup, ...]:
    return to_tuple(items)


def _levels(items: Iterable[LevelSummary]) -> tuple[LevelSummary, ...]:
    return to_tuple(items)


def _themes(items: Iterable[Theme]) -> tuple[Theme, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class ResponseRates:
    """How many invitations ended how, and the response rates.

    RR1 counts every invitee whose eligibility is not ruled out; RR3 counts
    those of unknown eligibility only in the estimated proportion
    :attr:`eligibility_rate` that would have been eligible.

    Attributes:
        complete: Invitations answered in full (AAPOR's I), a count.
        partial: Invitations answered in part (P), a count.
        refusal: Invitations refused or broken off (R), a count.
        non_contact: Invitees never reached (NC), a count.
        other: Eligible invitees who did not answer for another reason (O),
            a count.
        unknown_eligibility: Invitees of unknown eligibility (U), a count.
        not_eligible: Invitees who were not eligible, a count; no rate
            counts them.
        eligibility_rate: The proportion *e*, 0 to 1, of invitees of unknown
            eligibility taken as eligible; ``None`` when nobody is counted.
        rr1: Response rate 1, ``I / (I + P + R + NC + O + U)``, 0 to 1;
            ``None`` when nobody is counted.
        rr3: Response rate 3, ``I / (I + P + R + NC + O + e·U)``, 0 to 1;
            ``None`` when nobody is counted.

    .. versionadded:: 0.1.0
    """

    complete: int = attrs.field(validator=non_negative_int)
    partial: int = attrs.field(validator=non_negative_int)
    refusal: int = attrs.field(validator=non_negative_int)
    non_contact: int = attrs.field(validator=non_negative_int)
    other: int = attrs.field(validator=non_negative_int)
    unknown_eligibility: int = attrs.field(validator=non_negative_int)
    not_eligible: int = attrs.field(validator=non_negative_int)
    eligibility_rate: float | None = attrs.field(validator=optional(a_number))
    rr1: float | None = attrs.field(validator=optional(a_number))
    rr3: float | None = attrs.field(validator=optional(a_number))

    @property
    def invitations(self) -> int:
        """Every invitation, of whatever disposition."""
        return (
            self.complete
            + self.partial
            + self.refusal
            + self.non_contact
            + self.other
            + self.unknown_eligibility
            + self.not_eligible
        )

    @checked
    def count(self, disposition: Disposition) -> int:
        """The number of invitations with *disposition*."""
        return int(getattr(self, disposition.value))


@attrs.frozen(kw_only=True)
class YieldGroup:
    """The benefit reported by the respondents of one group of meetings.

    All figures are ``None`` when the group is suppressed.

    Attributes:
        dimension: What the meetings are grouped by.
        code: The group, e.g. a format code or ``"interdisciplinary"``.
        label: The group's name in Danish and English.
        respondents: Distinct people who answered about meetings of the group.
        responses: Responses with a benefit answer (one per person and
            meeting).
        mean: The mean benefit, from 0 (lowest point on every item) to 100.
        high: Responses with a benefit of 75 or more ("agree" or more).
        share: ``high / responses``.
        ci_low: Lower bound of the Wilson score interval for ``share``.
        ci_high: Upper bound of that interval.
        suppression: Why the figures are hidden, or ``None``.
        members: The responses the figures are computed from, pseudonymised:
            one pair of keys a response, the respondent's and the response's
            (hashes of the invitee and of the survey and invitation), so that
            a later :func:`evaluate` given this report as *released* can tell
            which responses two reports have in common. Empty when the group
            is suppressed. Pseudonymised is not anonymous: whoever holds the
            invitations can compute the keys, so keep an evaluation as you
            keep the responses; the exports never write them.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 :attr:`members`.
    """

    dimension: Dimension = attrs.field(validator=instance_of(Dimension))
    code: str = attrs.field(validator=identifier)
    label: Label = attrs.field(validator=instance_of(Label))
    respondents: int | None = attrs.field(validator=optional(non_negative_int))
    responses: int | None = attrs.field(validator=optional(non_negative_int))
    mean: float | None = attrs.field(validator=optional(a_number))
    high: int | None = attrs.field(validator=optional(non_negative_int))
    share: float | None = attrs.field(validator=optional(a_number))
    ci_low: float | None = attrs.field(validator=optional(a_number))
    ci_high: float | None = attrs.field(validator=optional(a_number))
    suppression: Suppression | None = attrs.field(
        default=None, validator=optional(instance_of(Suppression))
    )
    members: frozenset[tuple[str, str]] = attrs.field(
        default=frozenset(), repr=False, converter=_members, validator=_MEMBERS
    )

    @property
    def suppressed(self) -> bool:
        """Whether the group's figures are hidden."""
        return self.suppression is not None


@attrs.frozen(kw_only=True)
class LevelSummary:
    """The mean score of a survey's items at one Kirkpatrick level, and its method.

    A level :attr:`~Measurement.NOT_MEASURED` never has a number: the survey
    has no item at the level, nobody answered one, or the level is behaviour
    or results and the survey was sent right after the meeting, too early to
    measure them.

    Attributes:
        level: The level.
        items: How many Likert items the survey has at this level.
        respondents: Distinct people who answered one of them.
        mean: Their mean score from 0 to 100, or ``None`` when the level is
            not measured or the group is suppressed.
        suppression: Why the figures are hidden, or ``None``.
        members: The responses with an answer at this level, pseudonymised as
            in :attr:`YieldGroup.members`; empty when nothing is reported.
        method: How the level was measured: self-reported right after the
            meeting, at a follow-up, or not measured.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 :attr:`members`.
    .. versionchanged:: 0.3.0 :attr:`method`.
    """

    level: KirkpatrickLevel = attrs.field(validator=instance_of(KirkpatrickLevel))
    items: int = attrs.field(validator=non_negative_int)
    respondents: int | None = attrs.field(validator=optional(non_negative_int))
    mean: float | None = attrs.field(validator=optional(a_number))
    suppression: Suppression | None = attrs.field(
        default=None, validator=optional(instance_of(Suppression))
    )
    members: frozenset[tuple[str, str]] = attrs.field(
        default=frozenset(), repr=False, converter=_members, validator=_MEMBERS
    )
    method: Measurement = attrs.field(
        default=Measurement.NOT_MEASURED, validator=instance_of(Measurement)
    )

    def __attrs_post_init__(self) -> None:
        if self.method is Measurement.NOT_MEASURED and (
            self.mean is not None or self.respondents is not None
        ):
            raise InvalidValueError(
                reason=Label(
                    da="et niveau, der ikke er målt, har ingen tal",
                    en="a level that is not measured has no figures",
                ),
                fix=Label(
                    da="sæt mean=None og respondents=None, eller angiv method",
                    en="set mean=None and respondents=None, or give the method",
                ),
                where="LevelSummary",
                path=("method",),
            )

    @property
    def perceived(self) -> bool:
        """Whether this is the results level measured by a survey.

        Results are the organisation's figures; what a survey reports about
        them is what the participants perceive, and the exports say so.
        """
        return (
            self.level is KirkpatrickLevel.RESULTS
            and self.method is not Measurement.NOT_MEASURED
        )


@attrs.frozen(kw_only=True)
class Evaluation:
    """The summary of a survey: response rates, benefit by group, levels, themes.

    What :func:`~learnmeet.evaluate` returns.

    Attributes:
        survey: The survey summarised: its meeting, items and invitations.
        rates: How many invitations ended how, and the response rates.
        groups: Benefit by profession, sector and format, each group's
            figures hidden when too few answered.
        levels: One summary per Kirkpatrick level the survey measures.
        themes: The themes of the free-text answers.
        free_text_answers: How many free-text answers there were, a count.
        threshold: The fewest distinct respondents a figure is shown for
            (5 unless given); smaller groups are suppressed.
        confidence: The confidence level of the intervals, between 0 and 1
            (0.95 unless given).

    .. versionadded:: 0.1.0
    """

    survey: Survey = attrs.field(validator=instance_of(Survey))
    rates: ResponseRates = attrs.field(validator=instance_of(ResponseRates))
    groups: tuple[YieldGroup, ...] = attrs.field(
        converter=_groups, validator=each(instance_of(YieldGroup))
    )
    levels: tuple[LevelSummary, ...] = attrs.field(
        converter=_levels, validator=each(instance_of(LevelSummary))
    )
    themes: tuple[Theme, ...] = attrs.field(
        converter=_themes, validator=each(instance_of(Theme))
    )
    free_text_answers: int = attrs.field(validator=non_negative_int)
    threshold: int = attrs.field(validator=non_negative_int)
    confidence: float = attrs.field(validator=a_number)

    @property
    def method(self) -> Measurement:
        """How the benefit in :attr:`groups` was measured.

        Right after the meeting, or at a follow-up, as the survey was sent.

        .. versionadded:: 0.3.0
        """
        return _method_of(self.survey)

    @checked
    def by(self, dimension: Dimension) -> tuple[YieldGroup, ...]:
        """The groups of one dimension, in report order."""
        return tuple(g for g in self.groups if g.dimension is dimension)

    @checked
    def group(self, dimension: Dimension, code: str) -> YieldGroup | None:
        """The group *code* of *dimension*, or ``None`` if no meeting was in it."""
        return next((g for g in self.by(dimension) if g.code == code), None)
