"""A planning configuration in TOML: settings, rules and catalogue in one file.

``learnmeet check --config planning.toml`` and ``learnmeet plan --config
planning.toml`` read the municipality's choices from a TOML file into a
:class:`PlanningConfig`: the :class:`~learnmeet.PlanningSettings` every plan
is placed by, the :class:`~learnmeet.RuleSet` the meetings are checked by and
the :class:`~learnmeet.Catalog` the formats come from. Every key is optional;
a file with none gives the defaults.

Every problem is reported at once, as for a JSON document: an unknown key, a
value of the wrong type, or a value the settings refuse is a
:class:`~learnmeet.DataProblem` whose path is the TOML key path
(``travel.default``, ``rooms[1].capacity``), with the reason and the fix in
Danish and English, in one :class:`~learnmeet.InvalidDataError`.

Python 3.11 reads TOML with :mod:`tomllib`; on Python 3.10 install
``learnmeet[toml]`` (``tomli``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from datetime import time, timedelta
from functools import partial
from typing import Any, TypeVar, get_args

import attrs

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.exceptions import (
    DataProblem,
    InvalidDataError,
    LearnmeetError,
    PathKey,
    shown,
)
from learnmeet.model._arguments import checked
from learnmeet.model._calendar import WorkingHours
from learnmeet.model._checks import instance_of
from learnmeet.model._formats import FormatRequirements, MeetingFormat
from learnmeet.model._labels import Label, LabelledEnum
from learnmeet.model._lookup import closest
from learnmeet.model._people import Discipline, Profession, Sector
from learnmeet.model._time import load_zone
from learnmeet.planning._settings import (
    Backend,
    Objective,
    PlanningSettings,
    Room,
    TravelTimes,
)
from learnmeet.rules._report import Severity
from learnmeet.rules._rule import RuleSet
from learnmeet.rules._validate import DEFAULT_RULES

__all__ = ["PlanningConfig", "read_config"]

T = TypeVar("T")
_Path = tuple[PathKey, ...]


@attrs.frozen(kw_only=True)
class PlanningConfig:
    """A municipality's planning choices, as read from a TOML file.

    Attributes:
        settings: Working hours, travel, breaks, rooms, hours to avoid, staff
            on duty, objective, backend, time limit and time zone.
        rules: The rules, some perhaps switched off or re-graded.
        catalog: The catalogue: the built-in one with the file's professions,
            sectors and formats added, and course sizes changed.

    .. versionadded:: 0.3.0
    """

    settings: PlanningSettings = attrs.field(
        factory=PlanningSettings, validator=instance_of(PlanningSettings)
    )
    rules: RuleSet = attrs.field(default=DEFAULT_RULES, validator=instance_of(RuleSet))
    catalog: Catalog = attrs.field(
        default=DEFAULT_CATALOG, validator=instance_of(Catalog)
    )


def _loads(text: str) -> dict[str, Any]:
    """The TOML *text* as a dict, by tomllib or (on Python 3.10) tomli.

    Raises:
        LearnmeetError: Python 3.10 without ``learnmeet[toml]``.
        InvalidDataError: The text is not TOML; the problem names the line.
    """
    if sys.version_info >= (3, 11):
        import tomllib as toml
    else:  # pragma: no cover - Python 3.10
        try:
            import tomli as toml  # type: ignore[import-not-found,unused-ignore]
        except ImportError:
            raise LearnmeetError(
                reason=Label(
                    da="Python 3.10 kan ikke læse TOML uden tomli",
                    en="Python 3.10 cannot read TOML without tomli",
                ),
                fix=Label(
                    da="installér learnmeet[toml], eller brug Python 3.11 eller nyere",
                    en="install learnmeet[toml], or use Python 3.11 or later",
                ),
                where="read_config",
            ) from None
    try:
        loaded: dict[str, Any] = toml.loads(text)
        return loaded
    except toml.TOMLDecodeError as exc:
        # The parser's own text is not shown: only where it stopped.
        found = re.search(r"line (\d+), column (\d+)", str(exc))
        at = Label(
            da=f" (linje {found[1]}, kolonne {found[2]})" if found else "",
            en=f" (line {found[1]}, column {found[2]})" if found else "",
        )
        raise InvalidDataError(
            problems=[
                DataProblem(
                    path=(),
                    reason=Label(
                        da=f"filen er ikke gyldig TOML{at.da}",
                        en=f"the file is not valid TOML{at.en}",
                    ),
                    fix=Label(
                        da='skriv nøgle = værdi, tekst i "anførselstegn", og '
                        "[tabeller] i skarpe parenteser",
                        en='write key = value, text in "quotes", and [tables] in '
                        "square brackets",
                    ),
                )
            ]
        ) from None


_ZONE = Label(
    da='skriv en regions IANA-zone, fx zone = "Europe/Copenhagen"',
    en='write a region\'s IANA zone, e.g. zone = "Europe/Copenhagen"',
)

_TYPE_NAMES = {
    str: Label(da="en tekst", en="a string"),
    int: Label(da="et helt tal", en="an integer"),
    float: Label(da="et tal", en="a number"),
    bool: Label(da="true eller false", en="true or false"),
    list: Label(da="en liste [...]", en="an array [...]"),
    dict: Label(da="en tabel", en="a table"),
}


class _Reader:
    """Reads the parsed TOML, collecting every problem with its key path."""

    def __init__(self) -> None:
        self.problems: list[DataProblem] = []

    def problem(self, path: _Path, reason: Label, fix: Label) -> None:
        self.problems.append(DataProblem(path=path, reason=reason, fix=fix))

    def refused(self, path: _Path, exc: LearnmeetError) -> None:
        """A value's refusal, at *path* and the path inside the value.

        Its fix is the one for a file, where the value's own speaks Python.
        """
        self.problem((*path, *exc.path), exc.reason, exc.file_fix or exc.fix)

    def table(
        self, value: object, path: _Path, keys: tuple[str, ...]
    ) -> dict[str, Any]:
        """*value* as a table whose keys are among *keys*; unknown keys refused."""
        if not isinstance(value, dict):
            self.wrong(path, value, dict)
            return {}
        for key in value:
            if key not in keys:
                near = closest(key, list(keys))
                self.problem(
                    (*path, key),
                    Label(da="ukendt nøgle", en="unknown key"),
                    Label(da=f"mente du {near[0]!r}?", en=f"did you mean {near[0]!r}?")
                    if near
                    else Label(
                        da=f"fjern den; nøglerne her er {', '.join(keys)}",
                        en=f"remove it; the keys here are {', '.join(keys)}",
                    ),
                )
        return {k: v for k, v in value.items() if k in keys}

    def wrong(self, path: _Path, value: object, *expected: type[Any]) -> None:
        what = [_TYPE_NAMES[t] for t in expected]
        got = _TYPE_NAMES.get(
            type(value), Label(da="en anden værdi", en="another value")
        )
        self.problem(
            path,
            Label(
                da=f"forventede {' eller '.join(w.da for w in what)}, fik {got.da}",
                en=f"expected {' or '.join(w.en for w in what)}, got {got.en}",
            ),
            Label(da=f"skriv {what[0].da} her", en=f"write {what[0].en} here"),
        )

    def typed(self, value: object, path: _Path, kind: type[T]) -> T | None:
        """*value* if it is of *kind* (an int counts as a float, a bool as neither)."""
        if isinstance(value, bool) and kind is not bool:
            self.wrong(path, value, kind)
            return None
        if kind is float and isinstance(value, int):
            return float(value)  # type: ignore[return-value]
        if not isinstance(value, kind):
            self.wrong(path, value, kind)
            return None
        return value

    def clock(self, value: object, path: _Path) -> time | None:
        """A local time written ``"HH:MM"`` (or a TOML local time)."""
        if isinstance(value, time):
            return value
        text = self.typed(value, path, str)
        if text is None:
            return None
        if re.fullmatch(r"[0-9]{2}:[0-9]{2}", text):
            try:
                return time.fromisoformat(text)
            except ValueError:
                pass
        self.problem(
            path,
            Label(
                da=f"{shown(text).da} er ikke et klokkeslæt",
                en=f"{shown(text).en} is not a time of day",
            ),
            Label(da='skriv fx "08:00"', en='write e.g. "08:00"'),
        )
        return None

    def span(self, value: object, path: _Path) -> tuple[time, time] | None:
        """Two local times ``["07:00", "09:30"]``."""
        items = self.typed(value, path, list)
        if items is None:
            return None
        if len(items) != 2:
            self.problem(
                path,
                Label(da="forventede to klokkeslæt", en="expected two times of day"),
                Label(da='skriv ["07:00", "09:30"]', en='write ["07:00", "09:30"]'),
            )
            return None
        first, second = (self.clock(v, (*path, i)) for i, v in enumerate(items))
        return None if first is None or second is None else (first, second)

    def minutes(
        self, value: object, path: _Path, *, within_a_day: bool = False
    ) -> timedelta | None:
        """A whole number of minutes, as a duration (0 to 1,440 if *within_a_day*).

        A time between places or meetings is checked here, at its own key,
        so a refusal names the key the file has (``travel.legs[0].minutes``).
        """
        number = self.typed(value, path, int)
        if number is None:
            return None
        if within_a_day and not 0 <= number <= 24 * 60:
            self.problem(
                path,
                Label(
                    da="tiden skal være fra 0 minutter til et døgn",
                    en="the time must be from 0 minutes to one day",
                ),
                Label(
                    da="skriv et helt antal minutter fra 0 til 1440, fx 30",
                    en="write a whole number of minutes from 0 to 1440, e.g. 30",
                ),
            )
            return None
        return timedelta(minutes=number)

    def code(self, value: object, path: _Path, enum: type[LabelledEnumT]) -> Any:
        text = self.typed(value, path, str)
        if text is None:
            return None
        try:
            return enum(text)
        except LearnmeetError as exc:
            self.problem(path, exc.reason, exc.fix)
            return None

    def label(self, value: object, path: _Path) -> Label | None:
        """A Danish and English text: ``{ da = "...", en = "..." }``."""
        found = self.table(value, path, ("da", "en"))
        da = self.typed(found.get("da"), (*path, "da"), str) if "da" in found else None
        en = self.typed(found.get("en"), (*path, "en"), str) if "en" in found else None
        if isinstance(value, dict) and (da is None or en is None):
            if "da" not in found or "en" not in found:
                self.problem(
                    path,
                    Label(
                        da="en tekst skal have både da og en",
                        en="a text needs both da and en",
                    ),
                    Label(
                        da='skriv { da = "...", en = "..." }',
                        en='write { da = "...", en = "..." }',
                    ),
                )
            return None
        if da is None or en is None:
            return None
        return self.build(path, lambda: Label(da=da, en=en))

    def build(self, path: _Path, make: Callable[[], T]) -> T | None:
        """``make()``, or ``None`` with its refusal told at *path*."""
        try:
            return make()
        except LearnmeetError as exc:
            self.refused(path, exc)
            return None


LabelledEnumT = TypeVar("LabelledEnumT", bound=LabelledEnum)

_TOP = (
    "zone",
    "hours",
    "unit_hours",
    "travel",
    "break_between",
    "rooms",
    "avoid",
    "min_on_duty",
    "unit_min_on_duty",
    "objective",
    "preferred",
    "backend",
    "time_limit",
    "rules",
    "course_day",
    "catalog",
)
"""The keys of the file's top level, in the order the docs explain them."""


