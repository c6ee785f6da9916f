"""Meeting formats (mødeformer) and their requirements, kept as data.

A format's requirements are plain values, not code: the rules layer compiles them
into checks, and a municipality can change a threshold (say, the share of
participants from outside the citizen's care team) by making a new format value
with :func:`attrs.evolve`, without touching the library.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

import attrs

from learnmeet.exceptions import InvalidValueError, shown
from learnmeet.model._arguments import checked
from learnmeet.model._checks import (
    each,
    identifier,
    instance_of,
    non_negative_int,
    optional,
    optional_identifier,
    pair,
    refuse,
    to_tuple,
    unique,
)
from learnmeet.model._labels import Label, LabelledEnum
from learnmeet.model._people import Profession, Professional, StaffRole, completed
from learnmeet.model._reprs import fields_shown, known_as
from learnmeet.model._time import positive_duration

__all__ = ["FictionalCase", "FormatRequirements", "MeetingFormat"]


class FictionalCase(LabelledEnum):
    """What a format makes of a fictional case.

    The Esbjerg course days used fictional cases and gave little, so formats
    built around a concrete course of care refuse them, and course days flag
    them.

    .. versionadded:: 0.1.0
    """

    ALLOWED = "allowed", Label(da="tilladt", en="allowed")
    FLAGGED = "flagged", Label(da="tilladt, men markeret", en="allowed but flagged")
    REFUSED = "refused", Label(da="ikke tilladt", en="refused")


def _optional_count(
    instance: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    if value is not None:
        non_negative_int(instance, attribute, value)


def _share(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not (0.0 <= value <= 1.0)
    ):
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=Label(
                da="forventede en andel mellem 0 og 1",
                en="expected a share between 0 and 1",
            ),
            fix=Label(da="giv en andel som 0.5", en="give a share such as 0.5"),
        )


_BOOL = instance_of(bool)


def _courses(
    value: Mapping[str, str] | Iterable[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    """The courses by profession as pairs in order of the key, from a mapping too."""
    given: object = value
    if isinstance(given, Mapping):
        return tuple(sorted(given.items()))
    converted: Any = to_tuple(value)
    if isinstance(converted, tuple):
        try:
            return tuple(sorted(converted))
        except TypeError:  # items of mixed kinds: each() names the odd one
            return converted
    return converted  # type: ignore[no-any-return]


@fields_shown
@attrs.frozen(kw_only=True)
class FormatRequirements:
    """What a meeting of a format needs, as data.

    Counts are inclusive; ``None`` means no limit.

    Attributes:
        min_professions: Fewest distinct professions among the professionals.
        max_professions: Most distinct professions (1 for a monoprofessional
            course).
        min_sectors: Fewest distinct sectors among the professionals.
        min_attendees: Fewest attendees of any kind.
        max_attendees: Most attendees of any kind (a course's capacity).
        min_fill: Fewest enrolled for a course session to be worth running.
        case_required: Whether the meeting must be about a citizen case.
        fictional_case: What a fictional case means for this format.
        consent_required: Whether a case needs current consent for learning.
        transition_required: Whether the case must contain a transition.
        citizen_present: Whether the case's citizen must attend.
        at_citizen_home: Whether the meeting is held in the citizen's home.
        reflection_required: Whether a reflection must be attached.
        facilitator_required: Whether an attendee must facilitate.
        host_required: Whether a host organisation must be named by a host.
        min_host_attendees: Fewest attendees from the host's organisation.
        max_outside_care_team_share: Largest share of professionals from outside
            the citizen's care team.
        prerequisite_course: A course code every professional must have
            completed — the one for a profession that has none of its own in
            *prerequisite_courses*, and one that stands for anyone's own
            course (what data recorded before there was a course per
            profession).
        cohort_by_area: Whether attendees go on the cohort of their own area.
        own_citizen: Whether a concrete case must be the participants' own
            citizen: someone taking part is in its care team and, for a
            meeting with a cohort, its care team works in the cohort's area
            (version 3).
        on_site: Whether the format's value is in being there, so that it
            should not be held online (version 3).
        required_role: The staff role every professional attending must hold
            (a leaders' network: leaders); whoever facilitates need not.
            ``None``: anyone may attend.
        facilitator_course: A course code whoever facilitates must have
            completed, e.g. :data:`~learnmeet.FACILITATOR_COURSE`; ``None``:
            not checked.

        max_profession_groups: Most distinct profession groups
            (:attr:`Profession.group_code <learnmeet.Profession.group_code>`):
            1 for a monoprofessional course, which a group of related
            professions (SOSU helpers and assistants) may share.
        prerequisite_courses: The course each profession must have completed,
            as pairs of a profession's code or group code and a course code;
            a mapping is taken too. A profession's own code comes before its
            group's; one in neither needs *prerequisite_course*. Another
            profession's course does not stand for one's own.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *own_citizen*, *on_site*, *required_role*,
       *facilitator_course*, *max_profession_groups* and *prerequisite_courses*
       (document version 3).
    """

    min_professions: int = attrs.field(default=0, validator=non_negative_int)
    max_professions: int | None = attrs.field(default=None, validator=_optional_count)
    min_sectors: int = attrs.field(default=0, validator=non_negative_int)
    min_attendees: int = attrs.field(default=1, validator=non_negative_int)
    max_attendees: int | None = attrs.field(default=None, validator=_optional_count)
    min_fill: int | None = attrs.field(default=None, validator=_optional_count)
    case_required: bool = attrs.field(default=False, validator=_BOOL)
    fictional_case: FictionalCase = attrs.field(
        default=FictionalCase.ALLOWED, validator=instance_of(FictionalCase)
    )
    consent_required: bool = attrs.field(default=False, validator=_BOOL)
    transition_required: bool = attrs.field(default=False, validator=_BOOL)
    citizen_present: bool = attrs.field(default=False, validator=_BOOL)
    at_citizen_home: bool = attrs.field(default=False, validator=_BOOL)
    reflection_required: bool = attrs.field(default=False, validator=_BOOL)
    facilitator_required: bool = attrs.field(default=False, validator=_BOOL)
    host_required: bool = attrs.field(default=False, validator=_BOOL)
    min_host_attendees: int = attrs.field(default=0, validator=non_negative_int)
    max_outside_care_team_share: float | None = attrs.field(
        default=None, validator=_share
    )
    prerequisite_course: str | None = attrs.field(
        default=None, validator=optional_identifier
    )
    cohort_by_area: bool = attrs.field(default=False, validator=_BOOL)
    own_citizen: bool = attrs.field(default=False, validator=_BOOL)
    on_site: bool = attrs.field(default=False, validator=_BOOL)
    required_role: StaffRole | None = attrs.field(
        default=None, validator=optional(instance_of(StaffRole))
    )
    facilitator_course: str | None = attrs.field(
        default=None, validator=optional_identifier
    )
    max_profession_groups: int | None = attrs.field(
        default=None, validator=_optional_count
    )
    prerequisite_courses: tuple[tuple[str, str], ...] = attrs.field(
        default=(),
        converter=_courses,
        validator=[
            each(pair(identifier, identifier)),
            unique(lambda p: p[0], what=Label(da="faggruppen", en="the profession")),
        ],
    )

    @checked
    def prerequisite_for(self, profession: Profession | None) -> str | None:
        """The course someone of *profession* must have completed, if any.

        The course of the profession's code in *prerequisite_courses*, else
        of its group, else *prerequisite_course*. A volunteer (no profession)
        needs *prerequisite_course* too.
        """
        return self._course_for(profession)

    @functools.cached_property
    def _courses(self) -> dict[str, str]:
        """*prerequisite_courses* as a lookup, made once per requirements."""
        return dict(self.prerequisite_courses)

    def _course_for(self, profession: Profession | None) -> str | None:
        """:meth:`prerequisite_for`, for calls whose argument is known good."""
        if profession is not None and self.prerequisite_courses:
            courses = self._courses
            found = courses.get(profession.code) or courses.get(profession.group_code)
            if found is not None:
                return found
        return self.prerequisite_course

    @checked
    def missing_prerequisite(
        self, professional: Professional, on: date | None = None
    ) -> str | None:
        """The course *professional* must still complete, or ``None``.

        Their own course (:meth:`prerequisite_for`) is asked for; the
        general *prerequisite_course* stands for it, as a record made
        before each profession had its own course says "completed their
        monoprofessional course". Each is asked of
        :meth:`Professional.has_completed
        <learnmeet.Professional.has_completed>` on the day *on* (the course
        day's date): a completion that has expired by then does not count.

        .. versionchanged:: 0.3.0 *on*.
        """
        return self._missing_on(professional, on)

    def _missing_on(self, professional: Professional, on: date | None) -> str | None:
        need = self._course_for(professional.profession)
        if need is None or completed(professional, need, on):
            return None
        general = self.prerequisite_course
        if general is not None and completed(professional, general, on):
            return None
        return need

    @property
    def has_prerequisite(self) -> bool:
        """Whether anyone must have completed a course to take part."""
        return self.prerequisite_course is not None or bool(self.prerequisite_courses)

    def __attrs_post_init__(self) -> None:
        for low, high in (
            ("min_professions", "max_professions"),
            ("min_attendees", "max_attendees"),
            ("min_fill", "max_attendees"),
        ):
            lo: int | None = getattr(self, low)
            hi: int | None = getattr(self, high)
            if lo is not None and hi is not None and lo > hi:
                high_shown, low_shown = shown(hi).en, shown(lo).en
                raise InvalidValueError(
                    reason=Label(
                        da=f"{high} ({shown(hi).da}) er mindre end {low} "
                        f"({shown(lo).da})",
                        en=f"{high} ({high_shown}) is below {low} ({low_shown})",
                    ),
                    fix=Label(
                        da=f"hæv {high} eller sænk {low}",
                        en=f"raise {high} or lower {low}",
                    ),
                    where="FormatRequirements",
                    path=(high,),
                )


@known_as(lambda f: f.code)
@attrs.frozen(kw_only=True)
class MeetingFormat:
    """A meeting format (mødeform) such as a learning meeting or an audit.

    The built-in formats are in :mod:`learnmeet.catalog`; make your own with
    this class and add them to a :class:`~learnmeet.Catalog`.

    Attributes:
        code: A stable code, e.g. ``"learning_meeting"``.
        label: The name in Danish and English.
        description: What the format is for, in Danish and English.
        is_learning: Whether the format is meant to produce learning (an
            operational meeting is not, until reflection is attached).
        cross_sectoral: Whether the format is by nature cross-sectoral.
        default_duration: The usual length of a meeting of this format.
        requirements: What a meeting of this format needs.

    .. versionadded:: 0.1.0
    """

    code: str = attrs.field(validator=identifier)
    label: Label = attrs.field(validator=instance_of(Label))
    description: Label = attrs.field(validator=instance_of(Label))
    is_learning: bool = attrs.field(default=True, validator=_BOOL)
    cross_sectoral: bool = attrs.field(default=False, validator=_BOOL)
    default_duration: timedelta = attrs.field(
        default=timedelta(minutes=60), validator=positive_duration
    )
    requirements: FormatRequirements = attrs.field(
        factory=FormatRequirements, validator=instance_of(FormatRequirements)
    )


def missing_on(
    requirements: FormatRequirements, professional: Professional, on: date | None
) -> str | None:
    """:meth:`FormatRequirements.missing_prerequisite`, arguments known good.

    For the rules and planners that ask it of every person of a pool.
    """
    return requirements._missing_on(professional, on)
