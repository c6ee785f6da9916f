"""The learning record's exports: CSV tables, a text and an SVG summary per unit.

The CSV tables follow the evaluation's CSV (:func:`~learnmeet.evaluation_csv`):
stable English column names, codes in their own columns and a label column in
the chosen language beside a code a person reads, days as ISO 8601, and a text
a spreadsheet would run as a formula written after an apostrophe. The text and
SVG summaries are in Danish or English. Nothing here names a citizen or a
relative: the record holds professionals only.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from xml.sax.saxutils import escape

from learnmeet.catalog._builtin import course_label
from learnmeet.evaluation._record import (
    Gaps,
    LearningRecord,
    MissingCourse,
    PersonRecord,
)
from learnmeet.io._csv import _text_cell
from learnmeet.io._svg import svg_open
from learnmeet.io._text import _table
from learnmeet.model._arguments import checked
from learnmeet.model._formats import FormatRequirements
from learnmeet.model._labels import Label, Lang, check_lang
from learnmeet.model._lookup import find
from learnmeet.model._people import Unit

__all__ = ["RECORD_TABLES", "record_csv", "record_svg", "record_text"]

RECORD_TABLES: dict[str, tuple[str, ...]] = {
    "activities": (
        "professional",
        "unit",
        "sector",
        "meeting",
        "format",
        "start",
        "end",
        "role",
        "role_label",
        "case_origin",
        "sectors",
        "forum",
        "cohort",
    ),
    "completions": (
        "professional",
        "unit",
        "course",
        "course_label",
        "completed_on",
        "expires_on",
        "state",
        "state_label",
    ),
    "reflections": (
        "professional",
        "unit",
        "meeting",
        "on",
        "model",
        "contributed",
        "phase",
        "learning_point",
        "tags",
    ),
    "actions": (
        "professional",
        "unit",
        "action",
        "text",
        "due",
        "status",
        "status_label",
        "overdue",
        "raised_at",
    ),
    "encounters": (
        "kind",
        "first",
        "second",
        "first_unit",
        "second_unit",
        "first_sector",
        "second_sector",
        "meetings",
        "meeting_ids",
    ),
}
"""The learning record's CSV tables and their columns, in order.

.. versionadded:: 0.4.0
"""

_TERMS = {
    "title": Label(da="Læringsprofil", en="Learning record"),
    "as_of": Label(da="pr. {day}", en="as of {day}"),
    "staff": Label(da="medarbejdere", en="staff"),
    "active": Label(da="med læringsaktivitet", en="with a learning activity"),
    "person": Label(da="person", en="person"),
    "title_col": Label(da="faggruppe", en="profession"),
    "activities": Label(da="aktiviteter", en="activities"),
    "facilitated": Label(da="faciliteret", en="facilitated"),
    "courses": Label(da="kurser", en="courses"),
    "reflections": Label(da="refleksioner", en="reflections"),
    "open": Label(da="åbne handlinger", en="open actions"),
    "lacking": Label(
        da="Mangler deres faggruppes kursus", en="Without their profession's course"
    ),
    "never": Label(da="aldrig gennemført", en="never completed"),
    "expired": Label(da="udløbet {day}", en="expired on {day}"),
    "met": Label(da="Mødt på tværs af sektorer", en="Met across sectors"),
    "meeting": Label(da="1 møde", en="1 meeting"),
    "meetings": Label(da="{n} møder", en="{n} meetings"),
    "overdue": Label(da="Handlinger over frist", en="Actions past their due date"),
    "expired_mark": Label(da="udløbet", en="expired"),
    "due": Label(da="frist {day}", en="due {day}"),
    "inactive": Label(
        da="Ingen læringsaktivitet {period}", en="No learning activity {period}"
    ),
    "between": Label(da="fra {start} til {end}", en="from {start} to {end}"),
    "until": Label(da="til og med {end}", en="up to {end}"),
    "none": Label(da="ingen", en="none"),
    "chart": Label(
        da="Læringsaktiviteter pr. medarbejder", en="Learning activities per person"
    ),
    "legend": Label(
        da="mørk: som facilitator; lys: øvrige roller",
        en="dark: as facilitator; light: other roles",
    ),
}


def _rows(table: str, rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(RECORD_TABLES[table])
    for row in rows:
        writer.writerow(
            [_text_cell(cell) if isinstance(cell, str) else cell for cell in row]
        )
    return out.getvalue()


def _day(day: date | None) -> str:
    return "" if day is None else day.isoformat()


@checked
def record_csv(record: LearningRecord, lang: Lang = "da") -> dict[str, str]:
    """The learning record as CSV tables, one row a fact: ``{name: text}``.

    The tables and their columns are :data:`RECORD_TABLES`: an activity, a
    completion, a learning point of a reflection (a reflection without one
    has a row with the point left blank), an action, and a pair of the
    relation map (``kind`` ``people`` or ``units``) per row. Times are ISO
    8601 with their offset; ``sectors`` and ``tags`` are codes joined by a
    space, ``meeting_ids`` too. The ``*_label`` columns are in *lang*: a
    course's ``course_label`` is its name in :data:`~learnmeet.COURSE_LABELS`
    (its code for a course of your own).

    .. versionadded:: 0.4.0
    """
    lang = check_lang(lang)
    unit = {p.id: p.professional.unit.id for p in record.people}
    sector = {p.id: p.professional.sector.code for p in record.people}
    activities = [
        (
            a.professional,
            unit[a.professional],
            sector[a.professional],
            a.meeting,
            a.format,
            a.start.isoformat(),
            a.end.isoformat(),
            a.role.code,
            a.role.label.get(lang),
            "" if a.case_origin is None else a.case_origin.code,
            " ".join(sorted(a.sectors)),
            a.forum or "",
            a.cohort or "",
        )
        for p in record.people
        for a in p.activities
    ]
    completions = [
        (
            c.professional,
            unit[c.professional],
            c.course,
            course_label(c.course).get(lang),
            _day(c.completed_on),
            _day(c.expires_on),
            c.state.code,
            c.state.label.get(lang),
        )
        for c in record.completed()
    ]
    reflections = []
    for p in record.people:
        for r in p.reflections:
            head = (p.id, unit[p.id], r.meeting, r.on.isoformat(), r.model)
            flag = "yes" if r.contributed else "no"
            if not r.learning_points:
                reflections.append((*head, flag, "", "", ""))
            for point in r.learning_points:
                tags = " ".join(sorted(point.tags))
                reflections.append((*head, flag, point.phase, point.text, tags))
    actions = [
        (
            p.id,
            unit[p.id],
            a.id,
            a.text,
            a.due.isoformat(),
            a.status.code,
            a.status.label.get(lang),
            "yes" if a.is_open and a.due < record.on else "no",
            a.raised_at,
        )
        for p in record.people
        for a in p.actions
    ]
    relations = record.relation_map()
    encounters = [
        (
            kind,
            e.first,
            e.second,
            e.first_unit,
            e.second_unit,
            e.first_sector,
            e.second_sector,
            len(e.meetings),
            " ".join(e.meetings),
        )
        for kind, pairs in (("people", relations.people), ("units", relations.units))
        for e in pairs
    ]
    return {
        "activities": _rows("activities", activities),
        "completions": _rows("completions", completions),
        "reflections": _rows("reflections", reflections),
        "actions": _rows("actions", actions),
        "encounters": _rows("encounters", encounters),
    }


def _units(record: LearningRecord, unit: str | None, where: str) -> list[Unit]:
    """The record's units in order of their first person, or the one asked for."""
    known: dict[str, Unit] = {}
    for p in record.people:
        known.setdefault(p.professional.unit.id, p.professional.unit)
    if unit is None:
        return list(known.values())
    return [
        find(
            "unit",
            unit,
            known,
            what=Label(da="enhed", en="unit"),
            where=where,
            argument="unit",
        )
    ]