def _hours(reader: _Reader, value: object, path: _Path) -> WorkingHours | None:
    found = reader.table(value, path, ("start", "end", "weekdays"))
    given: dict[str, Any] = {}
    for key in ("start", "end"):
        if key in found:
            given[key] = reader.clock(found[key], (*path, key))
    if "weekdays" in found:
        days = reader.typed(found["weekdays"], (*path, "weekdays"), list)
        if days is not None:
            given["weekdays"] = [
                reader.typed(d, (*path, "weekdays", i), int) for i, d in enumerate(days)
            ]
    if None in given.values() or None in given.get("weekdays", ()):
        return None
    return reader.build(path, lambda: WorkingHours(**given))


def _settings(reader: _Reader, found: dict[str, Any]) -> dict[str, Any]:
    """The keyword arguments of PlanningSettings the file gives."""
    given: dict[str, Any] = {}
    if "zone" in found:
        name = reader.typed(found["zone"], ("zone",), str)
        if name is not None:
            given["zone"] = reader.build(("zone",), lambda: load_zone(name, fix=_ZONE))
    if "hours" in found:
        if found["hours"] == "any":
            given["hours"] = None
        elif isinstance(found["hours"], dict):
            given["hours"] = _hours(reader, found["hours"], ("hours",))
        else:
            reader.problem(
                ("hours",),
                Label(
                    da='forventede en tabel [hours] eller "any"',
                    en='expected a table [hours] or "any"',
                ),
                Label(
                    da='skriv [hours] med start og end, eller hours = "any" for '
                    "hele døgnet",
                    en='write [hours] with start and end, or hours = "any" for any '
                    "time of day",
                ),
            )
    if "unit_hours" in found:
        units = reader.typed(found["unit_hours"], ("unit_hours",), dict) or {}
        given["unit_hours"] = {
            unit: _hours(reader, value, ("unit_hours", unit))
            for unit, value in units.items()
        }
    if "travel" in found:
        given["travel"] = _travel(reader, found["travel"])
    if "break_between" in found:
        given["break_between"] = reader.minutes(
            found["break_between"], ("break_between",), within_a_day=True
        )
    if "rooms" in found:
        rooms = reader.typed(found["rooms"], ("rooms",), list) or []
        given["rooms"] = [_room(reader, r, ("rooms", i)) for i, r in enumerate(rooms)]
    if "avoid" in found:
        units = reader.typed(found["avoid"], ("avoid",), dict) or {}
        avoid = {}
        for unit, spans in units.items():
            items = reader.typed(spans, ("avoid", unit), list) or []
            avoid[unit] = [
                reader.span(s, ("avoid", unit, i)) for i, s in enumerate(items)
            ]
        given["avoid"] = avoid
    if "min_on_duty" in found:
        given["min_on_duty"] = reader.typed(
            found["min_on_duty"], ("min_on_duty",), float
        )
    if "unit_min_on_duty" in found:
        units = (
            reader.typed(found["unit_min_on_duty"], ("unit_min_on_duty",), dict) or {}
        )
        given["unit_min_on_duty"] = {
            unit: reader.typed(share, ("unit_min_on_duty", unit), float)
            for unit, share in units.items()
        }
    if "objective" in found:
        given["objective"] = reader.code(found["objective"], ("objective",), Objective)
    if "preferred" in found:
        given["preferred"] = reader.span(found["preferred"], ("preferred",))
    if "backend" in found:
        given["backend"] = reader.code(found["backend"], ("backend",), Backend)
    if "time_limit" in found:
        seconds = reader.typed(found["time_limit"], ("time_limit",), int)
        given["time_limit"] = None if seconds is None else timedelta(seconds=seconds)
    return given


