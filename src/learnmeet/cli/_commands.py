"""The commands of ``learnmeet``: the parser, demo, check and plan."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from learnmeet._version import __version__
from learnmeet.cli._demo import run_demo
from learnmeet.cli._render import render_plan
from learnmeet.data import load_sample
from learnmeet.exceptions import InvalidDataError, LearnmeetError
from learnmeet.io._ical import to_ical
from learnmeet.io._json import from_json, to_json
from learnmeet.model._labels import Lang
from learnmeet.model._scenario import Scenario
from learnmeet.planning._period import plan_period

__all__ = ["main"]


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

    def lang(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--lang",
            choices=["da", "en"],
            default="da",
            help="sprog / language (default: da)",
        )

    demo = commands.add_parser("demo", help="show the library on a sample municipality")
    lang(demo)
    demo.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="also write scenario.json, plan.json and plan.ics here",
    )

    check = commands.add_parser(
        "check", help="read a scenario file and report problems"
    )
    check.add_argument(
        "file", type=Path, metavar="FILE", help="a scenario in learnmeet JSON"
    )
    lang(check)

    plan = commands.add_parser("plan", help="plan a period for a scenario file")
    plan.add_argument(
        "file", type=Path, metavar="FILE", help="a scenario in learnmeet JSON"
    )
    for flag, dest, what in (("--from", "start", "first"), ("--to", "end", "last")):
        plan.add_argument(
            flag,
            dest=dest,
            type=date.fromisoformat,
            required=True,
            metavar="DATE",
            help=f"{what} day of the period, YYYY-MM-DD",
        )
    plan.add_argument(
        "--out", type=Path, metavar="DIR", help="write plan.json and plan.ics here"
    )
    plan.add_argument(
        "--every",
        type=int,
        default=2,
        metavar="N",
        help="learning at every n-th forum meeting (default: 2)",
    )
    lang(plan)
    return parser


def _read(path: Path, lang: Lang, err: TextIO) -> Scenario | None:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        err.write(
            (
                f"kan ikke læse {path}: {exc.strerror}"
                if lang == "da"
                else f"cannot read {path}: {exc.strerror}"
            )
            + "\n"
        )
        return None
    try:
        return from_json(Scenario, text)
    except InvalidDataError as exc:
        head = (
            f"{path}: {len(exc.problems)} problem(er):"
            if lang == "da"
            else f"{path}: {len(exc.problems)} problem(s):"
        )
        err.write(head + "\n")
        for problem in exc.problems:
            err.write(f"  {problem.message(lang)}\n")
        return None


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    out.write(run_demo(load_sample(), lang=args.lang, out=args.out))
    return 0


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    scenario = _read(args.file, args.lang, err)
    if scenario is None:
        return 1
    summary = (
        f"{args.file}: OK – {len(scenario.professionals)} fagpersoner, "
        f"{len(scenario.cases)} borgerforløb, {len(scenario.forums)} mødefora, "
        f"{len(scenario.meetings)} møder"
        if args.lang == "da"
        else f"{args.file}: OK – {len(scenario.professionals)} professionals, "
        f"{len(scenario.cases)} citizen cases, {len(scenario.forums)} forums, "
        f"{len(scenario.meetings)} meetings"
    )
    out.write(summary + "\n")
    return 0


def _plan(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    scenario = _read(args.file, args.lang, err)
    if scenario is None:
        return 1
    plan = plan_period(scenario, start=args.start, end=args.end, every=args.every)
    out.write("\n".join(render_plan(plan, args.lang)) + "\n")
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "plan.json").write_text(
            to_json(plan.as_scenario(), indent=1) + "\n", encoding="utf-8"
        )
        (args.out / "plan.ics").write_text(
            to_ical(plan.meetings, lang=args.lang), encoding="utf-8", newline=""
        )
        out.write(
            (
                f"Skrevet: {args.out / 'plan.json'}, {args.out / 'plan.ics'}"
                if args.lang == "da"
                else f"Written: {args.out / 'plan.json'}, {args.out / 'plan.ics'}"
            )
            + "\n"
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``learnmeet`` command; return its exit code.

    .. versionadded:: 0.1.0
    """
    args = _parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        if args.command == "demo":
            return _demo(args, out)
        if args.command == "check":
            return _check(args, out, err)
        return _plan(args, out, err)
    except LearnmeetError as exc:
        err.write(exc.message(args.lang) + "\n")
        return 1
