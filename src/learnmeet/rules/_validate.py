"""Validate meetings against their formats and their context."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from learnmeet.model._arguments import checked
from learnmeet.model._labels import Lang
from learnmeet.model._meetings import Meeting
from learnmeet.rules._context_rules import CONTEXT_RULES
from learnmeet.rules._facts import hold, release
from learnmeet.rules._format_rules import FORMAT_RULES
from learnmeet.rules._report import Report, Violation
from learnmeet.rules._rule import RuleContext, RuleSet

__all__ = ["DEFAULT_RULES", "validate", "validate_all"]

DEFAULT_RULES = RuleSet((*FORMAT_RULES, *CONTEXT_RULES))
"""Every built-in rule, switched on, with its default severity.

.. versionadded:: 0.1.0
"""

_EMPTY = RuleContext()


def _check(
    meeting: Meeting, context: RuleContext | None, rules: RuleSet
) -> list[Violation]:
    found = []
    given = context or _EMPTY
    held = hold(meeting)  # who takes part: worked out once for every rule
    try:
        for rule, override in rules._plan_for(meeting.format, context is not None):
            for finding in rule.check(meeting, given):
                found.append(
                    Violation(
                        code=rule.code,
                        severity=override or finding.severity or rule.severity,
                        subject=finding.subject,
                        message=finding.message,
                        meeting=meeting.id,
                    )
                )
    finally:
        release(held)
    return found


@checked
def validate(
    meeting: Meeting,
    *,
    context: RuleContext | None = None,
    rules: RuleSet = DEFAULT_RULES,
    lang: Lang = "da",
) -> Report:
    """Check *meeting* against its format's requirements and its context.

    A breach never raises: it is a violation in the report. Rules that need a
    context (double bookings, holidays, working hours) run only when *context*
    is given.

    Args:
        meeting: The meeting to check.
        context: Other meetings and the calendar, for the context rules.
        rules: The rules to apply; defaults to every built-in rule.
        lang: The language the report renders in by default.

    Raises:
        WrongTypeError: An argument is of the wrong type.
        InvalidValueError: *lang* is neither ``"da"`` nor ``"en"``.

    .. versionadded:: 0.1.0
    """
    return Report(_check(meeting, context, rules), lang=lang)


@checked
def validate_all(
    meetings: Iterable[Meeting],
    *,
    context: RuleContext | None = None,
    rules: RuleSet = DEFAULT_RULES,
    lang: Lang = "da",
) -> Report:
    """Check many meetings in one report; each is also checked against the others.

    The meetings are added to the context's other meetings, so a person booked
    twice among them is reported.

    Raises:
        WrongTypeError: An argument, or one of the meetings, is of the wrong
            type.
        InvalidValueError: *lang* is neither ``"da"`` nor ``"en"``.

    .. versionadded:: 0.1.0
    """
    if context is not None:
        context = attrs.evolve(context, meetings=(*context.meetings, *meetings))
    found = [v for m in meetings for v in _check(m, context, rules)]
    return Report(found, lang=lang)
