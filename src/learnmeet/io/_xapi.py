"""xAPI statements of the learning record, for a Learning Record Store.

The learning record (:func:`learnmeet.learning_record`) says who took part in
which learning activity, in which role, which courses they completed and what
they reflected on. A municipality's learning platform (Moodle and the Learning
Record Store behind it) keeps such facts as xAPI statements: *actor* (who),
*verb* (did what), *object* (to which activity), *context*, *result* and
*timestamp*. This module writes them as plain JSON-ready dicts, one statement
per person, activity and verb, in xAPI 1.0.3 (ADL, "xAPI-Data.md", section 2:
Statements; IEEE 9274.1.1-2023 keeps the same statement shape).

The verbs, and where each is registered:

* ``attended`` — http://adlnet.gov/expapi/verbs/attended (ADL vocabulary, the
  verbs of the xAPI specification; "the actor was present at a virtual or
  physical event or activity"): a participant, host or observer of a meeting;
* ``facilitated`` — no registered verb leads a meeting; learnmeet's own IRI
  under :data:`XAPI_VOCABULARY`: the facilitator of a meeting;
* ``presented`` — https://w3id.org/xapi/catch/verbs/presented (the CATCH
  profile, on ADL's xAPI profile server): the one who presented the case;
* ``completed`` — http://adlnet.gov/expapi/verbs/completed (ADL vocabulary):
  a dated course completion;
* ``reflected`` — https://w3id.org/xapi/catch/verbs/reflected (the CATCH
  profile, whose reflection statements carry the reflection as
  ``result.response``): the learning points of a reflection cycle.

The actor is always a pseudonymous account, the municipality's home page and
the professional's id: never a name, an e-mail address or a display name.

Statements are checked by :func:`validate_xapi` against Ralph's xAPI 1.0.3
statement model (France Université Numérique's Learning Record Store, the
``ralph-malph`` package, ``ralph.models.xapi.base.statements.BaseXapiStatement``)
and against the JSON Schema that model publishes; install
``learnmeet[xapi]``.

.. versionadded:: 0.4.0
"""

from __future__ import annotations

import importlib
import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from types import MappingProxyType, ModuleType
from typing import Any
from urllib.parse import quote, urlsplit

from learnmeet.catalog._builtin import DEFAULT_CATALOG, course_label
from learnmeet.catalog._catalog import Catalog
from learnmeet.catalog._reflection import REFLECTION_MODELS
from learnmeet.evaluation._record import (
    LearningActivity,
    LearningRecord,
    PersonRecord,
    ReflectionEntry,
    learning_record,
)
from learnmeet.exceptions import (
    DataProblem,
    InvalidDataError,
    InvalidValueError,
    Label,
    LearnmeetError,
    PathKey,
    shown,
    shown_all,
)
from learnmeet.model._arguments import checked
from learnmeet.model._completions import CourseCompletion
from learnmeet.model._labels import Lang, check_lang
from learnmeet.model._meetings import AttendeeRole
from learnmeet.model._scenario import Scenario
from learnmeet.model._time import COPENHAGEN

__all__ = [
    "XAPI_HOME_PAGE",
    "XAPI_VERBS",
    "XAPI_VOCABULARY",
    "validate_xapi",
    "xapi_files",
    "xapi_statements",
]

XAPI_VOCABULARY = "https://learnmeet.readthedocs.io/en/stable/reference/xapi.html#"
"""The base of learnmeet's own xAPI IRIs: a verb no registry has and the
extensions, each an anchor of the page that defines it."""

XAPI_HOME_PAGE = "https://learnmeet.invalid"
"""The home page :func:`xapi_files` writes when given none: under
``.invalid`` (RFC 2606), which says plainly that it is a placeholder for the
municipality's own."""

_EXTRA = "xapi"

_ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
_CATCH_VERBS = "https://w3id.org/xapi/catch/verbs/"

