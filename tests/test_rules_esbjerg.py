"""Learning close to practice: the participants' own citizen (LM140), in person (LM141).

Esbjerg's course days gave little with cases "from practice in the municipality
generally"; the KOPA evaluation found the value of a study visit in being
there and putting a face to each other.
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given

import learnmeet as lm
from examples import (
    CASE,
    HOME_CARE_N,
    NURSE_S,
    SSA_S,
    attend,
    pro,
)
from learnmeet import strategies as lst
from learnmeet.rules import _esbjerg
from rule_cases import (
    VALID,
    BreachTable,
    assert_breaks_exactly,
    each_rule_tests,
    with_changes,
)

ONLINE = lm.Location(lm.LocationKind.ONLINE)

SOUTH_CASE = lm.CitizenCase(
    id="c-syd",
    citizen=lm.Citizen("B-777"),
    care_team=[NURSE_S, SSA_S],
    consent=lm.Consent(given_on=date(2027, 1, 2)),
)
"""A real citizen of the other area: a case 'from the municipality generally'."""

NORTH_STRANGER = pro("p-90", "nurse", HOME_CARE_N)
NORTH_CASE = lm.CitizenCase(
    id="c-nord",
    citizen=lm.Citizen("B-778"),
    care_team=[NORTH_STRANGER],
    consent=lm.Consent(given_on=date(2027, 1, 2)),
)
"""A real citizen of the cohort's area, whose team is nobody on the course day."""


def _course_day_on(case: lm.CitizenCase) -> lm.Meeting:
    return with_changes("course_day", case=case)


BREACHES: BreachTable = {
    "LM140": (
        lambda: _course_day_on(SOUTH_CASE),
        lambda: _course_day_on(NORTH_CASE),
        lambda: with_changes("audit", case=attrs.evolve(CASE, care_team=[NURSE_S])),
    ),
    "LM141": (
        lambda: with_changes("study_visit", location=ONLINE),
        lambda: with_changes("roadshow", location=ONLINE),
        lambda: with_changes("course_day", location=ONLINE),
    ),
}

TestEachRule = each_rule_tests(BREACHES, _esbjerg)


def _message(meeting: lm.Meeting, code: str, lang: lm.Lang = "en") -> str:
    (violation,) = [v for v in lm.validate(meeting).violations if v.code == code]
    return violation.message.get(lang)


