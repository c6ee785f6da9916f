"""Surveys, invitations and responses, and qualitative themes with quotes.

The KOPA evaluation measured what participants got out of the learning (their
*benefit*, udbytte) with a questionnaire, focus groups and interviews. A
:class:`Survey` has Likert and free-text items in Danish and English, each
tagged with its Kirkpatrick level, and is sent either right after the meeting
or as a follow-up weeks later (:attr:`Survey.follow_up_after`): behaviour and
results are not there to report right after a meeting. An :class:`Invitation`
asks one attendee of one meeting, from a date derived from the meeting; a
:class:`Response` answers it. Qualitative material is recorded as
:class:`Theme` values with pseudonymised :class:`Quote` values.
:func:`learnmeet.evaluate` turns them into figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

import attrs

from learnmeet.exceptions import InvalidValueError, shown
from learnmeet.model._arguments import checked
from learnmeet.model._checks import (
    each,
    identifier,
    instance_of,
    optional,
    refuse,
    safe_text,
    to_tuple,
    unique,
)
from learnmeet.model._labels import Label, LabelledEnum
from learnmeet.model._meetings import Attendance, AttendeeRole, Meeting
from learnmeet.model._people import Profession, Professional
from learnmeet.model._time import aware_datetime

__all__ = [
    "Answer",
    "Eligibility",
    "Invitation",
    "ItemKind",
    "KirkpatrickLevel",
    "Outcome",
    "Quote",
    "QuoteSource",
    "Response",
    "Survey",
    "SurveyItem",
    "Theme",
    "invite",
]


class KirkpatrickLevel(LabelledEnum):
    """The four levels of training evaluation (Kirkpatrick).

    Reaction and learning can be asked right after a meeting; behaviour (do
    people work differently) and results (is care better) only weeks later,
    in a follow-up survey, and results are the organisation's figures: what a
    survey asks about them is the participants' perception.

    .. versionadded:: 0.1.0
    """

    REACTION = "reaction", Label(da="reaktion", en="reaction")
    LEARNING = "learning", Label(da="læring", en="learning")
    BEHAVIOUR = "behaviour", Label(da="adfærd", en="behaviour")
    RESULTS = "results", Label(da="resultater", en="results")

    @property
    def needs_follow_up(self) -> bool:
        """Whether the level is measured only weeks after the meeting.

        Behaviour and results are; reaction and learning can be asked right
        after it.

        .. versionadded:: 0.3.0
        """
        return self in (KirkpatrickLevel.BEHAVIOUR, KirkpatrickLevel.RESULTS)


class ItemKind(LabelledEnum):
    """How a survey item is answered.

    .. versionadded:: 0.1.0
    """

    LIKERT = "likert", Label(da="skala", en="Likert scale")
    FREE_TEXT = "free_text", Label(da="fritekst", en="free text")


_MIN_SCALE, _MAX_SCALE = 2, 11


def _refuse(cls: str, field: str, *, reason: Label, fix: Label) -> InvalidValueError:
    return InvalidValueError(reason=reason, fix=fix, where=cls, path=(field,))


@attrs.frozen(kw_only=True)
class SurveyItem:
    """One question of a survey.

    Attributes:
        id: A stable identifier, unique within the survey.
        text: The question or statement.
        level: The Kirkpatrick level it measures.
        kind: Likert scale or free text.
        scale: The number of points on a Likert scale (2–11; 5 by default),
            from 1 (e.g. "strongly disagree") up.
        measures_yield: Whether the item counts towards the respondent's
            benefit, what they say they got out of it (Likert items only).

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=identifier)
    text: Label = attrs.field(validator=instance_of(Label))
    level: KirkpatrickLevel = attrs.field(validator=instance_of(KirkpatrickLevel))
    kind: ItemKind = attrs.field(
        default=ItemKind.LIKERT, validator=instance_of(ItemKind)
    )
    scale: int = attrs.field(default=5, validator=instance_of(int))
    measures_yield: bool = attrs.field(default=False, validator=instance_of(bool))

    def __attrs_post_init__(self) -> None:
        if not _MIN_SCALE <= self.scale <= _MAX_SCALE:
            raise _refuse(
                "SurveyItem",
                "scale",
                reason=Label(
                    da=f"en skala har {_MIN_SCALE} til {_MAX_SCALE} trin, "
                    f"fik {shown(self.scale).da}",
                    en=f"a scale has {_MIN_SCALE} to {_MAX_SCALE} points, "
                    f"got {shown(self.scale).en}",
                ),
                fix=Label(da="brug fx scale=5", en="use e.g. scale=5"),
            )
        if self.measures_yield and self.kind is not ItemKind.LIKERT:
            raise _refuse(
                "SurveyItem",
                "measures_yield",
                reason=Label(
                    da="kun et skalaspørgsmål kan måle udbytte",
                    en="only a Likert item can measure benefit",
                ),
                fix=Label(
                    da="sæt measures_yield=False på fritekstspørgsmål",
                    en="set measures_yield=False on free-text items",
                ),
            )


