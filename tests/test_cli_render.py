"""How the command line shows a plan: readable lines in Danish or English.

render_plan is shared by ``learnmeet demo`` and ``learnmeet plan``; its lines
are checked here against the plan's own values, so they cannot drift from it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import attrs
import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from learnmeet.cli._render import counted, render_plan, when
from learnmeet.data import load_sample

CPH = lm.COPENHAGEN
HEADINGS = {
    "da": [
        "Læring i eksisterende mødefora (gør drift til udvikling):",
        "Møder hos borgeren og audit:",
        "Tværfaglige kursusdage pr. område:",
        "Validering af planen:",
    ],
    "en": [
        "Learning in existing forums (make everyday work a place for development):",
        "Meetings in the citizen's home and audit:",
        "Course days by area:",
        "Validation of the plan:",
    ],
}

NOT_PLACED = {"da": "ikke placeret", "en": "not placed"}


@pytest.fixture(scope="module")
def plan() -> lm.PeriodPlan:
    return lm.plan_period(load_sample(), start=date(2027, 1, 1), end=date(2027, 3, 31))


class TestWhen:
    """A moment is shown as Copenhagen wall-clock time, to the minute."""

    @pytest.mark.parametrize(
        ("moment", "shown"),
        [
            (datetime(2027, 1, 5, 8, 0, tzinfo=timezone.utc), "2027-01-05 09:00"),
            (datetime(2027, 7, 5, 8, 0, tzinfo=timezone.utc), "2027-07-05 10:00"),
            (datetime(2027, 3, 1, 10, 15, 59, tzinfo=CPH), "2027-03-01 10:15"),
        ],
    )
    def test_examples(self, moment: datetime, shown: str) -> None:
        assert when(moment) == shown

    @given(
        st.datetimes(
            min_value=datetime(2000, 1, 1),
            max_value=datetime(2099, 12, 31),
            timezones=st.sampled_from(
                [CPH, timezone.utc, timezone(timedelta(hours=-5))]
            ),
        )
    )
    def test_the_local_minute_of_any_moment(self, moment: datetime) -> None:
        local = moment.astimezone(CPH)
        shown = datetime.strptime(when(moment), "%Y-%m-%d %H:%M")
        assert shown == local.replace(tzinfo=None, second=0, microsecond=0, fold=0)


class TestRenderPlan:
    """Four sections in a fixed order, each under its heading in the language
    asked for, with every meeting, every case left out and every finding."""

    @pytest.mark.parametrize("lang", ["da", "en"])
    def test_the_headings_in_order(self, plan: lm.PeriodPlan, lang: lm.Lang) -> None:
        lines = render_plan(plan, lang)
        headings = [line for line in lines if line and not line.startswith(" ")]
        assert headings == HEADINGS[lang]
        assert lines[0] == HEADINGS[lang][0]

    def test_every_learning_meeting_and_case_left_out(
        self, plan: lm.PeriodPlan
    ) -> None:
        lines = render_plan(plan, "en")
        for learning in plan.learning:
            at = lines.index(f"  {learning.forum.name}:")
            shown = lines[at + 1 : at + 1 + len(learning.meetings)]
            assert shown == [
                f"    {when(m.start)} {m.case.citizen.pseudonym}"
                for m in learning.meetings
                if m.case is not None
            ]
            for left in learning.unattached:
                assert f"    ({left.case.citizen.pseudonym}: {left.reason.en})" in lines
        assert sum(len(p.unattached) for p in plan.learning) > 0

    def test_cases_outside_every_forum_are_listed_once(
        self, plan: lm.PeriodPlan
    ) -> None:
        case = plan.scenario.cases[0]
        why = lm.Label(da="ingen i noget forum", en="nobody in any forum")
        lonely = attrs.evolve(plan, unattached=(lm.Unattached(case, why),))
        lines = render_plan(lonely, "en")
        at = lines.index("  Outside every forum (1):")
        assert lines[at + 1] == f"    ({case.citizen.pseudonym}: nobody in any forum)"
        assert lines.index(HEADINGS["en"][1]) > at
        assert "  Outside every forum (1):" not in render_plan(plan, "en")

    def test_scheduled_meetings_and_what_could_not_be_placed(
        self, plan: lm.PeriodPlan
    ) -> None:
        meeting = plan.scheduled.meetings[0]
        request = lm.MeetingRequest.from_meeting(
            meeting, earliest=date(2027, 1, 4), latest=date(2027, 1, 8)
        )
        why = lm.Label(da="ingen fælles tid", en="no common time")
        crowded = attrs.evolve(
            plan,
            scheduled=lm.ScheduleResult(
                meetings=(meeting,), unplaced=(lm.Unplaced(request, why),)
            ),
        )
        for lang in ("da", "en"):
            lines = render_plan(crowded, lang)
            at = lines.index(HEADINGS[lang][1])
            assert lines[at + 1 :][:2] == [
                f"  {when(meeting.start)} {meeting.format.label.get(lang)}: "
                f"{meeting.title}",
                f"  ! {NOT_PLACED[lang]} {request.id}: {why.get(lang)}",
            ]

    def test_english_names_each_format_once_in_english(
        self, plan: lm.PeriodPlan
    ) -> None:
        """Case english_plan_has_danish_titles: "cross-sectoral audit: B-102",
        not "cross-sectoral audit: tværsektoriel audit: B-102"."""
        lines = render_plan(plan, "en")
        for m in plan.scheduled.meetings:
            line = next(x for x in lines if x.startswith(f"  {when(m.start)} "))
            assert line.count(m.format.label.en) == 1
            assert m.format.label.da not in line
        audit = next(m for m in plan.scheduled.meetings if m.format.code == "audit")
        assert audit.case is not None
        pseudonym = audit.case.citizen.pseudonym
        assert any(x.endswith(f"cross-sectoral audit: {pseudonym}") for x in lines)

    def test_a_meeting_without_a_case_shows_a_dash(self, plan: lm.PeriodPlan) -> None:
        first = plan.learning[0]
        caseless = attrs.evolve(first.meetings[0], case=None)
        changed = attrs.evolve(
            plan, learning=(attrs.evolve(first, meetings=(caseless,)),)
        )
        lines = render_plan(changed, "da")
        assert f"    {when(caseless.start)} –" in lines

    @pytest.mark.parametrize("lang", ["da", "en"])
    def test_the_fill_report_and_the_validation_are_indented_whole(
        self, plan: lm.PeriodPlan, lang: lm.Lang
    ) -> None:
        lines = render_plan(plan, lang)
        courses = lines.index(HEADINGS[lang][2])
        validation = lines.index(HEADINGS[lang][3])
        fill = plan.enrolment.report(lang).splitlines()
        assert lines[courses + 1 : courses + 1 + len(fill)] == [f"  {x}" for x in fill]
        report = plan.report.render(lang).splitlines()
        assert lines[validation + 1 :] == [f"  {x}" for x in report]


class TestTheEnrolment:
    """Under the fill report: every waiting list in order, who may not enrol
    and why, and who dropped out and why, in the language asked for."""

    @pytest.fixture
    def enrolment(self, plan: lm.PeriodPlan) -> lm.Enrolment:
        people = sorted(plan.scenario.professionals, key=lambda p: p.id)
        named, plain = people[0], attrs.evolve(people[1], display_name="")
        why = lm.Label(da="ingen plads", en="no room")
        return attrs.evolve(
            plan.enrolment,
            waiting={"kursusdag-nord": (named, plain)},
            ineligible=((plain, why),),
            cancelled=((named, lm.CancellationReason.ILLNESS),),
        )

    @pytest.mark.parametrize(
        ("lang", "heads"),
        [
            (
                "da",
                [
                    "Venteliste til kursusdag-nord (2):",
                    "Kan ikke tilmeldes (1):",
                    "Afbud (1):",
                ],
            ),
            (
                "en",
                [
                    "Waiting list for kursusdag-nord (2):",
                    "Not eligible (1):",
                    "Dropped out (1):",
                ],
            ),
        ],
    )
    def test_waiting_ineligible_and_cancelled(
        self,
        plan: lm.PeriodPlan,
        enrolment: lm.Enrolment,
        lang: lm.Lang,
        heads: list[str],
    ) -> None:
        lines = render_plan(attrs.evolve(plan, enrolment=enrolment), lang)
        named, plain = enrolment.waiting["kursusdag-nord"]
        fill = len(enrolment.report(lang).splitlines())
        at = lines.index(HEADINGS[lang][2]) + 1 + fill
        illness = lm.CancellationReason.ILLNESS.label.get(lang)
        assert lines[at : at + 7] == [
            f"  {heads[0]}",
            f"    1. {named.id} ({named.display_name})",
            f"    2. {plain.id}",
            f"  {heads[1]}",
            f"    {'ingen plads' if lang == 'da' else 'no room'} (1): {plain.id}",
            f"  {heads[2]}",
            f"    {illness} (1): {named.id}",
        ]

    def test_nothing_to_list_adds_no_line(self, plan: lm.PeriodPlan) -> None:
        empty = attrs.evolve(plan.enrolment, waiting={}, ineligible=(), cancelled=())
        lines = render_plan(attrs.evolve(plan, enrolment=empty), "en")
        courses = lines.index(HEADINGS["en"][2])
        validation = lines.index(HEADINGS["en"][3])
        fill = empty.report("en").splitlines()
        assert lines[courses + 1 : validation] == [*(f"  {x}" for x in fill), ""]

    def test_the_others_are_grouped_by_reason_in_order(
        self, plan: lm.PeriodPlan
    ) -> None:
        people = sorted(plan.scenario.professionals, key=lambda p: p.id)[:3]
        course = lm.Label(da="mangler kurset", en="no course")
        area = lm.Label(da="intet hold", en="no cohort")
        enrolment = attrs.evolve(
            plan.enrolment,
            waiting={},
            ineligible=((people[0], course), (people[1], area), (people[2], course)),
            cancelled=(),
        )
        lines = render_plan(attrs.evolve(plan, enrolment=enrolment), "en")
        at = lines.index("  Not eligible (3):")
        assert lines[at + 1 : at + 3] == [
            f"    no course (2): {people[0].id}, {people[2].id}",
            f"    no cohort (1): {people[1].id}",
        ]
        assert lines[at + 3] == ""


class TestCounted:
    """A count names its noun in the singular for one, the plural else."""

    @pytest.mark.parametrize(
        ("number", "expected"),
        [(0, "0 advarsler"), (1, "1 advarsel"), (2, "2 advarsler")],
    )
    def test_singular_for_one(self, number: int, expected: str) -> None:
        assert counted(number, "advarsel", "advarsler") == expected
