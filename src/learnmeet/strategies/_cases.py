"""Strategies for citizen cases, their transitions and consents."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.model._cases import (
    CaseOrigin,
    CitizenCase,
    Consent,
    HandoverDocument,
    PalliativeLevel,
    Transition,
    TransitionKind,
)
from learnmeet.model._people import Professional, Sector
from learnmeet.model._time import FIRST_YEAR, LAST_YEAR
from learnmeet.strategies._common import _LAST_DAY, _code, _days
from learnmeet.strategies._people import citizens, professionals, relatives, sectors

_MEDCOM_DOCUMENTS = [
    d for d in HandoverDocument if d is not HandoverDocument.NURSING_REPORT
]
"""The documents a transition holds: the old code of version 2 is only read."""


@st.composite
def _transitions(
    draw: st.DrawFn,
    *,
    between: tuple[Sector, Sector] | None = None,
    before: date | None = None,
    catalog: Catalog = DEFAULT_CATALOG,
) -> Transition:
    if between is None:
        first, second = draw(
            st.lists(
                sectors(catalog), min_size=2, max_size=2, unique_by=lambda s: s.code
            )
        )
    else:
        first, second = between
    kind = draw(st.sampled_from(TransitionKind))
    needed = draw(st.booleans())
    documents = draw(st.frozensets(st.sampled_from(_MEDCOM_DOCUMENTS)))
    if needed and kind is TransitionKind.DISCHARGE:
        # The plan goes with a discharge that needs it (Sundhedsloven § 84):
        # a valid case breaks no rule; meetings_breaking("LM135") takes it away.
        documents |= {HandoverDocument.REHABILITATION_PLAN}
    return Transition(
        on=draw(_days(high=(before or _LAST_DAY))),
        from_sector=first,
        to_sector=second,
        kind=kind,
        documents=documents,
        rehabilitation_needed=needed,
    )


def transitions(
    *,
    between: tuple[Sector, Sector] | None = None,
    before: date | None = None,
    catalog: Catalog = DEFAULT_CATALOG,
) -> SearchStrategy[Transition]:
    """Transitions between two different sectors, optionally before a day.

    A discharge of a citizen who needs rehabilitation carries the
    rehabilitation plan, so the transitions break no rule.

    .. versionadded:: 0.1.0
    """
    return _transitions(between=between, before=before, catalog=catalog)


@st.composite
def _consents(draw: st.DrawFn, *, valid_on: date | None = None) -> Consent:
    if valid_on is None:
        given = draw(_days())
        expires = draw(st.none() | _days(low=given))
        withdrawn = draw(st.none() | _days(low=given))
        return Consent(given_on=given, expires_on=expires, withdrawn_on=withdrawn)
    # Two years either side, within the years a date may be in.
    two_years = timedelta(days=730)
    earliest = valid_on - min(two_years, valid_on - date(FIRST_YEAR, 1, 1))
    latest = valid_on + min(two_years, date(LAST_YEAR, 12, 31) - valid_on)
    given = draw(_days(low=earliest, high=valid_on))
    expires = draw(st.none() | _days(low=valid_on, high=latest))
    return Consent(given_on=given, expires_on=expires)


def consents(*, valid_on: date | None = None) -> SearchStrategy[Consent]:
    """Consents; with *valid_on*, ones that cover that day.

    .. versionadded:: 0.1.0
    """
    return _consents(valid_on=valid_on)


@st.composite
def _citizen_cases(
    draw: st.DrawFn,
    *,
    origin: CaseOrigin | None = None,
    with_transition: bool | None = None,
    care_team: tuple[Professional, ...] | None = None,
    consent_on: date | None = None,
    catalog: Catalog = DEFAULT_CATALOG,
) -> CitizenCase:
    citizen = draw(citizens())
    team = (
        care_team
        if care_team is not None
        else tuple(
            draw(
                st.lists(
                    professionals(catalog=catalog),
                    max_size=5,
                    unique_by=lambda p: p.id,
                )
            )
        )
    )
    wanted = draw(st.booleans()) if with_transition is None else with_transition
    moves = (
        sorted(
            draw(
                st.lists(
                    transitions(before=consent_on, catalog=catalog),
                    min_size=1,
                    max_size=3,
                )
            ),
            key=lambda t: t.on,
        )
        if wanted
        else []
    )
    return CitizenCase(
        id=draw(_code("c")),
        citizen=citizen,
        origin=origin or draw(st.sampled_from(CaseOrigin)),
        palliative_level=draw(st.sampled_from(PalliativeLevel)),
        care_team=team,
        relatives=draw(
            st.lists(relatives(citizen), max_size=2, unique_by=lambda r: r.id)
        ),
        transitions=moves,
        consent=draw(
            consents(valid_on=consent_on) if consent_on else st.none() | consents()
        ),
    )


def citizen_cases(
    *,
    origin: CaseOrigin | None = None,
    with_transition: bool | None = None,
    care_team: tuple[Professional, ...] | None = None,
    consent_on: date | None = None,
    catalog: Catalog = DEFAULT_CATALOG,
) -> SearchStrategy[CitizenCase]:
    """Citizen cases, concrete or fictional, with or without transitions.

    Args:
        origin: Concrete or fictional; either by default.
        with_transition: Require (``True``) or forbid (``False``) transitions.
        care_team: The care team; a generated one by default.
        consent_on: A day the case's consent must cover.
        catalog: Where professions and sectors come from.

    .. versionadded:: 0.1.0
    """
    return _citizen_cases(
        origin=origin,
        with_transition=with_transition,
        care_team=care_team,
        consent_on=consent_on,
        catalog=catalog,
    )
