"""Everything learnmeet raises, and the bilingual text it is written in.

Every exception derives from :class:`LearnmeetError`, so an application can catch
all of the library's refusals with one ``except`` clause. Each subclass also derives
from the matching builtin (``ValueError``, ``LookupError``, ``TypeError``), so code
written against the builtins keeps working.

Every error says what is wrong (:attr:`~LearnmeetError.reason`), how to put it
right (:attr:`~LearnmeetError.fix`) and where (:attr:`~LearnmeetError.path`, a
tuple of keys and indices), each text in Danish and English as a :class:`Label`.
``str(error)`` is the English message and ``error.message("da")`` the Danish one,
both rendered from those parts.

A :class:`Label` holds a Danish and an English text, given by keyword. It lives
here, with the errors written in it, so that this module imports nothing from the
rest of the package at run time but the CPR detector (:mod:`learnmeet._cpr`, a
leaf; one name is imported for type checkers only) and any module can import it
without creating an import cycle.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeAlias, Union

import attrs

from learnmeet._cpr import holds_cpr, redact

if TYPE_CHECKING:  # only for the annotation of MeetingRulesError.report
    from learnmeet.rules._report import Report

__all__ = [
    "LANGUAGES",
    "MAX_TEXT",
    "CycleOrderError",
    "DataProblem",
    "InvalidDataError",
    "InvalidValueError",
    "Label",
    "Lang",
    "LearnmeetError",
    "MeetingRulesError",
    "NaiveDatetimeError",
    "PathKey",
    "PersonalDataError",
    "SkippedTimeError",
    "UnknownCodeError",
    "WrongTypeError",
    "check_lang",
    "looks_like_cpr",
    "name_shown",
    "redact",
    "refuse_personal_data",
    "render_path",
    "shown",
    "shown_all",
    "type_shown",
]

Lang: TypeAlias = Literal["da", "en"]
"""A language learnmeet speaks: ``"da"`` (Danish, the default) or ``"en"``."""

LANGUAGES: tuple[Lang, ...] = ("da", "en")
"""The languages learnmeet speaks, Danish first."""

PathKey: TypeAlias = Union[str, int]  # noqa: UP007
"""One step of a path: a field name or a list index."""

MAX_TEXT = 10_000
"""The most characters a text the library holds may have: free text and each
text of a :class:`Label`, so neither can become a journal extract."""


def check_lang(lang: object, *, where: str = "") -> Lang:
    """Return *lang* if it is a language learnmeet speaks, else raise.

    Every function that takes a language checks it with this, so ``"fr"`` is
    refused everywhere, never quietly read as Danish or English.

    Args:
        lang: The language given.
        where: The function or method that was given it, for the message.

    Raises:
        InvalidValueError: *lang* is neither ``"da"`` nor ``"en"``.
    """
    if lang == "da":
        return "da"
    if lang == "en":
        return "en"
    raise InvalidValueError(
        reason=Label(
            da=f"ukendt sprog {shown(lang).da}",
            en=f"unknown language {shown(lang).en}",
        ),
        fix=Label(
            da="brug 'da' (dansk) eller 'en' (engelsk)",
            en="use 'da' (Danish) or 'en' (English)",
        ),
        where=where,
        path=("lang",),
    )


# -- personal data -------------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 controls but tab, line feed and carriage return; DEL and the C1
# controls; U+FFFE and U+FFFF. XML 1.0 (the SVG charts) has no place for
# the C0 ones and the last two, iCalendar (RFC 5545, TSAFE-CHAR) none for
# the C0 ones and DEL, and no text of a meeting needs any of them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def looks_like_cpr(text: str) -> bool:
    """Tell whether *text* holds something shaped like a Danish CPR number.

    Six digits of a valid day and month and two of a year, then four, with
    up to three characters that are neither letters nor digits between the
    pairs and before the last four (``010203-1234``, ``010203_1234``,
    ``01 02 03 1234``, ``01 - 02 - 03 - 1234``), the last four also as two
    pairs (``010203-12 34``) when no other digit stands close by, in any
    script's digits, and with what draws nothing ignored (zero-width and
    other default-ignorable characters, the braille blank, combining marks).

    >>> looks_like_cpr("borger B-017")
    False
    >>> looks_like_cpr("010203-1234"), looks_like_cpr("01 02 03 1234")
    (True, True)
    >>> looks_like_cpr("mødet 01.02.2026 09:30")
    False

    It errs on the side of refusing. Known false positives: a ten-digit
    number whose first six digits form a date (an order number
    ``1012251234``), and a date with a two-digit year followed by four digits
    or a time (``01.02.26 0930``, ``01.02.26 09:30``). A phone number never
    starts with a valid day and month in the first two pairs, and neither an
    ISO date (``2026-03-01``), a date with a four-digit year and a time
    (``01.02.2026 09:30``, ``2026-03-01 09:00:00``), a time with
    microseconds (``09:15:07.123456``) nor an ISO 8601 date-time with its
    offset as ``isoformat()`` writes it (``2025-01-08T03:01:00+01:00``, also
    with RFC 9557's ``[Europe/Copenhagen]``) matches.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 Any run of up to three separators, the last
       four in two pairs, other scripts' digits, and every character that
       draws nothing.
    .. versionchanged:: 0.4.0 An ISO 8601 date-time with its offset is no
       longer taken for one.
    """
    if not isinstance(text, str):
        raise WrongTypeError(
            reason=Label(
                da=f"text skal være str, ikke {type_shown(text)}",
                en=f"text must be str, not {type_shown(text)}",
            ),
            fix=Label(da="giv text som str", en="pass text as str"),
            where="looks_like_cpr",
            path=("text",),
        )
    return holds_cpr(text)


_SHOWN_LENGTH = 40
"""The longest text, and the most digits of a number, a message shows."""
_SHOWN_ITEMS = 3
"""The most values of a collection a message shows."""
_LOG10_2 = 0.30102999566398120


def _digits(number: int) -> int:
    """How many decimal digits *number* has, without writing it out.

    ``str()`` of an integer of more than 4,300 digits raises ``ValueError``
    (Python's guard against quadratic conversion), so the count comes from
    the bit length, started one low and checked against powers of ten.
    """
    size = abs(number)
    digits = max(1, int((size.bit_length() - 1) * _LOG10_2))
    while size >= 10**digits:
        digits += 1
    return digits


def shown(value: object) -> Label:
    """*value* as a message may show it: short and redacted, or what it is.

    A string of up to 40 printable characters is shown quoted, with any
    CPR-like number in it replaced by ``[CPR]``; a longer or unprintable one
    by its length. A whole number of up to 40 digits is shown as written
    (redacted too: ten digits can be shaped like a CPR number), a longer one
    by its number of digits, which is worked out without writing it. Anything
    else is shown by its type.

    >>> shown("B-017").en, shown("borger 010203-1234").en, shown(7).da
    ("'B-017'", "'borger [CPR]'", '7')
    >>> shown("x" * 1000).en, shown(10**5000).en
    ('a text of 1000 characters', 'a number of 5001 digits')

    .. versionchanged:: 0.2.0 Whole numbers, and a string by its length.
    """
    if isinstance(value, bool) or value is None:
        return Label(da=repr(value), en=repr(value))
    if isinstance(value, int):
        if abs(value) < 10**_SHOWN_LENGTH:
            number = redact(str(value))
            return Label(da=number, en=number)
        digits = _digits(value)
        return Label(da=f"et tal på {digits} cifre", en=f"a number of {digits} digits")
    if isinstance(value, str):
        if len(value) <= _SHOWN_LENGTH and value.isprintable():
            quoted = repr(redact(value))
            if not looks_like_cpr(quoted):
                return Label(da=quoted, en=quoted)
        return Label(
            da=f"en tekst på {len(value)} tegn",
            en=f"a text of {len(value)} characters",
        )
    kind = type_shown(value)
    return Label(da=f"en værdi af typen {kind}", en=f"a value of type {kind}")


def type_shown(value: object) -> str:
    """The name of *value*'s type as a message may show it (:func:`name_shown`)."""
    return name_shown(type(value).__name__)


def name_shown(name: str) -> str:
    """A name (of a class, say) as a message may show it, unquoted.

    A class is named by whoever wrote it, so its name is a text like any
    other: redacted, and cut to 40 characters and ``…``.
    """
    name = redact(str(name))
    return name if len(name) <= _SHOWN_LENGTH else name[:_SHOWN_LENGTH] + "…"


def shown_all(values: Iterable[object]) -> Label:
    """A few of *values* as a message may show them, each by :func:`shown`.

    At most three are shown, then how many more there are:

    >>> shown_all(["LM101", "LM102"]).en
    "'LM101', 'LM102'"
    >>> shown_all(["a", "b", "c", "d", "e"]).da
    "'a', 'b', 'c' og 2 mere"

    .. versionadded:: 0.2.0
    """
    items = list(values)
    parts = [shown(item) for item in items[:_SHOWN_ITEMS]]
    da = ", ".join(part.da for part in parts) or "ingen"
    en = ", ".join(part.en for part in parts) or "none"
    more = len(items) - len(parts)
    if more:
        da, en = f"{da} og {more} mere", f"{en} and {more} more"
    return Label(da=da, en=en)


class _Refusal(NamedTuple):
    reason: Label
    fix: Label
    personal: bool


def text_refusal(text: str) -> _Refusal | None:
    """Why *text* may not be held, or ``None`` when it may.

    A text is refused when it holds something shaped like a CPR number, a
    lone surrogate (it cannot be written as UTF-8), or a control character
    other than tab, line feed and carriage return (iCalendar and XML, so the
    calendar and chart exports, cannot hold one). The strategies draw only
    text this passes.
    """
    if _SURROGATE.search(text):
        return _Refusal(
            Label(
                da="teksten indeholder et ugyldigt tegn (en enlig surrogat), som "
                "ikke kan skrives som UTF-8",
                en="the text holds an invalid character (a lone surrogate) that "
                "cannot be written as UTF-8",
            ),
            Label(
                da="fjern tegnet, eller læs teksten som UTF-8",
                en="remove the character, or read the text as UTF-8",
            ),
            personal=False,
        )
    control = _CONTROL.search(text)
    if control is not None:
        code = f"U+{ord(control.group()):04X}"
        return _Refusal(
            Label(
                da=f"teksten indeholder et styretegn ({code}) ved tegn "
                f"{control.start() + 1}, som hverken iCalendar eller SVG kan rumme",
                en=f"the text holds a control character ({code}) at character "
                f"{control.start() + 1}, which neither iCalendar nor SVG can hold",
            ),
            Label(
                da="fjern tegnet; tabulator og linjeskift er tilladt",
                en="remove the character; tabs and line breaks are allowed",
            ),
            personal=False,
        )
    if looks_like_cpr(text):
        return _Refusal(
            Label(
                da="teksten indeholder noget, der ligner et CPR-nummer; learnmeet "
                "må kun indeholde pseudonymer",
                en="the text contains something that looks like a CPR number; "
                "learnmeet holds pseudonyms only",
            ),
            Label(
                da="erstat CPR-nummeret med et pseudonym som 'B-017'",
                en="replace the CPR number with a pseudonym such as 'B-017'",
            ),
            personal=True,
        )
    return None


def refuse_personal_data(text: str, *, where: str, path: Iterable[PathKey]) -> None:
    """Refuse *text* if it holds a CPR-like number or a character no export takes.

    The one check every text the library accepts passes: identifiers, free
    text and both texts of every :class:`Label` (see :func:`text_refusal`).

    Raises:
        PersonalDataError: *text* looks like it holds a CPR number.
        InvalidValueError: *text* holds a lone surrogate or a control
            character.
    """
    problem = text_refusal(text)
    if problem is None:
        return
    raise (PersonalDataError if problem.personal else InvalidValueError)(
        reason=problem.reason, fix=problem.fix, where=where, path=path
    )


def _text(instance: Label, attribute: attrs.Attribute[str], value: object) -> None:
    if isinstance(value, str) and value.strip():
        if len(value) > MAX_TEXT:
            raise InvalidValueError(
                reason=Label(
                    da=f"teksten har {len(value)} tegn; en tekst har højst "
                    f"{MAX_TEXT} tegn",
                    en=f"the text has {len(value)} characters; a text has at most "
                    f"{MAX_TEXT}",
                ),
                fix=Label(da="giv en kortere tekst", en="give a shorter text"),
                where="Label",
                path=(attribute.name,),
            )
        refuse_personal_data(value, where="Label", path=(attribute.name,))
        return
    raise InvalidValueError(
        reason=Label(
            da=f"teksten skal være en ikke-tom tekst, ikke {_kind(value)}",
            en=f"the text must be a non-empty string, not {_kind(value)}",
        ),
        fix=Label(
            da="giv teksten på både dansk (da=) og engelsk (en=)",
            en="give the text in both Danish (da=) and English (en=)",
        ),
        where="Label",
        path=(attribute.name,),
    )


def _kind(value: object) -> str:
    if isinstance(value, str):
        return "blank" if value else "empty"
    return type_shown(value)


@attrs.frozen(init=False)
class Label:
    """A text in Danish and English, given by keyword.

    >>> Label(da="sygeplejerske", en="nurse").get("en")
    'nurse'

    Attributes:
        da: The Danish text.
        en: The English text.

    Raises:
        InvalidValueError: A text is missing, blank, not a string, or longer
            than :data:`MAX_TEXT` (10,000) characters.
        PersonalDataError: A text holds something shaped like a CPR number.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 Each text holds at most 10,000 characters.
    .. deprecated:: 0.2.0 The texts by position, ``Label(da, en)``: a
       ``DeprecationWarning`` says so, and a later release will refuse them.
       Every error takes its texts by keyword only.
    """

    da: str = attrs.field(validator=_text)
    en: str = attrs.field(validator=_text)

    def __init__(self, *texts: str, da: str = "", en: str = "") -> None:
        if texts:
            warnings.warn(
                "Label(da, en) by position is deprecated; write Label(da=..., en=...)",
                DeprecationWarning,
                stacklevel=2,
            )
            if len(texts) != 2 or da or en:
                raise WrongTypeError(
                    reason=Label(
                        da="Label tager teksterne da= og en=, hver én gang",
                        en="Label takes the texts da= and en=, each once",
                    ),
                    fix=Label(
                        da='skriv Label(da="...", en="...")',
                        en='write Label(da="...", en="...")',
                    ),
                    where="Label",
                    path=("texts",),
                )
            da, en = texts
        fields = attrs.fields(Label)
        _text(self, fields.da, da)
        _text(self, fields.en, en)
        object.__setattr__(self, "da", da)
        object.__setattr__(self, "en", en)

    def get(self, lang: Lang = "da") -> str:
        """Return the text in *lang*.

        Raises:
            InvalidValueError: *lang* is neither ``"da"`` nor ``"en"``.
        """
        return self.en if check_lang(lang, where="Label.get") == "en" else self.da

    def __str__(self) -> str:
        return self.da


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def render_path(path: Iterable[PathKey], root: str = "$") -> str:
    """Render a structured path as text: ``$.attendees[2].role``.

    A field name that is not an identifier is quoted (``$.hours['p-1']``), as
    in JSONPath. A key or index of more than 40 characters or digits is cut
    to its first 40 and ``…``, and any CPR-like number in the path is
    redacted: a path never repeats one, nor a long key in full. With an empty
    *root* the first field stands first.

    >>> render_path(("attendees", 2, "role"))
    '$.attendees[2].role'
    >>> render_path(("start",), root="Meeting")
    'Meeting.start'
    >>> render_path(("hours", "borger 010203-1234", "x" * 100))
    "$.hours['borger [CPR]']['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…']"

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.2.0 Long keys and indices are cut.
    """
    out = root
    for key in path:
        if isinstance(key, int):
            out += f"[{_cut_number(key)}]"
            continue
        text = redact(str(key))
        if len(text) > _SHOWN_LENGTH:
            out += f"[{text[:_SHOWN_LENGTH] + '…'!r}]"
        elif text == key and _IDENTIFIER.fullmatch(key):
            out += f".{key}" if out else key
        else:
            out += f"[{text!r}]"
    return redact(out)


def _cut_number(number: int) -> str:
    """*number* as text, cut to its first 40 digits and ``…`` if longer."""
    if abs(number) < 10**_SHOWN_LENGTH:
        return str(number)
    lead = abs(number) // 10 ** (_digits(number) - _SHOWN_LENGTH)
    return f"{'-' if number < 0 else ''}{lead}…"


_FIX_WORD = Label(da="løsning", en="fix")


def reason_and_fix(reason: Label, fix: Label, lang: Lang) -> str:
    """``"<what is wrong> (fix: <fix>)"`` in *lang*: every message's body."""
    return f"{reason.get(lang)} ({_FIX_WORD.get(lang)}: {fix.get(lang)})"


class LearnmeetError(Exception):
    """The base of every error learnmeet raises.

    Args:
        reason: What is wrong, in Danish and English.
        fix: How to put it right, in Danish and English.
        where: What the path starts from: the class whose value was refused
            (``"Meeting"``), ``"$"`` for a JSON document, or empty.
        path: The keys and indices from *where* to what was refused, e.g.
            ``("attendees", 2, "role")``.
        file_fix: How to put it right in a file (a JSON document, a TOML
            configuration), where *fix* says it in Python
            (``tzinfo=ZoneInfo(...)``); ``None`` when *fix* says it for both.

    Attributes:
        reason: What is wrong, as a :class:`Label`.
        fix: How to put it right, as a :class:`Label`.
        where: What :attr:`path` starts from.
        path: The structured path to what was refused.
        file_fix: How to put it right in a file, where that differs.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 Texts are :class:`Label` values given by
       keyword, the fix is bilingual, and the path is structured.
    .. versionchanged:: 0.3.0 *file_fix*.
    """

    def __init__(
        self,
        *,
        reason: Label,
        fix: Label,
        where: str = "",
        path: Iterable[PathKey] = (),
        file_fix: Label | None = None,
    ) -> None:
        self.reason = reason
        self.fix = fix
        self.where = where
        self.path: tuple[PathKey, ...] = _path(path)
        self.file_fix = file_fix
        super().__init__(self.message("en"))

    @property
    def location(self) -> str:
        """The path as text, e.g. ``"Meeting.attendees[2].role"``; may be empty."""
        return render_path(self.path, self.where)

    def message(self, lang: Lang = "en") -> str:
        """Return where, what is wrong and the fix, in Danish or English.

        Raises:
            InvalidValueError: *lang* is neither ``"da"`` nor ``"en"``.
        """
        lang = check_lang(lang)
        head = f"{self.location}: " if self.location else ""
        return head + reason_and_fix(self.reason, self.fix, lang)

    def __str__(self) -> str:
        return self.message("en")

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only arguments: rebuild from the instance's state, so an
        # error crossing a process boundary (a pool of workers) arrives whole.
        return (_restore, (type(self), self.__dict__.copy()))


def _restore(cls: type[LearnmeetError], state: dict[str, Any]) -> LearnmeetError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, error.message("en"))
    return error


class InvalidValueError(LearnmeetError, ValueError):
    """A value was refused at construction, or an argument by a function.

    .. versionadded:: 0.1.0
    """

    @property
    def field(self) -> str:
        """The name of the attribute or argument refused, e.g. ``"start"``.

        Empty where the problem concerns the whole value.
        """
        return next((key for key in self.path if isinstance(key, str)), "")


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
    number (``DDMMYY-XXXX``) is refused. The refused text is never repeated in
    the message.

    .. versionadded:: 0.1.0
    """


class UnknownCodeError(LearnmeetError, LookupError):
    """A catalogue was asked for a code it does not know.

    Args:
        kind: What was looked up, e.g. ``"profession"``.
        code: The unknown code.
        suggestions: The closest known codes, best first (may be empty).
        what: What was looked up, as people call it in Danish and English;
            defaults to *kind* in both.
        hint: What to do when no known code is close, in Danish and English.
        where: The method that looked it up, e.g. ``"Catalog.profession"``.
        path: The argument that held the code, e.g. ``("code",)``.

    Attributes:
        kind: What was looked up, e.g. ``"profession"``.
        code: The unknown code, with any CPR-like number in it as ``[CPR]``.
        suggestions: The closest known codes, best first (may be empty).

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        *,
        kind: str,
        code: str,
        suggestions: Iterable[str] = (),
        what: Label | None = None,
        hint: Label | None = None,
        where: str = "",
        path: Iterable[PathKey] = (),
    ) -> None:
        self.kind = kind
        self.code = redact(code)
        self.suggestions = tuple(suggestions)
        name = what or Label(da=kind, en=kind)
        code_shown = shown(code)
        hint = hint or Label(
            da="ret stavningen af koden", en="check the spelling of the code"
        )
        if self.suggestions:
            quoted = shown_all(self.suggestions)
            fix = Label(
                da=f"mente du {quoted.da}? Ellers: {hint.da}",
                en=f"did you mean {quoted.en}? Otherwise: {hint.en}",
            )
        else:
            fix = hint
        super().__init__(
            reason=Label(
                da=f"ukendt kode {code_shown.da} ({name.da})",
                en=f"unknown {name.en} code {code_shown.en}",
            ),
            fix=fix,
            where=where,
            path=path,
        )