#: Each verb: its IRI and how an LRS shows it, in Danish and English.
_VERBS: Mapping[str, tuple[str, Label]] = MappingProxyType(
    {
        "attended": (_ADL_VERBS + "attended", Label(da="deltog i", en="attended")),
        "facilitated": (
            XAPI_VOCABULARY + "facilitated",
            Label(da="faciliterede", en="facilitated"),
        ),
        "presented": (
            _CATCH_VERBS + "presented",
            Label(da="fremlagde", en="presented"),
        ),
        "completed": (
            _ADL_VERBS + "completed",
            Label(da="gennemførte", en="completed"),
        ),
        "reflected": (
            _CATCH_VERBS + "reflected",
            Label(da="reflekterede over", en="reflected on"),
        ),
    }
)

XAPI_VERBS: Mapping[str, str] = MappingProxyType(
    {name: iri for name, (iri, _) in _VERBS.items()}
)
"""The verbs learnmeet writes, by name, with their IRIs."""

MEETING_TYPE = "http://adlnet.gov/expapi/activities/meeting"
COURSE_TYPE = "http://adlnet.gov/expapi/activities/course"

#: The language tags of a language map (RFC 5646), by learnmeet's languages.
_TAGS: Mapping[Lang, str] = MappingProxyType({"da": "da", "en": "en"})

#: The namespace of the statement ids (RFC 4122, version 5).
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, XAPI_VOCABULARY)


# -- building blocks --------------------------------------------------------------


def language_map(label: Label) -> dict[str, str]:
    """An xAPI language map of *label*: ``{"da": ..., "en": ...}``."""
    return {_TAGS["da"]: label.da, _TAGS["en"]: label.en}


def extension(name: str) -> str:
    """The IRI of learnmeet's extension *name*, e.g. ``"format"``."""
    return XAPI_VOCABULARY + name


def verb(name: str) -> dict[str, Any]:
    """The xAPI verb *name* (a key of :data:`XAPI_VERBS`), with its display."""
    iri, display = _VERBS[name]
    return {"id": iri, "display": language_map(display)}


def check_home_page(home_page: str, *, where: str) -> str:
    """*home_page* without a trailing slash, if it is an http(s) address.

    Raises:
        InvalidValueError: *home_page* is not an absolute http or https
            address, or has a query or a fragment (the activity ids are made
            by adding a path to it).
    """
    try:
        parts = urlsplit(home_page)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.netloc
        or parts.query
        or parts.fragment
        or any(character.isspace() for character in home_page)
    ):
        raise InvalidValueError(
            reason=Label(
                da=f"hjemmesiden {shown(home_page).da} er ikke en http- eller "
                "https-adresse uden forespørgsel og fragment",
                en=f"the home page {shown(home_page).en} is not an http or https "
                "address without a query and fragment",
            ),
            fix=Label(
                da="giv kommunens hjemmeside, fx 'https://www.esbjerg.dk'",
                en="give the municipality's home page, e.g. 'https://www.esbjerg.dk'",
            ),
            where=where,
            path=("home_page",),
        )
    return home_page.rstrip("/")


def activity_id(home_page: str, kind: str, value: str) -> str:
    """The IRI of learnmeet's *kind* of activity *value* under *home_page*.

    The id is percent-encoded (RFC 3986), so any learnmeet id makes a valid
    IRI.
    """
    return f"{home_page}/learnmeet/{kind}/{quote(value, safe='')}"


def day_timestamp(day: date) -> str:
    """A day as an xAPI timestamp: its start in Copenhagen, with the offset."""
    return datetime.combine(day, time(), COPENHAGEN).isoformat()


