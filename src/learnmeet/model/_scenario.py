"""A scenario: everything one municipality's plan is made from, in one value."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from learnmeet.exceptions import InvalidValueError, Label, shown
from learnmeet.model._arguments import checked
from learnmeet.model._availability import Absence, WorkingPattern
from learnmeet.model._cases import CitizenCase
from learnmeet.model._checks import each, instance_of, safe_text, to_tuple, unique
from learnmeet.model._cycle import ReflectionCycle
from learnmeet.model._forums import Forum
from learnmeet.model._lookup import find
from learnmeet.model._meetings import Meeting
from learnmeet.model._people import Area, Organisation, Professional, Unit
from learnmeet.model._programme import Programme

__all__ = ["Scenario"]


def _areas(items: Iterable[Area]) -> tuple[Area, ...]:
    return to_tuple(items)


def _organisations(items: Iterable[Organisation]) -> tuple[Organisation, ...]:
    return to_tuple(items)


def _units(items: Iterable[Unit]) -> tuple[Unit, ...]:
    return to_tuple(items)


def _professionals(items: Iterable[Professional]) -> tuple[Professional, ...]:
    return to_tuple(items)


def _cases(items: Iterable[CitizenCase]) -> tuple[CitizenCase, ...]:
    return to_tuple(items)


def _forums(items: Iterable[Forum]) -> tuple[Forum, ...]:
    return to_tuple(items)


def _meetings(items: Iterable[Meeting]) -> tuple[Meeting, ...]:
    return to_tuple(items)


def _patterns(items: Iterable[WorkingPattern]) -> tuple[WorkingPattern, ...]:
    return to_tuple(items)


def _absences(items: Iterable[Absence]) -> tuple[Absence, ...]:
    return to_tuple(items)


def _programmes(items: Iterable[Programme]) -> tuple[Programme, ...]:
    return to_tuple(items)


def _cycles(items: Iterable[ReflectionCycle]) -> tuple[ReflectionCycle, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class Scenario:
    """The people, places, cases, forums and meetings of one municipality's plan.

    Every collection lists each identifier once. The synthetic sample municipality
    of ``learnmeet demo`` is a scenario; so is a municipality's own data file.

    Attributes:
        name: The scenario's name, e.g. the municipality's.
        areas: The municipality's areas (districts).
        organisations: The organisations: the municipality, hospitals,
            practices.
        units: The units of the organisations.
        professionals: The staff list.
        cases: The citizens' courses of care.
        forums: The existing, recurring meetings learning is attached to.
        meetings: The meetings held or planned.
        working_patterns: The professionals' own shifts and days off, at
            most one pattern per professional of the staff list; the others
            work their unit's hours.
        absences: Leave, sickness and courses of professionals of the staff
            list.
        programmes: The funded programmes (puljer) the plan belongs to,
            written only when there is one (version 3).
        cycles: The reflection cycles of the scenario's meetings: what was
            said, learned and agreed, with the actions' owners — written
            only when there is one (version 4). A contribution's person and
            an action's owner are people the scenario knows:
            ``professional:<id>`` of the staff list, or ``citizen:<pseudonym>``
            / ``relative:<id>`` of one of its cases; anyone else is refused
            at its path. A cycle's *meeting* is its id as the cycle was
            held, normally one of *meetings* or a forum's occurrence
            ``"<forum id>-<n>"`` (as ``learnmeet demo`` names them), and is
            not looked up: the learning outlives the meeting in a file that
            keeps only this year's meetings, or in a plan's scenario
            (:meth:`PeriodPlan.as_scenario
            <learnmeet.PeriodPlan.as_scenario>`), which has its planned
            meetings in place of the held ones.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``working_patterns`` and ``absences``.
    .. versionchanged:: 0.3.0 ``programmes``.
    .. versionchanged:: 0.3.0 ``cycles``.
    """

    name: str = attrs.field(validator=safe_text)
    areas: tuple[Area, ...] = attrs.field(
        default=(),
        converter=_areas,
        validator=[
            each(instance_of(Area)),
            unique(
                lambda a: a.code,
                what=Label(da="området", en="the area"),
                # A document names an area by its code (docs/json.md).
                fix=Label(
                    da="skriv hvert område kun én gang; har to kommuner et område "
                    "med samme kode, så giv hver sin kode, f.eks. 'a-nord' og "
                    "'b-nord'",
                    en="list each area only once; when two municipalities have "
                    "an area of the same code, give each its own code, e.g. "
                    "'a-nord' and 'b-nord'",
                ),
            ),
        ],
    )
    organisations: tuple[Organisation, ...] = attrs.field(
        default=(),
        converter=_organisations,
        validator=[
            each(instance_of(Organisation)),
            unique(
                lambda o: o.id, what=Label(da="organisationen", en="the organisation")
            ),
        ],
    )
    units: tuple[Unit, ...] = attrs.field(
        default=(),
        converter=_units,
        validator=[
            each(instance_of(Unit)),
            unique(lambda u: u.id, what=Label(da="enheden", en="the unit")),
        ],
    )
    professionals: tuple[Professional, ...] = attrs.field(
        default=(),
        converter=_professionals,
        validator=[
            each(instance_of(Professional)),
            unique(lambda p: p.id, what=Label(da="fagpersonen", en="the professional")),
        ],
    )
    cases: tuple[CitizenCase, ...] = attrs.field(
        default=(),
        converter=_cases,
        validator=[
            each(instance_of(CitizenCase)),
            unique(lambda c: c.id, what=Label(da="borgerforløbet", en="the case")),
        ],
    )
    forums: tuple[Forum, ...] = attrs.field(
        default=(),
        converter=_forums,
        validator=[
            each(instance_of(Forum)),
            unique(lambda f: f.id, what=Label(da="mødeforummet", en="the forum")),
        ],
    )
    meetings: tuple[Meeting, ...] = attrs.field(
        default=(),
        converter=_meetings,
        validator=[
            each(instance_of(Meeting)),
            unique(lambda m: m.id, what=Label(da="mødet", en="the meeting")),
        ],
    )
    working_patterns: tuple[WorkingPattern, ...] = attrs.field(
        default=(),
        converter=_patterns,
        validator=[
            each(instance_of(WorkingPattern)),
            unique(
                lambda w: w.professional,
                what=Label(
                    da="arbejdsmønsteret for fagpersonen",
                    en="the working pattern of the professional",
                ),
            ),
        ],
    )
    absences: tuple[Absence, ...] = attrs.field(
        default=(),
        converter=_absences,
        validator=each(instance_of(Absence)),
    )
    programmes: tuple[Programme, ...] = attrs.field(
        default=(),
        converter=_programmes,
        validator=[
            each(instance_of(Programme)),
            unique(lambda p: p.id, what=Label(da="programmet", en="the programme")),
        ],
    )
    cycles: tuple[ReflectionCycle, ...] = attrs.field(
        default=(),
        converter=_cycles,
        validator=each(instance_of(ReflectionCycle)),
    )

    def __attrs_post_init__(self) -> None:
        staff = {p.id for p in self.professionals}
        for name in ("working_patterns", "absences"):
            held: tuple[WorkingPattern | Absence, ...] = getattr(self, name)
            for n, item in enumerate(held):
                if item.professional not in staff:
                    got = shown(item.professional)
                    raise InvalidValueError(
                        reason=Label(
                            da=f"fagpersonen {got.da} er ikke på personalelisten",
                            en=f"the professional {got.en} is not on the staff list",
                        ),
                        fix=Label(
                            da="brug id'et på en af scenariets fagpersoner",
                            en="use the id of one of the scenario's professionals",
                        ),
                        where="Scenario",
                        path=(name, n, "professional"),
                    )
        if self.cycles:
            self._check_cycles(staff)

    def _check_cycles(self, staff: set[str]) -> None:
        """Each cycle names people the scenario knows."""
        people = {f"professional:{p}" for p in staff}
        for case in self.cases:
            people.add(case.citizen.key)
            people.update(r.key for r in case.relatives)
        for n, cycle in enumerate(self.cycles):
            named = [
                *(
                    (("contributions", i, "person"), c.person)
                    for i, c in enumerate(cycle.contributions)
                ),
                *(
                    (("actions", i, "owner"), a.owner)
                    for i, a in enumerate(cycle.actions)
                ),
            ]
            for path, key in named:
                if key not in people:
                    got = shown(key)
                    raise InvalidValueError(
                        reason=Label(
                            da=f"personen {got.da} er hverken på personalelisten "
                            "eller borger eller pårørende i et af scenariets forløb",
                            en=f"the person {got.en} is neither on the staff list "
                            "nor the citizen or a relative of one of the "
                            "scenario's cases",
                        ),
                        fix=Label(
                            da="skriv personens nøgle, f.eks. 'professional:p-001' "
                            "for en fagperson på personalelisten",
                            en="write the person's key, e.g. 'professional:p-001' "
                            "for a professional of the staff list",
                        ),
                        where="Scenario",
                        path=("cycles", n, *path),
                    )

    @checked
    def professional(self, id: str) -> Professional:
        """Return the professional with identifier *id*.

        Raises:
            UnknownCodeError: No professional has that identifier.
        """
        return find(
            "professional",
            id,
            {p.id: p for p in self.professionals},
            what=Label(da="fagperson", en="professional"),
            where="Scenario.professional",
            argument="id",
        )

    @checked
    def case(self, id: str) -> CitizenCase:
        """Return the citizen case with identifier *id*.

        Raises:
            UnknownCodeError: No case has that identifier.
        """
        return find(
            "case",
            id,
            {c.id: c for c in self.cases},
            what=Label(da="borgerforløb", en="case"),
            where="Scenario.case",
            argument="id",
        )

    @checked
    def forum(self, id: str) -> Forum:
        """Return the forum with identifier *id*.

        Raises:
            UnknownCodeError: No forum has that identifier.
        """
        return find(
            "forum",
            id,
            {f.id: f for f in self.forums},
            what=Label(da="mødeforum", en="forum"),
            where="Scenario.forum",
            argument="id",
        )
