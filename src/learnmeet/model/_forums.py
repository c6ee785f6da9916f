"""Existing forums (eksisterende mødefora): the recurring meetings staff already hold.

The Esbjerg project's lesson — *Gør drift til udvikling*, make everyday work a
place for development — is to put learning into these meetings instead of
separate course days that cannot be filled. A :class:`Forum` records such a
meeting: who meets, where, and how often (an RFC 5545 recurrence rule).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from learnmeet.exceptions import InvalidValueError, Label
from learnmeet.model._checks import (
    each,
    identifier,
    instance_of,
    refuse,
    safe_text,
    to_tuple,
    unique,
)
from learnmeet.model._people import Professional, Unit
from learnmeet.model._rrule import WRITE_A_RULE, check_rule
from learnmeet.model._time import (
    ZONED_IN_A_FILE,
    aware_datetime,
    ends_in_the_years,
    positive_duration,
)

__all__ = ["WRITE_A_RULE", "Forum"]


def _in_a_zone(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse a fixed offset: a forum meets at local time, summer and winter."""
    if not isinstance(value.tzinfo, ZoneInfo):
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=Label(
                da="et mødeforum skal have en IANA-zone for at holde sin lokale tid "
                "hen over sommertid, ikke en fast forskydning",
                en="a forum needs an IANA zone to keep its local time across "
                "summer time, not a fixed offset",
            ),
            fix=Label(
                da="brug tzinfo=ZoneInfo('Europe/Copenhagen')",
                en="use tzinfo=ZoneInfo('Europe/Copenhagen')",
            ),
            file_fix=ZONED_IN_A_FILE,
        )


def _recurrence(instance: Forum, attribute: attrs.Attribute[Any], value: Any) -> None:
    # The first start has passed its own checks: attrs runs the validators in
    # the order of the fields. The rule is read, limited and walked to its
    # first occurrence as a Series would, so what a forum takes plans.
    check_rule(
        value,
        instance.first_start,
        where=type(instance).__name__,
        path=(attribute.name,),
    )


def _members(items: Iterable[Professional]) -> tuple[Professional, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class Forum:
    """An existing, recurring operational meeting that learning can be attached to.

    Attributes:
        id: A stable identifier.
        name: What the forum is called, e.g. "Tirsdagsmøde, hjemmeplejen Nord".
        unit: The unit that holds the forum.
        members: The professionals who take part.
        first_start: The start of the first meeting; aware, in an IANA zone
            (the forum keeps its local time across summer time).
        duration: How long each meeting lasts.
        recurrence: An RFC 5545 recurrence rule, e.g. ``"FREQ=WEEKLY;BYDAY=TU"``:
            the rule's parts only, read and limited as a
            :class:`~learnmeet.Series` reads its rule — DAILY to YEARLY, at most
            five times a day, COUNT up to 10,000, its first meeting within
            ten years of *first_start* (see the planning guide's limits).

    Raises:
        InvalidValueError: A field is refused; a recurrence rule that planning
            could not expand is refused here, with why and how to write one.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 The recurrence is checked with the limits of
       :class:`~learnmeet.Series`, and *first_start* must be in an IANA zone.
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
    first_start: datetime = attrs.field(validator=[aware_datetime, _in_a_zone])
    duration: timedelta = attrs.field(
        validator=[positive_duration, ends_in_the_years("first_start")]
    )
    recurrence: str = attrs.field(validator=_recurrence)