def _travel(reader: _Reader, value: object) -> TravelTimes | None:
    found = reader.table(value, ("travel",), ("default", "legs"))
    given: dict[str, Any] = {}
    if "default" in found:
        given["default"] = reader.minutes(
            found["default"], ("travel", "default"), within_a_day=True
        )
    if "legs" in found:
        legs = reader.typed(found["legs"], ("travel", "legs"), list) or []
        matrix = {}
        for i, leg in enumerate(legs):
            path = ("travel", "legs", i)
            entry = reader.table(leg, path, ("from", "to", "minutes"))
            ends = [
                reader.typed(entry[k], (*path, k), str) if k in entry else None
                for k in ("from", "to")
            ]
            minutes = (
                reader.minutes(entry["minutes"], (*path, "minutes"), within_a_day=True)
                if "minutes" in entry
                else None
            )
            if isinstance(leg, dict) and not {"from", "to", "minutes"} <= entry.keys():
                reader.problem(
                    path,
                    Label(
                        da="en strækning skal have from, to og minutes",
                        en="a leg needs from, to and minutes",
                    ),
                    Label(
                        da='skriv { from = "rådhuset", to = "sundhedshuset", '
                        "minutes = 20 }",
                        en='write { from = "town-hall", to = "health-centre", '
                        "minutes = 20 }",
                    ),
                )
            if ends[0] is not None and ends[1] is not None and minutes is not None:
                matrix[(ends[0], ends[1])] = minutes
        given["matrix"] = matrix
    if None in given.values():
        return None
    return reader.build(("travel",), lambda: TravelTimes(**given))