class TestOwnCitizen:
    """A concrete case is a citizen the participants work with, in their area."""

    def test_another_areas_citizen_is_named_by_area(self) -> None:
        text = _message(_course_day_on(SOUTH_CASE), "LM140")
        assert "North, the cohort's area" in text
        assert "Nord, holdets område" in _message(
            _course_day_on(SOUTH_CASE), "LM140", "da"
        )

    def test_own_areas_citizen_nobody_works_with_is_named_so(self) -> None:
        text = _message(_course_day_on(NORTH_CASE), "LM140")
        assert text.startswith("none of the 12 professionals taking part")

    def test_the_participants_own_citizen_passes(self) -> None:
        team = VALID["course_day"].professionals[:2]
        own = attrs.evolve(NORTH_CASE, care_team=team)
        assert lm.validate(_course_day_on(own)).ok
        assert "LM140" not in lm.validate(_course_day_on(own)).codes

    def test_one_of_the_team_is_enough(self) -> None:
        """The threshold is 'none': the share is the care-team rule's (LM109)."""
        first = VALID["course_day"].professionals[0]
        own = attrs.evolve(NORTH_CASE, care_team=[NORTH_STRANGER, first])
        assert "LM140" not in lm.validate(_course_day_on(own)).codes

    def test_a_team_member_who_declined_does_not_make_it_own(self) -> None:
        meeting = _course_day_on(attrs.evolve(NORTH_CASE, care_team=[NORTH_STRANGER]))
        declined = attend(NORTH_STRANGER, rsvp=lm.Rsvp.DECLINED)
        meeting = attrs.evolve(meeting, attendees=(*meeting.attendees, declined))
        assert "LM140" in lm.validate(meeting).codes

    def test_a_fictional_case_is_the_fictional_case_rule(self) -> None:
        fictional = attrs.evolve(SOUTH_CASE, origin=lm.CaseOrigin.FICTIONAL)
        assert lm.validate(_course_day_on(fictional)).codes == {"LM105"}

    def test_a_format_that_does_not_ask_is_not_checked(self) -> None:
        meeting = _course_day_on(SOUTH_CASE)
        req = attrs.evolve(meeting.format.requirements, own_citizen=False)
        relaxed = attrs.evolve(
            meeting, format=attrs.evolve(meeting.format, requirements=req)
        )
        assert lm.validate(relaxed).ok
        assert not lm.validate(relaxed).violations

    def test_the_learning_meeting_keeps_its_share_rule(self) -> None:
        """A learning meeting on a stranger's citizen: LM109, not two findings."""
        stranger = attrs.evolve(CASE, care_team=[NURSE_S, SSA_S])
        codes = lm.validate(with_changes("learning_meeting", case=stranger)).codes
        # LM125 may speak too (the care team's organisations hold the case);
        # the point here is that LM140 does not repeat LM109.
        assert "LM109" in codes
        assert "LM140" not in codes

    def test_the_formats_that_ask(self) -> None:
        asking = {
            f.code for f in lm.DEFAULT_CATALOG.formats if f.requirements.own_citizen
        }
        assert asking == {"course_day", "audit"}

    def test_it_is_a_warning_about_the_case(self) -> None:
        (violation,) = lm.validate(_course_day_on(SOUTH_CASE)).violations
        assert violation.severity is lm.Severity.WARNING
        assert violation.subject == lm.Subject(lm.SubjectKind.CASE, "c-syd")

    @given(lst.meetings(format="audit"))
    def test_a_generated_panel_on_a_strangers_course_is_warned(
        self, meeting: lm.Meeting
    ) -> None:
        assert meeting.case is not None
        stranger = pro("p-stranger", "nurse", HOME_CARE_N)
        moved = attrs.evolve(
            meeting, case=attrs.evolve(meeting.case, care_team=[stranger])
        )
        assert "LM140" in lm.validate(moved).codes
        assert "LM140" not in lm.validate(meeting).codes


class TestBeingThere:
    """Formats whose value is being there warn when the meeting is online."""

    @pytest.mark.parametrize("fmt", ["study_visit", "roadshow", "course_day"])
    def test_online_is_warned(self, fmt: str) -> None:
        report = assert_breaks_exactly(with_changes(fmt, location=ONLINE), "LM141")
        assert report.ok  # a warning, not an error

    @pytest.mark.parametrize(
        "fmt", ["learning_meeting", "audit", "mono_course", "operational_meeting"]
    )
    def test_online_is_fine_where_being_there_is_not_the_point(self, fmt: str) -> None:
        assert not lm.validate(with_changes(fmt, location=ONLINE)).violations

    def test_the_message_says_why(self) -> None:
        meeting = with_changes("study_visit", location=ONLINE)
        assert "putting a face to each other" in _message(meeting, "LM141")
        assert "få ansigt på hinanden" in _message(meeting, "LM141", "da")

    def test_the_citizens_home_is_not_online(self) -> None:
        home = with_changes(
            "study_visit", location=lm.Location(lm.LocationKind.CITIZEN_HOME)
        )
        assert "LM141" not in lm.validate(home).codes

    @given(lst.meetings(format="study_visit"))
    def test_a_generated_visit_is_on_site_and_online_breaks_it(
        self, meeting: lm.Meeting
    ) -> None:
        assert meeting.location.kind is lm.LocationKind.ON_SITE
        online = attrs.evolve(meeting, location=ONLINE)
        assert lm.validate(online).codes == {"LM141"}
