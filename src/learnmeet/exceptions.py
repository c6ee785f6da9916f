"""Everything learnmeet raises, in one leaf module.

Every exception derives from :class:`LearnmeetError`, so an application can catch
all of the library's refusals with one ``except`` clause. Each subclass also derives
from the matching builtin (``ValueError``, ``LookupError``), so code written against
the builtins keeps working.

Every message exists in English and Danish: ``str(error)`` is English, and
``error.message("da")`` gives the Danish text.

This module imports nothing from the rest of the package at run time (one name is
imported for type checkers only), so any module can import it without creating
an import cycle.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:  # only for the annotation of MeetingRulesError.report
    from learnmeet.rules._report import Report

__all__ = [
    "CycleOrderError",
    "DataProblem",
    "InvalidDataError",
    "InvalidValueError",
    "LearnmeetError",
    "MeetingRulesError",
    "NaiveDatetimeError",
    "PersonalDataError",
    "SkippedTimeError",
    "UnknownCodeError",
    "WrongTypeError",
]

_Lang = Literal["da", "en"]


class LearnmeetError(Exception):
    """The base of every error learnmeet raises.

    Args:
        en: The message in English; ``str(error)`` returns it.
        da: The same message in Danish; defaults to the English text.

    .. versionadded:: 0.1.0
    """

    def __init__(self, en: str, da: str | None = None) -> None:
        super().__init__(en)
        self.en = en
        self.da = en if da is None else da

    def message(self, lang: _Lang = "en") -> str:
        """Return the message in Danish (``"da"``) or English (``"en"``)."""
        return self.da if lang == "da" else self.en

    def __str__(self) -> str:
        return self.en


class InvalidValueError(LearnmeetError, ValueError):
    """A value was refused at construction.

    Attributes:
        field: The name of the attribute that holds the refused value, e.g.
            ``"start"``; empty where the problem concerns the whole value.
        fix: What to do instead, in English.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self, en: str, da: str | None = None, *, field: str = "", fix: str = ""
    ) -> None:
        super().__init__(en, da)
        self.field = field
        self.fix = fix


class WrongTypeError(InvalidValueError, TypeError):
    """A value of the wrong type was given, e.g. a string where a date is needed.

    .. versionadded:: 0.1.0
    """


class NaiveDatetimeError(InvalidValueError):
    """A datetime without a time zone was given where an aware one is needed.

    .. versionadded:: 0.1.0
    """


class SkippedTimeError(InvalidValueError):
    """A local time that does not exist (it falls in a daylight-saving gap).

    .. versionadded:: 0.1.0
    """


class PersonalDataError(InvalidValueError):
    """Text or an identifier looks like personal data the library must not hold.

    A citizen is known only by a pseudonym: anything that looks like a Danish CPR
    number (``DDMMYY-XXXX``) is refused.

    .. versionadded:: 0.1.0
    """


class UnknownCodeError(LearnmeetError, LookupError):
    """A catalogue was asked for a code it does not know.

    Attributes:
        kind: What was looked up, e.g. ``"profession"``.
        code: The unknown code.
        suggestions: The closest known codes, best first (may be empty).

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        kind: str,
        code: str,
        suggestions: Iterable[str] = (),
        *,
        hint: tuple[str, str] = ("", ""),
    ) -> None:
        self.kind = kind
        self.code = code
        self.suggestions = tuple(suggestions)
        hint_en, hint_da = (f" ({h})" if h else "" for h in hint)
        if self.suggestions:
            quoted = ", ".join(repr(s) for s in self.suggestions)
            en = f"unknown {kind} code {code!r}; did you mean {quoted}?{hint_en}"
            da = f"ukendt kode {code!r} ({kind}); mente du {quoted}?{hint_da}"
        else:
            en = f"unknown {kind} code {code!r}{hint_en}"
            da = f"ukendt kode {code!r} ({kind}){hint_da}"
        super().__init__(en, da)


class DataProblem(NamedTuple):
    """One problem found in input data: where it is and what is wrong.

    Attributes:
        path: A JSON path to the bad element, e.g. ``"$.attendees[2].role"``.
        en: What is wrong and how to fix it, in English.
        da: The same in Danish.

    .. versionadded:: 0.1.0
    """

    path: str
    en: str
    da: str

    def message(self, lang: _Lang = "en") -> str:
        """Return ``"<path>: <message>"`` in the given language."""
        return f"{self.path}: {self.da if lang == 'da' else self.en}"


class InvalidDataError(LearnmeetError, ValueError):
    """Input data (JSON, a scenario file) could not be turned into values.

    Every problem found is listed, each with its JSON path, so a whole file can be
    fixed in one go. Nothing is half-built: no value is returned when any problem
    is found.

    Attributes:
        problems: Every problem, in document order.
        errors: The problems as ``"<path>: <message>"`` strings, in English.

    .. versionadded:: 0.1.0
    """

    def __init__(self, problems: Sequence[DataProblem]) -> None:
        self.problems = tuple(problems)
        self.errors = tuple(p.message("en") for p in self.problems)
        count = len(self.problems)
        en_head = f"{count} problem{'s' if count != 1 else ''} in the input data:"
        da_head = f"{count} problem{'er' if count != 1 else ''} i inputdata:"
        en = "\n".join([en_head, *(f"  {e}" for e in self.errors)])
        da = "\n".join([da_head, *(f"  {p.message('da')}" for p in self.problems)])
        super().__init__(en, da)


class MeetingRulesError(LearnmeetError, ValueError):
    """A meeting breaks rules of severity error, and the caller asked to raise.

    Validation itself never raises: :func:`learnmeet.validate` returns a report,
    and ``report.raise_for_errors()`` raises this.

    Attributes:
        report: The :class:`~learnmeet.Report` with every violation.

    .. versionadded:: 0.1.0
    """

    def __init__(self, en: str, da: str | None = None, *, report: Report) -> None:
        super().__init__(en, da)
        self.report = report


class CycleOrderError(LearnmeetError, ValueError):
    """A step was taken out of order in a reflection cycle.

    A :class:`~learnmeet.ReflectionCycle` keeps its phases in order: nothing is
    concluded before it has been described, actions are agreed in an action
    phase, and a cycle closes with open actions only when they are carried to
    the next meeting. The refused step leaves the cycle as it was.

    Attributes:
        fix: What to do instead, in English.

    .. versionadded:: 0.1.0
    """

    def __init__(self, en: str, da: str | None = None, *, fix: str = "") -> None:
        super().__init__(f"{en} ({fix})" if fix else en, da)
        self.fix = fix
