"""Validate meetings against their formats and their context."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from learnmeet.model._checks import expect, expect_each
from learnmeet.model._labels import Lang, check_lang
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


def _arguments(where: str, context: object, rules: object) -> None:
    # The exact classes pass at the cost of two comparisons: this runs for
    # every meeting validated.
    if context is not None and context.__class__ is not RuleContext:
        expect(context, RuleContext, where=where, name="context", optional=True)
    if rules.__class__ is not RuleSet:
        expect(rules, RuleSet, where=where, name="rules")


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
    if meeting.__class__ is not Meeting:
        expect(meeting, Meeting, where="validate", name="meeting")
    _arguments("validate", context, rules)
    return Report(_check(meeting, context, rules), lang=check_lang(lang))


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
    meetings = expect_each(meetings, Meeting, where="validate_all", name="meetings")
    _arguments("validate_all", context, rules)
    lang = check_lang(lang)
    if context is not None:
        context = attrs.evolve(context, meetings=(*context.meetings, *meetings))
    found = [v for m in meetings for v in _check(m, context, rules)]
    return Report(found, lang=lang)
