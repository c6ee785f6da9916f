"""User text reads as a care worker writes it: labels, never codes or keys.

Issue 17 (deliverable 8): a review by a municipal care development
consultant found internal codes in Danish text ("mangler: hospital"), calques
("Dine dage", "skal nå mindst 3 fra samme organisation"), words a municipality
uses for something else ("sag" is an administrative case, "medicin" is drugs)
and English idioms nobody says ("turn operations into development"). This
module walks every text a person reads, in Danish and English:

* every rule's title, meaning and fix, and the messages its breaches produce
  (made with :func:`learnmeet.strategies.breaches`, as a user's test would);
* every label of the public API's enumerations, every label and description
  of the catalogue, every reflection model, phase and question, the survey's
  items, the learning tags and the sample municipality;
* the command line's help and the demo.

It fails on an internal code or key where a label exists — a snake_case code
(``sosu_assistant``), a code of the catalogue or an enumeration that is no
word of the labels in that language (``hospital`` in Danish text), an
attendee key (``professional:p-1``), a class name (``BusyIndex``), a Python
repr — and on the wordings the review refused. Ids the user chose (a
professional's ``p-1``, a case's id, a citizen's pseudonym) are data, not
codes: they are allowed.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator, Mapping
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import learnmeet as lm
from learnmeet import strategies as lst
from learnmeet.data import load_sample, sample_text
from support import run_cli

Text = tuple[str, str, str]
"""Where a text is shown, its language and the text."""


# -- what is refused ---------------------------------------------------------

REFUSED: Mapping[str, tuple[tuple[str, str], ...]] = {
    "da": (
        (r"\bborgersag\w*", "'borgersag': a sag is an administrative case"),
        (r"\bsag(?:en|er|erne)?\b", "'sag': say borgerforløb or casen"),
        (r"\bminimumsfyldning\w*", "'minimumsfyldning': say 'for få tilmeldte'"),
        (r"\bcase-fremlægger", "'case-fremlægger': compounds are one word"),
        (r"\bDine dage\b", "'Dine dage': a calque; say 'Din hverdag'"),
        (r"^medicin$", "'medicin' means drugs; say 'lægefagligt område'"),
        (r"\brefleksive cyklus\b", "'refleksive cyklus': say 'refleksionsmodel'"),
        (r"\bHandling [a-z]-\d", "'Handling a-1': say 'Aftale a-1'"),
        (r"\bkun (?:\d*[02-9]|\d+\d) tilmeldt\b", "'kun 7 tilmeldt': plural"),
        (r"» er tværsektorielt\b", "'mødeformen … er tværsektorielt': agreement"),
        (r"\bskal nå mindst\b", "'skal nå mindst … fra samme': a calque"),
        (r"\beget faggruppes\b", "'deres eget faggruppes hold': grammar"),
        (r"\bsygeplejerapport\b", "'sygeplejerapport': use MedCom's names"),
        (r"\bSkrevet:", "'Skrevet:': say 'Gemt:'"),
        (r"\w\((?:e|er|r|s)\)", "'deltager(e)': singular or plural by the number"),
    ),
    "en": (
        (r"\byield(?:s|ed)?\b", "'yield': say 'benefit'"),
        (r"\w\((?:e|er|r|s)\)", "'attendee(s)': singular or plural by the number"),
        (
            r"(?i)\bhome meetings?\b",
            "'home meeting': say 'meeting in the citizen's home'",
        ),
        (
            r"(?i)\bturn(?:ed|s)? operations into development\b",
            "'turn operations into development': say 'make everyday work a "
            "place for development'",
        ),
    ),
}
"""Per language, a pattern the review refused and why (issue 17)."""

SNAKE = re.compile(r"(?<![\w-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w-])")
"""A snake_case code: ``sosu_assistant``, ``course_day``, ``palliation_mono``."""

KEY = re.compile(r"\b(?:professional|citizen|relative):[\w-]+")
"""An attendee key, which is the library's, not a name the user gave."""