def statement(
    *,
    home_page: str,
    professional: str,
    verb_name: str,
    activity: dict[str, Any],
    timestamp: datetime | str,
    context: dict[str, Any],
    result: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One statement, its id derived from what it says (actor, verb, object, time).

    The same fact gives the same id in every export, and a Learning Record
    Store that holds a statement with that id changes nothing (xAPI 1.0.3,
    xAPI-Communication.md, 2.1.1), so a second export stores no second copy.
    """
    when = timestamp if isinstance(timestamp, str) else timestamp.isoformat()
    actor = {
        "objectType": "Agent",
        "account": {"homePage": home_page, "name": professional},
    }
    said = "\n".join(
        [_VERBS[verb_name][0], home_page, professional, activity["id"], when]
    )
    out: dict[str, Any] = {
        "id": str(uuid.uuid5(_NAMESPACE, said)),
        "actor": actor,
        "verb": verb(verb_name),
        "object": activity,
    }
    if result is not None:
        out["result"] = result
    out["context"] = context
    out["timestamp"] = when
    return out


# -- the learning record as statements --------------------------------------------

#: The verb of each role at a meeting; any other role (host, observer,
#: participant) attended it.
_ROLE_VERBS: Mapping[AttendeeRole, str] = MappingProxyType(
    {
        AttendeeRole.FACILITATOR: "facilitated",
        AttendeeRole.CASE_PRESENTER: "presented",
    }
)


def _named(code: str, label: Label | None) -> dict[str, Any]:
    """A code with its name in both languages, where the catalogue has one."""
    out: dict[str, Any] = {"code": code}
    if label is not None:
        out["name"] = language_map(label)
    return out


class _Writer:
    """One export: the home page, the language and the catalogue's labels."""

    def __init__(self, home_page: str, lang: Lang, catalog: Catalog) -> None:
        self.home_page = home_page
        self.language = _TAGS[lang]
        self.formats = {f.code: f.label for f in catalog.formats}
        self.models = {m.code: m.label for m in REFLECTION_MODELS}

    def meeting(
        self, meeting: str, activity: LearningActivity | None
    ) -> dict[str, Any]:
        """The meeting as an xAPI activity, named by its format and day."""
        definition: dict[str, Any] = {"type": MEETING_TYPE}
        if activity is not None:
            day = activity.start.date().isoformat()
            label = self.formats.get(activity.format)
            names = (
                language_map(label)
                if label is not None
                else dict.fromkeys(_TAGS.values(), activity.format)
            )
            definition["name"] = {
                tag: f"{text[:1].upper()}{text[1:]} {day}"
                for tag, text in names.items()
            }
        return {
            "objectType": "Activity",
            "id": activity_id(self.home_page, "meeting", meeting),
            "definition": definition,
        }

    def context(
        self, activity: LearningActivity | None, **extra: Any
    ) -> dict[str, Any]:
        """The context of a statement about a meeting: format, case, sectors."""
        extensions: dict[str, Any] = {}
        parents: list[dict[str, Any]] = []
        if activity is not None:
            extensions[extension("format")] = _named(
                activity.format, self.formats.get(activity.format)
            )
            if activity.case_origin is not None:
                extensions[extension("case-origin")] = activity.case_origin.code
            extensions[extension("sectors")] = sorted(activity.sectors)
            extensions[extension("role")] = activity.role.code
            if activity.forum is not None:
                parents.append(self.parent("forum", activity.forum))
            if activity.cohort is not None:
                parents.append(self.parent("cohort", activity.cohort))
        extensions.update({extension(key): value for key, value in extra.items()})
        out: dict[str, Any] = {"language": self.language}
        if parents:
            out["contextActivities"] = {"parent": parents}
        if extensions:
            out["extensions"] = extensions
        return out

    def parent(self, kind: str, value: str) -> dict[str, Any]:
        """A forum or cohort, the parent activity of its meetings."""
        return {
            "objectType": "Activity",
            "id": activity_id(self.home_page, kind, value),
            "definition": {"type": _PARENT_TYPES[kind]},
        }

    def took_part(self, activity: LearningActivity) -> dict[str, Any]:
        """Attended, facilitated or presented, by the person's role."""
        return statement(
            home_page=self.home_page,
            professional=activity.professional,
            verb_name=_ROLE_VERBS.get(activity.role, "attended"),
            activity=self.meeting(activity.meeting, activity),
            timestamp=activity.end,
            context=self.context(activity),
        )

    def reflected(
        self, entry: ReflectionEntry, activity: LearningActivity | None
    ) -> dict[str, Any]:
        """Reflected, with the learning points as the result."""
        points = [
            {"phase": p.phase, "text": p.text, "tags": sorted(p.tags)}
            for p in entry.learning_points
        ]
        result: dict[str, Any] = {}
        if points:
            result["response"] = "\n".join(p.text for p in entry.learning_points)
        result["extensions"] = {extension("learning-points"): points}
        model = _named(entry.model, self.models.get(entry.model))
        return statement(
            home_page=self.home_page,
            professional=entry.professional,
            verb_name="reflected",
            activity=self.meeting(entry.meeting, activity),
            timestamp=day_timestamp(entry.on),
            context=self.context(activity, **{"reflection-model": model}),
            result=result,
        )

    def completed(self, professional: str, done: CourseCompletion) -> dict[str, Any]:
        """Completed a course, on the day it was completed."""
        course = {
            "objectType": "Activity",
            "id": activity_id(self.home_page, "course", done.course),
            "definition": {
                "type": COURSE_TYPE,
                "name": language_map(course_label(done.course)),
            },
        }
        result: dict[str, Any] = {"completion": True}
        if done.expires_on is not None:
            result["extensions"] = {extension("expires"): done.expires_on.isoformat()}
        context: dict[str, Any] = {"language": self.language}
        if done.meeting is not None:
            context["contextActivities"] = {
                "parent": [self.meeting(done.meeting, None)]
            }
        return statement(
            home_page=self.home_page,
            professional=professional,
            verb_name="completed",
            activity=course,
            timestamp=day_timestamp(done.completed_on),
            context=context,
            result=result,
        )

    def person(self, person: PersonRecord) -> list[dict[str, Any]]:
        """Every statement about one professional."""
        by_meeting = {a.meeting: a for a in person.activities}
        out = [self.took_part(activity) for activity in person.activities]
        out.extend(
            self.reflected(entry, by_meeting.get(entry.meeting))
            for entry in person.reflections
        )
        out.extend(self.completed(person.id, done) for done in person.completions)
        return out


_PARENT_TYPES: Mapping[str, str] = MappingProxyType(
    {
        # a forum is a recurring meeting; a cohort the group a course day is for
        "forum": MEETING_TYPE,
        "cohort": XAPI_VOCABULARY + "cohort",
    }
)


@checked
def xapi_statements(
    record: LearningRecord,
    *,
    home_page: str,
    lang: Lang = "da",
    catalog: Catalog = DEFAULT_CATALOG,
) -> tuple[dict[str, Any], ...]:
    """The learning record as xAPI 1.0.3 statements for a Learning Record Store.

    One statement per professional, activity and verb, as plain dicts ready
    for ``json.dumps`` (a list of them is the body of ``POST /statements``):

    * a meeting they took part in: ``attended``, ``facilitated`` (the
      facilitator) or ``presented`` (the case presenter), at the meeting's
      end;
    * a reflection they took part in: ``reflected``, with the learning points
      as ``result.response`` (one a line) and, with their phase and tags, in
      the ``learning-points`` extension, on the day of the reflection;
    * a dated course completion: ``completed``, the course as the object
      (``<home_page>/learnmeet/course/<code>``), ``result.completion`` true
      and the last day it counts in the ``expires`` extension, on the day it
      was completed; a renewal is a statement of its own. A course known only
      by code (:attr:`PersonRecord.undated_courses`) has no day, so no
      statement: xAPI needs a time.

    The actor is the account ``{"homePage": home_page, "name": <the
    professional's id>}``: never a name, an e-mail or a display name. The
    object is the meeting, ``<home_page>/learnmeet/meeting/<id>``
    (percent-encoded), named by its format and day in Danish and English.
    The context carries the format (code and name), the case's origin
    (``concrete`` or ``fictional``, never which citizen), the sectors (codes)
    and the person's role as extensions under :data:`XAPI_VOCABULARY`, and
    the forum or cohort as ``contextActivities.parent``. Each id is a UUID
    derived from what the statement says, so exporting twice gives the same
    ids and a Learning Record Store that has them stores no second copy.

    Args:
        record: The learning record (:func:`learning_record`).
        home_page: The municipality's home page, an http(s) address: the
            home of the accounts and of the activities' ids.
        lang: The language the meetings were held in: ``context.language``.
        catalog: Where the names of the formats are looked up.

    Raises:
        InvalidValueError: *home_page* is no http(s) address, or *lang* is
            neither ``"da"`` nor ``"en"``.

    .. versionadded:: 0.4.0
    """
    home = check_home_page(home_page, where="xapi_statements")
    writer = _Writer(home, check_lang(lang, where="xapi_statements"), catalog)
    return tuple(item for person in record.people for item in writer.person(person))


@checked
def xapi_files(
    scenario: Scenario,
    *,
    home_page: str = XAPI_HOME_PAGE,
    on: date | None = None,
    lang: Lang = "da",
) -> dict[str, str]:
    """The xAPI statements of *scenario*'s learning record, as files by name.

    One file, ``statements.json``: a JSON array of the statements of
    :func:`xapi_statements` for :func:`learning_record` (*scenario*, on=*on*),
    the body a Learning Record Store's ``POST /statements`` takes. The same
    scenario gives the same bytes.

    Args:
        scenario: The scenario whose learning record is written.
        home_page: The municipality's home page (see :func:`xapi_statements`);
            :data:`XAPI_HOME_PAGE` is a placeholder.
        on: The day the record is as of; today when ``None``.
        lang: The language the meetings were held in.

    .. versionadded:: 0.4.0
    """
    record = learning_record(scenario, on=on)
    statements = xapi_statements(record, home_page=home_page, lang=lang)
    text = json.dumps(list(statements), ensure_ascii=False, indent=2) + "\n"
    return {"statements.json": text}


# -- validation -------------------------------------------------------------------


def _libraries() -> tuple[ModuleType, type[Any]]:
    """``jsonschema`` and Ralph's statement model, or a refusal naming the extra."""
    try:
        jsonschema = importlib.import_module("jsonschema")
        statements = importlib.import_module("ralph.models.xapi.base.statements")
    except ImportError:
        raise LearnmeetError(
            reason=Label(
                da="xAPI-udsagn kontrolleres med pakkerne ralph-malph og "
                "jsonschema, som ikke er installeret",
                en="xAPI statements are checked with the packages ralph-malph "
                "and jsonschema, which are not installed",
            ),
            fix=Label(
                da=f"installér dem med: pip install 'learnmeet[{_EXTRA}]'",
                en=f"install them with: pip install 'learnmeet[{_EXTRA}]'",
            ),
        ) from None
    model: type[Any] = statements.BaseXapiStatement
    return jsonschema, model


def statement_schema(model: type[Any]) -> dict[str, Any]:
    """The JSON Schema of Ralph's statement *model*, repaired to be usable.

    Ralph's schema (draft 2020-12) defines ``IRI`` and ``LanguageTag`` as
    ``anyOf`` the real check *or a reference to themselves*: a validator
    that meets a value failing the check follows the reference for ever
    (``RecursionError``). The self-references are dropped; what is left is
    each definition's own check (``LanguageTag`` is then any string, and
    Ralph's pydantic model checks the tags, RFC 5646).
    """
    schema: dict[str, Any] = model.model_json_schema()
    for name, definition in schema.get("$defs", {}).items():
        options = definition.get("anyOf")
        if options:
            own = f"#/$defs/{name}"
            definition["anyOf"] = [o for o in options if o.get("$ref") != own]
    return schema


_SCHEMA_REASONS: Mapping[str, Label] = MappingProxyType(
    {
        "type": Label(da="har den forkerte type", en="has the wrong type"),
        "pattern": Label(da="er ikke en gyldig IRI", en="is not a valid IRI"),
        "format": Label(
            da="har ikke det format, xAPI kræver",
            en="does not have the format xAPI requires",
        ),
        "minLength": Label(da="er tom", en="is empty"),
        "const": Label(
            da="har ikke den værdi, xAPI kræver",
            en="does not have the value xAPI requires",
        ),
    }
)
_SCHEMA_FIX = Label(
    da="skriv udsagnet som xAPI 1.0.3 beskriver det (afsnit 2, Statements)",
    en="write the statement as xAPI 1.0.3 describes it (section 2, Statements)",
)


def _schema_problem(index: int, error: Any) -> DataProblem:
    """A jsonschema *error* in statement *index* as a problem at its path."""
    path: tuple[PathKey, ...] = (index, *error.absolute_path)
    keyword = error.validator
    if keyword == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        reason = Label(
            da=f"mangler {shown_all(missing).da}", en=f"lacks {shown_all(missing).en}"
        )
    elif keyword == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in known)
        reason = Label(
            da=f"har et felt, xAPI ikke kender: {shown_all(extra).da}",
            en=f"has a field xAPI does not know: {shown_all(extra).en}",
        )
    else:
        reason = _SCHEMA_REASONS.get(
            keyword,
            Label(
                da="følger ikke xAPI-udsagnets JSON Schema",
                en="does not follow the JSON Schema of xAPI statements",
            ),
        )
    return DataProblem(path=path, reason=reason, fix=_SCHEMA_FIX)


