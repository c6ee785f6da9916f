"""Strategies for citizen cases, their transitions, consents and permissions."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.model._arguments import checked
from learnmeet.model._bases import (
    ConsentForm,
    ConsentGrantor,
    ConsentPurpose,
    Permission,
    ProxyReason,
)
from learnmeet.model._cases import (
    DEFAULT_PURPOSES,
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
from learnmeet.strategies._common import (
    _FIRST_DAY,
    _LAST_DAY,
    _between,
    _code,
    _days,
    _fresh,
)
from learnmeet.strategies._people import citizens, professionals, relatives, sectors

_MEDCOM_DOCUMENTS = [
    d for d in HandoverDocument if d is not HandoverDocument.NURSING_REPORT
]
"""The documents a transition holds: the old code of version 2 is only read."""


def _days_before(day: date | None) -> SearchStrategy[date]:
    """Days up to *day*: within two years before it (any day by default)."""
    if day is None:
        return _days()
    return _days(low=max(date(FIRST_YEAR, 1, 1), day - _TWO_YEARS), high=day)


_TWO_YEARS = timedelta(days=730)


_KINDS = st.sampled_from(TransitionKind)
_DOCUMENTS = st.frozensets(st.sampled_from(_MEDCOM_DOCUMENTS))


def _transition(
    draw: st.DrawFn, first: Sector, second: Sector, before: date | None
) -> Transition:
    """A transition from *first* to *second*, drawn by a caller's *draw*.

    Plain, not a strategy: a meeting draws one per case, and a strategy built
    per draw is checked by hypothesis before its first draw.
    """
    kind = draw(_KINDS)
    needed = draw(st.booleans())
    documents = draw(_DOCUMENTS)
    if needed and kind is TransitionKind.DISCHARGE:
        # The plan goes with a discharge that needs it (Sundhedsloven § 84):
        # a valid case breaks no rule; meetings_breaking("LM135") takes it away.
        documents |= {HandoverDocument.REHABILITATION_PLAN}
    return Transition(
        on=draw(_days_before(before)),
        from_sector=first,
        to_sector=second,
        kind=kind,
        documents=documents,
        rehabilitation_needed=needed,
    )


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
    return _transition(draw, first, second, before)


@checked
def transitions(
    *,
    between: tuple[Sector, Sector] | None = None,
    before: date | None = None,
    catalog: Catalog | None = None,
) -> SearchStrategy[Transition]:
    """Transitions between two different sectors, optionally before a day.

    A discharge of a citizen who needs rehabilitation carries the
    rehabilitation plan, so the transitions break no rule.

    Args:
        between: The sectors the citizen moves from and to; two different
            sectors of *catalog* by default.
        before: The last day a transition may be on: it is within the two
            years up to it (any year from 1900 on). By default a day of
            2024-2030.
        catalog: Where the sectors come from; the built-in catalogue by
            default.

    >>> from datetime import date
    >>> @settings(max_examples=10, database=None)
    ... @given(lst.transitions(before=date(2019, 6, 1)))
    ... def test_historic(move):
    ...     assert move.on <= date(2019, 6, 1)
    ...     assert move.from_sector != move.to_sector
    >>> test_historic()

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *before* may be any day; *catalog* defaults
       to ``None``, the built-in catalogue.
    """
    return _transitions(
        between=between,
        before=before,
        catalog=DEFAULT_CATALOG if catalog is None else catalog,
    )


_RECIPIENTS = st.frozensets(_code("org"), min_size=1, max_size=3)
_PROXY_GRANTORS = st.sampled_from([g for g in ConsentGrantor if g.is_proxy])
_PROXY_REASONS = st.sampled_from(ProxyReason)
_ANY_PURPOSES = st.just(DEFAULT_PURPOSES) | st.frozensets(
    st.sampled_from(ConsentPurpose), min_size=1
)
_MORE_PURPOSES = st.frozensets(st.sampled_from(ConsentPurpose))
_FORMS = st.none() | st.sampled_from(ConsentForm)
_RECORDERS = st.none() | _code("p")


def _consent_details(
    draw: st.DrawFn, purposes: frozenset[ConsentPurpose] | None
) -> dict[str, object]:
    """Grantor, purposes, recipients, form and recorder that hold together."""
    # The citizen is the plainest grantor, and needs no more choices: the
    # first choice (False) is theirs, so shrinking ends there.
    if not draw(st.booleans()):
        grantor, reason = ConsentGrantor.CITIZEN, None
    else:
        grantor = draw(_PROXY_GRANTORS)
        reason = draw(_PROXY_REASONS)
    if purposes is None:
        wanted = draw(_ANY_PURPOSES)
    else:
        wanted = purposes | draw(_MORE_PURPOSES)
    return {
        "grantor": grantor,
        "proxy_reason": reason,
        "purposes": wanted,
        "recipients": (
            draw(_RECIPIENTS) if ConsentPurpose.DISCLOSURE in wanted else frozenset()
        ),
        "form": draw(_FORMS),
        "recorded_by": draw(_RECORDERS),
    }


def _consent_on(
    draw: st.DrawFn, valid_on: date, purposes: frozenset[ConsentPurpose] | None
) -> Consent:
    """A consent that covers *valid_on*, drawn by a caller's *draw*.

    With no purposes asked for, the purposes an old consent has: what every
    format that needs consent reads. Plain, not a strategy, for the reason
    :func:`_transition` gives.
    """
    details = _consent_details(draw, DEFAULT_PURPOSES if purposes is None else purposes)
    # Two years either side, within the years a date may be in: a number of
    # days back and forth, one choice each from strategies built once
    # (st.dates built per draw was checked anew and took three choices).
    back = min(_TWO_YEARS, valid_on - date(FIRST_YEAR, 1, 1)).days
    forth = min(_TWO_YEARS, date(LAST_YEAR, 12, 31) - valid_on).days
    given = valid_on - timedelta(days=draw(_between(0, back)))
    expires = (
        valid_on + timedelta(days=draw(_between(0, forth)))
        if draw(st.booleans())
        else None
    )
    return Consent(given_on=given, expires_on=expires, **details)  # type: ignore[arg-type]


@st.composite
def _consents(
    draw: st.DrawFn,
    *,
    valid_on: date | None = None,
    purposes: frozenset[ConsentPurpose] | None = None,
) -> Consent:
    if valid_on is not None:
        return _consent_on(draw, valid_on, purposes)
    details = _consent_details(draw, purposes)
    given = draw(_days())
    expires = draw(st.none() | _days(low=given))
    withdrawn = draw(st.none() | _days(low=given))
    return Consent(
        given_on=given,
        expires_on=expires,
        withdrawn_on=withdrawn,
        **details,  # type: ignore[arg-type]
    )


@checked
def consents(
    *,
    valid_on: date | None = None,
    purposes: Collection[ConsentPurpose] | None = None,
) -> SearchStrategy[Consent]:
    """Consents; with *valid_on*, ones that cover that day.

    >>> from datetime import date
    >>> day = date(2026, 3, 2)
    >>> consent = find(lst.consents(valid_on=day), lambda _: True, settings=quick)
    >>> consent.is_valid_on(day), len(consent.purposes) >= 1
    (True, True)

    Args:
        valid_on: A day the consent must cover.
        purposes: Purposes the consent must cover (among others); with
            *valid_on* and no purposes, at least learning and meetings in the
            citizen's home.

    The grantor is the citizen or a proxy with a reason, and a consent that
    covers disclosure names its recipients.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *purposes*; grantors, purposes, recipients,
       form and recorder.
    """
    return _consents(
        valid_on=valid_on, purposes=None if purposes is None else frozenset(purposes)
    )


@st.composite
def _permissions(draw: st.DrawFn, *, valid_on: date | None = None) -> Permission:
    if valid_on is None:
        first = draw(_days())
        last = draw(st.none() | _days(low=first))
    else:
        first = draw(_days(low=min(valid_on, _FIRST_DAY), high=valid_on))
        last = draw(st.none() | _days(low=valid_on, high=max(valid_on, _LAST_DAY)))
    return Permission(
        permitted_by=draw(_code("leader")), permitted_on=first, expires_on=last
    )


@checked
def permissions(*, valid_on: date | None = None) -> SearchStrategy[Permission]:
    """Management permissions for quality development (§ 42 d, stk. 2, nr. 2).

    >>> from datetime import date
    >>> day = date(2026, 3, 2)
    >>> permission = find(lst.permissions(valid_on=day), lambda _: True, settings=quick)
    >>> permission.permitted_on <= day
    True
    >>> permission.expires_on is None or day <= permission.expires_on
    True

    Args:
        valid_on: A day the permission must cover.

    .. versionadded:: 0.3.0
    """
    return _permissions(valid_on=valid_on)


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
    consent = draw(
        consents(valid_on=consent_on) if consent_on else st.none() | consents()
    )
    # The citizen may have died: after every transition and the consent, and
    # not before the day the consent must cover.
    after = [t.on for t in moves]
    after += [] if consent is None else [consent.given_on]
    after += [] if consent_on is None else [consent_on]
    earliest = max(after, default=date(FIRST_YEAR, 1, 1))
    died = draw(st.none() | _days(low=earliest, high=max(earliest, _LAST_DAY)))
    return CitizenCase(
        id=_fresh(draw, "c"),
        citizen=citizen,
        origin=origin or draw(st.sampled_from(CaseOrigin)),
        palliative_level=draw(st.sampled_from(PalliativeLevel)),
        care_team=team,
        relatives=draw(
            st.lists(relatives(citizen), max_size=2, unique_by=lambda r: r.id)
        ),
        transitions=moves,
        consent=consent,
        permissions=draw(st.lists(permissions(), max_size=2)),
        died_on=died,
    )


@checked
def citizen_cases(
    *,
    origin: CaseOrigin | None = None,
    with_transition: bool | None = None,
    care_team: tuple[Professional, ...] | None = None,
    consent_on: date | None = None,
    catalog: Catalog | None = None,
) -> SearchStrategy[CitizenCase]:
    """Citizen cases, concrete or fictional, with or without transitions.

    Args:
        origin: Concrete or fictional; either by default.
        with_transition: Require (``True``) or forbid (``False``) transitions.
        care_team: The care team; a generated one by default.
        consent_on: A day the case's consent must cover (for learning and
            meetings in the home; the citizen, if dead, died on it or
            later); any day from 1900 on, the transitions within the two
            years before it.
        catalog: Where professions and sectors come from; the built-in
            catalogue by default.

    A case has an id of its own in a test case (``c-0003``), a citizen
    known by a pseudonym, up to five people in the care team, up to two
    relatives, one to three transitions in date order when it has any, and
    may have management permissions for quality development, and a day of
    the citizen's death after their transitions and consent.

    >>> from datetime import date
    >>> @settings(max_examples=10, database=None)
    ... @given(lst.citizen_cases(with_transition=True, consent_on=date(2023, 5, 2)))
    ... def test_historic_cases(case):
    ...     assert case.consent.is_valid_on(date(2023, 5, 2))
    ...     assert case.transitions
    >>> test_historic_cases()

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 Permissions and the day of death; ids of their
       own in a test case; *consent_on* any day; *catalog* defaults to
       ``None``.
    """
    return _citizen_cases(
        origin=origin,
        with_transition=with_transition,
        care_team=care_team,
        consent_on=consent_on,
        catalog=DEFAULT_CATALOG if catalog is None else catalog,
    )
