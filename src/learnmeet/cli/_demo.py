"""``learnmeet demo``: the library shown on the synthetic sample municipality.

The demo is an ordered tuple of sections. A section is a function
``(DemoRun) -> str`` with a bilingual heading; it may write files when the run
has an output folder. Adding a capability to the demo is one function and one
line in :data:`SECTIONS`.
"""

from __future__ import annotations

import importlib.util
import json
import random
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from learnmeet.catalog._builtin import DEFAULT_CATALOG, course_label
from learnmeet.catalog._reflection import QUESTION_BANK
from learnmeet.catalog._surveys import FOLLOW_UP_SURVEY, YIELD_SURVEY
from learnmeet.cli._files import prepare_folder, visible, write_files
from learnmeet.cli._render import counted, render_plan, when
from learnmeet.evaluation._evaluate import evaluate
from learnmeet.evaluation._record import LearningRecord, learning_record
from learnmeet.exceptions import LearnmeetError, reason_and_fix
from learnmeet.io._calendars import busy_from_ical
from learnmeet.io._csv import evaluation_csv
from learnmeet.io._envelope import SCHEMA_VERSION
from learnmeet.io._fhir import plan_to_fhir
from learnmeet.io._fhir_care import fhir_care_resources
from learnmeet.io._fhir_read import meetings_from_fhir, validate_fhir
from learnmeet.io._ical import to_ical
from learnmeet.io._json import _version_1, from_dict, from_json, to_dict, to_json
from learnmeet.io._schema import json_schema
from learnmeet.io._svg import yield_chart_svg
from learnmeet.io._text import evaluation_text
from learnmeet.io._xapi import XAPI_HOME_PAGE, validate_xapi, xapi_statements
from learnmeet.model._audit import (
    AuditAssessment,
    AuditCriterion,
    AuditFinding,
    FailureCause,
)
from learnmeet.model._calendar import WorkingHours
from learnmeet.model._cycle import (
    LEARNING_TAGS,
    Action,
    ActionStatus,
    ReflectionCycle,
)
from learnmeet.model._forums import Forum
from learnmeet.model._labels import Label, Lang, check_lang
from learnmeet.model._meetings import (
    Attendance,
    Attendee,
    AttendeeRole,
    Cohort,
    Location,
    LocationKind,
    Meeting,
    MeetingStatus,
    Reflection,
    Rsvp,
)
from learnmeet.model._people import Citizen, Professional, StaffRole
from learnmeet.model._programme import Programme
from learnmeet.model._reflection import Audience, PhaseKind
from learnmeet.model._scenario import Scenario
from learnmeet.model._survey import (
    Answer,
    Eligibility,
    Invitation,
    ItemKind,
    Outcome,
    Quote,
    QuoteSource,
    Response,
    Survey,
    Theme,
    invite,
)
from learnmeet.model._time import COPENHAGEN
from learnmeet.planning._composer import compose
from learnmeet.planning._many import plan_many
from learnmeet.planning._period import PeriodPlan, plan_period
from learnmeet.planning._preflight import preflight
from learnmeet.planning._schedule import MeetingRequest, schedule
from learnmeet.planning._series import CourseSeries, series_signal
from learnmeet.planning._settings import Backend, PlanningSettings, Room
from learnmeet.planning._slots import (
    Availability,
    BusyIndex,
    busy_from_meetings,
    find_slots,
)
from learnmeet.rules._composition import TOO_MANY_PROFESSIONS
from learnmeet.rules._courses import course_name
from learnmeet.rules._esbjerg import NOT_OWN_CITIZEN, ONLINE_NOT_THERE
from learnmeet.rules._validate import validate

__all__ = ["SECTIONS", "DemoRun", "Section", "run_demo"]

QUARTER = (date(2027, 1, 1), date(2027, 3, 31))

#: What the demo municipality plans by: a meeting room at the health house,
#: ten minutes between meetings, home care's morning peak kept free, and the
#: defaults for the rest (30 minutes between places, half of each unit of six
#: or more on duty, spread over the period).
SETTINGS = PlanningSettings(
    break_between=timedelta(minutes=10),
    rooms=[Room(id="moedelokale-1", name="Mødelokale 1", capacity=10)],
    avoid={unit: [(time(7), time(9, 30))] for unit in ("hj-nord", "hj-syd", "hj-midt")},
)


@attrs.frozen
class DemoRun:
    """What every demo section gets: the scenario, the language, the folder.

    The files the sections write are gathered in :attr:`files` and written
    together, atomically, when every section has run (:func:`run_demo`).
    """

    scenario: Scenario
    lang: Lang
    out: Path | None = None
    files: dict[str, str] = attrs.field(factory=dict, eq=False, repr=False)

    def t(self, *, da: str, en: str) -> str:
        """Pick the text in the run's language."""
        return Label(da=da, en=en).get(self.lang)

    def write(self, name: str, text: str) -> str:
        """Keep *text* for *name* in the output folder; return a line saying so."""
        if self.out is None:
            return ""
        self.files[name] = text
        path = visible(self.out / name)
        return self.t(da=f"Gemt: {path}", en=f"Written: {path}")


@attrs.frozen
class Section:
    """One part of the demo."""

    heading: Label
    show: Callable[[DemoRun], str]


def _overview(run: DemoRun) -> str:
    s, lang = run.scenario, run.lang
    lines = [run.t(da=f"Scenarie: {s.name}", en=f"Scenario: {s.name}"), ""]
    lines.append(
        run.t(da="Områder:", en="Areas:")
        + " "
        + ", ".join(a.label.get(lang) for a in s.areas)
    )
    lines.append("")
    lines.append(
        run.t(
            da="Organisationer og enheder efter sektor:",
            en="Organisations and units by sector:",
        )
    )
    for sector in DEFAULT_CATALOG.sectors:
        units = [u for u in s.units if u.sector.code == sector.code]
        if units:
            lines.append(
                f"  {sector.label.get(lang)}: " + "; ".join(u.name for u in units)
            )
    lines.append("")
    counts = Counter(
        (p.title.get(lang), p.sector.label.get(lang)) for p in s.professionals
    )
    volunteers = sum(p.is_volunteer for p in s.professionals)
    people = len(s.professionals) - volunteers
    kinds = len({p.profession.code for p in s.professionals if p.profession})
    lines.append(
        run.t(
            da=f"{people} fagpersoner i {kinds} faggrupper og {volunteers} frivillige:",
            en=f"{people} professionals in {kinds} professions and {volunteers} "
            "volunteers:",
        )
    )
    for (profession, where), n in sorted(counts.items()):
        lines.append(f"  {n:2d} × {profession} ({where})")
    lines.append("")
    lines.append(run.t(da="Borgerforløb:", en="Citizen cases:"))
    for case in s.cases:
        team = ", ".join(sorted({p.title.get(lang) for p in case.care_team}))
        lines.append(
            f"  {case.citizen.pseudonym}: {case.origin.label.get(lang)}, "
            f"{case.palliative_level.label.get(lang)}; "
            + run.t(da="team: ", en="care team: ")
            + team
        )
        for move in case.transitions:
            docs = ", ".join(sorted(d.label.get(lang) for d in move.documents)) or "–"
            lines.append(
                f"      {move.on.isoformat()} {move.kind.label.get(lang)}: "
                f"{move.from_sector.label.get(lang)} → "
                f"{move.to_sector.label.get(lang)} ({docs})"
            )
    lines.append("")
    lines.append(run.t(da="Eksisterende mødefora:", en="Existing forums:"))
    for forum in s.forums:
        lines.append(
            f"  {forum.name} ({forum.unit.name}): {forum.recurrence}, "
            + run.t(da="første gang", en="first")
            + f" {when(forum.first_start)}, {len(forum.members)} "
            + run.t(da="deltagere", en="members")
        )
    lines.append("")
    lines.append(run.t(da="Møder:", en="Meetings:"))
    for meeting in sorted(s.meetings, key=lambda m: (m.start, m.id)):
        lines += _meeting_lines(run, meeting)
    lines += _history(run)
    text = to_json(s, indent=1) + "\n"
    old = json.dumps(_version_1(s), ensure_ascii=False, indent=1) + "\n"
    sizes = (len(text.encode()), len(old.encode()))
    da = [f"{n:_}".replace("_", ".") for n in sizes]  # Danish groups with dots
    en = [f"{n:,}" for n in sizes]
    lines += [
        "",
        run.t(
            da=f"Som JSON (skemaversion {SCHEMA_VERSION}, hvor alt står én gang og "
            f"henvises til med id): {da[0]} bytes; version 1 kopierede det: "
            f"{da[1]} bytes.",
            en=f"As JSON (schema version {SCHEMA_VERSION}, each entity once, "
            "referred to by id): "
            f"{en[0]} bytes; version 1 copied them: {en[1]} bytes.",
        ),
        _schema_line(run),
    ]
    written = run.write("scenario.json", text)
    if written:
        lines += ["", written]
    return "\n".join(lines)


