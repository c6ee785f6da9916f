"""The commands of ``learnmeet``: each declared once, the parser made from them.

A command is a :class:`Command`: its name, its help, the arguments it adds to
the parser and the function that runs it. :data:`COMMANDS` lists them in the
order ``learnmeet --help`` shows them; the parser and :func:`main` are made
from that tuple, so adding a command is one declaration here.

:func:`main` reads ``--lang`` first, so that the parser's help and errors are
in that language too; it never lets a traceback through for bad input, a
file it cannot read or write, or an output stream that cannot take a
character (exit codes: 0 done, 1 bad input, 2 usage error).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import hashlib
import json
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TextIO, TypeVar

import attrs

from learnmeet._version import __version__
from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.cli._demo import run_demo
from learnmeet.cli._documents import (
    OUTPUT_SCHEMAS,
    check_document,
    plan_document,
    problem_item,
)
from learnmeet.cli._files import prepare_folder, read_text, visible, write_files
from learnmeet.cli._parser import Parser, add_lang, day, language, whole_number
from learnmeet.cli._render import counted, render_plan
from learnmeet.cli._streams import Progress, quiet_broken_pipe, safe_streams
from learnmeet.data import load_sample
from learnmeet.evaluation._record import learning_record
from learnmeet.exceptions import (
    InvalidDataError,
    InvalidValueError,
    Label,
    LearnmeetError,
    render_path,
    shown_all,
)
from learnmeet.io._calendars import busy_index_from_ical
from learnmeet.io._config import PlanningConfig, read_config
from learnmeet.io._fhir import fhir_files
from learnmeet.io._fhir_ids import DEFAULT_SYSTEM_BASE
from learnmeet.io._ical import to_ical
from learnmeet.io._json import from_json, to_dict, to_json
from learnmeet.io._record import record_csv, record_text
from learnmeet.io._schema import document_types, json_schema
from learnmeet.io._xapi import XAPI_HOME_PAGE, xapi_files
from learnmeet.model._formats import FormatRequirements
from learnmeet.model._labels import Lang
from learnmeet.model._lookup import closest
from learnmeet.model._meetings import Meeting, MeetingStatus
from learnmeet.model._people import Professional
from learnmeet.model._rrule import MAX_WINDOW
from learnmeet.model._scenario import Scenario
from learnmeet.model._time import COPENHAGEN
from learnmeet.model._vocabulary import VOCABULARY
from learnmeet.planning._period import PeriodPlan, check_period, plan_period
from learnmeet.planning._preflight import Preflight, preflight
from learnmeet.planning._slots import BusyIndex

__all__ = ["COMMANDS", "Command", "main"]

T = TypeVar("T")

Run = Callable[[argparse.Namespace, TextIO, TextIO], int]
"""A command's function: ``(arguments, out, err) -> exit code``."""

Check = Callable[[argparse.Namespace], Label | None]
"""A command's check of its arguments together: what is wrong, or ``None``."""


@attrs.frozen(kw_only=True)
class Command:
    """One command of ``learnmeet``.

    Attributes:
        name: What the user types, e.g. ``"plan"``.
        help: One line for ``learnmeet --help``, in Danish and English.
        arguments: Adds the command's own arguments to its parser, taking
            their help from ``parser.text(da=..., en=...)``; every command
            also gets ``--lang``.
        run: Runs the command: ``(arguments, out, err) -> exit code``, where
            0 is done and 1 is bad input (argparse gives 2 for bad usage).
        check: Checks the arguments together once argparse has read each
            (``--to`` not before ``--from``); what it returns is a usage
            error, exit code 2.
    """

    name: str
    help: Label
    arguments: Callable[[Parser], None]
    run: Run
    check: Check | None = None


def _scenario_file(parser: Parser) -> None:
    parser.add_argument(
        "file",
        type=Path,
        metavar=parser.text(da="FIL", en="FILE"),
        help=parser.text(
            da="et scenarie i learnmeet-JSON (UTF-8, UTF-16)",
            en="a scenario in learnmeet JSON (UTF-8, UTF-16)",
        ),
    )


def _read(path: Path, lang: Lang, err: TextIO, kind: type[T]) -> T | None:
    """The *kind* of document in *path*; ``None`` once its problems are told.

    Every problem is written to *err*.

    Raises:
        InvalidValueError: The file cannot be read or decoded, or is nested
            deeper than the JSON reader goes.
    """
    text = read_text(path)
    try:
        return _from_json(path, text, kind, DEFAULT_CATALOG)
    except InvalidDataError as exc:
        _write_problems(path, exc, err, lang)
        return None


