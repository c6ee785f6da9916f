"""Standard output and error that take any text, whatever their encoding.

learnmeet writes Danish letters, dashes and arrows. A terminal or a redirect
in another encoding than UTF-8 (``cp1252`` in a Windows console redirect,
``ascii`` under a bare locale) cannot encode every one of them, and Python
would stop with a ``UnicodeEncodeError`` halfway through the output. While
:func:`safe_streams` is active, a character the stream cannot encode is
written as its nearest ASCII form (``→`` as ``->``, ``–`` as ``-``) or as
``?``; the encoding itself is kept, so UTF-8 output stays UTF-8.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import sys
from collections.abc import Iterator
from typing import Any

__all__ = ["REPLACE", "Progress", "quiet_broken_pipe", "safe_streams"]

REPLACE = "learnmeet-replace"
"""The name of the codec error handler :func:`safe_streams` sets."""

_NEAREST = {
    "→": "->",
    "←": "<-",
    "–": "-",
    "—": "-",
    "−": "-",
    "×": "x",
    "…": "...",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "≥": ">=",
    "≤": "<=",
    "\u00a0": " ",
}
"""Characters of learnmeet's output with a plain ASCII form."""


def _replace(error: UnicodeError) -> tuple[str, int]:
    """Write what a stream cannot encode as its nearest ASCII form, or ``?``."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(_NEAREST.get(char, "?") for char in bad), error.end


codecs.register_error(REPLACE, _replace)


@contextlib.contextmanager
def safe_streams() -> Iterator[None]:
    """Let ``sys.stdout`` and ``sys.stderr`` write any text while active.

    A text stream over bytes (a real console, file or pipe) gets the
    :data:`REPLACE` error handler and gets its own handler back afterwards; any
    other stream (``io.StringIO``, a test's capture) takes any text anyway.
    """
    saved: list[tuple[io.TextIOWrapper[Any], str | None]] = []
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            saved.append((stream, stream.errors))
            stream.reconfigure(errors=REPLACE)
    try:
        yield
    finally:
        for stream, errors in reversed(saved):
            with contextlib.suppress(OSError, ValueError):
                stream.reconfigure(errors=errors)


def quiet_broken_pipe() -> None:
    """Point standard output at the null device after its reader went away.

    ``learnmeet demo | head`` closes the pipe after ten lines; without this,
    Python would report the broken pipe again when it flushes the output at
    exit.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


class Progress:
    """A progress bar on standard error, drawn only when it is a terminal.

    Long work (reading a big file, checking, planning) says where it is:
    ``learnmeet check: reading  [########------------]  40%``. The bar is
    drawn on one line, redrawn in place with a carriage return, and cleared
    when the work is done, so what follows starts on a clean line. When the
    stream is no terminal (a pipe, a file, a test's capture) nothing at all
    is written: a log never fills with bars.

    Args:
        stream: Where the bar goes, usually ``sys.stderr``.
        enabled: Whether to draw; by default whether *stream* is a terminal.
        width: The bar's width in characters.
    """

    def __init__(
        self, stream: Any, *, enabled: bool | None = None, width: int = 24
    ) -> None:
        self.stream = stream
        if enabled is None:
            try:
                enabled = bool(stream.isatty())
            except (AttributeError, ValueError, OSError):
                enabled = False
        self.enabled = enabled
        self.width = width
        self._drawn = 0
        self._last = ""

    def step(self, what: str, done: float = 0.0, total: float = 1.0) -> None:
        """Show *what* is being done, *done* of *total* (a share of the bar)."""
        if not self.enabled:
            return
        share = 0.0 if total <= 0 else min(max(done / total, 0.0), 1.0)
        filled = round(share * self.width)
        line = (
            f"{what} [{'#' * filled}{'-' * (self.width - filled)}] "
            f"{round(share * 100):3d}%"
        )
        if line == self._last:
            return
        self._last = line
        with contextlib.suppress(OSError, ValueError):
            pad = " " * max(0, self._drawn - len(line))
            self.stream.write("\r" + line + pad)
            self.stream.flush()
        self._drawn = len(line)

    def done(self) -> None:
        """Clear the bar, leaving the line empty for what comes next."""
        if not self.enabled or not self._drawn:
            return
        with contextlib.suppress(OSError, ValueError):
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()
        self._drawn = 0
        self._last = ""
