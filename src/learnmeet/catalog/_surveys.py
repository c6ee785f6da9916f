"""The built-in surveys: right after the meeting, and a follow-up weeks later.

After the questionnaire of the KOPA evaluation, split by when each
Kirkpatrick level can be measured. Reaction and learning are asked right
after the meeting (:data:`YIELD_SURVEY`). Behaviour — do people work
differently — shows only once they have been back at work for a while, so it
is asked in a follow-up eight weeks later (:data:`FOLLOW_UP_SURVEY`).
Kirkpatrick and Kirkpatrick's guidelines for the behaviour level begin with
"allow time for behavior change to take place" (D. L. Kirkpatrick and J. D.
Kirkpatrick, *Evaluating Training Programs: The Four Levels*, 3rd ed.,
Berrett-Koehler 2006, chapter 6); eight weeks is long enough for a new way
of working to have been tried on several citizens and short enough that
people still remember the meeting, and it falls within the quarter a
municipality plans its meetings by. Results (level 4) are the organisation's
figures — readmissions, delayed discharges, complaints — that no
questionnaire measures; the follow-up asks one item about them, which
reports the participants' *perceived* results and is labelled so.
"""

from __future__ import annotations

from datetime import timedelta

from learnmeet.model._labels import Label
from learnmeet.model._survey import ItemKind, KirkpatrickLevel, Survey, SurveyItem

__all__ = ["FOLLOW_UP_SURVEY", "YIELD_SURVEY"]

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
                en="I now know better what the other sectors offer",
            ),
            level=_L.LEARNING,
            measures_yield=True,
        ),
        SurveyItem(
            id="whom_to_contact",
            text=Label(
                da="Jeg ved nu, hvem jeg skal kontakte om borgeren",
                en="I now know whom to contact about the citizen",
            ),
            level=_L.LEARNING,
            measures_yield=True,
        ),
        SurveyItem(
            id="take_away",
            text=Label(
                da="Hvad tager du med fra mødet?",
                en="What do you take away from the meeting?",
            ),
            level=_L.LEARNING,
            kind=ItemKind.FREE_TEXT,
        ),
    ],
)
"""The survey sent right after a meeting: reaction and learning only, four
Likert items and a free-text question; three items measure benefit."""

FOLLOW_UP_SURVEY = Survey(
    id="follow_up",
    title=Label(
        da="Opfølgning: hvad bruger du fra mødet?",
        en="Follow-up: what do you use from the meeting?",
    ),
    follow_up_after=timedelta(weeks=8),
    items=[
        SurveyItem(
            id="practice",
            text=Label(
                da="Jeg gør noget anderledes i mit arbejde efter mødet",
                en="I do something differently in my work since the meeting",
            ),
            level=_L.BEHAVIOUR,
            measures_yield=True,
        ),
        SurveyItem(
            id="contacted",
            text=Label(
                da="Jeg har siden mødet kontaktet en fra en anden faggruppe eller "
                "sektor om en borger",
                en="Since the meeting I have contacted someone of another "
                "profession or sector about a citizen",
            ),
            level=_L.BEHAVIOUR,
            measures_yield=True,
        ),
        SurveyItem(
            id="coordination",
            text=Label(
                da="Jeg oplever, at borgernes forløb er blevet bedre koordineret",
                en="I find that the citizens' courses are better coordinated",
            ),
            level=_L.RESULTS,
        ),
        SurveyItem(
            id="changed",
            text=Label(
                da="Hvad gør du anderledes nu?",
                en="What do you do differently now?",
            ),
            level=_L.BEHAVIOUR,
            kind=ItemKind.FREE_TEXT,
        ),
    ],
)
"""The follow-up survey, sent eight weeks after a
meeting: behaviour, in two Likert items that measure benefit and a free-text
question, and the participants' perceived results in one item."""
