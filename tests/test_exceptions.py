"""Every text is bilingual by keyword, and every error says how to fix it.

The rules are checked twice: statically, over every module of the package (so
a raise site no test reaches is still held to them), and on the errors
themselves.
"""

from __future__ import annotations

import ast
import inspect
import pickle
import re
import traceback
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from learnmeet import exceptions
from learnmeet.data import load_sample
from learnmeet.strategies import cpr_numbers

SRC = Path(lm.__file__).parent
MODULES = sorted(SRC.rglob("*.py"))

ERRORS = {
    name
    for name, cls in inspect.getmembers(exceptions, inspect.isclass)
    if issubclass(cls, exceptions.LearnmeetError)
} | {"WireError"}  # io's own subclass of InvalidValueError
"""Every error class of the package, by name."""

BUILDS_ITS_OWN_TEXT = {"UnknownCodeError", "InvalidDataError", "MeetingRulesError"}
"""Errors that write their message and fix from structured fields."""

RAISERS = {"refuse", "_refuse"}
"""Helpers that make an error: held to the same rule as the error classes."""

_BILINGUAL_NAME = re.compile(r"^(da|en)$|_(da|en)$|^(da|en)_")


def _trees() -> Iterator[tuple[Path, ast.Module]]:
    for path in MODULES:
        yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _calls(name_test: object) -> Iterator[tuple[Path, ast.Call, str]]:
    for path, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = (
                    func.id
                    if isinstance(func, ast.Name)
                    else func.attr
                    if isinstance(func, ast.Attribute)
                    else ""
                )
                if name_test(name):  # type: ignore[operator]
                    yield path, node, name


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(SRC)}:{getattr(node, 'lineno', '?')}"


