"""Strategies for the rules layer: what the rules layer itself makes of meetings."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet import strategies as lst
from learnmeet.strategies._breaches import BREAKERS


class TestReports:
    """A report is what validate returns for a generated meeting: only codes
    of built-in rules, each with the severity the rule set gives it."""

    @settings(max_examples=30)
    @given(lst.reports())
    def test_codes_are_built_in_rules(self, report: lm.Report) -> None:
        for violation in report.violations:
            assert violation.code in lm.DEFAULT_RULES.codes
        assert report.lang in lm.LANGUAGES

    @settings(max_examples=30)
    @given(lst.reports())
    def test_a_report_of_errors_is_a_breach_of_one_rule(
        self, report: lm.Report
    ) -> None:
        assert len({v.code for v in report.errors}) <= 1
        assert report.render()

    def test_both_valid_meetings_and_breaches_come_up(self) -> None:
        seen: set[bool] = set()

        @settings(max_examples=60, database=None)
        @given(lst.reports())
        def check(report: lm.Report) -> None:
            seen.add(report.ok)

        check()
        assert seen == {True, False}

    @settings(max_examples=10)
    @given(lst.reports(catalog=lm.DEFAULT_CATALOG.extend()))
    def test_a_catalogue_of_ones_own_gives_reports_of_valid_meetings(
        self, report: lm.Report
    ) -> None:
        assert report.ok


class TestViolationsAndFindings:
    """A violation is a line of a real report; a finding what a rule's check
    returns for a meeting that breaks it."""

    @settings(max_examples=30)
    @given(lst.violations())
    def test_violations_are_of_a_rule_with_a_breaker(self, v: lm.Violation) -> None:
        assert v.code in BREAKERS
        assert v.render("en").startswith(v.code)

    @settings(max_examples=30)
    @given(lst.findings())
    def test_findings_name_a_subject_and_say_what_is_wrong(
        self, finding: lm.Finding
    ) -> None:
        assert finding.message.da
        assert finding.message.en
        assert finding.severity in {None, *lm.Severity}


class TestRules:
    """Rules are the built-in ones or one's own; rule sets configure them."""

    @given(lst.rules())
    def test_a_rule_is_built_in_or_has_a_prefix_of_ones_own(
        self, rule: lm.Rule
    ) -> None:
        if rule.code.startswith("EGEN"):
            assert rule.code not in lm.DEFAULT_RULES.codes
            assert rule.severity is lm.Severity.WARNING
        else:
            assert lm.DEFAULT_RULES.rule(rule.code) is rule

    @settings(max_examples=20)
    @given(lst.rules(), lst.meetings())
    def test_an_own_rule_flags_only_long_meetings(
        self, rule: lm.Rule, meeting: lm.Meeting
    ) -> None:
        if not rule.code.startswith("EGEN"):
            return
        limit = timedelta(minutes=int(rule.code[4:]))
        found = list(rule.check(meeting, lm.RuleContext()))
        assert bool(found) == (meeting.duration > limit)

    @settings(max_examples=20)
    @given(lst.rule_sets(), lst.meetings())
    def test_a_rule_set_validates(self, rules: lm.RuleSet, meeting: lm.Meeting) -> None:
        report = lm.validate(meeting, rules=rules)
        assert {v.code for v in report.violations} <= set(rules.codes)
        assert len(rules.disabled) <= 3


class TestRuleContexts:
    """A context is made of generated meetings, their holidays and hours."""

    @settings(max_examples=20)
    @given(lst.rule_contexts())
    def test_the_parts_fit(self, context: lm.RuleContext) -> None:
        assert len(context.meetings) <= 2
        units = {p.unit.id for m in context.meetings for p in m.professionals}
        assert set(context.working_hours) <= units
        years = {d.year for d in context.holidays}
        assert (
            not context.holidays
            or years <= {m.start.year for m in context.meetings} | years
        )

    @settings(max_examples=10)
    @given(lst.rule_contexts(), lst.meetings())
    def test_validate_takes_it(
        self, context: lm.RuleContext, meeting: lm.Meeting
    ) -> None:
        assert isinstance(lm.validate(meeting, context=context), lm.Report)

    @given(st.data())
    def test_every_strategy_is_typed(self, data: st.DataObject) -> None:
        assert isinstance(data.draw(lst.rules()), lm.Rule)