def _items(items: Iterable[SurveyItem]) -> tuple[SurveyItem, ...]:
    return to_tuple(items)


_LONGEST_FOLLOW_UP = timedelta(days=366)


def _follow_up_interval(
    instance: object, attribute: attrs.Attribute[timedelta | None], value: object
) -> None:
    """Refuse a follow-up interval that is not whole days, from a day to a year."""
    if value is None:
        return
    instance_of(timedelta)(instance, attribute, value)
    assert isinstance(value, timedelta)  # checked above
    if timedelta(days=1) <= value <= _LONGEST_FOLLOW_UP and value.days * 86400 == (
        value.total_seconds()
    ):
        return
    raise refuse(
        InvalidValueError,
        instance,
        attribute,
        reason=Label(
            da="en opfølgning sendes et helt antal dage efter mødet, fra 1 dag "
            f"til {_LONGEST_FOLLOW_UP.days} dage",
            en="a follow-up is sent a whole number of days after the meeting, "
            f"from 1 to {_LONGEST_FOLLOW_UP.days} days",
        ),
        fix=Label(da="brug fx timedelta(weeks=8)", en="use e.g. timedelta(weeks=8)"),
        file_fix=Label(da='skriv fx "P56D" (8 uger)', en='write e.g. "P56D" (8 weeks)'),
    )


@attrs.frozen(kw_only=True)
class Survey:
    """A questionnaire sent to the participants of meetings.

    A survey has at least one Likert item that measures benefit: what
    participants say they got out of the meeting.

    A survey is sent right after the meeting unless it has
    :attr:`follow_up_after`: then it is a follow-up, sent that long after
    the meeting ended. Kirkpatrick's behaviour and results levels are
    reported only from a follow-up survey; asked right after the meeting
    they are counted as not measured (see :func:`learnmeet.evaluate`).

    Attributes:
        id: A stable identifier.
        title: Its title in Danish and English.
        items: The questions, in order.
        follow_up_after: How long after the meeting's end a follow-up survey
            is sent, e.g. ``timedelta(weeks=8)``; ``None`` (the default) for
            a survey sent right after the meeting. Written in JSON only when
            set (document version 3).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 :attr:`follow_up_after`.
    """

    id: str = attrs.field(validator=identifier)
    title: Label = attrs.field(validator=instance_of(Label))
    items: tuple[SurveyItem, ...] = attrs.field(
        converter=_items,
        validator=[
            each(instance_of(SurveyItem)),
            unique(lambda i: i.id, what=Label(da="spørgsmålet", en="the item")),
        ],
    )
    follow_up_after: timedelta | None = attrs.field(
        default=None, validator=_follow_up_interval
    )

    def __attrs_post_init__(self) -> None:
        if not any(i.measures_yield for i in self.items):
            raise _refuse(
                "Survey",
                "items",
                reason=Label(
                    da="skal have mindst ét skalaspørgsmål, der måler udbytte",
                    en="needs at least one Likert item that measures benefit",
                ),
                fix=Label(
                    da="sæt measures_yield=True på et spørgsmål som 'Jeg fik meget "
                    "ud af mødet'",
                    en="set measures_yield=True on an item such as 'I got a lot "
                    "out of the meeting'",
                ),
            )

    @property
    def is_follow_up(self) -> bool:
        """Whether the survey is a follow-up, sent weeks after the meeting."""
        return self.follow_up_after is not None

    @checked
    def item(self, id: str) -> SurveyItem | None:
        """Return the item with *id*, if any."""
        return next((i for i in self.items if i.id == id), None)

    @checked
    def send_at(self, meeting: Meeting) -> datetime:
        """When to ask about *meeting*: at its end, or the follow-up's time later.

        The follow-up is sent the interval's whole days later at the same
        time of day, summer or winter time; a time the clocks skip that day
        (02:30 on the spring-forward night) is read as RFC 5545 reads it,
        with the offset before the change: an hour later on the clock.

        .. versionadded:: 0.3.0
        """
        end = meeting.end
        if not self.follow_up_after:
            return end
        wall = end + self.follow_up_after  # the same time of day, days later
        return wall.astimezone(timezone.utc).astimezone(end.tzinfo)