def _from_json(path: Path, text: str, kind: type[T], catalog: Catalog) -> T:
    """The *kind* of document in *text*, read from *path*.

    Raises:
        InvalidDataError: The document has problems.
        InvalidValueError: It is nested deeper than the JSON reader goes.
    """
    try:
        return from_json(kind, text, catalog=catalog)
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


def _write_problems(
    source: Path, error: InvalidDataError, err: TextIO, lang: Lang, *, root: str = "$"
) -> None:
    """Write what refused *source* (a file or a folder) to *err*.

    A head names the source and counts the problems; each follows on a line,
    its path from *root*: ``$`` in a JSON document, ``""`` in a TOML file,
    whose paths are its keys (``travel.default``).
    """
    count = len(error.problems)
    head = Label(
        da=f"{visible(source)}: {counted(count, 'problem', 'problemer')}:",
        en=f"{visible(source)}: {counted(count, 'problem', 'problems')}:",
    )
    err.write(head.get(lang) + "\n")
    for problem in error.problems:
        message = problem.message(lang)
        if root != "$" and problem.path:
            # The same message, its path written from the file's own root.
            message = (
                render_path(problem.path, root) + message[len(problem.json_path) :]
            )
        err.write(f"  {message}\n")


def _written(paths: Sequence[Path]) -> Label:
    names = ", ".join(visible(path) for path in paths)
    return Label(da=f"Gemt: {names}", en=f"Written: {names}")


# -- demo ----------------------------------------------------------------------


def _demo_arguments(parser: Parser) -> None:
    parser.add_argument(
        "--out",
        type=Path,
        metavar=parser.text(da="MAPPE", en="DIR"),
        help=parser.text(
            da="skriv også scenario.json, plan.json, plan.ics, evaluation.csv, "
            "yield.svg, record.json og (med learnmeet[fhir]) plan.fhir.json her",
            en="also write scenario.json, plan.json, plan.ics, evaluation.csv, "
            "yield.svg, record.json and (with learnmeet[fhir]) plan.fhir.json here",
        ),
    )


def _demo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    out.write(run_demo(load_sample(), lang=args.lang, out=args.out))
    return 0


# -- staff calendars (--busy) ----------------------------------------------------


def _busy_option(parser: Parser) -> None:
    parser.add_argument(
        "--busy",
        type=Path,
        metavar=parser.text(da="MAPPE", en="DIR"),
        help=parser.text(
            da="en mappe med medarbejdernes kalendere som .ics (én fil pr. "
            "medarbejder, navngivet efter id'et, eller filer med ATTENDEE); "
            "kræver learnmeet[calendar]",
            en="a folder of the staff's calendars as .ics (one file per "
            "professional, named after the id, or files with ATTENDEE); needs "
            "learnmeet[calendar]",
        ),
    )


def _calendar_files(folder: Path) -> list[Path]:
    """The ``.ics`` files of *folder* (any case), by name: the same order always."""
    return sorted(
        (p for p in folder.iterdir() if p.suffix.lower() == ".ics" and p.is_file()),
        key=lambda p: p.name,
    )


def _busy_check(args: argparse.Namespace) -> Label | None:
    """A ``--busy`` that is no folder of calendars, as a usage error naming it."""
    folder: Path | None = getattr(args, "busy", None)
    if folder is None:
        return None
    shown = visible(folder)
    try:
        found = _calendar_files(folder) if folder.is_dir() else None
    except OSError:
        found = None
    if found is None:
        return Label(
            da=f"--busy: {shown} er ikke en mappe, der kan læses (giv mappen med "
            "kalenderfilerne)",
            en=f"--busy: {shown} is not a folder that can be read (give the "
            "folder of the calendar files)",
        )
    if not found:
        return Label(
            da=f"--busy: mappen {shown} har ingen .ics-filer (eksportér "
            "kalenderne som .ics dertil)",
            en=f"--busy: the folder {shown} has no .ics files (export the "
            "calendars as .ics there)",
        )
    return None


def _read_busy(
    folder: Path,
    scenario: Scenario,
    window: tuple[datetime, datetime],
    lang: Lang,
    err: TextIO,
    problems: list[dict[str, Any]] | None = None,
) -> BusyIndex | None:
    """The calendars in *folder* as busy time; ``None`` once problems are told.

    Every problem of every calendar is written to *err*, or, given
    *problems* (``--json``), added to it.

    Raises:
        InvalidValueError: A file cannot be read or decoded.
        LearnmeetError: The ``calendar`` extra is not installed.
    """
    files = {path.name: read_text(path) for path in _calendar_files(folder)}
    try:
        return busy_index_from_ical(
            files, scenario.professionals, window, zone=COPENHAGEN
        )
    except InvalidDataError as exc:
        if problems is None:
            _write_problems(folder, exc, err, lang)
        else:
            problems += [problem_item(visible(folder), p) for p in exc.problems]
        return None


