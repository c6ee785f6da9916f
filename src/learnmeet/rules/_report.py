"""Violations and reports: what the rules found, in Danish or English.

A rule breach never raises. Rules return :class:`Violation` values, gathered in
a :class:`Report`; :meth:`Report.raise_for_errors` turns a report with errors
into an exception when the caller wants one.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from learnmeet.exceptions import MeetingRulesError
from learnmeet.model._arguments import checked
from learnmeet.model._checks import each, identifier, instance_of, to_tuple
from learnmeet.model._labels import Label, LabelledEnum, Lang, check_lang

__all__ = ["Report", "Severity", "Subject", "SubjectKind", "Violation"]


class Severity(LabelledEnum):
    """How serious a violation is.

    .. versionadded:: 0.1.0
    """

    ERROR = "error", Label(da="fejl", en="error")
    WARNING = "warning", Label(da="advarsel", en="warning")
    INFO = "info", Label(da="bemærkning", en="note")


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class SubjectKind(LabelledEnum):
    """What a violation is about.

    .. versionadded:: 0.1.0
    """

    MEETING = "meeting", Label(da="mødet", en="the meeting")
    ATTENDEE = "attendee", Label(da="deltager", en="attendee")
    CASE = "case", Label(da="borgerforløbet", en="the case")


@attrs.frozen
class Subject:
    """The thing a violation concerns: a meeting, an attendee or a case.

    Attributes:
        kind: Meeting, attendee or case.
        id: The meeting's or case's id, or the attendee's person key (e.g.
            ``"professional:p-001"``).

    .. versionadded:: 0.1.0
    """

    kind: SubjectKind = attrs.field(validator=instance_of(SubjectKind))
    id: str = attrs.field(validator=identifier)

    def __str__(self) -> str:
        return (
            f"{self.kind.code}:{self.id}"
            if self.kind is not SubjectKind.ATTENDEE
            else self.id
        )

    @checked
    def shown(self, lang: Lang = "da") -> str:
        """The subject as a person reads it: what it is, then its id.

        ``"møde m-1"`` / ``"meeting m-1"``, ``"borgerforløb c-1"`` /
        ``"case c-1"``, and an attendee by the id the user gave, with what
        kind of person it is (``"medarbejder p-1"`` / ``"professional p-1"``),
        never by the library's key (``professional:p-1``).

        .. versionadded:: 0.3.0
        """
        if self.kind is SubjectKind.ATTENDEE:
            prefix, _, rest = self.id.partition(":")
            what = _PERSON_SHOWN.get(prefix) if rest else None
            if what is None:
                return self.id
            return f"{what.get(lang)} {rest}"
        return f"{_KIND_SHOWN[self.kind].get(lang)} {self.id}"


# What a report line calls its subject (the kind's label is the definite form,
# for sentences: "mødet", "borgerforløbet").
_KIND_SHOWN = {
    SubjectKind.MEETING: Label(da="møde", en="meeting"),
    SubjectKind.CASE: Label(da="borgerforløb", en="case"),
}
# An attendee's key begins with what kind of person it is (Person.key).
_PERSON_SHOWN = {
    "professional": Label(da="medarbejder", en="professional"),
    "citizen": Label(da="borger", en="citizen"),
    "relative": Label(da="pårørende", en="relative"),
}


@attrs.frozen(kw_only=True)
class Violation:
    """One breach of one rule.

    Attributes:
        code: The rule's stable code, e.g. ``"LM101"``.
        severity: Error, warning or info.
        subject: What it concerns.
        message: What is wrong and what would fix it, in Danish and English.
        meeting: The id of the meeting that was checked.

    .. versionadded:: 0.1.0
    """

    code: str = attrs.field(validator=identifier)
    severity: Severity = attrs.field(validator=instance_of(Severity))
    subject: Subject = attrs.field(validator=instance_of(Subject))
    message: Label = attrs.field(validator=instance_of(Label))
    meeting: str = attrs.field(validator=identifier)

    @checked
    def render(self, lang: Lang = "da") -> str:
        """Return one line: code, severity, subject and message."""
        return (
            f"{self.code} {self.severity.label.get(lang)} "
            f"[{self.subject.shown(lang)}]: "
            f"{self.message.get(lang)}"
        )


# (singular, plural) of the report's head, in the order errors, warnings, notes.
_HEAD_WORDS = (
    (Label(da="fejl", en="error"), Label(da="fejl", en="errors")),
    (Label(da="advarsel", en="warning"), Label(da="advarsler", en="warnings")),
    (Label(da="bemærkning", en="note"), Label(da="bemærkninger", en="notes")),
)
_NOTHING_FOUND = Label(da="Ingen problemer fundet.", en="No problems found.")


def _language(
    instance: object, attribute: attrs.Attribute[Lang], value: object
) -> None:
    check_lang(value, where=type(instance).__name__)


def _violations(items: Iterable[Violation]) -> tuple[Violation, ...]:
    found = to_tuple(items)
    if found.__class__ is not tuple or len(found) < 2:
        return found  # refused by the validator, or nothing to sort (most reports)
    if not all(v.__class__ is Violation for v in found):
        return found  # an item the validator refuses, by its index as given
    return tuple(
        sorted(found, key=lambda v: (_RANK[v.severity], v.code, str(v.subject)))
    )


@attrs.frozen
class Report:
    """What validating one or more meetings found.

    Violations are sorted: errors first, then by code and subject, so the same
    input always gives the same report.

    Attributes:
        violations: Every violation found.
        lang: The language :meth:`render` and ``str()`` use by default.

    .. versionadded:: 0.1.0
    """

    violations: tuple[Violation, ...] = attrs.field(
        default=(), converter=_violations, validator=each(instance_of(Violation))
    )
    lang: Lang = attrs.field(default="da", validator=_language)

    @property
    def ok(self) -> bool:
        """``True`` when there is no error (warnings and notes are allowed)."""
        return not self.errors

    @property
    def errors(self) -> tuple[Violation, ...]:
        """The violations of severity error."""
        return tuple(v for v in self.violations if v.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Violation, ...]:
        """The violations of severity warning."""
        return tuple(v for v in self.violations if v.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[Violation, ...]:
        """The violations of severity info."""
        return tuple(v for v in self.violations if v.severity is Severity.INFO)

    @property
    def codes(self) -> frozenset[str]:
        """The distinct codes of every violation."""
        return frozenset(v.code for v in self.violations)

    @checked
    def render(self, lang: Lang | None = None) -> str:
        """Return the report as readable text, one violation a line.

        Raises:
            InvalidValueError: *lang* is neither ``"da"`` nor ``"en"``.
        """
        lang = check_lang(self.lang if lang is None else lang)
        if not self.violations:
            return _NOTHING_FOUND.get(lang)
        counts = (len(self.errors), len(self.warnings), len(self.infos))
        head = ", ".join(
            f"{n} {(one if n == 1 else many).get(lang)}"
            for n, (one, many) in zip(counts, _HEAD_WORDS, strict=True)
        )
        return "\n".join([head, *(f"  {v.render(lang)}" for v in self.violations)])

    def __str__(self) -> str:
        return self.render()

    @checked
    def merge(self, *others: Report) -> Report:
        """Return one report with the violations of this and *others*."""
        return Report(
            [v for r in (self, *others) for v in r.violations], lang=self.lang
        )

    def raise_for_errors(self) -> Report:
        """Raise :class:`~learnmeet.MeetingRulesError` if there is an error.

        Returns the report itself when it has no error, so calls can chain.
        """
        if self.errors:
            raise MeetingRulesError(report=self)
        return self
