"""What makes a meeting learning: a qualified, trained facilitator, and reflection;
and the formats for leaders and key persons are for those who hold the role."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from examples import NURSE_N, NURSE_S, OT_N, PT_N, SSA_N, WARD_NURSE, attend, pro
from learnmeet import strategies as lst
from learnmeet.rules import _facilitation
from rule_cases import (
    BreachTable,
    each_rule_tests,
    with_attendees,
    with_changes,
)

F = lm.AttendeeRole.FACILITATOR
TRAINING = {lm.FACILITATOR_COURSE}
# Trained to facilitate, but not registered as facilitator or key person.
TRAINED_SSA = attrs.evolve(SSA_N, completed_courses=SSA_N.completed_courses | TRAINING)
# A key person who has not been on the facilitator training.
UNTRAINED_KEY = attrs.evolve(
    NURSE_N, completed_courses=NURSE_N.completed_courses - TRAINING
)
# A nurse of the home care, with no staff role.
NURSE = pro("p-40", "nurse", NURSE_N.unit)

BREACHES: BreachTable = {
    "LM117": (
        lambda: with_attendees(
            "learning_meeting", attend(NURSE_N), attend(SSA_N), attend(PT_N)
        ),
    ),
    "LM118": (lambda: with_changes("audit", reflection=None),),
    "LM122": (lambda: with_changes("operational_meeting", reflection=None),),
    "LM124": (
        lambda: with_attendees(
            "learning_meeting", attend(TRAINED_SSA, F), attend(NURSE_N), attend(PT_N)
        ),
    ),
    "LM145": (
        lambda: with_attendees(
            "leaders_network", attend(WARD_NURSE), attend(NURSE_N), attend(NURSE_S)
        ),
        lambda: with_attendees(
            "key_person_network", attend(OT_N, F), attend(NURSE_N), attend(NURSE)
        ),
    ),
    "LM146": (
        lambda: with_attendees(
            "learning_meeting", attend(UNTRAINED_KEY, F), attend(SSA_N), attend(PT_N)
        ),
        lambda: with_attendees(
            "key_person_network",
            attend(UNTRAINED_KEY, F),
            attend(NURSE_S),
            attend(attrs.evolve(OT_N, roles={lm.StaffRole.KEY_PERSON})),
        ),
    ),
}


TestEachRule = each_rule_tests(BREACHES, _facilitation)


class TestSeverity:
    """Everyday work without learning is an opportunity, not a fault."""

    def test_operations_without_learning_is_a_note(self) -> None:
        report = lm.validate(BREACHES["LM122"][0]())
        assert report.ok
        assert len(report.infos) == 1

    def test_everyday_work_a_place_for_development(self) -> None:
        """Esbjerg's "gør drift til udvikling" in English a reader would use."""
        (note,) = lm.validate(BREACHES["LM122"][0]()).infos
        assert "make everyday work a place for development" in note.message.en
        assert "gør drift til udvikling" in note.message.da
        assert "operations into development" not in note.message.en

    def test_an_unqualified_facilitator_is_a_warning(self) -> None:
        report = lm.validate(BREACHES["LM124"][0]())
        assert report.ok
        assert [str(v.subject) for v in report.warnings] == [SSA_N.key]


class TestTheFacilitator:
    """A facilitator who declined facilitates nothing."""

    def test_a_declined_facilitator_is_none(self) -> None:
        meeting = with_attendees(
            "learning_meeting",
            attend(NURSE_N, F, lm.Rsvp.DECLINED),
            attend(SSA_N),
            attend(PT_N),
        )
        assert "LM117" in lm.validate(meeting).codes


class TestWhoMayAttend:
    """A format for leaders or key persons is for those who hold the role; the
    one who facilitates it (a consultant, a teacher) need not hold it."""

    def test_the_finding_names_each_attendee_without_the_role(self) -> None:
        report = lm.validate(BREACHES["LM145"][0]())
        assert report.ok  # a warning: the role may only be unrecorded
        assert [str(v.subject) for v in report.warnings] == [
            NURSE_N.key,
            NURSE_S.key,
        ]

    def test_the_facilitator_need_not_hold_the_role(self) -> None:
        meeting = with_attendees(
            "key_person_network", attend(OT_N, F), attend(NURSE_N), attend(NURSE_S)
        )
        assert lm.FACILITATOR_COURSE in OT_N.completed_courses
        assert lm.StaffRole.KEY_PERSON not in OT_N.roles
        assert lm.validate(meeting).codes == frozenset()

    def test_someone_who_declined_is_not_asked(self) -> None:
        meeting = with_attendees(
            "leaders_network",
            attend(WARD_NURSE),
            attend(pro("l-8", "nurse", NURSE_N.unit, lm.StaffRole.LEADER)),
            attend(pro("l-9", "gp", PT_N.unit, lm.StaffRole.LEADER)),
            attend(NURSE, rsvp=lm.Rsvp.DECLINED),
        )
        assert "LM145" not in lm.validate(meeting).codes

    def test_a_format_of_your_own_sets_the_role(self) -> None:
        fmt = lm.DEFAULT_CATALOG.format("operational_meeting")
        leaders_only = attrs.evolve(
            fmt,
            code="leaders_meeting",
            requirements=attrs.evolve(
                fmt.requirements, required_role=lm.StaffRole.LEADER
            ),
        )
        meeting = attrs.evolve(with_changes("operational_meeting"), format=leaders_only)
        assert lm.validate(meeting).codes == {"LM145"}

    def test_the_message_names_the_role_by_its_label(self) -> None:
        report = lm.validate(BREACHES["LM145"][0]())
        message = report.violations[0].message
        assert "leder" in message.da
        assert "leader" in message.en
        assert "har ikke rollen som " in message.da
        assert "does not hold the role of " in message.en
        assert "key_person" not in message.da + message.en