# -- the pre-flight: check, and plan before it places ----------------------------


def _preflight_options(parser: Parser, *, period_required: bool) -> None:
    """``--from``/``--to``, ``--config`` and ``--json``: what check and plan share."""
    date_word = parser.text(da="DATO", en="DATE")
    for flag, dest, what in (
        ("--from", "start", Label(da="første", en="first")),
        ("--to", "end", Label(da="sidste", en="last")),
    ):
        parser.add_argument(
            flag,
            dest=dest,
            type=day(flag, parser.lang),
            required=period_required,
            metavar=date_word,
            help=parser.text(
                da=f"periodens {what.da} dag, ÅÅÅÅ-MM-DD",
                en=f"{what.en} day of the period, YYYY-MM-DD",
            ),
        )
    parser.add_argument(
        "--config",
        type=Path,
        metavar=parser.text(da="FIL.toml", en="FILE.toml"),
        help=parser.text(
            da="planlægningens indstillinger, regler og katalog i TOML (se "
            "dokumentationen af kommandolinjen)",
            en="the planning settings, rules and catalogue in TOML (see the "
            "command line's documentation)",
        ),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help=parser.text(
            da="skriv resultatet som JSON på standard-output (learnmeet schema "
            "--output viser skemaet) og intet andet",
            en="write the result as JSON on standard output (learnmeet schema "
            "--output shows its schema) and nothing else",
        ),
    )


@attrs.frozen
class _Checked:
    """What the pre-flight of check and plan read and found."""

    scenario: Scenario | None
    config: PlanningConfig
    busy: BusyIndex | None
    found: Preflight | None
    problems: list[dict[str, Any]]
    document: dict[str, Any]

    @property
    def ok(self) -> bool:
        return bool(self.document["ok"])


def _read_config(
    path: Path, lang: Lang, err: TextIO, problems: list[dict[str, Any]], quiet: bool
) -> PlanningConfig | None:
    """The configuration in *path*; ``None`` once its problems are told."""
    try:
        return read_config(read_text(path))
    except InvalidDataError as exc:
        problems += [problem_item(visible(path), p, root="") for p in exc.problems]
        if not quiet:
            _write_problems(path, exc, err, lang, root="")
        return None


def _preflight_run(
    args: argparse.Namespace, err: TextIO, progress: Progress
) -> _Checked:
    """Read the configuration, the scenario and the calendars; run the pre-flight.

    Every problem is written to *err*. With ``--json`` the document holds
    them all instead, and a file that cannot be read at all is one of them;
    without, such a file raises, as before.
    """
    problems: list[dict[str, Any]] = []
    if not args.json:
        return _preflight_read(args, err, progress, problems)
    try:
        return _preflight_read(args, err, progress, problems)
    except LearnmeetError as exc:
        progress.done()
        file = exc.where if exc.where and not exc.path else visible(args.file)
        problems.append(
            {
                "file": file,
                "path": "",
                "reason": {"da": exc.reason.da, "en": exc.reason.en},
                "fix": {"da": exc.fix.da, "en": exc.fix.en},
            }
        )
        document = check_document(
            visible(args.file), scenario=None, problems=problems, found=None
        )
        return _Checked(None, PlanningConfig(), None, None, problems, document)


def _preflight_read(
    args: argparse.Namespace,
    err: TextIO,
    progress: Progress,
    problems: list[dict[str, Any]],
) -> _Checked:
    """What :func:`_preflight_run` does, raising for a file it cannot read."""
    quiet = args.json
    config = PlanningConfig()
    if args.config is not None:
        read = _read_config(args.config, args.lang, err, problems, quiet)
        config = read if read is not None else config
    progress.step(_STEPS["reading"].get(args.lang))
    text = read_text(
        args.file,
        progress=lambda done, total: progress.step(
            _STEPS["reading"].get(args.lang), done, total
        ),
    )
    progress.step(_STEPS["checking"].get(args.lang), 0)
    scenario = _parse(args.file, text, args.lang, err, config.catalog, quiet, problems)
    busy = None
    found = None
    if scenario is not None and not problems:
        if args.busy is not None:
            if args.start is not None:
                window = check_period(args.start, args.end, zone=config.settings.zone)
            else:
                # The calendars as they will be planned with: from today on.
                first = datetime.combine(date.today(), time(0), tzinfo=COPENHAGEN)
                window = (first, first + MAX_WINDOW)
            told = len(problems)
            busy = _read_busy(
                args.busy, scenario, window, args.lang, err, problems if quiet else None
            )
            if busy is None and len(problems) == told:
                problems.append(_calendars_refused(args.busy))
        if busy is not None or args.busy is None:
            found = preflight(
                scenario,
                start=args.start,
                end=args.end,
                settings=config.settings,
                rules=config.rules,
                catalog=config.catalog,
            )
    progress.step(_STEPS["checking"].get(args.lang), 1)
    progress.done()
    document = check_document(
        visible(args.file), scenario=scenario, problems=problems, found=found
    )
    return _Checked(scenario, config, busy, found, problems, document)


