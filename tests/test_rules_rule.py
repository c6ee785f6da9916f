"""The rule protocol: rules, their declaration, and rule sets.

A rule is a code, a severity, texts and any callable check; users add rules,
switch them off and change severities. The built-in rules are declared with
``@rule`` on their checks and gathered from their modules.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from examples import HOME_CARE_S, attend, pro, valid_meetings
from learnmeet import strategies as lst
from learnmeet.rules._rule import gather, limits, needs, rule
from learnmeet.strategies._breaches import BREAKERS, breaker_format

VALID = valid_meetings()
MEETING = VALID["learning_meeting"]


def _friday_check(meeting: lm.Meeting, context: lm.RuleContext) -> Iterator[lm.Finding]:
    if meeting.start.weekday() == 0:
        yield lm.Finding(
            lm.Subject(lm.SubjectKind.MEETING, meeting.id),
            lm.Label(da="ingen møder om mandagen", en="no meetings on Mondays"),
        )


MONDAYS = lm.Rule(
    code="ESB001",
    severity=lm.Severity.WARNING,
    title=lm.Label(da="Mandagsmøde", en="Monday meeting"),
    fix=lm.Label(da="Flyt mødet", en="Move the meeting"),
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


_MANY_OUTSIDERS = attrs.evolve(
    MEETING,
    attendees=[
        *MEETING.attendees,
        attend(pro("o-1", "psychologist", HOME_CARE_S)),
        attend(pro("o-2", "priest", HOME_CARE_S)),
        attend(pro("o-3", "nurse", HOME_CARE_S)),
        attend(pro("o-4", "nurse", HOME_CARE_S)),
        attend(pro("o-5", "nurse", HOME_CARE_S)),
    ],
)
"""A learning meeting breaking only LM109, a warning: most people are outsiders."""


class TestConfiguration:
    """Configuration is checked: unknown or duplicate codes are refused."""

    def test_unknown_code(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="no rule has the codes"):
            lm.DEFAULT_RULES.without("LM999")

    @pytest.mark.parametrize(
        "configure",
        [
            lambda code: lm.DEFAULT_RULES.without(code),
            lambda code: lm.DEFAULT_RULES.with_severity(code, lm.Severity.INFO),
            lambda code: lm.RuleSet(lm.DEFAULT_RULES.rules, disabled={code}),
        ],
        ids=["without", "with_severity", "disabled"],
    )
    @pytest.mark.parametrize(
        "code",
        ["LM 120304-5678", "12\u200b0304-5678", "B 12.03.04\xad5678", "Q" * 50_000],
    )
    def test_an_unknown_code_is_not_repeated(
        self, configure: object, code: str
    ) -> None:
        """A code may be whatever the caller typed: the message shows it short
        and redacted, or by its length, never in full."""
        with pytest.raises(lm.InvalidValueError) as caught:
            configure(code)  # type: ignore[operator]
        for lang in lm.LANGUAGES:
            message = caught.value.message(lang)
            assert code not in message
            assert not lm.looks_like_cpr(message)
            assert len(message) < 200

    def test_unknown_codes_are_counted_past_a_few(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.RuleSet(lm.DEFAULT_RULES.rules, disabled={f"X{n}" for n in range(500)})
        assert caught.value.reason.en.endswith("'X0', 'X1', 'X10' and 497 more")
        assert caught.value.reason.da.endswith("'X0', 'X1', 'X10' og 497 mere")

    def test_codes_that_are_not_text_are_refused_not_sorted(self) -> None:
        """Sorting text with numbers raised TypeError; a code that is not
        text is refused as what it is."""
        with pytest.raises(lm.InvalidValueError, match="must be a string, not int"):
            lm.RuleSet(lm.DEFAULT_RULES.rules, disabled={10, "C", "B"})  # type: ignore[arg-type]

    def test_duplicate_code(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="more than one rule"):
            lm.RuleSet([MONDAYS, MONDAYS])

    def test_lookup(self) -> None:
        assert lm.DEFAULT_RULES.rule("LM101").title.en == "Too few professions"
        with pytest.raises(lm.UnknownCodeError, match="LM10"):
            lm.DEFAULT_RULES.rule("LM10")

    def test_configuration_changes_severity(self) -> None:
        rules = lm.DEFAULT_RULES.with_severity("LM109", lm.Severity.ERROR)
        assert not lm.validate(_MANY_OUTSIDERS, rules=rules).ok
        assert lm.validate(_MANY_OUTSIDERS).ok

    def test_configuration_switches_a_rule_off(self) -> None:
        without_case = attrs.evolve(MEETING, case=None)
        rules = lm.DEFAULT_RULES.without("LM104")
        assert lm.validate(without_case, rules=rules).violations == ()
        assert lm.validate(without_case).codes == {"LM104"}

    def test_codes_are_stable_and_unique(self) -> None:
        codes = [r.code for r in lm.DEFAULT_RULES.rules]
        assert codes == sorted(codes)
        assert len(set(codes)) == len(codes)


def _never_asked(meeting: lm.Meeting, context: lm.RuleContext) -> Iterator[lm.Finding]:
    raise AssertionError(f"asked about {meeting.id} where it does not apply")


def _format_rule(code: str, check: lm.Check, applies: lm.Applies | None) -> lm.Rule:
    return lm.Rule(
        code=code,
        severity=lm.Severity.WARNING,
        title=lm.Label(da="Egen regel", en="Own rule"),
        fix=lm.Label(da="Ret mødet", en="Fix the meeting"),
        check=check,
        applies=applies,
    )


_RULES_THAT_APPLY = [r for r in lm.DEFAULT_RULES.rules if r.applies is not None]


def _assert_applies_where_it_finds(rule: lm.Rule, meeting: lm.Meeting) -> None:
    assert rule.applies is not None
    found = list(rule.check(meeting, lm.RuleContext()))
    if found:
        assert rule.applies(meeting.format), (rule.code, meeting.format, found)


def _one_change_away(fmt: lm.MeetingFormat) -> Iterator[lm.MeetingFormat]:
    """*fmt* with one requirement (or whether it is learning) changed."""
    yield attrs.evolve(fmt, is_learning=not fmt.is_learning)
    req = fmt.requirements
    for field in attrs.fields(lm.FormatRequirements):
        value = getattr(req, field.name)
        if isinstance(value, bool):
            others: list[object] = [not value]
        elif isinstance(value, lm.FictionalCase):
            others = list(lm.FictionalCase)
        elif isinstance(value, int | float) or value is None:
            others = [None, 0, 1, 2, 3, 0.0, 0.5, 1.0, 100]
        else:
            others = [None, "another_course"]
        for other in others:
            try:
                changed = attrs.evolve(req, **{field.name: other})
            except lm.LearnmeetError:
                continue  # not a value this requirement can have
            yield attrs.evolve(fmt, requirements=changed)


class TestApplies:
    """A rule that cannot find anything in a format is not asked about its meetings."""

    def test_not_asked_where_it_does_not_apply(self) -> None:
        other = _format_rule(
            "ESB002", _never_asked, lambda f: f.code != MEETING.format.code
        )
        report = lm.validate(MEETING, rules=lm.DEFAULT_RULES.with_rules(other))
        assert report.ok, report.render("en")

    def test_asked_where_it_applies(self) -> None:
        mondays = _format_rule(
            "ESB001", _friday_check, lambda f: f.code == MEETING.format.code
        )
        report = lm.validate(MEETING, rules=lm.DEFAULT_RULES.with_rules(mondays))
        assert report.codes == {"ESB001"}

    def test_asked_once_per_format(self) -> None:
        asked: list[str] = []

        def applies(fmt: lm.MeetingFormat) -> bool:
            asked.append(fmt.code)
            return True

        rules = lm.RuleSet([_format_rule("ESB001", _friday_check, applies)])
        meetings = [attrs.evolve(MEETING, id=f"m-{i}") for i in range(5)]
        for meeting in meetings:
            lm.validate(meeting, rules=rules)
        lm.validate_all(meetings, rules=rules)
        assert asked == [MEETING.format.code]

    def test_a_format_of_equal_value_is_asked_about_again(self) -> None:
        """Plans are kept by the format's identity; a copy is planned anew."""
        asked: list[lm.MeetingFormat] = []

        def applies(fmt: lm.MeetingFormat) -> bool:
            asked.append(fmt)
            return True

        rules = lm.RuleSet([_format_rule("ESB001", _friday_check, applies)])
        copy = attrs.evolve(MEETING, format=attrs.evolve(MEETING.format))
        assert lm.validate(MEETING, rules=rules) == lm.validate(copy, rules=rules)
        assert len(asked) == 2
        assert asked[0] is not asked[1]

    def test_many_formats_are_planned_right(self) -> None:
        """More formats than the plans kept: every report is still right."""
        mondays = _format_rule("ESB001", _friday_check, lambda f: f.code[-1] in "02468")
        rules = lm.RuleSet([mondays])
        for i in range(300):
            fmt = attrs.evolve(MEETING.format, code=f"own_format_{i}")
            report = lm.validate(attrs.evolve(MEETING, format=fmt), rules=rules)
            assert report.codes == ({"ESB001"} if i % 2 == 0 else set()), i

    def test_applies_is_not_part_of_equality(self) -> None:
        one = _format_rule("ESB001", _friday_check, None)
        other = _format_rule("ESB001", _friday_check, lambda f: False)
        assert one == other

    @settings(max_examples=100)
    @given(st.sampled_from(_RULES_THAT_APPLY), st.data())
    def test_a_built_in_rule_finds_nothing_where_it_does_not_apply(
        self, rule: lm.Rule, data: st.DataObject
    ) -> None:
        meeting = data.draw(
            lst.breaches(rule.code).map(lambda b: b.meeting) | lst.meetings()
        )
        fmt = attrs.evolve(
            meeting.format,
            requirements=data.draw(lst.format_requirements()),
            is_learning=data.draw(st.booleans()),
        )
        _assert_applies_where_it_finds(rule, attrs.evolve(meeting, format=fmt))

    @pytest.mark.parametrize("code", sorted(r.code for r in _RULES_THAT_APPLY))
    def test_applies_wherever_one_requirement_changes(self, code: str) -> None:
        """Each breach again under formats that differ in one requirement."""
        rule = lm.DEFAULT_RULES.rule(code)
        breach = BREAKERS[code](VALID[breaker_format(code)]).meeting
        for fmt in _one_change_away(breach.format):
            _assert_applies_where_it_finds(rule, attrs.evolve(breach, format=fmt))

    @pytest.mark.parametrize("code", sorted(BREAKERS))
    def test_every_breach_is_of_a_format_its_rule_applies_to(self, code: str) -> None:
        rule = lm.DEFAULT_RULES.rule(code)
        breach = BREAKERS[code](VALID[breaker_format(code)])
        assert rule.applies is None or rule.applies(breach.meeting.format)


