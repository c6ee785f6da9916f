"""learnmeet demo: the sample municipality, proposals, a quarter's plan, evaluation."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import icalendar
import pytest

import learnmeet as lm
from learnmeet.cli._demo import RECORD_DAY, DemoRun, _xapi
from learnmeet.data import load_sample
from support import run_cli


class TestDemo:
    """The demo shows the sample municipality, proposals and a quarter's plan."""

    def test_danish_by_default(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run_cli(capsys, "demo")
        assert code == 0
        assert "1. Eksempelkommunen" in out
        assert "sygeplejerske" in out
        assert "Læring i eksisterende mødefora" in out
        assert "LM120" in out

    def test_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run_cli(capsys, "demo", "--lang", "en")
        assert code == 0
        assert "1. The sample municipality" in out
        assert "nurse" in out
        assert "make everyday work a place for development" in out
        assert "2 municipalities, 22 + " in out
        assert "the first is the plan above." in out

    def test_the_overview_counts_the_schema_of_the_file(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        schema = lm.json_schema(lm.Scenario)
        kinds = len(schema["$defs"])
        _, out, _ = run_cli(capsys, "demo", "--lang", "en")
        assert (
            f"The file's JSON Schema (draft 2020-12, `learnmeet schema`): {kinds} "
            in out
        )
        _, out, _ = run_cli(capsys, "demo")
        assert f"Filens JSON-skema (draft 2020-12, `learnmeet schema`): {kinds} " in out

    @pytest.mark.parametrize("lang", ["da", "en"])
    def test_the_edges_refuse_in_one_language_and_repeat_nothing(
        self, capsys: pytest.CaptureFixture[str], lang: str
    ) -> None:
        code, out, _ = run_cli(capsys, "demo", "--lang", lang)
        assert code == 0
        edges = out[out.index("5. ") :]
        for where in (
            "Label.da:",
            "Location.description:",
            "Forum.recurrence:",
            "find_slots.window[1]:",
            "$:",
            "$.cases['c-101'].care_team[5]:",
            "$.professionals['p-001'].unit:",
            "$.cases[0].care_team[0]:",
        ):
            assert where in edges
        assert ("løsning:" in edges) == (lang == "da")
        assert ("fix:" in edges) == (lang == "en")
        assert "１２３４" not in edges
        assert "i morgen" not in edges
        assert "Traceback" not in edges

    def test_danish_a_care_worker_writes(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Issue 17's rows for the demo: no class names, no calques, people
        by their ids, the format named once, agreed actions as "Aftale"."""
        code, out, _ = run_cli(capsys, "demo", "--out", str(tmp_path))
        assert code == 0
        assert "90 minutter), fundet i 46 kalendere:" in out
        assert f"Gemt: {tmp_path / 'plan.ics'}" in out.splitlines()
        assert "Aftale a-1 (2027-01-19, udført)" in out
        assert "  p-001 — facilitator: nøgleperson, der faciliterer" in out
        assert "casefremlægger: SPL Nord 2 (eksempel)" in out
        assert "tværsektoriel audit: B-102 [moedelokale-1]" in out
        assert "0 fejl, 2 advarsler, 0 problemer" in out
        assert "Til et møde hjemme hos borgeren (med borgerens egne ord):" in out
        assert (
            "Et fælles SOSU-kursus i palliation for 20 medarbejdere af faggrupperne "
            in out
        )
        for refused in (
            "BusyIndex",
            "Skrevet",
            "Handling a-",
            "professional:p-001 —",
            "case-fremlægger",
            "tværsektoriel audit: tværsektoriel audit",
            "LearnmeetError",
            "plan_many",
            "(greedy)",
        ):
            assert refused not in out, refused

    def test_english_titles_in_english(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, _ = run_cli(capsys, "demo", "--lang", "en")
        assert code == 0
        assert "cross-sectoral audit: B-102 [moedelokale-1]" in out
        assert "meeting in the citizen's home: B-105" in out
        assert "13 meetings checked, 0 errors, 2 warnings, 0 problems" in out
        assert "møde hos borgeren" not in out
        assert "tværsektoriel audit" not in out

    def test_same_output_twice(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert run_cli(capsys, "demo") == run_cli(capsys, "demo")

    def test_out_writes_scenario_plan_and_calendar(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        code, out, _ = run_cli(capsys, "demo", "--out", str(tmp_path))
        assert code == 0
        scenario = lm.from_json(lm.Scenario, (tmp_path / "scenario.json").read_text())
        assert len(scenario.cases) == 11
        plan = lm.from_json(lm.PeriodPlan, (tmp_path / "plan.json").read_text())
        assert plan.meetings
        assert plan.scenario == scenario
        calendar = icalendar.Calendar.from_ical((tmp_path / "plan.ics").read_bytes())
        assert len(calendar.walk("VEVENT")) == len(plan.meetings)
        assert "plan.ics" in out

    @pytest.mark.parametrize(
        ("lang", "said"),
        [
            ("da", "er læst igen uden ny planlægning"),
            ("en", "read back without planning again"),
        ],
    )
    def test_the_plan_is_read_back_as_one_document(
        self, capsys: pytest.CaptureFixture[str], lang: str, said: str
    ) -> None:
        code, out, _ = run_cli(capsys, "demo", "--lang", lang)
        assert code == 0
        (line,) = [x for x in out.splitlines() if said in x]
        assert line.endswith("samme plan." if lang == "da" else "the same plan.")

    def test_the_course_days_keep_to_the_roster(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The quarter's course days are on several days, none takes more of
        a unit than half, and each below its minimum says it is tentative."""
        code, out, _ = run_cli(capsys, "demo", "--lang", "en")
        assert code == 0
        (line,) = [x for x in out.splitlines() if x.startswith("The course days:")]
        assert line == (
            "The course days: 6 on 6 days spread over the quarter, at most 3 of "
            "one unit at once (half stay on duty), 6 tentative, 0 waiting"
        )
        assert "tentative: only 3 enrolled, at least 12, capacity 24" in out

    @pytest.mark.parametrize("lang", ["da", "en"])
    def test_the_audit_after_death_rests_on_section_42_d(
        self, capsys: pytest.CaptureFixture[str], lang: str
    ) -> None:
        """The deceased citizen's audit is complete without consent, and
        without the permission the rule asks for management permission."""
        code, out, _ = run_cli(capsys, "demo", "--lang", lang)
        assert code == 0
        section = out[out.index("6. Audit") :]
        complete = "(komplet)" if lang == "da" else "(complete)"
        assert f"B-109 ({complete[1:-1]})" in section or complete in section
        assert "42 d" in section
        assert "LM108" in section
        assert ("ask the citizen" if lang == "en" else "borgerens samtykke") not in (
            section
        )

    def test_reflection_and_evaluation(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        code, out, _ = run_cli(capsys, "demo", "--lang", "en", "--out", str(tmp_path))
        assert code == 0
        section = out[out.index("4. Reflection and evaluation") :]
        home = lm.QUESTION_BANK.questions(
            model="home_conversation",
            phase="what_matters",
            audience=lm.Audience.CITIZEN_AND_RELATIVES,
        )
        assert sum(q.text.en in section for q in home) == 1
        assert "Meeting 2 starts with what was still open" in section
        assert "Agreed action a-2 (2027-02-02, done)" in section
        assert "Benefit – format" in section
        assert "Benefit – in person or online" in section
        # the levels say how they were measured; none asked too early is a number
        assert "Measured: self-reported right after the meeting" in section
        assert "Measured: self-reported at follow-up, 8 weeks after the meeting" in (
            section
        )
        behaviour = [
            line
            for line in section.splitlines()
            if line.strip().startswith("behaviour")
        ]
        assert "not measured" in behaviour[0]
        assert "self-reported at follow-up" in behaviour[1]
        results = [
            line for line in section.splitlines() if line.strip().startswith("results")
        ]
        assert "not measured" in results[0]
        assert "perceived, not the organisation's figures" in results[1]
        rows = list(
            csv.DictReader(io.StringIO((tmp_path / "evaluation.csv").read_text()))
        )
        shown = [r for r in rows if r["dimension"] == "format" and not r["suppressed"]]
        assert shown
        for row in shown:
            assert row["label"] in section
        svg = ET.fromstring((tmp_path / "yield.svg").read_text())
        assert svg.tag == "{http://www.w3.org/2000/svg}svg"
        assert "yield.svg" in out

    def test_reflection_in_danish(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = run_cli(capsys, "demo")
        section = out[out.index("4. Refleksion og evaluering") :]
        assert "Refleksionsspørgsmål til et tværfagligt læringsmøde" in section
        assert "Svarprocent: RR1" in section
        assert "Aftale a-2 (2027-02-02, udført)" in section
        assert "Handling a-" not in section

    def test_leaders_and_key_persons(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The leaders' questions about the meeting structure, and a key-person
        network whose facilitator is trained, which the rules pass."""
        _, out, _ = run_cli(capsys, "demo")
        section = out[out.index("Til ledere og nøglepersoner om mødestrukturen") :]
        leaders = lm.QUESTION_BANK.questions(model="meeting_structure")
        assert sum(q.text.da in section for q in leaders) == 5
        network = section[section.index("Kompetenceudvikling af nøglepersonerne") :]
        assert "nøglepersonnetværk" in network
        assert "facilitator: SPL Nord 1 (eksempel)" in network
        assert network.splitlines()[4].strip() == "Ingen problemer fundet."


class TestStaffCalendar:
    """The demo reads a synthetic Outlook export and plans around it."""

    def test_the_calendar_moves_the_free_time(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        pytest.importorskip("recurring_ical_events")
        code, out, _ = run_cli(capsys, "demo", "--lang", "en")
        assert code == 0
        after = out[out.index("p-003's Outlook calendar") :].splitlines()
        assert "gives 38 busy times in the quarter" in after[0]
        # Route planning 10-13 on Monday leaves the morning and the afternoon
        # free; on Tuesday a meeting of the team holds the morning.
        assert after[1:4] == [
            "  2027-01-04 08:00–10:00",
            "  2027-01-04 13:00–16:00",
            "  2027-01-05 13:00–16:00",
        ]

    def test_without_the_extra_it_says_so(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import importlib.util

        real = importlib.util.find_spec

        def hidden(name: str, *args: object) -> object:
            return None if name == "recurring_ical_events" else real(name)

        monkeypatch.setattr(importlib.util, "find_spec", hidden)
        code, out, _ = run_cli(capsys, "demo")
        assert code == 0
        assert "læses med learnmeet[calendar], som ikke er installeret her." in out


class TestOptimising:
    """The demo shows the optimising backend place more than greedy."""

    def test_one_more_placed(self, capsys: pytest.CaptureFixture[str]) -> None:
        pytest.importorskip("ortools")
        code, out, _ = run_cli(capsys, "demo", "--lang", "en")
        assert code == 0
        assert "one at a time places 2; optimised (CP-SAT) 3." in out

    def test_without_the_extra_it_says_so(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import importlib.util

        real = importlib.util.find_spec

        def hidden(name: str, *args: object) -> object:
            return None if name == "ortools" else real(name)

        monkeypatch.setattr(importlib.util, "find_spec", hidden)
        code, out, _ = run_cli(capsys, "demo")
        assert code == 0
        assert "kræver learnmeet[optimise], som ikke er installeret her" in out


class TestTheAuditForm:
    """The demo's audit of B-106 warns of the missing genoptræningsplan
    (Sundhedsloven § 84) and shows the assessment form with the finding."""

    @pytest.mark.parametrize(
        ("lang", "expected"),
        [
            (
                "da",
                [
                    "! LM135:",
                    "§ 84",
                    "ikke opfyldt   genoptræningsplan",
                    "Fund (ansvar)",
                ],
            ),
            (
                "en",
                [
                    "! LM135:",
                    "§ 84",
                    "not met        rehabilitation plan",
                    "Finding (responsibility)",
                ],
            ),
        ],
    )
    def test_the_finding(
        self, capsys: pytest.CaptureFixture[str], lang: str, expected: list[str]
    ) -> None:
        code, out, _ = run_cli(capsys, "demo", "--lang", lang)
        assert code == 0
        for text in expected:
            assert text in out


class TestOwnCitizensSeriesAndProgrammes:
    """The last section: LM140 and LM141, a series' signal, a programme."""

    def test_in_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = run_cli(capsys, "demo", "--lang", "en")
        section = out[out.index("Own citizens, course-day series and programmes") :]
        assert "LM140 warning [case " in section
        assert "LM141 warning [meeting study_visit-" in section
        assert "The series kursusdage-2027 by the fill: adjust" in section
        assert "The series kursusdage-2027 by fill and benefit: stop" in section
        assert "stopped after the first couple of times" in section
        assert "but is not a partner of the programme" in section
        assert "\n  Lægehuset Nord (eksempel) takes part in the meeting" in section
        assert "$.partners" not in section  # the programme is no document here

    def test_in_danish(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = run_cli(capsys, "demo")
        section = out[out.index("Egne borgere, kursusforløb og programmer") :]
        assert "Forløbet kursusdage-2027 ud fra deltagerantallet: justér" in section
        assert "lagt ned efter de første par gange" in section
        assert "men er ikke partner i programmet" in section
        assert "$.partners" not in section


class TestFhir:
    """The demo writes the quarter as FHIR R5, validates it and reads it back."""

    def test_in_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        pytest.importorskip("fhir.resources", reason="learnmeet[fhir]")
        code, out, _ = run_cli(capsys, "demo", "--lang", "en")
        assert code == 0
        section = out.split("FHIR R5\n=======")[1]
        assert "110 resources – 25 Appointment, 5 Location" in section
        assert "110 of 110 resources valid" in section
        assert "Read back: 22 meetings, 22 the same" in section
        assert "Appointment.subject (R5)" in section

    def test_the_bundle_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        pytest.importorskip("fhir.resources", reason="learnmeet[fhir]")
        code, out, _ = run_cli(capsys, "demo", "--out", str(tmp_path))
        assert code == 0
        bundle = json.loads((tmp_path / "plan.fhir.json").read_text())
        assert lm.validate_fhir(bundle)["Appointment"] == 25
        assert "plan.fhir.json" in out

    def test_without_the_extra_it_says_so(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import importlib.util

        real = importlib.util.find_spec

        def hidden(name: str, *args: object) -> object:
            return None if name == "fhir.resources" else real(name)

        monkeypatch.setattr(importlib.util, "find_spec", hidden)
        code, out, _ = run_cli(capsys, "demo")
        assert code == 0
        assert "kræver learnmeet[fhir], som ikke er installeret her" in out
        assert "Læst tilbage: 22 møder, 22 ens" in out


class TestTheLearningRecord:
    """The last section: the learning record answers the leader's questions."""

    def test_in_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = run_cli(capsys, "demo", "--lang", "en")
        section = out[out.index("The learning record\n") :]
        assert "Learning record as of 2026-12-01: 47 people" in section
        for question in (
            "Who completed what, when:",
            "Who facilitated:",
            "Who has met whom across sectors (units):",
            "Gaps per unit:",
        ):
            assert question in section
        assert (
            "Lacking a prerequisite before the interdisciplinary course day, "
            "North 2027-04-13:\n  p-005: palliative care course for social and "
            "health care helpers and assistants (never completed)"
        ) in section
        assert "  p-003: facilitator training, 2023-10-30 (expired)" in section

    def test_in_danish_without_a_citizen(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        from learnmeet.data import load_sample

        _, out, _ = run_cli(capsys, "demo")
        section = out[out.index("Læringsprofilen\n") :]
        assert "Hvem har gennemført hvad, og hvornår:" in section
        assert "Huller pr. enhed:" in section
        for case in load_sample().cases:
            assert case.citizen.pseudonym not in section

    def test_the_record_as_a_document(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        from learnmeet.data import load_sample

        code, out, _ = run_cli(capsys, "demo", "--lang", "en", "--out", str(tmp_path))
        assert code == 0
        section = out[out.index("The learning record\n") :]
        written = (tmp_path / "record.json").read_text()
        size = f"{len(written.encode()):,} bytes, read back unchanged."
        assert f"The record as a JSON document: {size}" in section
        record = lm.from_json(lm.LearningRecord, written)
        on = record.on
        assert record == lm.learning_record(load_sample(), on=on)


class TestXapiStatements:
    """The demo's last section: the sample's learning record as xAPI statements,
    counted per verb, undated courses left out, checked where the extra is."""

    def test_statements_per_verb(self) -> None:
        sample = load_sample()
        text = _xapi(DemoRun(sample, "en"))
        record = lm.learning_record(sample, on=RECORD_DAY)
        statements = lm.xapi_statements(record, home_page=lm.XAPI_HOME_PAGE)
        verbs = Counter(s["verb"]["display"]["en"] for s in statements)
        assert set(verbs) == {
            "attended",
            "completed",
            "facilitated",
            "presented",
            "reflected on",
        }
        assert f"as {len(statements)} xAPI statements" in text
        lines = "".join(f"  {verb}: {n}\n" for verb, n in sorted(verbs.items()))
        assert lines in text
        assert " at https://learnmeet.invalid: no name, no e-mail." in text
        undated = sum(len(p.undated_courses) for p in record.people)
        assert undated > 0
        assert f"{undated} courses without a date give no statement" in text

    def test_checked_where_the_extra_is(self) -> None:
        pytest.importorskip("ralph")
        text = _xapi(DemoRun(load_sample(), "da"))
        assert "Alle er gyldige xAPI 1.0.3" in text

    def test_without_the_extra_it_says_so(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import importlib.util

        real = importlib.util.find_spec

        def hidden(name: str, *args: object) -> object:
            return None if name == "ralph" else real(name)

        monkeypatch.setattr(importlib.util, "find_spec", hidden)
        text = _xapi(DemoRun(load_sample(), "da"))
        assert "Installér learnmeet[xapi] for at kontrollere dem." in text