_STEPS = {
    "reading": Label(da="læser", en="reading"),
    "checking": Label(da="tjekker", en="checking"),
    "planning": Label(da="planlægger", en="planning"),
}


def _calendars_refused(folder: Path) -> dict[str, Any]:
    return {
        "file": visible(folder),
        "path": "",
        "reason": {
            "da": "kalenderne kunne ikke læses",
            "en": "the calendars could not be read",
        },
        "fix": {
            "da": "ret kalenderfilerne, som standardfejl viser",
            "en": "correct the calendar files as standard error shows",
        },
    }


def _parse(
    path: Path,
    text: str,
    lang: Lang,
    err: TextIO,
    catalog: Catalog,
    quiet: bool,
    problems: list[dict[str, Any]],
) -> Scenario | None:
    """The scenario in *text*; ``None`` once its problems are told."""
    try:
        return _from_json(path, text, Scenario, catalog)
    except InvalidDataError as exc:
        problems += [problem_item(visible(path), p) for p in exc.problems]
        if not quiet:
            _write_problems(path, exc, err, lang)
        return None


def _tell_preflight(checked: _Checked, args: argparse.Namespace, err: TextIO) -> None:
    """Write what the pre-flight found that stops a plan to *err*.

    The problems with their paths, then the rule report, each finding with
    the path of its meeting in the file.
    """
    found = checked.found
    if found is None or found.ok:
        return
    if found.problems:
        error = InvalidDataError(problems=found.problems)
        _write_problems(args.file, error, err, args.lang)
    if found.report.violations:
        err.write(_with_paths(found, visible(args.file), args.lang) + "\n")


def _with_paths(found: Preflight, file: str, lang: Lang) -> str:
    """The pre-flight's rule report, headed by *file*, each line with its path."""
    head, *_ = found.report.render(lang).split("\n")
    lines = [f"{file}: {head}"]
    for violation in found.report.violations:
        path = found.path_of(violation)
        where = f"{render_path(path)} " if path else ""
        lines.append(f"  {where}{violation.render(lang)}")
    return "\n".join(lines)


def _check_arguments(parser: Parser) -> None:
    _scenario_file(parser)
    _busy_option(parser)
    _preflight_options(parser, period_required=False)


def _check_check(args: argparse.Namespace) -> Label | None:
    """A period of one day only, or one plan would refuse; then ``--busy``."""
    if (args.start is None) != (args.end is None):
        return Label(
            da="--from og --to gives sammen, eller ingen af dem",
            en="--from and --to go together, or neither",
        )
    if args.start is not None:
        return _plan_check(args)
    return _busy_check(args)


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    checked = _preflight_run(args, err, Progress(err))
    if args.json:
        out.write(json.dumps(checked.document, ensure_ascii=False, indent=1) + "\n")
        return 0 if checked.ok else 1
    _tell_preflight(checked, args, err)
    if not checked.ok:
        return 1
    scenario = checked.scenario
    assert scenario is not None  # ok: read
    assert checked.found is not None  # ok: checked
    volunteers = sum(1 for p in scenario.professionals if p.is_volunteer)
    counts = (
        (
            len(scenario.professionals) - volunteers,
            "fagperson",
            "fagpersoner",
            "professional",
        ),
        # A volunteer is no professional (shown only when there are any).
        *([(volunteers, "frivillig", "frivillige", "volunteer")] if volunteers else []),
        (len(scenario.cases), "borgerforløb", "borgerforløb", "citizen case"),
        (len(scenario.forums), "mødeforum", "mødefora", "forum"),
        (len(scenario.meetings), "møde", "møder", "meeting"),
        # Reflection cycles came with version 4 (shown only when there are any).
        *(
            [
                (
                    len(scenario.cycles),
                    "refleksionscyklus",
                    "refleksionscykler",
                    "reflection cycle",
                )
            ]
            if scenario.cycles
            else []
        ),
    )
    path = visible(args.file)
    summary = Label(
        da=f"{path}: OK – "
        + ", ".join(counted(n, one, many) for n, one, many, _ in counts),
        en=f"{path}: OK – "
        + ", ".join(counted(n, one, f"{one}s") for n, _, _, one in counts),
    )
    out.write(summary.get(args.lang) + "\n")
    if checked.found.report.violations:
        out.write(_with_paths(checked.found, path, args.lang) + "\n")
    busy = checked.busy
    if busy is not None:
        files = len(_calendar_files(args.busy))
        people = len(busy.people)
        calendars = Label(
            da=f"{visible(args.busy)}: OK – "
            f"{counted(files, 'kalender', 'kalendere')}, "
            f"{counted(people, 'fagperson', 'fagpersoner')} med optaget tid",
            en=f"{visible(args.busy)}: OK – {counted(files, 'calendar', 'calendars')}, "
            f"{counted(people, 'professional', 'professionals')} with busy time",
        )
        out.write(calendars.get(args.lang) + "\n")
    return 0


