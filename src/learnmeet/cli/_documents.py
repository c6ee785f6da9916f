"""What ``learnmeet check --json`` and ``learnmeet plan --json`` write, and its schema.

The two documents are the command line's own: stable, versioned by
``"version"``, and described by the JSON Schemas here (``learnmeet schema
--output check``), which the tests hold every output to. Texts are given in
both languages (``{"da": ..., "en": ...}``), whatever ``--lang`` says, so a
program reading the output picks its own.

``check``::

    {"learnmeet": "check", "version": 1, "ok": false, "errors": 1,
     "file": "kommune.json",
     "counts": {"professionals": 12, "cases": 3, "forums": 1, "meetings": 1},
     "problems": [{"file": "kommune.json", "path": "$.forums[0].first_start",
                   "reason": {"da": ..., "en": ...}, "fix": {...}}],
     "report": {"errors": 0, "warnings": 0, "notes": 0, "violations": [
         {"code": "LM106", "severity": "error", "meeting": "hm-bad",
          "path": "$.meetings[0]", "subject": "meeting:hm-bad",
          "message": {"da": ..., "en": ...}}]}}

``plan``: ``{"learnmeet": "plan", "version": 1, "ok": ..., "check": <the
check document>, "plan": <the plan as a PeriodPlan document, as plan.json
holds it, or null when the check failed>, "unplaced": [...], "report": <the
plan's validation, as the check's report>, "written": [<files written with
--out>]}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from learnmeet.exceptions import DataProblem, render_path
from learnmeet.model._labels import Label
from learnmeet.model._scenario import Scenario
from learnmeet.planning._period import PeriodPlan
from learnmeet.planning._preflight import Preflight
from learnmeet.rules._report import Report

__all__ = [
    "OUTPUT_SCHEMAS",
    "VERSION",
    "check_document",
    "plan_document",
    "problem_item",
]

VERSION = 1
"""The version of both documents; a change that breaks a reader raises it."""


def _label(label: Label) -> dict[str, str]:
    return {"da": label.da, "en": label.en}


def problem_item(file: str, problem: DataProblem, *, root: str = "$") -> dict[str, Any]:
    """One problem: the file it is in, its path there, the reason and the fix.

    *root* is ``"$"`` for a JSON document and ``""`` for a TOML file, whose
    paths are its keys (``travel.default``).
    """
    return {
        "file": file,
        "path": render_path(problem.path, root),
        "reason": _label(problem.reason),
        "fix": _label(problem.fix),
    }


def _report(report: Report | None, found: Preflight | None) -> dict[str, Any] | None:
    if report is None:
        return None
    return {
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "notes": len(report.infos),
        "violations": [
            {
                "code": v.code,
                "severity": v.severity.code,
                "meeting": v.meeting,
                "path": render_path(found.path_of(v)) if found else None,
                "subject": str(v.subject),
                "message": _label(v.message),
            }
            for v in report.violations
        ],
    }


def check_document(
    file: str,
    *,
    scenario: Scenario | None,
    problems: Sequence[dict[str, Any]],
    found: Preflight | None,
) -> dict[str, Any]:
    """The document of ``check --json``.

    Args:
        file: The scenario file, as it may be shown.
        scenario: The scenario read, or ``None`` when it could not be.
        problems: Every problem of every file, made by :func:`problem_item`.
        found: The pre-flight of the scenario, or ``None`` when it did not run.
    """
    report = found.report if found else None
    problems = [
        *problems,
        *(problem_item(file, p) for p in (found.problems if found else ())),
    ]
    errors = len(problems) + (len(report.errors) if report else 0)
    counts = (
        {
            "professionals": len(scenario.professionals),
            "cases": len(scenario.cases),
            "forums": len(scenario.forums),
            "meetings": len(scenario.meetings),
        }
        if scenario is not None
        else None
    )
    return {
        "learnmeet": "check",
        "version": VERSION,
        "ok": errors == 0 and found is not None,
        "errors": errors,
        "file": file,
        "counts": counts,
        "problems": problems,
        "report": _report(report, found),
    }


def plan_document(
    check: dict[str, Any],
    plan: PeriodPlan | None,
    *,
    plan_json: dict[str, Any] | None,
    written: Iterable[str] = (),
) -> dict[str, Any]:
    """The document of ``plan --json``: the check, then the plan if it ran."""
    return {
        "learnmeet": "plan",
        "version": VERSION,
        "ok": plan is not None and plan.report.ok,
        "check": check,
        "plan": plan_json,
        "unplaced": [
            {
                "request": u.request.id,
                "format": u.request.format.code,
                "reason": _label(u.reason),
                "blockers": list(u.blockers),
            }
            for u in (plan.scheduled.unplaced if plan else ())
        ],
        "report": _report(plan.report if plan else None, None),
        "written": list(written),
    }


_TEXT: dict[str, Any] = {
    "type": "object",
    "description": "A text in Danish and English.",
    "properties": {"da": {"type": "string"}, "en": {"type": "string"}},
    "required": ["da", "en"],
    "additionalProperties": False,
}

_REPORT: dict[str, Any] = {
    "type": ["object", "null"],
    "description": "What the rules found; null when they did not run.",
    "properties": {
        "errors": {"type": "integer", "minimum": 0},
        "warnings": {"type": "integer", "minimum": 0},
        "notes": {"type": "integer", "minimum": 0},
        "violations": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "code": {"type": "string", "description": "The rule, e.g. LM106."},
                    "severity": {"enum": ["error", "warning", "info"]},
                    "meeting": {"type": "string"},
                    "path": {
                        "type": ["string", "null"],
                        "description": "The meeting's path in the scenario file, "
                        "e.g. $.meetings[3]; null for a planned meeting.",
                    },
                    "subject": {"type": "string"},
                    "message": {"$ref": "#/$defs/text"},
                },
                "required": [
                    "code",
                    "severity",
                    "meeting",
                    "path",
                    "subject",
                    "message",
                ],
                "additionalProperties": False,
            },
        },
    },
    "required": ["errors", "warnings", "notes", "violations"],
    "additionalProperties": False,
}

_PROBLEM: dict[str, Any] = {
    "type": "object",
    "properties": {
        "file": {"type": "string", "description": "The file the problem is in."},
        "path": {
            "type": "string",
            "description": "Where in the file: a JSON path ($.forums[0].first_start) "
            "or a TOML key (travel.default); empty for the whole file.",
        },
        "reason": {"$ref": "#/$defs/text"},
        "fix": {"$ref": "#/$defs/text"},
    },
    "required": ["file", "path", "reason", "fix"],
    "additionalProperties": False,
}

_CHECK: dict[str, Any] = {
    "type": "object",
    "properties": {
        "learnmeet": {"const": "check"},
        "version": {"const": VERSION},
        "ok": {
            "type": "boolean",
            "description": "No problem and no rule error: plan would run.",
        },
        "errors": {"type": "integer", "minimum": 0},
        "file": {"type": "string"},
        "counts": {
            "type": ["object", "null"],
            "properties": {
                k: {"type": "integer", "minimum": 0}
                for k in ("professionals", "cases", "forums", "meetings")
            },
            "required": ["professionals", "cases", "forums", "meetings"],
            "additionalProperties": False,
        },
        "problems": {"type": "array", "items": {"$ref": "#/$defs/problem"}},
        "report": {"$ref": "#/$defs/report"},
    },
    "required": [
        "learnmeet",
        "version",
        "ok",
        "errors",
        "file",
        "counts",
        "problems",
        "report",
    ],
    "additionalProperties": False,
}

_DEFS = {"text": _TEXT, "report": _REPORT, "problem": _PROBLEM, "check": _CHECK}

OUTPUT_SCHEMAS: dict[str, dict[str, Any]] = {
    "check": {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "learnmeet check --json",
        **_CHECK,
        "$defs": _DEFS,
    },
    "plan": {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "learnmeet plan --json",
        "type": "object",
        "properties": {
            "learnmeet": {"const": "plan"},
            "version": {"const": VERSION},
            "ok": {
                "type": "boolean",
                "description": "Whether the plan ran and its report has no error.",
            },
            "check": {"$ref": "#/$defs/check"},
            "plan": {
                "type": ["object", "null"],
                "description": "The plan as a PeriodPlan document (learnmeet "
                "schema PeriodPlan), as plan.json holds it; null when the check "
                "failed.",
            },
            "unplaced": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "request": {"type": "string"},
                        "format": {"type": "string"},
                        "reason": {"$ref": "#/$defs/text"},
                        "blockers": {"type": "array", "items": {"type": "string"}},
                    },
                    "required": ["request", "format", "reason", "blockers"],
                    "additionalProperties": False,
                },
            },
            "report": {"$ref": "#/$defs/report"},
            "written": {"type": "array", "items": {"type": "string"}},
        },
        "required": [
            "learnmeet",
            "version",
            "ok",
            "check",
            "plan",
            "unplaced",
            "report",
            "written",
        ],
        "additionalProperties": False,
        "$defs": _DEFS,
    },
}
"""The JSON Schema (draft 2020-12) of each command's ``--json`` output."""
