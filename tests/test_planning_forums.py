"""Attaching learning to existing forums: a quarter's plan without an extra meeting."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from examples import CASE, FICTIONAL, HOME_CARE_N, NURSE_N, PT_N, SSA_N, SSH_N, pro
from learnmeet.data import load_sample
from learnmeet.model._cases import not_covered
from learnmeet.planning._forums import cases_by_member, nobody_works_with

CPH = lm.COPENHAGEN
UTC = timezone.utc
FORUM = lm.Forum(
    id="tirsdag-nord",
    name="Tirsdagsmøde, hjemmeplejen Nord",
    unit=HOME_CARE_N,
    members=[NURSE_N, SSA_N, SSH_N, PT_N],
    first_start=datetime(2027, 1, 5, 9, tzinfo=CPH),
    duration=timedelta(minutes=60),
    recurrence="FREQ=WEEKLY;BYDAY=TU",
)
QUARTER = (datetime(2027, 2, 1, tzinfo=CPH), datetime(2027, 5, 1, tzinfo=CPH))
OTHER = attrs.evolve(CASE, id="c-102", citizen=lm.Citizen("B-102"), relatives=())
STRANGER = attrs.evolve(
    CASE,
    id="c-103",
    citizen=lm.Citizen("B-103"),
    relatives=(),
    care_team=[pro("x-1", "nurse", HOME_CARE_N)],
)


def _plan(**kwargs: object) -> lm.LearningPlan:
    options: dict[str, object] = {"cases": [CASE, OTHER], "window": QUARTER, **kwargs}
    return lm.attach_learning(FORUM, **options)  # type: ignore[arg-type]


class TestAttach:
    """Chosen occurrences become learning meetings about concrete cases."""

    def test_every_second_tuesday(self) -> None:
        plan = _plan(every=2)
        starts = [m.start for m in plan.meetings]
        assert all(s.weekday() == 1 and s.hour == 9 for s in starts)
        assert all(b - a == timedelta(weeks=2) for a, b in itertools.pairwise(starts))
        assert all(m.forum == FORUM.id for m in plan.meetings)

    def test_no_extra_meeting_is_added(self) -> None:
        plan = _plan()
        occurrences = set(lm.forum_series(FORUM).occurrences(*QUARTER))
        assert {m.start for m in plan.meetings} <= occurrences

    def test_cases_take_turns(self) -> None:
        plan = _plan()
        ids = [m.case.id for m in plan.meetings if m.case is not None]
        assert ids[:4] == ["c-101", "c-102", "c-101", "c-102"]

    def test_meetings_validate_without_errors(self) -> None:
        plan = _plan()
        assert plan.report.ok, plan.report.render("en")
        assert all(m.reflection is not None for m in plan.meetings)

    def test_minutes_at_the_end(self) -> None:
        plan = _plan(minutes=20)
        meeting = plan.meetings[0]
        assert meeting.duration == timedelta(minutes=20)
        assert meeting.start.hour == 9
        assert meeting.start.minute == 40

    def test_minutes_at_the_end_across_the_autumn_change(self) -> None:
        """A two-hour forum from 01:30 summer time on the night summer time
        ends: its last half hour starts 90 minutes later, at 02:00 winter time
        (the second 02:00), and ends when the forum does."""
        night = attrs.evolve(
            FORUM,
            first_start=datetime(2027, 10, 31, 1, 30, tzinfo=CPH),
            duration=timedelta(hours=2),
            recurrence="FREQ=WEEKLY;COUNT=1",
        )
        window = (datetime(2027, 10, 1, tzinfo=CPH), datetime(2027, 12, 1, tzinfo=CPH))
        plan = lm.attach_learning(night, cases=[CASE], window=window, minutes=30)
        (meeting,) = plan.meetings
        forum_end = night.first_start.astimezone(UTC) + night.duration
        assert meeting.end.astimezone(UTC) == forum_end
        assert (meeting.start.hour, meeting.start.minute, meeting.start.fold) == (
            2,
            0,
            1,
        )

    def test_the_window_is_five_years_at_most(self) -> None:
        start = datetime(2027, 1, 1, tzinfo=CPH)
        with pytest.raises(lm.InvalidValueError) as info:
            _plan(window=(start, start + timedelta(days=1828)))
        error = info.value
        assert (error.where, error.path) == ("attach_learning", ("window",))
        assert "longer than five years" in error.reason.en
        with pytest.raises(lm.InvalidValueError, match="must end after it starts"):
            _plan(window=(start, start))

    def test_a_forum_of_long_standing(self) -> None:
        """A forum held every Tuesday since 1927 plans a quarter of 2027 as
        one that began this year does."""
        old = attrs.evolve(FORUM, first_start=datetime(1927, 1, 4, 9, tzinfo=CPH))
        plan = lm.attach_learning(old, cases=[CASE, OTHER], window=QUARTER)
        assert [m.start for m in plan.meetings] == [m.start for m in _plan().meetings]

    def test_holidays_are_skipped(self) -> None:
        holidays = [h.day for h in lm.danish_holidays(2027)]
        plan = _plan(
            skip=holidays, window=(QUARTER[0], datetime(2027, 12, 31, tzinfo=CPH))
        )
        assert not {m.start.date() for m in plan.meetings} & set(holidays)

    def test_same_input_same_plan(self) -> None:
        assert _plan() == lm.attach_learning(FORUM, cases=[OTHER, CASE], window=QUARTER)


class TestLeftOut:
    """Cases that cannot be used are reported with the reason, not dropped silently."""

    def test_reasons(self) -> None:
        no_consent = attrs.evolve(CASE, id="c-104", consent=None)
        fictional = attrs.evolve(FICTIONAL, care_team=[NURSE_N])
        plan = _plan(cases=[CASE, fictional, STRANGER, no_consent])
        reasons = {u.case.id: u.reason.en for u in plan.unattached}
        assert "fictional" in reasons["c-fic"]
        assert "consent" in reasons["c-104"]
        # No member works with the stranger: not the forum's case at all.
        assert "c-103" not in reasons
        late = _plan(
            cases=[CASE],
            window=(
                datetime(2027, 1, 1, tzinfo=CPH),
                datetime(2027, 1, 20, tzinfo=CPH),
            ),
        )
        assert late.meetings == ()
        assert "consent" in late.unattached[0].reason.en
        assert {m.case.id for m in plan.meetings if m.case} == {"c-101"}

    def test_too_few_occurrences(self) -> None:
        window = (QUARTER[0], datetime(2027, 2, 3, tzinfo=CPH))
        plan = _plan(window=window)
        assert len(plan.meetings) == 1
        assert [u.case.id for u in plan.unattached] == ["c-102"]

    @pytest.mark.parametrize(("every", "minutes"), [(0, None), (1, 0), (1, 61)])
    def test_bad_arguments(self, every: int, minutes: int | None) -> None:
        with pytest.raises(lm.InvalidValueError):
            _plan(every=every, minutes=minutes)


class TestTheEndOfTheYears:
    """An occurrence that would end after 9998 cannot be a meeting, as no
    meeting can; it is left out, as a closed day is, and the rest planned."""

    def test_the_last_evening_is_left_out(self) -> None:
        late = attrs.evolve(
            FORUM,
            first_start=datetime(9998, 12, 1, 22, 30, tzinfo=CPH),
            duration=timedelta(hours=2),
            recurrence="FREQ=DAILY",
        )
        window = (
            datetime(9998, 12, 28, tzinfo=CPH),
            datetime(9998, 12, 31, 23, 59, tzinfo=CPH),
        )
        plan = lm.attach_learning(late, cases=[CASE], window=window)
        assert [m.start.day for m in plan.meetings] == [28, 29, 30]
        assert all(m.end.year == 9998 for m in plan.meetings)

    def test_a_forum_whose_first_meeting_ends_in_9999_is_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(
                FORUM,
                first_start=datetime(9998, 12, 31, 23, 30, tzinfo=CPH),
                duration=timedelta(hours=1),
            )
        assert info.value.location == "Forum.duration"
        assert "year 9999" in info.value.reason.en


class TestMeetingIds:
    """The learning at an occurrence is called by the forum and the day, so
    it is the same meeting whatever window it was planned in."""

    def test_the_forum_and_the_day(self) -> None:
        plan = _plan()
        assert plan.meetings
        for meeting in plan.meetings:
            assert meeting.id == f"tirsdag-nord-{meeting.start:%Y%m%d}"

    def test_a_later_window_keeps_the_ids(self) -> None:
        every = lm.attach_learning(FORUM, cases=[CASE, OTHER], window=QUARTER, every=1)
        later = lm.attach_learning(
            FORUM,
            cases=[CASE, OTHER],
            window=(QUARTER[0] + timedelta(days=9), QUARTER[1]),
            every=1,
        )
        ids = {m.start: m.id for m in every.meetings}
        assert later.meetings
        for meeting in later.meetings:
            assert ids[meeting.start] == meeting.id

    def test_two_occurrences_on_one_day(self) -> None:
        """The second occurrence of a day adds its local time."""
        twice = attrs.evolve(FORUM, recurrence="FREQ=WEEKLY;BYDAY=TU;BYHOUR=9,14")
        plan = lm.attach_learning(twice, cases=[CASE, OTHER], window=QUARTER, every=1)
        ids = [m.id for m in plan.meetings]
        assert len(ids) == len(set(ids))
        first, second = plan.meetings[:2]
        assert first.start.date() == second.start.date()
        assert first.id == f"tirsdag-nord-{first.start:%Y%m%d}"
        assert second.id == f"tirsdag-nord-{second.start:%Y%m%d}-1400"


SAMPLE = load_sample()


def reference(
    forum: lm.Forum,
    cases: list[lm.CitizenCase],
    window: tuple[datetime, datetime],
    every: int,
) -> list[tuple[datetime, str]]:
    """The attachments as attach_learning made them by looking at every case."""
    members = {p.id for p in forum.members}
    occurrences = lm.forum_series(forum).occurrences(*window)
    pool = sorted(
        set(cases), key=lambda c: (-len(members & {p.id for p in c.care_team}), c.id)
    )
    usable = [
        c for c in pool if c.is_concrete and members & {p.id for p in c.care_team}
    ]
    organisations = {p.unit.organisation for p in forum.members}
    found = []
    turn = 0
    for occurrence in occurrences[::every]:
        day = occurrence.date()
        ready = [
            c
            for c in usable
            if c.basis_on(day) is not None and not not_covered(c, organisations, day)
        ]
        if ready:
            found.append((occurrence, ready[turn % len(ready)].id))
            turn += 1
    return found


class TestOnlyTheMembersCases:
    """A forum looks only at the cases its members work with, found by an
    index of the cases by professional; it attaches what looking at every
    case attached."""

    @settings(max_examples=40, deadline=None)
    @given(
        st.sampled_from(SAMPLE.forums),
        st.permutations(SAMPLE.cases).flatmap(
            lambda cases: st.integers(0, len(cases)).map(lambda n: cases[:n])
        ),
        st.integers(1, 3),
        st.integers(0, 120),
    )
    def test_same_attachments_as_looking_at_every_case(
        self, forum: lm.Forum, cases: list[lm.CitizenCase], every: int, day: int
    ) -> None:
        start = datetime(2027, 1, 1, tzinfo=CPH) + timedelta(days=day)
        window = (start, start + timedelta(days=60))
        plan = lm.attach_learning(forum, cases=cases, window=window, every=every)
        found = [(m.start, m.case.id) for m in plan.meetings if m.case is not None]
        assert found == reference(forum, cases, window, every)
        members = {p.id for p in forum.members}
        assert all(members & {p.id for p in u.case.care_team} for u in plan.unattached)

    def test_the_index(self) -> None:
        index = cases_by_member([CASE, OTHER, CASE, STRANGER])
        assert index["x-1"] == [STRANGER]
        assert index[NURSE_N.id] == [CASE, OTHER]

    def test_nobody_works_with(self) -> None:
        left = nobody_works_with([STRANGER, CASE, FICTIONAL], [FORUM])
        assert [(u.case.id, "fictional" in u.reason.en) for u in left] == [
            ("c-103", False),
            ("c-fic", True),
        ]
        assert nobody_works_with([CASE], [FORUM]) == ()
