"""docs/cli.md shows the command's real help, so the two cannot drift apart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from learnmeet.cli import main
from support import source_checkout

pytestmark = source_checkout

PAGE = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
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


@pytest.mark.parametrize("command", COMMANDS)
def test_help_on_the_page_is_the_real_help(
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


def test_usage_summary_names_every_command() -> None:
    text = PAGE.read_text(encoding="utf-8")
    for command in ("demo", "check", "plan"):
        assert f"learnmeet {command}" in text
    assert "learnmeet --version" in text
