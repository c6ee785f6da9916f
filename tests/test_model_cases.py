"""Citizen cases, transitions and consent."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
import learnmeet.strategies as lst
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


class TestConsentDetails:
    """Grantor, purposes, recipients and form, modelled on FHIR R5 Consent."""

    def test_an_old_consent_covers_learning_and_the_home_not_disclosure(self) -> None:
        consent = lm.Consent(given_on=date(2027, 1, 10))
        assert consent.grantor is lm.ConsentGrantor.CITIZEN
        assert consent.purposes == {
            lm.ConsentPurpose.LEARNING,
            lm.ConsentPurpose.HOME_MEETING,
        }
        assert consent.recipients == frozenset()
        assert consent.is_valid_on(date(2027, 1, 10), lm.ConsentPurpose.HOME_MEETING)
        assert not consent.is_valid_on(date(2027, 1, 10), lm.ConsentPurpose.DISCLOSURE)

    def test_a_proxy_needs_a_reason(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="no reason") as info:
            lm.Consent(given_on=date(2027, 1, 10), grantor=lm.ConsentGrantor.GUARDIAN)
        assert info.value.path == ("proxy_reason",)
        assert "borgeren ikke selv kan" in info.value.reason.da
        proxy = lm.Consent(
            given_on=date(2027, 1, 10),
            grantor=lm.ConsentGrantor.CLOSEST_RELATIVE,
            proxy_reason=lm.ProxyReason.LACKS_CAPACITY,
            form=lm.ConsentForm.WRITTEN,
            recorded_by="p-01",
        )
        assert proxy.grantor.is_proxy

    def test_the_citizen_needs_no_reason(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="granted by the citizen"):
            lm.Consent(
                given_on=date(2027, 1, 10),
                proxy_reason=lm.ProxyReason.UNDER_GUARDIANSHIP,
            )

    def test_some_purpose(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="no purpose") as info:
            lm.Consent(given_on=date(2027, 1, 10), purposes=[])
        assert info.value.path == ("purposes",)

    def test_disclosure_names_its_recipients(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="names no recipients"):
            lm.Consent(
                given_on=date(2027, 1, 10), purposes={lm.ConsentPurpose.DISCLOSURE}
            )
        with pytest.raises(lm.InvalidValueError, match="not cover disclosure"):
            lm.Consent(given_on=date(2027, 1, 10), recipients={"h"})

    def test_recipients_are_identifiers(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.Consent(
                given_on=date(2027, 1, 10),
                purposes={lm.ConsentPurpose.DISCLOSURE},
                recipients={"010190-1234"},
            )

    def test_a_text_is_not_a_list_of_recipients(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="a text is not a list"):
            lm.Consent(
                given_on=date(2027, 1, 10),
                purposes={lm.ConsentPurpose.DISCLOSURE},
                recipients="h",  # type: ignore[arg-type]
            )

    @given(lst.consents())
    def test_generated_consents_hold_together(self, consent: lm.Consent) -> None:
        assert consent.purposes
        assert consent.grantor.is_proxy == (consent.proxy_reason is not None)
        assert bool(consent.recipients) == (
            lm.ConsentPurpose.DISCLOSURE in consent.purposes
        )

    @given(lst.consents(), st.dates(date(lm.FIRST_YEAR, 1, 1), date(2100, 12, 31)))
    def test_covers_a_day_iff_inside_its_window(
        self, consent: lm.Consent, day: date
    ) -> None:
        """A consent covers a day iff given by then, not expired, not withdrawn."""
        inside = (
            consent.given_on <= day
            and (consent.expires_on is None or day <= consent.expires_on)
            and (consent.withdrawn_on is None or day < consent.withdrawn_on)
        )
        assert consent.is_valid_on(day) == inside


class TestDeath:
    """Nothing happens in the course after the citizen's death but its review."""

    def test_a_transition_after_death_is_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="after the citizen's death"):
            attrs.evolve(CASE, died_on=date(2027, 1, 19))

    def test_a_consent_after_death_is_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="cannot consent") as info:
            attrs.evolve(CASE, died_on=date(2027, 1, 24))
        assert info.value.path == ("consent", "given_on")
        assert "§ 42 d" in info.value.fix.da

    def test_consent_and_permission_together(self) -> None:
        permission = lm.Permission(permitted_by="p-01", permitted_on=date(2027, 2, 1))
        case = attrs.evolve(CASE, permissions=[permission], died_on=date(2027, 3, 1))
        assert case.basis_on(date(2027, 2, 15)) is lm.LegalBasis.CONSENT
        assert case.basis_on(date(2027, 3, 2)) is lm.LegalBasis.QUALITY_DEVELOPMENT
        assert case.basis_on(date(2027, 1, 24)) is None
        home = lm.ConsentPurpose.HOME_MEETING
        assert case.basis_on(date(2027, 3, 1), home) is lm.LegalBasis.CONSENT
        assert case.basis_on(date(2027, 3, 2), home) is None


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