_HISTORY_DAY = date(2026, 12, 1)
"""The day the sample's history is told as of (before its 2027 plan)."""


def _history(run: DemoRun) -> list[str]:
    """What the sample's autumn 2026 left: cycles, actions, dated courses."""
    s, day = run.scenario, _HISTORY_DAY
    past = [m for m in s.meetings if m.start.date() < day]
    held = sum(m.status is MeetingStatus.HELD for m in past)
    cancelled = sum(m.status is MeetingStatus.CANCELLED for m in past)
    points = sum(len(c.learning_points) for c in s.cycles)
    actions = [a for c in s.cycles for a in c.actions]
    done = sum(a.status is ActionStatus.DONE for a in actions)
    late = sorted(a.id for a in actions if a.is_open and a.due < day)
    dated = [(p, c) for p in s.professionals for c in p.completions]
    lapsed = sorted((p.id, c) for p, c in dated if c.expired_on(date(2027, 1, 1)))
    gone = (
        ", ".join(
            f"{pid} ({course_name(c.course).get(run.lang)}, {c.expires_on})"
            for pid, c in lapsed
        )
        or "–"
    )
    on = day.isoformat()
    return [
        "",
        run.t(
            da=f"Efteråret 2026 (før planen): {held} holdte og {cancelled} aflyste "
            f"møder; {len(s.cycles)} refleksionscykler med {points} læringspunkter "
            f"og {len(actions)} handlinger ({done} udført, "
            f"{len(actions) - done} åbne, forfaldne {on}: "
            f"{', '.join(late) or '–'}).",
            en=f"Autumn 2026 (before the plan): {held} held and {cancelled} "
            f"cancelled meetings; {len(s.cycles)} reflection cycles with {points} "
            f"learning points and {len(actions)} actions ({done} done, "
            f"{len(actions) - done} open, overdue on {on}: "
            f"{', '.join(late) or '–'}).",
        ),
        run.t(
            da=f"Daterede kursusgennemførelser: {len(dated)}; udløbet før "
            f"2027: {gone}.",
            en=f"Dated course completions: {len(dated)}; expired before 2027: {gone}.",
        ),
    ]


def _schema_line(run: DemoRun) -> str:
    """What the scenario file's JSON Schema describes, made from the model."""
    schema = json_schema(Scenario)
    held = [schema["properties"]["data"], *schema["$defs"].values()]
    fields = sum(len(part.get("properties", {})) for part in held)
    danish = sum(
        "x-learnmeet-da" in field
        for part in held
        for field in part.get("properties", {}).values()
    )
    kinds = len(schema["$defs"])
    return run.t(
        da=f"Filens JSON-skema (draft 2020-12, `learnmeet schema`): {kinds} "
        f"definitioner, {fields} felter, {danish} med den danske betegnelse.",
        en=f"The file's JSON Schema (draft 2020-12, `learnmeet schema`): {kinds} "
        f"definitions, {fields} fields, {danish} with their Danish term.",
    )


def _meeting_lines(run: DemoRun, meeting: Meeting) -> list[str]:
    lang = run.lang
    kinds = []
    kinds.append(
        run.t(da="tværfagligt", en="interdisciplinary")
        if meeting.is_interdisciplinary
        else run.t(da="monofagligt", en="monoprofessional")
    )
    kinds.append(
        run.t(da="tværsektorielt", en="cross-sectoral")
        if meeting.is_cross_sectoral
        else run.t(da="én sektor", en="one sector")
    )
    lines = [f"  {when(meeting.start)} {meeting.heading(lang)} ({', '.join(kinds)})"]
    by_role: dict[AttendeeRole, list[str]] = {}
    for a in meeting.attendees:
        name = getattr(a.person, "display_name", "") or a.person.key.split(":", 1)[1]
        by_role.setdefault(a.role, []).append(name)
    for role, names in by_role.items():
        lines.append(f"      {role.label.get(lang)}: {', '.join(names)}")
    return lines


def _proposals(run: DemoRun) -> str:
    s, lang = run.scenario, run.lang
    cases = {c.id: c for c in s.cases}
    lines = []
    wanted = (
        ("learning_meeting", "c-101"),
        ("home_meeting", "c-102"),
        ("audit", "c-106"),
    )
    start = datetime(2027, 2, 2, 13, 0, tzinfo=COPENHAGEN)
    for code, case_id in wanted:
        if case_id not in cases:
            continue
        case = cases[case_id]
        proposal = compose(
            DEFAULT_CATALOG.format(code),
            pool=s.professionals,
            case=case,
            start=start,
            answers={case.citizen.key: Rsvp.ACCEPTED},
        )
        state = (
            run.t(da="komplet", en="complete")
            if proposal.complete
            else run.t(da="mangler noget", en="incomplete")
        )
        lines.append(
            f"{proposal.meeting.format.label.get(lang)} – "
            f"{case.citizen.pseudonym} ({state}):"
        )
        lines += [f"  {line}" for line in proposal.explain(lang).splitlines()]
        if code == "audit":
            lines += _audit_form(run, proposal.meeting)
        lines.append("")
    lines.append(
        run.t(
            da="En dårligt sammensat tværfaglig kursusdag:",
            en="A badly composed interdisciplinary course day:",
        )
    )
    lines.append(validate(_bad_course_day(s), lang=lang).render(lang))
    lines += ["", *_courses_per_profession(run)]
    return "\n".join(lines)


def _audit_form(run: DemoRun, meeting: Meeting) -> list[str]:
    """The audit's assessment form, with the panel's finding and action.

    The checklist is read from the case; the finding is on the missing
    genoptræningsplan (Sundhedsloven § 84).
    """
    lang = run.lang
    form = AuditAssessment.from_meeting(meeting)
    case = meeting.case
    assert case is not None
    move = case.transitions[form.transition]
    presenter = next(
        a.person
        for a in meeting.attendees
        if isinstance(a.person, Professional) and a.role is AttendeeRole.CASE_PRESENTER
    )
    form = attrs.evolve(
        form,
        findings=[
            AuditFinding(
                text=run.t(
                    da="Afdelingen regnede med, at kommunen selv vurderede "
                    "behovet for genoptræning, så ingen skrev planen",
                    en="The ward assumed the municipality would assess the "
                    "need of rehabilitation itself, so nobody wrote the plan",
                ),
                cause=FailureCause.RESPONSIBILITY,
                criterion=AuditCriterion.REHABILITATION_PLAN,
            )
        ],
        actions=[
            Action(
                id="audit-a-1",
                text=run.t(
                    da="Udskrivningstjeklisten får et punkt om genoptræningsplan",
                    en="The discharge checklist gets an item on the "
                    "rehabilitation plan",
                ),
                owner=presenter.key,
                due=meeting.start.date() + timedelta(days=56),
                raised_at=meeting.id,
            )
        ],
    )
    lines = [
        "  "
        + run.t(
            da=f"Auditskema for overgangen {move.on.isoformat()} "
            f"({move.kind.label.da}, {move.from_sector.label.da} → "
            f"{move.to_sector.label.da}):",
            en=f"Assessment form of the transition on {move.on.isoformat()} "
            f"({move.kind.label.en}, {move.from_sector.label.en} → "
            f"{move.to_sector.label.en}):",
        )
    ]
    for check in form.checks:
        what = (
            check.document.label.get(lang)
            if check.document is not None
            and check.criterion is AuditCriterion.DOCUMENTS_PRESENT
            else check.criterion.label.get(lang)
        )
        lines.append(f"    {check.verdict.label.get(lang):14} {what}")
    for finding in form.findings:
        lines.append(
            "  "
            + run.t(da="Fund", en="Finding")
            + f" ({finding.cause.label.get(lang)}): {finding.text}"
        )
    for action in form.actions:
        lines.append(
            "  "
            + run.t(da="Aftalt", en="Agreed")
            + f": {action.text} ({presenter.display_name or presenter.id}, "
            + run.t(da="senest", en="by")
            + f" {action.due.isoformat()})"
        )
    return lines


