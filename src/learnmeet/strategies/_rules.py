"""Strategies for the rules layer: what validation finds, rules and their context.

Every value here is what the rules layer itself makes of generated meetings:
a :class:`~learnmeet.Report` is what :func:`learnmeet.validate` returns for a
meeting, a :class:`~learnmeet.Violation` one line of such a report, a
:class:`~learnmeet.Finding` what a built-in rule's check finds in a meeting
breaking it. So a renderer or a store tested with them sees the codes,
severities, subjects and messages the library really writes, never a code no
rule has.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.model._arguments import checked
from learnmeet.model._calendar import danish_holidays
from learnmeet.model._labels import LANGUAGES, Label
from learnmeet.model._meetings import Meeting
from learnmeet.rules._report import Report, Severity, Subject, SubjectKind, Violation
from learnmeet.rules._rule import Finding, Rule, RuleContext, RuleSet
from learnmeet.rules._validate import DEFAULT_RULES, validate
from learnmeet.strategies._availability import working_hours
from learnmeet.strategies._breaches import BREAKERS, breaches
from learnmeet.strategies._common import _days
from learnmeet.strategies._meetings import meetings

__all__ = [
    "findings",
    "reports",
    "rule_contexts",
    "rule_sets",
    "rules",
    "violations",
]

_BROKEN = st.sampled_from(sorted(BREAKERS))
"""The codes a breach can be drawn for: every built-in rule with a breaker."""


@st.composite
def _reports(draw: st.DrawFn, *, catalog: Catalog) -> Report:
    lang = draw(st.sampled_from(LANGUAGES))
    if catalog is DEFAULT_CATALOG and draw(st.booleans()):
        breach = draw(_BROKEN.flatmap(breaches))
        return validate(breach.meeting, context=breach.context, lang=lang)
    return validate(draw(meetings(catalog=catalog)), lang=lang)


@checked
def reports(*, catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[Report]:
    """Reports as :func:`learnmeet.validate` makes them, in Danish or English.

    Half are the report of a valid meeting (no error; a warning or a note
    where the meeting earns one), half the report of a meeting breaking one
    built-in rule (:func:`breaches`), with that rule's code, severity, subject
    and message. Test a renderer or a store with them:

    >>> @given(lst.reports())
    ... def test_every_line_names_its_code(report):
    ...     text = report.render()
    ...     assert all(v.code in text for v in report.violations)
    >>> test_every_line_names_its_code()

    Args:
        catalog: Where the valid meetings' formats, professions and sectors
            come from; the breaches are of the built-in catalogue's formats,
            so a catalogue of one's own gives reports of valid meetings only.

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.4.0 What :func:`~learnmeet.validate` reports for a
       generated meeting, not a report of made-up violations.
    """
    return _reports(catalog=catalog)


@checked
def violations() -> SearchStrategy[Violation]:
    """One violation of a built-in rule, as :func:`learnmeet.validate` reports it.

    The report of a meeting breaking a rule drawn from the built-in ones
    (:func:`breaches`): its code is a rule's code, its severity the rule's
    (or the format's), its subject the meeting, an attendee or the case.

    >>> violation = find(lst.violations(), lambda _: True, settings=quick)
    >>> violation.code in lm.DEFAULT_RULES.codes
    True
    >>> violation.severity in set(lm.Severity)
    True

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.4.0 Of a built-in rule, from a real report.
    """
    return (
        _BROKEN.flatmap(breaches)
        .map(lambda b: validate(b.meeting, context=b.context).violations)
        .flatmap(st.sampled_from)
    )


def _found(rule: Rule, meeting: Meeting, context: RuleContext | None) -> list[Finding]:
    return list(rule.check(meeting, context or RuleContext()))


@checked
def findings() -> SearchStrategy[Finding]:
    """What a built-in rule's check finds in a meeting breaking that rule.

    >>> found = find(lst.findings(), lambda f: f.severity is None, settings=quick)
    >>> type(found).__name__, found.severity
    ('Finding', None)

    .. versionadded:: 0.4.0
    """

    def found(code: str) -> SearchStrategy[Finding]:
        rule = DEFAULT_RULES.rule(code)
        return (
            breaches(code)
            .map(lambda b: _found(rule, b.meeting, b.context))
            .flatmap(st.sampled_from)
        )

    return _BROKEN.flatmap(found)


# -- rules of one's own -----------------------------------------------------


def _longer_than(minutes: int) -> Rule:
    """A rule of one's own: a meeting lasts at most *minutes*."""

    def check(meeting: Meeting, context: RuleContext) -> Iterator[Finding]:
        if meeting.duration > timedelta(minutes=minutes):
            yield Finding(
                Subject(SubjectKind.MEETING, meeting.id),
                Label(
                    da=f"mødet varer mere end {minutes} minutter",
                    en=f"the meeting lasts more than {minutes} minutes",
                ),
            )

    return Rule(
        code=f"EGEN{minutes:03d}",
        severity=Severity.WARNING,
        title=Label(da=f"højst {minutes} minutter", en=f"at most {minutes} minutes"),
        meaning=Label(
            da="Lange møder tager tid fra borgerne.",
            en="Long meetings take time from the citizens.",
        ),
        fix=Label(da="gør mødet kortere", en="make the meeting shorter"),
        check=check,
    )


def _own_rules() -> SearchStrategy[Rule]:
    return st.sampled_from([30, 60, 90, 120, 180]).map(_longer_than)


@checked
def rules(*, own: bool = True) -> SearchStrategy[Rule]:
    """A built-in rule, or a rule of one's own that flags long meetings.

    A rule of one's own has a code of its own prefix (``EGEN060``), is a
    warning, and its check finds a meeting longer than its limit: what a
    municipality adds with :meth:`~learnmeet.RuleSet.with_rules`.

    >>> find(rules(own=False), lambda rule: rule.code == "LM116").severity
    <Severity.ERROR: 'error'>

    Args:
        own: Whether rules of one's own are drawn too. A JSON document holds
            a rule by its code, so only the built-in rules (``own=False``)
            are written and read back; a rule of one's own is refused by
            :func:`~learnmeet.to_json`.

    .. versionadded:: 0.4.0
    """
    built_in = st.sampled_from(DEFAULT_RULES.rules)
    return built_in | _own_rules() if own else built_in


@st.composite
def _rule_sets(draw: st.DrawFn, *, own: bool) -> RuleSet:
    found = DEFAULT_RULES
    codes = found.codes
    off = draw(st.lists(st.sampled_from(codes), max_size=3, unique=True))
    if off:
        found = found.without(*off)
    for code in draw(st.lists(st.sampled_from(codes), max_size=2, unique=True)):
        found = found.with_severity(code, draw(st.sampled_from(Severity)))
    if not own:
        return found
    added = draw(st.lists(_own_rules(), max_size=2, unique_by=lambda r: r.code))
    return found.with_rules(*added) if added else found


@checked
def rule_sets(*, own: bool = True) -> SearchStrategy[RuleSet]:
    """The built-in rules, configured as a municipality configures them.

    Up to three rules switched off, up to two with another severity, and up
    to two rules of one's own (see :func:`rules`) added.

    >>> len(find(rule_sets(own=False), lambda rules: rules.disabled).disabled)
    1

    Args:
        own: Whether rules of one's own may be added. ``own=False`` draws the
            rule sets a JSON document can hold (see :func:`rules`).

    .. versionadded:: 0.4.0
    """
    return _rule_sets(own=own)


@st.composite
def _rule_contexts(draw: st.DrawFn, *, catalog: Catalog) -> RuleContext:
    others = draw(st.lists(meetings(catalog=catalog), max_size=2))
    years = sorted({m.start.year for m in others} or {draw(_days()).year})
    holidays = frozenset(
        h.day for year in years for h in danish_holidays(year, customary=True)
    )
    units = sorted({p.unit.id for m in others for p in m.professionals})
    return RuleContext(
        meetings=others,
        holidays=holidays if draw(st.booleans()) else frozenset(),
        working_hours=draw(
            st.dictionaries(
                st.sampled_from(units), working_hours(overnight=False), max_size=2
            )
            if units
            else st.just({})
        ),
        default_hours=draw(st.none() | working_hours(overnight=False)),
        today=draw(st.none() | _days(low=date(2025, 1, 1))),
    )


@checked
def rule_contexts(*, catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[RuleContext]:
    """Contexts for the context rules, made of generated meetings.

    Up to two other meetings (:func:`meetings`), the Danish holidays of their
    years half the time, working hours for up to two of their units and a
    default for the rest now and then, and sometimes the day consent must
    still be valid on.

    >>> context = find(lst.rule_contexts(), lambda _: True, settings=quick)
    >>> isinstance(context, lm.RuleContext), len(context.meetings) <= 2
    (True, True)

    .. versionadded:: 0.4.0
    """
    return _rule_contexts(catalog=catalog)
