"""Existing forums (eksisterende mødefora): the recurring meetings staff already hold.

The Esbjerg project's lesson — *Gør drift til udvikling*, turn operations into
development — is to put learning into these meetings instead of separate course
days that cannot be filled. A :class:`Forum` records such a meeting: who meets,
where, and how often (an RFC 5545 recurrence rule).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

import attrs
from dateutil.rrule import rrulestr

from learnmeet.exceptions import InvalidValueError, Label
from learnmeet.model._checks import (
    aware_datetime,
    each,
    identifier,
    instance_of,
    positive_duration,
    refuse,
    safe_text,
    unique,
)
from learnmeet.model._people import Professional, Unit

__all__ = ["WRITE_A_RULE", "Forum"]


WRITE_A_RULE = Label(
    da="skriv fx 'FREQ=WEEKLY;BYDAY=TU' eller 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH'",
    en="write e.g. 'FREQ=WEEKLY;BYDAY=TU' or 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH'",
)
"""How to write a recurrence rule: the fix of every refused one."""


def _recurrence_problem(value: object) -> Label | None:
    if not isinstance(value, str) or not value.strip():
        return Label(
            da="forventede en gentagelsesregel (RFC 5545)",
            en="expected a recurrence rule (RFC 5545)",
        )
    if value.upper().startswith(("RRULE:", "DTSTART")) or "\n" in value:
        return Label(
            da="giv kun reglens dele, uden 'RRULE:' eller 'DTSTART'",
            en="give only the rule's parts, without 'RRULE:' or 'DTSTART'",
        )
    try:
        rrulestr(value)
    except (ValueError, TypeError, KeyError, IndexError):
        return Label(
            da="er ikke en gyldig gentagelsesregel (RFC 5545)",
            en="is not a valid recurrence rule (RFC 5545)",
        )
    return None


def _recurrence(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    problem = _recurrence_problem(value)
    if problem is not None:
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=problem,
            fix=WRITE_A_RULE,
        )


def _members(items: Iterable[Professional]) -> tuple[Professional, ...]:
    return tuple(items)


@attrs.frozen(kw_only=True)
class Forum:
    """An existing, recurring operational meeting that learning can be attached to.

    Attributes:
        id: A stable identifier.
        name: What the forum is called, e.g. "Tirsdagsmøde, hjemmeplejen Nord".
        unit: The unit that holds the forum.
        members: The professionals who take part.
        first_start: The start of the first meeting; aware.
        duration: How long each meeting lasts.
        recurrence: An RFC 5545 recurrence rule, e.g. ``"FREQ=WEEKLY;BYDAY=TU"``.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=identifier)
    name: str = attrs.field(validator=safe_text)
    unit: Unit = attrs.field(validator=instance_of(Unit))
    members: tuple[Professional, ...] = attrs.field(
        default=(),
        converter=_members,
        validator=[
            each(instance_of(Professional)),
            unique(lambda p: p.id, what=Label(da="fagpersonen", en="the professional")),
        ],
    )
    first_start: datetime = attrs.field(validator=aware_datetime)
    duration: timedelta = attrs.field(validator=positive_duration)
    recurrence: str = attrs.field(validator=_recurrence)