class Eligibility(LabelledEnum):
    """Whether an invitee belongs to the population surveyed (AAPOR).

    An attendee who took part is eligible; one who did not is not; one whose
    attendance was never recorded is of unknown eligibility.

    .. versionadded:: 0.1.0
    """

    ELIGIBLE = "eligible", Label(da="omfattet", en="eligible")
    NOT_ELIGIBLE = "not_eligible", Label(da="ikke omfattet", en="not eligible")
    UNKNOWN = "unknown", Label(da="ukendt", en="unknown")


class Outcome(LabelledEnum):
    """What came of an invitation that has no response.

    .. versionadded:: 0.1.0
    """

    NO_REPLY = "no_reply", Label(da="intet svar", en="no reply")
    REFUSED = "refused", Label(da="afslået", en="refused")
    UNREACHABLE = "unreachable", Label(da="ikke nået", en="unreachable")
    OTHER = "other", Label(da="andet", en="other")


@attrs.frozen(kw_only=True)
class Invitation:
    """One person invited to answer a survey about one meeting.

    Attributes:
        id: A stable identifier.
        survey: The survey's id.
        meeting: The meeting's id.
        invitee: The invitee's key, e.g. ``"professional:p-1"``.
        eligibility: Whether they belong to the population surveyed.
        outcome: What came of it when no response arrived.
        send_at: When the invitation is sent: the meeting's end for a survey
            right after it, weeks later for a follow-up
            (:meth:`Survey.send_at`); ``None`` if not planned. Written in
            JSON only when set (document version 3).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 :attr:`send_at`.
    """

    id: str = attrs.field(validator=identifier)
    survey: str = attrs.field(validator=identifier)
    meeting: str = attrs.field(validator=identifier)
    invitee: str = attrs.field(validator=identifier)
    eligibility: Eligibility = attrs.field(
        default=Eligibility.ELIGIBLE, validator=instance_of(Eligibility)
    )
    outcome: Outcome = attrs.field(
        default=Outcome.NO_REPLY, validator=instance_of(Outcome)
    )
    send_at: datetime | None = attrs.field(
        default=None, validator=optional(aware_datetime)
    )


@attrs.frozen(kw_only=True)
class Answer:
    """The answer to one item: a point on its scale, or a text.

    Attributes:
        item: The item's id.
        score: The point chosen on a Likert item (1 up to its scale).
        text: The text written in a free-text item; never a name or CPR number.

    .. versionadded:: 0.1.0
    """

    item: str = attrs.field(validator=identifier)
    score: int | None = attrs.field(default=None, validator=optional(instance_of(int)))
    text: str | None = attrs.field(default=None, validator=optional(safe_text))

    def __attrs_post_init__(self) -> None:
        if (self.score is None) == (self.text is None):
            raise _refuse(
                "Answer",
                "score",
                reason=Label(
                    da="angiv enten et tal på skalaen eller en tekst, ikke begge",
                    en="give either a score or a text, not both",
                ),
                fix=Label(
                    da="et skalaspørgsmål tager score=, et fritekstspørgsmål text=",
                    en="a Likert item takes score=, a free-text item takes text=",
                ),
            )