def _courses_per_profession(run: DemoRun) -> list[str]:
    """A joint SOSU course, and the course day's course for each profession."""
    s, lang = run.scenario, run.lang
    sosu = [
        p
        for p in s.professionals
        if p.profession is not None and p.profession.group_code == "sosu"
    ]
    course_format = DEFAULT_CATALOG.format("mono_course")
    course = Meeting(
        id="sosu-palliation",
        format=course_format,
        start=datetime(2027, 2, 23, 9, tzinfo=COPENHAGEN),
        duration=course_format.default_duration,
        attendees=[Attendee(person=p, role=AttendeeRole.PARTICIPANT) for p in sosu],
    )
    kinds = sorted({p.title.get(lang) for p in sosu})
    joint = TOO_MANY_PROFESSIONS.code not in validate(course, lang=lang).codes
    lines = [
        run.t(
            da="Et fælles SOSU-kursus i palliation for "
            f"{counted(len(sosu), 'medarbejder', 'medarbejdere')} "
            f"af faggrupperne {' og '.join(kinds)}: "
            + ("monofagligt, godkendt" if joint else "afvist"),
            en=f"A joint SOSU course in palliative care for {len(sosu)} staff "
            f"of the professions {' and '.join(kinds)}: "
            + ("monoprofessional, accepted" if joint else "refused"),
        ),
        run.t(
            da="Den tværfaglige kursusdag kræver hver faggruppes eget kursus:",
            en="The interdisciplinary course day asks each profession for its "
            "own course:",
        ),
    ]
    day = DEFAULT_CATALOG.format("course_day").requirements
    shown: dict[str, list[str]] = {}
    for profession in DEFAULT_CATALOG.professions:
        need = day.prerequisite_for(profession)
        if need is not None:
            shown.setdefault(need, []).append(profession.label.get(lang))
    for need, names in shown.items():
        lines.append(f"  {course_label(need).get(lang)}: {', '.join(names)}")
    return lines


def _bad_course_day(s: Scenario) -> Meeting:
    """A course day like the ones that failed: fictional case, mixed areas."""
    fictional = next((c for c in s.cases if not c.is_concrete), None)
    north = next(a for a in s.areas if a.code == "nord")
    municipal = [p for p in s.professionals if p.sector.code == "municipality"]
    # Five from the north (one without the course), two from another area.
    people = [p for p in municipal if p.unit.area == north][:5]
    people += [p for p in municipal if p.unit.area not in (north, None)][:2]
    return Meeting(
        id="kursusdag-eksempel",
        format=DEFAULT_CATALOG.format("course_day"),
        start=datetime(2027, 3, 4, 9, tzinfo=COPENHAGEN),
        duration=DEFAULT_CATALOG.format("course_day").default_duration,
        attendees=[Attendee(person=p, role=AttendeeRole.PARTICIPANT) for p in people],
        case=fictional,
        cohort=Cohort("hold-nord", north),
    )


def _plan(run: DemoRun) -> str:
    s, lang = run.scenario, run.lang
    plan = plan_period(s, start=QUARTER[0], end=QUARTER[1], settings=SETTINGS)
    lines = [
        run.t(
            da=f"Kvartalsplan {QUARTER[0]}–{QUARTER[1]}: {len(plan.meetings)} møder",
            en=f"Quarter plan {QUARTER[0]}–{QUARTER[1]}: {len(plan.meetings)} meetings",
        ),
        run.t(
            da="Placeret efter kommunens planlægningsregler: 30 minutters "
            "transport mellem to steder, 10 minutter mellem to møder, "
            "Mødelokale 1 (10 pladser), hjemmeplejens morgen (07:00–09:30) "
            "holdt fri, mindst halvdelen af hver enhed på arbejde, spredt "
            "over kvartalet.",
            en="Placed by the municipality's planning settings: 30 minutes' "
            "travel between two places, 10 minutes between two meetings, "
            "Mødelokale 1 (10 seats), home care's morning (07:00–09:30) kept "
            "free, at least half of each unit on duty, spread over the quarter.",
        ),
        "",
    ]
    lines += [_preflight_line(run), ""]
    lines += render_plan(plan, lang)
    lines += ["", _course_days(run, plan)]
    lines += ["", _many(run, plan)]
    document = to_json(plan, indent=1) + "\n"
    lines += ["", _read_back(run, plan, document)]
    lines += ["", *_free_time(run, plan)]
    lines += ["", *_more_placed(run)]
    calendar = to_ical(plan.meetings, lang=lang, stamp=_STAMP)
    lines += ["", *_calendar(run, plan, calendar)]
    for name, text in (
        ("plan.json", document),
        ("plan.ics", calendar),
    ):
        written = run.write(name, text)
        if written:
            lines.append(written)
    return "\n".join(lines)


def _preflight_line(run: DemoRun) -> str:
    """What ``learnmeet check`` finds before the quarter is planned."""
    found = preflight(run.scenario, start=QUARTER[0], end=QUARTER[1], settings=SETTINGS)
    report = found.report
    verdict = Label(da="klar", en="ready") if found.ok else Label(da="stop", en="stop")
    meetings, errors = len(found.meetings), len(report.errors)
    warnings, problems = len(report.warnings), len(found.problems)
    return run.t(
        da=f"Før planlægningen (learnmeet check): {verdict.da} – "
        f"{counted(meetings, 'møde', 'møder')} tjekket, {errors} fejl, "
        f"{counted(warnings, 'advarsel', 'advarsler')}, "
        f"{counted(problems, 'problem', 'problemer')}",
        en=f"Pre-flight (learnmeet check): {verdict.en} – "
        f"{counted(meetings, 'meeting', 'meetings')} checked, "
        f"{counted(errors, 'error', 'errors')}, "
        f"{counted(warnings, 'warning', 'warnings')}, "
        f"{counted(problems, 'problem', 'problems')}",
    )


def _course_days(run: DemoRun, plan: PeriodPlan) -> str:
    """How the course days keep to the roster: days, the most of one unit."""
    meetings = plan.enrolment.meetings
    days = len({m.start.date() for m in meetings})
    most = max(
        (
            Counter(p.unit.id for p in m.professionals).most_common(1)[0][1]
            for m in meetings
            if m.attendees
        ),
        default=0,
    )
    waiting = sum(len(people) for people in plan.enrolment.waiting.values())
    tentative = sum(m.status is MeetingStatus.TENTATIVE for m in meetings)
    return run.t(
        da=f"Kursusdagene: {len(meetings)} på {days} dage spredt over kvartalet, "
        f"højst {most} fra én enhed ad gangen (halvdelen bliver på arbejde), "
        f"{tentative} foreløbige, {waiting} på venteliste",
        en=f"The course days: {len(meetings)} on {days} days spread over the "
        f"quarter, at most {most} of one unit at once (half stay on duty), "
        f"{tentative} tentative, {waiting} waiting",
    )


def _many(run: DemoRun, plan: PeriodPlan) -> str:
    """Several municipalities in one call: the sample and a neighbour.

    The neighbour is the sample without its first forum; plan_many gives the
    plans in order, the first the plan above.
    """
    s = run.scenario
    neighbour = attrs.evolve(s, name="Nabokommune (syntetisk)", forums=s.forums[1:])
    plans = plan_many(
        [s, neighbour], start=QUARTER[0], end=QUARTER[1], settings=SETTINGS
    )
    counts = " + ".join(str(len(p.meetings)) for p in plans)
    same = plans[0] == plan
    return run.t(
        da=f"Flere kommuner i ét kald (også i en procespulje eller på en "
        f"Dask-klynge): {len(plans)} kommuner, {counts} møder; "
        + ("den første er planen ovenfor." if same else "den første er en anden!"),
        en=f"Many municipalities in one call (also on a process pool or a "
        f"Dask cluster): {len(plans)} municipalities, {counts} meetings; "
        + ("the first is the plan above." if same else "the first differs!"),
    )


