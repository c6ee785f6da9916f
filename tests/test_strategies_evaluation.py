"""Strategies for the evaluation layer: what evaluate() reports of generated surveys."""

from __future__ import annotations

from hypothesis import given, settings

import learnmeet as lm
from learnmeet import strategies as lst


class TestEvaluations:
    """Evaluations are evaluate()'s own: rates between 0 and 1, counts that
    add up, suppressed groups without figures."""

    @settings(max_examples=15)
    @given(lst.evaluations())
    def test_rates_and_groups(self, evaluation: lm.Evaluation) -> None:
        assert 1 <= evaluation.threshold <= 5
        if evaluation.groups:  # no group when nobody answered about benefit
            assert evaluation.group(lm.Dimension.OVERALL, "all") is not None
        for group in evaluation.groups:
            if group.suppressed:
                assert group.mean is None
                assert not group.members

    @settings(max_examples=15)
    @given(lst.response_rates())
    def test_counts_are_never_negative_and_rates_are_shares(
        self, rates: lm.ResponseRates
    ) -> None:
        assert all(rates.count(d) >= 0 for d in lm.Disposition)
        assert rates.invitations >= 1
        for rate in (rates.rr1, rates.rr3, rates.eligibility_rate):
            assert rate is None or 0.0 <= rate <= 1.0

    @settings(max_examples=15)
    @given(lst.yield_groups())
    def test_groups_have_figures_in_range(self, group: lm.YieldGroup) -> None:
        if group.mean is not None:
            assert 0.0 <= group.mean <= 100.0
        if group.share is not None:
            assert group.ci_low is not None
            assert group.ci_high is not None
            assert 0.0 <= group.ci_low <= group.share <= group.ci_high <= 1.0

    @settings(max_examples=15)
    @given(lst.level_summaries())
    def test_a_level_not_measured_has_no_number(self, level: lm.LevelSummary) -> None:
        if level.method is lm.Measurement.NOT_MEASURED:
            assert level.mean is None
        elif level.mean is not None:
            assert 0.0 <= level.mean <= 100.0
