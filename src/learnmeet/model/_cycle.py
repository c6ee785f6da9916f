"""The reflection cycle: what was said, learned and agreed, phase by phase.

A :class:`ReflectionCycle` records one meeting's reflection, following the
phases of its :class:`~learnmeet.ReflectionModel`. It is immutable: every step
returns a new cycle, and a step out of order raises
:class:`~learnmeet.CycleOrderError` and changes nothing. The next meeting about
the same case or forum starts with the open actions of the last one
(:meth:`ReflectionCycle.next`), so a series of meetings forms one cycle of
learning.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from learnmeet.exceptions import CycleOrderError, InvalidValueError, shown, shown_all
from learnmeet.model._arguments import checked
from learnmeet.model._checks import (
    each,
    identifier,
    instance_of,
    non_negative_int,
    optional,
    safe_text,
    to_frozenset,
    to_tuple,
    unique,
)
from learnmeet.model._labels import Label, LabelledEnum
from learnmeet.model._meetings import Attendee, Meeting
from learnmeet.model._people import Citizen, Person, Profession, Professional, Relative
from learnmeet.model._reflection import PhaseKind, ReflectionModel, ReflectionPhase
from learnmeet.model._time import a_date

__all__ = [
    "LEARNING_TAGS",
    "Action",
    "ActionStatus",
    "Contribution",
    "LearningPoint",
    "ReflectionCycle",
]

LEARNING_TAGS: dict[str, Label] = {
    "knowing_offers": Label(
        da="kendskab til andre sektorers tilbud",
        en="knowing other sectors' services",
    ),
    "face_to_face": Label(da="ansigt på hinanden", en="putting a face to each other"),
    "handover": Label(da="information ved overgange", en="handover information"),
    "roles": Label(da="hinandens roller og opgaver", en="each other's roles and tasks"),
    "shared_language": Label(da="fælles sprog", en="a shared language"),
    "tacit_knowledge": Label(
        da="tavs viden gjort synlig", en="tacit knowledge made visible"
    ),
    "citizen_perspective": Label(
        da="borgerens perspektiv", en="the citizen's perspective"
    ),
    "palliation": Label(da="palliativ viden", en="palliative knowledge"),
}
"""Built-in tags for learning points, from the source documents' lessons.

Any identifier may be used as a tag; these have labels in Danish and English.

.. versionadded:: 0.1.0
"""


class ActionStatus(LabelledEnum):
    """Where an agreed action stands.

    .. versionadded:: 0.1.0
    """

    OPEN = "open", Label(da="åben", en="open")
    DONE = "done", Label(da="udført", en="done")
    DROPPED = "dropped", Label(da="opgivet", en="dropped")


def _profession(person: Person) -> Profession | None:
    return person.profession if isinstance(person, Professional) else None


@attrs.frozen(kw_only=True)
class Contribution:
    """What one attendee said in one phase.

    Attributes:
        phase: The code of the phase.
        person: The attendee's key, e.g. ``"professional:p-1"``.
        profession: The attendee's profession; ``None`` for the citizen or a
            relative.
        text: What was said, in a few words; never a name or a CPR number.

    .. versionadded:: 0.1.0
    """

    phase: str = attrs.field(validator=identifier)
    person: str = attrs.field(validator=identifier)
    profession: Profession | None = attrs.field(
        default=None, validator=optional(instance_of(Profession))
    )
    text: str = attrs.field(default="", validator=safe_text)


def _tags(items: Iterable[str]) -> frozenset[str]:
    return to_frozenset(items)


@attrs.frozen(kw_only=True)
class LearningPoint:
    """Something the group learned, tagged with what kind of learning it is.

    Attributes:
        phase: The code of the phase it was recorded in.
        text: The learning point.
        tags: Tags such as those in :data:`~learnmeet.LEARNING_TAGS`.

    .. versionadded:: 0.1.0
    """

    phase: str = attrs.field(validator=identifier)
    text: str = attrs.field(validator=safe_text)
    tags: frozenset[str] = attrs.field(
        default=frozenset(), converter=_tags, validator=each(identifier)
    )


@attrs.frozen(kw_only=True)
class Action:
    """An action agreed at a meeting: who does what, by when.

    Attributes:
        id: A stable identifier, unique across a series of meetings.
        text: What is to be done.
        owner: The key of the person who owns it.
        due: When it is due.
        status: Open, done or dropped.
        raised_at: The id of the meeting that agreed it.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=identifier)
    text: str = attrs.field(validator=safe_text)
    owner: str = attrs.field(validator=identifier)
    due: date = attrs.field(validator=a_date)
    raised_at: str = attrs.field(validator=identifier)
    status: ActionStatus = attrs.field(
        default=ActionStatus.OPEN, validator=instance_of(ActionStatus)
    )

    @property
    def is_open(self) -> bool:
        """Whether the action is still to be done."""
        return self.status is ActionStatus.OPEN


