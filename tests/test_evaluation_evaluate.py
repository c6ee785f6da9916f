"""evaluate(): hand-computed figures on a small fixed data set, and properties.

The fixed data sets and their figures are in ``evaluation_data.py``. The
protection of small groups is checked against an oracle written here from the
raw data, independently of the module: which responses (and so which people)
each shown group holds, and by brute force which sets of responses a sum or
difference of shown groups can single out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from fractions import Fraction
from itertools import combinations

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from evaluation_data import (
    ACROSS,
    INVITATIONS,
    MEETINGS,
    OVERLAP,
    RESPONSES,
    RIGHT_AFTER,
    SURVEY,
    L,
    evaluated,
)
from learnmeet import strategies as lst


@pytest.fixture(scope="module")
def result() -> lm.Evaluation:
    return lm.evaluate(SURVEY, INVITATIONS, RESPONSES, MEETINGS)


D = lm.Dimension


class TestResponseRates:
    """Every invitation gets one AAPOR disposition; RR1 counts the unknowns as
    eligible, RR3 only their estimated eligible share."""

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
    """Yield is reported per group only from the threshold of respondents up,
    and never so that a hidden group can be worked out from the others."""

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
        measured = lm.Measurement.FOLLOW_UP
        assert [s.method for s in result.levels] == [measured] * 3 + [
            lm.Measurement.NOT_MEASURED
        ]
        assert result.method is measured

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


class TestHowMeasured:
    """Kirkpatrick: behaviour and results are measured weeks later. Asked right
    after the meeting they are not measured and have no number; a level nobody
    answered is not measured either; the benefit says when it was asked."""

    def test_behaviour_asked_right_after_is_not_measured(self) -> None:
        found = lm.evaluate(RIGHT_AFTER, INVITATIONS, RESPONSES, MEETINGS)
        levels = {s.level: s for s in found.levels}
        behaviour = levels[L.BEHAVIOUR]
        assert (behaviour.items, behaviour.respondents, behaviour.mean) == (
            1,
            None,
            None,
        )
        assert behaviour.method is lm.Measurement.NOT_MEASURED
        assert not behaviour.members
        learning = levels[L.LEARNING]
        assert learning.method is lm.Measurement.AFTER_MEETING
        assert learning.mean == pytest.approx(750 / 12)
        assert found.method is lm.Measurement.AFTER_MEETING

    def test_the_benefit_is_the_same_either_way(self, result: lm.Evaluation) -> None:
        """What participants say they got out of it is not a level: the
        benefit groups are computed alike, and say when they were asked."""
        found = lm.evaluate(RIGHT_AFTER, INVITATIONS, RESPONSES, MEETINGS)
        assert [(g.code, g.mean) for g in found.groups] == [
            (g.code, g.mean) for g in result.groups
        ]

    def test_a_follow_up_nobody_answered(self) -> None:
        found = lm.evaluate(SURVEY, INVITATIONS, [], MEETINGS, threshold=1)
        assert all(s.method is lm.Measurement.NOT_MEASURED for s in found.levels)
        assert all(s.mean is None and s.suppression is None for s in found.levels)

    @settings(max_examples=40, deadline=None)
    @given(lst.survey_data(), st.integers(1, 6))
    def test_a_level_without_follow_up_answers_is_never_a_number(
        self, data: lst.SurveyData, threshold: int
    ) -> None:
        result = lm.evaluate(
            data.survey,
            data.invitations,
            data.responses,
            data.meetings,
            threshold=threshold,
        )
        for s in result.levels:
            too_early = s.level.needs_follow_up and not data.survey.is_follow_up
            if too_early or not s.items:
                assert s.method is lm.Measurement.NOT_MEASURED
            if s.method is lm.Measurement.NOT_MEASURED:
                assert (s.mean, s.respondents, s.members) == (None, None, frozenset())
            else:
                assert s.method is result.method
                assert not too_early
            assert s.perceived == (
                s.level is L.RESULTS and s.method is not lm.Measurement.NOT_MEASURED
            )


class TestLocation:
    """Benefit is compared in person (on site or in the citizen's home) against
    online, and an online group of few is protected like any other."""

    def test_in_person_and_online(self) -> None:
        online = lm.Location(lm.LocationKind.ONLINE)
        meetings = [
            attrs.evolve(m, location=online) if m.id == "A" else m for m in MEETINGS
        ]
        found = lm.evaluate(SURVEY, INVITATIONS, RESPONSES, meetings, threshold=1)
        by = {g.code: g for g in found.by(D.LOCATION)}
        assert set(by) == {"in_person", "online"}
        meeting = found.group(D.FORMAT, "learning_meeting")
        assert meeting is not None
        assert by["online"].mean == meeting.mean
        assert by["online"].label == lm.Label(da="online", en="online")
        assert by["in_person"].label == lm.Label(da="fysisk fremmøde", en="in person")

    def test_the_citizens_home_is_in_person(self) -> None:
        home = lm.Location(lm.LocationKind.CITIZEN_HOME)
        meetings = [attrs.evolve(m, location=home) for m in MEETINGS]
        found = lm.evaluate(SURVEY, INVITATIONS, RESPONSES, meetings, threshold=1)
        assert [g.code for g in found.by(D.LOCATION)] == ["in_person"]

    def test_a_small_online_group_cannot_be_worked_out(self) -> None:
        online = lm.Location(lm.LocationKind.ONLINE)
        meetings = [
            attrs.evolve(m, location=online) if m.id == "C" else m for m in MEETINGS
        ]
        found = lm.evaluate(SURVEY, INVITATIONS, RESPONSES, meetings)
        small = found.group(D.LOCATION, "online")
        assert small is not None
        assert small.suppression is lm.Suppression.TOO_FEW
        in_person = found.group(D.LOCATION, "in_person")
        overall = found.group(D.OVERALL, "all")
        assert in_person is not None
        assert overall is not None
        assert in_person.suppressed or overall.suppressed
        sets = Sets(SURVEY, INVITATIONS, RESPONSES, meetings)
        assert _leaks(sets.who, list(_shown(found, sets).values())) == []


class TestBadInput:
    """Inconsistent input is refused whole, every problem named by its path."""

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


class TestProperties:
    """For any consistent data: no figure under the threshold, proportions in
    range, and the order of the input never matters."""

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


# -- the oracle: the raw data as sets of responses -------------------------------

Key = tuple[lm.Dimension, str]


def _group_keys(meeting: lm.Meeting) -> list[Key]:
    case = meeting.case
    return [
        (D.OVERALL, "all"),
        (D.FORMAT, meeting.format.code),
        (D.CASE_ORIGIN, "no_case" if case is None else case.origin.code),
        (
            D.DISCIPLINES,
            "interdisciplinary" if meeting.is_interdisciplinary else "monoprofessional",
        ),
        (
            D.SECTORS,
            "cross_sectoral" if meeting.is_cross_sectoral else "single_sector",
        ),
        (
            D.LOCATION,
            "online"
            if meeting.location.kind is lm.LocationKind.ONLINE
            else "in_person",
        ),
    ]


class Sets:
    """From the raw data: who gave each response, and which responses (by
    invitation id) each yield group and each Kirkpatrick level holds."""

    def __init__(
        self,
        survey: lm.Survey,
        invitations: Iterable[lm.Invitation],
        responses: Iterable[lm.Response],
        meetings: Iterable[lm.Meeting],
    ) -> None:
        by_meeting = {m.id: m for m in meetings}
        answered = {r.invitation: r for r in responses}
        items = {i.id: i for i in survey.items}
        self.who: dict[str, str] = {}
        groups: dict[Key, set[str]] = defaultdict(set)
        levels: dict[lm.KirkpatrickLevel, set[str]] = defaultdict(set)
        for invitation in invitations:
            response = answered.get(invitation.id)
            if (
                response is None
                or invitation.eligibility is lm.Eligibility.NOT_ELIGIBLE
            ):
                continue
            self.who[invitation.id] = invitation.invitee
            scored = [items[a.item] for a in response.answers if a.score is not None]
            for item in scored:
                levels[item.level].add(invitation.id)
            if any(item.measures_yield for item in scored):
                for key in _group_keys(by_meeting[invitation.meeting]):
                    groups[key].add(invitation.id)
        self.groups = {k: frozenset(v) for k, v in groups.items()}
        self.levels = {k: frozenset(v) for k, v in levels.items()}

    def people(self, responses: Iterable[str]) -> int:
        return len({self.who[r] for r in responses})


def _people_shared(data: lst.SurveyData, shared: bool) -> lst.SurveyData:
    """The data, or if *shared* the data where the n-th invitee of every
    meeting is one person, who so answers about several meetings."""
    if not shared:
        return data
    return data._replace(
        invitations=tuple(
            attrs.evolve(i, invitee=re.sub(r"^(\w+:)s\d+-", r"\1", i.invitee))
            for i in data.invitations
        )
    )


def _sets(data: lst.SurveyData) -> Sets:
    return Sets(data.survey, data.invitations, data.responses, data.meetings)


def _shown(result: lm.Evaluation, sets: Sets) -> dict[Key, frozenset[str]]:
    return {
        (g.dimension, g.code): sets.groups[(g.dimension, g.code)]
        for g in result.groups
        if not g.suppressed
    }


def _rank(rows: Sequence[Sequence[int]]) -> int:
    matrix = [[Fraction(x) for x in row] for row in rows]
    rank, columns = 0, len(matrix[0]) if matrix else 0
    for column in range(columns):
        found = [r for r in range(rank, len(matrix)) if matrix[r][column] != 0]
        if not found:
            continue
        matrix[rank], matrix[found[0]] = matrix[found[0]], matrix[rank]
        for r in range(len(matrix)):
            if r != rank and matrix[r][column] != 0:
                f = matrix[r][column] / matrix[rank][column]
                matrix[r] = [
                    a - f * b for a, b in zip(matrix[r], matrix[rank], strict=True)
                ]
        rank += 1
    return rank


def _leaks(
    who: dict[str, str],
    shown: Sequence[frozenset[str]],
    fixed: Sequence[frozenset[str]] = (),
    threshold: int = 5,
) -> list[frozenset[str]]:
    """Every set of responses of fewer than *threshold* people that some
    combination of *shown* and *fixed* (any coefficients) is non-zero on only,
    where *fixed* alone gives no such combination — by brute force over the
    cells (the responses every set holds whole or not at all)."""
    every = [*fixed, *shown]
    by_pattern: dict[tuple[bool, ...], set[str]] = defaultdict(set)
    for response in set().union(*every):
        by_pattern[tuple(response in s for s in every)].add(response)
    cells = list(by_pattern.values())

    def dimension(sets: Sequence[frozenset[str]], inside: set[int]) -> int:
        rows = [[int(next(iter(c)) in s) for c in cells] for s in sets]
        outside = [
            [row[j] for j in range(len(cells)) if j not in inside] for row in rows
        ]
        return _rank(rows) - _rank(outside)

    found = []
    for size in range(1, len(cells) + 1):
        for chosen in combinations(range(len(cells)), size):
            region = frozenset().union(*(cells[j] for j in chosen))
            if len({who[r] for r in region}) >= threshold:
                continue
            if dimension(every, set(chosen)) > dimension(fixed, set(chosen)):
                found.append(region)
    return found


class TestSmallGroupsCannotBeWorkedOut:
    """Secondary suppression: no sum or difference of the groups shown, the
    overall figure included, gives away the answers of fewer than five
    people; people, not responses, are counted."""

    def test_a_small_set_found_only_across_comparisons(self) -> None:
        # ACROSS: no group is under five, but the cross-sectoral learning
        # meeting L2 (three people) was cross-sectoral less home meeting, and
        # learning meeting less single-sector plus course day.
        result = ACROSS.evaluated()

        def shown(dimension: lm.Dimension, code: str) -> bool:
            group = result.group(dimension, code)
            return group is not None and not group.suppressed

        assert not (
            shown(D.SECTORS, "cross_sectoral") and shown(D.FORMAT, "home_meeting")
        )
        assert not (
            shown(D.FORMAT, "learning_meeting")
            and shown(D.SECTORS, "single_sector")
            and shown(D.FORMAT, "course_day")
        )
        assert all(g.suppression is not lm.Suppression.TOO_FEW for g in result.groups)
        sets = Sets(SURVEY, *ACROSS)
        assert _leaks(sets.who, list(_shown(result, sets).values())) == []

    def test_people_are_counted_not_responses(self) -> None:
        # OVERLAP: the course day and the home meeting are six responses
        # from four people; overall less learning meeting would give them.
        result = OVERLAP.evaluated()
        overall = result.group(D.OVERALL, "all")
        meeting = result.group(D.FORMAT, "learning_meeting")
        assert overall is not None
        assert meeting is not None
        assert overall.respondents == 10
        assert meeting.suppression is lm.Suppression.COMPLEMENT
        with pytest.raises(TypeError):
            _ = overall.responses - meeting.responses  # type: ignore[operator]
        sets = Sets(SURVEY, *OVERLAP)
        hidden = (
            sets.groups[(D.OVERALL, "all")]
            - sets.groups[(D.FORMAT, "learning_meeting")]
        )
        assert (len(hidden), sets.people(hidden)) == (6, 4)
        assert _leaks(sets.who, list(_shown(result, sets).values())) == []

    def test_the_fixed_data_set_keeps_its_figures(self, result: lm.Evaluation) -> None:
        # Nothing there was open to subtraction: the same groups are shown.
        assert [g.code for g in result.groups if not g.suppressed] == [
            "all",
            "learning_meeting",
            "concrete",
            "cross_sectoral",
            "single_sector",
            "in_person",
        ]

    def test_the_overall_figure_stays_when_other_groups_can_be_hidden(self) -> None:
        for data in (ACROSS, OVERLAP):
            overall = data.evaluated().group(D.OVERALL, "all")
            assert overall is not None
            assert not overall.suppressed

    def test_the_responses_are_kept_pseudonymised(self) -> None:
        result = OVERLAP.evaluated()
        overall = result.group(D.OVERALL, "all")
        assert overall is not None
        assert len(overall.members) == overall.responses == 12
        assert len({p for p, _ in overall.members}) == overall.respondents
        keys = {k for pair in overall.members for k in pair}
        assert not any("q1" in k or "i-" in k for k in keys)
        assert "members" not in repr(overall)
        assert all(not g.members for g in result.groups if g.suppressed)
        text = lm.evaluation_csv(result, "da") + lm.evaluation_text(result, "en")
        assert not any(k in text for k in keys)

    @settings(max_examples=60, deadline=None)
    @given(lst.survey_data(max_meetings=6), st.integers(1, 6), st.booleans())
    def test_no_small_set_can_be_derived(
        self, data: lst.SurveyData, threshold: int, shared: bool
    ) -> None:
        data = _people_shared(data, shared)
        result = lm.evaluate(
            data.survey,
            data.invitations,
            data.responses,
            data.meetings,
            threshold=threshold,
        )
        sets = _sets(data)
        shown = _shown(result, sets)
        people = sets.people

        def safe(region: frozenset[str]) -> bool:
            return not region or people(region) >= threshold

        # every pair: the difference of two groups, nested or not
        for a, b in combinations(shown.values(), 2):
            assert safe(a ^ b)
        # the overall figure less the shown groups of a comparison, and any
        # shown group less the shown groups of a comparison inside it
        for dimension in D:
            if dimension is D.OVERALL:
                continue
            inside = [s for k, s in shown.items() if k[0] is dimension]
            for whole in shown.values():
                parts = [s for s in inside if s <= whole]
                if parts:
                    assert safe(whole - frozenset().union(*parts))
        # and every other combination, with any coefficients
        assert _leaks(sets.who, list(shown.values()), threshold=threshold) == []
        # every group hidden as a complement is needed
        for g in result.groups:
            if g.suppression is lm.Suppression.COMPLEMENT:
                more = [*shown.values(), sets.groups[(g.dimension, g.code)]]
                assert _leaks(sets.who, more, threshold=threshold) != []


class TestReleasedReports:
    """A report released earlier is subtracted from too: the new report shows
    nothing that, against it, gives away the answers of fewer than five."""

    def test_two_reports_one_meeting_apart(self) -> None:
        earlier = ACROSS.without("L2").evaluated()
        overall = earlier.group(D.OVERALL, "all")
        assert overall is not None
        assert overall.respondents == 20  # the three of L2 not yet among them
        alone = ACROSS.evaluated()
        assert not alone.group(D.OVERALL, "all").suppressed  # type: ignore[union-attr]
        later = ACROSS.evaluated(released=[earlier])
        now = later.group(D.OVERALL, "all")
        assert now is not None
        assert now.suppression is lm.Suppression.COMPLEMENT
        sets = Sets(SURVEY, *ACROSS)
        before = Sets(SURVEY, *ACROSS.without("L2"))
        fixed = list(_shown(earlier, before).values())
        assert _leaks(sets.who, list(_shown(later, sets).values()), fixed) == []
        # the levels would give L2's mean too: every level is hidden
        assert all(s.mean is None for s in later.levels)
        assert {s.suppression for s in later.levels if s.items} == {
            lm.Suppression.COMPLEMENT
        }

    def test_an_answer_changed_after_its_release(self) -> None:
        """The two overall figures, one answer apart, would give its change."""
        first, *rest = ACROSS.responses
        changed = attrs.evolve(
            first,
            answers=[attrs.evolve(a, score=1) if a.score else a for a in first.answers],
        )
        earlier = ACROSS.evaluated()
        amended = ACROSS._replace(responses=(changed, *rest))
        assert not amended.evaluated().group(D.OVERALL, "all").suppressed  # type: ignore[union-attr]
        later = amended.evaluated(released=[earlier])
        shown = later.group(D.OVERALL, "all")
        assert shown is not None
        assert shown.suppression is lm.Suppression.COMPLEMENT

    def test_a_group_released_before_may_be_shown_again(self) -> None:
        # Released again, the same report changes nothing.
        first = ACROSS.evaluated()
        again = ACROSS.evaluated(released=[first, first])
        assert [g.suppression for g in again.groups] == [
            g.suppression for g in first.groups
        ]

    def test_what_was_released_shapes_what_is_hidden(self) -> None:
        # Before the home meeting, the sectors split L2 off; so now the
        # sectors are hidden, and the formats shown.
        earlier = ACROSS.without("H").evaluated()
        later = ACROSS.evaluated(released=[earlier])
        hidden = {g.code for g in later.groups if g.suppressed}
        assert hidden == {"cross_sectoral", "single_sector"}

    def test_released_must_be_evaluations(self) -> None:
        earlier = evaluated()
        with pytest.raises(lm.WrongTypeError) as one:
            evaluated(released=earlier)
        assert one.value.path == ("released",)
        assert "a collection of Evaluation, not Evaluation" in one.value.message("en")
        assert "en samling af Evaluation" in one.value.message("da")
        with pytest.raises(lm.WrongTypeError) as number:
            evaluated(released=5)
        assert number.value.path == ("released",)
        assert isinstance(number.value, TypeError)
        with pytest.raises(lm.WrongTypeError) as text:
            evaluated(released="report")
        assert text.value.field == "released"
        with pytest.raises(lm.WrongTypeError) as element:
            evaluated(released=[earlier, {"groups": []}])
        assert element.value.path == ("released", 1)
        assert "Evaluation" in element.value.message("da")

    def test_a_released_report_must_say_which_responses(self) -> None:
        earlier = evaluated()
        bare = attrs.evolve(
            earlier,
            groups=tuple(attrs.evolve(g, members=frozenset()) for g in earlier.groups),
        )
        with pytest.raises(lm.InvalidValueError) as caught:
            evaluated(released=[bare])
        assert caught.value.path == ("released", 0, "groups", 0, "members")
        assert "members" in caught.value.message("da")
        levels = attrs.evolve(
            earlier,
            levels=tuple(attrs.evolve(s, members=frozenset()) for s in earlier.levels),
        )
        with pytest.raises(lm.InvalidValueError, match=r"released\[0\]\.levels\[0\]"):
            evaluated(released=[levels])

    @settings(max_examples=40, deadline=None)
    @given(
        lst.survey_data(max_meetings=5),
        st.integers(2, 6),
        st.booleans(),
        st.booleans(),
        st.data(),
    )
    def test_no_small_set_against_a_released_report(
        self,
        data: lst.SurveyData,
        threshold: int,
        growing: bool,
        shared: bool,
        draw: st.DataObject,
    ) -> None:
        data = _people_shared(data, shared)
        ids = [m.id for m in data.meetings]
        left_out = draw.draw(st.sets(st.sampled_from(ids)))
        kept = {i.id for i in data.invitations if i.meeting not in left_out}
        part = lst.SurveyData(
            data.survey,
            tuple(m for m in data.meetings if m.id not in left_out),
            tuple(i for i in data.invitations if i.id in kept),
            tuple(r for r in data.responses if r.invitation in kept),
        )
        first, second = (part, data) if growing else (data, part)

        def run(
            d: lst.SurveyData, released: Sequence[lm.Evaluation] = ()
        ) -> lm.Evaluation:
            return lm.evaluate(
                d.survey,
                d.invitations,
                d.responses,
                d.meetings,
                threshold=threshold,
                released=released,
            )

        earlier = run(first)
        later = run(second, [earlier])
        before, now = _sets(first), _sets(second)
        fixed = _shown(earlier, before)
        shown = _shown(later, now)
        who = {**before.who, **now.who}
        # the same group in both reports
        for key, group in shown.items():
            if key in fixed:
                changed = group ^ fixed[key]
                assert not changed or len({who[r] for r in changed}) >= threshold
        # and every other combination of the two reports
        assert _leaks(who, list(shown.values()), list(fixed.values()), threshold) == []
        # the same level in both reports
        for s in later.levels:
            old = next(e for e in earlier.levels if e.level is s.level)
            if s.mean is not None and old.mean is not None:
                changed = now.levels[s.level] ^ before.levels[s.level]
                assert not changed or len({who[r] for r in changed}) >= threshold
