"""The built-in yield survey, after the questionnaire of the KOPA evaluation."""

from __future__ import annotations

from learnmeet.model._labels import Label
from learnmeet.model._survey import ItemKind, KirkpatrickLevel, Survey, SurveyItem

__all__ = ["YIELD_SURVEY"]

_L = KirkpatrickLevel

YIELD_SURVEY = Survey(
    id="yield",
    title=Label(da="Dit udbytte af mødet", en="What you got out of the meeting"),
    items=[
        SurveyItem(
            id="relevant",
            text=Label(
                da="Mødet var relevant for mit arbejde",
                en="The meeting was relevant to my work",
            ),
            level=_L.REACTION,
        ),
        SurveyItem(
            id="other_professions",
            text=Label(
                da="Jeg lærte noget om de andre faggruppers arbejde",
                en="I learned something about the other professions' work",
            ),
            level=_L.LEARNING,
            measures_yield=True,
        ),
        SurveyItem(
            id="other_sectors",
            text=Label(
                da="Jeg kender nu de andre sektorers tilbud bedre",
                en="I now know the other sectors' offers better",
            ),
            level=_L.LEARNING,
            measures_yield=True,
        ),
        SurveyItem(
            id="practice",
            text=Label(
                da="Jeg gør noget anderledes i mit arbejde efter mødet",
                en="I do something differently in my work after the meeting",
            ),
            level=_L.BEHAVIOUR,
            measures_yield=True,
        ),
        SurveyItem(
            id="coordination",
            text=Label(
                da="Borgerens forløb blev bedre koordineret",
                en="The citizen's course was better coordinated",
            ),
            level=_L.RESULTS,
        ),
        SurveyItem(
            id="take_away",
            text=Label(
                da="Hvad tager du med fra mødet?", en="What do you take from it?"
            ),
            level=_L.LEARNING,
            kind=ItemKind.FREE_TEXT,
        ),
    ],
)
"""A five-item survey of what participants got out of a meeting, at all four
Kirkpatrick levels, with a free-text question; three items measure yield."""
