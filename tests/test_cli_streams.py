"""Standard output and error take any text, whatever their encoding.

Here the parts, in this process; test_cli_commands.py runs the command in a
process of its own with PYTHONIOENCODING set, and with its reader gone.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from learnmeet.cli._streams import REPLACE, Progress, quiet_broken_pipe, safe_streams


class TestTheErrorHandler:
    """What an encoding lacks becomes its nearest ASCII form, else '?'."""

    @pytest.mark.parametrize(
        ("text", "encoding", "written"),
        [
            ("kommune → sygehus", "cp1252", b"kommune -> sygehus"),
            ("kommune – sygehus", "cp1252", "kommune – sygehus".encode("cp1252")),
            ("kommune – sygehus", "ascii", b"kommune - sygehus"),
            ("Læring på plejecentret", "ascii", b"L?ring p? plejecentret"),
            ("2 × 45 min … ≥ 3", "ascii", b"2 x 45 min ... >= 3"),
            ("lone \udc80", "utf-8", b"lone ?"),
        ],
    )
    def test_replaced(self, text: str, encoding: str, written: bytes) -> None:
        assert text.encode(encoding, REPLACE) == written

    @given(st.text(), st.sampled_from(["ascii", "cp1252", "latin-1", "utf-8"]))
    def test_any_text_in_any_of_these(self, text: str, encoding: str) -> None:
        assert isinstance(text.encode(encoding, REPLACE), bytes)

    def test_decoding_errors_are_not_its_business(self) -> None:
        with pytest.raises(UnicodeDecodeError):
            b"\xff".decode("utf-8", REPLACE)


class _Stream(io.TextIOWrapper):
    """A text stream in *encoding* over bytes kept in memory, as a console's."""

    def __init__(self, encoding: str) -> None:
        self.bytes = io.BytesIO()
        super().__init__(self.bytes, encoding=encoding, errors="strict")

    def written(self) -> bytes:
        self.flush()
        return self.bytes.getvalue()


class TestSafeStreams:
    """The streams take any text while it is active, and are as before after."""

    def test_a_cp1252_stdout_takes_an_arrow(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        out, err = _Stream("cp1252"), _Stream("ascii")
        monkeypatch.setattr(sys, "stdout", out)
        monkeypatch.setattr(sys, "stderr", err)
        with safe_streams():
            sys.stdout.write("kommune → sygehus\n")
            sys.stderr.write("fejl: æ\n")
        assert (out.errors, err.errors) == ("strict", "strict")
        assert out.written() == b"kommune -> sygehus\n"
        assert err.written() == b"fejl: ?\n"

    def test_utf8_stays_utf8(self, monkeypatch: pytest.MonkeyPatch) -> None:
        out = _Stream("utf-8")
        monkeypatch.setattr(sys, "stdout", out)
        with safe_streams():
            sys.stdout.write("→ æøå\n")
            assert sys.stdout.encoding == "utf-8"
        assert out.written() == "→ æøå\n".encode()

    def test_restored_when_the_body_raises(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        out = _Stream("ascii")
        monkeypatch.setattr(sys, "stdout", out)
        with pytest.raises(SystemExit), safe_streams():
            raise SystemExit(2)
        assert out.errors == "strict"

    def test_other_streams_are_left_alone(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        out = io.StringIO()
        monkeypatch.setattr(sys, "stdout", out)
        monkeypatch.setattr(sys, "stderr", None)
        with safe_streams():
            sys.stdout.write("→\n")
        assert out.getvalue() == "→\n"


class TestQuietBrokenPipe:
    """After the reader went away, standard output goes nowhere."""

    def test_points_stdout_at_the_null_device(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "out.txt"
        with path.open("w") as stream:
            monkeypatch.setattr(sys, "stdout", stream)
            quiet_broken_pipe()
            os.write(stream.fileno(), b"lost\n")
        assert path.read_text() == ""

    def test_a_stream_without_a_descriptor_is_left(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        out = io.StringIO()
        monkeypatch.setattr(sys, "stdout", out)
        quiet_broken_pipe()
        assert sys.stdout is out


class _Terminal(io.StringIO):
    """A captured stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class TestProgress:
    """A bar on a terminal's standard error; nothing at all anywhere else."""

    def test_a_terminal_gets_a_bar_redrawn_in_place(self) -> None:
        stream = _Terminal()
        progress = Progress(stream, width=10)
        assert progress.enabled
        progress.step("reading", 5, 10)
        progress.step("reading", 10, 10)
        written = stream.getvalue()
        assert written.startswith("\rreading [#####-----]  50%")
        assert "\rreading [##########] 100%" in written
        assert "\n" not in written

    def test_done_clears_the_line(self) -> None:
        stream = _Terminal()
        progress = Progress(stream, width=4)
        progress.step("checking")
        progress.done()
        assert stream.getvalue().endswith(
            "\r" + " " * len("checking [----]   0%") + "\r"
        )
        progress.done()  # twice: nothing more
        assert stream.getvalue().count("\r") == 3

    def test_the_same_line_is_not_drawn_twice(self) -> None:
        stream = _Terminal()
        progress = Progress(stream, width=10)
        progress.step("reading", 1, 1000)
        progress.step("reading", 2, 1000)
        assert stream.getvalue().count("\r") == 1

    def test_a_shorter_line_covers_the_longer_one(self) -> None:
        stream = _Terminal()
        progress = Progress(stream, width=4)
        progress.step("planlægger", 0)
        progress.step("læser", 0)
        last = stream.getvalue().split("\r")[-1]
        assert len(last) == len("planlægger [----]   0%")

    def test_shares_outside_the_bar_are_cut(self) -> None:
        stream = _Terminal()
        progress = Progress(stream, width=4)
        progress.step("x", 7, 5)
        progress.step("y", -1, 5)
        progress.step("z", 1, 0)
        assert "x [####] 100%" in stream.getvalue()
        assert "y [----]   0%" in stream.getvalue()
        assert "z [----]   0%" in stream.getvalue()

    def test_not_a_terminal_gets_nothing(self) -> None:
        stream = io.StringIO()
        progress = Progress(stream)
        assert not progress.enabled
        progress.step("reading", 1, 2)
        progress.done()
        assert stream.getvalue() == ""

    def test_a_stream_that_cannot_say_is_no_terminal(self) -> None:
        class Closed(io.StringIO):
            def isatty(self) -> bool:
                raise ValueError("I/O operation on closed file")

        assert not Progress(Closed()).enabled
        assert not Progress(object()).enabled

    def test_forced_either_way(self) -> None:
        assert Progress(io.StringIO(), enabled=True).enabled
        assert not Progress(_Terminal(), enabled=False).enabled