class TestMeaning:
    """A rule may say what it means; a user's rule need not."""

    def test_defaults_to_none(self) -> None:
        assert MONDAYS.meaning is None
        assert not MONDAYS.settled_by_answers

    def test_given_by_keyword_as_a_label(self) -> None:
        meant = attrs.evolve(
            MONDAYS,
            meaning=lm.Label(
                da="Mandage er til planlægning.", en="Mondays are for planning."
            ),
        )
        assert meant.meaning is not None
        assert meant.meaning.get("en") == "Mondays are for planning."
        assert meant != MONDAYS

    def test_a_plain_string_is_refused(self) -> None:
        with pytest.raises(lm.WrongTypeError):
            attrs.evolve(MONDAYS, meaning="Mondays are for planning.")

    def test_a_users_rule_with_a_meaning_runs_as_before(self) -> None:
        meant = attrs.evolve(
            MONDAYS,
            meaning=lm.Label(da="Ingen mandagsmøder.", en="No Monday meetings."),
        )
        report = lm.validate(MEETING, rules=lm.DEFAULT_RULES.with_rules(meant))
        assert report.codes == {"ESB001"}


class TestSettledByAnswers:
    """compose awaits the breaches of rules that only answers settle."""

    def test_a_users_rule_of_that_kind_is_awaited(self) -> None:
        def unanswered(
            meeting: lm.Meeting, context: lm.RuleContext
        ) -> Iterator[lm.Finding]:
            for a in meeting.taking_part:
                if a.rsvp is lm.Rsvp.NEEDS_ACTION:
                    yield lm.Finding(
                        lm.Subject(lm.SubjectKind.ATTENDEE, a.person.key),
                        lm.Label(da="har ikke svaret", en="has not answered"),
                    )

        waiting = lm.Rule(
            code="ESB003",
            severity=lm.Severity.ERROR,
            title=lm.Label(da="Mangler svar", en="Not answered"),
            fix=lm.Label(da="Vent på svar", en="Wait for the answers"),
            check=unanswered,
            settled_by_answers=True,
        )
        proposal = lm.compose(
            MEETING.format,
            pool=MEETING.professionals,
            case=MEETING.case,
            start=MEETING.start,
            rules=lm.DEFAULT_RULES.with_rules(waiting),
        )
        assert proposal.awaiting
        assert {v.code for v in proposal.awaiting} == {"ESB003"}
        assert proposal.complete
        not_waiting = attrs.evolve(waiting, settled_by_answers=False)
        again = lm.compose(
            MEETING.format,
            pool=MEETING.professionals,
            case=MEETING.case,
            start=MEETING.start,
            rules=lm.DEFAULT_RULES.with_rules(not_waiting),
        )
        assert {v.code for v in again.missing} == {"ESB003"}
        assert not again.complete


