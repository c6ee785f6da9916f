"""The rule protocol: a rule is a code, a default severity, texts and a check.

A check is any callable ``(meeting, context) -> Iterable[Finding]``; nothing to
subclass. Rules are gathered in a :class:`RuleSet`, which composes with ``|``
and can switch rules off or change their severity by configuration.

The built-in rules are each declared once, in the topic module of the lesson
they carry (``_visits.py``, ``_case.py`` …): :func:`rule` puts the code,
severity, texts, meaning, fix and ``applies`` on the check itself, and makes
the module-level :class:`Rule` value that docs, strategies and planning read.
:func:`gather` collects those values; nothing lists them a second time.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from types import ModuleType
from typing import Any

import attrs

from learnmeet.exceptions import InvalidValueError, shown_all
from learnmeet.model._arguments import checked
from learnmeet.model._calendar import WorkingHours
from learnmeet.model._checks import (
    a_callable,
    each,
    entries,
    identifier,
    instance_of,
    optional,
    pair,
    to_dict,
    to_frozenset,
    to_tuple,
)
from learnmeet.model._formats import MeetingFormat
from learnmeet.model._labels import Label
from learnmeet.model._lookup import code_order, find
from learnmeet.model._meetings import Meeting
from learnmeet.model._reprs import known_as
from learnmeet.model._time import a_date
from learnmeet.rules._bookings import Bookings
from learnmeet.rules._report import Severity, Subject, SubjectKind

__all__ = [
    "Applies",
    "Check",
    "Finding",
    "Rule",
    "RuleContext",
    "RuleSet",
    "gather",
    "limits",
    "needs",
    "rule",
]


@attrs.frozen
class Finding:
    """What a check found: the subject, the message and, rarely, a severity.

    Attributes:
        subject: What the finding concerns.
        message: What is wrong and how to fix it, in Danish and English.
        severity: Overrides the rule's default severity for this finding (a
            format can make the same breach an error or a warning).

    .. versionadded:: 0.1.0
    """

    subject: Subject = attrs.field(validator=instance_of(Subject))
    message: Label = attrs.field(validator=instance_of(Label))
    severity: Severity | None = attrs.field(
        default=None, validator=optional(instance_of(Severity))
    )


def _meetings(items: Iterable[Meeting]) -> tuple[Meeting, ...]:
    return to_tuple(items)


def _days(items: Iterable[date]) -> frozenset[date]:
    return to_frozenset(items)


def _hours(items: Mapping[str, WorkingHours]) -> Mapping[str, WorkingHours]:
    return to_dict(items)


@attrs.frozen(kw_only=True)
class RuleContext:
    """What the context rules need beyond the meeting itself.

    Attributes:
        meetings: Other meetings to check double bookings against.
        holidays: Days on which no meeting should be held, e.g. from
            :func:`learnmeet.danish_holidays`. Empty: not checked.
        working_hours: The working hours of every unit by unit id; a unit not
            listed uses ``default_hours``.
        default_hours: Working hours for units without their own; ``None``:
            working hours are not checked.
        today: The day consent must still be valid on, besides the meeting's
            own date; ``None``: only the meeting's date is checked.

    Every field is checked when the context is made, as every value's are: a
    holiday or *today* that is not a date in the years 1900-9998, or working
    hours that are not :class:`~learnmeet.WorkingHours` by unit id, are
    refused naming the field.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 Every field is checked.
    """

    meetings: tuple[Meeting, ...] = attrs.field(
        default=(), converter=_meetings, validator=each(instance_of(Meeting))
    )
    holidays: frozenset[date] = attrs.field(
        default=frozenset(), converter=_days, validator=each(a_date)
    )
    working_hours: Mapping[str, WorkingHours] = attrs.field(
        factory=dict,
        converter=_hours,
        validator=entries(identifier, instance_of(WorkingHours)),
        eq=False,
        hash=False,
    )
    default_hours: WorkingHours | None = attrs.field(
        default=None, validator=optional(instance_of(WorkingHours))
    )
    today: date | None = attrs.field(default=None, validator=optional(a_date))
    # Who is booked when, by person: built from the meetings the first time a
    # rule asks (the double-booking rule), then kept with this context, so one
    # validate_all call indexes its meetings once.
    _bookings: Bookings | None = attrs.field(
        init=False, default=None, eq=False, hash=False, repr=False
    )

    def _booked(self) -> Bookings:
        """The context's meetings by person taking part, sorted by start."""
        if self._bookings is None:
            object.__setattr__(self, "_bookings", Bookings.of(self.meetings))
        assert self._bookings is not None
        return self._bookings

    @checked
    def hours_of(self, unit_id: str) -> WorkingHours | None:
        """Return the working hours of a unit, or the default."""
        return self.working_hours.get(unit_id, self.default_hours)