def _room(reader: _Reader, value: object, path: _Path) -> Room | None:
    found = reader.table(value, path, ("id", "name", "capacity", "place"))
    given: dict[str, Any] = {}
    for key, kind in (("id", str), ("name", str), ("capacity", int), ("place", str)):
        if key in found:
            given[key] = reader.typed(found[key], (*path, key), kind)
    if isinstance(value, dict) and not {"id", "capacity"} <= found.keys():
        reader.problem(
            path,
            Label(
                da="et lokale skal have id og capacity",
                en="a room needs id and capacity",
            ),
            Label(
                da='skriv { id = "moedelokale-2", capacity = 12 }',
                en='write { id = "meeting-room-2", capacity = 12 }',
            ),
        )
        return None
    if None in given.values():
        return None
    return reader.build(path, lambda: Room(**given))


_SEVERITIES = ("off", "severity")


def _rules(reader: _Reader, value: object) -> RuleSet:
    found = reader.table(value, ("rules",), _SEVERITIES)
    rules = DEFAULT_RULES
    known = set(rules.codes)
    if "off" in found:
        codes = reader.typed(found["off"], ("rules", "off"), list) or []
        for i, code in enumerate(codes):
            text = reader.typed(code, ("rules", "off", i), str)
            if text is not None and _known(reader, text, known, ("rules", "off", i)):
                rules = rules.without(text)
    if "severity" in found:
        graded = reader.typed(found["severity"], ("rules", "severity"), dict) or {}
        for code, level in graded.items():
            path = ("rules", "severity", code)
            severity = reader.code(level, path, Severity)
            if severity is not None and _known(reader, code, known, path):
                rules = rules.with_severity(code, severity)
    return rules


