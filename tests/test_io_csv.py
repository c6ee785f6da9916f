"""The evaluation as CSV: stable English columns, labels in the chosen language."""

from __future__ import annotations

import csv
import io

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from evaluation_data import ACROSS, OVERLAP, evaluated
from learnmeet import strategies as lst


@pytest.fixture(scope="module")
def result() -> lm.Evaluation:
    return evaluated()


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


class TestExport:
    """One row a yield group; a suppressed group is named but its figures are blank."""

    def test_csv(self, result: lm.Evaluation) -> None:
        rows = _rows(lm.evaluation_csv(result, "en"))
        assert tuple(rows[0]) == lm.CSV_COLUMNS
        by = {(r["dimension"], r["group"]): r for r in rows}
        meeting = by[("format", "learning_meeting")]
        assert meeting["label"] == "interdisciplinary learning meeting"
        assert (meeting["respondents"], meeting["share_high"]) == ("6", "0.5000")
        assert meeting["suppressed"] == ""
        course = by[("format", "mono_course")]
        assert course["suppressed"] == "too_few"
        assert course["respondents"] == course["mean_yield"] == ""
        assert len(rows) == len(result.groups)

    def test_how_the_benefit_was_measured(self, result: lm.Evaluation) -> None:
        rows = _rows(lm.evaluation_csv(result, "en"))
        assert lm.CSV_COLUMNS[-1] == "measured_by"
        assert {r["measured_by"] for r in rows} == {"follow_up"}
        right_after = attrs.evolve(
            result, survey=attrs.evolve(result.survey, follow_up_after=None)
        )
        rows = _rows(lm.evaluation_csv(right_after, "da"))
        assert {r["measured_by"] for r in rows} == {"after_meeting"}

    def test_location_rows(self, result: lm.Evaluation) -> None:
        rows = _rows(lm.evaluation_csv(result, "da"))
        location = [r for r in rows if r["dimension"] == "location"]
        assert [(r["group"], r["label"]) for r in location] == [
            ("in_person", "fysisk fremmøde")
        ]

    def test_a_group_hidden_as_a_complement(self) -> None:
        # The learning meeting has six respondents, but the overall figure
        # less it would give away four people: hidden, and the row says why.
        found = OVERLAP.evaluated()
        for lang in ("da", "en"):
            by = {
                (r["dimension"], r["group"]): r
                for r in _rows(lm.evaluation_csv(found, lang))
            }
            meeting = by[("format", "learning_meeting")]
            assert meeting["suppressed"] == "complement"
            assert meeting["respondents"] == meeting["share_high"] == ""

    def test_the_overall_figure_hidden_against_an_earlier_report(self) -> None:
        found = ACROSS.evaluated(released=[ACROSS.without("L2").evaluated()])
        rows = _rows(lm.evaluation_csv(found, "en"))
        assert rows[0]["group"] == "all"
        assert (rows[0]["suppressed"], rows[0]["mean_yield"]) == ("complement", "")

    def test_the_pseudonymised_responses_are_never_written(self) -> None:
        found = OVERLAP.evaluated()
        text = lm.evaluation_csv(found, "da")
        keys = {k for g in found.groups for pair in g.members for k in pair}
        assert keys
        assert not any(k in text for k in keys)

    def test_csv_label_in_danish(self, result: lm.Evaluation) -> None:
        assert "tværfagligt læringsmøde" in lm.evaluation_csv(result, "da")

    def test_unknown_language(self, result: lm.Evaluation) -> None:
        with pytest.raises(lm.InvalidValueError, match="unknown language"):
            lm.evaluation_csv(result, "sv")  # type: ignore[arg-type]


class TestOnlyTheLabelIsTranslated:
    """A program reads the columns: only the label column changes with the language."""

    def test_the_two_languages_differ_only_in_the_label(
        self, result: lm.Evaluation
    ) -> None:
        da = _rows(lm.evaluation_csv(result, "da"))
        en = _rows(lm.evaluation_csv(result, "en"))
        assert [{**r, "label": ""} for r in da] == [{**r, "label": ""} for r in en]
        assert [r["label"] for r in da] != [r["label"] for r in en]

    @settings(max_examples=20, deadline=None)
    @given(lst.survey_data())
    def test_numbers_use_a_full_stop_and_shares_are_proportions(
        self, data: lst.SurveyData
    ) -> None:
        found = lm.evaluate(
            data.survey, data.invitations, data.responses, data.meetings, threshold=1
        )
        for row in _rows(lm.evaluation_csv(found, "da")):
            for column in ("share_high", "ci_low", "ci_high"):
                assert "," not in row[column]
                assert 0 <= float(row[column]) <= 1
            assert 0 <= float(row["mean_yield"]) <= 100


class TestNoFormulaRuns:
    """A text a spreadsheet would run as a formula is written as text."""

    @given(
        st.sampled_from(["=", "+", "-", "@", "\t"]),
        st.text(alphabet="ABCDEFHKLMNOPRSTUY()1234567890,;!\"' ", max_size=30),
    )
    def test_no_text_cell_starts_a_formula(self, start: str, rest: str) -> None:
        group = evaluated().groups[0]
        label = lm.Label(da=start + "HYPERLINK" + rest, en=start + rest + "x")
        report = attrs.evolve(evaluated(), groups=[attrs.evolve(group, label=label)])
        for lang in lm.LANGUAGES:
            (row,) = _rows(lm.evaluation_csv(report, lang))
            assert row["label"] == "'" + label.get(lang)
            assert not row["label"].startswith(("=", "+", "-", "@", "\t", "\r"))

    def test_other_text_is_left_as_it_is(self, result: lm.Evaluation) -> None:
        rows = _rows(lm.evaluation_csv(result, "en"))
        assert [r["label"] for r in rows] == [g.label.en for g in result.groups]
