"""learnmeet's fuzz harness: hostile input in, nothing but a LearnmeetError out.

    python benchmarks/fuzz.py [--inputs N] [--seed S] [--quick]

It feeds the JSON reader (and, through scenario files, the ``learnmeet``
command) four kinds of input, round-robin:

* **mutations** of valid documents of every model type: one to three changes
  at places chosen in the document's structure — a value replaced by another
  JSON value (extreme numbers, hostile text, CPR numbers however written,
  lone surrogates, Unicode digits in dates, zone abbreviations), a key
  removed or added, an element repeated, a value wrapped in deep nesting;
* **arbitrary JSON** in a valid envelope;
* **byte garbage**: valid documents truncated, their bytes flipped, or
  re-encoded (UTF-16, Latin-1), and random bytes;
* **scenario files** run through ``learnmeet check`` in-process.

For every input it checks the library's promises and counts what breaks them:
an exception that is not a ``LearnmeetError`` (``crash``), a data problem
without a ``$`` path or with Python's own exception text in it (``no path``),
a run over two seconds (``hang``), a refused value or a CPR-like number
written back in a message (``leak``), and a value read that does not survive
a second round trip (``round trip``). It prints the counts and the first
examples of each, and exits 1 if any count is not zero. ``--quick`` runs a
short round for CI.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import re
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import learnmeet as lm
from learnmeet.cli import main as cli
from learnmeet.data import load_sample

KINDS = ("crash", "no path", "hang", "leak", "round trip")
OUTCOMES = ("read", "refused", "exit")
HANG_SECONDS = 2.0
_PYTHON_TEXT = re.compile(r"\b[A-Z]\w*(Error|Exception)\b|Traceback|object has no")

# -- hostile values --------------------------------------------------------------------

CPR_FORMS = (
    "010203-1234",
    "010203.1234",
    "010203/1234",
    "01 02 03 1234",
    "010203 - 1234",
    "010203–1234",
    "０１０２０３-１２３４",
    "٠١٠٢٠٣-١٢٣٤",
    "0102\u200b03-1234",
    "Borger 150575-1234 har smerter",
)
TEXTS = (
    "",
    " ",
    " p-1",
    "p-1 ",
    "\x00",
    "\t\n",
    "\ud800",
    "B-\udfff",
    "\u202eB-017",
    "שלום",
    "مرحبا",
    "x" * 5_000,
    "y" * 20_000,
    "e\u0301",
    "🙂",
    "CET",
    "Europe/Copenhagen",
    *CPR_FORMS,
)
DATETIMES = (
    "2027-02-02T10:00:00+01:00[Europe/Copenhagen]",
    "2027-02-02T10:00:00+01:00[CET]",
    "2027-02-02T10:00:00Z[Europe/Copenhagen]",
    "2027-02-02t10:00:00+01:00",
    "٢٠٢٧-٠٢-٠٢T10:00:00+01:00",
    "２０２７-02-02T10:00:00+01:00",
    "9999-12-31T23:00:00+01:00[Europe/Copenhagen]",
    "0001-01-01T00:00:00+00:00",
    "1890-02-03T10:00:00+00:50:20",
    "2027-02-02T10:00:00+01:00[!u-ca=hebrew]",
    "2027-03-28T02:30:00+01:00[Europe/Copenhagen]",
    "2027-02-30T10:00:00+01:00",
)
NUMBERS = (0, -1, 1, 2**31, -(2**63), 10**400, 1.5, -0.0, 1e308, True, False)
RULES = (
    "FREQ=MINUTELY",
    "FREQ=SECONDLY;COUNT=2000000",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=WEEKLY;INTERVAL=0",
    "FREQ=WEEKLY;COUNT=-1",
    "FREQ=DAILY;UNTIL=99991231T000000Z",
)


#: Hostile values no message may repeat: the CPR numbers and the long texts.
_SECRETS = tuple(text for text in TEXTS if text in CPR_FORMS or len(text) > 40)


def hostile(rng: random.Random) -> Any:
    """A JSON value picked to break something."""
    pick = rng.randrange(8)
    if pick == 0:
        return rng.choice(NUMBERS)
    if pick in (1, 2):
        return rng.choice(TEXTS)
    if pick == 3:
        return rng.choice(DATETIMES)
    if pick == 4:
        return rng.choice(RULES)
    if pick == 5:
        return rng.choice([None, [], {}, [None], {"": None}])
    if pick == 6:
        return "P" + str(rng.choice([0, 1, 99999999999])) + "D"
    return random_json(rng, 3)


def random_json(rng: random.Random, depth: int) -> Any:
    """Any JSON value, at most *depth* levels deep."""
    pick = rng.randrange(7 if depth > 0 else 4)
    if pick == 0:
        return rng.choice(NUMBERS)
    if pick == 1:
        return rng.choice(TEXTS)
    if pick == 2:
        return rng.choice([None, True, False])
    if pick == 3:
        return "".join(
            chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randrange(12))
        )
    if pick in (4, 5):
        return [random_json(rng, depth - 1) for _ in range(rng.randrange(4))]
    return {
        rng.choice(["id", "x", "start", "data", "", "kind", *TEXTS[:6]]): random_json(
            rng, depth - 1
        )
        for _ in range(rng.randrange(4))
    }


# -- valid documents to start from -----------------------------------------------------


def seeds() -> list[tuple[type[Any], dict[str, Any]]]:
    """Valid documents of every model type: the sample's, and drawn ones."""
    from learnmeet import strategies as lst
    from learnmeet._hypothesis_plugin import _STRATEGIES
    from learnmeet.io._json import MODEL_TYPES, _version_1

    sample = load_sample()
    found: list[tuple[type[Any], dict[str, Any]]] = [
        (lm.Scenario, lm.to_dict(sample)),
        (lm.Scenario, _version_1(sample)),
    ]
    for cls in MODEL_TYPES:
        name = _STRATEGIES.get(cls.__name__)
        if name is None:
            continue
        for value in _draw(getattr(lst, name)()):
            found += [(cls, lm.to_dict(value)), (cls, _version_1(value))]
    return found