def _known(reader: _Reader, code: str, known: set[str], path: _Path) -> bool:
    if code in known:
        return True
    near = closest(code, sorted(known))
    reader.problem(
        path,
        Label(
            da=f"ingen regel har koden {shown(code).da}",
            en=f"no rule has the code {shown(code).en}",
        ),
        Label(da=f"mente du {near[0]!r}?", en=f"did you mean {near[0]!r}?")
        if near
        else Label(
            da="learnmeet rules viser koderne; se reglerne i dokumentationen",
            en="see the rule codes in the documentation",
        ),
    )
    return False


def _kind(annotation: Any) -> type[Any]:
    """The type a requirement's value has when it is given: ``int | None`` is int."""
    given = [a for a in get_args(annotation) if a is not type(None)]
    found: type[Any] = given[0] if given else annotation
    return found


def _requirements(
    reader: _Reader, value: object, path: _Path, base: FormatRequirements
) -> FormatRequirements | None:
    fields = {f.name: f for f in attrs.fields(attrs.resolve_types(FormatRequirements))}
    found = reader.table(value, path, tuple(fields))
    given: dict[str, Any] = {}
    for key, item in found.items():
        if key == "prerequisite_courses":
            # A table of each profession's (or group's) course, by its code.
            given[key] = reader.typed(item, (*path, key), dict)
            continue
        kind = _kind(fields[key].type)
        if issubclass(kind, LabelledEnum):
            given[key] = reader.code(item, (*path, key), kind)
        else:
            given[key] = reader.typed(item, (*path, key), kind)
    if None in given.values():
        return None
    return reader.build(path, lambda: attrs.evolve(base, **given))


def _course_day(reader: _Reader, value: object, catalog: Catalog) -> Catalog:
    path: _Path = ("course_day",)
    fmt = catalog.format("course_day")
    found = reader.table(value, path, ("min_fill", "max_attendees"))
    requirements = _requirements(reader, found, path, fmt.requirements)
    if requirements is None:
        return catalog
    return catalog.extend(formats=[attrs.evolve(fmt, requirements=requirements)])


def _catalog(reader: _Reader, value: object, catalog: Catalog) -> Catalog:
    found = reader.table(value, ("catalog",), ("professions", "sectors", "formats"))
    professions, sectors, formats = [], [], []
    for i, item in enumerate(_items(reader, found, "professions")):
        path = ("catalog", "professions", i)
        entry = reader.table(item, path, ("code", "label", "discipline"))
        code, label = _code_and_label(reader, entry, path)
        discipline = (
            reader.code(entry["discipline"], (*path, "discipline"), Discipline)
            if "discipline" in entry
            else _missing(reader, path, "discipline")
        )
        if code and label and discipline:
            made = reader.build(path, partial(Profession, code, label, discipline))
            professions += [made] if made else []
    for i, item in enumerate(_items(reader, found, "sectors")):
        path = ("catalog", "sectors", i)
        entry = reader.table(item, path, ("code", "label"))
        code, label = _code_and_label(reader, entry, path)
        if code and label:
            made_sector = reader.build(path, partial(Sector, code, label))
            sectors += [made_sector] if made_sector else []
    for i, item in enumerate(_items(reader, found, "formats")):
        made_format = _format(reader, item, ("catalog", "formats", i), catalog)
        formats += [made_format] if made_format else []
    return (
        reader.build(
            ("catalog",),
            lambda: catalog.extend(
                professions=professions, sectors=sectors, formats=formats
            ),
        )
        or catalog
    )