REPR = re.compile(
    r"<[A-Za-z_][\w.]*(?: object)?(?: at 0x|[:>])"  # <BusyIndex: …>, <object at 0x>
    r"|\b[A-Z]\w*\((?:\w+=|['\"])"  # Label(da=…), Citizen('B-1')
    r"|\b(?:frozenset|datetime\.\w+|timedelta)\("  # frozenset({…}), datetime.date(…)
    r"|\\x[0-9a-f]{2}"
)
"""What Python's ``repr`` writes and a person should never read."""

CLASS_NAMES = frozenset(
    name
    for name in lm.__all__
    if inspect.isclass(getattr(lm, name))
    and sum(c.isupper() for c in name) > 1
    and not name.isupper()
)
"""Public class names with a capital inside (``BusyIndex``, ``CitizenCase``):
English words such as "Meeting" at the start of a sentence are not flagged."""

CLASS = re.compile(r"\b(?:" + "|".join(sorted(CLASS_NAMES)) + r")\b")


# -- where the labels are ----------------------------------------------------


def labels_in(
    value: object, where: str, seen: set[int] | None = None
) -> Iterator[tuple[str, lm.Label]]:
    """Every :class:`~learnmeet.Label` reachable from *value*, with its path.

    Walks attrs values field by field (not their private fields), tuples,
    lists, sets and the values of dicts, and takes an enumeration member's
    label.
    """
    seen = set() if seen is None else seen
    if id(value) in seen or (callable(value) and not isinstance(value, Enum)):
        return
    seen.add(id(value))
    if isinstance(value, lm.Label):
        yield where, value
    elif isinstance(value, lm.LabelledEnum):
        yield f"{where}={value.code}", value.label
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if not field.name.startswith("_"):
                yield from labels_in(
                    getattr(value, field.name), f"{where}.{field.name}", seen
                )
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from labels_in(item, f"{where}[{key!r}]", seen)
    elif isinstance(value, (tuple, list, frozenset, set)):
        for index, item in enumerate(
            sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        ):
            yield from labels_in(item, f"{where}[{index}]", seen)


def public_enums() -> list[type[lm.LabelledEnum]]:
    """Every enumeration of labelled members the public API offers."""
    return [
        getattr(lm, name)
        for name in lm.__all__
        if inspect.isclass(getattr(lm, name))
        and issubclass(getattr(lm, name), lm.LabelledEnum)
        and getattr(lm, name) is not lm.LabelledEnum
    ]


def label_roots() -> dict[str, object]:
    """The public values that hold labels a person reads."""
    return {
        "DEFAULT_CATALOG": lm.DEFAULT_CATALOG,
        "QUESTION_BANK": lm.QUESTION_BANK,
        "DEFAULT_REFLECTION": lm.DEFAULT_REFLECTION,
        "YIELD_SURVEY": lm.YIELD_SURVEY,
        "FOLLOW_UP_SURVEY": lm.FOLLOW_UP_SURVEY,
        "COURSE_LABELS": lm.COURSE_LABELS,
        "HANDOVER_DOCUMENTS": lm.HANDOVER_DOCUMENTS,
        "LEARNING_TAGS": lm.LEARNING_TAGS,
        "enumerations": {e.__name__: tuple(e) for e in public_enums()},
        "load_sample()": load_sample(),
    }


def label_texts(root: object, where: str) -> Iterator[Text]:
    for path, label in labels_in(root, where):
        yield path, "da", label.da
        yield path, "en", label.en


# -- what a known code is ----------------------------------------------------


def _words(texts: Iterator[str]) -> frozenset[str]:
    return frozenset(w.lower() for text in texts for w in re.findall(r"[\w-]+", text))


