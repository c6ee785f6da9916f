"""iCalendar export, proved by reading it back with icalendar, vobject and
recurring-ical-events, and by RFC 5546's restriction tables (ical_readers)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import attrs
import icalendar
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from examples import CITIZEN, valid_meetings
from ical_readers import (
    READERS,
    by_icalendar,
    itip_problems,
    libical_problems,
    libical_python,
    second,
)
from learnmeet import strategies as lst
from learnmeet.strategies._common import _TEXT
from support import times_the_model_takes

CPH = lm.COPENHAGEN
VALID = valid_meetings()
STAMP = datetime(2027, 1, 4, 8, 30, tzinfo=timezone.utc)


def _mailed(person: lm.Person) -> lm.Person:
    """The person with an e-mail address, if a professional without one."""
    if isinstance(person, lm.Professional) and person.email is None:
        return attrs.evolve(person, email=f"{person.id}@kommune.example")
    return person


def mailed(meeting: lm.Meeting) -> lm.Meeting:
    """The meeting with an e-mail address on every professional."""
    return attrs.evolve(
        meeting,
        attendees=[
            attrs.evolve(a, person=_mailed(a.person)) for a in meeting.attendees
        ],
    )


def _events(text: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


class TestFormat:
    """A valid RFC 5545 file: CRLF, folded lines, a named VTIMEZONE."""

    def test_lines(self) -> None:
        text = lm.to_ical(VALID.values())
        assert text.endswith("\r\n")
        assert "\n" not in text.replace("\r\n", "")
        assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))

    def test_timezone_is_named_by_iana(self) -> None:
        calendar = icalendar.Calendar.from_ical(lm.to_ical(VALID.values()))
        (zone,) = calendar.walk("VTIMEZONE")
        assert str(zone["TZID"]) == "Europe/Copenhagen"
        assert "TZID=CET" not in lm.to_ical(VALID.values())

    def test_same_meetings_same_file(self) -> None:
        meetings = list(VALID.values())
        assert lm.to_ical(meetings, stamp=STAMP) == lm.to_ical(
            reversed(meetings), stamp=STAMP
        )

    def test_escaping_survives(self) -> None:
        meeting = attrs.evolve(VALID["audit"], title="Audit; fase 1, del 2\\3")
        event = _events(lm.to_ical([meeting]))["m-audit@learnmeet"]
        assert str(event["SUMMARY"]) == "tværsektoriel audit: Audit; fase 1, del 2\\3"

    def test_the_summary_names_the_format_once_in_the_language(self) -> None:
        """Case english_plan_has_danish_titles: a planned meeting's title holds
        only what is not its format, so SUMMARY names the format once, in the
        calendar's language."""
        meeting = attrs.evolve(VALID["audit"], title="B-207")
        for lang, summary in (
            ("da", "tværsektoriel audit: B-207"),
            ("en", "cross-sectoral audit: B-207"),
        ):
            event = _events(lm.to_ical([meeting], lang=lang))["m-audit@learnmeet"]
            assert str(event["SUMMARY"]) == summary