def _path(keys: Iterable[PathKey]) -> tuple[PathKey, ...]:
    """A path as an error keeps it: each key as a message may show it.

    A key is whatever the input held, so it is kept redacted and cut to 40
    characters and ``…``, as :func:`render_path` shows it: the error's
    ``repr``, a pickled copy or a log of its problems repeats no CPR number
    and no long key either.
    """
    return tuple(key if isinstance(key, int) else _path_key(key) for key in keys)


def _path_key(key: object) -> str:
    text = redact(str(key))
    return text if len(text) <= _SHOWN_LENGTH else text[:_SHOWN_LENGTH] + "…"


@attrs.frozen(kw_only=True)
class DataProblem:
    """One problem found in input data: where it is, what is wrong, the fix.

    >>> problem = DataProblem(
    ...     path=("attendees", 2, "role"),
    ...     reason=Label(da="ukendt rolle", en="unknown role"),
    ...     fix=Label(da="brug 'participant'", en="use 'participant'"),
    ... )
    >>> problem.json_path
    '$.attendees[2].role'
    >>> problem.message("en")
    "$.attendees[2].role: unknown role (fix: use 'participant')"

    Attributes:
        path: The keys and indices from the document's data to the bad
            element, e.g. ``("attendees", 2, "role")``.
        reason: What is wrong, in Danish and English.
        fix: How to put it right, in Danish and English.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 A structured *path*, and a bilingual *fix*.
    """

    path: tuple[PathKey, ...] = attrs.field(converter=_path)
    reason: Label
    fix: Label

    @property
    def json_path(self) -> str:
        """The path as JSONPath text, e.g. ``"$.attendees[2].role"``."""
        return render_path(self.path)

    def message(self, lang: Lang = "en") -> str:
        """Return ``"<path>: <what is wrong> (fix: <fix>)"`` in *lang*."""
        lang = check_lang(lang, where="DataProblem.message")
        return f"{self.json_path}: {reason_and_fix(self.reason, self.fix, lang)}"


