"""An argument parser that speaks the user's language, and the option types.

The language is read first (:func:`language`, a pass of its own over the
arguments), so that the parser made afterwards writes its help, its usage and
its errors in that language only: a :class:`Parser` takes every text it adds
from a :class:`~learnmeet.Label`, and :meth:`Parser.error` puts argparse's own
error messages into Danish.

The option types (:func:`whole_number`, :func:`day`) refuse a bad value with
a message that names the option and what it takes; argparse then exits with
code 2, the code for a usage error.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, NoReturn

from learnmeet.cli._files import visible
from learnmeet.exceptions import LANGUAGES, Label, Lang

__all__ = ["Parser", "add_lang", "day", "language", "translated", "whole_number"]

_USAGE = Label(da="brug: ", en="usage: ")
_POSITIONALS = Label(da="argumenter", en="positional arguments")
_OPTIONS = Label(da="tilvalg", en="options")
_HELP = Label(da="vis denne hjælp og afslut", en="show this help message and exit")
_ERROR = Label(da="fejl", en="error")


def _quoted(text: str) -> str:
    """A value from the command line, quoted as a message repeats it."""
    safe = visible(text)
    return f"'{safe if len(safe) <= 40 else safe[:37] + '...'}'"


class _Language(argparse.ArgumentParser):
    """The first pass: finds ``--lang`` and ignores everything else."""

    def error(self, message: str) -> NoReturn:
        raise argparse.ArgumentError(None, message)


def language(argv: Sequence[str]) -> Lang:
    """The language *argv* asks for with ``--lang``, wherever it stands; else Danish.

    >>> language(["plan", "kommune.json", "--lang", "en"]), language(["check"])
    ('en', 'da')

    A value learnmeet does not speak gives Danish here; the parser then
    refuses it, in Danish.
    """
    first = _Language(add_help=False)
    first.add_argument("--lang")
    try:
        found = first.parse_known_args(list(argv))[0].lang
    except argparse.ArgumentError:  # "--lang" without a value
        return "da"
    return "en" if found == "en" else "da"


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with "usage:" in the parser's language."""

    def __init__(self, prog: str, *, lang: Lang) -> None:
        super().__init__(prog)
        self.lang = lang

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(
            usage, actions, groups, _USAGE.get(self.lang) if prefix is None else prefix
        )


class Parser(argparse.ArgumentParser):
    """An :class:`argparse.ArgumentParser` in one language.

    Its ``-h``/``--help``, its headings and the word "usage" are in *lang*;
    so are the errors argparse makes (:func:`translated`), each with the
    usage, on standard error, with exit code 2. Subparsers made by
    ``add_subparsers().add_parser(name, lang=...)`` are parsers of this class.

    Attributes:
        lang: The language of everything it writes.
    """

    def __init__(self, *, lang: Lang, **kwargs: Any) -> None:
        self.lang = lang
        super().__init__(
            formatter_class=lambda prog: _Formatter(prog, lang=lang),
            add_help=False,
            **kwargs,
        )
        self._positionals.title = _POSITIONALS.get(lang)
        self._optionals.title = _OPTIONS.get(lang)
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help=_HELP.get(lang),
        )

    def text(self, *, da: str, en: str) -> str:
        """The text in the parser's language."""
        return Label(da=da, en=en).get(self.lang)

    def error(self, message: str) -> NoReturn:
        """Write the usage and *message* in the parser's language; exit with 2."""
        self.print_usage(sys.stderr)
        said = translated(message, self.lang)
        self.exit(2, f"{self.prog}: {_ERROR.get(self.lang)}: {said}\n")