def _items(reader: _Reader, found: dict[str, Any], key: str) -> Iterator[object]:
    if key in found:
        yield from reader.typed(found[key], ("catalog", key), list) or []


def _missing(reader: _Reader, path: _Path, key: str) -> Any:
    """Tell that *key* is missing at *path*; ``None``, as nothing was read."""
    reader.problem(
        (*path, key),
        Label(da="påkrævet nøgle mangler", en="required key is missing"),
        Label(da="tilføj den", en="add it"),
    )
    return None


def _code_and_label(
    reader: _Reader, entry: dict[str, Any], path: _Path
) -> tuple[str | None, Label | None]:
    code = (
        reader.typed(entry["code"], (*path, "code"), str)
        if "code" in entry
        else _missing(reader, path, "code")
    )
    label = (
        reader.label(entry["label"], (*path, "label"))
        if "label" in entry
        else _missing(reader, path, "label")
    )
    return code, label


_FORMAT_KEYS = (
    "code",
    "based_on",
    "label",
    "description",
    "is_learning",
    "cross_sectoral",
    "minutes",
    "requirements",
)


def _format(
    reader: _Reader, value: object, path: _Path, catalog: Catalog
) -> MeetingFormat | None:
    entry = reader.table(value, path, _FORMAT_KEYS)
    code, label = _code_and_label(reader, entry, path)
    base = None
    if "based_on" in entry:
        name = reader.typed(entry["based_on"], (*path, "based_on"), str)
        if name is not None:
            try:
                base = catalog.format(name)
            except LearnmeetError as exc:
                reader.problem((*path, "based_on"), exc.reason, exc.fix)
                return None
    description = (
        reader.label(entry["description"], (*path, "description"))
        if "description" in entry
        else (base.description if base else label)
    )
    given: dict[str, Any] = {}
    for key in ("is_learning", "cross_sectoral"):
        if key in entry:
            given[key] = reader.typed(entry[key], (*path, key), bool)
    if "minutes" in entry:
        given["default_duration"] = reader.minutes(entry["minutes"], (*path, "minutes"))
    requirements = _requirements(
        reader,
        entry.get("requirements", {}),
        (*path, "requirements"),
        base.requirements if base else FormatRequirements(),
    )
    if None in (code, label, description, requirements) or None in given.values():
        return None
    fields = {
        "code": code,
        "label": label,
        "description": description,
        "requirements": requirements,
        **given,
    }
    if base is not None:
        return reader.build(path, partial(attrs.evolve, base, **fields))
    return reader.build(path, partial(MeetingFormat, **fields))


@checked
def read_config(text: str) -> PlanningConfig:
    """Read a planning configuration from the TOML *text*.

    >>> config = read_config('''
    ... min_on_duty = 0.6
    ... [travel]
    ... default = 20
    ... [rules]
    ... off = ["LM109"]
    ... ''')
    >>> config.settings.travel.default.seconds // 60, "LM109" in config.rules.codes
    (20, False)

    Raises:
        InvalidDataError: The text is not TOML, or has unknown keys, values
            of the wrong type or values refused; every problem has its TOML
            key path (``travel.default``), reason and fix.
        LearnmeetError: On Python 3.10 without ``learnmeet[toml]``.

    .. versionadded:: 0.3.0
    """
    found_all = _loads(text)
    reader = _Reader()
    found = reader.table(found_all, (), _TOP)
    given = _settings(reader, found)
    rules = _rules(reader, found["rules"]) if "rules" in found else DEFAULT_RULES
    catalog = DEFAULT_CATALOG
    if "catalog" in found:
        catalog = _catalog(reader, found["catalog"], catalog)
    if "course_day" in found:
        catalog = _course_day(reader, found["course_day"], catalog)
    for key, value in given.items():
        # Each setting on its own first, so every refusal is told at once.
        if value is not None:
            reader.build((), partial(PlanningSettings, **{key: value}))
    settings = None
    if not reader.problems:
        settings = reader.build((), partial(PlanningSettings, **given))
    if settings is None:
        raise InvalidDataError(problems=reader.problems)
    return PlanningConfig(settings=settings, rules=rules, catalog=catalog)