Check = Callable[[Meeting, RuleContext], Iterable[Finding]]
"""The type of a rule's check: ``(meeting, context) -> findings``."""

Applies = Callable[[MeetingFormat], bool]
"""The type of a rule's ``applies``: ``format -> whether its check can find any``."""


def _rule_shown(rule: Rule) -> str:
    return f"{rule.code} ({rule.severity.value}) {rule.title.en}"


def _rule_set_shown(rules: RuleSet) -> str:
    codes = [r.code for r in rules.rules]
    listed = ", ".join(codes[:3]) + (", …" if len(codes) > 3 else "")
    parts = [f"{len(codes)} rules ({listed})" if codes else "no rules"]
    if rules.disabled:
        parts.append("off: " + ", ".join(sorted(rules.disabled, key=code_order)))
    if rules.severities:
        parts.append(
            "re-graded: "
            + ", ".join(f"{code} {level.value}" for code, level in rules.severities)
        )
    return "; ".join(parts)


@known_as(_rule_shown)
@attrs.frozen(kw_only=True)
class Rule:
    """One rule: what it checks, what it means, how serious a breach is, the fix.

    Attributes:
        code: A stable code, e.g. ``"LM101"``; your own rules should use a
            prefix of your own, e.g. ``"ESB001"``.
        severity: The default severity of a breach.
        title: What the rule is called, in Danish and English.
        meaning: What the rule says and why, in a sentence or two, in Danish
            and English; the rule table in the docs shows it. ``None``: the
            title says enough.
        fix: What fixes a breach, in Danish and English.
        check: ``(meeting, context) -> Iterable[Finding]``.
        needs_context: Whether the rule reads the :class:`RuleContext`.
        applies: ``format -> bool``: whether the check can find anything in a
            meeting of that format, read from the format alone (e.g. a rule
            about the host cannot, where the format needs no host). Validation
            asks it once per format and does not run the check where it says
            ``False``. ``None``: the check runs for every meeting.
        settled_by_answers: Whether only the invitees' answers can settle a
            breach (the citizen has not yet said yes to a meeting in their
            home), not a change to the meeting. :func:`~learnmeet.compose`
            lists such breaches as awaiting, not as missing.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *applies*, *meaning* and *settled_by_answers*.
    """

    code: str = attrs.field(validator=identifier)
    severity: Severity = attrs.field(validator=instance_of(Severity))
    title: Label = attrs.field(validator=instance_of(Label))
    meaning: Label | None = attrs.field(
        default=None, validator=optional(instance_of(Label))
    )
    fix: Label = attrs.field(validator=instance_of(Label))
    check: Check = attrs.field(eq=False, validator=a_callable)
    needs_context: bool = attrs.field(default=False, validator=instance_of(bool))
    applies: Applies | None = attrs.field(
        default=None, eq=False, validator=optional(a_callable)
    )
    settled_by_answers: bool = attrs.field(default=False, validator=instance_of(bool))


def rule(
    *,
    code: str,
    severity: Severity,
    title: Label,
    meaning: Label,
    fix: Label,
    applies: Applies | None = None,
    needs_context: bool = False,
    settled_by_answers: bool = False,
) -> Callable[[Check], Rule]:
    """Declare a built-in rule on its check, which it turns into the rule.

    The decorated function's name becomes the :class:`Rule`'s name, e.g.
    ``NO_HOST``: code, texts, ``applies`` and check are written in one place,
    and every other layer reads them from that value. Built-in rules always
    say what they mean.
    """

    def declare(check: Check) -> Rule:
        return Rule(
            code=code,
            severity=severity,
            title=title,
            meaning=meaning,
            fix=fix,
            check=check,
            needs_context=needs_context,
            applies=applies,
            settled_by_answers=settled_by_answers,
        )

    return declare