def _read_back(run: DemoRun, plan: PeriodPlan, document: str) -> str:
    """The whole plan as one document, read back without planning again."""
    back = from_json(PeriodPlan, document)
    waiting = sum(len(people) for people in back.enrolment.waiting.values())
    same = back == plan
    size = round(len(document.encode("utf-8")) / 1000)
    return run.t(
        da=f"Hele planen som ét dokument (plan.json, {size} kB) er "
        f"læst igen uden ny planlægning: {len(back.meetings)} møder, "
        f"{len(back.scheduled.unplaced)} ikke placeret, {waiting} på venteliste, "
        f"{len(back.report.violations)} fund; "
        + ("samme plan." if same else "en anden plan!"),
        en=f"The whole plan as one document (plan.json, {size} kB)"
        f" read back without planning again: {len(back.meetings)} "
        f"meetings, {len(back.scheduled.unplaced)} not placed, {waiting} waiting, "
        f"{len(back.report.violations)} findings; "
        + ("the same plan." if same else "a different plan!"),
    )


#: When the demo's calendar is written (its DTSTAMP), so the demo is the same
#: byte for byte on every run.
_STAMP = datetime(2026, 12, 20, 9, 0, tzinfo=timezone.utc)


def _calendar(run: DemoRun, plan: PeriodPlan, calendar: str) -> list[str]:
    """The quarter as a calendar: UIDs the next quarter does not reuse."""
    after = QUARTER[1] + timedelta(days=1)
    following = plan_period(
        run.scenario,
        start=after,
        end=after + (QUARTER[1] - QUARTER[0]),
        settings=SETTINGS,
    )
    shared = {m.id for m in plan.meetings} & {m.id for m in following.meetings}
    tentative = calendar.count("STATUS:TENTATIVE")
    return [
        run.t(
            da=f"Kalenderen (plan.ics, METHOD:PUBLISH): {len(plan.meetings)} "
            f"møder, {tentative} kursusdage under minimum som TENTATIVE; "
            f"hvert UID siger, hvad mødet er (fx {plan.meetings[0].id}@learnmeet)",
            en=f"The calendar (plan.ics, METHOD:PUBLISH): {len(plan.meetings)} "
            f"meetings, {tentative} course days under their minimum as TENTATIVE; "
            f"each UID says what the meeting is (e.g. "
            f"{plan.meetings[0].id}@learnmeet)",
        ),
        run.t(
            da=f"Næste kvartal deler {len(shared)} UID'er med dette; én "
            "invitation pr. møde: learnmeet plan --invitations",
            en=f"The next quarter shares {len(shared)} UIDs with this one; one "
            "invitation per meeting: learnmeet plan --invitations",
        ),
    ]


def _free_time(run: DemoRun, plan: PeriodPlan) -> list[str]:
    """When could a care team meet again? Asked of an index of everyone's time."""
    s = run.scenario
    busy = BusyIndex(busy_from_meetings([*s.meetings, *plan.meetings]))
    case = next(c for c in s.cases if c.is_concrete)
    first = datetime.combine(QUARTER[0], time(0), tzinfo=COPENHAGEN)
    slots = find_slots(
        case.care_team,
        (first, first + timedelta(days=14)),
        timedelta(minutes=90),
        busy=busy,
        limit=3,
    )
    lines = [
        run.t(
            da=f"Fælles ledig tid for {case.citizen.pseudonym}s team "
            f"({len(case.care_team)} personer, 90 minutter), fundet i "
            f"{len(busy.people)} kalendere:",
            en=f"Common free time for {case.citizen.pseudonym}'s care team "
            f"({len(case.care_team)} people, 90 minutes), found in "
            f"{len(busy.people)} calendars:",
        )
    ]
    lines += [f"  {when(slot.start)}–{slot.end:%H:%M}" for slot in slots]
    return [
        *lines,
        "",
        *_at_work(run, busy, case.care_team, first),
        "",
        *_outlook_calendar(run, busy, case.care_team),
    ]


def _at_work(
    run: DemoRun, busy: BusyIndex, team: tuple[Professional, ...], first: datetime
) -> list[str]:
    """The same question asked of the roster: shifts, part time and absences."""
    s = run.scenario
    if not (s.working_patterns or s.absences):
        return []
    slots = find_slots(
        team,
        (first, first + timedelta(days=14)),
        timedelta(minutes=90),
        busy=busy,
        availability=Availability.from_scenario(s),
        limit=3,
    )

    def shifts(days: str) -> str:
        return "; ".join(
            f"{w.professional} "
            + ", ".join(
                f"{h.start:%H:%M}–{h.end:%H:%M} {len(h.weekdays)} {days}"
                for h in w.shifts
            )
            for w in s.working_patterns
        )

    away = ", ".join(f"{a.professional} {a.start:%Y-%m-%d}" for a in s.absences)
    lines = [
        run.t(
            da=f"Efter vagtplanen ({shifts('dage/uge')}; fravær: {away}) er "
            "holdets første fælles tider på arbejde:",
            en=f"By the roster ({shifts('days/week')}; away: {away}) the team's "
            "first common times at work are:",
        )
    ]
    return [*lines, *(f"  {when(t.start)}–{t.end:%H:%M}" for t in slots)]


_MONDAY = date(2027, 3, 1)


def _more_placed(run: DemoRun) -> list[str]:
    """A morning too short for greedy: the optimising backend places one more."""
    a, b, c, d, e = run.scenario.professionals[:5]
    requests = [
        MeetingRequest(
            id=f"morgen-{i}",
            format=DEFAULT_CATALOG.format("operational_meeting"),
            attendees=[Attendee(person=p, role=AttendeeRole.PARTICIPANT) for p in team],
            earliest=_MONDAY,
            latest=_MONDAY,
            duration=timedelta(minutes=90),
        )
        for i, team in enumerate([(a, b, e), (a, c, d), (a, d), (c, e)], 1)
    ]
    morning = PlanningSettings(hours=WorkingHours(start=time(8), end=time(11)))
    greedy = len(schedule(requests, settings=morning).meetings)
    if importlib.util.find_spec("ortools") is None:
        best = run.t(
            da="optimering kræver learnmeet[optimise], som ikke er installeret her",
            en="optimising needs learnmeet[optimise], which is not installed here",
        )
    else:
        optimised = attrs.evolve(morning, backend=Backend.CPSAT)
        placed = len(schedule(requests, settings=optimised).meetings)
        best = run.t(
            da=f"optimeret (CP-SAT) {placed}", en=f"optimised (CP-SAT) {placed}"
        )
    return [
        run.t(
            da="Fire møder à 90 minutter mandag formiddag (08–11), "
            f"{a.id} i tre af dem: ét ad gangen placeres {greedy}; {best}.",
            en="Four 90-minute meetings on a Monday morning (08–11), "
            f"{a.id} in three of them: one at a time places {greedy}; "
            f"{best}.",
        )
    ]


_SAMPLE_CALENDAR = "sample_calendar.ics"
"""A synthetic Outlook export in the sample's data: p-003's quarter."""


def _outlook_calendar(
    run: DemoRun, busy: BusyIndex, team: tuple[Professional, ...]
) -> list[str]:
    """The same question once a team member's own calendar is read too."""
    person = next(p for p in team if p.id == "p-003")
    if not all(
        importlib.util.find_spec(name)
        for name in ("icalendar", "recurring_ical_events")
    ):
        return [
            run.t(
                da="Medarbejdernes egne kalendere (.ics) læses med "
                "learnmeet[calendar], som ikke er installeret her.",
                en="The staff's own calendars (.ics) are read with "
                "learnmeet[calendar], which is not installed here.",
            )
        ]
    data = resources.files("learnmeet.data").joinpath(_SAMPLE_CALENDAR).read_bytes()
    first = datetime.combine(QUARTER[0], time(0), tzinfo=COPENHAGEN)
    window = (first, datetime.combine(QUARTER[1], time.max, tzinfo=COPENHAGEN))
    read = busy_from_ical(data, window, name=_SAMPLE_CALENDAR)
    own = {key: busy.intervals(key) for key in busy.people}
    own[person.key] = (*own.get(person.key, ()), *read)
    slots = find_slots(
        team,
        (first, first + timedelta(days=14)),
        timedelta(minutes=90),
        busy=BusyIndex(own),
        limit=3,
    )
    lines = [
        run.t(
            da=f"{person.id}s Outlook-kalender ({_SAMPLE_CALENDAR}: ruteplanlægning "
            "man.-ons. 10-13 i zonen 'Romance Standard Time', en aflyst dag, "
            f"frokost vist som ledig) giver {len(read)} optagede tider i "
            "kvartalet; holdets første ledige tider er nu:",
            en=f"{person.id}'s Outlook calendar ({_SAMPLE_CALENDAR}: route planning "
            "Mon-Wed 10-13 in the zone 'Romance Standard Time', one day off, "
            f"lunch shown as free) gives {len(read)} busy times in the quarter; "
            "the team's first free times are now:",
        )
    ]
    lines += [f"  {when(slot.start)}–{slot.end:%H:%M}" for slot in slots]
    return lines


