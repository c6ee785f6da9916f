"""The files the command line reads and writes, and how it names them.

Reading takes UTF-8 with or without a byte-order mark, and UTF-16 or UTF-32
recognised by theirs; any other bytes are refused with an error that says
where the first byte that is not UTF-8 stands and what the file was probably
saved as. Writing is all or nothing: every file is written in full to a
temporary file in the same folder, and only then moved into place with
:func:`os.replace`, so a run that fails leaves no half-written file and an
earlier good file as it was.

Every refusal is an :class:`~learnmeet.InvalidValueError` with a Danish and an
English text, whose :attr:`~learnmeet.LearnmeetError.where` is the file's
path as :func:`visible` shows it.
"""

from __future__ import annotations

import codecs
import errno
import os
import secrets
import stat
from collections.abc import Callable, Mapping
from pathlib import Path

from learnmeet.exceptions import InvalidValueError, Label, redact, shown

__all__ = ["decode", "prepare_folder", "read_text", "visible", "write_files"]

_BOMS = (
    # UTF-32 LE first: its mark begins with UTF-16 LE's.
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)
"""Byte-order marks: the bytes, the codec that reads what follows, its name."""

_SAVE_AS_UTF8 = Label(
    da="gem filen som UTF-8 (i Notesblok: Gem som, Kodning: UTF-8) og kør igen",
    en="save the file as UTF-8 (in Notepad: Save as, Encoding: UTF-8) and run again",
)


def visible(path: str | os.PathLike[str]) -> str:
    r"""*path* (or any text from the command line) as a message may repeat it.

    A CPR-like number in it becomes ``[CPR]``; a byte that is not UTF-8 (which
    Python keeps as a lone surrogate) is shown as ``\xff``, and a character
    that does not print (a newline, an escape) as its ``\x``, ``\u`` code,
    so a name can neither hide text nor move the terminal's cursor.

    The number is redacted before anything is escaped, so an invisible
    character between its digits hides nothing.

    >>> visible("borgere/010203-1234.json")
    'borgere/[CPR].json'
    >>> visible("borgere/01\u200b0203-1234.json")
    'borgere/[CPR].json'
    """
    return "".join(_shown_char(c) for c in redact(os.fspath(path)))


def _shown_char(char: str) -> str:
    if "\udc80" <= char <= "\udcff":  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{ord(char) - 0xDC00:02x}"
    return char if char.isprintable() else ascii(char)[1:-1]


def _refusal(path: Path, reason: Label, fix: Label) -> InvalidValueError:
    return InvalidValueError(reason=reason, fix=fix, where=visible(path))


def _os_error(exc: OSError | ValueError) -> tuple[Label, Label] | None:
    """What the errors that reading and writing share mean, or ``None``."""
    if isinstance(exc, ValueError):  # a NUL, or a surrogate the system refuses
        return (
            Label(
                da="stien indeholder et tegn, som et filnavn ikke kan have",
                en="the path holds a character no file name can have",
            ),
            Label(da="skriv stien igen", en="type the path again"),
        )
    if isinstance(exc, PermissionError):
        return (
            Label(da="adgang nægtet", en="permission denied"),
            Label(
                da="giv dig selv adgang, eller brug en fil eller mappe, du ejer",
                en="give yourself access, or use a file or folder you own",
            ),
        )
    if exc.errno == errno.ENAMETOOLONG:
        return (
            Label(da="stien er for lang", en="the path is too long"),
            Label(da="brug en kortere sti", en="use a shorter path"),
        )
    return None


def _os_code(exc: OSError | ValueError) -> str:
    return errno.errorcode.get(getattr(exc, "errno", None) or 0, "?")


_CHUNK = 1 << 20
"""How much of a file is read at a time when the reading is shown."""


def read_text(path: Path, *, progress: Callable[[int, int], None] | None = None) -> str:
    """The text of the file at *path*, decoded as :func:`decode` does.

    With *progress*, the file is read a mebibyte at a time and *progress* is
    told ``(bytes read, bytes in all)`` after each.

    Raises:
        InvalidValueError: The file is missing, a folder, not readable, or
            not in an encoding learnmeet reads.
    """
    try:
        if progress is None:
            data = path.read_bytes()
        else:
            with path.open("rb") as file:
                total = os.fstat(file.fileno()).st_size
                parts = []
                read = 0
                while chunk := file.read(_CHUNK):
                    parts.append(chunk)
                    read += len(chunk)
                    progress(read, total)
                data = b"".join(parts)
    except (OSError, ValueError) as exc:
        raise _cannot_read(path, exc) from None
    return decode(data, path)


