"""Meetings and attendees: who may attend as whom, and what a meeting knows."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from examples import (
    CASE,
    CITIZEN,
    DOCTOR,
    GP,
    NURSE_N,
    RELATIVE,
    SSA_N,
    attend,
    valid_meetings,
)
from learnmeet import strategies as lst

VALID = valid_meetings()
MEETING = VALID["learning_meeting"]


class TestAttendees:
    """The citizen attends as the citizen, a relative as a relative, staff otherwise."""

    @pytest.mark.parametrize(
        ("person", "role"),
        [
            (CITIZEN, lm.AttendeeRole.PARTICIPANT),
            (RELATIVE, lm.AttendeeRole.CITIZEN),
            (NURSE_N, lm.AttendeeRole.CITIZEN),
            (NURSE_N, lm.AttendeeRole.RELATIVE),
        ],
    )
    def test_role_fits_the_person(
        self, person: lm.Person, role: lm.AttendeeRole
    ) -> None:
        with pytest.raises(lm.InvalidValueError, match="role"):
            lm.Attendee(person=person, role=role)

    def test_a_person_listed_twice(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="listed twice") as info:
            attrs.evolve(
                MEETING, attendees=[attend(NURSE_N), attend(SSA_N), attend(NURSE_N)]
            )
        assert "[2]" in str(info.value)

    def test_citizen_must_be_the_case_citizen(self) -> None:
        other = lm.Citizen("B-999")
        with pytest.raises(lm.InvalidValueError, match="B-101"):
            attrs.evolve(
                MEETING,
                attendees=[*MEETING.attendees, attend(other, lm.AttendeeRole.CITIZEN)],
            )

    def test_citizen_needs_a_case(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="no case"):
            lm.Meeting(
                id="m",
                format=MEETING.format,
                start=MEETING.start,
                duration=MEETING.duration,
                attendees=[attend(CITIZEN, lm.AttendeeRole.CITIZEN)],
            )

    def test_relative_of_another_citizen(self) -> None:
        stranger = lm.Relative(id="X-R1", citizen="B-999")
        with pytest.raises(lm.InvalidValueError, match="relative"):
            attrs.evolve(
                MEETING,
                attendees=[
                    *MEETING.attendees,
                    attend(stranger, lm.AttendeeRole.RELATIVE),
                ],
            )

    def test_professional_property(self) -> None:
        assert attend(NURSE_N).professional == NURSE_N
        assert attend(CITIZEN, lm.AttendeeRole.CITIZEN).professional is None


class TestTentative:
    """A tentative meeting (a course day below its minimum fill) is planned but
    not sure: RFC 5545's TENTATIVE, FHIR's "proposed"; it reads back as
    itself and can still be cancelled."""

    def test_labels(self) -> None:
        status = lm.MeetingStatus("tentative")
        assert status is lm.MeetingStatus.TENTATIVE
        assert (status.label.da, status.label.en) == ("foreløbig", "tentative")

    def test_round_trip(self) -> None:
        maybe = attrs.evolve(MEETING, status=lm.MeetingStatus.TENTATIVE)
        assert lm.to_dict(maybe)["data"]["status"] == "tentative"
        assert lm.from_json(lm.Meeting, lm.to_json(maybe)) == maybe

    def test_can_be_cancelled(self) -> None:
        maybe = attrs.evolve(MEETING, status=lm.MeetingStatus.TENTATIVE)
        off = attrs.evolve(
            maybe,
            status=lm.MeetingStatus.CANCELLED,
            cancellation=lm.Cancellation(lm.CancellationReason.LOW_ENROLMENT),
        )
        assert off.status is lm.MeetingStatus.CANCELLED


class TestCancellation:
    """A cancellation carries a reason and belongs only to a cancelled meeting."""

    def test_cancelled_needs_a_reason(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="needs a cancellation"):
            attrs.evolve(MEETING, status=lm.MeetingStatus.CANCELLED)

    def test_reason_only_when_cancelled(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="only a cancelled"):
            attrs.evolve(
                MEETING, cancellation=lm.Cancellation(lm.CancellationReason.ILLNESS)
            )

    def test_every_reason_of_the_seeds(self) -> None:
        codes = {r.code for r in lm.CancellationReason}
        assert {
            "illness",
            "pandemic",
            "staff_shortage",
            "low_enrolment",
            "citizen_declined",
            "citizen_deceased",
            "other",
        } == codes


class TestKeepingThemApart:
    """Interdisciplinary means professions; cross-sectoral means sectors."""

    def test_interdisciplinary_but_one_sector(self) -> None:
        meeting = attrs.evolve(MEETING, attendees=[attend(NURSE_N), attend(SSA_N)])
        assert meeting.is_interdisciplinary
        assert not meeting.is_cross_sectoral

    def test_cross_sectoral_but_monoprofessional(self) -> None:
        ward_nurse = attrs.evolve(NURSE_N, id="w-1", unit=DOCTOR.unit)
        meeting = attrs.evolve(MEETING, attendees=[attend(NURSE_N), attend(ward_nurse)])
        assert not meeting.is_interdisciplinary
        assert meeting.is_cross_sectoral
        assert meeting.professions == {"nurse"}
        assert meeting.sectors == {"municipality", "hospital"}

    def test_attendee_lookup(self) -> None:
        assert MEETING.attendee(GP.key) is not None
        assert MEETING.attendee("professional:nobody") is None


class TestHeading:
    """A meeting's heading names its format once, in the output's language,
    then the title as given (case english_plan_has_danish_titles)."""

    def test_format_then_title(self) -> None:
        meeting = attrs.evolve(VALID["audit"], title="B-314")
        assert meeting.heading() == "tværsektoriel audit: B-314"
        assert meeting.heading("en") == "cross-sectoral audit: B-314"

    def test_without_a_title_the_format_alone(self) -> None:
        meeting = attrs.evolve(VALID["home_meeting"], title="")
        assert meeting.heading("da") == "møde hos borgeren"
        assert meeting.heading("en") == "meeting in the citizen's home"

    def test_a_course_session_names_its_area(self) -> None:
        area = lm.Area("vest", lm.Label(da="Område Vest", en="West district"))
        day = attrs.evolve(
            VALID["course_day"], cohort=lm.Cohort("hold-vest", area), title=""
        )
        assert day.heading("da") == "tværfaglig kursusdag, Område Vest"
        assert day.heading("en") == "interdisciplinary course day, West district"

    def test_a_title_the_user_gave_is_kept(self) -> None:
        meeting = attrs.evolve(MEETING, title="Fredagsrefleksion")
        assert meeting.heading("en").endswith(": Fredagsrefleksion")

    @given(st.sampled_from(sorted(VALID)), st.sampled_from(["da", "en"]))
    def test_the_format_is_named_once(self, code: str, lang: lm.Lang) -> None:
        meeting = attrs.evolve(VALID[code], title="B-1")
        label = meeting.format.label.get(lang)
        assert meeting.heading(lang).count(label) == 1
        assert meeting.heading(lang).startswith(label)

    @given(lst.meetings(), st.sampled_from(["da", "en"]))
    def test_any_meeting_format_area_then_title(
        self, meeting: lm.Meeting, lang: lm.Lang
    ) -> None:
        heading = meeting.heading(lang)
        assert heading.startswith(meeting.format.label.get(lang))
        if meeting.cohort is not None:
            assert f", {meeting.cohort.area.label.get(lang)}" in heading
        assert heading.endswith(f": {meeting.title}" if meeting.title else "")

    def test_an_unknown_language_is_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            MEETING.heading("de")  # type: ignore[arg-type]


class TestRoleLabels:
    """Attendee roles read as Danish staff write them (issue 17)."""

    def test_the_case_presenter_is_one_word(self) -> None:
        assert lm.AttendeeRole.CASE_PRESENTER.label.da == "casefremlægger"
        assert lm.AttendeeRole.CASE_PRESENTER.label.en == "case presenter"


class TestImmutability:
    """Values never change; evolve makes a new, validated one."""

    def test_frozen(self) -> None:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            MEETING.title = "x"  # type: ignore[misc]

    def test_lists_become_tuples(self) -> None:
        meeting = attrs.evolve(MEETING, attendees=list(MEETING.attendees))
        assert isinstance(meeting.attendees, tuple)
        assert isinstance(NURSE_N.roles, frozenset)

    def test_hashable(self) -> None:
        assert len({MEETING, attrs.evolve(MEETING)}) == 1
        assert CASE in {CASE}


# -- the fused constructors -----------------------------------------------------
#
# Meeting and Attendee set the usual, plainly valid value themselves and hand
# anything else to attrs' own __init__ (``__attrs_init__``). These tests hold
# the two paths equal: the same value for what both take, the same error
# (type, reason, fix, where, path) for what they refuse.


class _Text(str):
    """A str subclass: the fused path leaves it to the validators."""


class _Professional(lm.Professional):
    """A subclass: the fused path leaves it to the validators."""


_CPH = lm.COPENHAGEN
_NOT_A_ZONE = type("_Zone", (), {})


def _values_of(cls: type) -> st.SearchStrategy[object]:
    return st.sampled_from(list(cls))


_PEOPLE = st.sampled_from(
    [
        NURSE_N,
        SSA_N,
        DOCTOR,
        GP,
        CITIZEN,
        RELATIVE,
        lm.Citizen("B-999"),
        lm.Relative(id="B-999-R1", citizen="B-999"),
        _Professional(id="p-sub", profession=NURSE_N.profession, unit=NURSE_N.unit),
        "p-01",
        None,
    ]
)
_ODD = st.sampled_from(["planned", "required", None, 3, _Text("x")])


@st.composite
def _attendee_fields(draw: st.DrawFn) -> dict[str, object]:
    fields: dict[str, object] = {
        "person": draw(_PEOPLE),
        "role": draw(_values_of(lm.AttendeeRole) | _ODD),
    }
    for name, cls in (
        ("participation", lm.Participation),
        ("rsvp", lm.Rsvp),
        ("attended", lm.Attendance),
    ):
        if draw(st.booleans()):
            fields[name] = draw(_values_of(cls) | _ODD)
    return fields


def _attendees_made(fields: dict[str, object]) -> object:
    try:
        return lm.Attendee(**fields)  # type: ignore[arg-type]
    except lm.LearnmeetError:
        return attend(NURSE_N)


_STARTS = st.one_of(
    st.datetimes(
        min_value=datetime(1899, 1, 1),
        max_value=datetime(9999, 12, 31),
        timezones=st.sampled_from(
            [_CPH, ZoneInfo("UTC"), ZoneInfo("CET"), timezone(timedelta(hours=2))]
        ),
    ),
    st.datetimes(),  # naive
    st.sampled_from(
        [
            datetime(2027, 3, 28, 2, 30, tzinfo=_CPH),  # in the spring gap
            datetime(2027, 10, 31, 2, 30, tzinfo=_CPH),  # the repeated hour
            datetime(2027, 10, 31, 2, 30, fold=1, tzinfo=_CPH),
            datetime(9998, 12, 31, 23, 30, tzinfo=_CPH),  # ends in 9999
            datetime(1890, 1, 1, 9, tzinfo=_CPH),  # local mean time
            date(2027, 1, 4),
            "2027-01-04T09:00:00+01:00",
            None,
        ]
    ),
)
_DURATIONS = st.one_of(
    st.timedeltas(min_value=timedelta(days=-1), max_value=timedelta(days=8)),
    st.integers(1, 10).map(lambda h: timedelta(hours=h)),
    st.sampled_from([60, 1.5, None, "PT1H"]),
)
_IDS = st.one_of(
    st.sampled_from(
        [
            "m-1",
            "a-longer-identifier-of-a-meeting",
            "",
            " m-1",
            "m-1 ",
            "   ",
            "x" * 200,
            "x" * 201,
            "0102031234",
            "møde 010203-1234",
            "m\x00",
            _Text("m-1"),
            3,
            None,
        ]
    ),
    st.text(max_size=12),
)


@st.composite
def _meeting_fields(draw: st.DrawFn) -> dict[str, object]:
    attendee_list = [
        _attendees_made(f) for f in draw(st.lists(_attendee_fields(), max_size=5))
    ]
    if attendee_list and draw(st.booleans()):  # someone twice
        attendee_list.append(draw(st.sampled_from(attendee_list)))
    attendees = draw(
        st.sampled_from(
            [
                attendee_list,
                tuple(attendee_list),
                [*attendee_list, "p-01"],
                "p-01",
                None,
            ]
        )
    )
    fields: dict[str, object] = {
        "id": draw(_IDS),
        "format": draw(
            st.sampled_from([lm.DEFAULT_CATALOG.format("learning_meeting"), "x"])
        ),
        "start": draw(_STARTS),
        "duration": draw(_DURATIONS),
        "attendees": attendees,
    }
    optional: dict[str, st.SearchStrategy[object]] = {
        "location": st.sampled_from(
            [lm.Location(lm.LocationKind.CITIZEN_HOME), "on_site", None]
        ),
        "case": st.sampled_from([None, CASE, "c-1"]),
        "reflection": st.sampled_from([None, lm.DEFAULT_REFLECTION, "gibbs"]),
        "status": _values_of(lm.MeetingStatus) | _ODD,
        "cancellation": st.sampled_from(
            [None, lm.Cancellation(lm.CancellationReason.ILLNESS), "illness"]
        ),
        "forum": st.one_of(st.none(), _IDS),
        "cohort": st.sampled_from(
            [None, lm.Cohort("hold-1", lm.Area("nord", lm.Label(da="N", en="N"))), "x"]
        ),
        "title": st.one_of(_IDS, st.text(max_size=30), st.just("x" * 10_001)),
    }
    for name, values in optional.items():
        if draw(st.booleans()):
            fields[name] = draw(values)
    return fields


def _both_ways(cls: type, fields: dict[str, object]) -> tuple[object, object]:
    """What ``cls(**fields)`` gives, and what attrs' own __init__ gives."""

    def outcome(make: Callable[[], object]) -> object:
        try:
            return make()
        except lm.LearnmeetError as error:
            return (type(error), error.reason, error.fix, error.where, error.path)

    def by_attrs() -> object:
        value = object.__new__(cls)
        value.__attrs_init__(**fields)  # type: ignore[attr-defined]
        return value

    return outcome(lambda: cls(**fields)), outcome(by_attrs)