def _codes(value: object) -> set[str]:
    """The codes of every catalogue entry and enumeration member in *value*."""
    found: set[str] = set()

    def walk(item: object, seen: set[int]) -> None:
        if id(item) in seen or (callable(item) and not isinstance(item, Enum)):
            return
        seen.add(id(item))
        if isinstance(item, lm.LabelledEnum):
            found.add(item.code)
        elif attrs.has(type(item)):
            for field in attrs.fields(type(item)):
                got = getattr(item, field.name)
                if field.name == "code" and isinstance(got, str):
                    found.add(got)
                else:
                    walk(got, seen)
        elif isinstance(item, dict):
            for key, got in item.items():
                if isinstance(key, str) and re.fullmatch(r"[a-z][a-z0-9_-]*", key):
                    found.add(key)
                walk(got, seen)
        elif isinstance(item, (tuple, list, frozenset, set)):
            for got in item:
                walk(got, seen)

    walk(value, set())
    return found


ROOTS = label_roots()
CODES = frozenset(_codes(ROOTS))
"""Every code of the catalogue, the enumerations, the questions and the sample."""

NAMES = [
    label
    for root in ROOTS.values()
    for path, label in labels_in(root, "")
    if path.endswith(".label") or "=" in path.rpartition(".")[2]
]
"""The labels that name something: of an enumeration member or a catalogue
entry (not a description, a question or a rule's meaning)."""

WORDS = {lang: _words(label.get(lang) for label in NAMES) for lang in ("da", "en")}
WORDS["da"] |= {"organisation"}  # Danish too, though FailureCause says "organisering"
"""Per language, every word of the names: a code that is also such a word
(``facilitator``, ``roadshow``, ``audit``) may appear in that language."""


DANISH_NAMES = re.compile(
    "|".join(
        rf"(?<!\w){re.escape(entry.label.da)}(?!\w)"
        for entry in (
            *lm.DEFAULT_CATALOG.professions,
            *lm.DEFAULT_CATALOG.sectors,
            *lm.DEFAULT_CATALOG.formats,
        )
        if entry.label.da.lower() != entry.label.en.lower()
    )
)
"""The catalogue's Danish names, which English text never shows (case
english_plan_has_danish_titles: "cross-sectoral audit: tværsektoriel audit")."""


def problems(
    text: str,
    lang: str,
    codes: frozenset[str] = CODES,
    data: frozenset[str] = frozenset(),
) -> list[str]:
    """What is wrong with *text* in *lang*; *data* are ids the user chose."""
    for chosen in sorted(data, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(chosen)}(?![\w-])", "", text)
    found = [
        f"refused {why}"
        for pattern, why in REFUSED[lang]
        if re.search(pattern, text, re.MULTILINE)
    ]
    found += [f"snake_case code {m!r}" for m in SNAKE.findall(text)]
    found += [f"attendee key {m!r}" for m in KEY.findall(text)]
    found += [f"class name {m!r}" for m in CLASS.findall(text)]
    found += [f"repr {m!r}" for m in REPR.findall(text)]
    if lang == "en":
        found += [f"Danish name {m!r}" for m in DANISH_NAMES.findall(text)]
    for token in set(re.findall(r"(?<![\w-])[a-z][\w-]*(?![\w-])", text)):
        # Codes are English words: in English text only a compound code
        # ("nurse-other") stands out; in Danish text every code does.
        compound = "-" in token or "_" in token
        if token in codes and token not in WORDS[lang] and (lang == "da" or compound):
            found.append(f"code {token!r}")
    return sorted(set(found))


# -- what is not a code, and what other branches fix -------------------------