def _missing_text(m: MissingCourse, lang: Lang) -> str:
    why = (
        _TERMS["never"].get(lang)
        if m.expired_on is None
        else _TERMS["expired"].get(lang).format(day=m.expired_on.isoformat())
    )
    return f"{m.professional}: {course_label(m.course).get(lang)} ({why})"


def _who(p: PersonRecord) -> str:
    name = p.professional.display_name
    return f"{p.id} ({name})" if name else p.id


def _unit_text(
    record: LearningRecord, unit: Unit, gaps: Gaps | None, period: str, lang: Lang
) -> list[str]:
    people = [p for p in record.people if p.professional.unit.id == unit.id]
    active = sum(1 for p in people if p.activities)
    lines = [
        f"{unit.name} – {unit.sector.label.get(lang)}",
        f"{len(people)} {_TERMS['staff'].get(lang)}, {active} "
        f"{_TERMS['active'].get(lang)}",
        "",
    ]
    completed: dict[str, list[str]] = {}
    for c in record.completed():
        name = course_label(c.course).get(lang)
        completed.setdefault(c.professional, []).append(
            name
            if c.state.code != "expired"
            else f"{name} ({_TERMS['expired_mark'].get(lang)})"
        )
    rows = [
        [
            _TERMS["person"].get(lang),
            _TERMS["title_col"].get(lang),
            _TERMS["activities"].get(lang),
            _TERMS["facilitated"].get(lang),
            _TERMS["reflections"].get(lang),
            _TERMS["open"].get(lang),
            _TERMS["courses"].get(lang),
        ]
    ]
    for p in people:
        rows.append(
            [
                _who(p),
                p.professional.title.get(lang),
                str(len(p.activities)),
                str(sum(1 for a in p.activities if a.role.code == "facilitator")),
                str(len(p.reflections)),
                str(sum(1 for a in p.actions if a.is_open)),
                ", ".join(completed.get(p.id, ())) or "–",
            ]
        )
    lines += _table(rows, right={2, 3, 4, 5})
    if gaps is not None:
        lines += ["", f"{_TERMS['lacking'].get(lang)}:"]
        lines += [f"  {_missing_text(m, lang)}" for m in gaps.lacking] or [
            f"  {_TERMS['none'].get(lang)}"
        ]
        lines += [
            f"{_TERMS['inactive'].get(lang).format(period=period)}: "
            f"{', '.join(gaps.inactive) or _TERMS['none'].get(lang)}"
        ]
    overdue = sorted(
        (a for p in people for a in p.actions if a.is_open and a.due < record.on),
        key=lambda a: (a.due, a.id),
    )
    if gaps is None:
        lines.append("")
    lines.append(f"{_TERMS['overdue'].get(lang)}:")
    lines += [
        f"  {a.id} ({a.owner.removeprefix('professional:')}): {a.text}, "
        f"{_TERMS['due'].get(lang).format(day=a.due.isoformat())}"
        for a in overdue
    ] or [f"  {_TERMS['none'].get(lang)}"]
    names = {p.professional.unit.id: p.professional.unit for p in record.people}
    met = [e for e in record.relation_map().units if e.involves(unit.id)]
    lines += [f"{_TERMS['met'].get(lang)}:"]
    for e in met:
        other = names[e.other(unit.id)]
        n = len(e.meetings)
        count = (
            (_TERMS["meeting"] if n == 1 else _TERMS["meetings"]).get(lang).format(n=n)
        )
        lines.append(f"  {other.name} – {other.sector.label.get(lang)}: {count}")
    if not met:
        lines.append(f"  {_TERMS['none'].get(lang)}")
    return lines


