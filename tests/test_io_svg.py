"""The SVG bar chart: well-formed, and it shows its bars and labels when drawn.

The chart is rendered to PNG with CairoSVG (a test dependency) and the pixels
are read back, so a chart that parses but draws nothing fails.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import attrs
import cairosvg
import pytest
from hypothesis import given, settings
from PIL import Image

import learnmeet as lm
from evaluation_data import INVITATIONS, MEETINGS, OVERLAP, RESPONSES, SURVEY
from learnmeet.strategies._common import _TEXT

SVG = "{http://www.w3.org/2000/svg}"
BAR = (0x2B, 0x6C, 0x8F)


@pytest.fixture(scope="module")
def evaluation() -> lm.Evaluation:
    return lm.evaluate(SURVEY, INVITATIONS, RESPONSES, MEETINGS, threshold=2)


def _render(svg: str) -> Image.Image:
    png = cairosvg.svg2png(bytestring=svg.encode())
    return Image.open(io.BytesIO(png)).convert("RGB")


def _bars(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter(f"{SVG}rect") if r.get("fill") == "#2b6c8f"]


def _texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}text")]


class TestChart:
    """One bar a reported group, as wide as its share; a hidden group shows why."""

    def test_one_bar_per_reported_format_with_its_label(
        self, evaluation: lm.Evaluation
    ) -> None:
        root = ET.fromstring(lm.yield_chart_svg(evaluation, "en"))
        shown = [g for g in evaluation.by(lm.Dimension.FORMAT) if not g.suppressed]
        assert len(_bars(root)) == len(shown) == 3
        texts = _texts(root)
        for group in shown:
            assert group.label.en in texts
        assert "Share reporting high benefit, by format" in texts
        assert "self-reported at follow-up, 8 weeks after the meeting" in texts

    def test_bar_width_is_the_share(self, evaluation: lm.Evaluation) -> None:
        root = ET.fromstring(lm.yield_chart_svg(evaluation, "en"))
        widths = sorted(float(b.get("width", "0")) for b in _bars(root))
        shares = sorted(
            (g.share or 0) for g in evaluation.by(lm.Dimension.FORMAT) if g.share
        )
        full = widths[-1] / shares[-1]
        assert [round(w / full, 3) for w in widths] == [round(s, 3) for s in shares]

    def test_the_bars_and_labels_are_drawn(self, evaluation: lm.Evaluation) -> None:
        svg = lm.yield_chart_svg(evaluation, "da")
        root = ET.fromstring(svg)
        image = _render(svg)
        assert image.size == (int(root.get("width", 0)), int(root.get("height", 0)))
        for bar in _bars(root):
            x = float(bar.get("x", 0)) + float(bar.get("width", 0)) / 2
            y = float(bar.get("y", 0)) + 3
            assert image.getpixel((int(x), int(y))) == BAR
        # the labels left of the bars are drawn as dark pixels
        label_area = image.crop((0, 50, 240, image.size[1] - 40))
        dark = sum(label_area.convert("L").histogram()[:70])
        assert dark > 100

    def test_a_suppressed_group_shows_why_and_no_bar(self) -> None:
        hidden = lm.evaluate(SURVEY, INVITATIONS, RESPONSES, MEETINGS)
        root = ET.fromstring(lm.yield_chart_svg(hidden, "en"))
        assert len(_bars(root)) == 1  # only the learning meeting is reported
        assert _texts(root).count("fewer than 5 respondents") == 2

    def test_a_group_hidden_as_a_complement_shows_why(self) -> None:
        hidden = OVERLAP.evaluated()
        root = ET.fromstring(lm.yield_chart_svg(hidden, "en"))
        assert _bars(root) == []  # the learning meeting is hidden as well
        texts = _texts(root)
        assert texts.count("fewer than 5 respondents") == 2
        assert texts.count("hidden (protects a small group)") == 1
        danish = _texts(ET.fromstring(lm.yield_chart_svg(hidden, "da")))
        assert danish.count("skjult (beskytter lille gruppe)") == 1
        svg = lm.yield_chart_svg(hidden, "en", dimension=lm.Dimension.OVERALL)
        keys = {k for g in hidden.groups for pair in g.members for k in pair}
        assert keys
        assert not any(k in svg for k in keys)

    def test_other_dimensions_and_escaping(self, evaluation: lm.Evaluation) -> None:
        svg = lm.yield_chart_svg(evaluation, "en", dimension=lm.Dimension.SECTORS)
        root = ET.fromstring(svg)
        assert "cross-sectoral" in _texts(root)
        assert "single-sector" in _texts(root)

    def test_the_same_evaluation_gives_the_same_bytes(
        self, evaluation: lm.Evaluation
    ) -> None:
        again = lm.evaluate(SURVEY, INVITATIONS, RESPONSES, MEETINGS, threshold=2)
        assert lm.yield_chart_svg(again, "da") == lm.yield_chart_svg(evaluation, "da")

    def test_an_empty_evaluation_is_still_a_picture(self) -> None:
        empty = lm.evaluate(SURVEY, [], [], [])
        image = _render(lm.yield_chart_svg(empty, "en"))
        assert image.size[0] > 0


class TestAnyText:
    """Whatever text a label may hold, the chart is well-formed XML and shows it."""

    @settings(max_examples=40)
    @given(_TEXT)
    def test_a_format_label_of_any_text(self, text: str) -> None:
        def relabel(meeting: lm.Meeting) -> lm.Meeting:
            if meeting.format.code != "learning_meeting":
                return meeting
            label = lm.Label(da=text, en=text)
            return attrs.evolve(
                meeting, format=attrs.evolve(meeting.format, label=label)
            )

        meetings = [relabel(m) for m in MEETINGS]
        evaluation = lm.evaluate(SURVEY, INVITATIONS, RESPONSES, meetings, threshold=2)
        root = ET.fromstring(lm.yield_chart_svg(evaluation, "en"))
        shown = " ".join(_texts(root))
        first_word = text.split()[0]
        assert first_word[:10] in shown.replace("\n", " ") or "…" in shown
