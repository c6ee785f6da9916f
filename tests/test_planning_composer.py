"""The composer proposes the right people: care team first, then what is missing."""

from __future__ import annotations

from datetime import datetime

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from examples import (
    CASE,
    CITIZEN,
    DOCTOR,
    GP,
    MONDAY_10,
    NORTH_COHORT,
    NURSE_N,
    NURSE_S,
    OT_N,
    PT_N,
    RELATIVE,
    SSA_N,
    SSA_S,
    SSH_N,
    WARD_NURSE,
    pro,
)
from learnmeet import strategies as lst
from learnmeet.planning._composer import Staff, compose_from
from support import pools

CAT = lm.DEFAULT_CATALOG
POOL = [NURSE_N, SSA_N, SSH_N, PT_N, OT_N, DOCTOR, WARD_NURSE, GP, SSA_S, NURSE_S]


def _compose(code: str, **kwargs: object) -> lm.Proposal:
    options: dict[str, object] = {"pool": POOL, "start": MONDAY_10, **kwargs}
    return lm.compose(CAT.format(code), **options)  # type: ignore[arg-type]


def _roles(proposal: lm.Proposal) -> dict[str, lm.AttendeeRole]:
    return {a.person.key: a.role for a in proposal.meeting.attendees}


class TestLearningMeeting:
    """A learning meeting gathers the citizen's own care team around the case."""

    def test_care_team_and_a_facilitator(self) -> None:
        proposal = _compose("learning_meeting", case=CASE)
        assert proposal.complete, proposal.explain("en")
        assert lm.validate(proposal.meeting).ok
        people = {a.person for a in proposal.meeting.attendees}
        assert set(CASE.care_team) <= people
        facilitators = [
            a.person
            for a in proposal.meeting.attendees
            if a.role is lm.AttendeeRole.FACILITATOR
        ]
        assert len(facilitators) == 1
        assert facilitators[0].roles & {
            lm.StaffRole.KEY_PERSON,
            lm.StaffRole.FACILITATOR,
        }

    def test_one_case_presenter_from_the_care_team(self) -> None:
        proposal = _compose("learning_meeting", case=CASE)
        presenters = [
            a.person
            for a in proposal.meeting.attendees
            if a.role is lm.AttendeeRole.CASE_PRESENTER
        ]
        assert len(presenters) == 1
        assert presenters[0] in CASE.care_team

    def test_every_choice_has_a_reason(self) -> None:
        proposal = _compose("learning_meeting", case=CASE)
        assert [c.key for c in proposal.choices] == [
            a.person.key for a in proposal.meeting.attendees
        ]
        text = proposal.explain("da")
        assert "i borgerens team" in text

    def test_the_explanation_names_people_by_their_ids(self) -> None:
        """Each line starts with the id the user gave (a citizen's pseudonym),
        never the attendee key ('professional:p-1') nor 'case-fremlægger'."""
        proposal = _compose("home_meeting", case=CASE)
        lines = proposal.explain("da").splitlines()
        names = [
            a.person.pseudonym if isinstance(a.person, lm.Citizen) else a.person.id
            for a in proposal.meeting.attendees
        ]
        assert [line.split(" — ")[0] for line in lines[: len(names)]] == names
        assert not any("professional:" in line for line in lines)
        assert "casefremlægger" in proposal.explain("da")
        assert "case-fremlægger" not in proposal.explain("da")

    def test_a_choice_of_someone_not_attending_is_named_by_its_key(self) -> None:
        proposal = _compose("learning_meeting", case=CASE)
        stray = lm.Choice(
            "professional:p-stray", lm.AttendeeRole.OBSERVER, lm.Label(da="x", en="x")
        )
        told = attrs.evolve(proposal, choices=[*proposal.choices, stray])
        assert told.explain("en").splitlines()[-1] == "p-stray — observer: x"

    def test_missing_consent_is_listed_not_raised(self) -> None:
        proposal = _compose("learning_meeting", case=attrs.evolve(CASE, consent=None))
        assert not proposal.complete
        assert [v.code for v in proposal.missing] == ["LM108"]