MACHINE: Mapping[str, str] = {
    r"(?<![\w-])[\w-]+\.(?:ics|json|csv|svg)\b": "a file's name, as it is on disk",
    r"(?<![\w.-])(?:[\w-]+\.)+(?:dk|org)\b": "a domain name (kommune.dk)",
    r"\$[^\s:]*": "a JSON path ($.cases[0].care_team[0]): where in the file",
    r"(?m)^\s*[A-Za-z_]\w*(?:\.\w+|\[\d+\])+:": "where an argument or a field "
    "was refused (find_slots.window[1]:), for the programmer who passed it",
    r"\((?:felter|fields): [\w, ]+\)": "the file's keys in which two copies differ",
    r"(?<=med det id i )\w+|(?<=with that id to )\w+": "the file's key of the "
    "list a missing entry is added to",
}
"""References a person must read verbatim to find what to fix: not codes
shown where a label exists."""


def masked(text: str) -> str:
    """*text* without the references of MACHINE."""
    for pattern in MACHINE:
        text = re.sub(pattern, " ", text, flags=re.MULTILINE)
    return text


def checked_problems(
    text: str,
    lang: str,
    codes: frozenset[str] = CODES,
    data: frozenset[str] = frozenset(),
) -> list[str]:
    """:func:`problems` of *text* less what :func:`masked` leaves out."""
    return problems(masked(text), lang, codes, data)


def report(found: list[tuple[str, str, str]]) -> str:
    return "\n".join(f"{where} [{lang}]: {what}" for where, lang, what in found)


# -- the walk ----------------------------------------------------------------


