"""Who is booked when: the per-person index the double-booking rule searches.

The rule once scanned every meeting of the context for every meeting it
checked; the index must find exactly what that scan found, in the same
words, on any meetings: the reference scan is kept here to compare against.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from datetime import timedelta, timezone

import attrs
from hypothesis import given, strategies as st

import learnmeet as lm
from examples import valid_meetings
from learnmeet.rules._bookings import Bookings
from learnmeet.rules._context import DOUBLE_BOOKING

VALID = valid_meetings()
BASE = VALID["learning_meeting"]
SHAPES = [VALID["learning_meeting"], VALID["audit"], VALID["home_meeting"]]


def reference(meeting: lm.Meeting, context: lm.RuleContext) -> Iterator[lm.Finding]:
    """The old scan, in today's words: every other meeting, every attendee.

    A person is named by the id the user gave (a citizen by the pseudonym).
    """
    if meeting.status is lm.MeetingStatus.CANCELLED:
        return
    mine = {a.person.key for a in meeting.taking_part}
    names = {
        a.person.key: a.person.pseudonym
        if isinstance(a.person, lm.Citizen)
        else a.person.id
        for a in meeting.taking_part
    }
    clashes: dict[str, list[str]] = {}
    start = meeting.start.astimezone(timezone.utc)
    end = meeting.end.astimezone(timezone.utc)
    for other in context.meetings:
        if other.id == meeting.id or other.status is lm.MeetingStatus.CANCELLED:
            continue
        if other.start.astimezone(timezone.utc) < end and start < other.end:
            for a in other.taking_part:
                if a.person.key in mine:
                    clashes.setdefault(a.person.key, []).append(other.id)
    for key in sorted(clashes):
        ids = sorted(clashes[key])
        others = ", ".join(ids[:10])
        more = len(ids) - 10
        more_da, more_en = (
            (f" og {more} mere", f" and {more} more") if more > 0 else ("", "")
        )
        yield lm.Finding(
            lm.Subject(lm.SubjectKind.ATTENDEE, key),
            lm.Label(
                da=f"{names[key]!r} er dobbeltbooket: mødet overlapper "
                f"{others}{more_da}; flyt et af møderne eller find en stedfortræder",
                en=f"{names[key]!r} is double-booked: the meeting overlaps "
                f"{others}{more_en}; move one of the meetings or find a stand-in",
            ),
        )


def _cancelled(m: lm.Meeting) -> lm.Meeting:
    return attrs.evolve(
        m,
        status=lm.MeetingStatus.CANCELLED,
        cancellation=lm.Cancellation(lm.CancellationReason.ILLNESS),
    )


@st.composite
def calendars(draw: st.DrawFn) -> list[lm.Meeting]:
    """Meetings of a few shapes (so the same people) at nearby times.

    Quarter hours within two days, 15 minutes to 6 hours long, some
    cancelled, some sharing an id: overlaps, touching ends and repeats.
    """
    count = draw(st.integers(1, 14))
    found = []
    for _ in range(count):
        shape = draw(st.sampled_from(SHAPES))
        meeting = attrs.evolve(
            shape,
            id=f"m-{draw(st.integers(0, count))}",
            start=BASE.start + timedelta(minutes=15 * draw(st.integers(0, 190))),
            duration=timedelta(minutes=15 * draw(st.integers(1, 24))),
        )
        if draw(st.integers(0, 5)) == 0:
            meeting = _cancelled(meeting)
        found.append(meeting)
    return found


class TestSameAsTheScan:
    """The index finds what scanning every meeting found, byte for byte."""

    @given(calendars())
    def test_rule_equals_reference(self, meetings: list[lm.Meeting]) -> None:
        context = lm.RuleContext(meetings=meetings)
        for meeting in meetings:
            assert list(DOUBLE_BOOKING.check(meeting, context)) == list(
                reference(meeting, context)
            )

    @given(calendars())
    def test_validate_all_equals_reference(self, meetings: list[lm.Meeting]) -> None:
        """validate_all adds the meetings to the context, as it always has."""
        context = lm.RuleContext(meetings=meetings[:2])
        report = lm.validate_all(meetings, context=context)
        wide = lm.RuleContext(meetings=[*meetings[:2], *meetings])
        expected = [
            (m.id, f.subject, f.message) for m in meetings for f in reference(m, wide)
        ]
        found = [
            (v.meeting, v.subject, v.message)
            for v in report.violations
            if v.code == "LM201"
        ]
        # The report keeps its own order; the findings are the same.
        assert sorted(found, key=repr) == sorted(expected, key=repr)

    def test_a_long_meeting_is_found_from_far_back(self) -> None:
        """The search starts as far back as the longest booking lasts."""
        long = attrs.evolve(VALID["audit"], id="long", duration=timedelta(hours=9))
        short = attrs.evolve(BASE, id="short", start=BASE.start + timedelta(hours=8))
        context = lm.RuleContext(meetings=[long, short])
        assert list(DOUBLE_BOOKING.check(short, context))
        late = attrs.evolve(short, start=BASE.start + timedelta(hours=9))
        assert not list(DOUBLE_BOOKING.check(late, lm.RuleContext(meetings=[long])))


class TestBookings:
    """The index itself: per person, sorted, cancelled meetings left out."""

    def test_cancelled_books_nobody(self) -> None:
        assert Bookings.of([_cancelled(BASE)]).lines == {}

    def test_per_person_sorted(self) -> None:
        later = attrs.evolve(BASE, id="later", start=BASE.start + timedelta(days=1))
        index = Bookings.of([later, BASE])
        for a in BASE.taking_part:
            assert index.lines[a.person.key].ids == (BASE.id, "later")

    def test_search(self) -> None:
        index = Bookings.of([BASE])
        key = BASE.taking_part[0].person.key
        start = BASE.start.astimezone(timezone.utc)
        assert list(index.overlapping(key, start, start + timedelta(minutes=1))) == [
            BASE.id
        ]
        assert (
            list(index.overlapping(key, BASE.end, BASE.end + timedelta(hours=1))) == []
        )
        assert list(index.overlapping("nobody", start, BASE.end)) == []

    def test_the_context_keeps_its_index(self) -> None:
        """Built once per context, not kept anywhere else, and left out of
        equality; a context with its index still pickles and compares."""
        context = lm.RuleContext(meetings=[BASE])
        first = context._booked()
        assert context._booked() is first
        assert context == lm.RuleContext(meetings=[BASE])
        assert pickle.loads(pickle.dumps(context)) == context