_STRUCTURAL = frozenset({"missing", "extra_forbidden", "literal_error"})


def _branch_score(items: list[tuple[tuple[Any, ...], Any]]) -> tuple[int, int, int]:
    """How badly a statement misses one member of a union: lower is closer.

    A member whose ``objectType`` is wrong is the wrong member; then the one
    with fewer fields missing or unknown right under it, then fewer errors.
    """
    wrong_type = any(loc[:1] == ("objectType",) for loc, _ in items)
    structural = sum(
        1 for loc, item in items if len(loc) == 1 and item["type"] in _STRUCTURAL
    )
    return (int(wrong_type), structural, len(items))


def _resolve(
    items: list[tuple[tuple[Any, ...], Any]], here: object, prefix: tuple[PathKey, ...]
) -> list[tuple[tuple[PathKey, ...], Any]]:
    """Pydantic's errors, each at its path into the statement *here*.

    Pydantic puts the name of each member of a union it tried
    (``BaseXapiAgentWithMbox``) among the keys of an error's location, and
    reports every member's errors. A key that the value does not hold and is
    not the last is such a name: of the members tried, only the closest one's
    errors are kept (:func:`_branch_score`), as the member the statement
    meant.
    """
    found: list[tuple[tuple[PathKey, ...], Any]] = []
    branches: dict[Any, list[tuple[tuple[Any, ...], Any]]] = {}
    inner: dict[Any, list[tuple[tuple[Any, ...], Any]]] = {}
    for whole, item in items:
        loc = tuple(key for key in whole if key != "[key]")  # a key's own error
        if not loc:
            found.append((prefix, item))
            continue
        key = loc[0]
        held = (isinstance(here, Mapping) and key in here) or (
            isinstance(here, list) and isinstance(key, int) and 0 <= key < len(here)
        )
        if held:
            inner.setdefault(key, []).append((loc[1:], item))
        elif len(loc) == 1:
            found.append(((*prefix, str(key)), item))
        else:
            branches.setdefault(key, []).append((loc[1:], item))
    for key, rest in inner.items():
        value = here[key]  # type: ignore[index]
        found.extend(_resolve(rest, value, (*prefix, key)))
    if branches:
        best = min(branches.values(), key=_branch_score)
        found.extend(_resolve(best, here, prefix))
    return found


