"""Each distinct JSON value is built once per call, and nothing outlives the call."""

from __future__ import annotations

import gc
import json
import threading
import weakref
from typing import Any

from hypothesis import given, strategies as st

import learnmeet as lm
from learnmeet.data import load_sample, sample_text
from learnmeet.io._json import _version_1
from learnmeet.io._memo import _frozen

_SCALARS = st.sampled_from([0, 1, True, False, 0.0, -0.0, 1.0, "1", "", None])
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["a", "b"]), inner, max_size=2)
    ),
    max_leaves=6,
)


@given(_JSON, _JSON)
def test_frozen_json_is_equal_exactly_when_the_json_text_is(a: Any, b: Any) -> None:
    """The memo's key: 1, 1.0, true and "1" must never stand for each other."""
    assert (_frozen(a) == _frozen(b)) == (json.dumps(a) == json.dumps(b))


class TestOneCall:
    """Within one call a repeated person is one value; across calls, two."""

    def test_a_repeated_person_is_built_once_in_a_call(self) -> None:
        scenario = lm.from_json(lm.Scenario, sample_text())
        by_id = {p.id: p for p in scenario.professionals}
        for meeting in scenario.meetings:
            for person in meeting.professionals:
                assert person is by_id[person.id]

    def test_two_calls_share_nothing(self) -> None:
        first = lm.from_json(lm.Scenario, sample_text())
        second = lm.from_json(lm.Scenario, sample_text())
        assert first == second
        assert first.professionals[0] is not second.professionals[0]

    def test_a_dropped_document_is_freed(self) -> None:
        """A long-running app that reads many files keeps none of them."""
        scenario = lm.from_json(lm.Scenario, sample_text())
        kept = weakref.ref(scenario.professionals[0])
        lm.from_json(lm.Scenario, sample_text())
        del scenario
        gc.collect()
        assert kept() is None

    def test_the_converter_used_directly_holds_a_memo_per_call(self) -> None:
        converter = lm.make_converter()
        # Used directly, with no document to hold collections, the converter
        # reads every entity in full where it occurs, as version 1 wrote it.
        data = _version_1(load_sample())["data"]
        first = converter.structure(data, lm.Scenario)
        second = converter.structure(data, lm.Scenario)
        assert first.units[0] is first.professionals[0].unit
        assert first.units[0] is not second.units[0]

    def test_threads_do_not_share_a_memo(self) -> None:
        found: list[lm.Scenario] = []

        def read() -> None:
            found.append(lm.from_json(lm.Scenario, sample_text()))

        threads = [threading.Thread(target=read) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        first, *others = found
        assert all(o == first for o in others)
        assert all(o.units[0] is not first.units[0] for o in others)
