"""The hypothesis entry point: from_type works, and importing learnmeet stays light."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet._hypothesis_plugin import _STRATEGIES, _hypothesis_setup_hook


class TestRegistration:
    """Every public model type resolves through st.from_type."""

    def test_hook_is_safe_to_call_again(self) -> None:
        _hypothesis_setup_hook()
        _hypothesis_setup_hook()

    @settings(max_examples=10)
    @given(st.from_type(lm.Meeting))
    def test_from_type_meeting_is_valid(self, meeting: lm.Meeting) -> None:
        assert lm.validate(meeting).ok

    @settings(max_examples=30)
    @given(st.sampled_from(sorted(_STRATEGIES)), st.data())
    def test_every_type(self, type_name: str, data: st.DataObject) -> None:
        cls = getattr(lm, type_name)
        assert type(data.draw(st.from_type(cls))) is cls


class TestImportCost:
    """Importing learnmeet never imports hypothesis."""

    def test_no_hypothesis_on_import(self) -> None:
        code = "import sys, learnmeet; print('hypothesis' in sys.modules)"
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "False"