class TestHomeMeeting:
    """A home meeting is held at the citizen's, with the citizen taking part."""

    def test_citizen_invited_and_awaiting_answer(self) -> None:
        proposal = _compose("home_meeting", case=CASE)
        assert proposal.meeting.location.kind is lm.LocationKind.CITIZEN_HOME
        assert _roles(proposal)[CITIZEN.key] is lm.AttendeeRole.CITIZEN
        assert proposal.complete
        assert [v.code for v in proposal.awaiting] == ["LM107"]
        assert len(proposal.meeting.attendees) <= 6

    def test_home_meeting_gets_plain_language_questions(self) -> None:
        reflection = _compose("home_meeting", case=CASE).meeting.reflection
        assert reflection is not None
        assert reflection.model == "home_conversation"
        plain = {
            q.text
            for q in lm.QUESTION_BANK.questions(
                model="home_conversation", audience=lm.Audience.CITIZEN_AND_RELATIVES
            )
        }
        assert set(reflection.questions) <= plain

    def test_validates_clean_once_the_citizen_accepts(self) -> None:
        proposal = _compose(
            "home_meeting",
            case=CASE,
            include_relatives=True,
            answers={CITIZEN.key: lm.Rsvp.ACCEPTED},
        )
        assert proposal.awaiting == ()
        assert lm.validate(proposal.meeting).ok
        assert RELATIVE.key in _roles(proposal)


class TestAudit:
    """An audit panel covers both sectors of the audited transition."""

    def test_hospital_side_is_added(self) -> None:
        proposal = _compose("audit", case=CASE)
        assert proposal.complete, proposal.explain("en")
        assert {"hospital", "municipality"} <= proposal.meeting.sectors

    def test_nobody_from_the_hospital_in_the_pool(self) -> None:
        pool = [p for p in POOL if p.sector.code != "hospital"]
        proposal = _compose("audit", case=CASE, pool=pool)
        assert not proposal.complete
        assert "LM111" in {v.code for v in proposal.missing}


class TestVisitsAndCourses:
    """Hosts, visitors of another sector, and course-day cohorts by area."""

    def test_study_visit_has_a_host_and_visitors_from_another_sector(self) -> None:
        proposal = _compose("study_visit", host=WARD_NURSE)
        roles = _roles(proposal)
        assert roles[WARD_NURSE.key] is lm.AttendeeRole.HOST
        assert len(proposal.meeting.sectors) >= 2
        assert proposal.complete, proposal.explain("en")

    def test_roadshow_reaches_the_host_organisation(self) -> None:
        proposal = _compose("roadshow", host=NURSE_N)
        assert proposal.complete, proposal.explain("en")

    def test_course_day_only_for_the_cohort_area_and_the_course(self) -> None:
        newcomer = pro("new", "nurse", NURSE_N.unit, course=False)
        proposal = _compose("course_day", pool=[*POOL, newcomer], cohort=NORTH_COHORT)
        people = {a.person for a in proposal.meeting.attendees}
        assert newcomer not in people
        assert all(
            p.unit.area == NORTH_COHORT.area for p in proposal.meeting.professionals
        )
        # Too few in the pool to fill a course day: said, not raised.
        assert "LM123" in {v.code for v in proposal.missing}

    def test_mono_course_takes_one_profession(self) -> None:
        proposal = _compose("mono_course")
        assert len(proposal.meeting.professions) == 1


class TestDeterminism:
    """The same input gives the same proposal, whatever the pool's order."""

    @pytest.mark.parametrize("code", [f.code for f in lm.FORMATS])
    def test_pool_order_does_not_matter(self, code: str) -> None:
        case = CASE if CAT.format(code).requirements.case_required else None
        one = _compose(code, case=case)
        two = _compose(code, case=case, pool=list(reversed(POOL)))
        assert one == two


class TestThePoolReadOnce:
    """plan_period reads its staff once (Staff) for every proposal; a
    proposal reads the care team, then the others in id order only as far
    as it needs. It proposes what composing from the plain pool proposes."""

    @settings(max_examples=60, deadline=None)
    @given(st.sampled_from([f.code for f in lm.FORMATS]), pools(), st.data())
    def test_same_as_the_plain_pool(
        self, code: str, pool: list[lm.Professional], data: st.DataObject
    ) -> None:
        team = data.draw(st.lists(st.sampled_from(pool), unique=True)) if pool else []
        case = data.draw(lst.citizen_cases(care_team=tuple(team))) if team else None
        twice = [*pool, *reversed(pool)]  # duplicates: the later of an id counts
        plain = lm.compose(CAT.format(code), pool=twice, start=MONDAY_10, case=case)
        staff = Staff.of(reversed(twice))
        assert staff.ordered == tuple(sorted(pool, key=lambda p: p.id))
        once = compose_from(CAT.format(code), staff=staff, start=MONDAY_10, case=case)
        assert once == plain

    def test_the_care_team_before_anyone_else(self) -> None:
        """The team member last in id order is chosen before the others."""
        last = pro("zz-1", "physiotherapist", NURSE_N.unit)
        case = attrs.evolve(CASE, care_team=[*CASE.care_team, last])
        proposal = _compose("learning_meeting", case=case, pool=[*POOL, last])
        keys = [a.person.key for a in proposal.meeting.attendees]
        assert last.key in keys
        assert keys.index(last.key) < len(case.care_team) + 1


