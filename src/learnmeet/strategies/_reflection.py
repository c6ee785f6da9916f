"""Strategies for reflection models, question banks and cycles."""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.catalog._reflection import QUESTION_BANK
from learnmeet.model._arguments import checked
from learnmeet.model._cycle import (
    LEARNING_TAGS,
    Action,
    ActionStatus,
    Contribution,
    LearningPoint,
    ReflectionCycle,
)
from learnmeet.model._reflection import (
    Audience,
    PhaseKind,
    Question,
    QuestionBank,
    ReflectionModel,
    ReflectionPhase,
)
from learnmeet.strategies._common import _PEOPLE, _SAYINGS, _code, _days
from learnmeet.strategies._people import labels, professions

# -- reflection ----------------------------------------------------------------

_KINDS = tuple(PhaseKind)


@st.composite
def _questions(draw: st.DrawFn, *, id: str, catalog: Catalog) -> Question:
    return Question(
        id=id,
        text=draw(labels()),
        audiences=draw(st.frozensets(st.sampled_from(Audience), min_size=1)),
        formats=draw(st.frozensets(st.sampled_from([f.code for f in catalog.formats]))),
        source=draw(st.none() | labels()),
    )


@checked
def questions(*, catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[Question]:
    """Reflection questions for some audiences and, at times, some formats.

    Now and then a question says its source.

    >>> question = find(lst.questions(), lambda _: True, settings=quick)
    >>> len(question.audiences) >= 1, bool(question.text.da and question.text.en)
    (True, True)

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 A source, at times.
    """
    return _code("q").flatmap(lambda id: _questions(id=id, catalog=catalog))


@st.composite
def _reflection_models(draw: st.DrawFn, *, catalog: Catalog) -> ReflectionModel:
    extra = draw(st.lists(st.sampled_from(_KINDS), max_size=5))
    kinds = sorted(
        [PhaseKind.DESCRIPTION, PhaseKind.ACTION, *extra], key=lambda k: k.rank
    )
    code = draw(_code("model"))
    phases = []
    for index, kind in enumerate(kinds):
        phase = f"{kind.code}-{index}"
        count = draw(st.integers(1, 3))
        phases.append(
            ReflectionPhase(
                code=phase,
                label=draw(labels()),
                kind=kind,
                questions=[
                    draw(_questions(id=f"{code}.{phase}.{n}", catalog=catalog))
                    for n in range(count)
                ],
            )
        )
    return ReflectionModel(code=code, label=draw(labels()), phases=phases)


@checked
def reflection_models(
    *, catalog: Catalog = DEFAULT_CATALOG, builtin: bool | None = None
) -> SearchStrategy[ReflectionModel]:
    """Reflection models: the built-in ones and generated ones.

    Generated models have phases in a valid order, with at least one
    description and one action phase.

    >>> model = find(
    ...     lst.reflection_models(builtin=False), lambda _: True, settings=quick
    ... )
    >>> kinds = {phase.kind for phase in model.phases}
    >>> {lm.PhaseKind.DESCRIPTION, lm.PhaseKind.ACTION} <= kinds
    True

    Args:
        catalog: Where the format codes of questions come from.
        builtin: ``True`` for built-in models only, ``False`` for generated
            ones only, ``None`` (the default) for both.

    .. versionadded:: 0.1.0
    """
    made = _reflection_models(catalog=catalog)
    known = st.sampled_from(QUESTION_BANK.models)
    if builtin is None:
        return known | made
    return known if builtin else made


@checked
def question_banks(
    *, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[QuestionBank]:
    """Question banks: the built-in bank extended with zero to two models.

    >>> builtin = {model.code for model in lm.QUESTION_BANK.models}
    >>> @settings(max_examples=5, database=None)
    ... @given(lst.question_banks())
    ... def test_extends_the_builtin_bank(bank):
    ...     codes = {model.code for model in bank.models}
    ...     assert builtin <= codes and len(codes - builtin) <= 2
    >>> test_extends_the_builtin_bank()

    .. versionadded:: 0.1.0
    """
    return st.lists(
        reflection_models(catalog=catalog, builtin=False),
        max_size=2,
        unique_by=lambda m: m.code,
    ).map(QUESTION_BANK.extend)


@st.composite
def _steps(draw: st.DrawFn, cycle: ReflectionCycle, stop: int) -> ReflectionCycle:
    """Walk *cycle* forward with valid steps until phase *stop*."""
    number = len(cycle.actions)
    while True:
        for _ in range(draw(st.integers(1, 3))):
            cycle = cycle.contribute(draw(st.sampled_from(_PEOPLE)), draw(_SAYINGS))
        if cycle.phase.kind.rank >= PhaseKind.REFLECTION.rank and draw(st.booleans()):
            tags = draw(st.frozensets(st.sampled_from(sorted(LEARNING_TAGS))))
            cycle = cycle.learn(draw(_SAYINGS), tags=tags)
        if cycle.phase.kind is PhaseKind.ACTION:
            for _ in range(draw(st.integers(0, 2))):
                number += 1
                cycle = cycle.act(
                    f"{cycle.meeting}-a{number}",
                    draw(_SAYINGS),
                    owner=draw(st.sampled_from(_PEOPLE)),
                    due=draw(_days()),
                )
        for action in cycle.open_actions:
            if draw(st.integers(0, 3)) == 0:
                status = draw(
                    st.sampled_from([ActionStatus.DONE, ActionStatus.DROPPED])
                )
                cycle = cycle.settle(action.id, status)
        if cycle.position >= stop:
            return cycle
        cycle = cycle.advance()


@st.composite
def _reflection_cycles(
    draw: st.DrawFn,
    *,
    model: ReflectionModel | None,
    closed: bool | None,
    catalog: Catalog,
) -> ReflectionCycle:
    chosen = model if model is not None else draw(reflection_models(catalog=catalog))
    last = len(chosen.phases) - 1
    subject = draw(_code("case"))
    previous = None
    if draw(st.booleans()):
        earlier = ReflectionCycle.start(chosen, subject=subject, meeting="m-0")
        previous = draw(_steps(earlier, last)).close(carry=True)
    cycle = ReflectionCycle.start(
        chosen, subject=subject, meeting="m-1", previous=previous
    )
    closing = draw(st.booleans()) if closed is None else closed
    stop = last if closing else draw(st.integers(0, last))
    cycle = draw(_steps(cycle, stop))
    return cycle.close(carry=True) if closing else cycle


@checked
def reflection_cycles(
    *,
    model: ReflectionModel | None = None,
    closed: bool | None = None,
    catalog: Catalog = DEFAULT_CATALOG,
) -> SearchStrategy[ReflectionCycle]:
    """Reflection cycles at any phase, built by valid steps only.

    Some continue an earlier meeting's closed cycle and start with its open
    actions; some have contributions, learning points and actions, some
    actions settled.

    >>> cycle = find(lst.reflection_cycles(closed=True), lambda _: True, settings=quick)
    >>> isinstance(cycle, lm.ReflectionCycle), cycle.closed
    (True, True)

    Args:
        model: Follow this model; any model by default.
        closed: ``True`` for closed cycles only, ``False`` for open ones only.
        catalog: Where the format codes of generated questions come from.

    .. versionadded:: 0.1.0
    """
    return _reflection_cycles(model=model, closed=closed, catalog=catalog)


# -- the parts of cycles and surveys, one by one --------------------------------


@checked
def reflection_phases(
    *, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[ReflectionPhase]:
    """Phases of built-in and generated reflection models.

    >>> phase = find(lst.reflection_phases(), lambda _: True, settings=quick)
    >>> phase.kind in set(lm.PhaseKind), bool(phase.label.da and phase.label.en)
    (True, True)

    .. versionadded:: 0.1.0
    """
    return reflection_models(catalog=catalog).flatmap(
        lambda m: st.sampled_from(m.phases)
    )


@checked
def contributions(
    *, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[Contribution]:
    """Contributions by professionals (with their profession) and by citizens.

    In a phase of any kind; a professional is one of six
    (``professional:p-0001`` to ``-0006``), a citizen ``citizen:B-`` and a
    four-digit number.

    >>> said = find(lst.contributions(), lambda _: True, settings=quick)
    >>> said.person.startswith("citizen:") == (said.profession is None)
    True

    .. versionadded:: 0.1.0
    """
    by_professional = st.builds(
        lambda phase, person, profession, text: Contribution(
            phase=phase, person=person, profession=profession, text=text
        ),
        st.sampled_from([k.code for k in PhaseKind]),
        st.sampled_from(_PEOPLE),
        professions(catalog),
        _SAYINGS,
    )
    by_citizen = st.builds(
        lambda phase, person, text: Contribution(phase=phase, person=person, text=text),
        st.sampled_from([k.code for k in PhaseKind]),
        _code("B").map(lambda c: f"citizen:{c}"),
        _SAYINGS,
    )
    return by_professional | by_citizen


@checked
def learning_points() -> SearchStrategy[LearningPoint]:
    """Learning points tagged with the built-in tags.

    In the reflection, conclusion or action phase, with any number of the
    tags of ``learnmeet.LEARNING_TAGS`` (none included).

    >>> point = find(lst.learning_points(), lambda _: True, settings=quick)
    >>> point.tags <= set(lm.LEARNING_TAGS), bool(point.text)
    (True, True)

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda phase, text, tags: LearningPoint(phase=phase, text=text, tags=tags),
        st.sampled_from(["reflection", "conclusion", "action"]),
        _SAYINGS,
        st.frozensets(st.sampled_from(sorted(LEARNING_TAGS))),
    )


@checked
def actions() -> SearchStrategy[Action]:
    """Actions, open, done or dropped.

    Each with an id such as ``a-0042``, owned by one of six professionals,
    due on a day in 2024-2030 and raised at a meeting.

    >>> action = find(lst.actions(), lambda _: True, settings=quick)
    >>> isinstance(action, lm.Action), action.status in set(lm.ActionStatus)
    (True, True)

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda id, text, owner, due, meeting, status: Action(
            id=id, text=text, owner=owner, due=due, raised_at=meeting, status=status
        ),
        _code("a"),
        _SAYINGS,
        st.sampled_from(_PEOPLE),
        _days(),
        _code("m"),
        st.sampled_from(ActionStatus),
    )