class TestTrainedFacilitator:
    """Whoever facilitates a learning meeting has completed the facilitator
    training: a warning, for the seeds say facilitation takes training, not
    that an untrained colleague must not lead."""

    def test_an_untrained_facilitator_is_a_warning(self) -> None:
        report = lm.validate(BREACHES["LM146"][0]())
        assert report.ok
        assert [str(v.subject) for v in report.warnings] == [UNTRAINED_KEY.key]
        (warning,) = report.warnings
        assert "tilmeld vedkommende facilitatoruddannelsen" in warning.message.da

    def test_only_facilitators_need_the_training(self) -> None:
        meeting = with_attendees(
            "learning_meeting", attend(NURSE_S, F), attend(UNTRAINED_KEY), attend(PT_N)
        )
        assert lm.validate(meeting).codes == frozenset()

    @pytest.mark.parametrize("code", ["study_visit", "facilitator_training"])
    def test_formats_without_the_course_ask_nothing(self, code: str) -> None:
        fmt = lm.DEFAULT_CATALOG.format(code)
        assert fmt.requirements.facilitator_course is None
        applies = lm.DEFAULT_RULES.rule("LM146").applies
        assert applies is not None
        assert not applies(fmt)

    def test_the_course_is_data(self) -> None:
        fmt = lm.DEFAULT_CATALOG.format("learning_meeting")
        own = attrs.evolve(
            fmt,
            requirements=attrs.evolve(
                fmt.requirements, facilitator_course="esbjerg_facilitation"
            ),
        )
        meeting = attrs.evolve(with_changes("learning_meeting"), format=own)
        assert lm.validate(meeting).codes == {"LM146"}

    def test_the_message_shows_no_course_code(self) -> None:
        message = lm.validate(BREACHES["LM146"][0]()).violations[0].message
        assert "facilitatoruddannelse" in message.da
        assert "facilitator training" in message.en
        assert lm.FACILITATOR_COURSE not in message.da + message.en


class TestProperties:
    """For any valid meeting of a format for key persons, taking the role
    from one attendee (not the facilitator) is found for that attendee only;
    untraining the facilitator of any learning meeting is found for them."""

    @settings(max_examples=25)
    @given(lst.meetings(format="key_person_network"), st.data())
    def test_the_attendee_without_the_role_is_named(
        self, meeting: lm.Meeting, data: st.DataObject
    ) -> None:
        others = [
            a
            for a in meeting.attendees
            if isinstance(a.person, lm.Professional)
            and a.role is not lm.AttendeeRole.FACILITATOR
        ]
        chosen = data.draw(st.sampled_from(others))
        person = chosen.person
        assert isinstance(person, lm.Professional)
        stripped = attrs.evolve(person, roles=person.roles - {lm.StaffRole.KEY_PERSON})
        changed = attrs.evolve(
            meeting,
            attendees=[
                attrs.evolve(a, person=stripped) if a is chosen else a
                for a in meeting.attendees
            ],
        )
        found = [v for v in lm.validate(changed).violations if v.code == "LM145"]
        assert [str(v.subject) for v in found] == [person.key]

    @settings(max_examples=25)
    @given(lst.meetings(format="learning_meeting"))
    def test_the_untrained_facilitator_is_named(self, meeting: lm.Meeting) -> None:
        (lead,) = [
            a for a in meeting.attendees if a.role is lm.AttendeeRole.FACILITATOR
        ]
        person = lead.person
        assert isinstance(person, lm.Professional)
        untrained = attrs.evolve(
            person,
            completed_courses=person.completed_courses - TRAINING,
            completions=[c for c in person.completions if c.course not in TRAINING],
        )
        changed = attrs.evolve(
            meeting,
            attendees=[
                attrs.evolve(a, person=untrained) if a is lead else a
                for a in meeting.attendees
            ],
        )
        found = [v for v in lm.validate(changed).violations if v.code == "LM146"]
        assert [str(v.subject) for v in found] == [person.key]


class TestAnExpiredTraining:
    """A facilitator training that expired before the meeting's day is no
    training on that day, and the warning says when it expired (the expiry
    date is the last day it counts)."""

    def _trained(self, expires: date) -> lm.Professional:
        done = lm.CourseCompletion(
            course=lm.FACILITATOR_COURSE,
            completed_on=expires - timedelta(days=3 * 365),
            expires_on=expires,
        )
        return attrs.evolve(UNTRAINED_KEY, completions=[done])

    def test_valid_on_the_day_is_trained(self) -> None:
        meeting = BREACHES["LM146"][0]()
        day = meeting.start.date()
        person = self._trained(day)  # the last day it counts
        fixed = with_attendees(
            "learning_meeting", attend(person, F), attend(SSA_N), attend(PT_N)
        )
        assert lm.validate(fixed).codes == frozenset()

    def test_expired_the_day_before_is_untrained(self) -> None:
        meeting = BREACHES["LM146"][0]()
        last = meeting.start.date() - timedelta(days=1)
        person = self._trained(last)
        lapsed = with_attendees(
            "learning_meeting", attend(person, F), attend(SSA_N), attend(PT_N)
        )
        (warning,) = lm.validate(lapsed).warnings
        assert warning.code == "LM146"
        assert f"valid until {last.isoformat()} inclusive" in warning.message.en
        assert f"gyldigt til og med {last.isoformat()}" in warning.message.da
        assert "(expired: completed" in warning.message.en
