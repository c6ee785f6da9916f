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

__all__ = ["REPLACE", "quiet_broken_pipe", "safe_streams"]

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
