"""Validation: a valid meeting gives an empty report; validating is pure.

Also composition, whose proposals are checked with the same rules.
"""

from __future__ import annotations

from datetime import datetime

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet import strategies as lst
from rule_cases import VALID
from support import pools


class TestValidMeetings:
    """A well-composed meeting of every built-in format validates with no violation."""

    @pytest.mark.parametrize("code", sorted(VALID))
    def test_no_violation(self, code: str) -> None:
        report = lm.validate(VALID[code])
        assert report.violations == (), report.render("en")

    @pytest.mark.parametrize("code", sorted(VALID))
    def test_no_violation_in_a_context_either(self, code: str) -> None:
        context = lm.RuleContext(
            holidays=[h.day for h in lm.danish_holidays(2027)],
            default_hours=lm.WorkingHours(),
        )
        report = lm.validate(VALID[code], context=context)
        assert report.violations == (), report.render("en")


class TestValidate:
    """Validation is pure: it never raises, and gives the same report twice."""

    @given(st.from_type(lm.Meeting) | lst.breaches("LM109").map(lambda b: b.meeting))
    def test_deterministic(self, meeting: lm.Meeting) -> None:
        assert lm.validate(meeting) == lm.validate(meeting)

    @given(
        st.lists(
            st.from_type(lm.Meeting)
            | st.sampled_from(["LM101", "LM103", "LM109", "LM124"]).flatmap(
                lambda code: lst.breaches(code).map(lambda b: b.meeting)
            ),
            min_size=1,
            max_size=4,
        )
    )
    def test_same_report_as_each_rule_asked_alone(
        self, meetings: list[lm.Meeting]
    ) -> None:
        """Validation plans which rules to ask per format; asking each rule on
        its own, about a fresh copy, must find exactly the same."""

        def alone(rule: lm.Rule, meeting: lm.Meeting) -> list[lm.Finding]:
            return list(rule.check(attrs.evolve(meeting), lm.RuleContext()))

        for meeting in meetings:  # in turn, as a plan is checked
            report = lm.validate(meeting)
            found = [
                lm.Violation(
                    code=rule.code,
                    severity=finding.severity or rule.severity,
                    subject=finding.subject,
                    message=finding.message,
                    meeting=meeting.id,
                )
                for rule in lm.DEFAULT_RULES.active
                if not rule.needs_context
                for finding in alone(rule, meeting)
            ]
            assert report == lm.Report(found)

    @given(lst.meetings(), lst.meetings())
    def test_context_never_raises(self, one: lm.Meeting, two: lm.Meeting) -> None:
        context = lm.RuleContext(
            meetings=[two],
            holidays=[h.day for h in lm.danish_holidays(one.start.year)],
            default_hours=lm.WorkingHours(),
        )
        report = lm.validate(one, context=context, lang="en")
        assert all(v.meeting == one.id for v in report.violations)


_WHEN = st.datetimes(
    min_value=datetime(2026, 1, 1),
    max_value=datetime(2028, 1, 1),
    timezones=st.just(lm.COPENHAGEN),
    allow_imaginary=False,
)


class TestCompose:
    """compose either proposes a clean meeting or lists what is missing."""

    @settings(max_examples=40)
    @given(
        fmt=lst.meeting_formats(),
        pool=pools(),
        case=st.none() | lst.citizen_cases(),
        start=_WHEN,
    )
    def test_complete_means_clean(
        self,
        fmt: lm.MeetingFormat,
        pool: list[lm.Professional],
        case: lm.CitizenCase | None,
        start: datetime,
    ) -> None:
        proposal = lm.compose(fmt, pool=pool, case=case, start=start)
        report = lm.validate(proposal.meeting)
        awaited = {r.code for r in lm.DEFAULT_RULES.rules if r.settled_by_answers}
        errors = {v.code for v in report.errors} - awaited
        assert {v.code for v in proposal.awaiting} <= awaited
        if proposal.complete:
            assert not errors
        else:
            assert errors == {
                v.code for v in proposal.missing if v.severity is lm.Severity.ERROR
            }

    @settings(max_examples=30)
    @given(
        fmt=lst.meeting_formats(),
        pool=pools(),
        case=st.none() | lst.citizen_cases(),
        start=_WHEN,
    )
    def test_deterministic(
        self,
        fmt: lm.MeetingFormat,
        pool: list[lm.Professional],
        case: lm.CitizenCase | None,
        start: datetime,
    ) -> None:
        one = lm.compose(fmt, pool=pool, case=case, start=start)
        two = lm.compose(fmt, pool=list(reversed(pool)), case=case, start=start)
        assert one == two
