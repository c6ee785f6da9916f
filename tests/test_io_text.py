"""The evaluation as plain text: tables a person reads, numbers in their language."""

from __future__ import annotations

from datetime import timedelta

import attrs
import pytest

import learnmeet as lm
from evaluation_data import (
    ACROSS,
    INVITATIONS,
    MEETINGS,
    OVERLAP,
    RESPONSES,
    RIGHT_AFTER,
    SURVEY,
    L,
    evaluated,
)


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
        assert "Benefit –" not in text
        assert "RR1 –, RR3 –" in text  # no rate without invitations


def _level_line(text: str, label: str) -> str:
    levels = text[text.index("Kirkpatrick") :]
    return next(line for line in levels.splitlines() if line.startswith(label))


class TestHowMeasured:
    """The text says how the benefit and each level were measured, so nobody
    reads a level asked too early, or not answered, as a measured figure."""

    def test_a_follow_up_says_when(self, result: lm.Evaluation) -> None:
        en = lm.evaluation_text(result, "en")
        da = lm.evaluation_text(result, "da")
        assert en.splitlines()[1] == (
            "Measured: self-reported at follow-up, 8 weeks after the meeting"
        )
        assert da.splitlines()[1] == (
            "Målt: selvrapporteret ved opfølgning, 8 uger efter mødet"
        )
        behaviour = _level_line(en, "behaviour")
        assert "63.6" in behaviour
        assert behaviour.endswith(
            "self-reported at follow-up, 8 weeks after the meeting"
        )

    def test_behaviour_right_after_is_not_measured(self) -> None:
        found = lm.evaluate(RIGHT_AFTER, INVITATIONS, RESPONSES, MEETINGS)
        en = lm.evaluation_text(found, "en")
        da = lm.evaluation_text(found, "da")
        assert en.splitlines()[1] == "Measured: self-reported right after the meeting"
        behaviour = _level_line(en, "behaviour")
        assert "not measured" in behaviour
        assert "needs a follow-up weeks after the meeting" in behaviour
        assert not any(ch.isdigit() for ch in behaviour.split("not measured")[1])
        adfærd = _level_line(da, "adfærd")
        assert "ikke målt" in adfærd
        assert "kræver en opfølgning uger efter mødet" in adfærd
        learning = _level_line(en, "learning")
        assert learning.endswith("self-reported right after the meeting")

    def test_a_follow_up_nobody_answered(self) -> None:
        found = lm.evaluate(SURVEY, INVITATIONS, [], MEETINGS)
        en = lm.evaluation_text(found, "en")
        for label in ("reaction", "learning", "behaviour"):
            line = _level_line(en, label)
            assert "not measured" in line
            assert line.endswith("no answers")
        assert _level_line(en, "results").endswith("no items")

    def test_perceived_results_are_labelled(self) -> None:
        results = lm.SurveyItem(
            id="r9",
            text=lm.Label(da="Forløbene er bedre", en="Courses are better"),
            level=L.RESULTS,
        )
        survey = attrs.evolve(
            SURVEY, items=[*SURVEY.items, results], follow_up_after=timedelta(days=10)
        )
        answered = [
            attrs.evolve(r, answers=[*r.answers, lm.Answer(item="r9", score=4)])
            for r in RESPONSES
        ]
        found = lm.evaluate(survey, INVITATIONS, answered, MEETINGS)
        en = lm.evaluation_text(found, "en")
        da = lm.evaluation_text(found, "da")
        assert _level_line(en, "results").endswith(
            "10 days after the meeting; perceived, not the organisation's figures"
        )
        assert _level_line(da, "resultater").endswith(
            "10 dage efter mødet; oplevet, ikke organisationens tal"
        )
        assert "perceived" not in _level_line(en, "behaviour")


class TestLocation:
    """Benefit in person and online has its own table, like every comparison."""

    def test_the_location_table(self) -> None:
        found = evaluated(threshold=1)
        en = lm.evaluation_text(found, "en")
        da = lm.evaluation_text(found, "da")
        assert "Benefit – in person or online" in en
        assert "Udbytte – fysisk fremmøde eller online" in da
        table = en[en.index("Benefit – in person or online") :]
        assert "in person" in table.splitlines()[3]