def _questions(run: DemoRun, title: str, reflection: Reflection) -> list[str]:
    lines = [title]
    lines += [f"  - {q.get(run.lang)}" for q in reflection.questions]
    return lines


def _run_cycle(s: Scenario) -> tuple[ReflectionCycle, ReflectionCycle, Forum]:
    """Two meetings of the first forum, one cycle of learning across them."""
    forum = s.forums[0]
    a, b, *rest = forum.members
    c = rest[0] if rest else a
    model = QUESTION_BANK.model("case_learning")
    first = ReflectionCycle.start(model, subject=forum.id, meeting=f"{forum.id}-1")
    first = first.advance()  # nothing carried: the follow-up has nothing to say
    first = first.contribute(a, "Borgeren faldt to gange efter udskrivelsen")
    first = first.advance().contribute(b, "Genoptræningsplanen kom ikke med")
    first = first.contribute(c, "Vi vidste ikke, at palliationsteamet kan rådgive")
    first = first.learn(
        "Vi kender ikke hinandens tilbud", tags={"knowing_offers", "handover"}
    )
    first = first.advance().contribute(a, "Ring til afdelingen ved manglende plan")
    first = first.learn(
        "Et ansigt på hinanden gør det let at ringe", tags={"face_to_face"}
    )
    first = first.advance().contribute(b, "Vi aftaler to ting")
    first = first.act(
        "a-1", "Bed om genoptræningsplanen", owner=b, due=date(2027, 1, 19)
    )
    first = first.act("a-2", "Inviter palliationsteamet", owner=a, due=date(2027, 2, 2))
    first = first.settle("a-1", ActionStatus.DONE).close(carry=True)
    second = first.next(f"{forum.id}-2")
    second = second.contribute(a, "Palliationsteamet kommer næste gang")
    second = second.settle("a-2", ActionStatus.DONE)
    return first, second, forum


def _cycle_lines(run: DemoRun, cycle: ReflectionCycle) -> list[str]:
    lines = []
    for phase in cycle.model.phases[: cycle.position + 1]:
        said = cycle.contributions_in(phase.code)
        if not said and phase.kind is PhaseKind.FOLLOW_UP:
            continue
        lines.append(f"    {phase.label.get(run.lang)}:")
        lines += [
            f"      {c.profession.label.get(run.lang) if c.profession else c.person}: "
            f"{c.text}"
            for c in said
        ]
        for point in cycle.learning_points:
            if point.phase == phase.code:
                tags = ", ".join(
                    LEARNING_TAGS[t].get(run.lang) for t in sorted(point.tags)
                )
                lines.append(f"      * {point.text} [{tags}]")
    for action in cycle.actions:
        lines.append(
            f"    {run.t(da='Aftale', en='Agreed action')} {action.id} ({action.due}, "
            f"{action.status.label.get(run.lang)}): {action.text}"
        )
    return lines


def _held(meetings: tuple[Meeting, ...]) -> tuple[Meeting, ...]:
    """The quarter's meetings as held: every other learning meeting online.

    Synthetic, like the answers: so the evaluation can compare in person with
    online.
    """
    out = []
    learning = 0
    for meeting in meetings:
        if meeting.format.code == "learning_meeting":
            learning += 1
            if learning % 2 == 0:
                meeting = attrs.evolve(meeting, location=Location(LocationKind.ONLINE))
        out.append(meeting)
    return tuple(out)


def _synthetic_quarter(
    survey: Survey, meetings: tuple[Meeting, ...], *, answering: float
) -> tuple[tuple[Invitation, ...], tuple[Response, ...]]:
    """Invitations and generated answers: about half answer, as in the KOPA survey.

    Learning around a concrete case with one's direct collaborators scores
    higher than a course day with a fictional case, and being there higher
    than online, as the sources found. Fewer answer a follow-up.
    """
    rng = random.Random(f"2027:{survey.id}")
    base = {"learning_meeting": 4.2, "home_meeting": 4.4, "audit": 4.0}
    invitations = []
    responses = []
    for invitation in invite(survey, meetings):
        meeting = next(m for m in meetings if m.id == invitation.meeting)
        # The plan's meetings are not held yet: say who took part.
        draw = rng.random()
        eligibility = (
            Eligibility.NOT_ELIGIBLE
            if draw < 0.05
            else Eligibility.UNKNOWN
            if draw < 0.12
            else Eligibility.ELIGIBLE
        )
        answers_now = rng.random() < answering
        outcome = Outcome.REFUSED if rng.random() < 0.1 else Outcome.NO_REPLY
        invitation = attrs.evolve(invitation, eligibility=eligibility, outcome=outcome)
        invitations.append(invitation)
        if not answers_now:
            continue
        mean = base.get(meeting.format.code, 3.1)
        if meeting.location.kind is LocationKind.ONLINE:
            mean -= 0.7
        answers = [
            Answer(item=item.id, score=min(5, max(1, round(rng.gauss(mean, 0.8)))))
            for item in survey.items
            if item.kind is not ItemKind.FREE_TEXT
        ]
        responses.append(Response(invitation=invitation.id, answers=answers))
    return tuple(invitations), tuple(responses)


_THEMES = (
    Theme(
        code="knowing_offers",
        label=LEARNING_TAGS["knowing_offers"],
        quotes=[
            Quote(
                text="Nu ved jeg, hvad hospitalet kan, og hvem jeg skal ringe til.",
                speaker="FG1-D2",
                source=QuoteSource.FOCUS_GROUP,
            ),
            Quote(
                text="Det var første gang, vi talte sammen om den samme borger.",
                speaker="INT-04",
                source=QuoteSource.INTERVIEW,
            ),
        ],
    ),
)


def _key_person_network(s: Scenario) -> Meeting:
    """The sample's key persons meet; the first, trained, facilitates."""
    fmt = DEFAULT_CATALOG.format("key_person_network")
    keys = [p for p in s.professionals if StaffRole.KEY_PERSON in p.roles]
    return Meeting(
        id="noeglepersonnetvaerk-1",
        format=fmt,
        start=datetime(2027, 2, 17, 13, tzinfo=COPENHAGEN),
        duration=fmt.default_duration,
        attendees=[
            Attendee(
                person=p,
                role=AttendeeRole.FACILITATOR if i == 0 else AttendeeRole.PARTICIPANT,
            )
            for i, p in enumerate(keys)
        ],
        reflection=QUESTION_BANK.choose(
            "gibbs", format=fmt, audience=Audience.LEADERS_AND_KEY_PERSONS, seed="demo"
        ),
    )


def _key_persons(run: DemoRun) -> list[str]:
    """Leaders' questions, and a key-person network that the rules pass."""
    lines = _questions(
        run,
        run.t(
            da="Til ledere og nøglepersoner om mødestrukturen:",
            en="For leaders and key persons, about the meeting structure:",
        ),
        QUESTION_BANK.choose(
            "meeting_structure",
            format="leaders_network",
            audience=Audience.LEADERS_AND_KEY_PERSONS,
            seed="demo",
        ),
    )
    network = _key_person_network(run.scenario)
    report = validate(network)
    lines += [
        "",
        run.t(
            da="Kompetenceudvikling af nøglepersonerne, med en uddannet facilitator:",
            en="Competence development of the key persons, with a trained facilitator:",
        ),
        *_meeting_lines(run, network),
        f"  {report.render(run.lang).splitlines()[0]}",
    ]
    return lines