class TestComposerUsesTheBank:
    """A proposal's reflection comes from the built-in bank's case model."""

    def test_default_reflection_is_from_the_case_model(self) -> None:
        assert lm.DEFAULT_REFLECTION.model == "case_learning"
        texts = {q.text for q in lm.QUESTION_BANK.questions(model="case_learning")}
        assert set(lm.DEFAULT_REFLECTION.questions) <= texts


class TestWhatItHoldsIsChecked:
    """A proposal holds no CPR number and no meeting that ends in 9999."""

    @pytest.mark.parametrize("key", ["010203-1234", "citizen:0102031234", ""])
    def test_a_choice_names_a_person_by_a_key(self, key: str) -> None:
        (choice, *_) = _compose("learning_meeting", case=CASE).choices
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(choice, key=key)
        assert info.value.location == "Choice.key"
        assert "1234" not in info.value.message("en")

    def test_a_start_too_late_for_the_format_s_length(self) -> None:
        late = datetime(9998, 12, 31, 23, tzinfo=lm.COPENHAGEN)
        with pytest.raises(lm.InvalidValueError) as info:
            _compose("learning_meeting", case=CASE, start=late)
        assert info.value.location == "compose.start"
        assert "9999" in info.value.reason.en
        early = late - CAT.format("learning_meeting").default_duration
        assert (
            _compose("learning_meeting", case=CASE, start=early).meeting.end.year
            == 9998
        )


class TestMeetingId:
    """A proposal's default id says what the meeting is, so two proposals
    never share a calendar UID unless they are the same meeting."""

    def test_two_proposals_two_uids(self) -> None:
        """Case compose_default_id_duplicate_uid: every proposal was called
        "proposal", and two home meetings exported as one event."""
        meetings = []
        for day, pseudonym in ((12, "TB-01"), (13, "TB-02")):
            case = lm.CitizenCase(
                id=f"k-{pseudonym}",
                citizen=lm.Citizen(pseudonym),
                care_team=[NURSE_N, SSA_N],
                consent=lm.Consent(given_on=datetime(2027, 1, 4).date()),
            )
            proposal = lm.compose(
                CAT.format("home_meeting"),
                case=case,
                pool=[NURSE_N, SSA_N],
                start=datetime(2027, 1, day, 10, tzinfo=lm.COPENHAGEN),
            )
            meetings.append(proposal.meeting)
        assert [m.id for m in meetings] == [
            "home_meeting-k-TB-01-20270112T1000",
            "home_meeting-k-TB-02-20270113T1000",
        ]
        text = lm.to_ical(meetings, stamp=datetime(2027, 1, 1, tzinfo=lm.COPENHAGEN))
        assert text.count("\r\nUID:") == 2

    def test_what_goes_into_it(self) -> None:
        fmt = CAT.format("course_day")
        proposal = lm.compose(fmt, pool=[NURSE_N], start=MONDAY_10, cohort=NORTH_COHORT)
        assert proposal.meeting.id == (
            f"course_day-{NORTH_COHORT.id}-{MONDAY_10:%Y%m%dT%H%M}"
        )

    def test_given(self) -> None:
        proposal = lm.compose(
            CAT.format("learning_meeting"),
            pool=[NURSE_N],
            start=MONDAY_10,
            meeting_id="laering-1",
        )
        assert proposal.meeting.id == "laering-1"

    def test_long_parts_stay_an_identifier(self) -> None:
        case = attrs.evolve(CASE, id="k" * 200)
        proposal = lm.compose(
            CAT.format("learning_meeting"), case=case, pool=[NURSE_N], start=MONDAY_10
        )
        other = lm.compose(
            CAT.format("learning_meeting"),
            case=attrs.evolve(case, id="k" * 199 + "j"),
            pool=[NURSE_N],
            start=MONDAY_10,
        )
        assert len(proposal.meeting.id) == 200
        assert proposal.meeting.id != other.meeting.id
