"""Properties of validation and composition on generated values."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

import learnmeet as lm
from learnmeet import strategies as lst
from support import pools


class TestValidate:
    """Validation is pure: it never raises, and gives the same report twice."""

    @given(st.from_type(lm.Meeting) | lst.breaches("LM109").map(lambda b: b.meeting))
    def test_deterministic(self, meeting: lm.Meeting) -> None:
        assert lm.validate(meeting) == lm.validate(meeting)

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
        errors = {v.code for v in report.errors} - {"LM107"}
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