def _answers(items: Iterable[Answer]) -> tuple[Answer, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class Response:
    """The answers to one invitation.

    Attributes:
        invitation: The invitation's id.
        answers: The answers, at least one, each item once.

    .. versionadded:: 0.1.0
    """

    invitation: str = attrs.field(validator=identifier)
    answers: tuple[Answer, ...] = attrs.field(
        converter=_answers,
        validator=[
            each(instance_of(Answer)),
            unique(lambda a: a.item, what=Label(da="spørgsmålet", en="the item")),
        ],
    )

    def __attrs_post_init__(self) -> None:
        if not self.answers:
            raise _refuse(
                "Response",
                "answers",
                reason=Label(
                    da="en besvarelse skal have mindst ét svar",
                    en="a response needs at least one answer",
                ),
                fix=Label(
                    da="registrér en invitation uden svar med et Outcome i stedet",
                    en="record an invitation without answers with an Outcome instead",
                ),
            )


class QuoteSource(LabelledEnum):
    """Where a quote was collected.

    .. versionadded:: 0.1.0
    """

    FOCUS_GROUP = "focus_group", Label(da="fokusgruppe", en="focus group")
    INTERVIEW = "interview", Label(da="interview", en="interview")
    FREE_TEXT = "free_text", Label(da="fritekstsvar", en="free-text answer")


@attrs.frozen(kw_only=True)
class Quote:
    """A pseudonymised quote: what was said, by whom in code, in what setting.

    Attributes:
        text: The quote; names are replaced before it is recorded, and a CPR
            number is refused.
        speaker: A pseudonym for the speaker, e.g. ``"FG1-D3"``.
        source: Focus group, interview or free-text answer.
        profession: The speaker's profession, if it may be told.

    .. versionadded:: 0.1.0
    """

    text: str = attrs.field(validator=safe_text)
    speaker: str = attrs.field(validator=identifier)
    source: QuoteSource = attrs.field(validator=instance_of(QuoteSource))
    profession: Profession | None = attrs.field(
        default=None, validator=optional(instance_of(Profession))
    )


def _quotes(items: Iterable[Quote]) -> tuple[Quote, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class Theme:
    """A theme found in focus groups and interviews, with the quotes behind it.

    Attributes:
        code: A stable code, e.g. ``"knowing_offers"``.
        label: The theme in Danish and English.
        quotes: The quotes that carry it.

    .. versionadded:: 0.1.0
    """

    code: str = attrs.field(validator=identifier)
    label: Label = attrs.field(validator=instance_of(Label))
    quotes: tuple[Quote, ...] = attrs.field(
        default=(), converter=_quotes, validator=each(instance_of(Quote))
    )


_ELIGIBILITY = {
    Attendance.YES: Eligibility.ELIGIBLE,
    Attendance.NO: Eligibility.NOT_ELIGIBLE,
    Attendance.UNKNOWN: Eligibility.UNKNOWN,
}


@checked
def invite(survey: Survey, meetings: Iterable[Meeting]) -> tuple[Invitation, ...]:
    """Invite every professional attendee of *meetings* to answer *survey*.

    Observers are left out (they came to look, not to learn together), and so
    are the citizen and relatives, whom a survey of professionals does not ask.
    Eligibility follows the attendance record: attended means eligible, absent
    means not eligible, and unrecorded means unknown. Invitation ids are
    ``"<survey>:<meeting>:<person key>"``. Each invitation is sent at
    :meth:`Survey.send_at` the meeting: at its end, or for a follow-up
    survey that long after it.

    Raises:
        WrongTypeError: *survey* is not a :class:`Survey`, or something in
            *meetings* not a :class:`~learnmeet.Meeting`.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 Invitations say when they are sent.
    """
    out: list[Invitation] = []
    for meeting in meetings:
        send_at = survey.send_at(meeting)
        for attendee in meeting.attendees:
            if (
                not isinstance(attendee.person, Professional)
                or attendee.role is AttendeeRole.OBSERVER
            ):
                continue
            key = attendee.person.key
            out.append(
                Invitation(
                    id=f"{survey.id}:{meeting.id}:{key}",
                    survey=survey.id,
                    meeting=meeting.id,
                    invitee=key,
                    eligibility=_ELIGIBILITY[attendee.attended],
                    send_at=send_at,
                )
            )
    return tuple(out)
