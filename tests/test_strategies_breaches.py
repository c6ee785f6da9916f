"""Every breaker turns a valid meeting into a breach of exactly its rule.

Breakers are declared against the rule objects they break; the table of them
is gathered, so a rule without a breaker, or a breaker of no built-in rule,
fails here rather than in a user's test suite. The public strategies built on
them, breaches() and meetings_breaking(), break exactly their rule too, on
every format of the catalogue (built-in or a user's own) the rule can be
broken alone in, and refuse the others by name.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from examples import valid_meetings
from learnmeet import strategies as lst
from learnmeet.strategies import _breaches
from learnmeet.strategies._breaches import BREAKERS, Breaker, breaker_format

VALID = valid_meetings()

DECLARED = [v for v in vars(_breaches).values() if isinstance(v, Breaker)]
"""Every breaker the module declares, whether or not the table kept it."""


class TestBreakersOnHandBuiltMeetings:
    """Applied to the hand-built valid meetings, each breaker breaks one rule."""

    @pytest.mark.parametrize("code", sorted(BREAKERS))
    def test_exactly_that_code(self, code: str) -> None:
        breach = BREAKERS[code](VALID[breaker_format(code)])
        assert breach.code == code
        report = lm.validate(breach.meeting, context=breach.context)
        assert report.codes == {code}, report.render("en")

    @pytest.mark.parametrize("code", sorted(BREAKERS))
    def test_the_broken_meeting_can_be_written(self, code: str) -> None:
        """One id is one professional in it (the case's care team follows a
        changed attendee), so a JSON document can hold it."""
        breach = BREAKERS[code](VALID[breaker_format(code)])
        text = lm.to_json(breach.meeting)
        assert lm.from_json(lm.Meeting, text) == breach.meeting

    @pytest.mark.parametrize("code", sorted(BREAKERS))
    def test_a_context_exactly_for_the_context_rules(self, code: str) -> None:
        breach = BREAKERS[code](VALID[breaker_format(code)])
        assert (breach.context is not None) == BREAKERS[code].rule.needs_context


class TestOneBreakerPerRule:
    """Breakers are registered against rule objects, one for every rule."""

    def test_every_rule_has_a_breaker(self) -> None:
        assert set(BREAKERS) == set(lm.DEFAULT_RULES.codes)

    def test_every_breaker_breaks_a_built_in_rule(self) -> None:
        for breaker in DECLARED:
            assert breaker.rule is lm.DEFAULT_RULES.rule(breaker.rule.code)

    def test_no_rule_is_broken_by_two_breakers(self) -> None:
        codes = [b.rule.code for b in DECLARED]
        assert sorted(codes) == sorted(set(codes))

    def test_table_is_in_code_order(self) -> None:
        assert list(BREAKERS) == list(lm.DEFAULT_RULES.codes)

    def test_the_format_comes_from_the_breaker(self) -> None:
        for code, breaker in BREAKERS.items():
            assert breaker_format(code) == breaker.start_from
            assert lm.DEFAULT_CATALOG.format(breaker.start_from).code == (
                breaker.start_from
            )


class TestLookUp:
    """A code is looked up among the rules, and the rule says what it needs."""

    @pytest.mark.parametrize("code", ["LM299", "LM199", "lm112"])
    def test_unknown_code_names_the_closest(self, code: str) -> None:
        for strategy in (lst.breaches, lst.meetings_breaking):
            with pytest.raises(lm.UnknownCodeError) as info:
                strategy(code)
            assert info.value.suggestions

    @pytest.mark.parametrize("rule", lm.DEFAULT_RULES.rules, ids=lambda r: r.code)
    def test_meetings_breaking_refuses_exactly_the_context_rules(
        self, rule: lm.Rule
    ) -> None:
        if rule.needs_context:
            with pytest.raises(lm.InvalidValueError, match="context"):
                lst.meetings_breaking(rule.code)
        else:
            lst.meetings_breaking(rule.code)


class TestBreaches:
    """For every rule, a strategy that breaks exactly that rule."""

    @pytest.mark.parametrize("code", lm.DEFAULT_RULES.codes)
    def test_exactly_that_code(self, code: str) -> None:
        @settings(max_examples=10)
        @given(lst.breaches(code))
        def check(breach: Any) -> None:
            report = lm.validate(breach.meeting, context=breach.context)
            assert report.codes == {code}, report.render("en")
            assert lm.from_json(lm.Meeting, lm.to_json(breach.meeting)) == (
                breach.meeting
            )

        check()

    @given(lst.meetings_breaking("LM117"))
    def test_meetings_breaking(self, meeting: lm.Meeting) -> None:
        assert lm.validate(meeting).codes == {"LM117"}

    def test_context_rules_need_breaches(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="context"):
            lst.meetings_breaking("LM201")

    def test_unknown_code(self) -> None:
        with pytest.raises(lm.UnknownCodeError, match="LM101"):
            lst.breaches("LM1011")


FORMATS = lm.DEFAULT_CATALOG.formats
PAIRS = [(code, f.code) for code, b in BREAKERS.items() for f in FORMATS if b.on(f)]
"""Every rule with every built-in format it can be broken alone in."""


def _exact(breach: lst.Breach) -> lm.Report:
    report = lm.validate(breach.meeting, context=breach.context)
    assert report.codes == {breach.code}, report.render("en")
    return report


class TestEveryRuleOnEveryFormat:
    """Each rule on each built-in format it can fire alone in: exactly its code,
    in a meeting of that very format."""

    @pytest.mark.parametrize(("code", "fmt"), PAIRS)
    def test_exactly_that_code_in_that_format(self, code: str, fmt: str) -> None:
        fixed = lm.DEFAULT_CATALOG.format(fmt)

        @settings(max_examples=3)
        @given(lst.breaches(code, format=fmt))
        def check(breach: lst.Breach) -> None:
            assert breach.code == code
            assert breach.meeting.format == fixed
            _exact(breach)

        check()

    @given(st.sampled_from(PAIRS).flatmap(lambda p: lst.breaches(p[0], format=p[1])))
    def test_any_pair_and_back_through_json(self, breach: lst.Breach) -> None:
        _exact(breach)
        assert lm.from_json(lm.Meeting, lm.to_json(breach.meeting)) == breach.meeting

    def test_every_rule_but_lm103_has_a_built_in_format(self) -> None:
        """LM103 is said first by the host rule (study visit, roadshow) or the
        panel rule (audit) in every built-in cross-sectoral format."""
        without = [c for c in BREAKERS if not any(c == p[0] for p in PAIRS)]
        assert without == ["LM103"]

    def test_the_formats_the_strategy_names_are_those_drawn_on(self) -> None:
        for code, breaker in BREAKERS.items():
            named = lst.breach_formats(code)
            assert named == tuple(f for f in FORMATS if breaker.on(f))
            assert all(code in lm.DEFAULT_RULES.rule(code).code for _ in named)

    def test_a_rule_fires_alone_only_where_it_applies(self) -> None:
        for code, fmt in PAIRS:
            applies = lm.DEFAULT_RULES.rule(code).applies
            assert applies is None or applies(lm.DEFAULT_CATALOG.format(fmt))

    @settings(max_examples=10)
    @given(lst.breaches("LM103"))
    def test_lm103_keeps_its_widened_format(self, breach: lst.Breach) -> None:
        assert breach.meeting.format.code == breaker_format("LM103")
        assert breach.meeting.format.requirements.min_sectors == 2
        _exact(breach)


class TestWarningsAndNotes:
    """Warnings and notes are drawn as the only finding: the meeting is valid."""

    @pytest.mark.parametrize(
        "code",
        [r.code for r in lm.DEFAULT_RULES.rules if r.severity is not lm.Severity.ERROR],
    )
    def test_valid_with_its_one_finding(self, code: str) -> None:
        @settings(max_examples=5)
        @given(lst.breaches(code))
        def check(breach: lst.Breach) -> None:
            report = _exact(breach)
            assert report.ok
            assert len({v.severity for v in report.violations}) == 1

        check()

    @settings(max_examples=10)
    @given(lst.breaches("LM105", format="course_day"))
    def test_a_fictional_course_day_is_a_warning(self, breach: lst.Breach) -> None:
        report = _exact(breach)
        assert report.ok
        assert {v.severity for v in report.violations} == {lm.Severity.WARNING}
        assert breach.meeting.case is not None
        assert not breach.meeting.case.is_concrete

    @settings(max_examples=10)
    @given(lst.breaches("LM105", format="audit"))
    def test_a_fictional_audit_is_an_error(self, breach: lst.Breach) -> None:
        assert not _exact(breach).ok

    @pytest.mark.parametrize(
        ("fmt", "severity"),
        [("audit", lm.Severity.WARNING), ("mono_course", lm.Severity.INFO)],
    )
    def test_a_missing_plan_as_the_format_weighs_it(
        self, fmt: str, severity: lm.Severity
    ) -> None:
        @settings(max_examples=5)
        @given(lst.breaches("LM135", format=fmt))
        def check(breach: lst.Breach) -> None:
            report = _exact(breach)
            assert {v.severity for v in report.violations} == {severity}

        check()

    @settings(max_examples=5)
    @given(lst.breaches("LM122"))
    def test_everyday_work_is_a_note(self, breach: lst.Breach) -> None:
        report = _exact(breach)
        assert [v.severity for v in report.violations] == [lm.Severity.INFO]


class TestRefused:
    """A format the rule cannot fire alone in is refused, naming those it can."""

    @pytest.mark.parametrize("code", sorted(BREAKERS))
    def test_names_the_formats_where_it_can(self, code: str) -> None:
        can = [fmt for c, fmt in PAIRS if c == code]
        for fmt in FORMATS:
            if fmt.code in can:
                continue
            for given_as in (fmt.code, fmt):
                with pytest.raises(lm.InvalidValueError) as info:
                    lst.breaches(code, format=given_as)
                assert (info.value.where, info.value.path) == ("breaches", ("format",))
                assert code in info.value.reason.en
                assert f"'{fmt.code}'" in info.value.reason.da
                assert all(c in info.value.fix.en for c in can)
                assert can or "leave out format" in info.value.fix.en

    def test_meetings_breaking_refuses_the_same(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="home_meeting"):
            lst.meetings_breaking("LM106", format="audit")

    def test_a_home_meeting_cannot_be_too_small_alone(self) -> None:
        """Two professions and the citizen are the home meeting's minimum of
        three: one fewer breaks the professions or the citizen's rule."""
        with pytest.raises(lm.InvalidValueError, match="learning_meeting"):
            lst.breaches("LM115", format="home_meeting")

    def test_an_unknown_format_names_the_closest(self) -> None:
        with pytest.raises(lm.UnknownCodeError, match="audit"):
            lst.breaches("LM110", format="audt")