@rule(
    code="ESB010",
    severity=lm.Severity.INFO,
    title=lm.Label(da="Erklæret", en="Declared"),
    meaning=lm.Label(da="En regel erklæret på sit tjek.", en="A rule on its check."),
    fix=lm.Label(da="Intet", en="Nothing"),
    applies=needs("reflection_required"),
)
def DECLARED(meeting: lm.Meeting, context: lm.RuleContext) -> Iterator[lm.Finding]:  # noqa: N802
    """The check itself."""
    return iter(())


class TestDeclaration:
    """@rule makes the Rule value from the texts and the check they sit on."""

    def test_the_function_becomes_the_rule(self) -> None:
        assert isinstance(DECLARED, lm.Rule)
        assert DECLARED.code == "ESB010"
        assert DECLARED.meaning == lm.Label(
            da="En regel erklæret på sit tjek.", en="A rule on its check."
        )
        assert DECLARED.check.__doc__ == "The check itself."
        assert not DECLARED.needs_context
        assert not DECLARED.settled_by_answers

    def test_needs_and_limits(self) -> None:
        fmt = lm.DEFAULT_CATALOG.format("learning_meeting")
        assert DECLARED.applies is not None
        assert DECLARED.applies(fmt)
        assert needs("min_professions")(fmt)
        assert not needs("host_required")(fmt)
        assert limits("max_attendees")(fmt)
        assert not limits("min_fill")(fmt)

    def test_gather_collects_each_rule_once_in_code_order(self) -> None:
        import types

        one = types.ModuleType("one")
        two = types.ModuleType("two")
        one.B = attrs.evolve(MONDAYS, code="ESB002")
        one.A = MONDAYS
        one.not_a_rule = "ESB009"
        two.A = MONDAYS  # the same rule, imported into a second module
        assert gather(one, two) == (MONDAYS, one.B)
        assert gather(one, two)[0] is MONDAYS

    def test_two_rules_with_one_code_are_refused(self) -> None:
        import types

        one = types.ModuleType("one")
        one.A = MONDAYS
        one.B = attrs.evolve(MONDAYS, severity=lm.Severity.ERROR)
        with pytest.raises(lm.InvalidValueError, match="more than one rule"):
            lm.RuleSet(gather(one))


