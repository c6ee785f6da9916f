"""The learnmeet command: check and plan, entry points, and help on the docs page.

The demo command's output is tested in test_cli_demo.py.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import learnmeet as lm
from learnmeet.cli import main
from learnmeet.data import sample_text
from support import ROOT, run_cli, source_checkout


class TestCheck:
    """check reports every problem with its JSON path, never a traceback."""

    def test_sample_is_fine(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = tmp_path / "kommune.json"
        path.write_text(sample_text())
        code, out, _ = run_cli(capsys, "check", str(path), "--lang", "en")
        assert code == 0
        assert "OK" in out

    def test_the_summary_counts_in_danish(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = tmp_path / "kommune.json"
        path.write_text(sample_text())
        sample = lm.from_json(lm.Scenario, sample_text())
        code, out, err = run_cli(capsys, "check", str(path))
        assert (code, err) == (0, "")
        assert out == (
            f"{path}: OK – {len(sample.professionals)} fagpersoner, "
            f"{len(sample.cases)} borgerforløb, {len(sample.forums)} mødefora, "
            f"{len(sample.meetings)} møder\n"
        )

    def test_broken_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        document = json.loads(sample_text())
        document["data"]["meetings"][0]["start"] = "2027-01-20T13:00:00"
        document["data"]["meetings"][1]["attendees"][0]["role"] = "boss"
        del document["data"]["cases"][2]["citizen"]
        path = tmp_path / "kommune.json"
        path.write_text(json.dumps(document))
        code, _, err = run_cli(capsys, "check", str(path))
        assert code == 1
        assert "3 problem(er)" in err
        assert "$.meetings[0].start:" in err
        assert "$.meetings[1].attendees[0].role:" in err
        assert "$.cases[2].citizen:" in err
        assert "Traceback" not in err

    def test_not_json(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "x.json"
        path.write_text("{")
        code, _, err = run_cli(capsys, "check", str(path), "--lang", "en")
        assert code == 1
        assert "not valid JSON" in err

    def test_missing_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        code, _, err = run_cli(
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
        code, out, _ = run_cli(
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
        code, _, err = run_cli(
            capsys, "plan", str(path), "--from", "2027-03-31", "--to", "2027-01-01"
        )
        assert code == 1
        assert "perioden slutter" in err

    def test_without_out_nothing_is_written(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        path = tmp_path / "kommune.json"
        path.write_text(sample_text())
        monkeypatch.chdir(tmp_path)
        code, out, _ = run_cli(
            capsys, "plan", str(path), "--from", "2027-01-01", "--to", "2027-01-31"
        )
        assert code == 0
        assert "Tværfaglige kursusdage pr. område:" in out
        assert "Skrevet" not in out
        assert sorted(p.name for p in tmp_path.iterdir()) == ["kommune.json"]

    def test_a_file_it_cannot_read(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        code, out, err = run_cli(
            capsys,
            "plan",
            str(tmp_path / "none.json"),
            "--from",
            "2027-01-01",
            "--to",
            "2027-01-31",
        )
        assert (code, out) == (1, "")
        assert "none.json" in err

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


PAGE = ROOT / "docs" / "cli.md"
COMMANDS = ["learnmeet", "learnmeet demo", "learnmeet check", "learnmeet plan"]


def _shown(command: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    match = re.search(rf"<!-- help: {command} -->\n```text\n(.*?)```", text, re.S)
    assert match, f"docs/cli.md has no help block for {command!r}"
    return match.group(1)


def _normal(text: str) -> str:
    """The text with colours removed and whitespace runs made one space.

    Python versions wrap long usage lines differently; the words must match.
    """
    return " ".join(re.sub(r"\x1b\[[0-9;]*m", "", text).split())


@source_checkout
class TestHelpOnTheDocsPage:
    """docs/cli.md shows the command's real help, so the two cannot drift apart."""

    @pytest.mark.parametrize("command", COMMANDS)
    def test_help_on_the_page_is_the_real_help(
        self,
        command: str,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setenv("COLUMNS", "80")
        monkeypatch.setenv("NO_COLOR", "1")
        with pytest.raises(SystemExit) as done:
            main([*command.split()[1:], "--help"])
        assert done.value.code == 0
        assert _normal(capsys.readouterr().out) == _normal(_shown(command))

    def test_usage_summary_names_every_command(self) -> None:
        text = PAGE.read_text(encoding="utf-8")
        for command in ("demo", "check", "plan"):
            assert f"learnmeet {command}" in text
        assert "learnmeet --version" in text
