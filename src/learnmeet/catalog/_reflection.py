"""The built-in reflection models and their questions, in Danish and English.

Gibbs' reflective cycle (six phases) and Kolb's experiential learning cycle
(four) are the classic models; the case-meeting model follows the Esbjerg
project's learning meetings around a concrete citizen course; the home
conversation speaks to the citizen and relatives in plain language; the After
Action Review is the short debrief many teams already know.
"""

from __future__ import annotations

from learnmeet.model._labels import Label
from learnmeet.model._reflection import (
    Audience,
    PhaseKind,
    Question,
    QuestionBank,
    ReflectionModel,
    ReflectionPhase,
)

__all__ = ["QUESTION_BANK", "REFLECTION_MODELS"]

_PRO = frozenset({Audience.PROFESSIONALS})
_LEAD = frozenset({Audience.LEADERS_AND_KEY_PERSONS})
_PRO_LEAD = _PRO | _LEAD
_HOME = frozenset({Audience.CITIZEN_AND_RELATIVES})
_ALL = frozenset(Audience)

_Q = tuple[str, str, frozenset[Audience], frozenset[str]]


def _phase(
    model: str, code: str, kind: PhaseKind, label: tuple[str, str], *questions: _Q
) -> ReflectionPhase:
    return ReflectionPhase(
        code=code,
        label=Label(*label),
        kind=kind,
        questions=[
            Question(
                id=f"{model}.{code}.{n}",
                text=Label(da, en),
                audiences=who,
                formats=formats,
            )
            for n, (da, en, who, formats) in enumerate(questions, start=1)
        ],
    )


def _q(
    da: str,
    en: str,
    who: frozenset[Audience] = _PRO_LEAD,
    formats: frozenset[str] = frozenset(),
) -> _Q:
    return (da, en, who, formats)


# Questions about other sectors and transitions suit the cross-sectoral formats.
_ACROSS = frozenset({"learning_meeting", "audit", "study_visit", "roadshow"})


_K = PhaseKind

GIBBS = ReflectionModel(
    code="gibbs",
    label=Label("Gibbs' refleksive cyklus", "Gibbs' reflective cycle"),
    source=Label(
        "Gibbs, G. (1988): Learning by Doing", "Gibbs, G. (1988): Learning by Doing"
    ),
    phases=[
        _phase(
            "gibbs",
            "description",
            _K.DESCRIPTION,
            ("Beskrivelse", "Description"),
            _q("Hvad skete der?", "What happened?"),
            _q(
                "Hvem var involveret, og hvad gjorde hver især?",
                "Who was involved, and what did each of you do?",
            ),
            _q(
                "Hvad har du set hos medarbejderne i det forløb?",
                "What did you see the staff do in this course?",
                _LEAD,
            ),
        ),
        _phase(
            "gibbs",
            "feelings",
            _K.REFLECTION,
            ("Følelser", "Feelings"),
            _q(
                "Hvad tænkte og følte du undervejs?",
                "What were you thinking and feeling at the time?",
            ),
            _q(
                "Hvad tror du, borgeren og de pårørende oplevede?",
                "What do you think the citizen and relatives experienced?",
            ),
        ),
        _phase(
            "gibbs",
            "evaluation",
            _K.REFLECTION,
            ("Vurdering", "Evaluation"),
            _q("Hvad gik godt?", "What went well?"),
            _q("Hvad gik mindre godt?", "What went less well?"),
        ),
        _phase(
            "gibbs",
            "analysis",
            _K.REFLECTION,
            ("Analyse", "Analysis"),
            _q(
                "Hvorfor gik det, som det gik?",
                "Why did things turn out the way they did?",
            ),
            _q(
                "Hvad ved de andre faggrupper eller sektorer, som vi ikke vidste?",
                "What do the other professions or sectors know that we did not?",
                formats=_ACROSS | {"course_day", "home_meeting"},
            ),
            _q(
                "Hvilke rammer i organisationen hjalp eller hindrede?",
                "Which conditions in the organisation helped or hindered?",
                _LEAD,
            ),
        ),
        _phase(
            "gibbs",
            "conclusion",
            _K.CONCLUSION,
            ("Konklusion", "Conclusion"),
            _q(
                "Hvad kunne vi have gjort anderledes?",
                "What else could we have done?",
            ),
            _q("Hvad har vi lært?", "What have we learned?"),
        ),
        _phase(
            "gibbs",
            "action_plan",
            _K.ACTION,
            ("Handleplan", "Action plan"),
            _q(
                "Hvad gør vi, hvis det sker igen?",
                "What will we do if it happens again?",
            ),
            _q("Hvem gør hvad, og hvornår?", "Who does what, and by when?"),
        ),
    ],
)