def _breaches(code: str) -> list[lst.Breach]:
    """A few breaches of *code*, the same ones every run."""
    got: list[lst.Breach] = []

    @settings(
        max_examples=5,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(lst.breaches(code))
    def collect(breach: lst.Breach) -> None:
        got.append(breach)

    collect()
    return got


def chosen(breach: lst.Breach) -> tuple[frozenset[str], frozenset[str]]:
    """The ids the breach's user chose (data), and the codes of its values."""
    meeting = breach.meeting
    ids = {meeting.id, *(m.id for m in getattr(breach.context, "meetings", ()))}
    codes = {meeting.format.code}
    for attendee in meeting.attendees:
        person = attendee.person
        if isinstance(person, lm.Citizen):
            ids.add(person.pseudonym)
            continue
        ids.add(person.id)
        if isinstance(person, lm.Professional):
            codes |= {person.profession.code, person.sector.code}
            codes |= {a.code for a in (person.unit.area,) if a is not None}
        # What the user named: the organisation and the area (data, not codes).
        if isinstance(person, lm.Professional):
            ids.add(person.unit.organisation.name)
            area = person.unit.area
            ids |= {area.label.da, area.label.en} if area is not None else set()
    if meeting.case is not None:
        ids |= {meeting.case.id, meeting.case.citizen.pseudonym}
    if meeting.cohort is not None:
        ids.add(meeting.cohort.id)
        codes.add(meeting.cohort.area.code)
    return frozenset(ids), frozenset(codes)


RULES = sorted(lm.DEFAULT_RULES.codes)


@pytest.mark.parametrize("code", RULES)
def test_a_rule_reads_as_a_care_worker_writes(code: str) -> None:
    """A rule's title, meaning and fix, and every message its breaches
    produce, name things by their labels in both languages."""
    rule = lm.DEFAULT_RULES.rule(code)
    found = [
        (f"{code}.{part}", lang, what)
        for part in ("title", "meaning", "fix")
        for lang in ("da", "en")
        for what in checked_problems(getattr(rule, part).get(lang), lang)
    ]
    breaches = _breaches(code)
    assert breaches
    for breach in breaches:
        ids, codes = chosen(breach)
        kwargs: dict[str, Any] = {"context": breach.context} if breach.context else {}
        violations = lm.validate(breach.meeting, **kwargs).violations
        assert code in {v.code for v in violations}
        found += [
            (f"{code} message", lang, what)
            for v in violations
            for lang in ("da", "en")
            for what in checked_problems(v.message.get(lang), lang, CODES | codes, ids)
        ]
    assert not found, report(found)


@pytest.mark.parametrize("root", sorted(ROOTS))
def test_every_label_reads_as_a_care_worker_writes(root: str) -> None:
    """The enumerations, the catalogue, the reflection models and their
    questions, the survey, the learning tags and the sample municipality."""
    found = [
        (where, lang, what)
        for where, lang, text in label_texts(ROOTS[root], root)
        for what in checked_problems(text, lang)
    ]
    assert not found, report(found)


COMMANDS = (
    ["--help"],
    ["demo", "--help"],
    ["check", "--help"],
    ["plan", "--help"],
    ["schema", "--help"],
    ["demo"],
)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_the_command_line_reads_as_a_care_worker_writes(
    capsys: pytest.CaptureFixture[str], argv: list[str], lang: str
) -> None:
    """The command line's help and the demo, line by line."""
    try:
        _, out, _ = run_cli(capsys, "--lang", lang, *argv)
    except SystemExit:  # --help exits once it has printed
        out, _ = capsys.readouterr()
    assert out
    found = [
        (f"line {number}", lang, what)
        for number, line in enumerate(out.splitlines(), 1)
        for what in checked_problems(line, lang)
    ]
    assert not found, report(found)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(
    "argv",
    [["check"], ["plan", "--from", "2027-01-01", "--to", "2027-03-31"]],
    ids=lambda argv: argv[0],
)
def test_check_and_plan_read_as_a_care_worker_writes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], lang: str
) -> None:
    """What ``learnmeet check`` and ``learnmeet plan`` print for the sample."""
    sample = tmp_path / "kommune.json"
    sample.write_text(sample_text(), encoding="utf-8")
    command, *rest = argv
    _, out, err = run_cli(capsys, "--lang", lang, command, str(sample), *rest)
    assert out
    # The file's path is the user's (here pytest's, named after the test).
    out, err = out.replace(str(sample), sample.name), err.replace(str(sample), "")
    found = [
        (f"line {number}", lang, what)
        for number, line in enumerate((out + err).splitlines(), 1)
        for what in checked_problems(line, lang)
    ]
    assert not found, report(found)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_learning_record_reads_as_a_care_worker_writes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: lm.Lang
) -> None:
    """What ``learnmeet record`` prints for the sample, and ``record_text``
    with the gaps a course day's requirements show: courses by their names."""
    sample = tmp_path / "kommune.json"
    sample.write_text(sample_text(), encoding="utf-8")
    _, out, err = run_cli(
        capsys, "--lang", lang, "record", str(sample), "--on", "2026-12-01"
    )
    record = lm.learning_record(load_sample(), on=date(2026, 12, 1))
    needs = lm.DEFAULT_CATALOG.format("course_day").requirements
    text = lm.record_text(record, lang, requirements=needs)
    assert out
    assert "p-001" in text
    # The professionals' ids are the user's.
    ids = frozenset(p.id for p in record.people)
    found = [
        (f"{where} line {number}", lang, what)
        for where, shown in (("record", out + err), ("record_text", text))
        for number, line in enumerate(shown.splitlines(), 1)
        for what in checked_problems(line, lang, data=ids)
    ]
    assert not found, report(found)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_calendar_reads_as_a_care_worker_writes(lang: lm.Lang) -> None:
    """What a calendar shows of a planned quarter: SUMMARY, DESCRIPTION and
    LOCATION (the X-LEARNMEET- parameters and CATEGORIES are for programs)."""
    plan = lm.plan_period(load_sample(), start=QUARTER[0], end=QUARTER[1])
    text = lm.to_ical(plan.meetings, lang=lang).replace("\r\n ", "")
    shown = [
        line.partition(":")[2].replace("\\n", "\n").replace("\\", "")
        for line in text.splitlines()
        if line.startswith(("SUMMARY:", "DESCRIPTION:", "LOCATION:"))
    ]
    assert len(shown) == 3 * len(plan.meetings)
    found = [
        (f"event {number // 3}", lang, what)
        for number, value in enumerate(shown)
        for what in checked_problems(value, lang)
    ]
    assert not found, report(found)


