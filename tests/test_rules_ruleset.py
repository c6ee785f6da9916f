"""Rule sets: users add rules, switch them off and change severities."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import learnmeet as lm
from examples import valid_meetings

MEETING = valid_meetings()["learning_meeting"]


def _friday_check(meeting: lm.Meeting, context: lm.RuleContext) -> Iterator[lm.Finding]:
    if meeting.start.weekday() == 0:
        yield lm.Finding(
            lm.Subject(lm.SubjectKind.MEETING, meeting.id),
            lm.Label("ingen møder om mandagen", "no meetings on Mondays"),
        )


MONDAYS = lm.Rule(
    code="ESB001",
    severity=lm.Severity.WARNING,
    title=lm.Label("Mandagsmøde", "Monday meeting"),
    fix=lm.Label("Flyt mødet", "Move the meeting"),
    check=_friday_check,
)


class TestOwnRules:
    """A rule is any callable; no library class is subclassed."""

    def test_added_rule_runs(self) -> None:
        report = lm.validate(MEETING, rules=lm.DEFAULT_RULES.with_rules(MONDAYS))
        assert report.codes == {"ESB001"}
        assert report.warnings[0].message.en == "no meetings on Mondays"

    def test_rule_sets_compose(self) -> None:
        own = lm.RuleSet([MONDAYS], severities={"ESB001": lm.Severity.ERROR})
        combined = lm.DEFAULT_RULES | own
        assert combined.codes[-1] == "ESB001"
        assert not lm.validate(MEETING, rules=combined).ok
        assert combined.severity_of("ESB001") is lm.Severity.ERROR

    def test_composition_keeps_configuration(self) -> None:
        base = lm.DEFAULT_RULES.without("LM109")
        assert "LM109" not in (base | lm.RuleSet([MONDAYS])).codes


class TestConfiguration:
    """Configuration is checked: unknown or duplicate codes are refused."""

    def test_unknown_code(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="no rule has the codes"):
            lm.DEFAULT_RULES.without("LM999")

    def test_duplicate_code(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="more than one rule"):
            lm.RuleSet([MONDAYS, MONDAYS])

    def test_lookup(self) -> None:
        assert lm.DEFAULT_RULES.rule("LM101").title.en == "Too few professions"
        with pytest.raises(lm.UnknownCodeError, match="LM10"):
            lm.DEFAULT_RULES.rule("LM10")

    def test_codes_are_stable_and_unique(self) -> None:
        codes = [r.code for r in lm.DEFAULT_RULES.rules]
        assert codes == sorted(codes)
        assert len(set(codes)) == len(codes)
