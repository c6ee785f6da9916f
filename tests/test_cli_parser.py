"""The parser in the user's language, and the option types.

A bad option value is a usage error that names the option and what it takes,
in the chosen language only. The parser as the commands build it is tested
in test_cli_commands.py.
"""

from __future__ import annotations

import argparse
import re
from datetime import date

import pytest
from hypothesis import given, strategies as st

from learnmeet.cli._parser import Parser, day, language, translated, whole_number

# Words that give English away in a Danish message, and Danish in an English one.
ENGLISH = re.compile(
    r"\b(usage|error|argument|arguments|options?|must|expected|invalid|choose|"
    r"required|unrecognized|show|help message)\b"
)
DANISH = re.compile(r"[æøåÆØÅ]|\b(skal|ikke|fejl|brug|tilvalg|mangler)\b")


class TestLanguage:
    """--lang is found before the parser is made, wherever it stands."""

    @pytest.mark.parametrize(
        ("argv", "lang"),
        [
            ([], "da"),
            (["check", "a.json"], "da"),
            (["check", "a.json", "--lang", "en"], "en"),
            (["--lang", "en", "plan", "a.json"], "en"),
            (["check", "--lang=en", "a.json"], "en"),
            (["check", "--la", "en"], "en"),  # as argparse, an abbreviation
            (["check", "--lang", "en", "--lang", "da"], "da"),  # the last counts
            (["check", "--lang"], "da"),  # no value: Danish, and a usage error
            (["check", "--lang", "fr"], "da"),
            (["check", "--", "--lang", "en"], "da"),  # a file named --lang
        ],
    )
    def test_found(self, argv: list[str], lang: str) -> None:
        assert language(argv) == lang

    @given(st.lists(st.text()))
    def test_any_arguments_give_a_language(self, argv: list[str]) -> None:
        assert language(argv) in ("da", "en")


class TestWholeNumber:
    """--every takes a whole number of 1 or more."""

    @pytest.mark.parametrize(("text", "number"), [("1", 1), (" 12 ", 12), ("007", 7)])
    def test_taken(self, text: str, number: int) -> None:
        assert whole_number("--every", "da")(text) == number

    @pytest.mark.parametrize(
        "text", ["0", "-1", "", "to", "2.5", "1e3", "٣", "+2", "9" * 5000]
    )
    def test_refused_naming_the_option(self, text: str) -> None:
        with pytest.raises(argparse.ArgumentTypeError) as danish:
            whole_number("--every", "da")(text)
        with pytest.raises(argparse.ArgumentTypeError) as english:
            whole_number("--every", "en")(text)
        assert str(danish.value).startswith(
            "--every skal være et helt tal på 1 eller mere, ikke '"
        )
        assert str(english.value).startswith(
            "--every must be a whole number of 1 or more, not '"
        )
        assert not ENGLISH.search(str(danish.value))
        assert not DANISH.search(str(english.value))

    def test_a_long_value_is_cut_and_a_cpr_number_redacted(self) -> None:
        with pytest.raises(argparse.ArgumentTypeError) as caught:
            whole_number("--every", "en")("150575-1234" + "x" * 60)
        assert str(caught.value).endswith("not '[CPR]" + "x" * 32 + "...'")

    @given(st.text())
    def test_a_number_or_a_usage_error(self, text: str) -> None:
        try:
            assert whole_number("--every", "da")(text) >= 1
        except argparse.ArgumentTypeError as refused:
            assert str(refused).startswith("--every ")  # noqa: PT017


class TestDay:
    """--from and --to take a day written YYYY-MM-DD."""

    def test_taken(self) -> None:
        assert day("--from", "da")(" 2027-01-31") == date(2027, 1, 31)

    @pytest.mark.parametrize(
        "text", ["31-01-2027", "2027-1-31", "20270131", "2027-01-31T00:00", "", "i går"]
    )
    def test_another_form_is_refused(self, text: str) -> None:
        with pytest.raises(argparse.ArgumentTypeError) as danish:
            day("--from", "da")(text)
        with pytest.raises(argparse.ArgumentTypeError) as english:
            day("--from", "en")(text)
        assert str(danish.value) == (
            f"--from skal være en dato skrevet ÅÅÅÅ-MM-DD, fx 2027-01-31, ikke '{text}'"
        )
        assert str(english.value) == (
            f"--from must be a date written YYYY-MM-DD, e.g. 2027-01-31, not '{text}'"
        )
        assert "fromisoformat" not in str(english.value)

    @pytest.mark.parametrize("text", ["2027-02-29", "2027-13-01", "0000-01-01"])
    def test_a_day_not_in_the_calendar(self, text: str) -> None:
        with pytest.raises(argparse.ArgumentTypeError) as danish:
            day("--to", "da")(text)
        with pytest.raises(argparse.ArgumentTypeError) as english:
            day("--to", "en")(text)
        assert str(danish.value) == f"--to: '{text}' er ikke en dag i kalenderen"
        assert str(english.value) == f"--to: '{text}' is not a day of the calendar"

    @given(st.text())
    def test_a_day_or_a_usage_error(self, text: str) -> None:
        try:
            assert isinstance(day("--to", "en")(text), date)
        except argparse.ArgumentTypeError as refused:
            assert str(refused).startswith("--to")  # noqa: PT017