KOLB = ReflectionModel(
    code="kolb",
    label=Label("Kolbs læringscirkel", "Kolb's experiential learning cycle"),
    source=Label(
        "Kolb, D. A. (1984): Experiential Learning",
        "Kolb, D. A. (1984): Experiential Learning",
    ),
    phases=[
        _phase(
            "kolb",
            "concrete_experience",
            _K.DESCRIPTION,
            ("Konkret oplevelse", "Concrete experience"),
            _q(
                "Fortæl om en konkret situation fra borgerens forløb.",
                "Tell us about one concrete situation from the citizen's course.",
            ),
            _q(
                "Hvad så, hørte og gjorde du?",
                "What did you see, hear and do?",
            ),
        ),
        _phase(
            "kolb",
            "reflective_observation",
            _K.REFLECTION,
            ("Reflekterende observation", "Reflective observation"),
            _q(
                "Hvordan så situationen ud fra de andre faggruppers side?",
                "How did the situation look from the other professions' side?",
            ),
            _q(
                "Hvad undrede dig?",
                "What puzzled you?",
            ),
        ),
        _phase(
            "kolb",
            "abstract_conceptualisation",
            _K.CONCLUSION,
            ("Begrebsliggørelse", "Abstract conceptualisation"),
            _q(
                "Hvilket mønster eller hvilken viden kan vi tage med videre?",
                "Which pattern or knowledge can we take with us?",
            ),
            _q(
                "Hvad siger faglig viden eller retningslinjer om det?",
                "What do professional knowledge or guidelines say about it?",
            ),
        ),
        _phase(
            "kolb",
            "active_experimentation",
            _K.ACTION,
            ("Aktiv afprøvning", "Active experimentation"),
            _q(
                "Hvad vil vi prøve af næste gang?",
                "What shall we try next time?",
            ),
            _q(
                "Hvordan ser vi, om det virker?",
                "How will we see whether it works?",
            ),
        ),
    ],
)

CASE_LEARNING = ReflectionModel(
    code="case_learning",
    label=Label(
        "Læringsmøde om et konkret borgerforløb",
        "Learning meeting about a concrete citizen course",
    ),
    source=Label(
        "Tværfaglige læringsmøder i Esbjerg-projektet",
        "The interdisciplinary learning meetings of the Esbjerg project",
    ),
    phases=[
        _phase(
            "case_learning",
            "follow_up",
            _K.FOLLOW_UP,
            ("Opfølgning på sidste gang", "Follow-up of last time's actions"),
            _q(
                "Hvad aftalte vi sidst, og hvordan er det gået?",
                "What did we agree last time, and how has it gone?",
            ),
            _q(
                "Hvad mangler stadig, og skal det videre?",
                "What is still missing, and should it be carried on?",
            ),
        ),
        _phase(
            "case_learning",
            "case_presentation",
            _K.DESCRIPTION,
            ("Borgerforløbet", "The citizen's course"),
            _q(
                "Hvad er sket i borgerens forløb siden sidst?",
                "What has happened in the citizen's course since last time?",
            ),
            _q(
                "Hvad er borgerens og de pårørendes ønsker?",
                "What do the citizen and relatives wish for?",
            ),
        ),
        _phase(
            "case_learning",
            "perspectives",
            _K.REFLECTION,
            ("Hver faggruppes perspektiv", "Each profession's perspective"),
            _q(
                "Hvad ser du fra din faggruppe, som de andre ikke ser?",
                "What do you see from your profession that the others do not?",
            ),
            _q(
                "Hvad tilbyder din sektor, som de andre ikke kender?",
                "What does your sector offer that the others do not know of?",
                formats=_ACROSS,
            ),
            _q(
                "Hvilken information manglede ved overgangen mellem sektorerne?",
                "What information was missing at the transition between sectors?",
                formats=_ACROSS,
            ),
        ),
        _phase(
            "case_learning",
            "learned",
            _K.CONCLUSION,
            ("Det lærte vi", "What we learned"),
            _q(
                "Hvad har vi lært af hinanden i dag?",
                "What have we learned from each other today?",
            ),
            _q(
                "Hvad tager vi med til næste borger?",
                "What do we take with us to the next citizen?",
            ),
        ),
        _phase(
            "case_learning",
            "next_steps",
            _K.ACTION,
            ("Det gør vi", "What we will do"),
            _q(
                "Hvad gør vi nu, og hvem gør hvad?",
                "What do we do now, and who does what?",
            ),
            _q(
                "Hvornår følger vi op?",
                "When do we follow up?",
            ),
        ),
    ],
)