class TestRoundTrip:
    """Times, attendees and status come back through a real parser."""

    def test_times_in_the_meeting_zone(self) -> None:
        summer = attrs.evolve(
            VALID["audit"], start=datetime(2027, 7, 1, 10, tzinfo=CPH)
        )
        event = _events(lm.to_ical([summer]))["m-audit@learnmeet"]
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert start == summer.start
        assert start.utcoffset() == timedelta(hours=2)
        assert (
            str(start.tzinfo) in {"Europe/Copenhagen", "CEST"}
            or getattr(start.tzinfo, "key", None) == "Europe/Copenhagen"
        )
        assert end - start == summer.duration

    def test_attendees_with_roles_and_answers(self) -> None:
        """Under REQUEST every professional with an address is a mailto:
        attendee with role and answer; the citizen and relatives are not
        (they have no address), and appear only by pseudonym."""
        meeting = mailed(VALID["home_meeting"])
        nurse = attrs.evolve(meeting.attendees[0], rsvp=lm.Rsvp.ACCEPTED)
        meeting = attrs.evolve(meeting, attendees=[nurse, *meeting.attendees[1:]])
        text = lm.to_ical([meeting], method="request")
        event = _events(text)["m-home_meeting@learnmeet"]
        found = {str(a): a.params for a in event["ATTENDEE"]}
        assert set(found) == {
            f"mailto:{a.person.email}"
            for a in meeting.attendees
            if isinstance(a.person, lm.Professional)
        }
        first = found[f"mailto:{nurse.person.email}"]  # type: ignore[union-attr]
        assert first["PARTSTAT"] == "ACCEPTED"
        assert first["X-LEARNMEET-ROLE"] == nurse.role.code
        assert f"urn:learnmeet:{CITIZEN.key}" not in text
        assert CITIZEN.pseudonym in str(event["DESCRIPTION"])

    def test_facilitator_is_the_chair(self) -> None:
        text = lm.to_ical([mailed(VALID["audit"])], method="request")
        event = _events(text)["m-audit@learnmeet"]
        chairs = [a for a in event["ATTENDEE"] if a.params["ROLE"] == "CHAIR"]
        assert len(chairs) == 1

    def test_cancellation(self) -> None:
        cancelled = attrs.evolve(
            VALID["audit"],
            status=lm.MeetingStatus.CANCELLED,
            cancellation=lm.Cancellation(lm.CancellationReason.PANDEMIC),
        )
        event = _events(lm.to_ical([cancelled], lang="en"))["m-audit@learnmeet"]
        assert str(event["STATUS"]) == "CANCELLED"
        assert "Cancelled: pandemic" in str(event["DESCRIPTION"])
        assert str(event["X-LEARNMEET-CANCELLATION"]) == "pandemic"

    @given(
        st.datetimes(
            min_value=datetime(2020, 1, 1),
            max_value=datetime(2035, 12, 31),
            timezones=st.just(CPH),
            allow_imaginary=False,
        ),
        st.integers(min_value=1, max_value=8 * 60),
    )
    def test_any_start_round_trips(self, start: datetime, minutes: int) -> None:
        start = start.replace(second=0, microsecond=0)
        meeting = attrs.evolve(
            VALID["operational_meeting"],
            start=start,
            duration=timedelta(minutes=minutes),
        )
        event = _events(lm.to_ical([meeting]))["m-operational_meeting@learnmeet"]
        back_start = event["DTSTART"].dt
        assert back_start.astimezone(timezone.utc) == start.astimezone(timezone.utc)
        assert event["DTEND"].dt.astimezone(timezone.utc) == meeting.end.astimezone(
            timezone.utc
        )


