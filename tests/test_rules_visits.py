"""Study visits and roadshows: a host, guests from elsewhere, an audience."""

from __future__ import annotations

import learnmeet as lm
from examples import DOCTOR, GP, NURSE_N, SSA_N, WARD_NURSE, WARD_PT, attend
from learnmeet.rules import _visits
from rule_cases import (
    BreachTable,
    each_rule_tests,
    with_attendees,
)

H = lm.AttendeeRole.HOST

BREACHES: BreachTable = {
    "LM112": (
        lambda: with_attendees("study_visit", attend(WARD_NURSE), attend(NURSE_N)),
    ),
    "LM113": (
        lambda: with_attendees(
            "study_visit", attend(WARD_NURSE, H), attend(DOCTOR), attend(WARD_PT)
        ),
    ),
    "LM114": (
        lambda: with_attendees(
            "roadshow", attend(NURSE_N, H), attend(SSA_N), attend(DOCTOR), attend(GP)
        ),
    ),
}


TestEachRule = each_rule_tests(BREACHES, _visits)


class TestTheHost:
    """A host who declined hosts nothing."""

    def test_a_declined_host_is_no_host(self) -> None:
        meeting = with_attendees(
            "study_visit",
            attend(WARD_NURSE, H, lm.Rsvp.DECLINED),
            attend(NURSE_N),
            attend(SSA_N),
        )
        assert "LM112" in lm.validate(meeting).codes


class TestWording:
    """A roadshow brings people of the host organisation together (issue 17:
    "skal samle mindst 3 fra værtsorganisationen", not a calque of "reach")."""

    def test_too_few_from_the_host_organisation(self) -> None:
        (v,) = lm.validate(BREACHES["LM114"][0]()).violations
        assert v.code == "LM114"
        assert "skal samle mindst 3 fra værtsorganisationen" in v.message.da
        assert "nå mindst" not in v.message.da
        assert "bring together at least 3 from the host organisation" in v.message.en
        assert v.message.da.startswith("kun 2 deltagere fra værtsorganisationen")
        assert v.message.en.startswith("only 2 attendees from the host organisation")
