"""Strategies for citizen cases, transitions and consents honour their parameters."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import find, given, strategies as st

import learnmeet as lm
from examples import NURSE_N, PT_N
from learnmeet import strategies as lst

CAT = lm.DEFAULT_CATALOG
HOSPITAL, HOME = CAT.sector("hospital"), CAT.sector("municipality")


class TestCitizenCases:
    """A case is concrete or fictional, with or without transitions, as asked."""

    @given(lst.citizen_cases(origin=lm.CaseOrigin.FICTIONAL, with_transition=True))
    def test_cases(self, case: lm.CitizenCase) -> None:
        assert not case.is_concrete
        assert case.transitions

    @given(st.dates(date(lm.FIRST_YEAR, 1, 1), date(lm.LAST_YEAR, 12, 31)), st.data())
    def test_consents_cover_the_day(self, day: Any, data: st.DataObject) -> None:
        consent = data.draw(lst.consents(valid_on=day))
        assert consent.is_valid_on(day)

    @given(
        lst.citizen_cases(
            with_transition=False,
            care_team=(NURSE_N, PT_N),
            consent_on=date(2027, 3, 1),
        )
    )
    def test_care_team_and_consent_as_given(self, case: lm.CitizenCase) -> None:
        assert case.transitions == ()
        assert case.care_team == (NURSE_N, PT_N)
        assert case.has_consent_on(date(2027, 3, 1))
        assert case.basis_on(date(2027, 3, 1), lm.ConsentPurpose.HOME_MEETING)
        assert all(r.citizen == case.citizen.pseudonym for r in case.relatives)
        assert case.died_on is None or case.died_on >= date(2027, 3, 1)

    @given(lst.citizen_cases())
    def test_nothing_after_death(self, case: lm.CitizenCase) -> None:
        if case.died_on is not None:
            assert all(t.on <= case.died_on for t in case.transitions)
            assert case.consent is None or case.consent.given_on <= case.died_on


class TestConsentsAndPermissions:
    """Consents cover the purposes asked for; permissions the day asked for."""

    @given(lst.consents(purposes=frozenset({lm.ConsentPurpose.DISCLOSURE})))
    def test_purposes_asked_for(self, consent: lm.Consent) -> None:
        assert lm.ConsentPurpose.DISCLOSURE in consent.purposes
        assert consent.recipients

    def test_the_plainest_consent_is_the_citizens_own_of_that_day(self) -> None:
        """Shrinking ends at the citizen's own consent, given on the day, with
        no end: the plainest, and also the one of fewest choices."""
        day = date(2026, 3, 2)
        plainest = find(lst.consents(valid_on=day), lambda _: True)
        assert plainest.grantor is lm.ConsentGrantor.CITIZEN
        assert plainest.proxy_reason is None
        assert (plainest.given_on, plainest.expires_on) == (day, None)

    @given(lst.permissions(valid_on=date(2027, 3, 1)))
    def test_permission_covers_the_day(self, permission: lm.Permission) -> None:
        assert permission.permitted_on <= date(2027, 3, 1)
        assert permission.expires_on is None or permission.expires_on >= date(
            2027, 3, 1
        )


class TestTransitions:
    """A transition goes between the two sectors asked for, before the day given."""

    @given(lst.transitions(between=(HOSPITAL, HOME), before=date(2027, 1, 1)))
    def test_between_and_before(self, move: lm.Transition) -> None:
        assert (move.from_sector, move.to_sector) == (HOSPITAL, HOME)
        assert move.on <= date(2027, 1, 1)

    @given(lst.transitions())
    def test_always_two_sectors(self, move: lm.Transition) -> None:
        assert move.from_sector != move.to_sector


class TestTransitionsBreakNoRule:
    """A generated discharge of a citizen who needs rehabilitation carries the
    plan (Sundhedsloven § 84), and no transition holds the pre-version-3 code."""

    @given(lst.transitions())
    def test_the_plan_goes_where_needed(self, move: lm.Transition) -> None:
        assert not move.lacks_rehabilitation_plan
        assert lm.HandoverDocument.NURSING_REPORT not in move.documents


class TestAnyDay:
    """A day before the strategies' default years is honoured too: a user's
    historic cases of 2019 are generated, not refused."""

    @given(lst.transitions(before=date(2019, 6, 1)))
    def test_transitions_before_an_old_day(self, move: lm.Transition) -> None:
        assert date(2017, 6, 1) <= move.on <= date(2019, 6, 1)

    @given(lst.citizen_cases(with_transition=True, consent_on=date(2019, 6, 1)))
    def test_cases_whose_consent_covers_an_old_day(self, case: lm.CitizenCase) -> None:
        assert case.consent is not None
        assert case.consent.is_valid_on(date(2019, 6, 1))
        assert all(t.on <= date(2019, 6, 1) for t in case.transitions)

    @given(lst.transitions(before=date(1900, 3, 1)))
    def test_the_first_years(self, move: lm.Transition) -> None:
        assert date(1900, 1, 1) <= move.on <= date(1900, 3, 1)