HOME_CONVERSATION = ReflectionModel(
    code="home_conversation",
    label=Label("Samtale hjemme hos borgeren", "Conversation in the citizen's home"),
    source=Label(
        "Møder i borgerens hjem i Esbjerg-projektet",
        "The home meetings of the Esbjerg project",
    ),
    phases=[
        _phase(
            "home_conversation",
            "last_time",
            _K.FOLLOW_UP,
            ("Sidst vi sås", "Since we last met"),
            _q(
                "Sidst aftalte vi nogle ting. Er de blevet gjort?",
                "Last time we agreed on some things. Have they been done?",
                _ALL,
            ),
        ),
        _phase(
            "home_conversation",
            "your_days",
            _K.DESCRIPTION,
            ("Dine dage", "Your days"),
            _q(
                "Hvordan har du det for tiden?",
                "How are you these days?",
                _HOME,
            ),
            _q(
                "Hvordan går en almindelig dag for dig?",
                "What is an ordinary day like for you?",
                _HOME,
            ),
            _q(
                "Hvad har vi hver især set, siden vi var her sidst?",
                "What has each of us seen since we were last here?",
                _PRO_LEAD,
            ),
        ),
        _phase(
            "home_conversation",
            "what_matters",
            _K.REFLECTION,
            ("Det vigtige for dig", "What matters to you"),
            _q(
                "Hvad er vigtigst for dig lige nu?",
                "What matters most to you right now?",
                _HOME,
            ),
            _q(
                "Hvad fungerer godt, og hvad er svært?",
                "What works well, and what is hard?",
                _HOME,
            ),
            _q(
                "Er der noget, du er bekymret for?",
                "Is there anything you are worried about?",
                _HOME,
            ),
            _q(
                "Hvad hører vi borgeren sige, som vi ikke vidste?",
                "What do we hear the citizen say that we did not know?",
                _PRO_LEAD,
            ),
        ),
        _phase(
            "home_conversation",
            "understood",
            _K.CONCLUSION,
            ("Det har vi forstået", "What we understood"),
            _q(
                "Har vi forstået dig rigtigt?",
                "Have we understood you right?",
                _HOME,
            ),
            _q(
                "Hvad har vi forstået bedre ved at mødes her?",
                "What have we understood better by meeting here?",
                _PRO_LEAD,
            ),
        ),
        _phase(
            "home_conversation",
            "agree",
            _K.ACTION,
            ("Det aftaler vi", "What we agree"),
            _q(
                "Hvad skal vi gøre anderledes fra i dag?",
                "What should we do differently from today?",
                _HOME,
            ),
            _q(
                "Hvem kan du ringe til, hvis noget ændrer sig?",
                "Whom can you call if something changes?",
                _HOME,
            ),
            _q(
                "Hvem gør hvad, og hvornår ses vi igen?",
                "Who does what, and when do we meet again?",
                _PRO_LEAD,
            ),
        ),
    ],
)

AFTER_ACTION_REVIEW = ReflectionModel(
    code="after_action_review",
    label=Label("Efterevaluering (After Action Review)", "After Action Review"),
    phases=[
        _phase(
            "after_action_review",
            "intended",
            _K.DESCRIPTION,
            ("Det skulle ske", "What was meant to happen"),
            _q("Hvad var planen?", "What was the plan?"),
        ),
        _phase(
            "after_action_review",
            "happened",
            _K.DESCRIPTION,
            ("Det skete", "What happened"),
            _q("Hvad skete der faktisk?", "What actually happened?"),
        ),
        _phase(
            "after_action_review",
            "why",
            _K.REFLECTION,
            ("Derfor", "Why the difference"),
            _q(
                "Hvorfor blev det anderledes end planlagt?",
                "Why was it different from the plan?",
            ),
        ),
        _phase(
            "after_action_review",
            "next_time",
            _K.ACTION,
            ("Næste gang", "What next time"),
            _q("Hvad gør vi næste gang?", "What will we do next time?"),
        ),
    ],
)

REFLECTION_MODELS: tuple[ReflectionModel, ...] = (
    CASE_LEARNING,
    HOME_CONVERSATION,
    GIBBS,
    KOLB,
    AFTER_ACTION_REVIEW,
)
"""The built-in reflection models, in the order the library offers them."""

QUESTION_BANK = QuestionBank(REFLECTION_MODELS)
"""The built-in reflection models: Gibbs, Kolb, the case meeting, the home
conversation and the After Action Review, with their questions in Danish and
English."""