def _reflection(run: DemoRun) -> str:
    s, lang = run.scenario, run.lang
    learning = DEFAULT_CATALOG.format("learning_meeting")
    home = DEFAULT_CATALOG.format("home_meeting")
    lines = _questions(
        run,
        run.t(
            da="Refleksionsspørgsmål til et tværfagligt læringsmøde:",
            en="Reflection questions for an interdisciplinary learning meeting:",
        ),
        QUESTION_BANK.choose("case_learning", format=learning, seed="demo"),
    )
    lines.append("")
    lines += _questions(
        run,
        run.t(
            da="Til et møde hjemme hos borgeren (med borgerens egne ord):",
            en="For a meeting in the citizen's home (in the citizen's own words):",
        ),
        QUESTION_BANK.choose(
            "home_conversation",
            format=home,
            audience=Audience.CITIZEN_AND_RELATIVES,
            seed="demo",
        ),
    )
    lines += ["", *_key_persons(run)]
    first, second, forum = _run_cycle(s)
    lines += [
        "",
        run.t(
            da=f"En refleksionscyklus over to møder i {forum.name}:",
            en=f"A reflection cycle across two meetings of {forum.name}:",
        ),
        run.t(da="  Møde 1:", en="  Meeting 1:"),
        *_cycle_lines(run, first),
        run.t(
            da="  Møde 2 begynder med det, der stadig var åbent:",
            en="  Meeting 2 starts with what was still open:",
        ),
        *_cycle_lines(run, second),
    ]
    plan = plan_period(s, start=QUARTER[0], end=QUARTER[1], settings=SETTINGS)
    held = _held(plan.meetings)
    invitations, responses = _synthetic_quarter(YIELD_SURVEY, held, answering=0.55)
    evaluation = evaluate(YIELD_SURVEY, invitations, responses, held, themes=_THEMES)
    later_invitations, later_responses = _synthetic_quarter(
        FOLLOW_UP_SURVEY, held, answering=0.45
    )
    follow_up = evaluate(FOLLOW_UP_SURVEY, later_invitations, later_responses, held)
    first_sent = min(i.send_at for i in later_invitations if i.send_at is not None)
    lines += [
        "",
        run.t(
            da="Evaluering af kvartalet lige efter møderne (syntetiske svar):",
            en="Evaluation of the quarter right after the meetings "
            "(synthetic answers):",
        ),
        *(
            f"  {line}".rstrip()
            for line in evaluation_text(evaluation, lang).splitlines()
        ),
        run.t(
            da="Opfølgningen uger efter hvert møde (den første sendes "
            f"{when(first_sent)}) måler adfærd og oplevede resultater:",
            en="The follow-up weeks after each meeting (the first is sent "
            f"{when(first_sent)}) measures behaviour and perceived results:",
        ),
        *(
            f"  {line}".rstrip()
            for line in evaluation_text(follow_up, lang).splitlines()
        ),
    ]
    for name, text in (
        ("evaluation.csv", evaluation_csv(evaluation, lang)),
        ("yield.svg", yield_chart_svg(evaluation, lang)),
    ):
        written = run.write(name, text)
        if written:
            lines.append(written)
    return "\n".join(lines)


def _broken_references(s: Scenario) -> dict[str, Any]:
    """*s* as a document whose references point nowhere."""
    document = to_dict(s)
    data = document["data"]
    data["cases"][s.cases[0].id]["care_team"].append("p-0001")
    data["professionals"][s.professionals[0].id]["unit"] = "hj-nordd"
    return document


def _contradicting_copy(s: Scenario) -> dict[str, Any]:
    """*s* as version 1 wrote it, with one care-team copy changed."""
    document = _version_1(s)
    member = document["data"]["cases"][0]["care_team"][0]
    member["display_name"] = member["display_name"] + " (kopi)"
    return document


def _edges(run: DemoRun) -> str:
    """What the library refuses at its edges, each with its message."""
    s = run.scenario
    forum = s.forums[0]
    start = datetime.combine(QUARTER[0], time(9), tzinfo=COPENHAGEN)
    deep = (
        '{"learnmeet": 2, "type": "Citizen", "data": {"pseudonym": '
        + "[" * 1_000
        + "]" * 1_000
        + "}}"
    )
    attempts: tuple[tuple[Label, Callable[[], object]], ...] = (
        (
            Label(
                da="Et CPR-nummer med fuldbredde-cifre i en etiket",
                en="A CPR number in fullwidth digits in a label",
            ),
            lambda: Label(da="Borger ０１０２０３-１２３４", en="Citizen"),
        ),
        (
            Label(
                da="Et styretegn i en stedsangivelse",
                en="A control character in a place",
            ),
            lambda: attrs.evolve(s.meetings[0].location, description="Stue 3\x07"),
        ),
        (
            Label(
                da="Et mødeforum, der gentages hvert minut",
                en="A forum that recurs every minute",
            ),
            lambda: attrs.evolve(forum, recurrence="FREQ=MINUTELY"),
        ),
        (
            Label(
                da="Et vindue, hvor en dato er en tekst",
                en="A window with a text for a date",
            ),
            lambda: find_slots(
                [forum.members[0]],
                (start, "i morgen"),  # type: ignore[arg-type]
                timedelta(hours=1),
                busy={},
            ),
        ),
        (
            Label(
                da="Et JSON-dokument indlejret 1.000 niveauer",
                en="A JSON document nested 1,000 levels deep",
            ),
            lambda: from_json(Citizen, deep),
        ),
        (
            Label(
                da="En plejegruppe, der nævner en, som ikke er i personalelisten, "
                "og en medarbejder i en enhed, der ikke findes",
                en="A care team naming someone not on the staff list, and a "
                "professional in a unit that does not exist",
            ),
            lambda: from_dict(Scenario, _broken_references(s)),
        ),
        (
            Label(
                da="En fil i version 1, hvor en kopi modsiger personalelisten",
                en="A version-1 file where a copy contradicts the staff list",
            ),
            lambda: from_dict(Scenario, _contradicting_copy(s)),
        ),
    )
    lines = [
        run.t(
            da="Hvert forsøg afvises med en fejl, der siger hvor, hvad og hvordan "
            "det rettes - aldrig med den afviste værdi:",
            en="Each attempt is refused with an error that says where, what and "
            "how to fix it - never with the value refused:",
        )
    ]
    for title, attempt in attempts:
        try:
            attempt()
        except LearnmeetError as error:
            said = error.message(run.lang).replace("\n", "\n      ")
            lines += ["", f"  {title.get(run.lang)}:", f"    {said}"]
    return "\n".join(lines)


def _audit_after_death(run: DemoRun) -> str:
    """The audit of a deceased citizen's course, on a § 42 d permission."""
    lang = run.lang
    case = next((c for c in run.scenario.cases if c.died_on and c.permissions), None)
    if case is None or case.died_on is None:
        return run.t(da="Ingen afdød borger i scenariet.", en="No deceased citizen.")
    permission = case.permissions[0]
    start = datetime(2027, 4, 14, 13, 0, tzinfo=COPENHAGEN)
    proposal = compose(
        DEFAULT_CATALOG.format("audit"),
        pool=run.scenario.professionals,
        case=case,
        start=start,
    )
    basis = case.basis_on(start.date())
    state = (
        run.t(da="komplet", en="complete")
        if proposal.complete
        else run.t(da="mangler noget", en="incomplete")
    )
    lines = [
        run.t(
            da=f"{case.citizen.pseudonym} døde {case.died_on.isoformat()}; "
            f"samtykke: {'intet' if case.consent is None else 'givet før døden'}.",
            en=f"{case.citizen.pseudonym} died on {case.died_on.isoformat()}; "
            f"consent: {'none' if case.consent is None else 'given before the death'}.",
        ),
        run.t(
            da=f"Ledelsens tilladelse givet {permission.permitted_on.isoformat()}.",
            en=f"Management permission given on {permission.permitted_on.isoformat()}.",
        ),
        run.t(da="Grundlag for audit", en="Basis for the audit")
        + f" {when(start)}: "
        + (basis.label.get(lang) if basis is not None else "–"),
        "",
        f"{proposal.meeting.format.label.get(lang)} – {case.citizen.pseudonym} "
        f"({state}):",
    ]
    lines += [f"  {line}" for line in proposal.explain(lang).splitlines()]
    lines += [
        "",
        run.t(da="Uden ledelsens tilladelse:", en="Without management permission:"),
        validate(
            attrs.evolve(proposal.meeting, case=attrs.evolve(case, permissions=())),
            lang=lang,
        ).render(lang),
    ]
    return "\n".join(lines)