def _problems_head(count: int) -> Label:
    return Label(
        da=f"{count} problem{'er' if count != 1 else ''} i inputdata",
        en=f"{count} problem{'s' if count != 1 else ''} in the input data",
    )


class InvalidDataError(LearnmeetError, ValueError):
    """Input data (JSON, a scenario file) could not be turned into values.

    Every problem found is listed, each with its JSON path, so a whole file can be
    fixed in one go. Nothing is half-built: no value is returned when any problem
    is found.

    Args:
        problems: Every problem, in document order.

    Attributes:
        problems: Every problem, in document order.
        errors: The problems as ``"<path>: <message>"`` strings, in English.

    .. versionadded:: 0.1.0
    """

    def __init__(self, problems: Sequence[DataProblem]) -> None:
        self.problems = tuple(problems)
        self.errors = tuple(p.message("en") for p in self.problems)
        super().__init__(
            reason=_problems_head(len(self.problems)),
            fix=Label(
                da="ret hvert problem på den sti, det står ved",
                en="correct each problem at the path it is listed with",
            ),
        )

    def message(self, lang: Lang = "en") -> str:
        """Return a head line and every problem on a line of its own."""
        lang = check_lang(lang)
        head = f"{self.reason.get(lang)}:"
        return "\n".join([head, *(f"  {p.message(lang)}" for p in self.problems)])

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems,))


