"""Staff calendars read into busy time: events and free/busy, in any zone.

Calendars are synthetic, written here the way Outlook, Exchange and Google
export them (CRLF, folded lines, Windows zone names, VTIMEZONE blocks).
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import warnings
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm

pytest.importorskip("icalendar")
pytest.importorskip("recurring_ical_events")

CPH = lm.COPENHAGEN
UTC = timezone.utc
YEAR_2027 = (datetime(2027, 1, 1, tzinfo=CPH), datetime(2027, 12, 31, tzinfo=CPH))


def calendar(*components: str, method: str = "PUBLISH") -> str:
    body = "".join(components)
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Corp.//Calendar//EN\r\n"
        f"METHOD:{method}\r\n{body}END:VCALENDAR\r\n"
    )


def event(*lines: str, uid: str = "event-1@example.org") -> str:
    body = "".join(f"{line}\r\n" for line in lines)
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20270101T000000Z\r\n{body}END:VEVENT\r\n"
    )


# Outlook's own definition of the zone it calls "Romance Standard Time".
ROMANCE = (
    "BEGIN:VTIMEZONE\r\nTZID:Romance Standard Time\r\n"
    "BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\r\n"
    "END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\n"
    "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\n"
    "END:VTIMEZONE\r\n"
)


def _local(intervals: tuple[lm.Interval, ...]) -> list[str]:
    return [
        f"{i.start.astimezone(CPH):%Y-%m-%d %H:%M%z}-{i.end.astimezone(CPH):%H:%M}"
        for i in intervals
    ]


class TestAcrossSummerTime:
    """A weekly Outlook meeting in a Windows zone, and a free/busy file, make a
    person busy at the right instants before, between and after both changes
    of summer time in a year."""

    def test_a_weekly_event_in_a_windows_zone(self) -> None:
        text = calendar(
            ROMANCE,
            event(
                "SUMMARY:Tavlemøde",
                "DTSTART;TZID=Romance Standard Time:20270317T090000",
                "DTEND;TZID=Romance Standard Time:20270317T093000",
                # folded as Outlook folds long lines
                "RRULE:FREQ=WEEKLY;UNTIL=20271110T235959Z;INTERVAL=1;BYDAY=WE;"
                "WKST=M\r\n O",
            ),
        )
        busy = lm.busy_from_ical(text, YEAR_2027)
        local = _local(busy)
        # 09:00 local time on both sides of 28 March and of 31 October.
        assert local[:3] == [
            "2027-03-17 09:00+0100-09:30",
            "2027-03-24 09:00+0100-09:30",
            "2027-03-31 09:00+0200-09:30",
        ]
        assert local[-3:] == [
            "2027-10-27 09:00+0200-09:30",
            "2027-11-03 09:00+0100-09:30",
            "2027-11-10 09:00+0100-09:30",
        ]
        assert len(busy) == 35
        assert {i.start.astimezone(UTC).hour for i in busy} == {7, 8}

    def test_lengths_are_exact_across_the_autumn_night(self) -> None:
        # RFC 5545: a DTEND gives every occurrence the same elapsed length,
        # a DURATION's hours are exact and its days nominal.
        text = calendar(
            event(
                "DTSTART;TZID=Europe/Copenhagen:20271030T015900",
                "DTEND;TZID=Europe/Copenhagen:20271030T030000",
                "RRULE:FREQ=DAILY;COUNT=2",
                uid="dtend",
            ),
            event(
                "DTSTART;TZID=Europe/Copenhagen:20271031T013000",
                "DTEND:20271031T010000Z",
                uid="utc-end",
            ),
            event(
                "DTSTART;TZID=Europe/Copenhagen:20271030T120000",
                "DURATION:P1DT1H",
                uid="duration",
            ),
        )
        found = [
            (f"{i.start.astimezone(CPH):%d %H:%M}", i.duration)
            for i in lm.busy_from_ical(text, YEAR_2027)
        ]
        assert found == [
            ("30 01:59", timedelta(minutes=61)),
            ("30 12:00", timedelta(hours=26)),  # a day of 25 hours, and an hour
            ("31 01:30", timedelta(minutes=90)),  # to 01:00Z, the second 02:00
            ("31 01:59", timedelta(minutes=61)),  # to the second 02:00
        ]

    def test_a_free_busy_file(self) -> None:
        text = calendar(
            "BEGIN:VFREEBUSY\r\nORGANIZER:mailto:nurse@example.org\r\n"
            "DTSTART:20270101T000000Z\r\nDTEND:20271231T000000Z\r\n"
            "FREEBUSY:20270326T080000Z/PT1H,20270329T070000Z/PT1H\r\n"
            "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20271029T070000Z/20271029T080000Z\r\n"
            "FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:20271101T080000Z/PT8H\r\n"
            "FREEBUSY;FBTYPE=FREE:20271102T080000Z/PT8H\r\n"
            "END:VFREEBUSY\r\n"
        )
        assert _local(lm.busy_from_ical(text, YEAR_2027)) == [
            "2027-03-26 09:00+0100-10:00",
            "2027-03-29 09:00+0200-10:00",
            "2027-10-29 09:00+0200-10:00",
            "2027-11-01 09:00+0100-17:00",
        ]

    def test_both_make_slots_go_around_them(self) -> None:
        nurse = lm.DEFAULT_CATALOG.profession("nurse")
        unit = lm.Unit(
            id="u",
            name="Hjemmeplejen",
            organisation=lm.Organisation(
                "k", "Testkommune", lm.DEFAULT_CATALOG.sector("municipality")
            ),
        )
        a = lm.Professional(id="p-1", profession=nurse, unit=unit)
        b = lm.Professional(id="p-2", profession=nurse, unit=unit)
        weekly = calendar(
            ROMANCE,
            event(
                "DTSTART;TZID=Romance Standard Time:20271101T080000",
                "DTEND;TZID=Romance Standard Time:20271101T120000",
                "RRULE:FREQ=DAILY;COUNT=3",
            ),
        )
        free_busy = calendar(
            "BEGIN:VFREEBUSY\r\nFREEBUSY:20271101T110000Z/PT3H\r\nEND:VFREEBUSY\r\n"
        )
        index = lm.busy_index_from_ical(
            {"p-1.ics": weekly, "p-2": free_busy}, [a, b], YEAR_2027
        )
        (slot,) = lm.find_slots(
            [a, b],
            (datetime(2027, 11, 1, tzinfo=CPH), datetime(2027, 11, 2, tzinfo=CPH)),
            timedelta(hours=1),
            busy=index,
        )
        # p-1 is busy 08-12, p-2 12-15 (11:00Z is 12:00 in winter time).
        assert slot.start == datetime(2027, 11, 1, 15, tzinfo=CPH)


class TestWhatIsBusy:
    """Events are busy as calendar programs show them; transparent and
    cancelled events and FREE periods are not."""

    def test_transparent_and_cancelled_events_are_not_busy(self) -> None:
        text = calendar(
            event("DTSTART:20270105T080000Z", "DURATION:PT1H", uid="a"),
            event("DTSTART:20270106T080000Z", "DURATION:PT1H", "TRANSP:TRANSPARENT"),
            event(
                "DTSTART:20270108T080000Z",
                "DURATION:PT1H",
                "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
                uid="f",
            ),
            event(
                "DTSTART:20270107T080000Z", "DURATION:PT1H", "STATUS:CANCELLED", uid="c"
            ),
        )
        assert _local(lm.busy_from_ical(text, YEAR_2027)) == [
            "2027-01-05 09:00+0100-10:00"
        ]

    def test_overrides_exdates_rdates_and_all_day_events(self) -> None:
        text = calendar(
            event(
                "DTSTART;TZID=Europe/Copenhagen:20270104T100000",
                "DTEND;TZID=Europe/Copenhagen:20270104T110000",
                "RRULE:FREQ=DAILY;COUNT=4",
                "EXDATE;TZID=Europe/Copenhagen:20270105T100000",
                "RDATE;VALUE=PERIOD:20270110T120000Z/PT2H",
                uid="series",
            ),
            event(
                "RECURRENCE-ID;TZID=Europe/Copenhagen:20270106T100000",
                "DTSTART;TZID=Europe/Copenhagen:20270106T140000",
                "DTEND;TZID=Europe/Copenhagen:20270106T150000",
                uid="series",
            ),
            event(
                "RECURRENCE-ID;TZID=Europe/Copenhagen:20270107T100000",
                "DTSTART;TZID=Europe/Copenhagen:20270107T100000",
                "DTEND;TZID=Europe/Copenhagen:20270107T110000",
                "STATUS:CANCELLED",
                uid="series",
            ),
            event("DTSTART;VALUE=DATE:20270112", "DTEND;VALUE=DATE:20270114", uid="d"),
        )
        assert _local(lm.busy_from_ical(text, YEAR_2027)) == [
            "2027-01-04 10:00+0100-11:00",
            "2027-01-06 14:00+0100-15:00",
            "2027-01-10 13:00+0100-15:00",
            "2027-01-12 00:00+0100-00:00",
        ]

    def test_several_rrules_are_unioned(self) -> None:
        # RFC 2445's union; the start, which both rules match, is busy once.
        text = calendar(
            event(
                "DTSTART;TZID=Europe/Copenhagen:20270104T090000",
                "DURATION:PT1H",
                "RRULE:FREQ=WEEKLY;COUNT=2",
                "RRULE:FREQ=MONTHLY;BYMONTHDAY=20;COUNT=2",
            )
        )
        assert [i.start.day for i in lm.busy_from_ical(text, YEAR_2027)] == [
            4,
            11,
            20,
            20,
        ]

    def test_only_what_overlaps_the_window(self) -> None:
        text = calendar(
            event("DTSTART:20261231T220000Z", "DURATION:PT4H", uid="a"),
            event("DTSTART:20261230T080000Z", "DURATION:PT1H", uid="b"),
        )
        (busy,) = lm.busy_from_ical(text, YEAR_2027)
        assert busy.start == datetime(2026, 12, 31, 22, tzinfo=UTC)

    def test_floating_times_and_dates_recur_in_the_zone_given(self) -> None:
        text = calendar(
            event(
                "DTSTART:20270325T090000", "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=5"
            ),
            event("DTSTART;VALUE=DATE:20270101", "RRULE:FREQ=YEARLY;COUNT=2", uid="b"),
        )
        busy = lm.busy_from_ical(text, YEAR_2027)
        assert _local(busy) == [
            "2027-01-01 00:00+0100-00:00",
            "2027-03-25 09:00+0100-10:00",
            "2027-03-26 09:00+0100-10:00",
            "2027-03-27 09:00+0100-10:00",
            "2027-03-28 09:00+0200-10:00",
            "2027-03-29 09:00+0200-10:00",
        ]
        helsinki = ZoneInfo("Europe/Helsinki")
        there = lm.busy_from_ical(text, YEAR_2027, zone=helsinki)
        assert there[1].start == datetime(2027, 3, 25, 9, tzinfo=helsinki)

    def test_bytes_with_a_byte_order_mark(self) -> None:
        text = calendar(event("DTSTART:20270105T080000Z", "DURATION:PT1H"))
        data = b"\xef\xbb\xbf" + text.encode("utf-8")
        assert lm.busy_from_ical(data, YEAR_2027) == lm.busy_from_ical(text, YEAR_2027)


def _staff() -> list[lm.Professional]:
    unit = lm.Unit(
        id="u",
        name="Hjemmeplejen",
        organisation=lm.Organisation(
            "k", "Testkommune", lm.DEFAULT_CATALOG.sector("municipality")
        ),
    )
    nurse = lm.DEFAULT_CATALOG.profession("nurse")
    return [lm.Professional(id=f"p-{n}", profession=nurse, unit=unit) for n in (1, 2)]


class TestMatchingPeople:
    """A file per person by its name, or a shared file by ATTENDEE/ORGANIZER."""

    def test_by_attendee_and_organizer_and_not_the_declined(self) -> None:
        staff = _staff()
        text = calendar(
            event(
                "DTSTART:20270105T080000Z",
                "DURATION:PT1H",
                "ORGANIZER:URN:LEARNMEET:PROFESSIONAL:P-1",
                "ATTENDEE;PARTSTAT=DECLINED:urn:learnmeet:professional:p-2",
                uid="a",
            ),
            event(
                "DTSTART:20270106T080000Z",
                "DURATION:PT1H",
                "ATTENDEE;PARTSTAT=ACCEPTED:urn:learnmeet:professional:p-2",
                "ATTENDEE:mailto:someone@example.org",
                uid="b",
            ),
        )
        index = lm.busy_index_from_ical({"team.ics": text}, staff, YEAR_2027)
        assert [i.start.day for i in index.intervals("professional:p-1")] == [5]
        assert [i.start.day for i in index.intervals("professional:p-2")] == [6]

    def test_by_email(self) -> None:
        staff = _staff()
        staff[1] = attrs.evolve(staff[1], email="Nurse@Example.ORG")
        text = calendar(
            event(
                "DTSTART:20270106T080000Z",
                "DURATION:PT1H",
                "ORGANIZER:MAILTO:nurse@example.org",
            )
        )
        index = lm.busy_index_from_ical({"team.ics": text}, staff, YEAR_2027)
        assert index.people == {"professional:p-2"}

    @pytest.mark.parametrize("name", ["p-2", "p-2.ics", "p-2.ICS"])
    def test_by_the_file_name(self, name: str) -> None:
        text = calendar(event("DTSTART:20270105T080000Z", "DURATION:PT1H"))
        index = lm.busy_index_from_ical({name: text}, _staff(), YEAR_2027)
        assert index.people == {"professional:p-2"}

    def test_a_calendar_that_matches_nobody_is_a_problem(self) -> None:
        text = calendar(event("DTSTART:20270105T080000Z", "DURATION:PT1H"))
        with pytest.raises(lm.InvalidDataError) as info:
            lm.busy_index_from_ical({"stranger.ics": text}, _staff(), YEAR_2027)
        (problem,) = info.value.problems
        assert problem.json_path == "$['stranger.ics']"
        assert "matches none of the professionals" in problem.reason.en


class TestBadInput:
    """A calendar that cannot be read gets every problem with where it is;
    never a parser's exception or its text."""

    @pytest.mark.parametrize(
        ("text", "path", "said"),
        [
            ("BEGIN:VCALENDAR\r\nDTSTART 2027\r\n", "$.calendar.line[2]", "NAME"),
            (
                calendar(event("DTSTART:2027xx01", "DURATION:PT1H")),
                "$.calendar.VEVENT[0].DTSTART",
                "cannot be read",
            ),
            (
                calendar(event("DTSTART:20270105T080000Z", "RRULE:FREQ=SECONDLY")),
                "$.calendar.VEVENT[0].RRULE",
                "more often than daily",
            ),
            (
                calendar(
                    event(
                        "DTSTART:20270105T080000Z",
                        "RRULE:FREQ=DAILY;COUNT=2;UNTIL=20270201T000000Z",
                    )
                ),
                "$.calendar.VEVENT[0].RRULE",
                "COUNT and UNTIL",
            ),
            (
                calendar(
                    event(
                        "DTSTART:20270105T080000Z",
                        "RRULE:FREQ=DAILY;COUNT=3",
                        "EXRULE:FREQ=SECONDLY",
                    )
                ),
                "$.calendar.VEVENT[0].EXRULE",
                "more often than daily",
            ),
            ("", "$.calendar", "no VCALENDAR"),
            (
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
                "$.calendar.line[3]",
                "END names 'VCALENDAR', but the open component is 'VEVENT'",
            ),
            ("END:VCALENDAR\r\n", "$.calendar.line[1]", "the open component is none"),
            (
                "BEGIN:VCALENDAR\r\nEND:VEVENT\r\n",
                "$.calendar.line[2]",
                "END names 'VEVENT', but the open component is 'VCALENDAR'",
            ),
            (
                calendar(event("SUMMARY:Møde")).removesuffix("END:VCALENDAR\r\n"),
                "$.calendar.line[1]",
                "the component 'VCALENDAR' is never closed by END",
            ),
        ],
    )
    def test_refused_where_it_is(self, text: str, path: str, said: str) -> None:
        with pytest.raises(lm.InvalidDataError) as info:
            lm.busy_from_ical(text, YEAR_2027)
        problem = info.value.problems[0]
        assert problem.json_path == path
        assert said in problem.reason.en
        assert problem.reason.da
        assert problem.fix.da
        for lang in lm.LANGUAGES:
            assert "Traceback" not in info.value.message(lang)
            assert "Expected" not in info.value.message(lang)

    def test_broken_lines_busy_time_does_not_depend_on_are_passed_over(
        self,
    ) -> None:
        good = calendar(event("DTSTART:20270105T080000Z", "DURATION:PT1H"))
        broken = good.replace(
            "DURATION:PT1H\r\n",
            "DURATION:PT1H\r\nX-APPLE-RADIUS=49.9\r\nDESCRIPTION:a\r\nl broken fold\r\n"
            "RRULE:\r\nSUMMARY;=x:y\r\n",
        )
        assert lm.busy_from_ical(broken, YEAR_2027) == lm.busy_from_ical(
            good, YEAR_2027
        )

    def test_an_event_without_dtstart_is_no_busy_time(self) -> None:
        text = calendar(
            event("SUMMARY:a reply naming an event", uid="a"),
            event("DTSTART:20270105T080000Z", "DURATION:PT1H", uid="b"),
        )
        assert len(lm.busy_from_ical(text, YEAR_2027)) == 1

    def test_a_time_given_twice_is_refused(self) -> None:
        text = calendar(event("DTSTART:20270105T080000Z", "DTSTART:20270105T100000Z"))
        with pytest.raises(lm.InvalidDataError) as info:
            lm.busy_from_ical(text, YEAR_2027)
        assert info.value.problems[0].json_path == "$.calendar.VEVENT[0].DTSTART"
        assert "more than one DTSTART" in info.value.problems[0].reason.en

    def test_a_bare_vevent_is_no_calendar(self) -> None:
        with pytest.raises(lm.InvalidDataError, match="no VCALENDAR"):
            lm.busy_from_ical(event("DTSTART:20270105T080000Z"), YEAR_2027)

    def test_not_utf8(self) -> None:
        data = calendar(event("SUMMARY:Møde", "DTSTART:20270105T080000Z")).encode(
            "latin-1"
        )
        with pytest.raises(lm.InvalidDataError) as info:
            lm.busy_from_ical(data, YEAR_2027)
        assert info.value.problems[0].json_path == "$.calendar.line[8]"

    def test_the_window_is_bounded(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="five years"):
            lm.busy_from_ical(
                calendar(),
                (YEAR_2027[0], YEAR_2027[0] + lm.MAX_WINDOW + timedelta(days=1)),
            )

    def test_at_most_max_occurrences_per_event(self) -> None:
        start = datetime(2027, 1, 1, tzinfo=UTC)
        many = ",".join(
            f"{start + timedelta(minutes=m):%Y%m%dT%H%M%SZ}"
            for m in range(lm.MAX_OCCURRENCES + 1)
        )
        text = calendar(
            event("DTSTART:20261231T000000Z", "DURATION:PT1M", f"RDATE:{many}")
        )
        with pytest.raises(lm.InvalidDataError) as info:
            lm.busy_from_ical(text, YEAR_2027)
        assert "more than 10,000 busy times" in info.value.problems[0].reason.en

    def test_busy_time_outside_the_years_of_the_model(self) -> None:
        text = calendar(event("DTSTART:18991231T080000Z", "DTEND:19000102T080000Z"))
        window = (
            datetime(1900, 1, 1, 12, tzinfo=CPH),
            datetime(1900, 2, 1, tzinfo=CPH),
        )
        with pytest.raises(lm.InvalidDataError) as info:
            lm.busy_from_ical(text, window)
        (problem,) = info.value.problems
        assert problem.json_path == "$.calendar.VEVENT['event-1@example.org']"
        assert "1900" in problem.reason.en

    def test_at_most_max_occurrences_per_free_busy_block(self) -> None:
        start = datetime(2027, 1, 1, tzinfo=UTC)
        many = ",".join(
            f"{start + timedelta(minutes=2 * m):%Y%m%dT%H%M%SZ}/PT1M"
            for m in range(lm.MAX_OCCURRENCES + 1)
        )
        text = calendar(f"BEGIN:VFREEBUSY\r\nFREEBUSY:{many}\r\nEND:VFREEBUSY\r\n")
        with pytest.raises(lm.InvalidDataError) as info:
            lm.busy_from_ical(text, YEAR_2027)
        assert info.value.problems[0].json_path == "$.calendar.VFREEBUSY[0]"

    def test_without_the_extra_the_error_names_it(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        real = importlib.import_module

        def missing(name: str, *args: Any) -> Any:
            if name in ("icalendar", "recurring_ical_events"):
                raise ImportError(name)
            return real(name, *args)

        monkeypatch.setattr(importlib, "import_module", missing)
        with pytest.raises(lm.LearnmeetError) as info:
            lm.busy_from_ical(calendar(), YEAR_2027)
        assert "learnmeet[calendar]" in info.value.fix.en


# -- properties ------------------------------------------------------------------

_RULES = (
    "FREQ=WEEKLY",
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=WEEKLY;INTERVAL=2",
    "FREQ=MONTHLY",
)


@settings(max_examples=40, deadline=None)
@given(
    start=st.datetimes(
        min_value=datetime(2026, 6, 1),
        max_value=datetime(2027, 6, 1),
        timezones=st.just(CPH),
        allow_imaginary=False,
    ).map(lambda d: d.replace(second=0, microsecond=0, fold=0)),
    rule=st.sampled_from(_RULES),
    count=st.integers(1, 40),
    minutes=st.integers(15, 180),
)
def test_a_series_reads_back_as_the_same_instants(
    start: datetime, rule: str, count: int, minutes: int
) -> None:
    """A Series written as a VEVENT (DTSTART;TZID and its RRULE) is busy at
    exactly the series' occurrences, read by the calendar libraries."""
    series = lm.Series(start=start, rule=f"{rule};COUNT={count}")
    text = calendar(
        event(
            f"DTSTART;TZID={series.zone.key}:{start:%Y%m%dT%H%M%S}",
            f"DURATION:PT{minutes}M",
            f"RRULE:{series.rule}",
        )
    )
    window = (datetime(2026, 1, 1, tzinfo=CPH), datetime(2030, 12, 31, tzinfo=CPH))
    busy = lm.busy_from_ical(text, window)
    # (A monthly rule from the 31st meets only in months of 31 days: it may
    # run past the window.)
    assert [i.start.astimezone(UTC) for i in busy] == [
        o.astimezone(UTC) for o in series.occurrences() if o < window[1]
    ]
    assert {i.duration for i in busy} == {timedelta(minutes=minutes)}


@settings(max_examples=25, deadline=None)
@given(meetings=st.lists(st.deferred(lambda: _meetings()), max_size=4))
def test_what_to_ical_writes_reads_back_as_busy(meetings: list[lm.Meeting]) -> None:
    """Every meeting learnmeet writes is busy time of its attendees when read."""
    meetings = list({m.id: m for m in meetings}.values())
    text = lm.to_ical(meetings)
    first = min((m.start for m in meetings), default=YEAR_2027[0])
    window = (first - timedelta(days=1), first + timedelta(days=1000))
    busy = lm.busy_from_ical(text, window)
    expected = sorted(
        (m.start.astimezone(UTC), m.end.astimezone(UTC))
        for m in meetings
        if m.status is not lm.MeetingStatus.CANCELLED
        and m.start.astimezone(UTC) < window[1]
    )
    assert [(i.start.astimezone(UTC), i.end.astimezone(UTC)) for i in busy] == expected


def _meetings() -> st.SearchStrategy[lm.Meeting]:
    from learnmeet.strategies import meetings

    return meetings()


def test_all_day_events_are_the_local_days() -> None:
    text = calendar(event("DTSTART;VALUE=DATE:20270328", uid="d"))
    (busy,) = lm.busy_from_ical(text, YEAR_2027, zone=ZoneInfo("Europe/Copenhagen"))
    # The day summer time starts is 23 hours long.
    assert busy.duration == timedelta(hours=23)
    assert busy.start.date() == date(2027, 3, 28)


def _corpus() -> list[Path]:
    """The calendars of icalendar's and recurring-ical-events' own test suites:
    real exports and the broken files their users reported."""
    found: list[Path] = []
    for package, folder in (
        ("icalendar", "tests/calendars"),
        ("recurring_ical_events", "test/calendars"),
    ):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin is not None:
            found += sorted((Path(spec.origin).parent / folder).glob("*.ics"))
    return found


@pytest.mark.skipif(not _corpus(), reason="the libraries ship no test calendars")
def test_another_librarys_corpus_is_read_or_refused_in_words() -> None:
    """Every calendar of the corpus gives busy time or an InvalidDataError at
    its file: never a parser's exception, a warning or a hang."""
    read = refused = 0
    for path in _corpus():
        data = path.read_bytes()
        year = re.search(rb"DTSTART[^:\r\n]*:([0-9]{4})", data)
        first = min(max(int(year[1]) if year else 2020, 1901), 9990)
        window = (
            datetime(first, 1, 1, tzinfo=CPH),
            datetime(first + 4, 12, 1, tzinfo=CPH),
        )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                lm.busy_from_ical(data, window, name=path.name)
            read += 1
        except lm.InvalidDataError as error:
            refused += 1
            for problem in error.problems:
                assert problem.path[0] == path.name[:40] + (
                    "…" if len(path.name) > 40 else ""
                )
                assert problem.reason.da
    assert read > 2 * refused
