"""Citizen cases, transitions and consent."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

import learnmeet as lm
from examples import CASE, CAT, DISCHARGE, RELATIVE


class TestTransitions:
    """A transition moves the citizen between two different sectors, in date order."""

    def test_same_sector_is_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="different sectors"):
            attrs.evolve(DISCHARGE, to_sector=CAT.sector("hospital"))

    def test_date_order(self) -> None:
        earlier = attrs.evolve(DISCHARGE, on=date(2026, 1, 1))
        with pytest.raises(lm.InvalidValueError, match="date order"):
            attrs.evolve(CASE, transitions=[DISCHARGE, earlier])
        assert attrs.evolve(CASE, transitions=[earlier, DISCHARGE]).sectors == {
            "hospital",
            "municipality",
        }

    def test_a_datetime_is_not_a_date(self) -> None:
        from datetime import datetime

        with pytest.raises(lm.InvalidValueError, match="date"):
            attrs.evolve(DISCHARGE, on=datetime(2027, 1, 1, tzinfo=lm.COPENHAGEN))


class TestConsent:
    """Consent covers the days from given to expiry, until withdrawn."""

    def test_boundaries(self) -> None:
        consent = lm.Consent(given_on=date(2027, 1, 10), expires_on=date(2027, 2, 10))
        assert not consent.is_valid_on(date(2027, 1, 9))
        assert consent.is_valid_on(date(2027, 1, 10))
        assert consent.is_valid_on(date(2027, 2, 10))
        assert not consent.is_valid_on(date(2027, 2, 11))

    def test_withdrawn(self) -> None:
        consent = lm.Consent(given_on=date(2027, 1, 10), withdrawn_on=date(2027, 1, 20))
        assert consent.is_valid_on(date(2027, 1, 19))
        assert not consent.is_valid_on(date(2027, 1, 20))

    @pytest.mark.parametrize("field", ["expires_on", "withdrawn_on"])
    def test_not_before_given(self, field: str) -> None:
        with pytest.raises(lm.InvalidValueError, match="before the consent"):
            lm.Consent(given_on=date(2027, 1, 10), **{field: date(2027, 1, 9)})

    def test_case_without_consent(self) -> None:
        assert not attrs.evolve(CASE, consent=None).has_consent_on(date(2027, 3, 1))


class TestCase:
    """A case holds the citizen's own relatives and a care team listed once."""

    def test_relatives_of_the_citizen_only(self) -> None:
        stranger = attrs.evolve(RELATIVE, citizen="B-999")
        with pytest.raises(lm.InvalidValueError, match="belongs to citizen"):
            attrs.evolve(CASE, relatives=[stranger])

    def test_care_team_once(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="listed twice"):
            attrs.evolve(CASE, care_team=[*CASE.care_team, CASE.care_team[0]])

    def test_origin(self) -> None:
        assert CASE.is_concrete
        assert not attrs.evolve(CASE, origin=lm.CaseOrigin.FICTIONAL).is_concrete