class TestTheRangeOfTime:
    """Every datetime the model accepts can be written: the edges of its years,
    offsets with seconds in a zone's history, meetings centuries apart."""

    @pytest.mark.parametrize(
        "start",
        [
            datetime(1900, 1, 1, 0, 0, tzinfo=CPH),
            # A week long, so ending at 23:30 on the last day of the years.
            datetime(9998, 12, 24, 23, 30, tzinfo=CPH),
            datetime(9998, 12, 24, 23, 30, tzinfo=ZoneInfo("Pacific/Kiritimati")),
            datetime(1900, 1, 1, 0, 0, tzinfo=ZoneInfo("America/Los_Angeles")),
        ],
    )
    def test_the_first_and_last_years(self, start: datetime) -> None:
        meeting = attrs.evolve(
            VALID["operational_meeting"], start=start, duration=timedelta(days=7)
        )
        event = _events(lm.to_ical([meeting]))["m-operational_meeting@learnmeet"]
        assert event["DTSTART"].dt.astimezone(timezone.utc) == start.astimezone(
            timezone.utc
        )

    def test_an_offset_with_seconds_in_the_zone_history(self) -> None:
        """Monrovia left its local mean time (-00:44:30) in January 1972; a
        meeting in 1973 has a VTIMEZONE that starts from that offset."""
        meeting = attrs.evolve(
            VALID["audit"],
            start=datetime(1973, 3, 1, 10, tzinfo=ZoneInfo("Africa/Monrovia")),
        )
        text = lm.to_ical([meeting])
        (zone,) = icalendar.Calendar.from_ical(text).walk("VTIMEZONE")
        (change,) = zone.walk("STANDARD")
        assert change["TZOFFSETFROM"].td == -timedelta(minutes=44, seconds=30)
        assert change["TZOFFSETTO"].td == timedelta(0)
        assert "TZOFFSETFROM:-004430\r\n" in text
        # 00:44:30 UTC: midnight on the old offset.
        assert change["DTSTART"].dt == datetime(1972, 1, 7, 0, 0)

    def test_only_the_years_around_the_meetings_are_described(self) -> None:
        years = (1901, 2027, 6000, 9998)
        meetings = [
            attrs.evolve(
                VALID["audit"], id=f"m-{y}", start=datetime(y, 6, 3, 10, tzinfo=CPH)
            )
            for y in years
        ]
        (zone,) = icalendar.Calendar.from_ical(lm.to_ical(meetings)).walk("VTIMEZONE")
        described = {c["DTSTART"].dt.year for c in zone.subcomponents}
        around = {y + step for y in years for step in (-1, 0, 1)}
        assert described <= around
        assert {1900, 2026, 2027, 2028, 5999, 6000, 6001, 9997, 9998} <= described

    @given(
        times_the_model_takes(),
        st.integers(min_value=1, max_value=7 * 24 * 60),
    )
    def test_any_accepted_datetime_is_written(
        self, start: datetime, minutes: int
    ) -> None:
        """Whatever the model takes, JSON and iCalendar write, and read back as
        the same instants (iCalendar's to the second: RFC 5545 has no
        fractions of a second)."""
        try:
            meeting = attrs.evolve(
                VALID["operational_meeting"],
                start=start,
                duration=timedelta(minutes=minutes),
            )
        except lm.InvalidValueError:
            return  # a spring-forward gap, or a local mean time: refused
        assert lm.from_json(lm.Meeting, lm.to_json(meeting)) == meeting
        event = _events(lm.to_ical([meeting]))["m-operational_meeting@learnmeet"]
        for name, moment in (("DTSTART", meeting.start), ("DTEND", meeting.end)):
            back = event[name].dt.astimezone(timezone.utc)
            assert back == moment.astimezone(timezone.utc).replace(microsecond=0)


