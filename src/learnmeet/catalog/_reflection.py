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
    model: str, code: str, kind: PhaseKind, label: Label, *questions: _Q
) -> ReflectionPhase:
    return ReflectionPhase(
        code=code,
        label=label,
        kind=kind,
        questions=[
            Question(
                id=f"{model}.{code}.{n}",
                text=Label(da=da, en=en),
                audiences=who,
                formats=formats,
            )
            for n, (da, en, who, formats) in enumerate(questions, start=1)
        ],
    )


def _q(
    *,
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
    label=Label(da="Gibbs' refleksive cyklus", en="Gibbs' reflective cycle"),
    source=Label(
        da="Gibbs, G. (1988): Learning by Doing",
        en="Gibbs, G. (1988): Learning by Doing",
    ),
    phases=[
        _phase(
            "gibbs",
            "description",
            _K.DESCRIPTION,
            Label(da="Beskrivelse", en="Description"),
            _q(da="Hvad skete der?", en="What happened?"),
            _q(
                da="Hvem var involveret, og hvad gjorde hver især?",
                en="Who was involved, and what did each of you do?",
            ),
            _q(
                da="Hvad har du set hos medarbejderne i det forløb?",
                en="What did you see the staff do in this course?",
                who=_LEAD,
            ),
        ),
        _phase(
            "gibbs",
            "feelings",
            _K.REFLECTION,
            Label(da="Følelser", en="Feelings"),
            _q(
                da="Hvad tænkte og følte du undervejs?",
                en="What were you thinking and feeling at the time?",
            ),
            _q(
                da="Hvad tror du, borgeren og de pårørende oplevede?",
                en="What do you think the citizen and relatives experienced?",
            ),
        ),
        _phase(
            "gibbs",
            "evaluation",
            _K.REFLECTION,
            Label(da="Vurdering", en="Evaluation"),
            _q(da="Hvad gik godt?", en="What went well?"),
            _q(da="Hvad gik mindre godt?", en="What went less well?"),
        ),
        _phase(
            "gibbs",
            "analysis",
            _K.REFLECTION,
            Label(da="Analyse", en="Analysis"),
            _q(
                da="Hvorfor gik det, som det gik?",
                en="Why did things turn out the way they did?",
            ),
            _q(
                da="Hvad ved de andre faggrupper eller sektorer, som vi ikke vidste?",
                en="What do the other professions or sectors know that we did not?",
                formats=_ACROSS | {"course_day", "home_meeting"},
            ),
            _q(
                da="Hvilke rammer i organisationen hjalp eller hindrede?",
                en="Which conditions in the organisation helped or hindered?",
                who=_LEAD,
            ),
        ),
        _phase(
            "gibbs",
            "conclusion",
            _K.CONCLUSION,
            Label(da="Konklusion", en="Conclusion"),
            _q(
                da="Hvad kunne vi have gjort anderledes?",
                en="What else could we have done?",
            ),
            _q(da="Hvad har vi lært?", en="What have we learned?"),
        ),
        _phase(
            "gibbs",
            "action_plan",
            _K.ACTION,
            Label(da="Handleplan", en="Action plan"),
            _q(
                da="Hvad gør vi, hvis det sker igen?",
                en="What will we do if it happens again?",
            ),
            _q(da="Hvem gør hvad, og hvornår?", en="Who does what, and by when?"),
        ),
    ],
)

