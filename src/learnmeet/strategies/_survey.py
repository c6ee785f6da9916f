"""Strategies for surveys, invitations, responses and their parts."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.model._arguments import checked
from learnmeet.model._cycle import LEARNING_TAGS
from learnmeet.model._meetings import Meeting
from learnmeet.model._survey import (
    Answer,
    Eligibility,
    Invitation,
    ItemKind,
    KirkpatrickLevel,
    Outcome,
    Quote,
    QuoteSource,
    Response,
    Survey,
    SurveyItem,
    Theme,
    invite,
)
from learnmeet.model._time import COPENHAGEN
from learnmeet.strategies._common import _PEOPLE, _SAYINGS, _code
from learnmeet.strategies._meetings import _numbered_meeting
from learnmeet.strategies._people import labels, professions

# -- surveys and evaluation ----------------------------------------------------


@st.composite
def _survey_items(draw: st.DrawFn, *, id: str, yield_item: bool) -> SurveyItem:
    kind = ItemKind.LIKERT if yield_item else draw(st.sampled_from(ItemKind))
    return SurveyItem(
        id=id,
        text=draw(labels()),
        level=draw(st.sampled_from(KirkpatrickLevel)),
        kind=kind,
        scale=draw(st.sampled_from([4, 5, 7])) if kind is ItemKind.LIKERT else 5,
        measures_yield=yield_item or (kind is ItemKind.LIKERT and draw(st.booleans())),
    )


@checked
def survey_items() -> SearchStrategy[SurveyItem]:
    """Survey items: Likert (4, 5 or 7 points) and free text, at every level.

    >>> item = find(lst.survey_items(), lambda _: True, settings=quick)
    >>> item.scale in {4, 5, 7}, item.level in set(lm.KirkpatrickLevel)
    (True, True)

    .. versionadded:: 0.1.0
    """
    return _code("item").flatmap(lambda id: _survey_items(id=id, yield_item=False))


@st.composite
def _surveys(draw: st.DrawFn) -> Survey:
    count = draw(st.integers(1, 6))
    first = draw(st.integers(0, count - 1))
    items = [
        draw(_survey_items(id=f"item-{n}", yield_item=n == first)) for n in range(count)
    ]
    return Survey(
        id=draw(_code("survey")),
        title=draw(labels()),
        items=items,
        follow_up_after=draw(_FOLLOW_UP),
    )


_FOLLOW_UP = st.none() | st.builds(
    lambda days: timedelta(days=days),
    st.sampled_from([1, 14, 42, 56, 90, 366]) | st.integers(1, 366),
)
"""Right after the meeting, or a follow-up from a day to a year later."""


@checked
def surveys() -> SearchStrategy[Survey]:
    """Surveys of one to six items, at least one of them measuring benefit.

    About half are sent right after the meeting, the others are follow-ups
    from a day to a year later.

    >>> survey = find(lst.surveys(), lambda _: True, settings=quick)
    >>> 1 <= len(survey.items) <= 6, any(i.measures_yield for i in survey.items)
    (True, True)

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 Follow-up surveys.
    """
    return _surveys()


@checked
def quotes(*, catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[Quote]:
    """Pseudonymised quotes from focus groups, interviews and free text.

    >>> quote = find(lst.quotes(), lambda _: True, settings=quick)
    >>> quote.source in set(lm.QuoteSource), lm.looks_like_cpr(quote.text)
    (True, False)

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda text, speaker, source, profession: Quote(
            text=text, speaker=speaker, source=source, profession=profession
        ),
        _SAYINGS,
        _code("FG"),
        st.sampled_from(QuoteSource),
        st.none() | professions(catalog),
    )


