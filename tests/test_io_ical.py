"""iCalendar export, proved by reading it back with the icalendar package."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import attrs
import icalendar
import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from examples import CITIZEN, valid_meetings
from learnmeet.strategies._common import _TEXT
from support import times_the_model_takes

CPH = lm.COPENHAGEN
VALID = valid_meetings()


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
        assert lm.to_ical(meetings) == lm.to_ical(reversed(meetings))

    def test_escaping_survives(self) -> None:
        meeting = attrs.evolve(VALID["audit"], title="Audit; fase 1, del 2\\3")
        event = _events(lm.to_ical([meeting]))["m-audit@learnmeet"]
        assert str(event["SUMMARY"]) == "Audit; fase 1, del 2\\3"


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
        meeting = VALID["home_meeting"]
        event = _events(lm.to_ical([meeting]))["m-home_meeting@learnmeet"]
        found = {str(a): a.params for a in event["ATTENDEE"]}
        assert set(found) == {
            f"urn:learnmeet:{a.person.key}" for a in meeting.attendees
        }
        citizen = found[f"urn:learnmeet:{CITIZEN.key}"]
        assert citizen["PARTSTAT"] == "ACCEPTED"
        assert citizen["X-LEARNMEET-ROLE"] == "citizen"

    def test_facilitator_is_the_chair(self) -> None:
        event = _events(lm.to_ical([VALID["audit"]]))["m-audit@learnmeet"]
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
        text = lm.to_ical([meeting], name=name)
        assert all(ord(c) >= 0x20 or c in "\t\r\n" for c in text)  # RFC 5545 TSAFE
        event = _events(text)["m-operational_meeting@learnmeet"]
        # icalendar reads a line break back as \n: RFC 5545 has only that one.
        assert str(event["LOCATION"]) == place.replace("\r\n", "\n").replace("\r", "\n")
