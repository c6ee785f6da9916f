"""The learning record's exports: CSV tables, text and SVG per unit, da and en.

Stable column names with labels in the chosen language; the same record gives
the same bytes; nothing names a citizen, a relative or holds a CPR number.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import date

import attrs
import cairosvg
import pytest
from hypothesis import given, settings
from PIL import Image

import learnmeet as lm
from learnmeet import strategies as lst
from learnmeet._cpr import holds_cpr
from record_data import CASE, ON, scenario

SVG = "{http://www.w3.org/2000/svg}"
COURSE_DAY = lm.DEFAULT_CATALOG.format("course_day").requirements


def _record() -> lm.LearningRecord:
    return lm.learning_record(scenario(), on=ON)


def _table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


class TestCsv:
    """One table a kind of fact, one row a fact, stable English columns."""

    def test_the_tables_and_their_columns(self) -> None:
        tables = lm.record_csv(_record(), "en")
        assert set(tables) == set(lm.RECORD_TABLES)
        for name, text in tables.items():
            header = next(csv.reader(io.StringIO(text)))
            assert tuple(header) == lm.RECORD_TABLES[name]

    def test_one_row_an_activity(self) -> None:
        rows = _table(lm.record_csv(_record(), "en")["activities"])
        assert [(r["professional"], r["meeting"], r["role"]) for r in rows] == [
            ("p-nurse", "m-learn", "facilitator"),
            ("p-nurse", "m-reflected", "facilitator"),
            ("p-sosu", "m-learn", "case_presenter"),
            ("p-doctor", "m-learn", "participant"),
            ("p-volunteer", "m-reflected", "participant"),
        ]
        assert rows[0]["start"] == "2026-09-08T10:00:00+02:00"
        assert rows[0]["sectors"] == "hospital municipality"

    @pytest.mark.parametrize(
        ("lang", "label"), [("da", "casefremlægger"), ("en", "case presenter")]
    )
    def test_labels_in_the_language(self, lang: lm.Lang, label: str) -> None:
        rows = _table(lm.record_csv(_record(), lang)["activities"])
        assert rows[2]["role"] == "case_presenter"
        assert rows[2]["role_label"] == label

    def test_completions_and_encounters(self) -> None:
        tables = lm.record_csv(_record(), "en")
        (done,) = _table(tables["completions"])
        assert (done["professional"], done["course"], done["state"]) == (
            "p-sosu",
            "palliation_sosu",
            "undated",
        )
        assert done["course_label"] == lm.COURSE_LABELS["palliation_sosu"].en
        pairs = _table(tables["encounters"])
        assert {(p["kind"], p["first"], p["second"]) for p in pairs} >= {
            ("people", "p-doctor", "p-nurse"),
            ("units", "u-home", "u-ward"),
        }

    def test_a_formula_is_written_as_text(self) -> None:
        # An id cannot start with "=", a text can: the action's.
        record = _record()
        person = record.people[0]
        action = lm.Action(
            id="a-1", text="=1+1", owner=person.professional.key, due=ON, raised_at="m"
        )
        changed = attrs.evolve(
            record,
            people=[attrs.evolve(person, actions=[action]), *record.people[1:]],
        )
        (row,) = _table(lm.record_csv(changed, "en")["actions"])
        assert row["text"] == "'=1+1"
        assert row["overdue"] == "no"

    def test_the_same_record_gives_the_same_bytes(self) -> None:
        assert lm.record_csv(_record(), "da") == lm.record_csv(_record(), "da")


class TestText:
    """A summary per unit, in Danish and English."""

    @pytest.mark.parametrize(
        ("lang", "words"),
        [
            (
                "da",
                ["Læringsprofil pr. 2026-12-01", "Mangler deres faggruppes", "aldrig"],
            ),
            ("en", ["Learning record as of 2026-12-01", "Without their profession's"]),
            # a course by its name, never its code
            ("da", ["palliationskursus for social- og sundhedshjælpere"]),
            ("en", ["palliative care course for social and health care helpers"]),
        ],
    )
    def test_in_the_language(self, lang: lm.Lang, words: list[str]) -> None:
        text = lm.record_text(_record(), lang, requirements=COURSE_DAY)
        for word in words:
            assert word in text

    def test_one_unit(self) -> None:
        text = lm.record_text(_record(), "en", unit="u-ward", requirements=COURSE_DAY)
        assert "Medicinsk afsnit" in text
        assert "Hjemmepleje Nord – municipality: 1 meeting" in text
        assert "No learning activity up to 2026-12-01: p-wardnurse" in text
        assert "p-nurse " not in text

    def test_without_requirements_no_gaps(self) -> None:
        assert "Lacking" not in lm.record_text(_record(), "en")

    def test_an_unknown_unit_is_refused_with_a_suggestion(self) -> None:
        with pytest.raises(lm.UnknownCodeError) as caught:
            lm.record_text(_record(), "en", unit="u-wrd")
        assert "u-ward" in caught.value.message("en")


class TestSvg:
    """A bar a person of the unit: facilitated dark, other roles light."""

    def test_draws(self) -> None:
        svg = lm.record_svg(_record(), "u-home", "da")
        png = cairosvg.svg2png(bytestring=svg.encode())
        image = Image.open(io.BytesIO(png)).convert("RGB")
        assert image.size[0] == 720
        root = ET.fromstring(svg)
        bars = [r for r in root.iter(f"{SVG}rect") if r.get("fill") != "#ffffff"]
        # the nurse: two facilitated; the SOSU assistant: one presented
        assert [b.get("fill") for b in bars] == ["#2b6c8f", "#9cc3d9"]

    @pytest.mark.parametrize(
        ("lang", "title"),
        [("da", "Læringsaktiviteter pr. medarbejder"), ("en", "Learning activities")],
    )
    def test_title_in_the_language(self, lang: lm.Lang, title: str) -> None:
        root = ET.fromstring(lm.record_svg(_record(), "u-home", lang))
        found = root.find(f"{SVG}title")
        assert found is not None
        assert found.text is not None
        assert title in found.text

    def test_unknown_unit(self) -> None:
        with pytest.raises(lm.UnknownCodeError):
            lm.record_svg(_record(), "u-nowhere", "en")


def _every_export(record: lm.LearningRecord) -> list[str]:
    """Every text the exports write: each CSV cell (times too), each text
    and SVG."""
    found = []
    for lang in ("da", "en"):
        for text in lm.record_csv(record, lang).values():
            found += [
                cell
                for row in csv.DictReader(io.StringIO(text))
                for cell in row.values()
            ]
        found.append(lm.record_text(record, lang, requirements=COURSE_DAY))
        units = {p.professional.unit.id for p in record.people}
        found += [lm.record_svg(record, u, lang) for u in sorted(units)]
    return found


class TestPersonalData:
    """No export names a citizen or a relative, or holds a CPR-like value."""

    def test_no_citizen_in_the_small_municipality(self) -> None:
        for text in _every_export(_record()):
            assert CASE.citizen.pseudonym not in text
            assert not holds_cpr(text)

    @settings(max_examples=25, deadline=None)
    @given(lst.history_scenarios())
    def test_no_citizen_or_relative_in_any(self, s: lm.Scenario) -> None:
        record = lm.learning_record(s, on=date(2031, 1, 1))
        texts = _every_export(record)
        people = {c.citizen.key for c in s.cases} | {
            r.key for c in s.cases for r in c.relatives
        }
        for text in texts:
            assert not any(key in text for key in people)
            assert not holds_cpr(text)
