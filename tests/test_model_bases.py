"""Legal bases: who grants a consent, what for, and a § 42 d permission."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given

import learnmeet as lm
import learnmeet.strategies as lst


class TestGrantor:
    """Only someone other than the citizen is a proxy."""

    def test_the_citizen_is_no_proxy(self) -> None:
        assert not lm.ConsentGrantor.CITIZEN.is_proxy

    @pytest.mark.parametrize(
        "grantor", [g for g in lm.ConsentGrantor if g is not lm.ConsentGrantor.CITIZEN]
    )
    def test_the_others_are(self, grantor: lm.ConsentGrantor) -> None:
        assert grantor.is_proxy

    def test_danish_labels(self) -> None:
        assert lm.ConsentGrantor.GUARDIAN.label.da == "værge"
        assert lm.ConsentGrantor.CLOSEST_RELATIVE.label.da == "nærmeste pårørende"


class TestLegalBasis:
    """The labels cite the sections of the Danish Health Act."""

    def test_citations(self) -> None:
        assert "§ 42 d, stk. 2, nr. 2" in lm.LegalBasis.QUALITY_DEVELOPMENT.label.da
        assert "§ 43" in lm.LegalBasis.CONSENT.label.da
        assert "42 d(2)(2)" in lm.LegalBasis.QUALITY_DEVELOPMENT.label.en


class TestPermission:
    """A management permission: who, from which day, until which day."""

    def test_defaults_to_quality_development(self) -> None:
        permission = lm.Permission(
            permitted_by="leder-1", permitted_on=date(2027, 2, 1)
        )
        assert permission.basis is lm.LegalBasis.QUALITY_DEVELOPMENT
        assert permission.expires_on is None

    def test_not_ending_before_it_begins(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="before the permission") as info:
            lm.Permission(
                permitted_by="leder-1",
                permitted_on=date(2027, 2, 1),
                expires_on=date(2027, 1, 31),
            )
        assert info.value.path == ("expires_on",)

    def test_not_resting_on_consent(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="Consent") as info:
            lm.Permission(
                permitted_by="leder-1",
                permitted_on=date(2027, 2, 1),
                basis=lm.LegalBasis.CONSENT,
            )
        assert info.value.path == ("basis",)

    def test_who_permitted_is_an_identifier(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.Permission(permitted_by=" ", permitted_on=date(2027, 2, 1))

    @given(lst.permissions())
    def test_generated_permissions_end_after_they_begin(
        self, permission: lm.Permission
    ) -> None:
        assert permission.expires_on is None or (
            permission.permitted_on <= permission.expires_on
        )
