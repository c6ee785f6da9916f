"""plan_period: a quarter for a whole scenario, deterministic and validated."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta, timezone

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet import strategies as lst
from learnmeet.data import load_sample

SAMPLE = load_sample()
Q1 = (date(2027, 1, 1), date(2027, 3, 31))
PLAN = lm.plan_period(SAMPLE, start=Q1[0], end=Q1[1])
STAMP = datetime(2027, 1, 1, tzinfo=timezone.utc)


class TestQuarter:
    """The seeds' model: learning in forums, home meetings, an audit, course days."""

    def test_learning_in_every_forum(self) -> None:
        assert {p.forum.id for p in PLAN.learning} == {f.id for f in SAMPLE.forums}
        assert all(p.meetings for p in PLAN.learning)

    def test_home_meetings_and_one_audit(self) -> None:
        codes = [m.format.code for m in PLAN.scheduled.meetings]
        assert codes.count("audit") == 1
        assert "home_meeting" in codes

    def test_no_errors_and_no_double_booking(self) -> None:
        assert PLAN.report.ok, PLAN.report.render("en")
        assert "LM201" not in PLAN.report.codes

    def test_inside_the_period(self) -> None:
        assert all(Q1[0] <= m.start.date() <= Q1[1] for m in PLAN.meetings)

    def test_under_filled_course_days_are_flagged(self) -> None:
        assert {f.session.id for f in PLAN.enrolment.below_minimum} <= {
            m.id for m in PLAN.enrolment.meetings
        }

    def test_deterministic(self) -> None:
        again = lm.plan_period(SAMPLE, start=Q1[0], end=Q1[1])
        assert lm.to_json(again.as_scenario()) == lm.to_json(PLAN.as_scenario())

    def test_plan_as_scenario_round_trips(self) -> None:
        scenario = PLAN.as_scenario()
        assert lm.from_json(lm.Scenario, lm.to_json(scenario)) == scenario

    def test_end_before_start(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.plan_period(SAMPLE, start=Q1[1], end=Q1[0])


class TestTitlesInTheOutputsLanguage:
    """Case english_plan_has_danish_titles: a planned meeting's title holds
    only what is not its format (the citizen's pseudonym, the forum's name;
    a course day none, its cohort's area is named from its label), so English
    output and an English calendar name each format once, in English."""

    DANISH = frozenset(
        f.label.da for f in lm.DEFAULT_CATALOG.formats if f.label.da != f.label.en
    )

    def test_the_titles_hold_what_is_not_the_format(self) -> None:
        forums = {f.id: f.name for f in SAMPLE.forums}
        for m in PLAN.meetings:
            if m.forum is not None:
                assert m.title == forums[m.forum]
            elif m.cohort is not None:
                assert m.title == ""
            else:
                assert m.case is not None
                assert m.title == m.case.citizen.pseudonym

    @pytest.mark.parametrize("lang", ["da", "en"])
    def test_every_heading_names_the_format_once(self, lang: lm.Lang) -> None:
        for m in PLAN.meetings:
            heading = m.heading(lang)
            assert heading.startswith(m.format.label.get(lang))
            assert heading.count(m.format.label.get(lang)) == 1
            if lang == "en":
                assert not any(da in heading for da in self.DANISH), heading

    def test_an_english_calendar_has_english_summaries(self) -> None:
        text = lm.to_ical(PLAN.meetings, lang="en", stamp=STAMP)
        summaries = [
            line
            for line in text.replace("\r\n ", "").splitlines()
            if line.startswith("SUMMARY:")
        ]
        assert len(summaries) == len(PLAN.meetings)
        assert "SUMMARY:cross-sectoral audit: B-102" in summaries
        assert not [s for s in summaries if any(da in s for da in self.DANISH)]


class TestCasesNoForumCanTake:
    """A case no forum's member works with is listed once for the period,
    in the plan, not once in every forum's learning plan."""

    def test_listed_once_in_the_plan(self) -> None:
        stranger = lm.Professional(
            id="p-stranger",
            profession=lm.DEFAULT_CATALOG.profession("nurse"),
            unit=SAMPLE.professionals[0].unit,
        )
        case = lm.CitizenCase(
            id="c-lonely", citizen=lm.Citizen("B-999"), care_team=[stranger]
        )
        scenario = attrs.evolve(
            SAMPLE,
            professionals=[*SAMPLE.professionals, stranger],
            cases=[*SAMPLE.cases, case],
        )
        plan = lm.plan_period(scenario, start=Q1[0], end=Q1[1])
        assert [u.case.id for u in plan.unattached] == ["c-lonely"]
        assert "no member of any forum" in plan.unattached[0].reason.en
        assert not any(
            u.case.id == "c-lonely" for p in plan.learning for u in p.unattached
        )
        assert PLAN.unattached == ()


class TestThePeriod:
    """A period is five years at most, in the years of the model: a scenario
    file can never make a plan run for minutes."""

    def test_five_years_at_most(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.plan_period(SAMPLE, start=date(2027, 1, 1), end=date(2032, 1, 2))
        error = info.value
        assert (error.where, error.path) == ("plan_period", ("end",))
        assert "longer than five years (1827 days)" in error.reason.en
        assert "længere end fem år" in error.reason.da

    def test_every_is_checked_where_it_was_given(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="1 or more") as info:
            lm.plan_period(
                SAMPLE, start=date(2027, 1, 1), end=date(2027, 3, 31), every=0
            )
        assert (info.value.where, info.value.path) == ("plan_period", ("every",))

    def test_the_first_day_of_the_years_is_planned(self) -> None:
        """1900-01-01 00:00 in Copenhagen is 1899 in UTC, and still a day of
        the model's years."""
        plan = lm.plan_period(SAMPLE, start=date(1900, 1, 1), end=date(1900, 1, 31))
        assert plan.meetings
        assert all(m.start.year == 1900 for m in plan.meetings)

    @pytest.mark.parametrize(
        ("start", "end", "field"),
        [
            (date(1899, 12, 1), date(1900, 1, 31), "start"),
            (date(9998, 12, 1), date(9999, 1, 31), "end"),
        ],
    )
    def test_outside_the_years_of_the_model(
        self, start: date, end: date, field: str
    ) -> None:
        with pytest.raises(lm.InvalidValueError, match="outside the years") as info:
            lm.plan_period(SAMPLE, start=start, end=end)
        assert info.value.path == (field,)


def test_a_period_to_the_last_day_of_the_years_is_planned() -> None:
    """Windows end on the last day's last microsecond, and the course day
    falls in the period's years, not in 9999."""
    plan = lm.plan_period(SAMPLE, start=date(9998, 12, 1), end=date(9998, 12, 31))
    assert plan.meetings
    assert all(m.end.year == 9998 for m in plan.meetings)


class TestAroundTheStaffsCalendars:
    """Busy time read from calendars is planned around, like meetings are."""

    def test_a_busy_professional_is_met_later(self) -> None:
        sample = load_sample()
        start, end = date(2027, 1, 1), date(2027, 3, 31)
        plain = lm.plan_period(sample, start=start, end=end)
        audit = next(
            m for m in plain.scheduled.meetings if m.id.startswith("audit-c-102")
        )
        busy_person = "professional:p-004"
        assert busy_person in {a.person.key for a in audit.attendees}
        week = lm.Interval(audit.start, audit.start + timedelta(days=5))
        index = lm.BusyIndex({busy_person: [week]})
        planned = lm.plan_period(sample, start=start, end=end, busy=index)
        theirs = [
            m
            for m in planned.scheduled.meetings
            if busy_person in {a.person.key for a in m.attendees}
        ]
        assert theirs
        assert all(m.end <= week.start or m.start >= week.end for m in theirs)
        assert planned.scheduled.meetings != plain.scheduled.meetings
        # The index handed in is left as it was.
        assert index.intervals(busy_person) == (week,)


class TestMeetingIds:
    """A planned meeting's id — and so its calendar UID — says what the
    meeting is: the same meeting keeps it, two meetings never share it."""

    def test_what_the_ids_say(self) -> None:
        for meeting in PLAN.meetings:
            day = f"{meeting.start:%Y%m%d}"
            assert day in meeting.id
            if meeting.forum is not None:
                assert meeting.id.startswith(f"{meeting.forum}-{day}")
            if meeting.case is not None and meeting.forum is None:
                assert meeting.id == f"{meeting.format.code}-{meeting.case.id}-{day}"

    def test_two_quarters_share_no_uid(self) -> None:
        """Case uid_collision_across_quarters: course days, home meetings and
        the audit of Q1 and Q2 were called alike, so importing Q2 moved Q1's
        events."""
        q2 = lm.plan_period(SAMPLE, start=date(2027, 4, 1), end=date(2027, 6, 30))
        first = lm.to_ical(PLAN.meetings, stamp=STAMP)
        second = lm.to_ical(q2.meetings, stamp=STAMP)
        assert not set(_uids(first)) & set(_uids(second))

    @pytest.mark.parametrize("days", [7, 14, 15, 30])
    def test_a_moved_from_keeps_the_forum_uids(self, days: int) -> None:
        """Case uid_collision_across_quarters, second half: moving --from two
        weeks earlier renumbered the forums' meetings, so a re-import
        duplicated them. The same occurrence is now the same meeting."""
        earlier = lm.plan_period(
            SAMPLE, start=Q1[0] - timedelta(days=days), end=Q1[1], every=1
        )
        later = lm.plan_period(SAMPLE, start=Q1[0], end=Q1[1], every=1)
        _same_forum_ids(earlier, later)

    @settings(max_examples=15, deadline=None)
    @given(lst.scenarios(), st.integers(0, 40), st.integers(1, 3))
    def test_any_scenario_any_shift(
        self, scenario: lm.Scenario, days: int, every: int
    ) -> None:
        """For any scenario: plans of two periods share an id only for the
        same forum occurrence, and two meetings of one plan never share one."""
        start = date(2027, 1, 4)
        first = lm.plan_period(
            scenario, start=start, end=start + timedelta(days=30), every=every
        )
        second = lm.plan_period(
            scenario,
            start=start + timedelta(days=days),
            end=start + timedelta(days=days + 30),
            every=every,
        )
        for plan in (first, second):
            ids = [m.id for m in plan.meetings]
            assert len(ids) == len(set(ids))
        _same_forum_ids(first, second)


def _uids(text: str) -> list[str]:
    return [line[4:] for line in text.split("\r\n") if line.startswith("UID:")]


def _same_forum_ids(one: lm.PeriodPlan, other: lm.PeriodPlan) -> None:
    """A meeting id in both plans is the same occurrence; the same
    occurrence has the same id in both."""
    by_id = {m.id: m for m in one.meetings}
    for meeting in other.meetings:
        twin = by_id.get(meeting.id)
        if twin is not None:
            assert (twin.forum, twin.start, twin.format) == (
                meeting.forum,
                meeting.start,
                meeting.format,
            )
    occurrences = {(m.forum, m.start): m.id for m in one.meetings if m.forum}
    for meeting in other.meetings:
        if meeting.forum and (meeting.forum, meeting.start) in occurrences:
            assert occurrences[meeting.forum, meeting.start] == meeting.id


def _with_consent(case_id: str, consent: lm.Consent) -> lm.Scenario:
    """The sample with one case's consent replaced (its meetings left out)."""
    cases = [
        attrs.evolve(c, consent=consent) if c.id == case_id else c for c in SAMPLE.cases
    ]
    return attrs.evolve(
        SAMPLE,
        cases=cases,
        meetings=[m for m in SAMPLE.meetings if not m.case or m.case.id != case_id],
    )


class TestNothingDroppedInSilence:
    """Every home meeting and audit asked for is placed, or listed with why."""

    def test_a_consent_given_during_the_period_places_the_meeting_after_it(
        self,
    ) -> None:
        given_on = date(2027, 2, 10)
        town = _with_consent("c-105", lm.Consent(given_on=given_on))
        plan = lm.plan_period(town, start=Q1[0], end=Q1[1])
        (home,) = [
            m
            for m in plan.scheduled.meetings
            if m.case and m.case.id == "c-105" and m.format.code == "home_meeting"
        ]
        assert home.start.date() >= given_on
        assert plan.report.ok, plan.report.render("en")

    def test_a_consent_withdrawn_before_the_period_is_told(self) -> None:
        town = _with_consent(
            "c-105",
            lm.Consent(given_on=date(2026, 6, 1), withdrawn_on=date(2026, 12, 1)),
        )
        plan = lm.plan_period(town, start=Q1[0], end=Q1[1])
        (told,) = [u for u in plan.scheduled.unplaced if u.request.case.id == "c-105"]
        assert "LM108" not in told.reason.en  # the rule's words, not its code
        assert "consent" in told.reason.en
        assert "samtykke" in told.reason.da
        assert told.blockers == ("citizen:" + told.request.case.citizen.pseudonym,)
        assert not any(m.case and m.case.id == "c-105" for m in plan.scheduled.meetings)

    @settings(max_examples=10, deadline=None)
    @given(st.dates(min_value=date(2026, 10, 1), max_value=date(2027, 4, 30)))
    def test_every_specialised_case_is_placed_or_listed(self, given_on: date) -> None:
        town = _with_consent("c-108", lm.Consent(given_on=given_on))
        plan = lm.plan_period(town, start=Q1[0], end=Q1[1])
        asked = {
            c.id
            for c in town.cases
            if c.is_concrete and c.palliative_level is lm.PalliativeLevel.SPECIALISED
        }
        placed = {
            m.case.id
            for m in plan.scheduled.meetings
            if m.case and m.format.code == "home_meeting"
        }
        listed = {
            u.request.case.id
            for u in plan.scheduled.unplaced
            if u.request.case and u.request.format.code == "home_meeting"
        }
        assert placed | listed == asked
        assert not placed & listed

    @settings(max_examples=15, deadline=None)
    @given(lst.scenarios(), st.integers(0, 60))
    def test_on_any_scenario_every_request_is_placed_or_listed(
        self, scenario: lm.Scenario, days: int
    ) -> None:
        start = date(2027, 1, 4) + timedelta(days=days)
        plan = lm.plan_period(scenario, start=start, end=start + timedelta(days=40))
        concrete = [c for c in scenario.cases if c.is_concrete]
        home = {
            c.id
            for c in concrete
            if c.palliative_level is lm.PalliativeLevel.SPECIALISED
        }

        def cases(code: str, meetings: object) -> list[str]:
            return [
                (m.case.id if m.case else "")
                for m in meetings  # type: ignore[attr-defined]
                if m.format.code == code
            ]

        placed = cases("home_meeting", plan.scheduled.meetings)
        listed = cases("home_meeting", [u.request for u in plan.scheduled.unplaced])
        assert sorted(placed + listed) == sorted(home)
        audits = cases("audit", plan.scheduled.meetings) + cases(
            "audit", [u.request for u in plan.scheduled.unplaced]
        )
        assert len(audits) == (1 if any(c.transitions for c in concrete) else 0)
        assert all(u.reason.da and u.reason.en for u in plan.scheduled.unplaced)


class TestARosterAccepts:
    """The demo's quarter: spread over it, with time to travel between places."""

    def test_the_meetings_placed_are_spread_over_the_quarter(self) -> None:
        days = sorted(m.start.date() for m in PLAN.scheduled.meetings)
        assert len(set(days)) == len(days)
        assert (days[-1] - days[0]).days >= 45

    def test_nobody_goes_between_two_places_without_travel_time(self) -> None:
        from learnmeet.planning._placement import place_of

        def where(m: lm.Meeting) -> str | None:
            return place_of(
                m.location, m.case.citizen.pseudonym if m.case else None, None
            )

        travel = lm.PlanningSettings().travel
        placed = set(PLAN.scheduled.meetings)
        planned = [*SAMPLE.meetings, *placed]
        planned += [m for p in PLAN.learning for m in p.meetings]
        agenda: dict[str, list[lm.Meeting]] = {}
        for m in planned:
            for a in m.attendees:
                if isinstance(a.person, lm.Professional):
                    agenda.setdefault(a.person.key, []).append(m)
        checked = 0
        for items in agenda.values():
            items.sort(key=lambda m: m.start)
            for first, second in itertools.pairwise(items):
                if {first, second} & placed:
                    checked += 1
                    gap = travel.between(where(first), where(second))
                    assert second.start >= first.end + gap
        assert checked


def _away_at_once(
    placed: list[lm.Meeting], everything: list[lm.Meeting], unit: str
) -> int:
    """The most people of *unit* away at the start of one of the *placed*."""
    most = 0
    for meeting in placed:
        gone = {
            a.person.key
            for m in everything
            if m.status is not lm.MeetingStatus.CANCELLED
            and m.start < meeting.end
            and meeting.start < m.end
            for a in m.attendees
            if isinstance(a.person, lm.Professional) and a.person.unit.id == unit
        }
        most = max(most, len(gone))
    return most


class TestNoUnitBelowItsMinimum:
    """No meeting the plan places leaves a unit with fewer on duty than it keeps."""

    def test_the_demo_quarter(self) -> None:
        from learnmeet.cli._demo import SETTINGS

        plan = lm.plan_period(SAMPLE, start=Q1[0], end=Q1[1], settings=SETTINGS)
        placed = [*plan.scheduled.meetings, *plan.enrolment.meetings]
        everything = [*SAMPLE.meetings, *plan.meetings]
        staff: dict[str, int] = {}
        for p in SAMPLE.professionals:
            staff[p.unit.id] = staff.get(p.unit.id, 0) + 1
        kept = [u for u, n in staff.items() if SETTINGS.keeps_on_duty(n)]
        assert kept  # the home-care units of eight
        for unit in kept:
            assert _away_at_once(placed, everything, unit) <= SETTINGS.away_at_most(
                unit, staff[unit]
            )


class TestCourseDaysAskWhoIsAtWork:
    """A course day never seats someone absent or off shift that day."""

    def test_an_absence_moves_a_person_off_the_course_day(self) -> None:
        first = PLAN.enrolment.meetings[0]
        person = first.professionals[0]
        day = first.start.date()
        away = attrs.evolve(
            SAMPLE,
            absences=[
                *SAMPLE.absences,
                lm.Absence.days(person.id, day, day, lm.AbsenceKind.LEAVE),
            ],
        )
        plan = lm.plan_period(away, start=Q1[0], end=Q1[1])
        on_that_day = [
            m
            for m in plan.enrolment.meetings
            if m.start.date() == day and person in m.professionals
        ]
        assert on_that_day == []
        seated = any(person in m.professionals for m in plan.enrolment.meetings)
        waiting = {p.id for ps in plan.enrolment.waiting.values() for p in ps}
        assert seated or person.id in waiting

    def test_a_night_worker_is_not_put_on_a_day_course(self) -> None:
        night = lm.WorkingHours(start=time(23), end=time(7), weekdays=range(7))
        person = PLAN.enrolment.meetings[0].professionals[0]
        nights = attrs.evolve(
            SAMPLE,
            working_patterns=[
                *(w for w in SAMPLE.working_patterns if w.professional != person.id),
                lm.WorkingPattern(professional=person.id, shifts=[night]),
            ],
        )
        plan = lm.plan_period(nights, start=Q1[0], end=Q1[1])
        assert not any(person in m.professionals for m in plan.enrolment.meetings)
        assert person.id in plan.enrolment.reasons


def test_a_consent_that_ends_early_is_named_in_the_reason() -> None:
    """Consent withdrawn on the period's fourth day leaves a holiday and a
    weekend: the reason says the consent cut the window, not only that
    nobody was free in it."""
    town = _with_consent(
        "c-105", lm.Consent(given_on=date(2026, 6, 1), withdrawn_on=date(2027, 1, 4))
    )
    plan = lm.plan_period(town, start=Q1[0], end=Q1[1])
    (told,) = [u for u in plan.scheduled.unplaced if u.request.case.id == "c-105"]
    assert "consent or management permission to use the case covers only " in (
        told.reason.en
    )
    assert "covers only 2027-01-01 to 2027-01-03" in told.reason.en
    assert "samtykket eller ledelsens tilladelse" in told.reason.da
    assert "dækker kun 2027-01-01 til 2027-01-03" in told.reason.da
    assert "0:45:00" not in told.reason.en


class TestLegalBasis:
    """plan_period reads consent, § 42 d permissions and the citizen's death."""

    def test_the_audit_of_a_deceased_citizen_plans_without_consent(self) -> None:
        (dead,) = [c for c in SAMPLE.cases if c.died_on is not None]
        # Only the deceased citizen's course has transitions: it is audited.
        others = [attrs.evolve(c, transitions=()) for c in SAMPLE.cases if c != dead]
        town = attrs.evolve(SAMPLE, cases=[*others, dead], meetings=[])
        plan = lm.plan_period(town, start=date(2027, 4, 1), end=date(2027, 6, 30))
        (audit,) = [m for m in plan.scheduled.meetings if m.format.code == "audit"]
        assert audit.case == dead
        assert dead.consent is None
        assert plan.report.ok, plan.report.render("en")

    def test_no_meeting_in_the_home_after_death(self) -> None:
        case = next(c for c in SAMPLE.cases if c.id == "c-105")
        died = attrs.evolve(case, died_on=date(2026, 12, 20))
        town = attrs.evolve(
            SAMPLE,
            cases=[died if c.id == "c-105" else c for c in SAMPLE.cases],
            meetings=[],
        )
        plan = lm.plan_period(town, start=Q1[0], end=Q1[1])
        requested = [
            *plan.scheduled.meetings,
            *(u.request for u in plan.scheduled.unplaced),
        ]
        assert not [
            r
            for r in requested
            if r.case is not None
            and r.case.id == "c-105"
            and r.format.code == "home_meeting"
        ]

    def test_the_audit_takes_the_longest_stretch_a_basis_covers(self) -> None:
        """Consent for the first five days, a § 42 d permission from February:
        the audit is placed in February or March."""
        case = next(c for c in SAMPLE.cases if c.id == "c-102")
        covered = attrs.evolve(
            case,
            consent=lm.Consent(given_on=date(2026, 11, 2), expires_on=date(2027, 1, 5)),
            permissions=[
                lm.Permission(permitted_by="p-037", permitted_on=date(2027, 2, 1))
            ],
        )
        town = attrs.evolve(
            SAMPLE,
            cases=[covered if c.id == "c-102" else c for c in SAMPLE.cases],
            meetings=[],
        )
        plan = lm.plan_period(town, start=Q1[0], end=Q1[1])
        (audit,) = [m for m in plan.scheduled.meetings if m.format.code == "audit"]
        assert audit.case == covered
        assert audit.start.date() >= date(2027, 2, 1)