def _held_course_days(s: Scenario, series: CourseSeries) -> list[Meeting]:
    """The first two northern course days, as under-filled as Esbjerg's."""
    day = series.format
    north = [
        p
        for p in s.professionals
        if p.unit.area == series.cohorts[0].area
        and day.requirements.missing_prerequisite(p, date(2027, 2, 2)) is None
    ]
    return [
        Meeting(
            id=f"kursusdag-nord-{n}",
            format=day,
            start=datetime(2027, 2 + n, 2, 9, tzinfo=COPENHAGEN),
            duration=day.default_duration,
            cohort=series.cohorts[0],
            attendees=[
                Attendee(
                    person=p, role=AttendeeRole.PARTICIPANT, attended=Attendance.YES
                )
                for p in people
            ],
        )
        for n, people in ((1, north), (2, north[:4]))
    ]


def _projects(run: DemoRun) -> str:
    """Own citizens, being there, a series of course days and a programme."""
    s, lang = run.scenario, run.lang
    day = DEFAULT_CATALOG.format("course_day")
    areas = sorted(s.areas, key=lambda a: a.code != "nord")
    series = CourseSeries(
        id="kursusdage-2027",
        format=day,
        cohorts=[Cohort(f"hold-{a.code}", a) for a in areas],
        start=date(2027, 1, 1),
        end=date(2027, 12, 31),
    )
    held = _held_course_days(s, series)
    lines = [
        run.t(
            da="Kursusdag på en borger fra et andet område, og et studiebesøg online:",
            en="A course day about a citizen of another area, and a study visit "
            "online:",
        )
    ]
    elsewhere = next(
        (
            c
            for c in s.cases
            if c.is_concrete
            and c.care_team
            and all(p.unit.area not in (None, areas[0]) for p in c.care_team)
        ),
        None,
    )
    if elsewhere is not None:
        on_a_stranger = attrs.evolve(held[0], case=elsewhere)
        lines += [
            f"  {v.render(lang)}"
            for v in validate(on_a_stranger).violations
            if v.code == NOT_OWN_CITIZEN.code
        ]
    hospital = [p for p in s.professionals if p.sector.code == "hospital"]
    municipality = [p for p in s.professionals if p.sector.code == "municipality"]
    if hospital:
        visit = compose(
            DEFAULT_CATALOG.format("study_visit"),
            pool=hospital + municipality[:4],
            host=hospital[0],
            start=datetime(2027, 3, 3, 10, tzinfo=COPENHAGEN),
        ).meeting
        online = attrs.evolve(visit, location=Location(LocationKind.ONLINE))
        lines += [
            f"  {v.render(lang)}"
            for v in validate(online).violations
            if v.code == ONLINE_NOT_THERE.code
        ]
    invitations = invite(YIELD_SURVEY, held)
    likert = [i for i in YIELD_SURVEY.items if i.kind is ItemKind.LIKERT]
    disagree = [
        Response(invitation=i.id, answers=[Answer(item=q.id, score=2) for q in likert])
        for i in invitations
    ]
    evaluated = evaluate(YIELD_SURVEY, invitations, disagree, held, threshold=3)
    for verdict, said in (
        (series_signal(series, held), Label(da="deltagerantallet", en="the fill")),
        (
            series_signal(series, held, evaluation=evaluated),
            Label(da="deltagerantal og udbytte", en="fill and benefit"),
        ),
    ):
        lines += [
            "",
            run.t(
                da=f"Forløbet {series.id} ud fra {said.da}: {verdict.signal.label.da}",
                en=f"The series {series.id} by {said.en}: {verdict.signal.label.en}",
            ),
            *(f"  {reason.get(lang)}" for reason in verdict.reasons),
        ]
    municipal = [o for o in s.organisations if o.sector.code == "municipality"]
    # The sample's history (autumn 2026) came before the programme.
    ours = [m for m in (*s.meetings, *held) if m.start.year == 2027]
    pool = Programme(
        id="en-vaerdig-doed",
        name="En værdig død",
        funder=run.t(da="Eksempelpuljen", en="The sample pool"),
        partners=municipal,
        start=date(2027, 1, 1),
        end=date(2027, 12, 31),
        meetings=[m.id for m in ours],
        series=[series.id],
    )
    problems = pool.problems(ours)
    lines += [
        "",
        run.t(
            da=f"Programmet «{pool.name}» ({len(pool.meetings)} møder, partnere: "
            f"{', '.join(o.name for o in pool.partners)}):",
            en=f"The programme “{pool.name}” ({len(pool.meetings)} meetings, "
            f"partners: {', '.join(o.name for o in pool.partners)}):",
        ),
        # The programme is no document here: its problems without a JSON path.
        *(f"  {reason_and_fix(p.reason, p.fix, lang)}" for p in problems),
    ]
    return "\n".join(lines)


def _fhir(run: DemoRun) -> str:
    """The quarter's plan as FHIR R5: what is written, validated, read back."""
    s, lang = run.scenario, run.lang
    plan = plan_period(s, start=QUARTER[0], end=QUARTER[1], settings=SETTINGS)
    bundle = plan_to_fhir(plan, lang=lang)
    kinds = Counter(e["resource"]["resourceType"] for e in bundle["entry"])
    total = sum(kinds.values())
    listed = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    # "fhir" first: find_spec of a dotted name imports its parent, and raises
    # when the parent package is not installed.
    if importlib.util.find_spec("fhir") is None or (
        importlib.util.find_spec("fhir.resources") is None
    ):
        checked = run.t(
            da="Validering med FHIR R5-modellerne kræver learnmeet[fhir], som "
            "ikke er installeret her.",
            en="Validating with the FHIR R5 models needs learnmeet[fhir], which "
            "is not installed here.",
        )
    else:
        valid = sum(validate_fhir(bundle).values())
        checked = run.t(
            da=f"Valideret med fhir.resources' R5-modeller: {valid} af {total} "
            "ressourcer gyldige.",
            en=f"Validated with fhir.resources' R5 models: {valid} of {total} "
            "resources valid.",
        )
    care = Counter(r["resourceType"] for r in fhir_care_resources(s, lang=lang))
    care_listed = ", ".join(f"{n} {kind}" for kind, n in sorted(care.items()))
    back = meetings_from_fhir(bundle, s)
    same = sum(
        a == attrs.evolve(m, reflection=None)
        for a, m in zip(back, plan.meetings, strict=True)
    )
    lines = [
        run.t(
            da=f"Kvartalsplanen som ét FHIR R5-bundt (Bundle): {total} ressourcer "
            f"– {listed}.",
            en=f"The quarter's plan as one FHIR R5 Bundle: {total} resources "
            f"– {listed}.",
        ),
        run.t(
            da=f"Mødeforaene er {len(s.forums)} serier med deres gentagelse som "
            "recurrenceTemplate; borgeren er kun en henvisning ved pseudonym, "
            "aldrig en ressource, og en borger, der drøftes uden at være til "
            "stede, står som Appointment.subject (R5), ikke som deltager.",
            en=f"The forums are {len(s.forums)} series with their recurrence "
            "as recurrenceTemplate; the citizen is only a reference by "
            "pseudonym, never a resource, and a citizen discussed but not "
            "present is Appointment.subject (R5), not a participant.",
        ),
        checked,
        run.t(
            da=f"Kommunens {len(s.cases)} borgerforløb som {care_listed} "
            "(i scenariets bundt: learnmeet export --format fhir).",
            en=f"The municipality's {len(s.cases)} cases as {care_listed} "
            "(in the scenario's Bundle: learnmeet export --format fhir).",
        ),
        run.t(
            da=f"Læst tilbage: {len(back)} møder, {same} ens med planens i alt, "
            "der kan overføres (refleksionen følger ikke med).",
            en=f"Read back: {len(back)} meetings, {same} the same as the "
            "plan's in everything that maps (the reflection does not travel).",
        ),
    ]
    written = run.write(
        "plan.fhir.json", json.dumps(bundle, ensure_ascii=False, indent=1) + "\n"
    )
    if written:
        lines.append(written)
    return "\n".join(lines)


RECORD_DAY = date(2026, 12, 1)
"""The day the demo's learning record is as of: after the sample's autumn."""


def _format_name(code: str, lang: Lang) -> str:
    """A format's name in *lang* (its code for a format the catalogue lacks)."""
    found = {f.code: f for f in DEFAULT_CATALOG.formats}.get(code)
    return code if found is None else found.label.get(lang)


