"""The commands of ``learnmeet``: each declared once, the parser made from them.

A command is a :class:`Command`: its name, its help, the arguments it adds to
the parser and the function that runs it. :data:`COMMANDS` lists them in the
order ``learnmeet --help`` shows them; the parser and :func:`main` are made
from that tuple, so adding a command is one declaration here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

import attrs

from learnmeet._version import __version__
from learnmeet.cli._demo import run_demo
from learnmeet.cli._files import prepare_folder, read_text, visible, write_files
from learnmeet.cli._render import render_plan
from learnmeet.cli._streams import quiet_broken_pipe, safe_streams
from learnmeet.data import load_sample
from learnmeet.exceptions import (
    InvalidDataError,
    InvalidValueError,
    Label,
    LearnmeetError,
)
from learnmeet.io._ical import to_ical
from learnmeet.io._json import from_json, to_json
from learnmeet.model._labels import LANGUAGES, Lang
from learnmeet.model._scenario import Scenario
from learnmeet.planning._period import plan_period

__all__ = ["COMMANDS", "Command", "main"]

Run = Callable[[argparse.Namespace, TextIO, TextIO], int]
"""A command's function: ``(arguments, out, err) -> exit code``."""


@attrs.frozen(kw_only=True)
class Command:
    """One command of ``learnmeet``.

    Attributes:
        name: What the user types, e.g. ``"plan"``.
        help: One line for ``learnmeet --help``.
        arguments: Adds the command's own arguments to its parser; every
            command also gets ``--lang``.
        run: Runs the command: ``(arguments, out, err) -> exit code``, where
            0 is done and 1 is bad input (argparse gives 2 for bad usage).
    """

    name: str
    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Run


def _scenario_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", type=Path, metavar="FILE", help="a scenario in learnmeet JSON"
    )


def _read(path: Path, lang: Lang, err: TextIO) -> Scenario | None:
    """The scenario in *path*, or ``None`` once every problem is written to *err*.

    Raises:
        InvalidValueError: The file cannot be read or decoded, or is nested
            deeper than the JSON reader goes.
    """
    text = read_text(path)
    try:
        return from_json(Scenario, text)
    except InvalidDataError as exc:
        count = len(exc.problems)
        head = Label(
            da=f"{visible(path)}: {_count(count, 'problem', 'problemer')}:",
            en=f"{visible(path)}: {_count(count, 'problem', 'problems')}:",
        )
        err.write(head.get(lang) + "\n")
        for problem in exc.problems:
            err.write(f"  {problem.message(lang)}\n")
        return None
    except RecursionError:
        raise InvalidValueError(
            reason=Label(
                da="JSON-dokumentet er indlejret for dybt til at blive læst",
                en="the JSON document is nested too deeply to be read",
            ),
            fix=Label(
                da="et scenarie har kun få niveauer; tjek, at filen er et "
                "learnmeet-scenarie",
                en="a scenario has only a few levels; check that the file is a "
                "learnmeet scenario",
            ),
            where=visible(path),
        ) from None


def _count(number: int, one: str, many: str) -> str:
    """*number* with its noun, in the singular for one: "1 problem", "2 problems"."""
    return f"{number} {one if number == 1 else many}"


def _written(paths: Sequence[Path]) -> Label:
    names = ", ".join(visible(path) for path in paths)
    return Label(da=f"Skrevet: {names}", en=f"Written: {names}")


# -- demo ----------------------------------------------------------------------


def _demo_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="also write scenario.json, plan.json and plan.ics here",
    )


def _demo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    out.write(run_demo(load_sample(), lang=args.lang, out=args.out))
    return 0


# -- check ---------------------------------------------------------------------


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    scenario = _read(args.file, args.lang, err)
    if scenario is None:
        return 1
    counted = (
        (len(scenario.professionals), "fagperson", "fagpersoner", "professional"),
        (len(scenario.cases), "borgerforløb", "borgerforløb", "citizen case"),
        (len(scenario.forums), "mødeforum", "mødefora", "forum"),
        (len(scenario.meetings), "møde", "møder", "meeting"),
    )
    path = visible(args.file)
    summary = Label(
        da=f"{path}: OK – "
        + ", ".join(_count(n, one, many) for n, one, many, _ in counted),
        en=f"{path}: OK – "
        + ", ".join(_count(n, one, f"{one}s") for n, _, _, one in counted),
    )
    out.write(summary.get(args.lang) + "\n")
    return 0


# -- plan ----------------------------------------------------------------------


def _plan_arguments(parser: argparse.ArgumentParser) -> None:
    _scenario_file(parser)
    for flag, dest, what in (("--from", "start", "first"), ("--to", "end", "last")):
        parser.add_argument(
            flag,
            dest=dest,
            type=date.fromisoformat,
            required=True,
            metavar="DATE",
            help=f"{what} day of the period, YYYY-MM-DD",
        )
    parser.add_argument(
        "--out", type=Path, metavar="DIR", help="write plan.json and plan.ics here"
    )
    parser.add_argument(
        "--every",
        type=int,
        default=2,
        metavar="N",
        help="learning at every n-th forum meeting (default: 2)",
    )


def _plan(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    scenario = _read(args.file, args.lang, err)
    if scenario is None:
        return 1
    plan = plan_period(scenario, start=args.start, end=args.end, every=args.every)
    text = "\n".join(render_plan(plan, args.lang)) + "\n"
    if args.out is not None:
        files = {
            "plan.json": to_json(plan.as_scenario(), indent=1) + "\n",
            "plan.ics": to_ical(plan.meetings, lang=args.lang),
        }
        prepare_folder(args.out)
        text += _written(write_files(args.out, files)).get(args.lang) + "\n"
    out.write(text)
    return 0


COMMANDS: tuple[Command, ...] = (
    Command(
        name="demo",
        help="show the library on a sample municipality",
        arguments=_demo_arguments,
        run=_demo,
    ),
    Command(
        name="check",
        help="read a scenario file and report problems",
        arguments=_scenario_file,
        run=_check,
    ),
    Command(
        name="plan",
        help="plan a period for a scenario file",
        arguments=_plan_arguments,
        run=_plan,
    ),
)
"""Every command, in the order ``learnmeet --help`` lists them."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="learnmeet",
        description="Tværfaglige og tværsektorielle læringsmøder / "
        "interdisciplinary and cross-sectoral learning meetings.",
    )
    parser.add_argument(
        "--version", action="version", version=f"learnmeet {__version__}"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        sub = commands.add_parser(command.name, help=command.help)
        command.arguments(sub)
        sub.add_argument(
            "--lang",
            choices=LANGUAGES,
            default="da",
            help="sprog / language (default: da)",
        )
        sub.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``learnmeet`` command; return its exit code.

    Output to a stream in any encoding works: what it cannot encode is
    replaced. A reader that goes away early ends the command with 1.

    .. versionadded:: 0.1.0
    """
    with safe_streams():
        try:
            code = _run(argv)
            if sys.stdout is not None:
                sys.stdout.flush()
        except BrokenPipeError:  # the reader went away: `learnmeet demo | head`
            quiet_broken_pipe()
            return 1
    return code


def _run(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        code: int = args.run(args, out, err)
    except LearnmeetError as exc:
        err.write(exc.message(args.lang) + "\n")
        return 1
    return code
