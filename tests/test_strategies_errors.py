"""Strategies for errors: each raised by a real call, never made by hand."""

from __future__ import annotations

import pytest
from hypothesis import find, given, settings

import learnmeet as lm
from learnmeet import strategies as lst
from learnmeet.strategies._errors import _SOURCES, _an_error


class TestErrors:
    """Every error class the library raises can be drawn, of the class asked."""

    @settings(max_examples=30)
    @given(lst.errors())
    def test_every_error_is_bilingual_and_keeps_no_cpr(
        self, error: lm.LearnmeetError
    ) -> None:
        for lang in lm.LANGUAGES:
            assert error.message(lang)
            assert not lm.looks_like_cpr(error.message(lang))
        assert error.fix.da
        assert error.fix.en

    @pytest.mark.parametrize("kind", sorted(_SOURCES, key=lambda c: c.__name__))
    def test_each_kind_is_drawn_as_asked(self, kind: type[lm.LearnmeetError]) -> None:
        @settings(max_examples=5, database=None)
        @given(lst.errors(kind))
        def check(error: lm.LearnmeetError) -> None:
            assert isinstance(error, kind)

        check()

    def test_every_public_error_class_has_a_source(self) -> None:
        public = {
            getattr(lm, name)
            for name in lm.__all__
            if isinstance(getattr(lm, name), type)
            and issubclass(getattr(lm, name), lm.LearnmeetError)
        }
        assert public - set(_SOURCES) == {lm.LearnmeetError}

    @settings(max_examples=10)
    @given(lst.errors(lm.MeetingRulesError))
    def test_a_rules_error_holds_a_report_with_errors(
        self, error: lm.MeetingRulesError
    ) -> None:
        assert not error.report.ok

    def test_a_rule_that_is_a_warning_on_the_format_drawn_gives_no_error(
        self,
    ) -> None:
        """A fictional case is an error on most formats but a warning on the
        course day: such a breach raises nothing and is not drawn."""
        warned = find(lst.breaches("LM105", format="course_day"), lambda _: True)
        assert lm.validate(warned.meeting).ok
        assert not _an_error(warned)
        refused = find(lst.breaches("LM105", format="audit"), lambda _: True)
        assert _an_error(refused)

    @settings(max_examples=10)
    @given(lst.data_problems())
    def test_data_problems_have_a_path(self, problem: lm.DataProblem) -> None:
        assert problem.json_path.startswith("$")