def _format(code: str, **requirements: Any) -> lm.MeetingFormat:
    return lm.MeetingFormat(
        code=code,
        label=lm.Label(da=f"egen mødeform {code}", en=f"own format {code}"),
        description=lm.Label(da="En kommunes egen.", en="A municipality's own."),
        requirements=lm.FormatRequirements(**requirements),
    )


ROUND = _format(
    "palliative_round",
    min_professions=3,
    min_sectors=2,
    min_attendees=4,
    max_attendees=10,
    case_required=True,
    consent_required=True,
    reflection_required=True,
    facilitator_required=True,
    max_outside_care_team_share=0.3,
)
JOINT_VISIT = _format(
    "joint_home_visit",
    min_professions=2,
    min_sectors=2,
    min_attendees=3,
    max_attendees=5,
    case_required=True,
    consent_required=True,
    citizen_present=True,
    at_citizen_home=True,
)
MINE = lm.Catalog(
    professions=lm.DEFAULT_CATALOG.professions,
    sectors=lm.DEFAULT_CATALOG.sectors,
    formats=[ROUND, JOINT_VISIT],
)
OWN_PAIRS = [
    (code, f.code) for code, b in BREAKERS.items() for f in MINE.formats if b.on(f)
]


class TestOnAUsersOwnCatalogue:
    """A municipality's own formats are broken as they are, by code or value."""

    @pytest.mark.parametrize(("code", "fmt"), OWN_PAIRS)
    def test_exactly_that_code_in_the_own_format(self, code: str, fmt: str) -> None:
        @settings(max_examples=3)
        @given(lst.breaches(code, format=fmt, catalog=MINE))
        def check(breach: lst.Breach) -> None:
            assert breach.meeting.format == MINE.format(fmt)
            _exact(breach)

        check()

    @settings(max_examples=10)
    @given(
        st.sampled_from(sorted({c for c, _ in OWN_PAIRS})).flatmap(
            lambda code: lst.breaches(code, catalog=MINE)
        )
    )
    def test_without_a_format_every_rule_on_the_own_formats(
        self, breach: lst.Breach
    ) -> None:
        _exact(breach)
        assert breach.meeting.format in MINE.formats

    def test_a_rule_none_of_the_own_formats_carries_is_refused(self) -> None:
        assert not lst.breach_formats("LM102", catalog=MINE)
        with pytest.raises(lm.InvalidValueError) as info:
            lst.breaches("LM102", catalog=MINE)
        assert info.value.path == ("catalog",)
        assert "any format of the catalogue" in info.value.reason.en

    def test_lm103_fires_alone_in_an_own_cross_sectoral_round(self) -> None:
        assert ("LM103", "palliative_round") in OWN_PAIRS

    @settings(max_examples=5)
    @given(lst.meetings_breaking("LM109", format=ROUND, catalog=MINE))
    def test_a_format_value_is_taken_as_it_is(self, meeting: lm.Meeting) -> None:
        assert meeting.format == ROUND
        assert lm.validate(meeting).codes == {"LM109"}
