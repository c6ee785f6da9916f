"""evaluate(): hand-computed figures on a small fixed data set, and properties.

The fixed data set (figures worked out by hand in the comments):

* meeting A — interdisciplinary learning meeting, concrete case, cross-sectoral;
  invitees a1–a7 and e1;
* meeting B — monoprofessional course, no case, one sector; b1–b6 and d1;
* meeting C — interdisciplinary course day, fictional case, one sector; c1–c3.

Dispositions: I = a1–a5, b1–b4, c1–c2 (11); P = a6; R = a7; NC = b5; O = e1;
U = b6, d1 (2); NE = c3. RR1 = 11 / 17; e = 15 / 16; RR3 = 11 / (15 + 2e).
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from examples import CASE, DOCTOR, FICTIONAL, NURSE_N, PT_N, SSA_N, SSA_S, attend
from learnmeet import strategies as lst

CAT = lm.DEFAULT_CATALOG
START = datetime(2027, 3, 2, 9, tzinfo=lm.COPENHAGEN)
L = lm.KirkpatrickLevel

SURVEY = lm.Survey(
    id="kvartal-1",
    title=lm.Label(da="Udbytte af læringsmøder", en="Yield of learning meetings"),
    items=[
        lm.SurveyItem(
            id="y1",
            text=lm.Label(da="Jeg lærte noget nyt", en="I learned something new"),
            level=L.LEARNING,
            measures_yield=True,
        ),
        lm.SurveyItem(
            id="y2",
            text=lm.Label(
                da="Jeg gør noget anderledes nu", en="I now do something differently"
            ),
            level=L.BEHAVIOUR,
            measures_yield=True,
        ),
        lm.SurveyItem(
            id="r1",
            text=lm.Label(
                da="Mødet var godt tilrettelagt", en="The meeting was well run"
            ),
            level=L.REACTION,
        ),
        lm.SurveyItem(
            id="t1",
            text=lm.Label(da="Hvad tager du med?", en="What do you take with you?"),
            level=L.REACTION,
            kind=lm.ItemKind.FREE_TEXT,
        ),
    ],
)


def _meeting(
    id: str, code: str, people: list[lm.Professional], **kw: object
) -> lm.Meeting:
    return lm.Meeting(
        id=id,
        format=CAT.format(code),
        start=START,
        duration=timedelta(hours=1),
        attendees=[attend(p) for p in people],
        **kw,  # type: ignore[arg-type]
    )


MEETINGS = (
    _meeting("A", "learning_meeting", [NURSE_N, PT_N, DOCTOR], case=CASE),
    _meeting("B", "mono_course", [SSA_N, SSA_S]),
    _meeting("C", "course_day", [NURSE_N, SSA_N], case=FICTIONAL),
)

E, NE, U = lm.Eligibility.ELIGIBLE, lm.Eligibility.NOT_ELIGIBLE, lm.Eligibility.UNKNOWN


def _inv(
    who: str,
    meeting: str,
    eligibility: lm.Eligibility = E,
    outcome: lm.Outcome = lm.Outcome.NO_REPLY,
) -> lm.Invitation:
    return lm.Invitation(
        id=f"i-{who}",
        survey=SURVEY.id,
        meeting=meeting,
        invitee=f"professional:{who}",
        eligibility=eligibility,
        outcome=outcome,
    )


def _resp(who: str, y1: int, y2: int | None = None, text: str = "") -> lm.Response:
    answers = [lm.Answer(item="y1", score=y1)]
    if y2 is not None:  # a complete response answers every Likert item
        answers += [lm.Answer(item="y2", score=y2), lm.Answer(item="r1", score=4)]
    if text:
        answers.append(lm.Answer(item="t1", text=text))
    return lm.Response(invitation=f"i-{who}", answers=answers)


INVITATIONS = (
    *(_inv(f"a{n}", "A") for n in range(1, 7)),
    _inv("a7", "A", outcome=lm.Outcome.REFUSED),
    _inv("e1", "A", outcome=lm.Outcome.OTHER),
    *(_inv(f"b{n}", "B") for n in range(1, 6)),
    _inv("b6", "B", U),
    _inv("d1", "B", U, lm.Outcome.UNREACHABLE),
    _inv("c1", "C"),
    _inv("c2", "C"),
    _inv("c3", "C", NE),
)
RESPONSES = (
    _resp("a1", 5, 5, "At ringe til hinanden"),  # yield 100
    _resp("a2", 4, 4),  # 75
    _resp("a3", 4, 2),  # (75 + 25) / 2 = 50
    _resp("a4", 3, 3),  # 50
    _resp("a5", 5, 4),  # 87.5
    _resp("a6", 2),  # partial: 25
    _resp("b1", 2, 2, "Ikke meget"),  # 25
    _resp("b2", 3, 4),  # 62.5
    _resp("b3", 5, 5),  # 100
    _resp("b4", 4, 5),  # 87.5
    _resp("c1", 4, 4),  # 75
    _resp("c2", 1, 1),  # 0
)


@pytest.fixture(scope="module")
def result() -> lm.Evaluation:
    return lm.evaluate(SURVEY, INVITATIONS, RESPONSES, MEETINGS)


D = lm.Dimension


class TestResponseRates:
    def test_dispositions(self, result: lm.Evaluation) -> None:
        r = result.rates
        counts = (
            r.complete,
            r.partial,
            r.refusal,
            r.non_contact,
            r.other,
            r.unknown_eligibility,
            r.not_eligible,
        )
        assert counts == (11, 1, 1, 1, 1, 2, 1)
        assert r.invitations == len(INVITATIONS) == 18
        assert r.count(lm.Disposition.UNKNOWN_ELIGIBILITY) == 2

    def test_rr1_and_rr3(self, result: lm.Evaluation) -> None:
        r = result.rates
        assert r.rr1 == pytest.approx(11 / 17)
        assert r.eligibility_rate == pytest.approx(15 / 16)
        assert r.rr3 == pytest.approx(11 / 16.875)
        assert r.rr1 <= r.rr3

    def test_a_given_eligibility_rate(self) -> None:
        r = lm.evaluate(
            SURVEY, INVITATIONS, RESPONSES, MEETINGS, eligibility_rate=0.5
        ).rates
        assert r.eligibility_rate == 0.5
        assert r.rr3 == pytest.approx(11 / 16)

    def test_no_invitations(self) -> None:
        empty = lm.evaluate(SURVEY, [], [], [])
        assert empty.rates.rr1 is None
        assert empty.rates.rr3 is None
        assert empty.rates.eligibility_rate is None
        assert empty.groups == ()


class TestYield:
    def test_a_group_at_the_threshold_is_reported(self, result: lm.Evaluation) -> None:
        group = result.group(D.FORMAT, "learning_meeting")
        assert group is not None
        assert (group.respondents, group.responses, group.high) == (6, 6, 3)
        assert group.mean == pytest.approx(387.5 / 6)
        assert group.share == 0.5
        # Wilson, 95 %, 3 of 6: 0.5 ± 1.96·sqrt(1/24 + 3.8415/144) / 1.6402
        assert group.ci_low == pytest.approx(0.18762, abs=1e-4)
        assert group.ci_high == pytest.approx(0.81238, abs=1e-4)

    def test_groups_under_the_threshold_report_nothing(
        self, result: lm.Evaluation
    ) -> None:
        for code in ("mono_course", "course_day"):
            group = result.group(D.FORMAT, code)
            assert group is not None
            assert group.suppression is lm.Suppression.TOO_FEW
            assert (group.respondents, group.mean, group.share) == (None, None, None)

    def test_the_complement_of_a_lone_small_group_is_hidden(
        self, result: lm.Evaluation
    ) -> None:
        # monoprofessional (4 respondents) is too few; interdisciplinary (8)
        # minus the overall figure would give it away, so it is hidden too.
        mono = result.group(D.DISCIPLINES, "monoprofessional")
        inter = result.group(D.DISCIPLINES, "interdisciplinary")
        assert mono is not None
        assert inter is not None
        assert mono.suppression is lm.Suppression.TOO_FEW
        assert inter.suppression is lm.Suppression.COMPLEMENT
        assert inter.mean is None

    def test_sectors_and_overall(self, result: lm.Evaluation) -> None:
        single = result.group(D.SECTORS, "single_sector")
        assert single is not None
        assert single.respondents == 6
        assert single.mean == pytest.approx(350 / 6)
        overall = result.group(D.OVERALL, "all")
        assert overall is not None
        assert (overall.respondents, overall.responses, overall.high) == (12, 12, 6)
        assert overall.mean == pytest.approx(737.5 / 12)

    def test_case_origin(self, result: lm.Evaluation) -> None:
        codes = {g.code: g.suppressed for g in result.by(D.CASE_ORIGIN)}
        assert codes == {"concrete": False, "fictional": True, "no_case": True}

    def test_kirkpatrick_levels(self, result: lm.Evaluation) -> None:
        levels = {s.level: s for s in result.levels}
        assert levels[L.LEARNING].respondents == 12
        assert levels[L.LEARNING].mean == pytest.approx(750 / 12)
        assert levels[L.BEHAVIOUR].mean == pytest.approx(700 / 11)
        assert levels[L.REACTION].mean == pytest.approx(75.0)
        assert levels[L.RESULTS].items == 0
        assert levels[L.RESULTS].mean is None

    def test_free_text_is_counted_not_reported(self, result: lm.Evaluation) -> None:
        assert result.free_text_answers == 2
        assert "At ringe til hinanden" not in lm.evaluation_text(result, "da")

    def test_a_lower_threshold_shows_more(self) -> None:
        low = lm.evaluate(SURVEY, INVITATIONS, RESPONSES, MEETINGS, threshold=2)
        course = low.group(D.FORMAT, "course_day")
        assert course is not None
        assert (course.respondents, course.mean) == (2, pytest.approx(37.5))

    def test_a_high_threshold_hides_everything(self) -> None:
        high = lm.evaluate(SURVEY, INVITATIONS, RESPONSES, MEETINGS, threshold=13)
        assert all(g.suppressed for g in high.groups)
        assert all(s.mean is None for s in high.levels)


class TestBadInput:
    def test_every_problem_with_its_path(self) -> None:
        stray = lm.Invitation(
            id="i-x", survey="other", meeting="Z", invitee="professional:x"
        )
        bad = [
            lm.Response(
                invitation="i-a1",
                answers=[
                    lm.Answer(item="y1", score=6),
                    lm.Answer(item="zz", score=1),
                    lm.Answer(item="t1", score=3),
                    lm.Answer(item="y2", text="godt"),
                ],
            ),
            lm.Response(invitation="i-a1", answers=[lm.Answer(item="y1", score=1)]),
            lm.Response(invitation="nope", answers=[lm.Answer(item="y1", score=1)]),
        ]
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.evaluate(SURVEY, [*INVITATIONS, stray, INVITATIONS[0]], bad, MEETINGS)
        paths = [p.json_path for p in caught.value.problems]
        assert paths == [
            "$.invitations[18].survey",
            "$.invitations[18].meeting",
            "$.invitations[19].id",
            "$.invitations[19].invitee",
            "$.responses[0].answers[0].score",
            "$.responses[0].answers[1].item",
            "$.responses[0].answers[2].text",
            "$.responses[0].answers[3].score",
            "$.responses[1].invitation",
            "$.responses[2].invitation",
        ]
        assert "1 to 5" in caught.value.errors[4]
        assert "fra 1 til 5" in caught.value.problems[4].message("da")

    def test_a_meeting_given_twice(self) -> None:
        with pytest.raises(lm.InvalidDataError, match=r"\$\.meetings\[3\]\.id"):
            lm.evaluate(SURVEY, INVITATIONS, RESPONSES, [*MEETINGS, MEETINGS[0]])

    @pytest.mark.parametrize(
        ("option", "value"),
        [
            ("threshold", 0),
            ("threshold", True),
            ("confidence", 1.0),
            ("confidence", 95),
            ("eligibility_rate", 1.5),
            ("eligibility_rate", "all"),
        ],
    )
    def test_options_out_of_range(self, option: str, value: object) -> None:
        with pytest.raises(lm.InvalidValueError, match=option):
            lm.evaluate(SURVEY, [], [], [], **{option: value})  # type: ignore[arg-type]

    def test_answers_need_a_score_or_a_text(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="either a score or a text"):
            lm.Answer(item="y1")
        with pytest.raises(lm.InvalidValueError, match="either a score or a text"):
            lm.Answer(item="y1", score=1, text="x")

    def test_a_survey_measures_yield(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="measures yield"):
            lm.Survey(id="s", title=lm.Label(da="s", en="s"), items=[SURVEY.items[2]])

    def test_only_likert_items_measure_yield(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="only a Likert item"):
            lm.SurveyItem(
                id="t",
                text=lm.Label(da="t", en="t"),
                level=L.RESULTS,
                kind=lm.ItemKind.FREE_TEXT,
                measures_yield=True,
            )

    @pytest.mark.parametrize("scale", [1, 12])
    def test_scale_bounds(self, scale: int) -> None:
        with pytest.raises(lm.InvalidValueError, match="2 to 11 points"):
            lm.SurveyItem(
                id="s", text=lm.Label(da="s", en="s"), level=L.RESULTS, scale=scale
            )

    def test_a_response_answers_something(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="at least one answer"):
            lm.Response(invitation="i", answers=[])

    def test_quotes_are_pseudonymised(self) -> None:
        with pytest.raises(lm.PersonalDataError):
            lm.Quote(
                text="Borger 010190-1234",
                speaker="FG1-D1",
                source=lm.QuoteSource.INTERVIEW,
            )


class TestInvite:
    def test_professionals_except_observers_with_eligibility(self) -> None:
        held = lm.Meeting(
            id="H",
            format=CAT.format("home_meeting"),
            start=START,
            duration=timedelta(hours=1),
            case=CASE,
            attendees=[
                lm.Attendee(
                    person=NURSE_N,
                    role=lm.AttendeeRole.PARTICIPANT,
                    attended=lm.Attendance.YES,
                ),
                lm.Attendee(
                    person=PT_N,
                    role=lm.AttendeeRole.PARTICIPANT,
                    attended=lm.Attendance.NO,
                ),
                lm.Attendee(person=SSA_N, role=lm.AttendeeRole.PARTICIPANT),
                lm.Attendee(person=DOCTOR, role=lm.AttendeeRole.OBSERVER),
                lm.Attendee(person=CASE.citizen, role=lm.AttendeeRole.CITIZEN),
            ],
        )
        found = lm.invite(SURVEY, [held])
        assert [(i.invitee, i.eligibility) for i in found] == [
            (NURSE_N.key, E),
            (PT_N.key, NE),
            (SSA_N.key, U),
        ]
        assert found[0].id == f"kvartal-1:H:{NURSE_N.key}"


class TestProperties:
    @settings(max_examples=40, deadline=None)
    @given(lst.survey_data(), st.integers(1, 6))
    def test_never_a_group_under_the_threshold(
        self, data: lst.SurveyData, threshold: int
    ) -> None:
        result = lm.evaluate(
            data.survey,
            data.invitations,
            data.responses,
            data.meetings,
            threshold=threshold,
        )
        for group in result.groups:
            if group.suppressed:
                assert group.mean is None
                assert group.respondents is None
            else:
                assert group.respondents is not None
                assert group.respondents >= threshold
        for dimension in lm.Dimension:
            groups = result.by(dimension)
            too_few = [g for g in groups if g.suppression is lm.Suppression.TOO_FEW]
            if dimension is not D.OVERALL and len(too_few) == 1 and len(groups) > 1:
                assert sum(g.suppressed for g in groups) >= 2

    @settings(max_examples=40, deadline=None)
    @given(lst.survey_data())
    def test_rates_and_shares_are_proportions(self, data: lst.SurveyData) -> None:
        result = lm.evaluate(
            data.survey, data.invitations, data.responses, data.meetings, threshold=1
        )
        r = result.rates
        assert r.invitations == len(data.invitations)
        if r.rr1 is not None:
            assert r.rr3 is not None
            assert 0 <= r.rr1 <= r.rr3 <= 1
        for g in result.groups:
            assert g.share is not None
            assert g.ci_low is not None
            assert g.ci_high is not None
            assert 0 <= g.ci_low <= g.share <= g.ci_high <= 1
            assert g.mean is not None
            assert 0 <= g.mean <= 100
        overall = result.group(D.OVERALL, "all")
        for dimension in (D.FORMAT, D.CASE_ORIGIN, D.DISCIPLINES, D.SECTORS):
            responses = sum(g.responses or 0 for g in result.by(dimension))
            assert responses == (overall.responses if overall else 0)

    @settings(max_examples=20, deadline=None)
    @given(lst.survey_data())
    def test_order_of_input_does_not_matter(self, data: lst.SurveyData) -> None:
        forward = lm.evaluate(
            data.survey, data.invitations, data.responses, data.meetings
        )
        backward = lm.evaluate(
            data.survey,
            data.invitations[::-1],
            data.responses[::-1],
            data.meetings[::-1],
        )
        assert forward.rates == backward.rates
        assert [(g.code, g.respondents, g.high) for g in forward.groups] == [
            (g.code, g.respondents, g.high) for g in backward.groups
        ]


class TestExport:
    def test_csv(self, result: lm.Evaluation) -> None:
        rows = list(csv.DictReader(io.StringIO(lm.evaluation_csv(result, "en"))))
        assert tuple(rows[0]) == lm.CSV_COLUMNS
        by = {(r["dimension"], r["group"]): r for r in rows}
        meeting = by[("format", "learning_meeting")]
        assert meeting["label"] == "interdisciplinary learning meeting"
        assert (meeting["respondents"], meeting["share_high"]) == ("6", "0.5000")
        assert meeting["suppressed"] == ""
        course = by[("format", "mono_course")]
        assert course["suppressed"] == "too_few"
        assert course["respondents"] == course["mean_yield"] == ""
        assert len(rows) == len(result.groups)

    def test_csv_label_in_danish(self, result: lm.Evaluation) -> None:
        assert "tværfagligt læringsmøde" in lm.evaluation_csv(result, "da")

    def test_text(self, result: lm.Evaluation) -> None:
        da = lm.evaluation_text(result, "da")
        en = lm.evaluation_text(result, "en")
        assert "RR1 64,7 %" in da
        assert "RR1 64.7 %" in en
        assert "færre end 5 svarpersoner" in da
        assert "fewer than 5 respondents" in en
        assert "50,0 %" in da

    def test_themes_in_the_text(self) -> None:
        theme = lm.Theme(
            code="knowing_offers",
            label=lm.LEARNING_TAGS["knowing_offers"],
            quotes=[
                lm.Quote(
                    text="Nu ved jeg, hvem jeg skal ringe til",
                    speaker="FG1-D3",
                    source=lm.QuoteSource.FOCUS_GROUP,
                )
            ],
        )
        text = lm.evaluate(SURVEY, INVITATIONS, RESPONSES, MEETINGS, themes=[theme])
        assert '"Nu ved jeg, hvem jeg skal ringe til" – FG1-D3, focus group' in (
            lm.evaluation_text(text, "en")
        )

    def test_unknown_language(self, result: lm.Evaluation) -> None:
        with pytest.raises(lm.InvalidValueError, match="unknown language"):
            lm.evaluation_csv(result, "sv")  # type: ignore[arg-type]