def gather(*modules: ModuleType) -> tuple[Rule, ...]:
    """Every :class:`Rule` value *modules* define, each once, in code order.

    A rule imported into a second module is still one rule (it is the same
    value); two rules with one code are refused by :class:`RuleSet`.
    """
    found = {
        id(value): value
        for module in modules
        for value in vars(module).values()
        if isinstance(value, Rule)
    }
    return tuple(sorted(found.values(), key=lambda r: r.code))


# When each built-in rule can find anything, read from the format alone: a rule
# whose requirement the format does not set is not asked (tests check that such
# a rule indeed finds nothing).
def needs(name: str) -> Applies:
    """The rule applies where the requirement *name* is set (true, non-zero)."""

    def applies(fmt: MeetingFormat) -> bool:
        return bool(getattr(fmt.requirements, name))

    return applies


def limits(name: str) -> Applies:
    """The rule applies where the limit *name* is not ``None``."""

    def applies(fmt: MeetingFormat) -> bool:
        return getattr(fmt.requirements, name) is not None

    return applies


_Plan = tuple[tuple[Rule, Severity | None], ...]
# Plans kept per rule set: far more than there are formats in any catalogue.
_MAX_PLANS = 256


def _codes(items: Iterable[str]) -> frozenset[str]:
    return to_frozenset(items)


def _rules(items: Iterable[Rule]) -> tuple[Rule, ...]:
    return to_tuple(items)


def _severities(items: Mapping[str, Severity]) -> tuple[tuple[str, Severity], ...]:
    given: Any = items
    if isinstance(given, tuple) and all(
        isinstance(p, tuple) and len(p) == 2 for p in given
    ):
        with contextlib.suppress(TypeError):  # a code that cannot be a key
            if len({code for code, _ in given}) < len(given):
                return given  # a code twice: refused below
            given = dict(given)  # the pairs kept, as attrs.evolve hands them on
    found = to_dict(given)
    if found.__class__ is not dict:
        return found  # type: ignore[return-value]  # refused by the validator
    try:
        return tuple(sorted(found.items(), key=lambda item: code_order(item[0])))
    except TypeError:  # a code that is no text: refused by the validator
        return tuple(found.items())


