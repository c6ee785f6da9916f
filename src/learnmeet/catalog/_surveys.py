"""The built-in yield survey, after the questionnaire of the KOPA evaluation."""

from __future__ import annotations

from learnmeet.model._labels import Label
from learnmeet.model._survey import ItemKind, KirkpatrickLevel, Survey, SurveyItem

__all__ = ["YIELD_SURVEY"]

_L = KirkpatrickLevel

YIELD_SURVEY = Survey(
    id="yield",
    title=Label("Dit udbytte af mødet", "What you got out of the meeting"),
    items=[
        SurveyItem(
            id="relevant",
            text=Label(
                "Mødet var relevant for mit arbejde",
                "The meeting was relevant to my work",
            ),
            level=_L.REACTION,
        ),
        SurveyItem(
            id="other_professions",
            text=Label(
                "Jeg lærte noget om de andre faggruppers arbejde",
                "I learned something about the other professions' work",
            ),
            level=_L.LEARNING,
            measures_yield=True,
        ),
        SurveyItem(
            id="other_sectors",
            text=Label(
                "Jeg kender nu de andre sektorers tilbud bedre",
                "I now know the other sectors' offers better",
            ),
            level=_L.LEARNING,
            measures_yield=True,
        ),
        SurveyItem(
            id="practice",
            text=Label(
                "Jeg gør noget anderledes i mit arbejde efter mødet",
                "I do something differently in my work after the meeting",
            ),
            level=_L.BEHAVIOUR,
            measures_yield=True,
        ),
        SurveyItem(
            id="coordination",
            text=Label(
                "Borgerens forløb blev bedre koordineret",
                "The citizen's course was better coordinated",
            ),
            level=_L.RESULTS,
        ),
        SurveyItem(
            id="take_away",
            text=Label("Hvad tager du med fra mødet?", "What do you take from it?"),
            level=_L.LEARNING,
            kind=ItemKind.FREE_TEXT,
        ),
    ],
)
"""A five-item survey of what participants got out of a meeting, at all four
Kirkpatrick levels, with a free-text question; three items measure yield."""