KOLB = ReflectionModel(
    code="kolb",
    label=Label(da="Kolbs læringscirkel", en="Kolb's experiential learning cycle"),
    source=Label(
        da="Kolb, D. A. (1984): Experiential Learning",
        en="Kolb, D. A. (1984): Experiential Learning",
    ),
    phases=[
        _phase(
            "kolb",
            "concrete_experience",
            _K.DESCRIPTION,
            Label(da="Konkret oplevelse", en="Concrete experience"),
            _q(
                da="Fortæl om en konkret situation fra borgerens forløb.",
                en="Tell us about one concrete situation from the citizen's course.",
            ),
            _q(
                da="Hvad så, hørte og gjorde du?",
                en="What did you see, hear and do?",
            ),
        ),
        _phase(
            "kolb",
            "reflective_observation",
            _K.REFLECTION,
            Label(da="Reflekterende observation", en="Reflective observation"),
            _q(
                da="Hvordan så situationen ud fra de andre faggruppers side?",
                en="How did the situation look from the other professions' side?",
            ),
            _q(
                da="Hvad undrede dig?",
                en="What puzzled you?",
            ),
        ),
        _phase(
            "kolb",
            "abstract_conceptualisation",
            _K.CONCLUSION,
            Label(da="Begrebsliggørelse", en="Abstract conceptualisation"),
            _q(
                da="Hvilket mønster eller hvilken viden kan vi tage med videre?",
                en="Which pattern or knowledge can we take with us?",
            ),
            _q(
                da="Hvad siger faglig viden eller retningslinjer om det?",
                en="What do professional knowledge or guidelines say about it?",
            ),
        ),
        _phase(
            "kolb",
            "active_experimentation",
            _K.ACTION,
            Label(da="Aktiv afprøvning", en="Active experimentation"),
            _q(
                da="Hvad vil vi prøve af næste gang?",
                en="What shall we try next time?",
            ),
            _q(
                da="Hvordan ser vi, om det virker?",
                en="How will we see whether it works?",
            ),
        ),
    ],
)

CASE_LEARNING = ReflectionModel(
    code="case_learning",
    label=Label(
        da="Læringsmøde om et konkret borgerforløb",
        en="Learning meeting about a concrete citizen course",
    ),
    source=Label(
        da="Tværfaglige læringsmøder i Esbjerg-projektet",
        en="The interdisciplinary learning meetings of the Esbjerg project",
    ),
    phases=[
        _phase(
            "case_learning",
            "follow_up",
            _K.FOLLOW_UP,
            Label(
                da="Opfølgning på sidste gang", en="Follow-up of last time's actions"
            ),
            _q(
                da="Hvad aftalte vi sidst, og hvordan er det gået?",
                en="What did we agree last time, and how has it gone?",
            ),
            _q(
                da="Hvad mangler stadig, og skal det videre?",
                en="What is still missing, and should it be carried on?",
            ),
        ),
        _phase(
            "case_learning",
            "case_presentation",
            _K.DESCRIPTION,
            Label(da="Borgerforløbet", en="The citizen's course"),
            _q(
                da="Hvad er sket i borgerens forløb siden sidst?",
                en="What has happened in the citizen's course since last time?",
            ),
            _q(
                da="Hvad er borgerens og de pårørendes ønsker?",
                en="What do the citizen and relatives wish for?",
            ),
        ),
        _phase(
            "case_learning",
            "perspectives",
            _K.REFLECTION,
            Label(da="Hver faggruppes perspektiv", en="Each profession's perspective"),
            _q(
                da="Hvad ser du fra din faggruppe, som de andre ikke ser?",
                en="What do you see from your profession that the others do not?",
            ),
            _q(
                da="Hvad tilbyder din sektor, som de andre ikke kender?",
                en="What does your sector offer that the others do not know of?",
                formats=_ACROSS,
            ),
            _q(
                da="Hvilken information manglede ved overgangen mellem sektorerne?",
                en="What information was missing at the transition between sectors?",
                formats=_ACROSS,
            ),
        ),
        _phase(
            "case_learning",
            "learned",
            _K.CONCLUSION,
            Label(da="Det lærte vi", en="What we learned"),
            _q(
                da="Hvad har vi lært af hinanden i dag?",
                en="What have we learned from each other today?",
            ),
            _q(
                da="Hvad tager vi med til næste borger?",
                en="What do we take with us to the next citizen?",
            ),
        ),
        _phase(
            "case_learning",
            "next_steps",
            _K.ACTION,
            Label(da="Det gør vi", en="What we will do"),
            _q(
                da="Hvad gør vi nu, og hvem gør hvad?",
                en="What do we do now, and who does what?",
            ),
            _q(
                da="Hvornår følger vi op?",
                en="When do we follow up?",
            ),
        ),
    ],
)