@checked
def themes(*, catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[Theme]:
    """Themes with zero to three quotes.

    >>> theme = find(lst.themes(), lambda _: True, settings=quick)
    >>> len(theme.quotes) <= 3, bool(theme.label.da and theme.label.en)
    (True, True)

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda code, label, found: Theme(code=code, label=label, quotes=found),
        st.sampled_from(sorted(LEARNING_TAGS)),
        labels(),
        st.lists(quotes(catalog=catalog), max_size=3),
    )


class SurveyData(NamedTuple):
    """A survey with meetings, invitations and responses that fit together.

    >>> data = find(lst.survey_data(), lambda _: True, settings=quick)
    >>> survey, meetings, invitations, responses = data
    >>> isinstance(data, lst.SurveyData), survey is data.survey
    (True, True)
    >>> answered = {response.invitation for response in responses}
    >>> answered <= {invitation.id for invitation in invitations}
    True

    .. versionadded:: 0.1.0
    """

    survey: Survey
    meetings: tuple[Meeting, ...]
    invitations: tuple[Invitation, ...]
    responses: tuple[Response, ...]


@st.composite
def _answers(draw: st.DrawFn, survey: Survey, complete: bool) -> tuple[Answer, ...]:
    out = []
    for item in survey.items:
        if item.kind is ItemKind.FREE_TEXT:
            if draw(st.booleans()):
                out.append(Answer(item=item.id, text=draw(_SAYINGS)))
        elif complete or draw(st.booleans()):
            out.append(Answer(item=item.id, score=draw(st.integers(1, item.scale))))
    if not out:  # a partial response answers something
        item = next(i for i in survey.items if i.measures_yield)
        out.append(Answer(item=item.id, score=draw(st.integers(1, item.scale))))
    return tuple(out)


@st.composite
def _survey_data(draw: st.DrawFn, *, catalog: Catalog, max_meetings: int) -> SurveyData:
    survey = draw(surveys())
    count = draw(st.integers(1, max_meetings))
    found = [draw(_numbered_meeting(catalog, i)) for i in range(count)]
    invitations: list[Invitation] = []
    responses: list[Response] = []
    for meeting in found:
        for invitation in invite(survey, [meeting]):
            invitation = attrs.evolve(
                invitation,
                eligibility=draw(st.sampled_from(Eligibility))
                if draw(st.integers(0, 4)) == 0
                else Eligibility.ELIGIBLE,
                outcome=draw(st.sampled_from(Outcome)),
            )
            invitations.append(invitation)
            answer = draw(st.sampled_from(["complete", "partial", "none"]))
            if answer != "none":
                responses.append(
                    Response(
                        invitation=invitation.id,
                        answers=draw(_answers(survey, answer == "complete")),
                    )
                )
    return SurveyData(survey, tuple(found), tuple(invitations), tuple(responses))


@checked
def survey_data(
    *, catalog: Catalog = DEFAULT_CATALOG, max_meetings: int = 4
) -> SearchStrategy[SurveyData]:
    """A survey, its meetings, invitations and responses, consistent together.

    Every invitation is for the survey and one of the meetings, every
    response answers one invitation with scores on the items' scales, so
    :func:`learnmeet.evaluate` accepts the data.

    >>> data = find(lst.survey_data(max_meetings=2), lambda _: True, settings=quick)
    >>> 1 <= len(data.meetings) <= 2
    True
    >>> all(i.survey == data.survey.id for i in data.invitations)
    True
    >>> evaluation = lm.evaluate(
    ...     data.survey, data.invitations, data.responses, data.meetings
    ... )
    >>> isinstance(evaluation, lm.Evaluation)
    True

    .. versionadded:: 0.1.0
    """
    return _survey_data(catalog=catalog, max_meetings=max_meetings)


@checked
def invitations() -> SearchStrategy[Invitation]:
    """Invitations of every eligibility and outcome, sent at a time or not.

    Use :func:`survey_data` for invitations that fit a survey and its meetings.

    >>> invitation = find(lst.invitations(), lambda _: True, settings=quick)
    >>> isinstance(invitation, lm.Invitation), bool(invitation.survey)
    (True, True)

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 With or without the time they are sent.
    """
    return st.builds(
        lambda survey, meeting, person, eligibility, outcome, send_at: Invitation(
            id=f"{survey}:{meeting}:{person}",
            survey=survey,
            meeting=meeting,
            invitee=person,
            eligibility=eligibility,
            outcome=outcome,
            send_at=send_at,
        ),
        _code("survey"),
        _code("m"),
        st.sampled_from(_PEOPLE),
        st.sampled_from(Eligibility),
        st.sampled_from(Outcome),
        st.none() | _SENT,
    )


_SENT = st.builds(
    lambda day, minute: (
        datetime(2027, 1, 1, 8, tzinfo=COPENHAGEN) + timedelta(days=day, minutes=minute)
    ),
    st.integers(0, 730),
    st.integers(0, 10 * 60),
)
"""Times an invitation is sent, in 2027 and 2028, local time of day."""


@checked
def answers() -> SearchStrategy[Answer]:
    """Answers: a score from 1 to 7, or a text.

    >>> answer = find(lst.answers(), lambda _: True, settings=quick)
    >>> (answer.score is None) != (answer.text is None)
    True
    >>> answer.score is None or 1 <= answer.score <= 7
    True

    .. versionadded:: 0.1.0
    """
    scored = st.builds(
        lambda item, score: Answer(item=item, score=score),
        _code("item"),
        st.integers(1, 7),
    )
    written = st.builds(
        lambda item, text: Answer(item=item, text=text), _code("item"), _SAYINGS
    )
    return scored | written


@checked
def responses() -> SearchStrategy[Response]:
    """Responses of one to five answers, each item once.

    Use :func:`survey_data` for responses that fit a survey.

    >>> response = find(lst.responses(), lambda _: True, settings=quick)
    >>> items = [answer.item for answer in response.answers]
    >>> 1 <= len(items) <= 5, len(set(items)) == len(items)
    (True, True)

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda invitation, found: Response(invitation=invitation, answers=found),
        _code("inv"),
        st.lists(answers(), min_size=1, max_size=5, unique_by=lambda a: a.item),
    )