@known_as(_rule_set_shown)
@attrs.frozen
class RuleSet:
    """An ordered set of rules with their configuration.

    >>> from learnmeet import DEFAULT_RULES, Severity
    >>> mine = DEFAULT_RULES.without("LM109").with_severity("LM203", Severity.ERROR)
    >>> "LM109" in mine.codes, mine.severity_of("LM203").code
    (False, 'error')

    Attributes:
        rules: The rules, each code once.
        disabled: Codes switched off.
        severities: Severity overrides by code.

    .. versionadded:: 0.1.0
    """

    rules: tuple[Rule, ...] = attrs.field(
        default=(), converter=_rules, validator=each(instance_of(Rule))
    )
    disabled: frozenset[str] = attrs.field(
        default=frozenset(), converter=_codes, validator=each(identifier)
    )
    severities: tuple[tuple[str, Severity], ...] = attrs.field(
        default=(),
        converter=_severities,
        validator=each(pair(identifier, instance_of(Severity))),
    )
    # The active rules, each with its severity override (or None), worked out
    # once; and per format (by identity: formats are few and shared) and
    # context, the ones that can find anything. Validation reads these for
    # every meeting.
    _plan: _Plan = attrs.field(init=False, eq=False, hash=False, repr=False)
    _plans: dict[tuple[int, bool], tuple[MeetingFormat, _Plan]] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        codes = [r.code for r in self.rules]
        twice = sorted({c for c in codes if codes.count(c) > 1})
        if twice:
            them = shown_all(twice)
            raise InvalidValueError(
                reason=Label(
                    da=f"koderne {them.da} bruges af mere end én regel",
                    en=f"the codes {them.en} are used by more than one rule",
                ),
                fix=Label(
                    da="giv hver regel sin egen kode",
                    en="give every rule its own code",
                ),
                where="RuleSet",
                path=("rules",),
            )
        graded = [code for code, _ in self.severities]
        again = [n for n, code in enumerate(graded) if code in graded[:n]]
        if again:
            raise InvalidValueError(
                reason=Label(
                    da="reglen har allerede fået en alvorlighed",
                    en="the rule has been given a severity already",
                ),
                fix=Label(
                    da="giv hver regel én alvorlighed",
                    en="give each rule one severity",
                ),
                where="RuleSet",
                path=("severities", again[0]),
            )
        unknown = sorted(
            (self.disabled | dict(self.severities).keys()) - set(codes), key=code_order
        )
        if unknown:
            # The codes were given by the caller: shown redacted and cut short.
            them = shown_all(unknown)
            raise InvalidValueError(
                reason=Label(
                    da=f"ingen regel har koderne {them.da}",
                    en=f"no rule has the codes {them.en}",
                ),
                fix=Label(
                    da="ret stavningen af koderne", en="check the spelling of the codes"
                ),
                where="RuleSet",
                path=("disabled",),
            )
        overrides = dict(self.severities)
        plan = tuple((r, overrides.get(r.code)) for r in self.active)
        object.__setattr__(self, "_plan", plan)
        object.__setattr__(self, "_plans", {})

    def _plan_for(self, fmt: MeetingFormat, with_context: bool) -> _Plan:
        """The active rules that can find anything in a meeting of *fmt*."""
        key = (id(fmt), with_context)
        known = self._plans.get(key)
        # The entry holds its format, so no other format can have its id.
        if known is not None and known[0] is fmt:
            return known[1]
        plan = tuple(
            (rule, override)
            for rule, override in self._plan
            if (with_context or not rule.needs_context)
            and (rule.applies is None or rule.applies(fmt))
        )
        if len(self._plans) >= _MAX_PLANS:
            self._plans.clear()
        self._plans[key] = (fmt, plan)
        return plan

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the rules that are switched on, in order."""
        return tuple(r.code for r in self.rules if r.code not in self.disabled)

    @property
    def active(self) -> tuple[Rule, ...]:
        """The rules that are switched on, in order."""
        return tuple(r for r in self.rules if r.code not in self.disabled)

    @checked
    def rule(self, code: str) -> Rule:
        """Return the rule with *code*.

        Raises:
            UnknownCodeError: No rule has that code.
        """
        return find(
            "rule",
            code,
            {r.code: r for r in self.rules},
            what=Label(da="regel", en="rule"),
            where="RuleSet.rule",
            argument="code",
        )

    @checked
    def severity_of(self, code: str) -> Severity:
        """Return the severity a breach of *code* is reported with."""
        return dict(self.severities).get(code, self.rule(code).severity)

    @checked
    def without(self, *codes: str) -> RuleSet:
        """Return a rule set with the rules of *codes* switched off."""
        return attrs.evolve(self, disabled=self.disabled | set(codes))

    @checked
    def with_severity(self, code: str, severity: Severity) -> RuleSet:
        """Return a rule set that reports *code* with *severity*."""
        return attrs.evolve(self, severities={**dict(self.severities), code: severity})

    @checked
    def with_rules(self, *rules: Rule) -> RuleSet:
        """Return a rule set with *rules* added (replacing rules of the same code)."""
        new = {r.code for r in rules}
        return attrs.evolve(
            self, rules=[*(r for r in self.rules if r.code not in new), *rules]
        )

    def __or__(self, other: RuleSet) -> RuleSet:
        """Compose two rule sets; *other*'s rules and configuration win."""
        merged = self.with_rules(*other.rules)
        return RuleSet(
            merged.rules,
            disabled=(self.disabled - {r.code for r in other.rules}) | other.disabled,
            severities={**dict(self.severities), **dict(other.severities)},
        )


def meeting_subject(meeting: Meeting) -> Subject:
    """The subject for a finding about the meeting as a whole."""
    return Subject(SubjectKind.MEETING, meeting.id)
