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
from learnmeet.cli._render import render_plan
from learnmeet.data import load_sample
from learnmeet.exceptions import InvalidDataError, Label, LearnmeetError
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
    """The scenario in *path*, or ``None`` once every problem is written to *err*."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        cannot = Label(da=f"kan ikke læse {path}", en=f"cannot read {path}")
        err.write(f"{cannot.get(lang)}: {exc.strerror}\n")
        return None
    try:
        return from_json(Scenario, text)
    except InvalidDataError as exc:
        count = len(exc.problems)
        head = Label(da=f"{count} problem(er)", en=f"{count} problem(s)")
        err.write(f"{path}: {head.get(lang)}:\n")
        for problem in exc.problems:
            err.write(f"  {problem.message(lang)}\n")
        return None


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
    people, cases = len(scenario.professionals), len(scenario.cases)
    forums, meetings = len(scenario.forums), len(scenario.meetings)
    summary = Label(
        da=f"{people} fagpersoner, {cases} borgerforløb, {forums} mødefora, "
        f"{meetings} møder",
        en=f"{people} professionals, {cases} citizen cases, {forums} forums, "
        f"{meetings} meetings",
    )
    out.write(f"{args.file}: OK – {summary.get(args.lang)}\n")
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
    out.write("\n".join(render_plan(plan, args.lang)) + "\n")
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        files = (args.out / "plan.json", args.out / "plan.ics")
        files[0].write_text(
            to_json(plan.as_scenario(), indent=1) + "\n", encoding="utf-8"
        )
        files[1].write_text(
            to_ical(plan.meetings, lang=args.lang), encoding="utf-8", newline=""
        )
        written = Label(da="Skrevet", en="Written").get(args.lang)
        out.write(f"{written}: {files[0]}, {files[1]}\n")
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

    .. versionadded:: 0.1.0
    """
    args = _parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        code: int = args.run(args, out, err)
    except LearnmeetError as exc:
        err.write(exc.message(args.lang) + "\n")
        return 1
    return code