# -- plan ----------------------------------------------------------------------


def _plan_arguments(parser: Parser) -> None:
    _scenario_file(parser)
    _preflight_options(parser, period_required=True)
    parser.add_argument(
        "--out",
        type=Path,
        metavar=parser.text(da="MAPPE", en="DIR"),
        help=parser.text(
            da="skriv plan.json (hele planen, til at læse igen) og plan.ics her",
            en="write plan.json (the whole plan, to read back) and plan.ics here",
        ),
    )
    parser.add_argument(
        "--every",
        type=whole_number("--every", parser.lang),
        default=2,
        metavar="N",
        help=parser.text(
            da="læring ved hvert n-te møde i et mødeforum (standard: 2)",
            en="learning at every n-th forum meeting (default: 2)",
        ),
    )
    _invitation_arguments(parser)
    _busy_option(parser)


def _invitation_arguments(parser: Parser) -> None:
    """How ``plan --out`` writes plan.ics (see :func:`~learnmeet.to_ical`)."""
    parser.add_argument(
        "--invitations",
        action="store_true",
        help=parser.text(
            da="skriv også én invitation (METHOD:REQUEST) pr. møde, "
            "invitation-ID.ics, til personalet med e-mailadresse",
            en="also write one invitation (METHOD:REQUEST) per meeting, "
            "invitation-ID.ics, to the staff with an e-mail address",
        ),
    )
    parser.add_argument(
        "--organizer",
        metavar=parser.text(da="ADRESSE", en="ADDRESS"),
        help=parser.text(
            da="arrangørens e-mailadresse (standard: mødets facilitator)",
            en="the organizer's e-mail address (default: the meeting's facilitator)",
        ),
    )
    parser.add_argument(
        "--uid-domain",
        default="learnmeet",
        metavar=parser.text(da="DOMÆNE", en="DOMAIN"),
        help=parser.text(
            da="domænet i kalender-UID'erne, f.eks. kommune.dk",
            en="the domain of the calendar UIDs, e.g. kommune.dk",
        ),
    )
    parser.add_argument(
        "--previous",
        type=Path,
        metavar=parser.text(da="FIL", en="FILE"),
        help=parser.text(
            da="plan.json fra sidst: ændrede møder får et højere SEQUENCE",
            en="plan.json of the last run: changed meetings get a higher SEQUENCE",
        ),
    )


_OPTIONS = {"start": "--from", "end": "--to"}


def _plan_check(args: argparse.Namespace) -> Label | None:
    """What plan_period or ``--busy`` would refuse, as a usage error naming it.

    The period first, then a ``--busy`` that is no folder of calendars.
    """
    try:
        check_period(args.start, args.end)
    except InvalidValueError as error:
        option = _OPTIONS[error.field]
        return Label(
            da=f"{option}: {error.reason.da} ({error.fix.da})",
            en=f"{option}: {error.reason.en} ({error.fix.en})",
        )
    return _busy_check(args)


def _can_invite(meeting: Meeting) -> bool:
    """Whether an invitation (REQUEST) can be sent for *meeting*.

    It can when the meeting is not cancelled and someone in it has an e-mail
    address.
    """
    return meeting.status is not MeetingStatus.CANCELLED and any(
        isinstance(a.person, Professional) and a.person.email for a in meeting.attendees
    )


def _uninvited(ids: list[str]) -> Label:
    return Label(
        da=f"Ingen invitation til {counted(len(ids), 'møde', 'møder')} uden "
        f"deltagere med e-mailadresse: {shown_all(ids).da}",
        en=f"No invitation for {counted(len(ids), 'meeting', 'meetings')} without "
        f"attendees with an e-mail address: {shown_all(ids).en}",
    )


def invitation_names(ids: Sequence[str]) -> dict[str, str]:
    """The file name of each meeting's invitation: ``invitation-<id>.ics``.

    A character a file name may not hold on every system becomes ``_``;
    an id so changed, or one that differs from another only by case (the same
    name on Windows and macOS), gets a digest of itself, so two meetings never
    share a file.
    """
    names: dict[str, str] = {}
    taken: set[str] = set()
    for id in ids:
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", id).strip(".")
        if safe != id or safe.lower() in taken:
            digest = hashlib.blake2b(id.encode(), digest_size=4).hexdigest()
            safe = f"{safe}-{digest}"
        taken.add(safe.lower())
        names[id] = f"invitation-{safe}.ics"
    return names