def _cannot_read(path: Path, exc: OSError | ValueError) -> InvalidValueError:
    shared = _os_error(exc)
    if shared is not None:
        reason, fix = shared
        reason = Label(
            da=f"kan ikke læse filen: {reason.da}",
            en=f"cannot read the file: {reason.en}",
        )
    elif isinstance(exc, FileNotFoundError):
        reason = Label(da="filen findes ikke", en="the file does not exist")
        fix = Label(
            da="ret stien, eller kør kommandoen fra den mappe, filen ligger i",
            en="correct the path, or run the command from the file's folder",
        )
    elif isinstance(exc, IsADirectoryError):
        reason = Label(
            da="det er en mappe, ikke en fil", en="it is a folder, not a file"
        )
        fix = Label(
            da="giv stien til en scenariefil i mappen",
            en="give the path of a scenario file in that folder",
        )
    else:
        code = _os_code(exc)
        reason = Label(
            da=f"kan ikke læse filen (systemfejl {code})",
            en=f"cannot read the file (system error {code})",
        )
        fix = Label(
            da="tjek, at filen findes og kan åbnes",
            en="check that the file exists and can be opened",
        )
    return _refusal(path, reason, fix)


def decode(data: bytes, path: Path) -> str:
    r"""*data*, the bytes of the file at *path*, as text.

    UTF-8 with or without a byte-order mark; UTF-16 and UTF-32, little- or
    big-endian, when a byte-order mark says so. The mark is not part of the
    text.

    >>> decode(b"\xef\xbb\xbf{}", Path("a.json"))
    '{}'
    >>> decode(b"\xff\xfe{\x00}\x00", Path("b.json"))
    '{}'

    Raises:
        InvalidValueError: The bytes are none of these; the message names the
            first byte that is not UTF-8, its line and what the file was
            probably saved as.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                where = _position(data, exc.start + len(bom))
                raise _refusal(
                    path,
                    Label(
                        da=f"filen begynder som {name}, men {where.da} er ikke "
                        f"gyldig {name}",
                        en=f"the file starts as {name}, but {where.en} is not "
                        f"valid {name}",
                    ),
                    _SAVE_AS_UTF8,
                ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(path, data, exc.start) from None
    if "\x00" in text and _looks_like_utf16(data):  # ASCII as UTF-16, no mark
        raise _not_utf8(path, data, data.index(0))
    return text


def _position(data: bytes, at: int) -> Label:
    """Which byte *at* is, with its line and column, in Danish and English."""
    line = data.count(b"\n", 0, at) + 1
    column = at - (data.rfind(b"\n", 0, at) + 1) + 1
    byte = f"0x{data[at]:02X}"
    return Label(
        da=f"byte {byte} i linje {line}, kolonne {column}",
        en=f"byte {byte} at line {line}, column {column}",
    )


def _not_utf8(path: Path, data: bytes, at: int) -> InvalidValueError:
    where = _position(data, at)
    if _looks_like_utf16(data):
        found = Label(
            da="filen ser ud til at være UTF-16 uden byte-order-mærke",
            en="the file looks like UTF-16 without a byte-order mark",
        )
    else:
        legacy = data[at : at + 1].decode("cp1252", "replace")
        seen = shown(legacy) if legacy.isprintable() and legacy != "\ufffd" else None
        found = Label(
            da="filen er sandsynligvis gemt som Windows-1252 eller ISO-8859-1 "
            "(Latin-1)" + (f", hvor den byte er {seen.da}" if seen else ""),
            en="the file was probably saved as Windows-1252 or ISO-8859-1 "
            "(Latin-1)" + (f", where that byte is {seen.en}" if seen else ""),
        )
    return _refusal(
        path,
        Label(
            da=f"filen er ikke UTF-8: {where.da} kan ikke læses; {found.da}",
            en=f"the file is not UTF-8: {where.en} cannot be read; {found.en}",
        ),
        _SAVE_AS_UTF8,
    )


def _looks_like_utf16(data: bytes) -> bool:
    """Whether *data* has the zero bytes of mostly-ASCII UTF-16 text."""
    head = data[:200]
    if len(head) < 4:
        return False
    zeros = head[0::2].count(0), head[1::2].count(0)
    return max(zeros) >= len(head) // 4


# -- writing -------------------------------------------------------------------


def prepare_folder(folder: Path) -> None:
    """Make *folder* (and its parents), and make sure files can be written in it.

    Called before anything is printed or written, so a folder that cannot be
    written is refused at once.

    Raises:
        InvalidValueError: *folder* is a file, or cannot be made or written in.
    """
    try:
        if folder.exists() and not folder.is_dir():
            raise _refusal(
                folder,
                Label(
                    da="det er en fil, ikke en mappe",
                    en="it is a file, not a folder",
                ),
                Label(
                    da="giv navnet på en mappe; findes den ikke, laver learnmeet den",
                    en="give the name of a folder; learnmeet makes it if need be",
                ),
            )
        folder.mkdir(parents=True, exist_ok=True)
        descriptor, probe = _create(folder, ".learnmeet-probe")
        os.close(descriptor)
        probe.unlink()
    except InvalidValueError:
        raise
    except (OSError, ValueError) as exc:
        raise _cannot_write(folder, exc) from None


def _cannot_write(folder: Path, exc: OSError | ValueError) -> InvalidValueError:
    shared = _os_error(exc)
    if shared is not None:
        reason, fix = shared
    elif isinstance(exc, (FileExistsError, NotADirectoryError)):
        reason = Label(
            da="en del af stien er en fil, ikke en mappe",
            en="part of the path is a file, not a folder",
        )
        fix = Label(
            da="giv en sti, hvor hver del er en mappe",
            en="give a path whose every part is a folder",
        )
    else:
        code = _os_code(exc)
        reason = Label(
            da=f"mappen kan ikke laves eller skrives i (systemfejl {code})",
            en=f"the folder cannot be made or written in (system error {code})",
        )
        fix = Label(
            da="vælg en mappe, du kan skrive i, fx en ny mappe i din hjemmemappe",
            en="choose a folder you can write in, e.g. a new one in your home folder",
        )
    return _refusal(
        folder,
        Label(
            da=f"kan ikke skrive her: {reason.da}",
            en=f"cannot write here: {reason.en}",
        ),
        fix,
    )


_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _create(folder: Path, stem: str) -> tuple[int, Path]:
    """A new, empty file of a name no one else uses, and its descriptor."""
    while True:
        path = folder / f"{stem}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(path, _FLAGS, 0o666), path
        except FileExistsError:  # pragma: no cover - a 1 in 4 billion clash
            continue


def write_files(folder: Path, files: Mapping[str, str]) -> list[Path]:
    """Write each text of *files* to its name in *folder*, as UTF-8, atomically.

    Every text is encoded and every name checked first, then each text is
    written to a temporary file in *folder*
    and flushed to disk; only when all are written are they moved into place,
    each with :func:`os.replace`. A file being replaced keeps its permissions.
    On any failure the temporary files are removed and the files in place are
    as they were.

    Returns:
        The paths written, in the order of *files*.

    Raises:
        InvalidValueError: A text cannot be written as UTF-8 (it holds a lone
            surrogate), a folder stands where a file is to go, or a file
            cannot be written.
    """
    encoded = {name: _encoded(folder / name, text) for name, text in files.items()}
    for name in encoded:
        if (folder / name).is_dir():
            raise _refusal(
                folder / name,
                Label(
                    da="der ligger en mappe, hvor learnmeet skal skrive en fil",
                    en="a folder stands where learnmeet is to write a file",
                ),
                Label(
                    da="flyt eller omdøb mappen, eller vælg en anden mappe",
                    en="move or rename that folder, or choose another folder",
                ),
            )
    written: list[tuple[Path, Path]] = []
    try:
        for name, data in encoded.items():
            target = folder / name
            descriptor, temporary = _create(folder, f".{name}")
            written.append((temporary, target))
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            if target.exists():
                os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        for temporary, target in written:
            os.replace(temporary, target)
    except (OSError, ValueError) as exc:
        for temporary, _ in written:
            temporary.unlink(missing_ok=True)
        raise _cannot_write(folder, exc) from None
    return [target for _, target in written]


def _encoded(path: Path, text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise _refusal(
            path,
            Label(
                da="teksten kan ikke skrives som UTF-8: den indeholder et ugyldigt "
                "tegn (en enlig surrogat); intet er skrevet",
                en="the text cannot be written as UTF-8: it holds an invalid "
                "character (a lone surrogate); nothing was written",
            ),
            Label(
                da="find og fjern tegnet i inddata (fx med learnmeet check)",
                en="find and remove the character in the input (e.g. with "
                "learnmeet check)",
            ),
        ) from None