def _draw(strategy: Any) -> list[Any]:
    """Six values from a hypothesis *strategy*, outside any test."""
    from hypothesis import HealthCheck, given, settings

    drawn: list[Any] = []

    @settings(
        max_examples=6,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def draw(value: Any) -> None:
        drawn.append(value)

    draw()
    return drawn


# -- mutations -------------------------------------------------------------------------


def places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path into a JSON value."""
    yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from places(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from places(inner, (*path, index))


_DEEP = "\x00deep\x00"


def dumps(document: Any) -> str:
    """*document* as JSON text, with every ``_DEEP`` marker as 5,000 nested lists.

    Python's own ``json.dumps`` cannot write nesting that deep, which is why
    :func:`mutate` leaves a marker and the text is made here.
    """
    text = json.dumps(document, ensure_ascii=False)
    return text.replace(json.dumps(_DEEP), "[" * 5_000 + "1" + "]" * 5_000)


def mutate(document: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """One to three structure-aware changes to a copy of *document*."""
    changed: dict[str, Any] = json.loads(json.dumps(document))
    for _ in range(rng.randint(1, 3)):
        where = rng.choice(list(places(changed["data"])))
        parent: Any = changed
        key: Any = "data"
        for step in where:
            parent, key = parent[key], step
        target = parent[key]
        how = rng.randrange(7)
        if how <= 2:
            parent[key] = hostile(rng)
        elif how == 3 and isinstance(parent, dict) and where:
            del parent[key]
        elif how == 4 and isinstance(target, dict):
            target[rng.choice(["extra", "ID", "kind", "da"])] = hostile(rng)
        elif how == 5 and isinstance(target, list) and target:
            target.append(rng.choice(target))
        elif how == 6:
            depth = rng.choice([3, 60, 0])
            for _ in range(depth):
                target = [target]
            parent[key] = target if depth else _DEEP
    if rng.random() < 0.05:
        changed[rng.choice(["learnmeet", "type"])] = hostile(rng)
    return changed


def garbage(text: str, rng: random.Random) -> bytes:
    """Bytes made from a valid document, or none at all."""
    data = text.encode("utf-8", errors="surrogatepass")
    pick = rng.randrange(5)
    if pick == 0:
        return data[: rng.randrange(max(len(data), 1))]
    if pick == 1:
        flipped = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        return bytes(flipped)
    if pick == 2:
        encoding = rng.choice(["utf-16", "utf-16-le", "utf-32"])
        return text.encode(encoding, errors="surrogatepass")
    if pick == 3:
        return text.encode("latin-1", errors="replace")
    return bytes(rng.randrange(256) for _ in range(rng.randrange(200)))


# -- checking one input ----------------------------------------------------------------


class _Timeout(BaseException):
    pass


def _alarm(*_: object) -> None:
    raise _Timeout


def judge(
    call: Callable[[], Any], given: str, cls: type[Any] | None
) -> tuple[str | None, str]:
    """Run *call*; return (kind of broken promise or None, a short account)."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, 10 * HANG_SECONDS)
    began = time.perf_counter()
    try:
        value = call()
    except _Timeout:
        return "hang", f"stopped after {10 * HANG_SECONDS:.0f} s"
    except lm.LearnmeetError as error:
        return _judge_error(error, given, time.perf_counter() - began)
    except SystemExit:
        return None, "exit"
    except Exception as error:  # counting them is the point
        lines = traceback.format_exception_only(type(error), error)
        return "crash", lines[-1].strip()[:200]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    seconds = time.perf_counter() - began
    if seconds > HANG_SECONDS:
        return "hang", f"{seconds:.1f} s"
    if cls is not None and value is not None:
        try:
            again = lm.from_json(cls, lm.to_json(value))
        except Exception as error:
            return "round trip", f"{type(error).__name__}: {str(error)[:150]}"
        if again != value:
            return "round trip", "read back differently"
    return None, "read"


def _judge_error(
    error: lm.LearnmeetError, given: str, seconds: float
) -> tuple[str | None, str]:
    if seconds > HANG_SECONDS:
        return "hang", f"{seconds:.1f} s to refuse"
    for lang in lm.LANGUAGES:
        kind = _said(error.message(lang), given)
        if kind is not None:
            return kind, error.message(lang)[:200]
    if isinstance(error, lm.InvalidDataError):
        for problem in error.problems:
            if not problem.json_path.startswith("$"):
                return "no path", problem.message("en")[:200]
    return None, "refused"


def _said(text: str, given: str) -> str | None:
    """What promise a message *text* breaks for the input *given*, if any."""
    if lm.looks_like_cpr(text):
        return "leak"
    if any(value in text for value in _SECRETS if value in given):
        return "leak"
    if _PYTHON_TEXT.search(text):
        return "no path"
    return None


# -- the run ---------------------------------------------------------------------------


def run(inputs: int, seed: int, out: Any) -> Counter[str]:
    rng = random.Random(seed)
    started = time.perf_counter()
    documents = seeds()
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {kind: [] for kind in KINDS}
    folder = Path(tempfile.mkdtemp(prefix="learnmeet-fuzz-"))
    for number in range(inputs):
        route = number % 10
        cls: type[Any] | None
        given: str | bytes
        if route <= 5:
            cls, document = rng.choice(documents)
            text = dumps(mutate(document, rng))
            given = text
        elif route == 6:
            cls = rng.choice(documents)[0]
            given = text = json.dumps(
                {"learnmeet": 1, "type": cls.__name__, "data": random_json(rng, 4)},
                ensure_ascii=False,
            )
        elif route in (7, 8):
            cls, document = rng.choice(documents)
            given = garbage(json.dumps(document, ensure_ascii=False), rng)
            text = given.decode("utf-8", errors="replace")
        else:
            cls = None
            text = dumps(mutate(documents[0][1], rng))
            if number % 20 == 9:
                given = text.encode("utf-8", errors="surrogatepass")
            else:
                given = garbage(text, rng)
                text = given.decode("utf-8", errors="replace")
        if isinstance(given, bytes) and cls is None:
            kind, account = _check_file(folder / "scenario.json", given, text)
        elif cls is not None:
            kind, account = judge(partial(lm.from_json, cls, given), text, cls)
        counts["inputs"] += 1
        counts[account if account in OUTCOMES else "broken"] += 1
        if kind is not None:
            counts[kind] += 1
            if len(examples[kind]) < 5:
                examples[kind].append(f"{cls.__name__ if cls else 'cli'}: {account}")
    seconds = time.perf_counter() - started
    print(f"{counts['inputs']:,} inputs in {seconds:.0f} s (seed {seed})", file=out)
    print("  " + ", ".join(f"{counts[what]:,} {what}" for what in OUTCOMES), file=out)
    for kind in KINDS:
        print(f"  {kind:<11} {counts[kind]:>6}", file=out)
        for example in examples[kind]:
            print(f"      {example}", file=out)
    return counts


def _check_file(path: Path, given: bytes, text: str) -> tuple[str | None, str]:
    """Run ``learnmeet check`` on a file of *given* bytes; judge what it says."""
    path.write_bytes(given)
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        kind, account = judge(partial(cli, ["check", str(path)]), text, None)
    if kind is None:
        said = _said(sink.getvalue(), text)
        if said is not None:
            return said, sink.getvalue()[-200:]
    return kind, account


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--quick", action="store_true", help="2,000 inputs, for CI")
    args = parser.parse_args(argv)
    counts = run(2_000 if args.quick else args.inputs, args.seed, sys.stdout)
    return 1 if any(counts[kind] for kind in KINDS) else 0


if __name__ == "__main__":
    raise SystemExit(main())