def _plan(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    previous: PeriodPlan | None = None
    if args.previous is not None:
        previous = _read(args.previous, args.lang, err, PeriodPlan)
        if previous is None:
            return 1
    progress = Progress(err)
    checked = _preflight_run(args, err, progress)
    if not checked.ok:
        if args.json:
            document = plan_document(checked.document, None, plan_json=None)
            out.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
        else:
            _tell_preflight(checked, args, err)
        return 1
    scenario = checked.scenario
    assert scenario is not None  # the check passed
    config = checked.config
    progress.step(_STEPS["planning"].get(args.lang), 0)
    plan = plan_period(
        scenario,
        start=args.start,
        end=args.end,
        every=args.every,
        busy=checked.busy,
        catalog=config.catalog,
        settings=config.settings,
        rules=config.rules,
    )
    progress.step(_STEPS["planning"].get(args.lang), 1)
    progress.done()
    text = "" if args.json else "\n".join(render_plan(plan, args.lang)) + "\n"
    written: list[str] = []
    if args.out is not None:
        options: dict[str, Any] = {
            "lang": args.lang,
            "organizer": args.organizer,
            "uid_domain": args.uid_domain,
            "previous": previous if previous is not None else (),
        }
        files = {
            "plan.json": to_json(plan, indent=1, catalog=config.catalog) + "\n",
            "plan.ics": to_ical(plan.meetings, **options),
        }
        if args.invitations:
            # One meeting a file: a REQUEST with several UIDs is acted on
            # for its first only by Outlook, and as a PUBLISH by Thunderbird.
            invited = [m for m in plan.meetings if _can_invite(m)]
            names = invitation_names([m.id for m in invited])
            files |= {
                names[m.id]: to_ical([m], method="request", **options) for m in invited
            }
            left = [m.id for m in plan.meetings if not _can_invite(m)]
            if left and not args.json:
                text += _uninvited(left).get(args.lang) + "\n"
        prepare_folder(args.out)
        paths = write_files(args.out, files)
        written = [visible(p) for p in paths]
        if not args.json:
            text += _written(paths).get(args.lang) + "\n"
    if args.json:
        document = plan_document(
            checked.document,
            plan,
            plan_json=to_dict(plan, catalog=config.catalog),
            written=written,
        )
        text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    out.write(text)
    # Written and shown either way; an error in the plan's own report (e.g.
    # a rule a configuration made an error) is a failure for a script.
    return 0 if plan.report.ok else 1


# -- record and export -----------------------------------------------------------


def _on_option(parser: Parser) -> None:
    parser.add_argument(
        "--on",
        type=day("--on", parser.lang),
        metavar=parser.text(da="DATO", en="DATE"),
        help=parser.text(
            da="læringsprofilen pr. denne dag, ÅÅÅÅ-MM-DD (standard: i dag)",
            en="the learning record as of this day, YYYY-MM-DD (default: today)",
        ),
    )


def _record_arguments(parser: Parser) -> None:
    _scenario_file(parser)
    parser.add_argument(
        "--unit",
        metavar=parser.text(da="ENHED", en="UNIT"),
        help=parser.text(
            da="kun denne enheds medarbejdere (enhedens id)",
            en="only this unit's staff (the unit's id)",
        ),
    )
    _on_option(parser)


def _course_requirements() -> FormatRequirements:
    """Whose course is asked for in the record's gaps: the course day's."""
    return DEFAULT_CATALOG.format("course_day").requirements


def _record(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    scenario = _read(args.file, args.lang, err, Scenario)
    if scenario is None:
        return 1
    record = learning_record(scenario, on=args.on)
    out.write(
        record_text(
            record, args.lang, unit=args.unit, requirements=_course_requirements()
        )
    )
    return 0


def _csv_files(
    scenario: Scenario, lang: Lang, on: date | None, _: str | None
) -> dict[str, str]:
    """The learning record's CSV tables, one file a table."""
    tables = record_csv(learning_record(scenario, on=on), lang)
    return {f"{name}.csv": text for name, text in tables.items()}


def _fhir_files(
    scenario: Scenario, lang: Lang, on: date | None, base: str | None
) -> dict[str, str]:
    """The scenario's FHIR R5 Bundle and the surveys' Questionnaires."""
    systems = f"{base.rstrip('/')}/fhir/id" if base else DEFAULT_SYSTEM_BASE
    return fhir_files(scenario, today=on, lang=lang, base=systems)


def _xapi_files(
    scenario: Scenario, lang: Lang, on: date | None, base: str | None
) -> dict[str, str]:
    """The learning record's xAPI statements.

    *lang* is the command's own language; the statements' ``context.language``
    is the meetings' (Danish), so it is not passed on.
    """
    del lang
    return xapi_files(scenario, home_page=base or XAPI_HOME_PAGE, on=on)


EXPORTS: dict[
    str, Callable[[Scenario, Lang, date | None, str | None], dict[str, str]]
] = {
    "csv": _csv_files,
    "fhir": _fhir_files,
    "xapi": _xapi_files,
}
"""The formats of ``learnmeet export``: a name, and the files of a scenario in it
(``(scenario, lang, on, base) -> {file name: text}``)."""


def _export_arguments(parser: Parser) -> None:
    parser.add_argument(
        "--format",
        required=True,
        choices=sorted(EXPORTS),
        help=parser.text(da="formatet", en="the format"),
    )
    _scenario_file(parser)
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar=parser.text(da="MAPPE", en="DIR"),
        help=parser.text(
            da="skriv filerne her (mappen laves om nødvendigt)",
            en="write the files here (the folder is made if need be)",
        ),
    )
    _on_option(parser)
    parser.add_argument(
        "--base",
        metavar="URL",
        help=parser.text(
            da="organisationens egen adresse, f.eks. https://kommune.dk: FHIR's "
            "identifikatorsystemer ligger under URL/fhir/id, xAPI's konti under "
            "URL (standard: en pladsholder under .invalid)",
            en="the organisation's own address, e.g. https://kommune.dk: FHIR's "
            "identifier systems are under URL/fhir/id, xAPI's accounts under URL "
            "(default: a placeholder under .invalid)",
        ),
    )


def _export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    scenario = _read(args.file, args.lang, err, Scenario)
    if scenario is None:
        return 1
    files = EXPORTS[args.format](scenario, args.lang, args.on, args.base)
    prepare_folder(args.out)
    paths = write_files(args.out, files)
    out.write(_written(paths).get(args.lang) + "\n")
    return 0


# -- schema ----------------------------------------------------------------------


def _document_type(lang: Lang) -> Callable[[str], type[Any]]:
    """An argparse type: the name of a class with a document, e.g. ``Meeting``."""

    def parse(text: str) -> type[Any]:
        types = {cls.__name__: cls for cls in document_types()}
        found = types.get(text.strip())
        if found is not None:
            return found
        name = visible(text)
        name = f"'{name if len(name) <= 40 else name[:37] + '...'}'"
        near = closest(text.strip(), list(types), n=1)
        hint = (
            Label(da=f"mente du {near[0]!r}? ", en=f"did you mean {near[0]!r}? ")
            if near
            else None
        )
        said = Label(
            da=f"TYPE: {name} er ingen dokumenttype ({hint.da if hint else ''}"
            "learnmeet schema --list viser dem alle)",
            en=f"TYPE: {name} is no document type ({hint.en if hint else ''}"
            "learnmeet schema --list shows them all)",
        )
        raise argparse.ArgumentTypeError(said.get(lang))

    return parse


def _schema_arguments(parser: Parser) -> None:
    parser.add_argument(
        "type",
        nargs="?",
        type=_document_type(parser.lang),
        metavar="TYPE",
        help=parser.text(
            da="dokumenttypen, fx Meeting (standard: Scenario)",
            en="the document type, e.g. Meeting (default: Scenario)",
        ),
    )
    parser.add_argument(
        "--list",
        action="store_true",
        help=parser.text(
            da="vis alle dokumenttyper i stedet for et skema",
            en="list every document type instead of a schema",
        ),
    )
    parser.add_argument(
        "--output",
        choices=sorted(OUTPUT_SCHEMAS),
        help=parser.text(
            da="vis i stedet skemaet for, hvad kommandoen skriver med --json",
            en="print instead the schema of what the command writes with --json",
        ),
    )


def _schema_check(args: argparse.Namespace) -> Label | None:
    if args.output is not None and (args.list or args.type is not None):
        return Label(
            da="--output viser kommandoens skema; giv det uden TYPE og --list",
            en="--output shows the command's schema; give it without TYPE and --list",
        )
    if args.list and args.type is not None:
        return Label(
            da="--list viser alle typer; giv det uden TYPE",
            en="--list shows every type; give it without TYPE",
        )
    return None


def _schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.output is not None:
        schema = OUTPUT_SCHEMAS[args.output]
        out.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
        return 0
    if args.list:
        # Each type with what it is: in English its schema's description, in
        # Danish the vocabulary's word for it, where there is one.
        for cls in document_types():
            word = VOCABULARY.get(cls.__name__)
            said = (
                json_schema(cls)["description"]
                if args.lang == "en"
                else word.da
                if word
                else ""
            )
            out.write(cls.__name__ + (f" – {said}" if said else "") + "\n")
        return 0
    schema = json_schema(args.type or Scenario)
    out.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return 0


COMMANDS: tuple[Command, ...] = (
    Command(
        name="demo",
        help=Label(
            da="vis biblioteket på en eksempelkommune",
            en="show the library on a sample municipality",
        ),
        arguments=_demo_arguments,
        run=_demo,
    ),
    Command(
        name="check",
        help=Label(
            da="læs en scenariefil og meld problemer",
            en="read a scenario file and report problems",
        ),
        arguments=_check_arguments,
        run=_check,
        check=_check_check,
    ),
    Command(
        name="plan",
        help=Label(
            da="planlæg en periode for en scenariefil",
            en="plan a period for a scenario file",
        ),
        arguments=_plan_arguments,
        run=_plan,
        check=_plan_check,
    ),
    Command(
        name="record",
        help=Label(
            da="vis læringsprofilen (hvem har lært hvad) for en scenariefil",
            en="print the learning record (who has learned what) of a scenario file",
        ),
        arguments=_record_arguments,
        run=_record,
    ),
    Command(
        name="export",
        help=Label(
            da="eksportér en scenariefils læringsprofil til filer",
            en="export a scenario file's learning record to files",
        ),
        arguments=_export_arguments,
        run=_export,
    ),
    Command(
        name="schema",
        help=Label(
            da="vis JSON-skemaet (draft 2020-12) for en dokumenttype",
            en="print the JSON Schema (draft 2020-12) of a document type",
        ),
        arguments=_schema_arguments,
        run=_schema,
        check=_schema_check,
    ),
)
"""Every command, in the order ``learnmeet --help`` lists them."""

_DESCRIPTION = Label(
    da="Tværfaglige og tværsektorielle læringsmøder.",
    en="Interdisciplinary and cross-sectoral learning meetings.",
)


def _parser(lang: Lang) -> tuple[Parser, dict[str, Parser]]:
    """The parser in *lang*, and each command's own parser by its name."""
    parser = Parser(prog="learnmeet", lang=lang, description=_DESCRIPTION.get(lang))
    parser.add_argument(
        "--version",
        action="version",
        version=f"learnmeet {__version__}",
        help=parser.text(
            da="vis versionen og afslut", en="show program's version number and exit"
        ),
    )
    add_lang(parser)
    names = "{" + ",".join(command.name for command in COMMANDS) + "}"
    commands = parser.add_subparsers(dest="command", required=True, metavar=names)
    parsers = {}
    for command in COMMANDS:
        sub = commands.add_parser(command.name, help=command.help.get(lang), lang=lang)
        command.arguments(sub)
        add_lang(sub)
        parsers[command.name] = sub
    return parser, parsers


_BY_NAME = {command.name: command for command in COMMANDS}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``learnmeet`` command; return its exit code.

    Exit codes: 0 done; 1 bad input (a file that cannot be read or written,
    data with problems) or output that could not be written; 2 a usage error,
    raised by argparse as :class:`SystemExit`, as ``--help`` and
    ``--version`` raise it with 0. Output to a stream in any encoding works:
    what it cannot encode is replaced.

    .. versionadded:: 0.1.0
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if sys.stdout is None:  # started with standard output closed: `>&-`
        return 1
    with safe_streams():
        try:
            code = _run(arguments)
            sys.stdout.flush()
        except BrokenPipeError:  # the reader went away: `learnmeet demo | head`
            quiet_broken_pipe()
            return 1
        except OSError as exc:  # a full disk, a device that failed: `> /dev/full`
            quiet_broken_pipe()
            _tell(_output_lost(exc).get(language(arguments)))
            return 1
    return code


def _output_lost(exc: OSError) -> Label:
    code = errno.errorcode.get(exc.errno or 0, "?")
    return Label(
        da=f"learnmeet: kunne ikke skrive resultatet (systemfejl {code}); skriv "
        "til en fil med plads, eller brug --out",
        en=f"learnmeet: could not write the output (system error {code}); write "
        "to a file with room, or use --out",
    )


def _tell(text: str) -> None:
    """Write *text* to standard error if it can take it; nothing else is left."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(text + "\n")
        sys.stderr.flush()


def _run(argv: list[str]) -> int:
    parser, parsers = _parser(language(argv))
    args = parser.parse_args(argv)
    args.lang = getattr(args, "lang", parser.lang)
    command = _BY_NAME[args.command]
    problem = command.check(args) if command.check else None
    if problem is not None:
        parsers[command.name].error(problem.get(args.lang))
    try:
        return command.run(args, sys.stdout, sys.stderr)
    except LearnmeetError as exc:
        sys.stderr.write(exc.message(args.lang) + "\n")
        return 1