class TestTranslated:
    """argparse's errors, in Danish for Danish, naming the option once."""

    @pytest.mark.parametrize(
        ("message", "danish"),
        [
            (
                "the following arguments are required: --from, --to",
                "disse skal angives: --from, --to",
            ),
            ("unrecognized arguments: --hurtig", "ukendte argumenter: --hurtig"),
            (
                "argument {demo,check,plan}: invalid choice: 'tjek' (choose from "
                "'demo', 'check', 'plan')",
                "{demo,check,plan}: ugyldigt valg 'tjek' (vælg mellem 'demo', "
                "'check', 'plan')",
            ),
            ("argument --out: expected one argument", "--out: mangler sin værdi"),
            (
                "argument --x: expected at most one argument",
                "--x: tager højst én værdi",
            ),
            (
                "argument --x: expected at least one argument",
                "--x: tager mindst én værdi",
            ),
            (
                "ambiguous option: --e could match --every, --end",
                "tvetydigt tilvalg --e: kan være --every, --end",
            ),
            (
                "argument -h/--help: ignored explicit argument 'ja'",
                "-h/--help: tager ingen værdi, men fik 'ja'",
            ),
            ("argument N: invalid int value: 'x'", "N: ugyldig værdi 'x'"),
            (
                "argument --every: --every skal være et helt tal på 1 eller mere, "
                "ikke '0'",
                "--every skal være et helt tal på 1 eller mere, ikke '0'",
            ),
        ],
    )
    def test_danish(self, message: str, danish: str) -> None:
        assert translated(message, "da") == danish
        assert not ENGLISH.search(translated(message, "da"))

    def test_english_names_the_option_once(self) -> None:
        assert translated("argument --out: expected one argument", "en") == (
            "--out: expected one argument"
        )
        assert translated(
            "argument --every: --every must be a whole number of 1 or more, not '0'",
            "en",
        ) == ("--every must be a whole number of 1 or more, not '0'")

    def test_what_it_repeats_is_made_safe(self) -> None:
        assert translated("unrecognized arguments: 010203-1234 \x1b[2J", "da") == (
            "ukendte argumenter: [CPR] \\x1b[2J"
        )

    def test_a_message_it_does_not_know_is_kept(self) -> None:
        assert translated("something new", "da") == "something new"


class TestParser:
    """Help, usage and errors in the parser's language, never both."""

    def _parser(self, lang: str) -> Parser:
        parser = Parser(prog="prøve", lang=lang, description="…")  # type: ignore[arg-type]
        parser.add_argument("--every", type=whole_number("--every", parser.lang))
        parser.add_argument("file", help=parser.text(da="en fil", en="a file"))
        return parser

    def test_danish_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as done:
            self._parser("da").parse_args(["-h"])
        assert done.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith("brug: prøve [-h] [--every EVERY] file\n")
        assert "argumenter:\n  file" in out
        assert re.search(r"tilvalg:\n  -h, --help +vis denne hjælp og afslut", out)
        assert not ENGLISH.search(out)

    def test_english_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit):
            self._parser("en").parse_args(["--help"])
        out = capsys.readouterr().out
        assert out.startswith("usage: prøve")
        assert "show this help message and exit" in out
        assert not DANISH.search(out.replace("prøve", ""))

    def test_a_usage_error_exits_2_in_danish(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        with pytest.raises(SystemExit) as done:
            self._parser("da").parse_args(["--every", "0", "a.json"])
        assert done.value.code == 2
        assert capsys.readouterr().err == (
            "brug: prøve [-h] [--every EVERY] file\n"
            "prøve: fejl: --every skal være et helt tal på 1 eller mere, ikke '0'\n"
        )