def _same_fields(one: object, other: object) -> bool:
    names = [a.name for a in attrs.fields(type(one))]
    return all(
        getattr(one, n) is getattr(other, n)
        or (
            getattr(one, n) == getattr(other, n)
            and type(getattr(one, n)) is type(getattr(other, n))
        )
        for n in names
    )


class TestFusedConstruction:
    """The fused path and attrs' own __init__ agree on every input."""

    @given(_attendee_fields())
    def test_attendee_paths_agree(self, fields: dict[str, object]) -> None:
        fused, plain = _both_ways(lm.Attendee, fields)
        assert fused == plain
        if isinstance(fused, lm.Attendee):
            assert _same_fields(fused, plain)

    @given(_meeting_fields())
    def test_meeting_paths_agree(self, fields: dict[str, object]) -> None:
        fused, plain = _both_ways(lm.Meeting, fields)
        assert fused == plain
        if isinstance(fused, lm.Meeting):
            assert _same_fields(fused, plain)
            assert type(fused.attendees) is tuple

    def test_the_usual_meeting_takes_the_fused_path(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def refuse(self: object, **fields: object) -> None:
            raise AssertionError("attrs' __init__ was asked")

        meeting = lm.Meeting(
            id="m-1",
            format=MEETING.format,
            start=MEETING.start,
            duration=MEETING.duration,
            attendees=[attend(NURSE_N), attend(SSA_N)],
            case=CASE,
        )
        monkeypatch.setattr(lm.Meeting, "__attrs_init__", refuse)
        monkeypatch.setattr(lm.Attendee, "__attrs_init__", refuse)
        again = lm.Meeting(
            id="m-1",
            format=MEETING.format,
            start=MEETING.start,
            duration=MEETING.duration,
            attendees=[
                lm.Attendee(person=NURSE_N, role=lm.AttendeeRole.FACILITATOR),
                lm.Attendee(person=SSA_N, role=lm.AttendeeRole.PARTICIPANT),
            ],
            case=CASE,
        )
        assert again.id == meeting.id
        assert again.attendees[0].person is NURSE_N

    def test_a_citizen_takes_attrs_path(self, monkeypatch: pytest.MonkeyPatch) -> None:
        asked = []
        plain = lm.Meeting.__attrs_init__

        def spy(self: object, **fields: object) -> None:
            asked.append(fields)
            plain(self, **fields)  # type: ignore[arg-type]

        monkeypatch.setattr(lm.Meeting, "__attrs_init__", spy)
        lm.Meeting(
            id="m-1",
            format=MEETING.format,
            start=MEETING.start,
            duration=MEETING.duration,
            attendees=[attend(NURSE_N), attend(CITIZEN, lm.AttendeeRole.CITIZEN)],
            case=CASE,
        )
        assert len(asked) == 1

    @pytest.mark.parametrize("cls", [lm.Meeting, lm.Attendee])
    def test_signature_is_attrs_own(self, cls: type) -> None:
        fused = inspect.signature(cls.__init__)
        plain = inspect.signature(cls.__attrs_init__)  # type: ignore[attr-defined]
        assert list(fused.parameters.values()) == list(plain.parameters.values())


class TestInterdisciplinaryCountsProfessionsOnly:
    """Tværfaglig is more than one profession: a volunteer (frivillig) brings
    none, and a visitator who is a nurse is one more nurse (issue 17)."""

    WATCH = lm.Unit(
        id="vaagetjeneste",
        name="Vågetjeneste",
        organisation=lm.Organisation(
            "frivillig-center",
            "Frivilligcenter",
            lm.DEFAULT_CATALOG.sector("civil_society"),
        ),
    )
    HELPER = lm.Professional(
        id="v-7", unit=WATCH, participant_type=lm.ParticipantType.VOLUNTEER
    )
    ASSESSOR = lm.Professional(
        id="n-7",
        profession=lm.DEFAULT_CATALOG.profession("nurse"),
        unit=NURSE_N.unit,
        roles={lm.StaffRole.NEEDS_ASSESSOR},
    )

    def _nurses_and(self, other: lm.Professional) -> lm.Meeting:
        second = attrs.evolve(NURSE_N, id="n-8", roles=set())
        return attrs.evolve(
            MEETING,
            attendees=[
                attend(NURSE_N, lm.AttendeeRole.FACILITATOR),
                attend(second),
                attend(other),
            ],
            case=attrs.evolve(CASE, care_team=[NURSE_N, second, other]),
        )

    def test_nurses_and_a_volunteer_are_monoprofessional(self) -> None:
        meeting = self._nurses_and(self.HELPER)
        assert meeting.professions == {"nurse"}
        assert not meeting.is_interdisciplinary
        assert "LM101" in lm.validate(meeting).codes

    def test_nurses_and_a_visitator_nurse_are_monoprofessional(self) -> None:
        meeting = self._nurses_and(self.ASSESSOR)
        assert not meeting.is_interdisciplinary
        assert "LM101" in lm.validate(meeting).codes

    @given(lst.meetings(), lst.volunteers())
    def test_adding_a_volunteer_never_changes_it(
        self, meeting: lm.Meeting, volunteer: lm.Professional
    ) -> None:
        keys = {a.person.key for a in meeting.attendees}
        if volunteer.key in keys:
            return
        more = attrs.evolve(meeting, attendees=[*meeting.attendees, attend(volunteer)])
        assert more.professions == meeting.professions
        assert more.is_interdisciplinary == meeting.is_interdisciplinary


class TestAcrossOrganisations:
    """Meetings across municipalities, and with the region, are expressible."""

    OTHER = lm.Organisation(
        "kommune-b", "Kommune B", lm.DEFAULT_CATALOG.sector("municipality")
    )

    def test_two_municipalities_are_cross_municipal_not_cross_sectoral(self) -> None:
        unit = lm.Unit(id="b-hj", name="Hjemmeplejen (B)", organisation=self.OTHER)
        guest = attrs.evolve(SSA_N, id="b-1", unit=unit)
        meeting = attrs.evolve(
            MEETING,
            attendees=[attend(NURSE_N, lm.AttendeeRole.FACILITATOR), attend(guest)],
            case=None,
        )
        assert meeting.organisations == {"k", "kommune-b"}
        assert meeting.is_cross_municipal
        assert not meeting.is_cross_sectoral

    def test_a_municipality_and_the_region(self) -> None:
        meeting = attrs.evolve(
            MEETING,
            attendees=[attend(NURSE_N, lm.AttendeeRole.FACILITATOR), attend(DOCTOR)],
            case=None,
        )
        assert meeting.is_cross_sectoral
        assert not meeting.is_cross_municipal
        assert len(meeting.organisations) == 2