_MODEL_REASONS: Mapping[str, Label] = MappingProxyType(
    {
        "missing": Label(da="mangler", en="is missing"),
        "extra_forbidden": Label(
            da="er et felt, xAPI ikke kender", en="is a field xAPI does not know"
        ),
    }
)


def _model_problems(
    index: int, statement: object, error: Any, *, shape_known: bool
) -> list[DataProblem]:
    """Ralph's model *error* for statement *index* as problems, one a path.

    With *shape_known* (the JSON Schema has already said which fields are
    missing or unknown), only the model's checks of values are kept.
    """
    items = [
        (tuple(item["loc"]), item)
        for item in error.errors(include_url=False, include_input=False)
        if not (shape_known and item["type"] in _STRUCTURAL)
    ]
    problems: dict[tuple[PathKey, ...], DataProblem] = {}
    for path, item in _resolve(items, statement, (index,)):
        problems.setdefault(
            path,
            DataProblem(
                path=path,
                reason=_MODEL_REASONS.get(
                    item["type"],
                    Label(
                        da="er ikke gyldig efter Ralphs xAPI-model",
                        en="is not valid by Ralph's xAPI model",
                    ),
                ),
                fix=_SCHEMA_FIX,
            ),
        )
    return list(problems.values())


def _schema_errors(error: Any) -> list[Any]:
    """The errors to report of one jsonschema *error*.

    An error of an ``anyOf`` (an actor may be any of nine kinds of agent or
    group) holds every member's errors; those of the member the statement
    meant are reported: not one whose ``objectType`` is another, then the
    one with the fewest fields missing or unknown at its top.
    """
    if not error.context:
        return [error]
    branches: dict[Any, list[Any]] = {}
    for inner in error.context:
        branches.setdefault(inner.relative_schema_path[0], []).append(inner)

    def score(errors: list[Any]) -> tuple[int, int, int]:
        depth = len(error.absolute_path)
        wrong_type = any(
            e.validator == "const" and list(e.absolute_path)[depth:] == ["objectType"]
            for e in errors
        )
        structural = sum(
            1
            for e in errors
            if len(e.absolute_path) == depth
            and e.validator in ("required", "additionalProperties")
        )
        return (int(wrong_type), structural, len(errors))

    best = min(branches.values(), key=score)
    return [found for inner in best for found in _schema_errors(inner)]