class TestBadInput:
    """Only the two languages are accepted."""

    def test_language(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.to_ical([], lang="fr")  # type: ignore[arg-type]

    def test_empty_calendar(self) -> None:
        calendar = icalendar.Calendar.from_ical(lm.to_ical([]))
        assert calendar.walk("VEVENT") == []

    @pytest.mark.parametrize(
        ("name", "error"),
        [
            ("Borger 120304-5678", lm.PersonalDataError),
            ("Nord 12\u200b0304 5678", lm.PersonalDataError),
            ("Nord\x00Syd", lm.InvalidValueError),
            ("Nord\x1bSyd", lm.InvalidValueError),
            ("\udc80", lm.InvalidValueError),
        ],
    )
    def test_the_calendar_name_is_checked_as_any_text(
        self, name: str, error: type[lm.InvalidValueError]
    ) -> None:
        """The name is written into the file (X-WR-CALNAME), so it passes the
        check every text the library holds passes, and is never repeated."""
        with pytest.raises(error) as caught:
            lm.to_ical([VALID["operational_meeting"]], name=name)
        assert (caught.value.where, caught.value.path) == ("to_ical", ("name",))
        for lang in lm.LANGUAGES:
            assert name not in caught.value.message(lang)
            assert not lm.looks_like_cpr(caught.value.message(lang))


class TestAnyText:
    """Whatever text a meeting may hold, the calendar is valid and gives it back."""

    @given(_TEXT, _TEXT)
    def test_location_and_calendar_name(self, place: str, name: str) -> None:
        meeting = attrs.evolve(
            VALID["operational_meeting"],
            location=lm.Location(lm.LocationKind.ON_SITE, place),
        )
        text = lm.to_ical([meeting], name=name, stamp=STAMP)
        assert all(ord(c) >= 0x20 or c in "\t\r\n" for c in text)  # RFC 5545 TSAFE
        event = _events(text)["m-operational_meeting@learnmeet"]
        # icalendar reads a line break back as \n: RFC 5545 has only that one.
        assert str(event["LOCATION"]) == place.replace("\r\n", "\n").replace("\r", "\n")

    def test_the_place_and_room_are_in_the_location(self) -> None:
        meeting = attrs.evolve(
            VALID["operational_meeting"],
            location=lm.Location(
                lm.LocationKind.ON_SITE, place="sundhedshuset", room="lokale-2"
            ),
        )
        event = _events(lm.to_ical([meeting], stamp=STAMP, lang="en"))[
            "m-operational_meeting@learnmeet"
        ]
        assert str(event["LOCATION"]) == "on site, sundhedshuset, lokale-2"


class TestMethods:
    """RFC 5546: a file says what it is for, and holds what its METHOD needs."""

    def test_publish_has_an_organizer_and_no_attendee(self) -> None:
        text = lm.to_ical([VALID["audit"], VALID["home_meeting"]], stamp=STAMP)
        assert "METHOD:PUBLISH\r\n" in text
        assert "ATTENDEE" not in text
        assert itip_problems(text) == []
        for event in _events(text).values():
            # No address on these professionals: the facilitator by key.
            assert str(event["ORGANIZER"]).startswith("urn:learnmeet:professional:")

    def test_no_professional(self) -> None:
        """A meeting with no staff (only its citizen) is still organised."""
        lonely = attrs.evolve(
            VALID["operational_meeting"], attendees=[], title="Borgermøde"
        )
        text = lm.to_ical([lonely], stamp=STAMP)
        assert itip_problems(text) == []
        (event,) = _events(text).values()
        assert str(event["ORGANIZER"]) == "urn:learnmeet:organizer"

    def test_attendance_is_kept(self) -> None:
        meeting = mailed(VALID["audit"])
        first = attrs.evolve(meeting.attendees[0], attended=lm.Attendance.YES)
        held = attrs.evolve(
            meeting,
            status=lm.MeetingStatus.HELD,
            attendees=[first, *meeting.attendees[1:]],
        )
        text = lm.to_ical([held], method="request", stamp=STAMP)
        assert "X-LEARNMEET-ATTENDED=yes" in text.replace("\r\n ", "")

    def test_the_facilitator_organises(self) -> None:
        meeting = mailed(VALID["audit"])
        (chair,) = (a for a in meeting.attendees if a.role.code == "facilitator")
        text = lm.to_ical([meeting], method="request", stamp=STAMP)
        event = _events(text)["m-audit@learnmeet"]
        assert str(event["ORGANIZER"]) == f"mailto:{chair.person.email}"  # type: ignore[union-attr]
        assert itip_problems(text) == []

    def test_a_given_organizer(self) -> None:
        text = lm.to_ical(
            [mailed(VALID["audit"])],
            method="request",
            organizer="Planlaeg@Kommune.DK",
            stamp=STAMP,
        )
        event = _events(text)["m-audit@learnmeet"]
        assert str(event["ORGANIZER"]) == "mailto:Planlaeg@kommune.dk"

    def test_request_without_addresses_is_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.to_ical([VALID["audit"]], method="request")
        assert caught.value.path == ("meetings",)
        assert "m-audit" in caught.value.message("en")

    def test_the_organizer_has_an_address(self) -> None:
        """Under REQUEST the facilitator organises when they have an address,
        else the first professional who has one; a given organizer must be an
        address."""
        meeting = VALID["audit"]
        last = meeting.attendees[-1]
        assert last.role is not lm.AttendeeRole.FACILITATOR
        some = attrs.evolve(
            meeting,
            attendees=[
                *meeting.attendees[:-1],
                attrs.evolve(last, person=_mailed(last.person)),
            ],
        )
        event = _events(lm.to_ical([some], method="request"))["m-audit@learnmeet"]
        assert str(event["ORGANIZER"]) == f"mailto:{last.person.id}@kommune.example"
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.to_ical([some], method="request", organizer="a@b")
        assert caught.value.path == ("organizer",)
        with pytest.raises(lm.PersonalDataError):
            lm.to_ical([some], method="request", organizer="1203045678@b.dk")

    def test_request_cannot_cancel(self) -> None:
        cancelled = attrs.evolve(
            mailed(VALID["audit"]),
            status=lm.MeetingStatus.CANCELLED,
            cancellation=lm.Cancellation(lm.CancellationReason.PANDEMIC),
        )
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.to_ical([cancelled], method="request")
        assert caught.value.path == ("meetings",)
        assert itip_problems(lm.to_ical([cancelled], stamp=STAMP)) == []

    def test_unknown_method(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.to_ical([], method="cancel")  # type: ignore[arg-type]


class TestUids:
    """A UID says what the meeting is, at the caller's domain, and is unique."""

    def test_domain(self) -> None:
        text = lm.to_ical([VALID["audit"]], uid_domain="Kommune.DK", stamp=STAMP)
        assert set(_events(text)) == {"m-audit@kommune.dk"}

    @pytest.mark.parametrize(
        "domain", ["", "kommune dk", "-kommune.dk", "kommune..dk", "a@b.dk"]
    )
    def test_not_a_domain(self, domain: str) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.to_ical([], uid_domain=domain)
        assert caught.value.path == ("uid_domain",)
        assert caught.value.reason.en.endswith("is not a domain name")
        assert "Label" not in caught.value.message("da")

    def test_cpr_in_the_domain(self) -> None:
        with pytest.raises(lm.PersonalDataError):
            lm.to_ical([], uid_domain="120304-5678.dk")

    def test_a_uid_of_the_callers_choice(self) -> None:
        text = lm.to_ical(
            [VALID["audit"], VALID["home_meeting"]],
            uids={"m-audit": "AAA-111@outlook.example"},
            stamp=STAMP,
        )
        assert set(_events(text)) == {
            "AAA-111@outlook.example",
            "m-home_meeting@learnmeet",
        }

    def test_two_meetings_one_uid_are_refused(self) -> None:
        """Calendar programs merge events of one UID: never write two."""
        twin = attrs.evolve(VALID["home_meeting"], id="m-audit")
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.to_ical([VALID["audit"], twin])
        assert caught.value.path == ("meetings",)
        assert "'m-audit@learnmeet'" in caught.value.message("en")
        with pytest.raises(lm.InvalidValueError):
            lm.to_ical(
                [VALID["audit"], VALID["home_meeting"]],
                uids={"m-audit": "m-home_meeting@learnmeet"},
            )

    def test_a_uid_is_text(self) -> None:
        odd = attrs.evolve(VALID["audit"], id="m; 1, del\\2")
        text = lm.to_ical([odd], stamp=STAMP)
        assert set(_events(text)) == {"m; 1, del\\2@learnmeet"}


class TestStamp:
    """DTSTAMP is the time of writing: given (aware) or now."""

    def test_a_naive_stamp_is_refused(self) -> None:
        """Case ical_naive_stamp_accepted: a naive stamp would be read in the
        machine's zone, so the same call would write different files."""
        with pytest.raises(lm.NaiveDatetimeError) as caught:
            lm.to_ical([VALID["audit"]], stamp=datetime(2027, 1, 1, 12))
        assert caught.value.path == ("stamp",)

    def test_given(self) -> None:
        local = STAMP.astimezone(CPH)
        text = lm.to_ical([VALID["audit"]], stamp=local)
        assert "DTSTAMP:20270104T083000Z\r\n" in text
        assert text == lm.to_ical([VALID["audit"]], stamp=STAMP)

    def test_now_by_default(self) -> None:
        before = datetime.now(timezone.utc).replace(microsecond=0)
        event = _events(lm.to_ical([VALID["audit"]]))["m-audit@learnmeet"]
        after = datetime.now(timezone.utc)
        assert before <= event["DTSTAMP"].dt <= after


class TestSequence:
    """SEQUENCE rises for a meeting changed since the previous plan."""

    def _sequence(self, meeting: lm.Meeting, previous: lm.Meeting) -> int:
        text = lm.to_ical([meeting], previous=[previous], stamp=STAMP)
        return int(_events(text)[f"{meeting.id}@learnmeet"]["SEQUENCE"])

    def test_new_or_unchanged(self) -> None:
        audit = VALID["audit"]
        text = lm.to_ical([audit], stamp=STAMP)
        assert int(_events(text)["m-audit@learnmeet"]["SEQUENCE"]) == 0
        assert self._sequence(audit, audit) == 0

    @pytest.mark.parametrize(
        "change",
        [
            {"start": datetime(2027, 3, 2, 13, tzinfo=CPH)},
            {"duration": timedelta(hours=3)},
            {"location": lm.Location(lm.LocationKind.ONLINE, "Teams")},
            {
                "status": lm.MeetingStatus.CANCELLED,
                "cancellation": lm.Cancellation(lm.CancellationReason.PANDEMIC),
            },
        ],
    )
    def test_a_change_that_matters(self, change: dict[str, object]) -> None:
        audit = VALID["audit"]
        assert self._sequence(attrs.evolve(audit, **change), audit) == 1

    def test_attendees(self) -> None:
        audit = VALID["audit"]
        fewer = attrs.evolve(audit, attendees=audit.attendees[1:])
        assert self._sequence(audit, fewer) == 1
        answered = attrs.evolve(
            audit,
            attendees=[attrs.evolve(a, rsvp=lm.Rsvp.ACCEPTED) for a in audit.attendees],
        )
        # An answer is the attendee's, not a new version of the meeting.
        assert self._sequence(answered, audit) == 0

    def test_a_whole_plan(self) -> None:
        """The previous plan may be given whole, as plan.json reads back."""
        from learnmeet.data import load_sample

        plan = lm.plan_period(
            load_sample(),
            start=datetime(2027, 1, 1).date(),
            end=datetime(2027, 3, 31).date(),
        )
        back = lm.from_json(lm.PeriodPlan, lm.to_json(plan))
        first = plan.meetings[0]
        moved = attrs.evolve(first, start=first.start + timedelta(days=1))
        text = lm.to_ical([moved, *plan.meetings[1:]], previous=back, stamp=STAMP)
        sequences = {u: int(e["SEQUENCE"]) for u, e in _events(text).items()}
        assert sequences.pop(f"{first.id}@learnmeet") == 1
        assert set(sequences.values()) == {0}

    def test_the_uid_decides(self) -> None:
        """The previous plan is matched by UID, so the domain counts."""
        audit = VALID["audit"]
        moved = attrs.evolve(audit, start=datetime(2027, 3, 2, 13, tzinfo=CPH))
        text = lm.to_ical(
            [moved], previous=[audit], uid_domain="kommune.dk", stamp=STAMP
        )
        assert int(_events(text)["m-audit@kommune.dk"]["SEQUENCE"]) == 1


class TestStatus:
    """A course session below its minimum fill is only TENTATIVE."""

    def test_under_filled_is_tentative(self) -> None:
        day = VALID["course_day"]
        fill = day.format.requirements.min_fill
        assert fill is not None
        assert len(day.attendees) >= fill
        short = attrs.evolve(day, attendees=day.attendees[: fill - 1])
        text = lm.to_ical([day, attrs.evolve(short, id="m-short")], stamp=STAMP)
        events = _events(text)
        assert str(events["m-course_day@learnmeet"]["STATUS"]) == "CONFIRMED"
        assert str(events["m-short@learnmeet"]["STATUS"]) == "TENTATIVE"
        assert itip_problems(text) == []

    def test_a_tentative_meeting_is_tentative(self) -> None:
        """A meeting marked tentative is STATUS:TENTATIVE whatever its fill."""
        day = VALID["course_day"]
        held = attrs.evolve(day, id="m-held", status=lm.MeetingStatus.HELD)
        maybe = attrs.evolve(day, id="m-maybe", status=lm.MeetingStatus.TENTATIVE)
        text = lm.to_ical([held, maybe], stamp=STAMP)
        events = _events(text)
        assert str(events["m-held@learnmeet"]["STATUS"]) == "CONFIRMED"
        assert str(events["m-maybe@learnmeet"]["STATUS"]) == "TENTATIVE"
        assert itip_problems(text) == []

    def test_a_plan_with_thin_cohorts(self) -> None:
        from learnmeet.data import load_sample

        plan = lm.plan_period(
            load_sample(),
            start=datetime(2027, 1, 4).date(),
            end=datetime(2027, 3, 31).date(),
        )
        thin = {f.session.id for f in plan.enrolment.below_minimum}
        assert thin
        tentative = {
            m.id for m in plan.meetings if m.status is lm.MeetingStatus.TENTATIVE
        }
        assert tentative == thin
        events = _events(lm.to_ical(plan.meetings, stamp=STAMP))
        for uid, event in events.items():
            expected = "TENTATIVE" if uid.split("@")[0] in thin else "CONFIRMED"
            assert str(event["STATUS"]) == expected


class TestParameters:
    """RFC 6868: no text can break a content line through a parameter."""

    def test_a_line_break_in_a_display_name(self) -> None:
        """Case ical_attendee_cn_newline_breaks_line: a newline in a name was
        written raw into CN, split the ATTENDEE line, and a reader lost the
        attendee."""
        meeting = mailed(VALID["audit"])
        first = attrs.evolve(
            meeting.attendees[0],
            person=attrs.evolve(meeting.attendees[0].person, display_name="Bente\nH"),
        )
        meeting = attrs.evolve(meeting, attendees=[first, *meeting.attendees[1:]])
        text = lm.to_ical([meeting], method="request", stamp=STAMP)
        assert "\n" not in text.replace("\r\n", "")
        assert 'CN="Bente^nH"' in text.replace("\r\n ", "")
        for read in READERS:
            (event,) = read(text).values()
            assert len(event.attendees) == len(meeting.attendees)
            address = f"mailto:{first.person.email}"  # type: ignore[union-attr]
            assert (address, "Bente\nH") in event.attendees

    @pytest.mark.parametrize(
        ("name", "written"),
        [
            ('Anna "A" Berg', "Anna ^'A^' Berg"),
            ("2^3", "2^^3"),
            ("a;b:c,d", "a;b:c,d"),
            ("a\r\nb\rc", "a^nb^nc"),
        ],
    )
    def test_encoded(self, name: str, written: str) -> None:
        meeting = mailed(VALID["audit"])
        first = attrs.evolve(
            meeting.attendees[0],
            person=attrs.evolve(meeting.attendees[0].person, display_name=name),
        )
        meeting = attrs.evolve(meeting, attendees=[first, *meeting.attendees[1:]])
        text = lm.to_ical([meeting], method="request", stamp=STAMP)
        assert f'CN="{written}"' in text.replace("\r\n ", "")


_ANY_MEETINGS = st.lists(
    lst.meetings(max_attendees=6), max_size=4, unique_by=lambda m: m.id
)


def _second_of_two(moment: datetime) -> bool:
    """A local time in the autumn fold's second hour (written in UTC)."""
    return moment.fold == 1 and moment.replace(fold=0).utcoffset() != moment.utcoffset()


def _cn(name: str) -> str:
    # RFC 6868 has one line break, ^n: any break comes back as \n.
    return name.replace("\r\n", "\n").replace("\r", "\n")


class TestThreeReaders:
    """Whatever meetings the strategies draw (hostile names and texts among
    them), icalendar, vobject and recurring-ical-events read the same
    instants, attendees and UIDs back, and the file keeps to its method's
    restriction table.

    One reading of recurring-ical-events differs, and not for a fault of the
    file: an end in the second hour of the autumn fold can only be written in
    UTC (RFC 5545, 3.3.5), and that library adds the elapsed length to the
    local start by the wall clock, an hour late. Its end is compared
    everywhere else."""

    @given(_ANY_MEETINGS, st.sampled_from(["publish", "request"]))
    def test_read_back_identically(
        self, meetings: list[lm.Meeting], method: lm.Method
    ) -> None:
        if method == "request":
            meetings = [
                mailed(m)
                for m in meetings
                if m.status is not lm.MeetingStatus.CANCELLED
                and any(isinstance(a.person, lm.Professional) for a in m.attendees)
            ]
        text = lm.to_ical(meetings, method=method, stamp=STAMP)
        assert itip_problems(text) == []
        assert "\n" not in text.replace("\r\n", "")
        for read in READERS:
            wall_clock = read is READERS[-1]
            got = {uid: (e.start, e.end, e.attendees) for uid, e in read(text).items()}
            expected = {
                f"{m.id}@learnmeet": (
                    second(m.start),
                    None
                    if wall_clock and _second_of_two(m.end.astimezone(m.start.tzinfo))
                    else second(m.end),
                    frozenset(
                        (
                            f"mailto:{a.person.email}",
                            _cn(a.person.display_name or a.person.id),
                        )
                        for a in m.attendees
                        if method == "request"
                        and isinstance(a.person, lm.Professional)
                        and a.person.email is not None
                    ),
                )
                for m in meetings
            }
            if wall_clock:
                got = {
                    u: (s, e if expected.get(u, (0, 0))[1] is not None else None, p)
                    for u, (s, e, p) in got.items()
                }
            assert got == expected, read.__name__
        reads = [read(text) for read in READERS]
        for meeting in meetings:
            uid = f"{meeting.id}@learnmeet"
            summary, where, _ = reads[0][uid].texts
            assert summary == _cn(meeting.heading("da"))
            assert where == _cn(
                meeting.location.description or meeting.location.kind.label.da
            )
            # The same texts and organizer in every reader.
            assert len({(r[uid].texts, r[uid].organizer) for r in reads}) == 1
        organizers = {e.organizer for e in by_icalendar(text).values()}
        if method == "request":
            assert all(o.startswith("mailto:") for o in organizers)


@pytest.mark.skipif(
    libical_python() is None,
    reason="libical's GObject bindings are not installed (gir1.2-ical-3.0)",
)
class TestLibical:
    """libical's own iTIP restriction check accepts every file learnmeet
    writes: both methods, the sample quarter, any meetings drawn."""

    def test_the_sample_quarter_and_every_format(self) -> None:
        from learnmeet.data import load_sample

        document = lm.to_dict(load_sample())
        for id, person in document["data"]["professionals"].items():
            person["email"] = f"{id}@kommune.example"
        town = lm.from_dict(lm.Scenario, document)
        plan = lm.plan_period(
            town, start=datetime(2027, 1, 1).date(), end=datetime(2027, 3, 31).date()
        )
        planned = [mailed(m) for m in VALID.values()]
        texts = [
            lm.to_ical(plan.meetings, stamp=STAMP),
            lm.to_ical(plan.meetings, method="request", stamp=STAMP),
            lm.to_ical(planned, stamp=STAMP),
            lm.to_ical(planned, method="request", stamp=STAMP),
        ]
        assert libical_problems(*texts) == [[], [], [], []]

    def test_it_can_fail(self) -> None:
        """The check refuses what learnmeet 0.1 wrote: ATTENDEEs under
        PUBLISH, and no ORGANIZER."""
        text = lm.to_ical([mailed(VALID["audit"])], method="request", stamp=STAMP)
        old = text.replace("METHOD:REQUEST", "METHOD:PUBLISH")
        old = "\r\n".join(
            line for line in old.split("\r\n") if not line.startswith("ORGANIZER")
        )
        (errors,) = libical_problems(old)
        assert errors
        assert all("INVALID-ITIP" in e for e in errors)
        assert itip_problems(old)  # and the tables in ical_readers agree

    @settings(max_examples=25, deadline=None)
    @given(_ANY_MEETINGS, st.sampled_from(["publish", "request"]))
    def test_any_meetings(self, meetings: list[lm.Meeting], method: lm.Method) -> None:
        if method == "request":
            meetings = [
                mailed(m)
                for m in meetings
                if m.status is not lm.MeetingStatus.CANCELLED
                and any(isinstance(a.person, lm.Professional) for a in m.attendees)
            ]
        text = lm.to_ical(meetings, method=method, stamp=STAMP)
        assert libical_problems(text) == [[]]