QUARTER = (date(2027, 1, 1), date(2027, 3, 31))


class TestTheChecker:
    """The walk finds what the review found, and lets the user's ids through."""

    @pytest.mark.parametrize(
        ("lang", "text", "found"),
        [
            ("da", "mangler: hospital", "code 'hospital'"),
            ("da", "mangler: sosu_assistant", "snake_case code 'sosu_assistant'"),
            ("en", "a course_day is full", "snake_case code 'course_day'"),
            ("en", "professional:p-1 is booked", "attendee key 'professional:p-1'"),
            ("da", "fundet i et BusyIndex", "class name 'BusyIndex'"),
            ("en", "got Label(da='x', en='y')", "repr 'Label("),
            ("en", "got <Meeting object at 0x7f>", "repr '<Meeting object at 0x'"),
            ("da", "Ingen borgersag", "refused 'borgersag': a sag is an "),
            ("da", "kun 7 tilmeldt", "refused 'kun 7 tilmeldt': plural"),
            ("da", "kun 12 tilmeldt", "refused 'kun 7 tilmeldt': plural"),
            ("en", "the mean yield", "refused 'yield': say 'benefit'"),
            ("en", "it yields learning", "refused 'yield': say 'benefit'"),
            ("da", "2 faggruppe(r) deltager", "refused 'deltager(e)': singular"),
            ("da", "2 sektor(er) deltager", "refused 'deltager(e)': singular"),
            ("da", "kun 1 deltager(e)", "refused 'deltager(e)': singular"),
            ("en", "1 attendee(s)", "refused 'attendee(s)': singular"),
            ("en", "turn operations into development", "refused 'turn operations"),
        ],
    )
    def test_finds(self, lang: str, text: str, found: str) -> None:
        assert any(p.startswith(found) for p in problems(text, lang)), problems(
            text, lang
        )

    @pytest.mark.parametrize(
        ("lang", "text"),
        [
            ("da", "kun 1 tilmeldt, men holdet skal have mindst 12"),
            ("da", "kun 11 tilmeldte"),
            ("da", "giv en nøgleperson rollen som facilitator"),
            ("da", "mødeformen «roadshow» skal samle mindst 3"),
            ("en", "the sector hospital (region) is missing"),
            ("en", "a nurse and a social worker"),
        ],
    )
    def test_lets_through(self, lang: str, text: str) -> None:
        """A code that is a word of the labels in that language is a word."""
        assert problems(text, lang) == []

    def test_the_ids_the_user_chose_are_data(self) -> None:
        text = "'case_7' er fiktiv; 'p_1' arbejder i Syd"
        assert problems(text, "da") == [
            "snake_case code 'case_7'",
            "snake_case code 'p_1'",
        ]
        assert problems(text, "da", data=frozenset({"case_7", "p_1"})) == []

    def test_a_file_name_and_a_path_are_references(self) -> None:
        text = "    $.cases[0].care_team[0]: skrevet til sample_calendar.ics"
        assert checked_problems(text, "da") == []
        assert problems(text, "da") != []

    def test_every_public_enumeration_is_walked(self) -> None:
        walked = {
            path.split("'")[1] for path, _ in labels_in(ROOTS["enumerations"], "")
        }
        assert {"AttendeeRole", "Discipline", "SubjectKind"} <= walked
        assert walked == {e.__name__ for e in public_enums()}

    def test_the_catalogue_and_the_questions_are_walked(self) -> None:
        paths = [path for path, _ in labels_in(ROOTS["QUESTION_BANK"], "Q")]
        assert any(".questions[" in path for path in paths)
        assert any(".phases[" in path for path in paths)
        paths = [path for path, _ in labels_in(ROOTS["DEFAULT_CATALOG"], "C")]
        assert any(path.endswith(".description") for path in paths)
