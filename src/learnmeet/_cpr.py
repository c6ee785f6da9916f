"""The CPR detector: what looks like a Danish CPR number, and its redaction.

The one place that decides what is shaped like a CPR number, for every text
learnmeet accepts and every message it writes: :func:`holds_cpr` (public as
:func:`learnmeet.looks_like_cpr`) and :func:`redact`. Pure text functions; it
imports nothing of the package.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["holds_cpr", "redact"]

# Six digits that form a day (01-31) and a month (01-12) and two of a year,
# then four digits: the shape of a Danish CPR number. Between the pairs, and
# before the last four, may stand a run of up to three characters that are
# neither letters nor digits (dashes, dots, slashes, spaces, underscores,
# colons, any punctuation or symbol). The last four may also be split in two
# pairs ("12 34"), but only where no digit stands within a separator's reach
# on either side, so that a time stamp ("01.02.2026 09:30",
# "2026-03-01 09:00:00") is not read as one. It runs on the text after
# _normalised(), which has turned every Unicode digit, dash and space into its
# ASCII form and dropped what draws nothing.
#
# Linear by construction: a separator run never holds a digit and every run is
# followed by a digit, so each run can match in one way only, and the work at
# each start is bounded by a constant; no nested or unbounded quantifier.
_NOT_ALNUM = r"[\W_]"
_SEP = _NOT_ALNUM + "{0,3}"
# A lookbehind has a fixed width: one for each length of separator.
_NO_DIGIT_BEFORE = "".join(f"(?<![0-9]{_NOT_ALNUM * n})" for n in range(4))
_DATE = rf"(?:0[1-9]|[12][0-9]|3[01]){_SEP}(?:0[1-9]|1[0-2]){_SEP}[0-9]{{2}}{_SEP}"
_SPLIT_SERIAL = rf"[0-9]{{2}}{_NOT_ALNUM}{{1,3}}[0-9]{{2}}(?!{_SEP}[0-9])"
# Minutes, seconds and microseconds after an hour ("09:15:07.123456", as
# isoformat() writes a time) have the shape too: they are a time.
_NOT_A_TIME = r"(?!(?<=[0-9]:)[0-9]{2}:[0-9]{2}[.,][0-9]{6}(?![0-9]))"
# The time of an ISO 8601 / RFC 3339 date-time with its offset, as
# isoformat() writes it ("2025-01-08T03:01:00+01:00", RFC 9557 may add
# "[Europe/Copenhagen]"): hour, minute, second and a fraction (the last two
# may be left out, timespec="minutes"), and the offset
# (Z, or hours and minutes, a zone's local mean time with seconds too). Its
# "03:01:00+01:00" has a CPR number's shape; it is a time only right after a
# date with a four-digit year and "T" or a space, with every part in range
# and an offset, and where no digit follows within a separator's reach (so
# "2026-03-01 12:03:04-5678" is still read as a CPR number). "\x2b" is "+".
_SIXTY = "[0-5][0-9]"
_FRACTION = "(?:[.,][0-9]{1,9})?"
_OFFSET = rf"(?:[Zz]|[\x2b-](?:[01][0-9]|2[0-3]):{_SIXTY}(?::{_SIXTY}{_FRACTION})?)"
_ISO_TIME = rf"(?:[01][0-9]|2[0-3]):{_SIXTY}(?::(?:{_SIXTY}|60){_FRACTION})?{_OFFSET}"
_NOT_AN_ISO_TIME = (
    rf"(?!(?<=[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}[Tt ]){_ISO_TIME}(?!{_SEP}[0-9]))"
)
_CPR = re.compile(
    rf"{_NOT_A_TIME}{_NOT_AN_ISO_TIME}(?:(?<![0-9]){_DATE}[0-9]{{4}}(?![0-9])"
    rf"|{_NO_DIGIT_BEFORE}{_DATE}{_SPLIT_SERIAL})"
)
# Unicode's Default_Ignorable_Code_Point, as DerivedCoreProperties.txt of
# the Unicode Character Database lists it from Unicode 14.0 (which added
# U+180F) on: what a renderer shows as nothing when it has no glyph for it.
# Python's unicodedata has no API for the property, so the ranges are
# written out here.
_IGNORABLE = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
_DRAWS_NOTHING = re.compile(
    "[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _IGNORABLE) + "\u2800]"
)
"""A character the reader does not see: a default-ignorable code point, or
the braille blank (U+2800), which draws as an empty cell."""
_UNSEEN = frozenset({"Cf", "Mn", "Me"})
"""Categories that take no place of their own: format characters, and the
non-spacing and enclosing marks drawn on the character before them."""
_REDACTED = "[CPR]"


def _normalised(text: str) -> tuple[str, list[int]]:
    """*text* as the CPR check reads it, and where each character came from.

    Each non-ASCII character is read in its compatibility form (NFKC:
    fullwidth digits and punctuation become ASCII); a Unicode digit of any
    script becomes its ASCII digit, any dash ``-`` and any space `` ``; what
    draws nothing is dropped: a format character (zero-width space, soft
    hyphen, direction marks), any other default-ignorable code point
    (variation selectors, the combining grapheme joiner, Hangul fillers), the
    braille blank, and a combining mark, which is drawn on the character
    before it (a digit struck through or underlined is still that digit).
    """
    if text.isascii():
        return text, []
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for part in unicodedata.normalize("NFKC", char) if ord(char) > 127 else char:
            category = unicodedata.category(part)
            if category in _UNSEEN or _DRAWS_NOTHING.match(part):
                continue
            if category == "Nd":
                part = str(unicodedata.decimal(part))
            elif category == "Pd" or part == "\u2212":
                part = "-"
            elif category == "Zs":
                part = " "
            out.append(part)
            origin.append(index)
    return "".join(out), origin


def holds_cpr(text: str) -> bool:
    """Tell whether the text *text* holds something shaped like a CPR number.

    The rule :func:`learnmeet.looks_like_cpr` documents, without its check of
    the argument's type.
    """
    return _CPR.search(_normalised(text)[0]) is not None


def redact(text: str) -> str:
    """*text* with every CPR-like number in it replaced by ``[CPR]``.

    Every message that repeats something given to the library goes through
    this, so a refused value is never written back. It reads again until
    nothing is left: a number split in pairs that stood next to another one
    is seen once its neighbour is gone.
    """
    while True:
        normal, origin = _normalised(text)
        spans = [m.span() for m in _CPR.finditer(normal)]
        if not spans:
            return text
        out, last = [], 0
        for start, end in spans:
            if origin:
                start, end = origin[start], origin[end - 1] + 1
            out += [text[last:start], _REDACTED]
            last = end
        out.append(text[last:])
        text = "".join(out)