HOME_CONVERSATION = ReflectionModel(
    code="home_conversation",
    label=Label(
        da="Samtale hjemme hos borgeren", en="Conversation in the citizen's home"
    ),
    source=Label(
        da="Møder i borgerens hjem i Esbjerg-projektet",
        en="The home meetings of the Esbjerg project",
    ),
    phases=[
        _phase(
            "home_conversation",
            "last_time",
            _K.FOLLOW_UP,
            Label(da="Sidst vi sås", en="Since we last met"),
            _q(
                da="Sidst aftalte vi nogle ting. Er de blevet gjort?",
                en="Last time we agreed on some things. Have they been done?",
                who=_ALL,
            ),
        ),
        _phase(
            "home_conversation",
            "your_days",
            _K.DESCRIPTION,
            Label(da="Dine dage", en="Your days"),
            _q(
                da="Hvordan har du det for tiden?",
                en="How are you these days?",
                who=_HOME,
            ),
            _q(
                da="Hvordan går en almindelig dag for dig?",
                en="What is an ordinary day like for you?",
                who=_HOME,
            ),
            _q(
                da="Hvad har vi hver især set, siden vi var her sidst?",
                en="What has each of us seen since we were last here?",
                who=_PRO_LEAD,
            ),
        ),
        _phase(
            "home_conversation",
            "what_matters",
            _K.REFLECTION,
            Label(da="Det vigtige for dig", en="What matters to you"),
            _q(
                da="Hvad er vigtigst for dig lige nu?",
                en="What matters most to you right now?",
                who=_HOME,
            ),
            _q(
                da="Hvad fungerer godt, og hvad er svært?",
                en="What works well, and what is hard?",
                who=_HOME,
            ),
            _q(
                da="Er der noget, du er bekymret for?",
                en="Is there anything you are worried about?",
                who=_HOME,
            ),
            _q(
                da="Hvad hører vi borgeren sige, som vi ikke vidste?",
                en="What do we hear the citizen say that we did not know?",
                who=_PRO_LEAD,
            ),
        ),
        _phase(
            "home_conversation",
            "understood",
            _K.CONCLUSION,
            Label(da="Det har vi forstået", en="What we understood"),
            _q(
                da="Har vi forstået dig rigtigt?",
                en="Have we understood you right?",
                who=_HOME,
            ),
            _q(
                da="Hvad har vi forstået bedre ved at mødes her?",
                en="What have we understood better by meeting here?",
                who=_PRO_LEAD,
            ),
        ),
        _phase(
            "home_conversation",
            "agree",
            _K.ACTION,
            Label(da="Det aftaler vi", en="What we agree"),
            _q(
                da="Hvad skal vi gøre anderledes fra i dag?",
                en="What should we do differently from today?",
                who=_HOME,
            ),
            _q(
                da="Hvem kan du ringe til, hvis noget ændrer sig?",
                en="Whom can you call if something changes?",
                who=_HOME,
            ),
            _q(
                da="Hvem gør hvad, og hvornår ses vi igen?",
                en="Who does what, and when do we meet again?",
                who=_PRO_LEAD,
            ),
        ),
    ],
)

AFTER_ACTION_REVIEW = ReflectionModel(
    code="after_action_review",
    label=Label(da="Efterevaluering (After Action Review)", en="After Action Review"),
    phases=[
        _phase(
            "after_action_review",
            "intended",
            _K.DESCRIPTION,
            Label(da="Det skulle ske", en="What was meant to happen"),
            _q(da="Hvad var planen?", en="What was the plan?"),
        ),
        _phase(
            "after_action_review",
            "happened",
            _K.DESCRIPTION,
            Label(da="Det skete", en="What happened"),
            _q(da="Hvad skete der faktisk?", en="What actually happened?"),
        ),
        _phase(
            "after_action_review",
            "why",
            _K.REFLECTION,
            Label(da="Derfor", en="Why the difference"),
            _q(
                da="Hvorfor blev det anderledes end planlagt?",
                en="Why was it different from the plan?",
            ),
        ),
        _phase(
            "after_action_review",
            "next_time",
            _K.ACTION,
            Label(da="Næste gang", en="What next time"),
            _q(da="Hvad gør vi næste gang?", en="What will we do next time?"),
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