def _texts(node: ast.expr) -> list[str]:
    """The literal parts of a string or f-string, to compare two languages."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [
            v.value
            for v in node.values
            if isinstance(v, ast.Constant) and isinstance(v.value, str)
        ]
    return []


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and not _type_checking_only(tree, node)
        ):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _type_checking_only(tree: ast.Module, target: ast.AST) -> bool:
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.If)
            and ast.unparse(node.test) == "TYPE_CHECKING"
            and any(child is target for child in ast.walk(node))
        ):
            return True
    return False


class TestNoPositionalPair:
    """No Danish/English pair is given by position anywhere in the package."""

    def test_no_function_takes_a_language_by_position(self) -> None:
        found = [
            f"{_where(path, node)} {node.name}({arg.arg})"
            for path, tree in _trees()
            for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            for arg in [*node.args.posonlyargs, *node.args.args]
            if _BILINGUAL_NAME.search(arg.arg)
        ]
        assert found == []

    def test_every_label_is_written_by_keyword(self) -> None:
        found = [
            _where(path, call)
            for path, call, _ in _calls(lambda name: name == "Label")
            if call.args or {k.arg for k in call.keywords} != {"da", "en"}
        ]
        assert found == []

    def test_a_label_by_position_is_deprecated(self) -> None:
        """Older code keeps working, in the one order a Label ever had."""
        with pytest.warns(DeprecationWarning, match="da=..., en="):
            label = lm.Label("sygeplejerske", "nurse")
        assert (label.da, label.en) == ("sygeplejerske", "nurse")

    @pytest.mark.parametrize("texts", [("a",), ("a", "b", "c")])
    def test_a_label_by_position_needs_both_texts(self, texts: tuple[str]) -> None:
        with (
            pytest.raises(TypeError),
            pytest.warns(DeprecationWarning, match="by position"),
        ):
            lm.Label(*texts)

    def test_the_checker_sees_a_positional_pair(self, tmp_path: Path) -> None:
        source = "def t(self, da, en): ...\nx = Label('a', 'b')\n"
        tree = ast.parse(source)
        functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
        assert [a.arg for a in functions[0].args.args if _BILINGUAL_NAME.search(a.arg)]
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
        assert calls[0].args


class TestEveryErrorSaysHowToFixIt:
    """Each raise site gives what is wrong and the fix, each in both languages."""

    def test_every_raise_site_gives_a_reason_and_a_fix(self) -> None:
        missing = [
            f"{_where(path, call)} {name}"
            for path, call, name in _calls(
                lambda n: n in ERRORS or n in RAISERS or n == "DataProblem"
            )
            if name not in BUILDS_ITS_OWN_TEXT
            and not {"reason", "fix"} <= {k.arg for k in call.keywords}
        ]
        assert missing == []

    def test_no_text_is_the_same_in_both_languages(self) -> None:
        """A reason or fix copied into both languages is in one language only."""
        same = []
        for path, call, _ in _calls(
            lambda n: n in ERRORS or n in RAISERS or n == "DataProblem"
        ):
            for keyword in call.keywords:
                value = keyword.value
                if keyword.arg not in ("reason", "fix") or not (
                    isinstance(value, ast.Call)
                    and getattr(value.func, "id", "") == "Label"
                ):
                    continue
                texts = {k.arg: _texts(k.value) for k in value.keywords}
                if texts.get("da") and texts.get("da") == texts.get("en"):
                    same.append(_where(path, value))
        assert same == []

    @pytest.mark.parametrize(
        "error",
        [
            lm.InvalidValueError(
                reason=lm.Label(da="forkert", en="wrong"),
                fix=lm.Label(da="ret det", en="correct it"),
                where="Meeting",
                path=("attendees", 1, "role"),
            ),
            lm.UnknownCodeError(kind="profession", code="nurce", suggestions=["nurse"]),
            lm.UnknownCodeError(kind="format", code="x"),
            lm.InvalidDataError(
                [
                    lm.DataProblem(
                        path=("start",),
                        reason=lm.Label(da="ingen tidszone", en="no time zone"),
                        fix=lm.Label(da="tilføj en", en="add one"),
                    )
                ]
            ),
            lm.CycleOrderError(
                reason=lm.Label(da="for tidligt", en="too early"),
                fix=lm.Label(da="vent", en="wait"),
            ),
        ],
        ids=lambda e: type(e).__name__,
    )
    def test_the_message_differs_by_language(self, error: lm.LearnmeetError) -> None:
        assert error.message("da") != error.message("en")
        assert error.fix.da != error.fix.en
        assert str(error) == error.message("en")
        again = pickle.loads(pickle.dumps(error))
        assert (type(again), again.message("da")) == (type(error), error.message("da"))

    def test_a_fix_for_a_file_beside_the_one_for_python(self) -> None:
        error = lm.InvalidValueError(
            reason=lm.Label(da="ingen zone", en="no zone"),
            fix=lm.Label(da="brug tzinfo=...", en="use tzinfo=..."),
            file_fix=lm.Label(da="skriv +01:00", en="write +01:00"),
        )
        assert error.file_fix == lm.Label(da="skriv +01:00", en="write +01:00")
        assert "tzinfo" in str(error)  # the message is Python's: it raised there
        again = pickle.loads(pickle.dumps(error))
        assert again.file_fix == error.file_fix

    def test_no_fix_for_a_file_by_default(self) -> None:
        error = lm.InvalidValueError(
            reason=lm.Label(da="a", en="b"), fix=lm.Label(da="c", en="d")
        )
        assert error.file_fix is None

    def test_an_error_needs_a_fix(self) -> None:
        with pytest.raises(TypeError):
            lm.InvalidValueError(reason=lm.Label(da="a", en="b"))  # type: ignore[call-arg]

    def test_rules_errors_render_the_report(self) -> None:
        meeting = load_sample().meetings[1]
        report = lm.validate(meeting.__class__(**{**_fields(meeting), "attendees": ()}))
        with pytest.raises(lm.MeetingRulesError) as caught:
            report.raise_for_errors()
        assert caught.value.message("da") == report.render("da")
        assert caught.value.message("en") == report.render("en")


def _fields(value: object) -> dict[str, object]:
    import attrs

    return {f.name: getattr(value, f.name) for f in attrs.fields(type(value))}


class TestPaths:
    """A path is data: keys and indices, rendered as JSONPath text."""

    @pytest.mark.parametrize(
        ("path", "root", "text"),
        [
            ((), "$", "$"),
            (("attendees", 2, "role"), "$", "$.attendees[2].role"),
            (("start",), "Meeting", "Meeting.start"),
            (("lang",), "", "lang"),
            (("professional:p-1", 0), "busy", "busy['professional:p-1'][0]"),
        ],
    )
    def test_render(self, path: tuple[str | int, ...], root: str, text: str) -> None:
        assert exceptions.render_path(path, root) == text

    def test_a_validator_error_carries_its_index(self) -> None:
        meeting = load_sample().meetings[0]
        with pytest.raises(lm.WrongTypeError) as caught:
            meeting.__class__(**{**_fields(meeting), "attendees": (1, 2)})
        assert (caught.value.where, caught.value.path) == ("Meeting", ("attendees", 0))


def _renderers() -> list[tuple[str, object]]:
    sample = load_sample()
    meeting = sample.meetings[0]
    plan = lm.plan_period(sample, start=date(2027, 1, 1), end=date(2027, 1, 31))
    proposal = lm.compose(
        lm.DEFAULT_CATALOG.format("learning_meeting"),
        pool=sample.professionals,
        case=sample.cases[0],
        start=meeting.start,
    )
    report = lm.validate(meeting)
    error = lm.InvalidDataError([])
    return [
        ("Label.get", meeting.format.label.get),
        ("Report.render", report.render),
        ("Proposal.explain", proposal.explain),
        ("Enrolment.report", plan.enrolment.report),
        ("to_ical", lambda lang: lm.to_ical([meeting], lang=lang)),
        ("validate", lambda lang: lm.validate(meeting, lang=lang)),
        ("LearnmeetError.message", error.message),
    ]


class TestLanguages:
    """Every function that takes a language refuses one learnmeet does not speak."""

    @pytest.mark.parametrize(
        ("name", "render"), [pytest.param(*r, id=r[0]) for r in _renderers()]
    )
    def test_an_unknown_language_is_refused(self, name: str, render: object) -> None:
        for lang in lm.LANGUAGES:
            render(lang)  # type: ignore[operator]
        with pytest.raises(lm.InvalidValueError, match="'fr'"):
            render("fr")  # type: ignore[operator]


class TestTheErrorClasses:
    """One base error; subclasses also derive from the matching builtin; the module
    imports nothing of the package, so every layer can import it."""

    def test_hierarchy(self) -> None:
        for _, cls in inspect.getmembers(exceptions, inspect.isclass):
            if issubclass(cls, Exception) and cls.__module__ == exceptions.__name__:
                assert issubclass(cls, lm.LearnmeetError), cls
        assert issubclass(lm.InvalidDataError, ValueError)
        assert issubclass(lm.InvalidValueError, ValueError)
        assert issubclass(lm.UnknownCodeError, LookupError)
        assert issubclass(lm.WrongTypeError, TypeError)

    def test_imports_only_the_cpr_detector(self) -> None:
        found = [
            m for m in _imports(SRC / "exceptions.py") if m.startswith("learnmeet")
        ]
        assert found == ["learnmeet._cpr"]

    def test_bilingual(self) -> None:
        """An error says what is wrong and the fix, each in Danish and English."""
        error = lm.InvalidValueError(
            reason=lm.Label(da="hej", en="hello"),
            fix=lm.Label(da="sig farvel", en="say goodbye"),
            where="Greeting",
            path=("words", 2),
        )
        assert str(error) == "Greeting.words[2]: hello (fix: say goodbye)"
        assert error.message("da") == "Greeting.words[2]: hej (løsning: sig farvel)"
        assert error.field == "words"

    def test_texts_are_given_by_keyword_only(self) -> None:
        with pytest.raises(TypeError):
            lm.LearnmeetError("hello", "hej")  # type: ignore[misc]
        with pytest.raises(TypeError):
            lm.InvalidValueError("hello", "hej")  # type: ignore[misc]

    def test_errors_survive_pickling(self) -> None:
        """An error raised in a worker process arrives whole in the parent."""
        error = lm.UnknownCodeError(
            kind="profession", code="nurce", suggestions=["nurse"]
        )
        again = pickle.loads(pickle.dumps(error))
        assert (type(again), again.message("da"), again.code) == (
            lm.UnknownCodeError,
            error.message("da"),
            "nurce",
        )


# -- personal data ---------------------------------------------------------------


class TestUnwritableText:
    """A character no export can write is refused in every text, by its code."""

    @given(
        st.sampled_from(
            [chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20))]
            + ["\x7f", "\x85", "\x9f", "\ufffe", "\uffff"]
        ),
        st.sampled_from(["identifier", "text", "label"]),
    )
    def test_a_control_character(self, char: str, where: str) -> None:
        builds = {
            "identifier": lambda: lm.Citizen(f"B-{char}1"),
            "text": lambda: lm.Location(lm.LocationKind.ON_SITE, f"Stue{char} 3"),
            "label": lambda: lm.Label(da=f"Nord{char}", en="North"),
        }
        with pytest.raises(lm.InvalidValueError) as caught:
            builds[where]()
        assert not isinstance(caught.value, lm.PersonalDataError)
        code = f"U+{ord(char):04X}"
        for lang in lm.LANGUAGES:
            assert code in caught.value.message(lang)
            assert char not in caught.value.message(lang)

    def test_tabs_and_line_breaks_are_text(self) -> None:
        place = lm.Location(lm.LocationKind.ON_SITE, "Stue 3\tanden sal\r\nved trappen")
        assert place.description.count("\n") == 1


class TestPersonalData:
    """A CPR number is refused in every text, however it is written."""

    @given(cpr_numbers())
    def test_refused_in_an_identifier_a_text_and_a_label(self, cpr: str) -> None:
        for build in (
            lambda: lm.Citizen(cpr),
            lambda: lm.Location(lm.LocationKind.ON_SITE, f"hos {cpr}"),
            lambda: lm.Label(da=f"Borger {cpr}", en="x"),
            lambda: lm.Area("nord", lm.Label(da="Nord", en=f"North {cpr}")),
        ):
            with pytest.raises(lm.InvalidValueError) as caught:
                build()
            assert isinstance(caught.value, lm.PersonalDataError)

    @given(
        cpr_numbers(),
        st.sampled_from(["code", "field", "nested field", "lang", "enum", "value"]),
    )
    def test_no_message_repeats_the_number(self, cpr: str, where: str) -> None:
        """Whatever refuses a value that holds a CPR number never writes it
        back: not in its messages, not in what the error holds (its path, its
        problems, their repr), and not in the exceptions chained to it, which
        a traceback or ``logging.exception`` prints too."""
        attempts = {
            "code": lambda: lm.DEFAULT_CATALOG.profession(cpr),
            "field": lambda: lm.from_dict(
                lm.Citizen,
                {"learnmeet": 1, "type": "Citizen", "data": {cpr: "B-1"}},
            ),
            "nested field": lambda: lm.from_dict(
                lm.Area,
                {
                    "learnmeet": 1,
                    "type": "Area",
                    "data": {"code": "a", "label": {"da": "x", "en": "y", cpr: 1}},
                },
            ),
            "lang": lambda: lm.Label(da="a", en="b").get(cpr),  # type: ignore[arg-type]
            "enum": lambda: lm.LocationKind(cpr),
            "value": lambda: lm.Citizen(cpr),
        }
        with pytest.raises(lm.LearnmeetError) as caught:
            attempts[where]()
        error = caught.value
        for lang in lm.LANGUAGES:
            text = error.message(lang)
            assert not lm.looks_like_cpr(text), text
        problems = getattr(error, "problems", ())
        held = repr((vars(error), error.args, problems))
        assert not lm.looks_like_cpr(held), held
        printed = "".join(traceback.format_exception(error))
        assert not lm.looks_like_cpr(printed), printed

    def test_a_lone_surrogate_is_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="surrogate") as caught:
            lm.Citizen("B-\ud800")
        assert caught.value.path == ("pseudonym",)


class TestShown:
    """A message shows a value the caller gave only short, redacted and whole:
    a text of up to 40 printable characters quoted, a number of up to 40
    digits as written, anything longer by its size, anything else by its type."""

    @pytest.mark.parametrize(
        ("value", "text"),
        [
            ("nurce", "'nurce'"),
            ("hos 120304-5678", "'hos [CPR]'"),
            ("y" * 40, repr("y" * 40)),
            ("y" * 41, "a text of 41 characters"),
            ("B\u200b17", "a text of 4 characters"),  # unprintable: not quoted
            ("12\u200b0304-5678", "a text of 12 characters"),
            (42, "42"),
            (-7, "-7"),
            (1203045678, "[CPR]"),  # ten digits shaped like a CPR number
            (10**39, str(10**39)),
            (10**40, "a number of 41 digits"),
            pytest.param(-(10**6000) + 1, "a number of 6000 digits", id="huge"),
            (True, "True"),
            (None, "None"),
            (2.5, "a value of type float"),
            (["a"], "a value of type list"),
        ],
    )
    def test_shown(self, value: object, text: str) -> None:
        assert exceptions.shown(value).en == text

    def test_shown_in_danish(self) -> None:
        assert exceptions.shown("z" * 50).da == "en tekst på 50 tegn"
        assert exceptions.shown(10**4400).da == "et tal på 4401 cifre"
        assert exceptions.shown(object()).da == "en værdi af typen object"

    @given(st.integers(1, 20_000), st.sampled_from([-1, 0, 1]))
    def test_digits_are_counted_without_writing_the_number(
        self, digits: int, step: int
    ) -> None:
        number = 10 ** (digits - 1) + step if digits > 1 or step >= 0 else 9
        expected = digits if step >= 0 or digits == 1 else digits - 1
        assert exceptions._digits(number) == expected
        assert exceptions._digits(-number) == expected

    def test_a_class_is_named_short_and_redacted(self) -> None:
        hidden = type("Borger_120304_5678", (), {})()
        long = type("K" * 300, (), {})()
        assert exceptions.type_shown(hidden) == "Borger_[CPR]"
        assert exceptions.type_shown(long) == "K" * 40 + "…"
        assert exceptions.shown(hidden).en == "a value of type Borger_[CPR]"

    @pytest.mark.parametrize(
        ("values", "en", "da"),
        [
            ([], "none", "ingen"),
            (["LM1"], "'LM1'", "'LM1'"),
            (["a", "b", "c"], "'a', 'b', 'c'", "'a', 'b', 'c'"),
            (list("abcd"), "'a', 'b', 'c' and 1 more", "'a', 'b', 'c' og 1 mere"),
            (["x" * 99, 120304_5678], "a text of 99 characters, [CPR]", None),
        ],
    )
    def test_shown_all(self, values: list[object], en: str, da: str | None) -> None:
        label = exceptions.shown_all(values)
        assert label.en == en
        if da is not None:
            assert label.da == da


class TestPathsNeverRepeat:
    """A path shows a key of up to 40 characters (or digits), cut after that,
    and never a CPR-like number, wherever in the path it stands."""

    def test_a_long_key_is_cut(self) -> None:
        path = exceptions.render_path(("data", "q" * 100_000))
        assert path == f"$.data['{'q' * 40}…']"

    def test_a_long_index_is_cut(self) -> None:
        path = exceptions.render_path(("items", 7 * 10**5000))
        assert path == f"$.items[7{'0' * 39}…]"
        assert exceptions.render_path((-(10**4400),)) == f"$[-1{'0' * 39}…]"

    @pytest.mark.parametrize(
        "path",
        [
            ("_1203045678",),  # an identifier
            ("hours", "12\u200b0304-5678"),  # an invisible character inside
            ("x", 12, 3, 4, 5678),  # across indices
            ("data", "p" * 60 + " 120304-5678"),  # past the cut
        ],
    )
    def test_no_cpr_number_in_a_path(self, path: tuple[str | int, ...]) -> None:
        assert not lm.looks_like_cpr(exceptions.render_path(path))


class TestLabelLength:
    """A label's texts are limited as free text is, and a refusal gives the
    length, never the text."""

    def test_the_longest_text_is_held(self) -> None:
        text = "ord " * (exceptions.MAX_TEXT // 4)
        assert len(lm.Label(da=text, en="word").da) == exceptions.MAX_TEXT

    @pytest.mark.parametrize("field", ["da", "en"])
    def test_a_longer_text_is_refused_by_its_length(self, field: str) -> None:
        text = "Borger 120304-5678 " + "z" * exceptions.MAX_TEXT
        texts = {"da": "kort", "en": "short", field: text}
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.Label(**texts)
        error = caught.value
        assert not isinstance(error, lm.PersonalDataError)
        assert (error.where, error.path) == ("Label", (field,))
        assert f"{len(text)} characters" in error.message("en")
        assert f"{len(text)} tegn" in error.message("da")
        for lang in lm.LANGUAGES:
            assert len(error.message(lang)) < 200
            assert not lm.looks_like_cpr(error.message(lang))

    def test_free_text_has_the_same_limit(self) -> None:
        from learnmeet.model import _checks

        assert _checks._MAX_TEXT == exceptions.MAX_TEXT == 10_000


# -- no message repeats a refused value ------------------------------------------

_HUGE_NUMBERS = st.builds(
    lambda digits, sign, rest: sign * (10**digits + rest),
    st.integers(4301, 9000),
    st.sampled_from([1, -1]),
    st.integers(0, 10**12),
)
"""Integers Python cannot write with str(): more than 4,300 digits."""
_LONG_TEXTS = st.builds(
    lambda size, tail: "k" * size + tail,
    st.integers(41, 12_000),
    st.sampled_from(["", " 120304-5678", "\u200b"]),
)
_CPR_TEXTS = st.builds(
    lambda before, cpr, after: before + cpr + after,
    st.sampled_from(["", "B ", "LM1 ", "x\u200b", "nurse-"]),
    cpr_numbers(),
    st.sampled_from(["", " ", "\u00ad", ".json"]),
)
_REFUSED = st.one_of(_HUGE_NUMBERS, _LONG_TEXTS, _CPR_TEXTS)
_KOLB = lm.QUESTION_BANK.model("kolb")


def _closed_cycle() -> lm.ReflectionCycle:
    cycle = lm.ReflectionCycle.start(_KOLB, subject="c-1", meeting="m-1")
    while not cycle.is_last_phase:
        cycle = cycle.contribute("professional:p-1", "noget").advance()
    return cycle.contribute("professional:p-1", "noget").close()


_CLOSED = _closed_cycle()
_OPEN = lm.ReflectionCycle.start(_KOLB, subject="c-1", meeting="m-1")
_ITEM = {
    "id": "q-1",
    "text": lm.Label(da="spørgsmål", en="question"),
    "level": lm.KirkpatrickLevel.REACTION,
}


def _taking(value: object) -> dict[str, object]:
    """Public functions and constructors, each given *value* where it refuses."""
    v: Any = value
    envelope = {"learnmeet": 1, "type": "Citizen"}
    return {
        "RuleSet.without": lambda: lm.DEFAULT_RULES.without(v),
        "RuleSet.with_severity": lambda: lm.DEFAULT_RULES.with_severity(
            v, lm.Severity.ERROR
        ),
        "RuleSet(disabled=)": lambda: lm.RuleSet(lm.DEFAULT_RULES.rules, disabled={v}),
        "RuleSet.rule": lambda: lm.DEFAULT_RULES.rule(v),
        "Catalog.profession": lambda: lm.DEFAULT_CATALOG.profession(v),
        "QuestionBank.model": lambda: lm.QUESTION_BANK.model(v),
        "ReflectionCycle.settle": lambda: _OPEN.settle(v, lm.ActionStatus.DONE),
        "ReflectionCycle.start": lambda: lm.ReflectionCycle.start(
            _KOLB, subject=v, meeting="m-2", previous=_CLOSED
        ),
        "ReflectionCycle(position=)": lambda: lm.ReflectionCycle(
            model=_KOLB, subject="c", meeting="m", position=v
        ),
        "Severity": lambda: lm.Severity(v),
        "Label.get": lambda: lm.Label(da="a", en="b").get(v),
        "Label": lambda: lm.Label(da=v, en="text"),
        "Citizen": lambda: lm.Citizen(v),
        "SurveyItem(scale=)": lambda: lm.SurveyItem(**_ITEM, scale=v),
        "FormatRequirements": lambda: lm.FormatRequirements(
            min_attendees=v, max_attendees=2
        ),
        "to_json(indent=)": lambda: lm.to_json(lm.Citizen("B-1"), indent=v),
        "danish_holidays": lambda: lm.danish_holidays(v),
        "from_dict, a key": lambda: lm.from_dict(
            lm.Citizen, {**envelope, "data": {"pseudonym": "B-1", v: 1}}
        ),
        "from_dict, the version": lambda: lm.from_dict(
            lm.Citizen, {**envelope, "learnmeet": v, "data": {"pseudonym": "B-1"}}
        ),
        "to_ical(name=)": lambda: lm.to_ical([], name=v),
    }


class TestNoMessageRepeatsARefusedValue:
    """Whatever a public function or constructor refuses — a number too long to
    write, a long text, a text holding a CPR number however written — it
    refuses with a LearnmeetError whose message, in either language, is short,
    does not contain the value and holds nothing shaped like a CPR number."""

    @given(_REFUSED, st.sampled_from(sorted(_taking(None))))
    def test_the_message_is_short_and_clean(self, value: object, name: str) -> None:
        attempt = _taking(value)[name]
        try:
            attempt()  # type: ignore[operator]
        except lm.LearnmeetError as error:
            for lang in lm.LANGUAGES:
                message = error.message(lang)
                assert not lm.looks_like_cpr(message), message
                assert len(message) < 600, message[:600]
                if isinstance(value, str) and len(value) > 40:
                    assert value not in message

    def test_every_attempt_is_refused_for_some_value(self) -> None:
        """The sample is of places that refuse: each refuses a text with a CPR
        number or a number of 5,000 digits, so the property above is about
        messages, not about calls that quietly succeed."""
        for name in _taking(None):
            refused = 0
            for value in ("hos 120304-5678", 10**5000):
                try:
                    _taking(value)[name]()  # type: ignore[operator]
                except lm.LearnmeetError:
                    refused += 1
            assert refused, name