class TestContextIsChecked:
    """A context is checked when it is made, as every value is: what would
    have been kept and failed later, or quietly been ignored, is refused
    naming the field."""

    @pytest.mark.parametrize(
        "today", ["010203-1234", object(), date(1, 1, 1), datetime(2027, 1, 4)]
    )
    def test_today_is_a_date_in_the_years(self, today: object) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.RuleContext(today=today)
        assert info.value.location == "RuleContext.today"
        assert "1234" not in info.value.message("en")

    @pytest.mark.parametrize(
        ("holidays", "path"),
        [
            ("010203-1234", ("holidays",)),
            (["2027-01-20"], ("holidays",)),
            ([date(2027, 1, 20), datetime(2027, 1, 21)], ("holidays",)),
            (date(2027, 1, 20), ("holidays",)),
        ],
    )
    def test_holidays_are_dates(self, holidays: object, path: tuple[str]) -> None:
        with pytest.raises(lm.WrongTypeError) as info:
            lm.RuleContext(holidays=holidays)
        assert (info.value.where, info.value.path) == ("RuleContext", path)
        assert "1234" not in info.value.message("da")

    def test_holidays_are_kept_as_days(self) -> None:
        context = lm.RuleContext(holidays=[date(2027, 1, 20), date(2027, 1, 20)])
        assert context.holidays == frozenset({date(2027, 1, 20)})

    @pytest.mark.parametrize(
        ("hours", "path"),
        [
            ([1, 2], ("working_hours",)),
            ({"u-1": "x"}, ("working_hours", "u-1")),
            ({"u-1": None}, ("working_hours", "u-1")),
            ({7: lm.WorkingHours()}, ("working_hours",)),
            ({"010203-1234": lm.WorkingHours()}, ("working_hours",)),
        ],
    )
    def test_working_hours_by_unit_id(self, hours: object, path: tuple[str]) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.RuleContext(working_hours=hours)
        assert (info.value.where, info.value.path) == ("RuleContext", path)
        assert "1234" not in info.value.message("en")

    def test_working_hours_are_a_copy(self) -> None:
        given = {"u-1": lm.WorkingHours()}
        context = lm.RuleContext(working_hours=given)
        given["u-2"] = lm.WorkingHours()
        assert context.hours_of("u-2") is None

    @given(
        st.dictionaries(
            st.text(alphabet="abu-019", min_size=1, max_size=8),
            lst.working_hours(),
            max_size=3,
        ),
        st.sets(st.dates(date(lm.FIRST_YEAR, 1, 1), date(lm.LAST_YEAR, 12, 31))),
        st.none() | st.dates(date(lm.FIRST_YEAR, 1, 1), date(lm.LAST_YEAR, 12, 31)),
    )
    def test_what_is_taken_is_what_the_rules_read(
        self, hours: dict[str, lm.WorkingHours], days: set[date], today: date | None
    ) -> None:
        context = lm.RuleContext(working_hours=hours, holidays=days, today=today)
        assert (context.holidays, context.today) == (days, today)
        for unit, wanted in hours.items():
            assert context.hours_of(unit) is wanted