_DANISH = (
    (r"the following arguments are required: (.*)", r"disse skal angives: \1"),
    (r"unrecognized arguments: (.*)", r"ukendte argumenter: \1"),
    (
        r"invalid choice: (.*) \(choose from (.*)\)",
        r"ugyldigt valg \1 (vælg mellem \2)",
    ),
    (r"expected one argument", "mangler sin værdi"),
    (r"expected at most one argument", "tager højst én værdi"),
    (r"expected at least one argument", "tager mindst én værdi"),
    (r"ambiguous option: (.*) could match (.*)", r"tvetydigt tilvalg \1: kan være \2"),
    (r"ignored explicit argument (.*)", r"tager ingen værdi, men fik \1"),
    (r"invalid .* value: (.*)", r"ugyldig værdi \1"),
)
"""argparse's error messages and their Danish, as patterns."""

_ARGUMENT = re.compile(r"argument (?P<name>.+?): (?P<rest>.*)", re.S)


def translated(message: str, lang: Lang) -> str:
    """An error message of argparse's, in *lang*, with what it repeats made safe.

    ``argument --every: …`` becomes ``--every: …`` (just ``…`` when the rest
    already names the option, as learnmeet's own types do), and argparse's
    English becomes Danish for ``lang="da"``. Whatever the message repeats of
    the command line goes through :func:`~learnmeet.cli._files.visible`.

    >>> translated("argument --lang: invalid choice: 'fr' (choose from 'da', 'en')", "da")
    "--lang: ugyldigt valg 'fr' (vælg mellem 'da', 'en')"
    """  # noqa: E501
    name = ""
    argument = _ARGUMENT.fullmatch(message)
    if argument:
        name, message = argument["name"], argument["rest"]
    if lang == "da":
        for pattern, danish in _DANISH:
            if re.fullmatch(pattern, message, re.S):
                message = re.sub(pattern, danish, message, count=1, flags=re.S)
                break
    if name and not message.startswith(name):
        message = f"{name}: {message}"
    return visible(message)


def whole_number(option: str, lang: Lang, *, least: int = 1) -> Callable[[str], int]:
    """An argparse type: a whole number of *least* or more, in ASCII digits.

    >>> whole_number("--every", "en")(" 3 ")
    3
    >>> whole_number("--every", "en")("0")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: --every must be a whole number of 1 or more, not '0'
    """

    def parse(text: str) -> int:
        digits = text.strip()
        if re.fullmatch(r"[0-9]{1,9}", digits) and int(digits) >= least:
            return int(digits)
        value = _quoted(text)
        raise argparse.ArgumentTypeError(
            Label(
                da=f"{option} skal være et helt tal på {least} eller mere, ikke "
                f"{value}",
                en=f"{option} must be a whole number of {least} or more, not {value}",
            ).get(lang)
        )

    return parse


def day(option: str, lang: Lang) -> Callable[[str], date]:
    """An argparse type: a day of the calendar written ``YYYY-MM-DD``.

    >>> day("--from", "en")("2027-01-31")
    datetime.date(2027, 1, 31)
    >>> day("--from", "da")("31-01-2027")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: --from skal være en dato skrevet ÅÅÅÅ-MM-DD, fx 2027-01-31, ikke '31-01-2027'
    """  # noqa: E501

    def parse(text: str) -> date:
        value = _quoted(text)
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text.strip()):
            try:
                return date.fromisoformat(text.strip())
            except ValueError:
                message = Label(
                    da=f"{option}: {value} er ikke en dag i kalenderen",
                    en=f"{option}: {value} is not a day of the calendar",
                )
        else:
            message = Label(
                da=f"{option} skal være en dato skrevet ÅÅÅÅ-MM-DD, fx 2027-01-31, "
                f"ikke {value}",
                en=f"{option} must be a date written YYYY-MM-DD, e.g. 2027-01-31, "
                f"not {value}",
            )
        raise argparse.ArgumentTypeError(message.get(lang))

    return parse


def add_lang(parser: Parser) -> None:
    """Add ``--lang`` to *parser*; it is read before the parser is made."""
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=parser.text(
            da="sprog: da (dansk) eller en (engelsk); standard: da",
            en="language: da (Danish) or en (English); default: da",
        ),
    )