class MeetingRulesError(LearnmeetError, ValueError):
    """A meeting breaks rules of severity error, and the caller asked to raise.

    Validation itself never raises: :func:`learnmeet.validate` returns a report,
    and ``report.raise_for_errors()`` raises this.

    Args:
        report: The report with the errors.

    Attributes:
        report: The :class:`~learnmeet.Report` with every violation.

    .. versionadded:: 0.1.0
    """

    def __init__(self, *, report: Report) -> None:
        self.report = report
        super().__init__(
            reason=Label(
                da="mødet bryder regler af alvorlighed fejl",
                en="the meeting breaks rules of severity error",
            ),
            fix=Label(
                da="ret hver fejl i rapporten; hver linje siger hvordan",
                en="correct each error in the report; each line says how",
            ),
        )

    def message(self, lang: Lang = "en") -> str:
        """Return the report, one violation a line, each with its fix."""
        return self.report.render(check_lang(lang))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore_rules, (type(self), self.report))


def _restore_rules(cls: type[MeetingRulesError], report: Report) -> MeetingRulesError:
    return cls(report=report)


class CycleOrderError(LearnmeetError, ValueError):
    """A step was taken out of order in a reflection cycle.

    A :class:`~learnmeet.ReflectionCycle` keeps its phases in order: nothing is
    concluded before it has been described, actions are agreed in an action
    phase, and a cycle closes with open actions only when they are carried to
    the next meeting. The refused step leaves the cycle as it was.

    .. versionadded:: 0.1.0
    """