def _learning_record(run: DemoRun) -> str:
    """The leader's questions, answered by the learning record of the sample."""
    lang = run.lang
    record = learning_record(run.scenario, on=RECORD_DAY)
    people = record.people
    units = {p.professional.unit.id: p.professional.unit for p in people}
    activities = sum(len(p.activities) for p in people)
    overdue = sum(
        1 for p in people for a in p.actions if a.is_open and a.due < RECORD_DAY
    )
    lines = [
        run.t(
            da=f"Læringsprofil pr. {RECORD_DAY.isoformat()}: {len(people)} personer, "
            f"{activities} deltagelser i afholdte møder, "
            f"{sum(len(p.reflections) for p in people)} refleksioner, "
            f"{overdue} forfaldne handlinger.",
            en=f"Learning record as of {RECORD_DAY.isoformat()}: {len(people)} people, "
            f"{activities} attendances at held meetings, "
            f"{sum(len(p.reflections) for p in people)} reflections, "
            f"{overdue} overdue actions.",
        ),
        "",
        run.t(
            da="Hvem har gennemført hvad, og hvornår:", en="Who completed what, when:"
        ),
    ]
    for done in record.completed()[:8]:
        day = "–" if done.completed_on is None else done.completed_on.isoformat()
        state = done.state.label.get(lang)
        lines.append(
            f"  {done.professional}: {course_label(done.course).get(lang)}, {day} "
            f"({state})"
        )
    course_day = DEFAULT_CATALOG.format("course_day")
    for n, area in enumerate(run.scenario.areas):
        planned = Meeting(
            id=f"kursusdag-{area.code}-2027",
            format=course_day,
            start=datetime(2027, 4, 13 + n, 9, tzinfo=COPENHAGEN),
            duration=course_day.default_duration,
            cohort=Cohort(f"hold-{area.code}", area),
        )
        lines += [
            "",
            run.t(
                da=f"Mangler forudsætning før {planned.heading(lang)} "
                f"{planned.start.date().isoformat()}:",
                en=f"Lacking a prerequisite before the {planned.heading(lang)} "
                f"{planned.start.date().isoformat()}:",
            ),
        ]
        for missing in record.lacking_prerequisite(planned, area=True):
            why = (
                run.t(da="aldrig gennemført", en="never completed")
                if missing.expired_on is None
                else run.t(
                    da=f"udløbet {missing.expired_on.isoformat()}",
                    en=f"expired on {missing.expired_on.isoformat()}",
                )
            )
            lines.append(
                f"  {missing.professional}: "
                f"{course_label(missing.course).get(lang)} ({why})"
            )
    lines += ["", run.t(da="Hvem har faciliteret:", en="Who facilitated:")]
    for led in record.facilitators():
        formats = ", ".join(
            f"{_format_name(code, lang)} ×{n}" for code, n in led.formats
        )
        lines.append(f"  {led.professional}: {led.count} ({formats})")
    lines += [
        "",
        run.t(
            da="Hvem har mødt hvem på tværs af sektorer (enheder):",
            en="Who has met whom across sectors (units):",
        ),
    ]
    for pair in record.relation_map().units:
        lines.append(
            f"  {units[pair.first].name} – {units[pair.second].name}: "
            + run.t(
                da=f"møder: {len(pair.meetings)}", en=f"meetings: {len(pair.meetings)}"
            )
        )
    lines += ["", run.t(da="Huller pr. enhed:", en="Gaps per unit:")]
    needs = DEFAULT_CATALOG.format("course_day").requirements
    for gap in record.gaps(needs, start=date(2026, 8, 1), end=RECORD_DAY):
        if gap.unit is None or not (gap.lacking or gap.inactive or gap.open_actions):
            continue
        name = units[gap.unit].name
        lines.append(
            run.t(
                da=f"  {name}: {len(gap.lacking)} mangler kursus, "
                f"{len(gap.inactive)} uden læringsaktivitet, "
                f"{len(gap.open_actions)} åbne handlinger "
                f"({len(gap.overdue_actions)} forfaldne)",
                en=f"  {name}: {len(gap.lacking)} lacking their course, "
                f"{len(gap.inactive)} without a learning activity, "
                f"{len(gap.open_actions)} open actions "
                f"({len(gap.overdue_actions)} overdue)",
            )
        )
    text = to_json(record, indent=1) + "\n"
    same = from_json(LearningRecord, text) == record
    size = len(text.encode())
    lines += [
        "",
        run.t(
            da=f"Profilen som JSON-dokument: {size:_} bytes".replace("_", ".")
            + (", læst tilbage uændret." if same else ", læst tilbage ÆNDRET."),
            en=f"The record as a JSON document: {size:,} bytes"
            + (", read back unchanged." if same else ", read back CHANGED."),
        ),
    ]
    written = run.write("record.json", text)
    if written:
        lines.append(written)
    return "\n".join(lines)


def _xapi(run: DemoRun) -> str:
    """The sample's learning record as xAPI statements for an LRS."""
    record = learning_record(run.scenario, on=RECORD_DAY)
    statements = xapi_statements(record, home_page=XAPI_HOME_PAGE)
    verbs = Counter(item["verb"]["display"][run.lang] for item in statements)
    undated = sum(len(person.undated_courses) for person in record.people)
    first = statements[0]["actor"]["account"] if statements else None
    lines = [
        run.t(
            da=f"Læringsprofilen pr. {RECORD_DAY.isoformat()} som "
            f"{len(statements)} xAPI-udsagn til et Learning Record Store:",
            en=f"The learning record as of {RECORD_DAY.isoformat()} as "
            f"{len(statements)} xAPI statements for a Learning Record Store:",
        ),
        *(f"  {verb}: {count}" for verb, count in sorted(verbs.items())),
    ]
    if first is not None:
        lines.append(
            run.t(
                da=f"Aktøren er en konto, {first['name']} hos {first['homePage']}: "
                "intet navn, ingen e-mail.",
                en=f"The actor is an account, {first['name']} at "
                f"{first['homePage']}: no name, no e-mail.",
            )
        )
    lines.append(
        run.t(
            da=f"{undated} kurser uden dato giver intet udsagn: xAPI kræver et "
            "tidspunkt.",
            en=f"{undated} courses without a date give no statement: xAPI needs "
            "a time.",
        )
    )
    if importlib.util.find_spec("ralph") and importlib.util.find_spec("jsonschema"):
        validate_xapi(statements)
        lines.append(
            run.t(
                da="Alle er gyldige xAPI 1.0.3 (Ralphs model og JSON Schema).",
                en="All are valid xAPI 1.0.3 (Ralph's model and JSON Schema).",
            )
        )
    else:
        lines.append(
            run.t(
                da="Installér learnmeet[xapi] for at kontrollere dem.",
                en="Install learnmeet[xapi] to check them.",
            )
        )
    return "\n".join(lines)


SECTIONS: tuple[Section, ...] = (
    Section(Label(da="Eksempelkommunen", en="The sample municipality"), _overview),
    Section(
        Label(da="Sammensætning og regler", en="Composition and rules"), _proposals
    ),
    Section(Label(da="Planlægning af et kvartal", en="Planning a quarter"), _plan),
    Section(
        Label(da="Refleksion og evaluering", en="Reflection and evaluation"),
        _reflection,
    ),
    Section(Label(da="Tillid ved kanterne", en="Trust at the edges"), _edges),
    Section(
        Label(da="Audit efter dødsfald (§ 42 d)", en="Audit after death (§ 42 d)"),
        _audit_after_death,
    ),
    Section(
        Label(
            da="Egne borgere, kursusforløb og programmer",
            en="Own citizens, course-day series and programmes",
        ),
        _projects,
    ),
    Section(Label(da="Læringsprofilen", en="The learning record"), _learning_record),
    Section(Label(da="xAPI-udsagn", en="xAPI statements"), _xapi),
    Section(Label(da="FHIR R5", en="FHIR R5"), _fhir),
)
"""The demo's sections, in the order they are shown."""


def run_demo(scenario: Scenario, *, lang: Lang = "da", out: Path | None = None) -> str:
    """Return the whole demo as text (and write its files when *out* is set).

    The folder *out* is made and checked first; the files are written, each
    atomically, once every section has run, so a run that fails writes none.

    Raises:
        InvalidValueError: *out* is not a folder that can be written in.
    """
    if out is not None:
        prepare_folder(out)
    run = DemoRun(scenario, check_lang(lang), out)
    parts = []
    for number, section in enumerate(SECTIONS, start=1):
        heading = f"{number}. {section.heading.get(lang)}"
        parts.append(f"{heading}\n{'=' * len(heading)}\n{section.show(run)}")
    if out is not None:
        write_files(out, run.files)
    return "\n\n".join(parts) + "\n"
