"""The synthetic sample municipality shipped with learnmeet.

Everything in it is made up: the areas, organisations, staff (by synthetic ids
and names marked "eksempel"), citizens (pseudonyms only) and their cases. It is
stored in the library's own JSON format, so it is also an example of a
municipality's data file.

Besides its plan for 2027 it has a history, so a learning record has
something to tell: an autumn 2026 of held meetings (a monoprofessional
course, the facilitator training, a key-person network, a study visit at a
hospital ward, a course day, a learning meeting, a home meeting and a
cross-sectoral audit, with RSVPs and attendance) and one cancelled; the
reflection cycles of four of them, with learning points and actions (some
done, some open, one overdue on 2026-12-01); and dated course completions
beside the undated ones of older data, among them a facilitator training
that expired before 2027.
"""

from __future__ import annotations

from importlib import resources

from learnmeet.io._json import from_json
from learnmeet.model._scenario import Scenario

__all__ = ["SAMPLE_FILE", "load_sample", "sample_text"]

SAMPLE_FILE = "sample_municipality.json"
"""The file name of the sample municipality inside this package."""


def sample_text() -> str:
    """Return the sample municipality as learnmeet JSON text.

    .. versionadded:: 0.1.0
    """
    return resources.files(__name__).joinpath(SAMPLE_FILE).read_text(encoding="utf-8")


def load_sample() -> Scenario:
    """Return the synthetic sample municipality.

    >>> sample = load_sample()
    >>> len(sample.areas), len(sample.cases), len(sample.forums)
    (3, 11, 3)
    >>> len(sample.meetings), len(sample.cycles)
    (13, 4)

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 An autumn 2026 of held meetings, reflection
       cycles and dated course completions.
    """
    return from_json(Scenario, sample_text())