class TestRuleSetIsChecked:
    """A rule set holds rules, codes and severities, or says which is wrong."""

    def test_a_rule_that_is_no_rule(self) -> None:
        with pytest.raises(lm.WrongTypeError) as info:
            lm.RuleSet(rules=["x"])
        assert info.value.location == "RuleSet.rules[0]"
        assert "expected Rule, got str" in info.value.reason.en

    @pytest.mark.parametrize(
        ("severities", "location"),
        [
            (["LM101"], "RuleSet.severities"),
            ({"LM101": "error"}, "RuleSet.severities[0][1]"),
            ({5: lm.Severity.ERROR, "LM101": lm.Severity.INFO}, "RuleSet.severities"),
        ],
    )
    def test_severities_by_code(self, severities: object, location: str) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(lm.DEFAULT_RULES, severities=severities)
        assert info.value.location.startswith(location)

    def test_disabled_codes(self) -> None:
        assert "LM101" not in lm.DEFAULT_RULES.without("LM101").codes
        with pytest.raises(lm.WrongTypeError) as info:
            attrs.evolve(lm.DEFAULT_RULES, disabled="LM101")
        assert info.value.location == "RuleSet.disabled"

    def test_a_changed_rule_set_keeps_its_severities(self) -> None:
        changed = lm.DEFAULT_RULES.with_severity("LM101", lm.Severity.INFO)
        again = attrs.evolve(changed, disabled={"LM203"})
        assert again.severity_of("LM101") is lm.Severity.INFO

    @pytest.mark.parametrize(
        ("field", "value"),
        [("check", "not a function"), ("applies", 5), ("needs_context", "yes")],
    )
    def test_a_rule_s_check_and_flags(self, field: str, value: object) -> None:
        with pytest.raises(lm.WrongTypeError) as info:
            attrs.evolve(MONDAYS, **{field: value})
        assert info.value.location == f"Rule.{field}"


class TestShortReprs:
    """A rule set prints as its size and its choices, never 34 rules in full
    (``help(PlanningConfig)`` printed 63 kB through its default)."""

    def test_a_configured_rule_set(self) -> None:
        rules = lm.DEFAULT_RULES.without("LM203", "LM202").with_severity(
            "LM105", lm.Severity.ERROR
        )
        assert repr(rules) == (
            f"<RuleSet: {len(lm.DEFAULT_RULES.rules)} rules (LM101, LM102, LM103, …); "
            "off: LM202, LM203; re-graded: LM105 error>"
        )
        assert repr(lm.RuleSet()) == "<RuleSet: no rules>"

    def test_a_rule(self) -> None:
        rule = lm.DEFAULT_RULES.rule("LM101")
        assert repr(rule) == f"<Rule: LM101 (error) {rule.title.en}>"

    @settings(max_examples=30)
    @given(lst.rule_sets())
    def test_every_drawn_rule_set_prints_on_one_short_line(
        self, rules: lm.RuleSet
    ) -> None:
        shown = repr(rules)
        assert "\n" not in shown
        assert len(shown) < 200


class TestOneSeverityPerRule:
    def test_a_code_given_two_severities_is_refused(self) -> None:
        twice = (("LM101", lm.Severity.INFO), ("LM101", lm.Severity.WARNING))
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.RuleSet(lm.DEFAULT_RULES.rules, severities=twice)
        assert caught.value.path == ("severities", 1)
        assert caught.value.message("en").endswith(
            "the rule has been given a severity already "
            "(fix: give each rule one severity)"
        )

    def test_re_grading_replaces_the_severity(self) -> None:
        rules = lm.DEFAULT_RULES.with_severity("LM101", lm.Severity.INFO)
        again = rules.with_severity("LM101", lm.Severity.WARNING)
        assert again.severities == (("LM101", lm.Severity.WARNING),)