@checked
def validate_xapi(statements: Sequence[Mapping[str, Any]]) -> None:
    """Check every statement against xAPI 1.0.3, or raise with every problem.

    Each statement is checked twice, by two published readings of xAPI 1.0.3
    from Ralph, France Université Numérique's Learning Record Store
    (``ralph-malph``, MIT): its JSON Schema
    (``BaseXapiStatement.model_json_schema()``, draft 2020-12, with its two
    self-referring definitions repaired, see :func:`statement_schema`), read
    by ``jsonschema``, and its pydantic model
    (``ralph.models.xapi.base.statements.BaseXapiStatement``), which also
    checks language tags (RFC 5646) and timestamps. Install
    ``learnmeet[xapi]``.

    Args:
        statements: The statements, e.g. from :func:`xapi_statements`.

    Raises:
        InvalidDataError: A statement is not valid xAPI 1.0.3; each problem
            has its path, e.g. ``$[3].actor.account``.
        LearnmeetError: ``ralph-malph`` or ``jsonschema`` is not installed.

    .. versionadded:: 0.4.0
    """
    jsonschema, model = _libraries()
    schema = statement_schema(model)
    validator_class = jsonschema.Draft202012Validator
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    pydantic_error = importlib.import_module("pydantic").ValidationError
    problems: list[DataProblem] = []
    for index, item in enumerate(statements):
        shape = list(
            dict.fromkeys(
                _schema_problem(index, found)
                for error in validator.iter_errors(item)
                for found in _schema_errors(error)
            )
        )
        problems.extend(shape)
        try:
            model.model_validate(item)
        except pydantic_error as error:
            named = {problem.path for problem in shape}
            problems.extend(
                problem
                for problem in _model_problems(
                    index, item, error, shape_known=bool(shape)
                )
                if problem.path not in named
            )
    if problems:
        raise InvalidDataError(problems)
