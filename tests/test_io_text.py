"""The evaluation as plain text: tables a person reads, numbers in their language."""

from __future__ import annotations

import pytest

import learnmeet as lm
from evaluation_data import ACROSS, OVERLAP, evaluated


@pytest.fixture(scope="module")
def result() -> lm.Evaluation:
    return evaluated()


class TestExport:
    """Danish writes a decimal comma, English a point; small groups say why they
    are hidden instead of showing figures."""

    def test_text(self, result: lm.Evaluation) -> None:
        da = lm.evaluation_text(result, "da")
        en = lm.evaluation_text(result, "en")
        assert "RR1 64,7 %" in da
        assert "RR1 64.7 %" in en
        assert "færre end 5 svarpersoner" in da
        assert "fewer than 5 respondents" in en
        assert "50,0 %" in da

    def test_themes_in_the_text(self) -> None:
        theme = lm.Theme(
            code="knowing_offers",
            label=lm.LEARNING_TAGS["knowing_offers"],
            quotes=[
                lm.Quote(
                    text="Nu ved jeg, hvem jeg skal ringe til",
                    speaker="FG1-D3",
                    source=lm.QuoteSource.FOCUS_GROUP,
                )
            ],
        )
        text = evaluated(themes=[theme])
        assert '"Nu ved jeg, hvem jeg skal ringe til" – FG1-D3, focus group' in (
            lm.evaluation_text(text, "en")
        )


class TestHiddenFigures:
    """Where too few answered, the text says so, for groups and for levels alike."""

    def test_a_level_with_too_few_respondents_shows_no_score(self) -> None:
        text = lm.evaluation_text(evaluated(threshold=13), "en")
        levels = text[text.index("Kirkpatrick levels") :]
        assert "fewer than 13 respondents" in levels
        assert "no items" in levels  # the results level has none in the survey

    def test_a_group_hidden_as_a_complement_says_so(self) -> None:
        found = OVERLAP.evaluated()
        da = lm.evaluation_text(found, "da")
        en = lm.evaluation_text(found, "en")
        meeting = next(
            line
            for line in en.splitlines()
            if line.startswith("interdisciplinary learning meeting")
        )
        assert meeting.rstrip().endswith("hidden (protects a small group)")
        møde = next(
            line
            for line in da.splitlines()
            if line.startswith("tværfagligt læringsmøde")
        )
        assert møde.rstrip().endswith("skjult (beskytter lille gruppe)")
        keys = {k for g in found.groups for pair in g.members for k in pair}
        assert not any(k in da + en for k in keys)

    def test_levels_hidden_against_an_earlier_report_say_so(self) -> None:
        found = ACROSS.evaluated(released=[ACROSS.without("L2").evaluated()])
        text = lm.evaluation_text(found, "en")
        levels = text[text.index("Kirkpatrick levels") :]
        # 22 people answered: a level hidden as a complement is not "too few"
        assert levels.count("hidden (protects a small group)") == 3
        assert "fewer than" not in levels
        danish = lm.evaluation_text(found, "da")
        niveauer = danish[danish.index("Kirkpatrick-niveauer") :]
        assert niveauer.count("skjult (beskytter lille gruppe)") == 3

    def test_a_dimension_without_groups_has_no_table(self) -> None:
        empty = lm.evaluate(evaluated().survey, [], [], [])
        text = lm.evaluation_text(empty, "en")
        assert "Yield –" not in text
        assert "RR1 –, RR3 –" in text  # no rate without invitations
