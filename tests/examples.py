"""Hand-built example values: one valid meeting of every built-in format.

These are written out by hand, independently of ``learnmeet.strategies``, so the
rule tests have an oracle that does not share code with the generators.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import learnmeet as lm

CAT = lm.DEFAULT_CATALOG
CPH = lm.COPENHAGEN
MONDAY_10 = datetime(2027, 3, 1, 10, 0, tzinfo=CPH)

NORTH = lm.Area("nord", lm.Label(da="Nord", en="North"), organisation="k")
SOUTH = lm.Area("syd", lm.Label(da="Syd", en="South"), organisation="k")
KOMMUNE = lm.Organisation("k", "Eksempel Kommune", CAT.sector("municipality"))
HOSPITAL = lm.Organisation("h", "Eksempel Hospital", CAT.sector("hospital"))
PRACTICE = lm.Organisation("lp", "Eksempel Lægehus", CAT.sector("general_practice"))
HOME_CARE_N = lm.Unit(
    id="hj-n", name="Hjemmepleje Nord", organisation=KOMMUNE, area=NORTH
)
HOME_CARE_S = lm.Unit(
    id="hj-s", name="Hjemmepleje Syd", organisation=KOMMUNE, area=SOUTH
)
REHAB_N = lm.Unit(id="tr-n", name="Træning Nord", organisation=KOMMUNE, area=NORTH)
WARD = lm.Unit(id="med", name="Medicinsk afdeling", organisation=HOSPITAL)
CLINIC = lm.Unit(id="lp1", name="Lægehuset", organisation=PRACTICE)
COURSE = lm.MONOPROFESSIONAL_COURSE
FACILITATING = {lm.StaffRole.KEY_PERSON, lm.StaffRole.FACILITATOR}


def pro(
    id: str,
    profession: str,
    unit: lm.Unit,
    *roles: lm.StaffRole,
    course: bool = True,
) -> lm.Professional:
    """A professional; by default with their profession's course completed.

    The course the built-in course day asks of their profession (its group's
    palliation course, or the general one). Key persons and facilitators have
    completed the facilitator training too.
    """
    trained = {lm.FACILITATOR_COURSE} if FACILITATING & set(roles) else set()
    kind = CAT.profession(profession)
    own = CAT.format("course_day").requirements.prerequisite_for(kind)
    return lm.Professional(
        id=id,
        profession=kind,
        unit=unit,
        roles=roles,
        completed_courses=({own or COURSE} if course else set()) | trained,
    )


NURSE_N = pro("p-01", "nurse", HOME_CARE_N, lm.StaffRole.KEY_PERSON)
SSA_N = pro("p-02", "sosu_assistant", HOME_CARE_N)
SSH_N = pro("p-03", "sosu_helper", HOME_CARE_N)
PT_N = pro("p-04", "physiotherapist", REHAB_N)
OT_N = pro("p-05", "occupational_therapist", REHAB_N, lm.StaffRole.FACILITATOR)
DOCTOR = pro("p-06", "hospital_doctor", WARD)
WARD_NURSE = pro("p-07", "nurse", WARD, lm.StaffRole.LEADER)
GP = pro("p-08", "gp", CLINIC)
SSA_S = pro("p-09", "sosu_assistant", HOME_CARE_S)
NURSE_S = pro("p-10", "nurse", HOME_CARE_S, lm.StaffRole.KEY_PERSON)
WARD_PT = pro("p-11", "physiotherapist", WARD)
WARD_OT = pro("p-12", "occupational_therapist", WARD)

CITIZEN = lm.Citizen("B-101")
RELATIVE = lm.Relative(id="B-101-R1", citizen="B-101", relation=lm.Relation.SPOUSE)
DISCHARGE = lm.Transition(
    on=date(2027, 1, 20),
    from_sector=CAT.sector("hospital"),
    to_sector=CAT.sector("municipality"),
    kind=lm.TransitionKind.DISCHARGE,
    documents={
        lm.HandoverDocument.DISCHARGE_SUMMARY,
        lm.HandoverDocument.REHABILITATION_PLAN,
    },
    rehabilitation_needed=True,
)
CASE = lm.CitizenCase(
    id="c-101",
    citizen=CITIZEN,
    palliative_level=lm.PalliativeLevel.BASIC,
    care_team=[NURSE_N, SSA_N, SSH_N, PT_N, GP],
    relatives=[RELATIVE],
    transitions=[DISCHARGE],
    consent=lm.Consent(given_on=date(2027, 1, 25)),
)
FICTIONAL = lm.CitizenCase(
    id="c-fic", citizen=lm.Citizen("F-1"), origin=lm.CaseOrigin.FICTIONAL
)
REFLECTION = lm.Reflection(
    "case", [lm.Label(da="Hvad har vi lært?", en="What have we learned?")]
)
NORTH_COHORT = lm.Cohort("hold-nord", NORTH)


def attend(
    person: lm.Person,
    role: lm.AttendeeRole = lm.AttendeeRole.PARTICIPANT,
    rsvp: lm.Rsvp = lm.Rsvp.ACCEPTED,
) -> lm.Attendee:
    """An attendee who has accepted."""
    return lm.Attendee(person=person, role=role, rsvp=rsvp)


def _meeting(code: str, **fields: object) -> lm.Meeting:
    fmt = CAT.format(code)
    return lm.Meeting(  # type: ignore[misc]
        id=f"m-{code}",
        format=fmt,
        start=MONDAY_10,
        duration=timedelta(minutes=60),
        **fields,
    )


F, H, P = lm.AttendeeRole.FACILITATOR, lm.AttendeeRole.HOST, lm.AttendeeRole.PARTICIPANT
KEY, LEADER = lm.StaffRole.KEY_PERSON, lm.StaffRole.LEADER


def valid_meetings() -> dict[str, lm.Meeting]:
    """One meeting of every built-in format that validates with no violation."""
    return {
        "learning_meeting": _meeting(
            "learning_meeting",
            attendees=[attend(NURSE_N, F), attend(SSA_N), attend(PT_N), attend(GP)],
            case=CASE,
            reflection=REFLECTION,
        ),
        "home_meeting": _meeting(
            "home_meeting",
            location=lm.Location(lm.LocationKind.CITIZEN_HOME),
            attendees=[
                attend(NURSE_N),
                attend(SSA_N),
                attend(CITIZEN, lm.AttendeeRole.CITIZEN),
                attend(RELATIVE, lm.AttendeeRole.RELATIVE),
            ],
            case=CASE,
            reflection=REFLECTION,
        ),
        "mono_course": _meeting(
            "mono_course",
            attendees=[attend(p) for p in (NURSE_N, NURSE_S, WARD_NURSE)]
            + [
                attend(pro(f"n-{i}", "nurse", HOME_CARE_N, course=False))
                for i in range(5)
            ],
            reflection=REFLECTION,
        ),
        "course_day": _meeting(
            "course_day",
            attendees=[attend(NURSE_N, F), attend(SSA_N), attend(SSH_N), attend(PT_N)]
            + [attend(pro(f"c-{i}", "sosu_helper", HOME_CARE_N)) for i in range(8)],
            cohort=NORTH_COHORT,
            reflection=REFLECTION,
        ),
        "study_visit": _meeting(
            "study_visit",
            attendees=[attend(WARD_NURSE, H), attend(NURSE_N), attend(SSA_N)],
            reflection=REFLECTION,
        ),
        "audit": _meeting(
            "audit",
            attendees=[attend(OT_N, F), attend(NURSE_N), attend(DOCTOR), attend(PT_N)],
            case=CASE,
            reflection=REFLECTION,
        ),
        "roadshow": _meeting(
            "roadshow",
            attendees=[
                attend(NURSE_N, H),
                attend(SSA_N),
                attend(SSH_N),
                attend(DOCTOR),
            ],
            reflection=REFLECTION,
        ),
        "operational_meeting": _meeting(
            "operational_meeting",
            attendees=[attend(NURSE_N), attend(SSA_N)],
            reflection=REFLECTION,
        ),
        "key_person_network": _meeting(
            "key_person_network",
            attendees=[attend(OT_N, F), attend(NURSE_N), attend(NURSE_S)],
            reflection=REFLECTION,
        ),
        "facilitator_training": _meeting(
            "facilitator_training",
            attendees=[attend(NURSE_N), attend(NURSE_S)]
            + [
                attend(pro(f"k-{i}", "sosu_assistant", HOME_CARE_S, KEY))
                for i in range(4)
            ],
        ),
        "leaders_network": _meeting(
            "leaders_network",
            attendees=[
                attend(WARD_NURSE),
                attend(pro("l-1", "nurse", HOME_CARE_N, LEADER)),
                attend(pro("l-2", "physiotherapist", REHAB_N, LEADER)),
            ],
            reflection=REFLECTION,
        ),
    }


def crowded_area(staff: int = 64) -> lm.Scenario:
    """One area's home care with *staff* people who have all done the course.

    A course day takes 24, so with 64 the other 40 end on its waiting list
    (the case ``waiting_list_not_reported`` of issue 14).
    """
    kinds = ("nurse", "sosu_assistant", "sosu_helper", "physiotherapist")
    people = [
        pro(f"v-{n:03d}", kinds[n % len(kinds)], HOME_CARE_N) for n in range(staff)
    ]
    people[0] = pro("v-000", "nurse", HOME_CARE_N, lm.StaffRole.KEY_PERSON)
    return lm.Scenario(
        name="Fuldt område (syntetisk)",
        areas=[NORTH],
        organisations=[KOMMUNE],
        units=[HOME_CARE_N],
        professionals=people,
    )
