"""The learnmeet command: demo, check and plan, in Danish and English."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest

import learnmeet as lm
from learnmeet.cli import main
from learnmeet.data import sample_text


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestDemo:
    """The demo shows the sample municipality, proposals and a quarter's plan."""

    def test_danish_by_default(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = _run(capsys, "demo")
        assert code == 0
        assert "1. Eksempelkommunen" in out
        assert "sygeplejerske" in out
        assert "Læring i eksisterende mødefora" in out
        assert "LM120" in out

    def test_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = _run(capsys, "demo", "--lang", "en")
        assert code == 0
        assert "1. The sample municipality" in out
        assert "nurse" in out
        assert "turn operations into development" in out

    def test_same_output_twice(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert _run(capsys, "demo") == _run(capsys, "demo")

    def test_out_writes_scenario_plan_and_calendar(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        code, out, _ = _run(capsys, "demo", "--out", str(tmp_path))
        assert code == 0
        scenario = lm.from_json(lm.Scenario, (tmp_path / "scenario.json").read_text())
        assert len(scenario.cases) == 10
        plan = lm.from_json(lm.Scenario, (tmp_path / "plan.json").read_text())
        assert plan.meetings
        calendar = icalendar.Calendar.from_ical((tmp_path / "plan.ics").read_bytes())
        assert len(calendar.walk("VEVENT")) == len(plan.meetings)
        assert "plan.ics" in out

    def test_reflection_and_evaluation(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        code, out, _ = _run(capsys, "demo", "--lang", "en", "--out", str(tmp_path))
        assert code == 0
        section = out[out.index("4. Reflection and evaluation") :]
        assert "What matters most to you right now?" in section or (
            "What works well, and what is hard?" in section
        )
        assert "Meeting 2 starts with what was still open" in section
        assert "Action a-2 (2027-02-02, done)" in section
        assert "Yield – format" in section
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
        _, out, _ = _run(capsys, "demo")
        section = out[out.index("4. Refleksion og evaluering") :]
        assert "Refleksionsspørgsmål til et tværfagligt læringsmøde" in section
        assert "Svarprocent: RR1" in section


class TestCheck:
    """check reports every problem with its JSON path, never a traceback."""

    def test_sample_is_fine(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = tmp_path / "kommune.json"
        path.write_text(sample_text())
        code, out, _ = _run(capsys, "check", str(path), "--lang", "en")
        assert code == 0
        assert "OK" in out

    def test_broken_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        document = json.loads(sample_text())
        document["data"]["meetings"][0]["start"] = "2027-01-20T13:00:00"
        document["data"]["meetings"][1]["attendees"][0]["role"] = "boss"
        del document["data"]["cases"][2]["citizen"]
        path = tmp_path / "kommune.json"
        path.write_text(json.dumps(document))
        code, _, err = _run(capsys, "check", str(path))
        assert code == 1
        assert "3 problem(er)" in err
        assert "$.meetings[0].start:" in err
        assert "$.meetings[1].attendees[0].role:" in err
        assert "$.cases[2].citizen:" in err
        assert "Traceback" not in err

    def test_not_json(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "x.json"
        path.write_text("{")
        code, _, err = _run(capsys, "check", str(path), "--lang", "en")
        assert code == 1
        assert "not valid JSON" in err

    def test_missing_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        code, _, err = _run(
            capsys, "check", str(tmp_path / "none.json"), "--lang", "en"
        )
        assert code == 1
        assert "cannot read" in err


class TestPlan:
    """plan does for a user's scenario what the demo does for the sample."""

    def test_plan_writes_json_and_ics(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = tmp_path / "kommune.json"
        path.write_text(sample_text())
        out_dir = tmp_path / "plan"
        code, out, _ = _run(
            capsys,
            "plan",
            str(path),
            "--from",
            "2027-01-01",
            "--to",
            "2027-03-31",
            "--out",
            str(out_dir),
            "--lang",
            "en",
        )
        assert code == 0
        assert "Course days by area" in out
        assert (out_dir / "plan.ics").read_text().startswith("BEGIN:VCALENDAR")
        assert lm.from_json(lm.Scenario, (out_dir / "plan.json").read_text()).meetings

    def test_bad_period(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = tmp_path / "kommune.json"
        path.write_text(sample_text())
        code, _, err = _run(
            capsys, "plan", str(path), "--from", "2027-03-31", "--to", "2027-01-01"
        )
        assert code == 1
        assert "perioden slutter" in err

    def test_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as info:
            main(["plan"])
        assert info.value.code == 2
        capsys.readouterr()


class TestEntryPoints:
    """python -m learnmeet and --version."""

    def test_module(self) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "learnmeet", "--version"],
            capture_output=True,
            text=True,
            check=True,
        )
        assert done.stdout.strip() == f"learnmeet {lm.__version__}"
