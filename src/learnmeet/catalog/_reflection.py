"""The built-in reflection models and their questions, in Danish and English.

Gibbs' reflection model (six phases) and Kolb's experiential learning cycle
(four) are the classic models; the case-meeting model follows the Esbjerg
project's interdisciplinary meetings about a citizen with palliative needs;
the home conversation speaks to the citizen and relatives in plain language,
and asks about what the Danish Health Authority's recommendations for
palliative care put first; the meeting-structure model asks leaders and key
persons about the forums learning is attached to; the After Action Review is
the short debrief many teams already know.

Every question says where it comes from. The seeds tell what Esbjerg did, not
the questions it asked: a question is quoted from a model's author where the
model has its own questions (Gibbs, the After Action Review), takes its topic
from the palliative recommendations where it is about palliation, and is
otherwise learnmeet's own.
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

_Q = tuple[str, str, frozenset[Audience], frozenset[str], Label]

# Where the questions come from (Question.source).
_OWN = Label(da="learnmeets eget spørgsmål", en="learnmeet's own question")
_GIBBS = Label(
    da="Gibbs, G. (1988): Learning by Doing; fasens spørgsmål, oversat",
    en="Gibbs, G. (1988): Learning by Doing; the phase's own question",
)
_AAR = Label(
    da="After Action Review: et af dens fire spørgsmål (U.S. Army, TC 25-20, "
    "1993), oversat",
    en="After Action Review: one of its four questions (U.S. Army, TC 25-20, 1993)",
)
_PALLIATIVE = Label(
    da="learnmeets spørgsmål om et emne fra Sundhedsstyrelsen: Anbefalinger for "
    "den palliative indsats (2017), kapitel 4, Det palliative forløb",
    en="learnmeet's question on a topic of the Danish Health Authority's "
    "recommendations for palliative care (Anbefalinger for den palliative "
    "indsats, 2017), chapter 4, the palliative course",
)


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
                source=source,
            )
            for n, (da, en, who, formats, source) in enumerate(questions, start=1)
        ],
    )


def _q(
    *,
    da: str,
    en: str,
    who: frozenset[Audience] = _PRO_LEAD,
    formats: frozenset[str] = frozenset(),
    source: Label = _OWN,
) -> _Q:
    return (da, en, who, formats, source)


# Questions about other sectors and transitions suit the cross-sectoral formats.
_ACROSS = frozenset({"learning_meeting", "audit", "study_visit", "roadshow"})


_K = PhaseKind

GIBBS = ReflectionModel(
    code="gibbs",
    label=Label(da="Gibbs' refleksionsmodel", en="Gibbs' reflective cycle"),
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
            _q(da="Hvad skete der?", en="What happened?", source=_GIBBS),
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
                source=_GIBBS,
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
            _q(da="Hvad gik godt?", en="What went well?", source=_GIBBS),
            _q(da="Hvad gik mindre godt?", en="What went less well?", source=_GIBBS),
        ),
        _phase(
            "gibbs",
            "analysis",
            _K.REFLECTION,
            Label(da="Analyse", en="Analysis"),
            _q(
                da="Hvorfor gik det, som det gik?",
                en="Why did things turn out the way they did?",
                source=_GIBBS,
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
                source=_GIBBS,
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
                source=_GIBBS,
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
            Label(da="Abstrakt begrebsdannelse", en="Abstract conceptualisation"),
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
        da="learnmeets egen model efter Esbjerg-projektets tværfaglige møder om "
        "borgere med palliative behov (En Værdig Død)",
        en="learnmeet's own model, after the Esbjerg project's interdisciplinary "
        "meetings about citizens with palliative needs (En Værdig Død)",
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
                da="Hvad mangler stadig, og skal vi arbejde videre med det?",
                en="What is still missing, and shall we carry on with it?",
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
            _q(
                da="Hvilke fysiske, psykiske, sociale og eksistentielle behov har "
                "borgeren, og hvem tager sig af hvad?",
                en="Which physical, psychological, social and existential needs "
                "does the citizen have, and who sees to which?",
                source=_PALLIATIVE,
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
            Label(da="Det har vi lært", en="What we learned"),
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
        da="learnmeets egen model efter Esbjerg-projektets møder hos borgeren (En "
        "Værdig Død); de palliative emner fra Sundhedsstyrelsens Anbefalinger for "
        "den palliative indsats (2017)",
        en="learnmeet's own model, after the Esbjerg project's meetings in the "
        "citizen's home (En Værdig Død); the palliative topics from the Danish "
        "Health Authority's recommendations for palliative care (2017)",
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
            Label(da="Din hverdag", en="Your everyday life"),
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
                da="Har du smerter, åndenød, kvalme eller andre gener?",
                en="Do you have pain, breathlessness, nausea or other troubles?",
                who=_HOME,
                source=_PALLIATIVE,
            ),
            _q(
                da="Hvad har vi hver især set, siden vi var her sidst?",
                en="What has each of us seen since we were last here?",
                who=_PRO_LEAD,
            ),
            _q(
                da="Hvilke symptomer har borgeren, og er de lindret godt nok?",
                en="Which symptoms does the citizen have, and are they relieved "
                "well enough?",
                who=_PRO_LEAD,
                source=_PALLIATIVE,
            ),
        ),
        _phase(
            "home_conversation",
            "what_matters",
            _K.REFLECTION,
            Label(da="Det, der er vigtigt for dig", en="What matters to you"),
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
                da="Hvad ønsker du for den tid, der er tilbage?",
                en="What do you wish for the time that is left?",
                who=_HOME,
                source=_PALLIATIVE,
            ),
            _q(
                da="Hvor vil du helst være, når livet slutter?",
                en="Where would you rather be when your life comes to its end?",
                who=_HOME,
                source=_PALLIATIVE,
            ),
            _q(
                da="Er der noget om livet, døden eller troen, der fylder?",
                en="Is there anything about life, death or faith on your mind?",
                who=_HOME,
                source=_PALLIATIVE,
            ),
            _q(
                da="Hvordan har du det selv som pårørende?",
                en="How are you yourself, as a relative?",
                who=_HOME,
                source=_PALLIATIVE,
            ),
            _q(
                da="Hvad hører vi borgeren sige, som vi ikke vidste?",
                en="What do we hear the citizen say that we did not know?",
                who=_PRO_LEAD,
            ),
            _q(
                da="Kender vi borgerens ønsker for den sidste tid og for, hvor "
                "borgeren vil dø, og står de i planen?",
                en="Do we know the citizen's wishes for the last days and where "
                "they wish to die, and are they in the plan?",
                who=_PRO_LEAD,
                source=_PALLIATIVE,
            ),
            _q(
                da="Hvordan har de pårørende det, og hvem støtter dem?",
                en="How are the relatives, and who supports them?",
                who=_PRO_LEAD,
                source=_PALLIATIVE,
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
                da="Hvad skal vi gøre anderledes fremover?",
                en="What should we do differently from now on?",
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
    source=Label(
        da="U.S. Army (1993): A Leader's Guide to After-Action Reviews (TC 25-20)",
        en="U.S. Army (1993): A Leader's Guide to After-Action Reviews (TC 25-20)",
    ),
    phases=[
        _phase(
            "after_action_review",
            "intended",
            _K.DESCRIPTION,
            Label(da="Det, der skulle ske", en="What was meant to happen"),
            _q(da="Hvad var planen?", en="What was the plan?", source=_AAR),
        ),
        _phase(
            "after_action_review",
            "happened",
            _K.DESCRIPTION,
            Label(da="Det, der skete", en="What happened"),
            _q(da="Hvad skete der faktisk?", en="What actually happened?", source=_AAR),
        ),
        _phase(
            "after_action_review",
            "why",
            _K.REFLECTION,
            Label(da="Hvorfor det gik anderledes", en="Why the difference"),
            _q(
                da="Hvorfor blev det anderledes end planlagt?",
                en="Why was it different from the plan?",
                source=_AAR,
            ),
        ),
        _phase(
            "after_action_review",
            "next_time",
            _K.ACTION,
            Label(da="Næste gang", en="What next time"),
            _q(
                da="Hvad gør vi næste gang?",
                en="What will we do next time?",
                source=_AAR,
            ),
        ),
    ],
)

MEETING_STRUCTURE = ReflectionModel(
    code="meeting_structure",
    label=Label(
        da="Ledernes refleksion over mødestrukturen",
        en="Leaders' reflection on the meeting structure",
    ),
    source=Label(
        da="learnmeets egen model; emnet fra Esbjerg-projektet, der bærer de "
        "tværfaglige læringsmøder videre i mødestrukturen og i "
        "kompetenceudvikling af ledere og nøglepersoner",
        en="learnmeet's own model; the topic from the Esbjerg project, which "
        "carries its learning meetings forward into the meeting structure and "
        "the competence development of leaders and key persons",
    ),
    phases=[
        _phase(
            "meeting_structure",
            "follow_up",
            _K.FOLLOW_UP,
            Label(da="Opfølgning på aftalerne", en="Follow-up of the actions"),
            _q(
                da="Hvilke aftaler fra læringsmøderne er fulgt op, og hvilke er "
                "gået i stå?",
                en="Which actions agreed at the learning meetings have been "
                "followed up, and which have stalled?",
                who=_LEAD,
            ),
            _q(
                da="Hvem følger op på aftalerne, og hvornår?",
                en="Who follows up on the actions, and when?",
                who=_LEAD,
            ),
        ),
        _phase(
            "meeting_structure",
            "forums",
            _K.DESCRIPTION,
            Label(da="Vores mødefora", en="Our forums"),
            _q(
                da="Hvilke faste mødefora har vi, hvem deltager, og hvor ofte "
                "mødes de?",
                en="Which recurring forums do we have, who takes part, and how "
                "often do they meet?",
                who=_LEAD,
            ),
            _q(
                da="I hvilke mødefora er der koblet refleksion over en konkret "
                "borger på?",
                en="In which forums is reflection on a concrete citizen attached?",
                who=_LEAD,
            ),
            _q(
                da="Hvilke faggrupper og sektorer er med, og hvem mangler?",
                en="Which professions and sectors take part, and who is missing?",
                who=_LEAD,
            ),
        ),
        _phase(
            "meeting_structure",
            "conditions",
            _K.REFLECTION,
            Label(da="Rammerne", en="The conditions"),
            _q(
                da="Er der sat tid af til refleksion, og holder den, når der er "
                "travlt?",
                en="Is time set aside for reflection, and does it hold when work "
                "is busy?",
                who=_LEAD,
            ),
            _q(
                da="Hvem faciliterer refleksionen, og er de uddannet til det?",
                en="Who facilitates the reflection, and are they trained for it?",
                who=_LEAD,
            ),
            _q(
                da="Tager møderne udgangspunkt i borgere, deltagerne selv arbejder "
                "med?",
                en="Do the meetings start from citizens the participants work with "
                "themselves?",
                who=_LEAD,
            ),
        ),
        _phase(
            "meeting_structure",
            "seen",
            _K.CONCLUSION,
            Label(da="Det ser vi", en="What we see"),
            _q(
                da="Hvor giver møderne læring, og hvor er de kun drift?",
                en="Where do the meetings give learning, and where are they only "
                "routine?",
                who=_LEAD,
            ),
            _q(
                da="Hvad holder vi fast i, og hvad stopper vi?",
                en="What do we keep, and what do we stop?",
                who=_LEAD,
            ),
        ),
        _phase(
            "meeting_structure",
            "next_steps",
            _K.ACTION,
            Label(da="Det gør vi", en="What we will do"),
            _q(
                da="Hvilket mødeforum kobler vi refleksion på næste gang, og hvem "
                "har ansvaret?",
                en="Which forum do we attach reflection to next, and who is "
                "responsible?",
                who=_LEAD,
            ),
            _q(
                da="Hvem skal på facilitatoruddannelsen?",
                en="Who goes on the facilitator training?",
                who=_LEAD,
            ),
            _q(
                da="Hvornår ser vi på mødestrukturen igen?",
                en="When do we look at the meeting structure again?",
                who=_LEAD,
            ),
        ),
    ],
)

REFLECTION_MODELS: tuple[ReflectionModel, ...] = (
    CASE_LEARNING,
    HOME_CONVERSATION,
    GIBBS,
    KOLB,
    AFTER_ACTION_REVIEW,
    MEETING_STRUCTURE,
)
"""The built-in reflection models, in the order the library offers them."""

QUESTION_BANK = QuestionBank(REFLECTION_MODELS)
"""The built-in reflection models: Gibbs, Kolb, the case meeting, the home
conversation, the After Action Review and the leaders' questions about the
meeting structure, with their questions in Danish and English."""