class TestHandoverDocuments:
    """Handover documents carry MedCom's names, and which belong to which kind
    of transition is data; the pre-version-3 "nursing_report" is read as the
    report of the transition's kind."""

    D = lm.HandoverDocument

    def test_medcom_names_in_danish(self) -> None:
        assert {d.label.da for d in self.D} >= {
            "indlæggelsesrapport",
            "udskrivningsrapport",
            "plejeforløbsplan",
            "melding om færdigbehandling",
            "korrespondancemeddelelse",
            "genoptræningsplan",
            "epikrise",
        }
        assert "sygeplejerapport" not in {d.label.da for d in self.D}

    @pytest.mark.parametrize(
        ("kind", "report"),
        [
            (lm.TransitionKind.ADMISSION, lm.HandoverDocument.ADMISSION_REPORT),
            (lm.TransitionKind.DISCHARGE, lm.HandoverDocument.DISCHARGE_REPORT),
            (lm.TransitionKind.TRANSFER, lm.HandoverDocument.DISCHARGE_REPORT),
        ],
    )
    def test_an_old_nursing_report_is_the_report_of_its_kind(
        self, kind: lm.TransitionKind, report: lm.HandoverDocument
    ) -> None:
        old = attrs.evolve(DISCHARGE, kind=kind, documents={self.D.NURSING_REPORT})
        assert old.documents == {report}
        data = lm.to_dict(DISCHARGE)
        data["data"]["kind"] = kind.code
        data["data"]["documents"] = ["nursing_report"]
        assert lm.from_dict(lm.Transition, data).documents == {report}

    def test_a_referral_keeps_what_it_cannot_tell(self) -> None:
        move = attrs.evolve(
            DISCHARGE,
            kind=lm.TransitionKind.REFERRAL,
            documents={self.D.NURSING_REPORT},
        )
        assert move.documents == {self.D.NURSING_REPORT}

    def test_every_kind_has_its_documents(self) -> None:
        assert set(lm.HANDOVER_DOCUMENTS) == set(lm.TransitionKind)
        admission = lm.HANDOVER_DOCUMENTS[lm.TransitionKind.ADMISSION]
        assert admission == ((self.D.ADMISSION_REPORT, lm.DocumentNeed.ALWAYS),)
        discharge = dict(lm.HANDOVER_DOCUMENTS[lm.TransitionKind.DISCHARGE])
        assert discharge[self.D.REHABILITATION_PLAN] is (
            lm.DocumentNeed.REHABILITATION_NEEDED
        )
        assert discharge[self.D.CARE_COURSE_PLAN] is lm.DocumentNeed.COMPLEX_COURSE

    def test_expected_and_missing_at_a_discharge(self) -> None:
        assert DISCHARGE.rehabilitation_needed
        assert DISCHARGE.expected_documents == (
            self.D.DISCHARGE_REPORT,
            self.D.DISCHARGE_SUMMARY,
            self.D.TREATMENT_COMPLETED,
            self.D.REHABILITATION_PLAN,
        )
        assert DISCHARGE.missing_documents == (
            self.D.DISCHARGE_REPORT,
            self.D.TREATMENT_COMPLETED,
        )
        no_need = attrs.evolve(DISCHARGE, rehabilitation_needed=False)
        assert self.D.REHABILITATION_PLAN not in no_need.expected_documents

    def test_lacking_the_plan(self) -> None:
        assert not DISCHARGE.lacks_rehabilitation_plan
        without = attrs.evolve(
            DISCHARGE, documents=DISCHARGE.documents - {self.D.REHABILITATION_PLAN}
        )
        assert without.lacks_rehabilitation_plan
        assert not attrs.evolve(
            without, rehabilitation_needed=False
        ).lacks_rehabilitation_plan
        assert not attrs.evolve(
            without, kind=lm.TransitionKind.TRANSFER
        ).lacks_rehabilitation_plan