@checked
def record_text(
    record: LearningRecord,
    lang: Lang = "da",
    *,
    unit: str | None = None,
    requirements: FormatRequirements | None = None,
    start: date | None = None,
    end: date | None = None,
) -> str:
    """A summary of the learning record per unit, as plain text.

    For each unit (or the one *unit* names): its staff with their
    activities, facilitations, reflections, open actions and completed
    courses by their names in *lang* (an expired one marked ``(×)``); who
    lacks their profession's course by *requirements* and who had no
    learning activity from *start* to *end*, when *requirements* are given;
    the overdue actions; and the
    units of other sectors its staff have met, with how many meetings.

    Raises:
        UnknownCodeError: No professional of the record works in *unit*.

    .. versionadded:: 0.4.0
    """
    lang = check_lang(lang)
    units = _units(record, unit, "record_text")
    gaps = (
        {}
        if requirements is None
        else {g.unit: g for g in record.gaps(requirements, start=start, end=end)}
    )
    lines = [
        f"{_TERMS['title'].get(lang)} "
        f"{_TERMS['as_of'].get(lang).format(day=record.on.isoformat())}"
    ]
    last = (end if end is not None else record.on).isoformat()
    period = (
        _TERMS["until"].get(lang).format(end=last)
        if start is None
        else _TERMS["between"].get(lang).format(start=start.isoformat(), end=last)
    )
    for u in units:
        lines += ["", *_unit_text(record, u, gaps.get(u.id), period, lang)]
    return "\n".join(lines) + "\n"


_DARK = "#2b6c8f"
_LIGHT = "#9cc3d9"
_MUTED = "#6b6b6b"
_WIDTH = 720
_LEFT = 250
_PLOT = 340
_ROW = 28
_TOP = 64


@checked
def record_svg(record: LearningRecord, unit: str, lang: Lang = "da") -> str:
    """A unit's learning activities per person as a bar chart, as SVG.

    One bar a person of *unit*: the activities in which they facilitated
    (dark) and those in other roles (light), with the count beside it. The
    same record gives the same bytes; written without a plotting library.

    Raises:
        UnknownCodeError: No professional of the record works in *unit*.

    .. versionadded:: 0.4.0
    """
    lang = check_lang(lang)
    (u,) = _units(record, unit, "record_svg")
    people = [p for p in record.people if p.professional.unit.id == u.id]
    most = max([len(p.activities) for p in people] + [1])
    height = _TOP + _ROW * max(len(people), 1) + 24
    title = f"{_TERMS['chart'].get(lang)}: {u.name}"
    sub = (
        f"{_TERMS['as_of'].get(lang).format(day=record.on.isoformat())}; "
        f"{_TERMS['legend'].get(lang)}"
    )
    parts = svg_open(title, sub, height)
    for row, p in enumerate(people):
        top = _TOP + row * _ROW
        middle = top + _ROW / 2
        led = sum(1 for a in p.activities if a.role.code == "facilitator")
        other = len(p.activities) - led
        parts.append(
            f'<text x="{_LEFT - 10}" y="{middle + 4:.1f}" text-anchor="end">'
            f"{escape(_who(p))}</text>"
        )
        x = float(_LEFT)
        for count, colour in ((led, _DARK), (other, _LIGHT)):
            width = count / most * _PLOT
            if count:
                parts.append(
                    f'<rect x="{x:.1f}" y="{top + 5}" width="{width:.1f}" '
                    f'height="{_ROW - 10}" fill="{colour}"/>'
                )
            x += width
        parts.append(
            f'<text x="{_LEFT + _PLOT + 10}" y="{middle + 4:.1f}">'
            f"{len(p.activities)} ({led} {escape(_TERMS['facilitated'].get(lang))})"
            "</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
