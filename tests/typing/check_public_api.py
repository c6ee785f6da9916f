"""The public API as an importing app uses it; checked by mypy, never run."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis.strategies import SearchStrategy
from typing_extensions import assert_type

import learnmeet as lm
from learnmeet import strategies as lst
from learnmeet._breaches import Breach

cat = lm.DEFAULT_CATALOG
assert_type(cat.profession("nurse"), lm.Profession)
assert_type(cat.format("audit"), lm.MeetingFormat)
sample = lm.from_json(lm.Scenario, "{}")
assert_type(sample, lm.Scenario)
assert_type(lm.to_json(sample), str)
meeting = sample.meetings[0]
assert_type(lm.validate(meeting), lm.Report)
assert_type(lm.validate(meeting).errors, tuple[lm.Violation, ...])
assert_type(
    lm.compose(cat.format("home_meeting"), pool=[], start=meeting.start), lm.Proposal
)
assert_type(lm.danish_holidays(2027), tuple[lm.Holiday, ...])
assert_type(
    lm.plan_period(sample, start=date(2027, 1, 1), end=date(2027, 3, 31)), lm.PeriodPlan
)
assert_type(
    lm.Series(
        start=datetime(2027, 1, 1, tzinfo=lm.COPENHAGEN), rule="FREQ=DAILY"
    ).occurrences(),
    tuple[datetime, ...],
)
assert_type(lm.to_ical([meeting]), str)

assert_type(lst.meetings(), SearchStrategy[lm.Meeting])
assert_type(lst.professionals(), SearchStrategy[lm.Professional])
assert_type(lst.citizen_cases(), SearchStrategy[lm.CitizenCase])
assert_type(lst.scenarios(), SearchStrategy[lm.Scenario])
assert_type(lst.forums(), SearchStrategy[lm.Forum])
assert_type(lst.transitions(), SearchStrategy[lm.Transition])
assert_type(lst.consents(), SearchStrategy[lm.Consent])
assert_type(lst.format_requirements(), SearchStrategy[lm.FormatRequirements])
assert_type(lst.breaches("LM101"), SearchStrategy[Breach])
assert_type(lst.meetings_breaking("LM101"), SearchStrategy[lm.Meeting])
