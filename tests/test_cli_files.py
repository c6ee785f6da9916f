"""The command line's files: what it reads, how it names them, how it writes.

Reading takes UTF-8 (with or without a byte-order mark) and UTF-16/UTF-32 by
their mark, and refuses anything else with a bilingual message that says
what it found; writing is atomic. The commands that use these are tested in
test_cli_commands.py.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from learnmeet.cli._files import (
    decode,
    prepare_folder,
    read_text,
    visible,
    write_files,
)
from learnmeet.strategies import cpr_numbers

HERE = Path("indkaldelse.json")
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
"""Root may read and write anything, so file modes cannot refuse it."""


def _refusal(data: bytes) -> lm.InvalidValueError:
    with pytest.raises(lm.InvalidValueError) as caught:
        decode(data, HERE)
    return caught.value


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# Text that encodes in every UTF: no lone surrogates. Nor a NUL first: UTF-16
# LE's mark and a NUL are UTF-32 LE's mark, and JSON never starts with one.
texts = st.text(st.characters(blacklist_categories=("Cs",))).filter(
    lambda text: not text.startswith("\0")
)


class TestDecode:
    """UTF-8 with or without a mark; UTF-16 and UTF-32 by their mark."""

    @pytest.mark.parametrize(
        ("mark", "codec"),
        [
            (codecs.BOM_UTF8, "utf-8"),
            (codecs.BOM_UTF16_LE, "utf-16-le"),
            (codecs.BOM_UTF16_BE, "utf-16-be"),
            (codecs.BOM_UTF32_LE, "utf-32-le"),
            (codecs.BOM_UTF32_BE, "utf-32-be"),
        ],
    )
    @given(text=texts)
    def test_a_marked_file_reads_as_what_was_saved(
        self, mark: bytes, codec: str, text: str
    ) -> None:
        assert decode(mark + text.encode(codec), HERE) == text

    @given(text=texts.filter(lambda t: not t.startswith("\ufeff") and "\0" not in t))
    def test_utf8_without_a_mark_reads_as_it_is(self, text: str) -> None:
        assert decode(text.encode("utf-8"), HERE) == text

    def test_latin1_names_the_byte_its_place_and_the_likely_encoding(self) -> None:
        data = '{\n  "navn": "Plejecenter Søhøj"\n}'.encode("latin-1")
        error = _refusal(data)
        assert error.where == "indkaldelse.json"
        assert error.reason.en == (
            "the file is not UTF-8: byte 0xF8 at line 2, column 25 cannot be "
            "read; the file was probably saved as Windows-1252 or ISO-8859-1 "
            "(Latin-1), where that byte is 'ø'"
        )
        assert error.reason.da == (
            "filen er ikke UTF-8: byte 0xF8 i linje 2, kolonne 25 kan ikke "
            "læses; filen er sandsynligvis gemt som Windows-1252 eller "
            "ISO-8859-1 (Latin-1), hvor den byte er 'ø'"
        )
        assert "UTF-8" in error.fix.da
        assert "UTF-8" in error.fix.en

    def test_a_byte_without_a_letter_in_windows_1252_is_named_alone(self) -> None:
        error = _refusal(b'{"a": "\x81"}')
        assert "byte 0x81 at line 1, column 8" in error.reason.en
        assert "where that byte is" not in error.reason.en

    def test_utf16_without_a_mark_is_named(self) -> None:
        for codec in ("utf-16-le", "utf-16-be"):
            for text in ('{"learnmeet": 1}', '{"navn": "Åløkke"}'):
                error = _refusal(text.encode(codec))
                assert "looks like UTF-16 without a byte-order mark" in (
                    error.reason.en
                ), (codec, text)
                assert "UTF-16 uden byte-order-mærke" in error.reason.da

    def test_a_nul_in_utf8_that_is_no_utf16_is_left_to_the_json_reader(
        self,
    ) -> None:
        assert decode(b'{"a": 1}\x00', HERE) == '{"a": 1}\x00'

    def test_a_mark_followed_by_broken_bytes(self) -> None:
        error = _refusal(codecs.BOM_UTF16_LE + "{}".encode("utf-16-le") + b"\x00")
        assert error.reason.en == (
            "the file starts as UTF-16 LE, but byte 0x00 at line 1, column 7 "
            "is not valid UTF-16 LE"
        )
        error = _refusal(codecs.BOM_UTF8 + b"{\xc3}")
        assert error.reason.da.startswith("filen begynder som UTF-8, men byte 0xC3")

    @given(data=st.binary())
    def test_any_bytes_are_text_or_a_refusal(self, data: bytes) -> None:
        refusal = None
        try:
            decode(data, HERE)
        except lm.InvalidValueError as error:
            refusal = error
        if refusal is not None:
            assert refusal.where == "indkaldelse.json"
            assert refusal.message("da") != refusal.message("en")


class TestReadText:
    """A file that cannot be read is refused with what is wrong and what to do."""

    def test_reads_a_file(self, tmp_path: Path) -> None:
        path = tmp_path / "s.json"
        path.write_bytes(codecs.BOM_UTF8 + b"{}")
        assert read_text(path) == "{}"

    def test_a_big_file_tells_how_far_it_has_read(self, tmp_path: Path) -> None:
        path = tmp_path / "stor.json"
        text = '{"x": "' + "a" * (3 * (1 << 20)) + '"}'
        path.write_text(text, encoding="utf-8")
        told: list[tuple[int, int]] = []
        assert read_text(path, progress=lambda *done: told.append(done)) == text
        size = len(text.encode())
        assert told[-1] == (size, size)
        assert len(told) == 4  # a mebibyte at a time
        assert [done for done, _ in told] == sorted(done for done, _ in told)

    def test_a_missing_file_with_progress(self, tmp_path: Path) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            read_text(tmp_path / "mangler.json", progress=lambda *_: None)
        assert caught.value.reason.en == "the file does not exist"

    def test_a_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            read_text(tmp_path / "mangler.json")
        assert caught.value.reason.en == "the file does not exist"
        assert caught.value.reason.da == "filen findes ikke"
        assert caught.value.where == str(tmp_path / "mangler.json")

    def test_a_folder(self, tmp_path: Path) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            read_text(tmp_path)
        assert caught.value.reason.en in (
            "it is a folder, not a file",
            # Windows says "permission denied" for a folder
            "cannot read the file: permission denied",
        )

    @pytest.mark.skipif(ROOT_USER, reason="root reads a file of any mode")
    def test_a_file_without_read_permission(self, tmp_path: Path) -> None:
        path = tmp_path / "hemmelig.json"
        path.write_text("{}")
        path.chmod(0)
        try:
            with pytest.raises(lm.InvalidValueError, match="permission denied"):
                read_text(path)
        finally:
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)

    @pytest.mark.parametrize(
        ("raised", "english"),
        [
            (
                PermissionError(errno.EACCES, "Permission denied"),
                "cannot read the file: permission denied",
            ),
            (
                OSError(errno.EIO, "I/O error"),
                "cannot read the file (system error EIO)",
            ),
            (
                ValueError("embedded null byte"),
                "cannot read the file: the path holds a character no file name "
                "can have",
            ),
        ],
    )
    def test_what_the_system_says_in_our_words(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        raised: Exception,
        english: str,
    ) -> None:
        def refuse(self: Path) -> bytes:
            raise raised

        monkeypatch.setattr(Path, "read_bytes", refuse)
        with pytest.raises(lm.InvalidValueError) as caught:
            read_text(tmp_path / "x.json")
        assert caught.value.reason.en == english
        assert "I/O error" not in caught.value.message("da")

    def test_a_nul_in_the_name(self, tmp_path: Path) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            read_text(tmp_path / "a\0b.json")
        assert caught.value.where.endswith("a\\x00b.json")

    def test_a_name_too_long(self, tmp_path: Path) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            read_text(tmp_path / ("x" * 5000))
        assert caught.value.reason.en == "cannot read the file: the path is too long"


class TestVisible:
    """Paths are repeated redacted, with every character visible."""

    def test_a_cpr_number_is_redacted(self) -> None:
        assert visible(Path("borgere") / "150575-1234.json") == "borgere/[CPR].json"

    @given(cpr_numbers())
    def test_a_cpr_number_however_written_is_redacted_before_escaping(
        self, cpr: str
    ) -> None:
        shown = visible(f"borgere/{cpr}.json")
        assert not lm.looks_like_cpr(shown)
        assert not lm.looks_like_cpr(shown.encode().decode("unicode_escape"))

    def test_an_undecodable_byte_is_shown_as_its_code(self) -> None:
        assert visible(os.fsdecode(b"m\xf8de.json")) == "m\\xf8de.json"

    def test_a_lone_surrogate_and_control_characters(self) -> None:
        assert visible("a\ud800b\nc\x1b[2J") == "a\\ud800b\\nc\\x1b[2J"

    @given(st.text())
    def test_anything_can_stand_in_a_label(self, text: str) -> None:
        assert lm.Label(da=f"fil {visible(text)}", en=f"file {visible(text)}")


class TestPrepareFolder:
    """--out is checked before anything is printed or written."""

    def test_makes_the_folder_and_its_parents(self, tmp_path: Path) -> None:
        folder = tmp_path / "a" / "b"
        prepare_folder(folder)
        assert folder.is_dir()
        assert list(folder.iterdir()) == []

    def test_an_existing_file(self, tmp_path: Path) -> None:
        path = tmp_path / "plan"
        path.write_text("mine")
        with pytest.raises(lm.InvalidValueError) as caught:
            prepare_folder(path)
        assert caught.value.reason.en == "it is a file, not a folder"
        assert path.read_text() == "mine"

    def test_a_file_in_the_path(self, tmp_path: Path) -> None:
        (tmp_path / "fil").write_text("")
        with pytest.raises(lm.InvalidValueError) as caught:
            prepare_folder(tmp_path / "fil" / "plan")
        assert caught.value.reason.en == (
            "cannot write here: part of the path is a file, not a folder"
        )

    @pytest.mark.skipif(ROOT_USER, reason="root writes in a folder of any mode")
    def test_a_folder_without_write_permission(self, tmp_path: Path) -> None:
        folder = tmp_path / "låst"
        folder.mkdir()
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
        try:
            with pytest.raises(lm.InvalidValueError, match="permission denied"):
                prepare_folder(folder)
        finally:
            folder.chmod(stat.S_IRWXU)

    def test_a_folder_the_system_will_not_write_in(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def refuse(*args: object, **kwargs: object) -> int:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(os, "open", refuse)
        with pytest.raises(lm.InvalidValueError) as caught:
            prepare_folder(tmp_path)
        assert caught.value.message("da") == (
            f"{tmp_path}: kan ikke skrive her: adgang nægtet (løsning: giv dig "
            "selv adgang, eller brug en fil eller mappe, du ejer)"
        )

    def test_another_system_error(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def refuse(*args: object, **kwargs: object) -> None:
            raise OSError(errno.EROFS, "Read-only file system")

        monkeypatch.setattr(Path, "mkdir", refuse)
        with pytest.raises(lm.InvalidValueError) as caught:
            prepare_folder(tmp_path / "ny")
        assert "(system error EROFS)" in caught.value.reason.en


class TestWriteFiles:
    """All written or none: a temporary file, then os.replace."""

    def test_writes_utf8_bytes_as_given(self, tmp_path: Path) -> None:
        written = write_files(tmp_path, {"a.ics": "æ\r\nø\n", "b.json": "{}"})
        assert written == [tmp_path / "a.ics", tmp_path / "b.json"]
        assert (tmp_path / "a.ics").read_bytes() == "æ\r\nø\n".encode()
        assert _leftovers(tmp_path) == []

    def test_a_new_file_has_the_usual_permissions(self, tmp_path: Path) -> None:
        mask = os.umask(0o022)
        try:
            write_files(tmp_path, {"a.json": "{}"})
        finally:
            os.umask(mask)
        if os.name == "posix":
            assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == 0o644

    def test_a_replaced_file_keeps_its_permissions(self, tmp_path: Path) -> None:
        path = tmp_path / "plan.json"
        path.write_text("old")
        path.chmod(0o640)
        write_files(tmp_path, {"plan.json": "new"})
        assert path.read_text() == "new"
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o640

    def test_a_lone_surrogate_writes_nothing(self, tmp_path: Path) -> None:
        (tmp_path / "plan.json").write_text("good")
        with pytest.raises(lm.InvalidValueError) as caught:
            write_files(tmp_path, {"plan.ics": "fine", "plan.json": "bad \udc80"})
        assert "lone surrogate" in caught.value.reason.en
        assert caught.value.where == str(tmp_path / "plan.json")
        assert (tmp_path / "plan.json").read_text() == "good"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]

    def test_a_folder_where_a_file_is_to_go(self, tmp_path: Path) -> None:
        (tmp_path / "plan.ics").mkdir()
        with pytest.raises(lm.InvalidValueError) as caught:
            write_files(tmp_path, {"plan.json": "{}", "plan.ics": ""})
        assert caught.value.where == str(tmp_path / "plan.ics")
        assert "a folder stands where" in caught.value.reason.en
        assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.ics"]

    @pytest.mark.parametrize("failing", ["fsync", "replace"])
    def test_a_failure_leaves_the_earlier_files_and_no_temporary_one(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
    ) -> None:
        (tmp_path / "plan.json").write_text("good")
        (tmp_path / "plan.ics").write_text("good too")

        def full(*args: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, failing, full)
        with pytest.raises(lm.InvalidValueError) as caught:
            write_files(tmp_path, {"plan.json": "new", "plan.ics": "new"})
        assert "(system error ENOSPC)" in caught.value.reason.en
        assert (tmp_path / "plan.json").read_text() == "good"
        assert (tmp_path / "plan.ics").read_text() == "good too"
        assert _leftovers(tmp_path) == []
