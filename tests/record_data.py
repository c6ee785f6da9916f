"""A small synthetic municipality with a history, for the learning record's tests.

Home care (municipality, area nord) meets the hospital ward (region) at a held
learning meeting; a course day is planned in 2027; a volunteer attends; one
meeting is cancelled, one has an attendance not recorded.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import learnmeet as lm

CAT = lm.DEFAULT_CATALOG
CPH = lm.COPENHAGEN
NORD = lm.Area("nord", lm.Label(da="Nord", en="North"), organisation="kommune")
KOMMUNE = lm.Organisation("kommune", "Eksempel Kommune", CAT.sector("municipality"))
REGION = lm.Organisation("region", "Eksempel Hospital", CAT.sector("hospital"))
FORENING = lm.Organisation("forening", "Eksempel Forening", CAT.sector("civil_society"))
HOME = lm.Unit(id="u-home", name="Hjemmepleje Nord", organisation=KOMMUNE, area=NORD)
WARD = lm.Unit(id="u-ward", name="Medicinsk afsnit", organisation=REGION)
WATCH = lm.Unit(id="u-watch", name="Vågetjeneste", organisation=FORENING, area=NORD)

NURSE = lm.Professional(
    id="p-nurse",
    profession=CAT.profession("nurse"),
    unit=HOME,
    roles={lm.StaffRole.FACILITATOR},
    display_name="SN (eksempel)",
)
SOSU = lm.Professional(
    id="p-sosu",
    profession=CAT.profession("sosu_assistant"),
    unit=HOME,
    completed_courses={"palliation_sosu"},
)
DOCTOR = lm.Professional(
    id="p-doctor", profession=CAT.profession("hospital_doctor"), unit=WARD
)
WARD_NURSE = lm.Professional(
    id="p-wardnurse", profession=CAT.profession("nurse"), unit=WARD
)
VOLUNTEER = lm.Professional(
    id="p-volunteer", unit=WATCH, participant_type=lm.ParticipantType.VOLUNTEER
)
STAFF = (NURSE, SOSU, DOCTOR, WARD_NURSE, VOLUNTEER)
CASE = lm.CitizenCase(
    id="case-1",
    citizen=lm.Citizen("B-901"),
    care_team=[NURSE, SOSU, DOCTOR],
    origin=lm.CaseOrigin.CONCRETE,
)

YES, NO, UNKNOWN = lm.Attendance.YES, lm.Attendance.NO, lm.Attendance.UNKNOWN
ROLE = lm.AttendeeRole


def attendee(
    person: lm.Professional,
    role: lm.AttendeeRole = ROLE.PARTICIPANT,
    came: lm.Attendance = YES,
) -> lm.Attendee:
    return lm.Attendee(person=person, role=role, attended=came)


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=CPH)


LEARNING = lm.Meeting(
    id="m-learn",
    format=CAT.format("learning_meeting"),
    start=at(date(2026, 9, 8)),
    duration=timedelta(hours=1),
    attendees=[
        attendee(NURSE, ROLE.FACILITATOR),
        attendee(SOSU, ROLE.CASE_PRESENTER),
        attendee(DOCTOR),
        attendee(WARD_NURSE, came=NO),
        lm.Attendee(
            person=CASE.citizen,
            role=ROLE.CITIZEN,
            participation=lm.Participation.INFORMATION_ONLY,
        ),
    ],
    case=CASE,
    reflection=lm.Reflection("kolb"),
    status=lm.MeetingStatus.HELD,
    title="B-901",
)
OPERATIONAL = lm.Meeting(
    id="m-operational",
    format=CAT.format("operational_meeting"),
    start=at(date(2026, 10, 6)),
    duration=timedelta(hours=1),
    attendees=[
        attendee(NURSE),
        attendee(WARD_NURSE),
        attendee(VOLUNTEER, came=UNKNOWN),
    ],
    status=lm.MeetingStatus.HELD,
)
REFLECTED = lm.Meeting(
    id="m-reflected",
    format=CAT.format("operational_meeting"),
    start=at(date(2026, 10, 20)),
    duration=timedelta(hours=1),
    attendees=[attendee(NURSE, ROLE.FACILITATOR), attendee(VOLUNTEER)],
    reflection=lm.Reflection("after_action_review"),
    status=lm.MeetingStatus.HELD,
)
CANCELLED = lm.Meeting(
    id="m-cancelled",
    format=CAT.format("learning_meeting"),
    start=at(date(2026, 11, 3)),
    duration=timedelta(hours=1),
    attendees=[attendee(NURSE, ROLE.FACILITATOR), attendee(DOCTOR)],
    case=CASE,
    status=lm.MeetingStatus.CANCELLED,
    cancellation=lm.Cancellation(lm.CancellationReason.ILLNESS),
)
COURSE_DAY = lm.Meeting(
    id="m-courseday",
    format=CAT.format("course_day"),
    start=at(date(2027, 2, 2), 9),
    duration=timedelta(hours=6),
    attendees=[attendee(NURSE, came=UNKNOWN), attendee(SOSU, came=UNKNOWN)],
    cohort=lm.Cohort("hold-nord", NORD),
)
LATER = lm.Meeting(
    id="m-later",
    format=CAT.format("learning_meeting"),
    start=at(date(2026, 12, 15)),
    duration=timedelta(hours=1),
    attendees=[attendee(NURSE, ROLE.FACILITATOR), attendee(DOCTOR)],
    case=CASE,
    status=lm.MeetingStatus.HELD,
)
MEETINGS = (LEARNING, OPERATIONAL, REFLECTED, CANCELLED, COURSE_DAY, LATER)
ON = date(2026, 12, 1)


def scenario(**changes: object) -> lm.Scenario:
    """The small municipality, with *changes* to its fields."""
    fields: dict[str, object] = {
        "name": "Eksempel",
        "areas": [NORD],
        "organisations": [KOMMUNE, REGION, FORENING],
        "units": [HOME, WARD, WATCH],
        "professionals": STAFF,
        "cases": [CASE],
        "meetings": MEETINGS,
    }
    fields.update(changes)
    return lm.Scenario(**fields)  # type: ignore[arg-type]
