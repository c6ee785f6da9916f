"""Reflection models: the questions that turn a meeting into learning.

The Esbjerg project let reflection questions carry its interdisciplinary learning
meetings and its meetings in the citizen's home. A :class:`ReflectionModel` is an
ordered list of phases (Gibbs' six, Kolb's four, a case meeting's five), each
with questions in Danish and English, tagged by the formats and the audience
they suit. A :class:`QuestionBank` holds the models, is extended and filtered by
users, and chooses a meeting's questions deterministically from a seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from learnmeet.exceptions import InvalidValueError, shown
from learnmeet.model._arguments import checked
from learnmeet.model._checks import (
    each,
    identifier,
    instance_of,
    optional,
    refuse,
    to_frozenset,
    to_tuple,
    unique,
)
from learnmeet.model._formats import MeetingFormat
from learnmeet.model._labels import Label, LabelledEnum
from learnmeet.model._lookup import find
from learnmeet.model._meetings import Reflection

__all__ = [
    "Audience",
    "PhaseKind",
    "Question",
    "QuestionBank",
    "ReflectionModel",
    "ReflectionPhase",
]


class Audience(LabelledEnum):
    """Whom a reflection question speaks to.

    .. versionadded:: 0.1.0
    """

    PROFESSIONALS = "professionals", Label(da="fagpersoner", en="professionals")
    CITIZEN_AND_RELATIVES = (
        "citizen_and_relatives",
        Label(da="borger og pårørende", en="citizen and relatives"),
    )
    LEADERS_AND_KEY_PERSONS = (
        "leaders_and_key_persons",
        Label(da="ledere og nøglepersoner", en="leaders and key persons"),
    )


class PhaseKind(LabelledEnum):
    """What a phase does in the cycle; a model's phases come in this order.

    Follow-up of last time's actions comes first, then describing what
    happened, reflecting on it, concluding what was learned, and agreeing on
    actions. A :class:`~learnmeet.ReflectionCycle` holds to this order: nothing
    is concluded before it has been described.

    .. versionadded:: 0.1.0
    """

    FOLLOW_UP = "follow_up", Label(da="opfølgning", en="follow-up")
    DESCRIPTION = "description", Label(da="beskrivelse", en="description")
    REFLECTION = "reflection", Label(da="refleksion", en="reflection")
    CONCLUSION = "conclusion", Label(da="konklusion", en="conclusion")
    ACTION = "action", Label(da="handling", en="action")

    @property
    def rank(self) -> int:
        """The position of this kind in the order of a cycle, from 0."""
        return _KIND_ORDER.index(self)


_KIND_ORDER = tuple(PhaseKind)


_ALL_AUDIENCES = frozenset(Audience)


def _audiences(items: Iterable[Audience]) -> frozenset[Audience]:
    return to_frozenset(items)


def _formats(items: Iterable[str]) -> frozenset[str]:
    return to_frozenset(items)


def _not_empty(
    *, what: Label, fix: Label
) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not value:
            raise refuse(
                InvalidValueError,
                instance,
                attribute,
                reason=Label(
                    da=f"skal have mindst én {what.da}",
                    en=f"needs at least one {what.en}",
                ),
                fix=fix,
            )

    return validate


@attrs.frozen(kw_only=True)
class Question:
    """A reflection question in Danish and English.

    Attributes:
        id: A stable identifier, unique within its model.
        text: The question.
        audiences: Whom it speaks to; all audiences by default.
        formats: Codes of the meeting formats it suits; empty means any format.
        source: Where the question comes from, in Danish and English: the
            work it is quoted or taken from, or that it is the library's (or
            your) own; ``None``: not said.

    >>> text = Label(da="Hvad skete der?", en="What happened?")
    >>> q = Question(id="g-desc-1", text=text)
    >>> q.suits(format="home_meeting", audience=Audience.PROFESSIONALS)
    True

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *source*.
    """

    id: str = attrs.field(validator=identifier)
    text: Label = attrs.field(validator=instance_of(Label))
    audiences: frozenset[Audience] = attrs.field(
        default=_ALL_AUDIENCES,
        converter=_audiences,
        validator=[
            each(instance_of(Audience)),
            _not_empty(
                what=Label(da="målgruppe", en="audience"),
                fix=Label(
                    da="udelad målgrupper for at spørge alle",
                    en="leave out audiences to ask everyone",
                ),
            ),
        ],
    )
    formats: frozenset[str] = attrs.field(
        default=frozenset(), converter=_formats, validator=each(identifier)
    )
    source: Label | None = attrs.field(
        default=None, validator=optional(instance_of(Label))
    )

    @checked
    def suits(
        self,
        *,
        format: MeetingFormat | str | None = None,
        audience: Audience | None = None,
    ) -> bool:
        """Whether the question fits a meeting of *format* and *audience*.

        ``None`` matches anything.
        """
        code = format.code if isinstance(format, MeetingFormat) else format
        return (code is None or not self.formats or code in self.formats) and (
            audience is None or audience in self.audiences
        )


def _questions(items: Iterable[Question]) -> tuple[Question, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class ReflectionPhase:
    """One phase of a reflection model, with its questions.

    Attributes:
        code: A stable code, unique within the model, e.g. ``"description"``.
        label: Its name in Danish and English.
        kind: What the phase does in the cycle.
        questions: The questions asked in this phase, at least one.

    .. versionadded:: 0.1.0
    """

    code: str = attrs.field(validator=identifier)
    label: Label = attrs.field(validator=instance_of(Label))
    kind: PhaseKind = attrs.field(validator=instance_of(PhaseKind))
    questions: tuple[Question, ...] = attrs.field(
        converter=_questions,
        validator=[
            each(instance_of(Question)),
            _not_empty(
                what=Label(da="spørgsmål", en="question"),
                fix=Label(da="giv fasen et spørgsmål", en="give the phase a question"),
            ),
        ],
    )


def _phases(items: Iterable[ReflectionPhase]) -> tuple[ReflectionPhase, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class ReflectionModel:
    """An ordered list of phases, each with reflection questions.

    The phases' kinds never go backwards (follow-up, description, reflection,
    conclusion, action), and a model has at least one description phase and
    one action phase, so that every cycle describes before it concludes and
    ends with what will be done.

    Attributes:
        code: A stable code, e.g. ``"gibbs"``.
        label: Its name in Danish and English.
        phases: The phases, in order.
        source: Where the model comes from, in Danish and English.

    .. versionadded:: 0.1.0
    """

    code: str = attrs.field(validator=identifier)
    label: Label = attrs.field(validator=instance_of(Label))
    phases: tuple[ReflectionPhase, ...] = attrs.field(
        converter=_phases,
        validator=[
            each(instance_of(ReflectionPhase)),
            unique(lambda p: p.code, what=Label(da="fasen", en="the phase")),
        ],
    )
    source: Label | None = attrs.field(
        default=None, validator=optional(instance_of(Label))
    )

    def __attrs_post_init__(self) -> None:
        kinds = [p.kind for p in self.phases]
        problem: Label | None = None
        if PhaseKind.DESCRIPTION not in kinds or PhaseKind.ACTION not in kinds:
            problem = Label(
                da="skal have mindst én beskrivelsesfase og én handlingsfase",
                en="needs at least one description phase and one action phase",
            )
        else:
            for before, after in zip(self.phases, self.phases[1:], strict=False):
                if after.kind.rank < before.kind.rank:
                    later, earlier = shown(after.code), shown(before.code)
                    problem = Label(
                        da=f"fasen {later.da} ({after.kind.code}) kommer efter "
                        f"{earlier.da} ({before.kind.code}); faserne skal følge "
                        "opfølgning, beskrivelse, refleksion, konklusion, handling",
                        en=f"phase {later.en} ({after.kind.code}) comes after "
                        f"{earlier.en} ({before.kind.code}); kinds must follow "
                        "follow-up, description, reflection, conclusion, action",
                    )
                    break
        if problem is None:
            seen: set[str] = set()
            for phase in self.phases:
                for question in phase.questions:
                    if question.id in seen:
                        twice = shown(question.id)
                        problem = Label(
                            da=f"spørgsmålet {twice.da} står der to gange",
                            en=f"the question id {twice.en} is used twice",
                        )
                    seen.add(question.id)
        if problem is not None:
            raise InvalidValueError(
                reason=problem,
                fix=Label(
                    da="ordn faserne fra beskrivelse til handling, hvert spørgsmål "
                    "én gang",
                    en="order the phases from describing to acting, each question once",
                ),
                where="ReflectionModel",
                path=("phases",),
            )

    @checked
    def phase(self, code: str) -> ReflectionPhase:
        """Return the phase with *code*.

        Raises:
            UnknownCodeError: The model has no such phase; the closest are named.
        """
        return find(
            "phase",
            code,
            {p.code: p for p in self.phases},
            what=Label(da="fase", en="phase"),
            where="ReflectionModel.phase",
            argument="code",
        )

    @checked
    def index(self, code: str) -> int:
        """Return the position of the phase with *code*, from 0."""
        return self.phases.index(self.phase(code))

    @checked
    def questions(
        self,
        *,
        phase: str | None = None,
        format: MeetingFormat | str | None = None,
        audience: Audience | None = None,
    ) -> tuple[Question, ...]:
        """Return the questions that suit *format* and *audience*, in order."""
        phases = self.phases if phase is None else (self.phase(phase),)
        return tuple(
            q
            for p in phases
            for q in p.questions
            if q.suits(format=format, audience=audience)
        )

    @checked
    def with_questions(
        self, phase: str, questions: Iterable[Question]
    ) -> ReflectionModel:
        """Return a copy with *questions* added at the end of *phase*."""
        target = self.phase(phase)
        extended = attrs.evolve(target, questions=(*target.questions, *questions))
        return attrs.evolve(
            self,
            phases=tuple(extended if p is target else p for p in self.phases),
        )

    @checked
    def choose(
        self,
        *,
        format: MeetingFormat | str | None = None,
        audience: Audience = Audience.PROFESSIONALS,
        per_phase: int = 1,
        seed: int | str = 0,
    ) -> Reflection:
        """Choose the questions for one meeting, the same ones for the same seed.

        From every phase, up to *per_phase* of the questions that suit *format*
        and *audience* are drawn, kept in the model's order. A phase with no
        suitable question falls back to its questions for any audience, so
        every phase is asked about.

        Args:
            format: The meeting's format (or its code).
            audience: Whom the questions speak to.
            per_phase: How many questions to ask in each phase (at least 1).
            seed: Any integer or text, e.g. the meeting's id.

        Returns:
            A :class:`~learnmeet.Reflection` to attach to the meeting.

        Raises:
            InvalidValueError: *per_phase* is less than 1.
        """
        if not _is_count(per_phase):
            raise InvalidValueError(
                reason=Label(
                    da="per_phase skal være et helt tal på 1 eller mere",
                    en="per_phase must be a whole number of 1 or more",
                ),
                fix=Label(
                    da="stil mindst ét spørgsmål pr. fase",
                    en="ask at least one question per phase",
                ),
                where="ReflectionModel.choose",
                path=("per_phase",),
            )
        chosen: list[Label] = []
        for phase in self.phases:
            pool = [
                q for q in phase.questions if q.suits(format=format, audience=audience)
            ]
            if not pool:
                pool = [q for q in phase.questions if q.suits(format=format)] or list(
                    phase.questions
                )
            # str seeds are hashed with SHA-512: the same on every run and machine.
            rng = random.Random(f"{_seed_text(seed)}/{self.code}/{phase.code}")
            picked = sorted(rng.sample(range(len(pool)), min(per_phase, len(pool))))
            chosen.extend(pool[i].text for i in picked)
        return Reflection(self.code, chosen)


def _seed_text(seed: int | str) -> str:
    """*seed* as text: an int in decimal, in hexadecimal past 4,300 digits.

    Python writes no longer int in decimal; the choice for every shorter seed
    stays as it was.
    """
    if isinstance(seed, str):
        return seed
    try:
        return str(seed)
    except ValueError:
        return hex(seed)


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _models(items: Iterable[ReflectionModel]) -> tuple[ReflectionModel, ...]:
    return to_tuple(items)


@attrs.frozen
class QuestionBank:
    """The reflection models a program asks from, to extend and filter.

    The built-in bank is :data:`learnmeet.QUESTION_BANK`; every change returns
    a new bank.

    Attributes:
        models: The reflection models, each with a code of its own.

    >>> from learnmeet import QUESTION_BANK, Audience
    >>> reflection = QUESTION_BANK.choose("home_conversation",
    ...                                   audience=Audience.CITIZEN_AND_RELATIVES,
    ...                                   seed="m-1")
    >>> reflection == QUESTION_BANK.choose("home_conversation",
    ...                                    audience=Audience.CITIZEN_AND_RELATIVES,
    ...                                    seed="m-1")
    True

    .. versionadded:: 0.1.0
    """

    models: tuple[ReflectionModel, ...] = attrs.field(
        default=(),
        converter=_models,
        validator=[
            each(instance_of(ReflectionModel)),
            unique(lambda m: m.code, what=Label(da="modellen", en="the model")),
        ],
    )
    _by_code: Mapping[str, ReflectionModel] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {m.code: m for m in self.models})

    @checked
    def model(self, code: str) -> ReflectionModel:
        """Return the model with *code*.

        Raises:
            UnknownCodeError: No such model; the closest codes are named.
        """
        return find(
            "reflection model",
            code,
            self._by_code,
            what=Label(da="refleksionsmodel", en="reflection model"),
            where="QuestionBank.model",
            argument="code",
        )

    @checked
    def extend(self, models: Iterable[ReflectionModel]) -> QuestionBank:
        """Return a bank with *models* added, replacing any with the same code."""
        merged = dict(self._by_code)
        merged.update((m.code, m) for m in models)
        return QuestionBank(tuple(merged.values()))

    @checked
    def with_questions(
        self, model: str, phase: str, questions: Iterable[Question]
    ) -> QuestionBank:
        """Return a bank with *questions* added to *phase* of *model*."""
        return self.extend([self.model(model).with_questions(phase, questions)])

    @checked
    def questions(
        self,
        *,
        model: str | None = None,
        phase: str | None = None,
        format: MeetingFormat | str | None = None,
        audience: Audience | None = None,
    ) -> tuple[Question, ...]:
        """Return the questions that match every filter given, in bank order."""
        models = self.models if model is None else (self.model(model),)
        return tuple(
            q
            for m in models
            if phase is None or phase in {p.code for p in m.phases}
            for q in m.questions(phase=phase, format=format, audience=audience)
        )

    @checked
    def choose(
        self,
        model: str,
        *,
        format: MeetingFormat | str | None = None,
        audience: Audience = Audience.PROFESSIONALS,
        per_phase: int = 1,
        seed: int | str = 0,
    ) -> Reflection:
        """Choose a meeting's questions from *model*.

        See :meth:`ReflectionModel.choose` for the arguments.
        """
        return self.model(model).choose(
            format=format, audience=audience, per_phase=per_phase, seed=seed
        )