def _contributions(items: Iterable[Contribution]) -> tuple[Contribution, ...]:
    return to_tuple(items)


def _points(items: Iterable[LearningPoint]) -> tuple[LearningPoint, ...]:
    return to_tuple(items)


def _actions(items: Iterable[Action]) -> tuple[Action, ...]:
    return to_tuple(items)


def _refuse(*, reason: Label, fix: Label) -> CycleOrderError:
    return CycleOrderError(reason=reason, fix=fix)


def _key(who: Attendee | Person | str) -> tuple[str, Profession | None]:
    if isinstance(who, Attendee):
        who = who.person
    if isinstance(who, (Professional, Citizen, Relative)):
        return who.key, _profession(who)
    return who, None


@attrs.frozen(kw_only=True)
class ReflectionCycle:
    """One meeting's reflection, phase by phase; every step returns a new cycle.

    >>> from datetime import date
    >>> from learnmeet import QUESTION_BANK
    >>> cycle = ReflectionCycle.start(QUESTION_BANK.model("kolb"), subject="forum-1",
    ...                               meeting="m-1")
    >>> cycle = cycle.contribute("professional:p-1", "Vi så et fald i går")
    >>> cycle.learn("Faldrisiko ses først af hjemmeplejen")
    Traceback (most recent call last):
    ...
    learnmeet.exceptions.CycleOrderError: a learning point cannot be recorded in ...
    >>> cycle = cycle.advance().contribute("professional:p-2", "Vi vidste det ikke")
    >>> cycle = cycle.advance().contribute("professional:p-1", "Et fælles sprog")
    >>> cycle = cycle.learn("Faldrisiko ses først af hjemmeplejen", tags={"handover"})
    >>> cycle = cycle.advance().contribute("professional:p-2", "Ring ved fald")
    >>> cycle = cycle.act("a-1", "Aftal fast opkald ved fald", owner="professional:p-2",
    ...                   due=date(2027, 2, 1))
    >>> closed = cycle.close(carry=True)
    >>> [a.id for a in closed.next("m-2").carried_actions]
    ['a-1']

    Attributes:
        model: The reflection model it follows.
        subject: The id of the case or forum the series of meetings is about.
        meeting: The id of the meeting.
        position: The index of the current phase.
        contributions: What attendees said, in order.
        learning_points: What was learned, in order.
        actions: Actions carried from earlier meetings and agreed at this one.
        closed: Whether the cycle is closed; a closed cycle takes no more steps.

    .. versionadded:: 0.1.0
    """

    model: ReflectionModel = attrs.field(validator=instance_of(ReflectionModel))
    subject: str = attrs.field(validator=identifier)
    meeting: str = attrs.field(validator=identifier)
    position: int = attrs.field(default=0, validator=non_negative_int)
    contributions: tuple[Contribution, ...] = attrs.field(
        default=(), converter=_contributions, validator=each(instance_of(Contribution))
    )
    learning_points: tuple[LearningPoint, ...] = attrs.field(
        default=(), converter=_points, validator=each(instance_of(LearningPoint))
    )
    actions: tuple[Action, ...] = attrs.field(
        default=(),
        converter=_actions,
        validator=[
            each(instance_of(Action)),
            unique(lambda a: a.id, what=Label(da="handlingen", en="the action")),
        ],
    )
    closed: bool = attrs.field(default=False, validator=instance_of(bool))

    def __attrs_post_init__(self) -> None:
        problem = self._problem()
        if problem is not None:
            raise InvalidValueError(
                reason=problem,
                fix=Label(
                    da="byg cyklusser med start() og deres trin-metoder",
                    en="build cycles with start() and their step methods",
                ),
                where="ReflectionCycle",
            )

    def _problem(self) -> Label | None:
        phases = self.model.phases
        if not 0 <= self.position < len(phases):
            got = shown(self.position)
            return Label(
                da=f"position skal være et faseindeks fra 0 til {len(phases) - 1}, "
                f"fik {got.da}",
                en=f"position must be a phase index from 0 to {len(phases) - 1}, "
                f"got {got.en}",
            )
        order = {p.code: i for i, p in enumerate(phases)}
        for code in [c.phase for c in self.contributions] + [
            p.phase for p in self.learning_points
        ]:
            if order.get(code, len(phases)) > self.position:
                return Label(
                    da=f"fasen {shown(code).da} findes ikke i modellen eller er "
                    "ikke nået",
                    en=f"phase {shown(code).en} is not in the model or not reached yet",
                )
        for point in self.learning_points:
            if phases[order[point.phase]].kind.rank < PhaseKind.REFLECTION.rank:
                return Label(
                    da=f"en læringspointe er skrevet i fasen {shown(point.phase).da}, "
                    "før der er reflekteret",
                    en="a learning point is recorded in phase "
                    f"{shown(point.phase).en}, before anything was reflected on",
                )
        spoken = {c.phase for c in self.contributions}
        for index in range(self.position + self.closed):
            phase = phases[index]
            if phase.code not in spoken and self._needs_words(phase):
                return Label(
                    da=f"fasen {shown(phase.code).da} blev forladt uden et indlæg",
                    en=f"phase {shown(phase.code).en} was passed without a "
                    "contribution",
                )
        if self.closed and self.position != len(phases) - 1:
            return Label(
                da="en cyklus kan kun lukkes i sin sidste fase",
                en="a cycle can close only in its last phase",
            )
        first_action = next(
            i for i, p in enumerate(phases) if p.kind is PhaseKind.ACTION
        )
        if self.position < first_action and any(
            a.raised_at == self.meeting for a in self.actions
        ):
            return Label(
                da="en handling blev aftalt før handlingsfasen",
                en="an action was agreed before the action phase",
            )
        return None

    def _needs_words(self, phase: ReflectionPhase) -> bool:
        if phase.kind is PhaseKind.FOLLOW_UP:
            return bool(self.carried_actions)
        return True

    # -- reading ---------------------------------------------------------------

    @classmethod
    @checked
    def start(
        cls,
        model: ReflectionModel,
        *,
        subject: str,
        meeting: Meeting | str,
        previous: ReflectionCycle | None = None,
    ) -> ReflectionCycle:
        """Begin the reflection of a meeting at the model's first phase.

        Args:
            model: The reflection model to follow.
            subject: The id of the case or forum the series is about.
            meeting: The meeting (or its id).
            previous: The closed cycle of the last meeting about the same
                subject; its open actions are carried into this one.

        Raises:
            CycleOrderError: *previous* is still open or about another subject.
        """
        meeting_id = meeting.id if isinstance(meeting, Meeting) else meeting
        carried: tuple[Action, ...] = ()
        if previous is not None:
            if not previous.closed:
                meeting_shown = shown(previous.meeting)
                raise _refuse(
                    reason=Label(
                        da=f"den forrige cyklus (møde {meeting_shown.da}) er ikke "
                        "lukket",
                        en=f"the previous cycle (meeting {meeting_shown.en}) is "
                        "still open",
                    ),
                    fix=Label(
                        da="luk den forrige cyklus først",
                        en="close the previous cycle first",
                    ),
                )
            if previous.subject != subject:
                was, given = shown(previous.subject), shown(subject)
                raise _refuse(
                    reason=Label(
                        da=f"den forrige cyklus handler om {was.da}, ikke {given.da}",
                        en=f"the previous cycle is about {was.en}, not {given.en}",
                    ),
                    fix=Label(
                        da="fortsæt kun et forløb med cyklusser om samme sag eller "
                        "mødeforum",
                        en="continue a series only with cycles about the same case or "
                        "forum",
                    ),
                )
            carried = previous.open_actions
        return cls(model=model, subject=subject, meeting=meeting_id, actions=carried)

    @property
    def phase(self) -> ReflectionPhase:
        """The current phase."""
        return self.model.phases[self.position]

    @property
    def open_actions(self) -> tuple[Action, ...]:
        """The actions still open, carried ones first."""
        return tuple(a for a in self.actions if a.is_open)

    @property
    def carried_actions(self) -> tuple[Action, ...]:
        """The actions agreed at earlier meetings of the series."""
        return tuple(a for a in self.actions if a.raised_at != self.meeting)

    @property
    def is_last_phase(self) -> bool:
        """Whether the current phase is the model's last."""
        return self.position == len(self.model.phases) - 1

    @checked
    def contributions_in(self, phase: str) -> tuple[Contribution, ...]:
        """The contributions made in *phase*."""
        self.model.phase(phase)
        return tuple(c for c in self.contributions if c.phase == phase)

    # -- steps -----------------------------------------------------------------

    def _open(self, step: Label) -> None:
        if self.closed:
            meeting = shown(self.meeting)
            raise _refuse(
                reason=Label(
                    da=f"cyklussen for mødet {meeting.da} er lukket; kan ikke "
                    f"{step.da}",
                    en=f"the cycle of meeting {meeting.en} is closed; cannot {step.en}",
                ),
                fix=Label(
                    da="begynd næste mødes cyklus med next()",
                    en="start the next meeting's cycle with next()",
                ),
            )

    @checked
    def contribute(
        self, by: Attendee | Person | str, text: str = ""
    ) -> ReflectionCycle:
        """Record what *by* said in the current phase.

        Args:
            by: An attendee, a person, or a person's key.
            text: What was said, in a few words.
        """
        self._open(Label(da="give et indlæg", en="contribute"))
        person, profession = _key(by)
        contribution = Contribution(
            phase=self.phase.code, person=person, profession=profession, text=text
        )
        return attrs.evolve(self, contributions=(*self.contributions, contribution))

    @checked
    def learn(self, text: str, *, tags: Iterable[str] = ()) -> ReflectionCycle:
        """Record a learning point in the current phase.

        Raises:
            CycleOrderError: The current phase describes or follows up; a
                conclusion comes only after a description.
        """
        self._open(Label(da="skrive en læringspointe", en="record a learning point"))
        if self.phase.kind.rank < PhaseKind.REFLECTION.rank:
            raise _refuse(
                reason=Label(
                    da=f"en læringspointe kan ikke skrives i fasen {self.phase.code!r} "
                    f"({self.phase.kind.label.da}): beskriv først, konkludér bagefter",
                    en="a learning point cannot be recorded in phase "
                    f"{self.phase.code!r} "
                    f"({self.phase.kind.label.en}): describe first, then conclude",
                ),
                fix=Label(
                    da="gå videre til en refleksions-, konklusions- eller "
                    "handlingsfase",
                    en="advance to a reflection, conclusion or action phase",
                ),
            )
        point = LearningPoint(phase=self.phase.code, text=text, tags=tags)
        return attrs.evolve(self, learning_points=(*self.learning_points, point))

    @checked
    def act(
        self, id: str, text: str, *, owner: Attendee | Person | str, due: date
    ) -> ReflectionCycle:
        """Agree on an action in the current phase, which must be an action phase.

        Raises:
            CycleOrderError: Not in an action phase, or the id is taken.
        """
        self._open(Label(da="aftale en handling", en="agree on an action"))
        if self.phase.kind is not PhaseKind.ACTION:
            raise _refuse(
                reason=Label(
                    da="handlinger aftales i en handlingsfase, ikke i "
                    f"{self.phase.code!r}",
                    en="actions are agreed in an action phase, not in "
                    f"{self.phase.code!r}",
                ),
                fix=Label(
                    da="gå videre til handlingsfasen", en="advance to the action phase"
                ),
            )
        if any(a.id == id for a in self.actions):
            raise _refuse(
                reason=Label(
                    da=f"handlingen {shown(id).da} findes allerede i forløbet",
                    en=f"the action id {shown(id).en} is already used in this series",
                ),
                fix=Label(da="giv handlingen et nyt id", en="give the action a new id"),
            )
        action = Action(
            id=id, text=text, owner=_key(owner)[0], due=due, raised_at=self.meeting
        )
        return attrs.evolve(self, actions=(*self.actions, action))

    @checked
    def settle(self, action: str, status: ActionStatus) -> ReflectionCycle:
        """Mark an open action as done or dropped, in any phase.

        Raises:
            CycleOrderError: No such action, or it is already settled.
        """
        self._open(Label(da="afslutte en handling", en="settle an action"))
        found = next((a for a in self.actions if a.id == action), None)
        if found is None:
            raise _refuse(
                reason=Label(
                    da=f"der er ingen handling {shown(action).da} i cyklussen",
                    en=f"there is no action {shown(action).en} in this cycle",
                ),
                fix=Label(
                    da="brug id'et på en af cyklussens handlinger",
                    en="use the id of one of the cycle's actions",
                ),
            )
        if not found.is_open or status is ActionStatus.OPEN:
            raise _refuse(
                reason=Label(
                    da=f"handlingen {shown(action).da} er {found.status.label.da}; "
                    "kun en åben handling kan markeres udført eller opgivet",
                    en=f"action {shown(action).en} is {found.status.label.en}; only "
                    "an open action can be marked done or dropped",
                ),
                fix=Label(
                    da="afslut hver åben handling én gang, som DONE eller DROPPED",
                    en="settle each open action once, as DONE or DROPPED",
                ),
            )
        settled = attrs.evolve(found, status=status)
        return attrs.evolve(
            self, actions=tuple(settled if a is found else a for a in self.actions)
        )

    def advance(self) -> ReflectionCycle:
        """Move on to the next phase.

        Raises:
            CycleOrderError: The current phase has no contribution yet, or it is
                the last phase.
        """
        self._open(Label(da="gå videre", en="advance"))
        if self.is_last_phase:
            raise _refuse(
                reason=Label(
                    da=f"{self.phase.code!r} er den sidste fase",
                    en=f"{self.phase.code!r} is the last phase",
                ),
                fix=Label(da="luk cyklussen", en="close the cycle"),
            )
        if self._needs_words(self.phase) and not self.contributions_in(self.phase.code):
            raise _refuse(
                reason=Label(
                    da=f"fasen {self.phase.code!r} har endnu intet indlæg",
                    en=f"phase {self.phase.code!r} has no contribution yet",
                ),
                fix=Label(
                    da="skriv mindst ét indlæg, før I går videre",
                    en="record at least one contribution before moving on",
                ),
            )
        return attrs.evolve(self, position=self.position + 1)

    @checked
    def close(self, *, carry: bool = False) -> ReflectionCycle:
        """Close the cycle after its last phase.

        Args:
            carry: Carry the open actions to the next meeting of the series.

        Raises:
            CycleOrderError: Not in the last phase, the last phase has no
                contribution, or actions are open and *carry* is false.
        """
        self._open(Label(da="lukke", en="close"))
        if not self.is_last_phase or not self.contributions_in(self.phase.code):
            raise _refuse(
                reason=Label(
                    da="cyklussen kan kun lukkes i sidste fase, efter et indlæg",
                    en="the cycle can close only in its last phase, after a "
                    "contribution",
                ),
                fix=Label(
                    da="gå gennem alle faser først", en="go through every phase first"
                ),
            )
        if self.open_actions and not carry:
            ids = shown_all(a.id for a in self.open_actions)
            raise _refuse(
                reason=Label(
                    da=f"handlingerne {ids.da} er stadig åbne",
                    en=f"actions {ids.en} are still open",
                ),
                fix=Label(
                    da="markér dem udført eller opgivet, eller luk med carry=True for "
                    "at tage dem med til næste møde",
                    en="mark them done or dropped, or close with carry=True to carry "
                    "them "
                    "to the next meeting",
                ),
            )
        return attrs.evolve(self, closed=True)

    @checked
    def next(self, meeting: Meeting | str) -> ReflectionCycle:
        """Start the next meeting's cycle, carrying this one's open actions.

        Raises:
            CycleOrderError: This cycle is still open.
        """
        return ReflectionCycle.start(
            self.model, subject=self.subject, meeting=meeting, previous=self
        )
