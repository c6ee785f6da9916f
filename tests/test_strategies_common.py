"""The building blocks the strategy modules share: codes, days, texts, picks.

They are private, but every public strategy stands on them: a code that could
look like a CPR number, or a text a Label refuses, would break strategies
far from here.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone

from hypothesis import find, given, settings, strategies as st

import learnmeet as lm
from learnmeet.strategies._common import (
    _FIRST_DAY,
    _LAST_DAY,
    _PEOPLE,
    _RULES,
    _SAYINGS,
    _TEXT,
    _between,
    _code,
    _days,
    _distinct,
    _fresh_ids,
    _later,
    _pick,
    _working_days,
)

CPH = lm.COPENHAGEN
ITEMS = ("a", "b", "c", "d", "e")


class TestCodesAndTexts:
    """Codes are a prefix and four digits, never CPR-like; texts are non-blank
    and accepted wherever learnmeet takes a text."""

    @given(st.sampled_from(["p", "B", "c", "forum"]), st.data())
    def test_codes(self, prefix: str, data: st.DataObject) -> None:
        code = data.draw(_code(prefix))
        assert re.fullmatch(rf"{prefix}-\d{{4}}", code)
        assert not lm.looks_like_cpr(code)
        assert lm.Citizen(code).pseudonym == code

    @given(_TEXT)
    def test_texts_make_labels_and_names(self, text: str) -> None:
        assert 1 <= len(text) <= 600
        assert text.strip()
        assert not lm.looks_like_cpr(text)
        assert lm.Label(da=text, en=text).get("en") == text
        assert lm.Location(lm.LocationKind.ON_SITE, text).description == text

    @given(_SAYINGS, st.sampled_from(_PEOPLE))
    def test_sayings_and_people_are_pseudonymous(self, saying: str, who: str) -> None:
        assert not lm.looks_like_cpr(saying)
        assert lm.Contribution(phase="p", person=who, text=saying).person == who
        assert who.startswith("professional:p-")

    def test_texts_reach_every_hostile_kind(self) -> None:
        """Right-to-left, control, invisible, astral and long text are all drawn."""
        kinds = {
            "right-to-left": lambda t: any(
                unicodedata.bidirectional(c) in ("R", "AL") for c in t
            ),
            "control": lambda t: any(unicodedata.category(c) == "Cc" for c in t),
            "invisible": lambda t: any(unicodedata.category(c) == "Cf" for c in t),
            "astral": lambda t: any(ord(c) > 0xFFFF for c in t),
            "long": lambda t: len(t) >= 200,
        }
        wide = settings(database=None, max_examples=5_000)
        for holds in kinds.values():
            assert holds(find(_TEXT, holds, settings=wide))

    def test_every_rule_is_one_a_forum_takes(self) -> None:
        first = datetime(2027, 1, 4, 9, tzinfo=CPH)
        for rule in _RULES:
            forum = lm.Forum(
                id="f",
                name="Forum",
                unit=lm.Unit(
                    id="u",
                    name="Enhed",
                    organisation=lm.Organisation(
                        "k", "Kommune", lm.DEFAULT_CATALOG.sector("municipality")
                    ),
                ),
                first_start=first,
                duration=timedelta(hours=1),
                recurrence=rule,
            )
            assert forum.recurrence == rule


class TestDays:
    """Days fall between the bounds given, by default 2024 to 2030."""

    @given(_days())
    def test_default_bounds(self, day: date) -> None:
        assert _FIRST_DAY <= day <= _LAST_DAY
        assert (date(2024, 1, 1), date(2030, 12, 31)) == (_FIRST_DAY, _LAST_DAY)

    @given(_days(low=date(2027, 3, 1), high=date(2027, 3, 3)))
    def test_given_bounds(self, day: date) -> None:
        assert date(2027, 3, 1) <= day <= date(2027, 3, 3)


class TestPicks:
    """A pick is one of the items; distinct picks are as many as asked and
    never repeat; the integer strategies are built once per range."""

    @given(st.data())
    def test_pick(self, data: st.DataObject) -> None:
        assert data.draw(st.composite(lambda draw: _pick(draw, ITEMS))()) in ITEMS

    @given(st.integers(0, len(ITEMS)), st.data())
    def test_distinct(self, count: int, data: st.DataObject) -> None:
        found = data.draw(st.composite(lambda draw: _distinct(draw, ITEMS, count))())
        assert len(found) == len(set(found)) == count
        assert set(found) <= set(ITEMS)

    def test_distinct_shrinks_to_the_first_ones(self) -> None:
        picks = st.composite(lambda draw: _distinct(draw, ITEMS, 3))()
        assert find(picks, lambda _: True) == list(ITEMS[:3])

    def test_between_is_cached(self) -> None:
        assert _between(1, 4) is _between(1, 4)
        assert _between(1, 4) is not _between(1, 5)


class TestLater:
    """Later means elapsed time: across a change of summer time the wall clock
    moves by an hour more or less than the minutes added."""

    @given(
        st.datetimes(
            min_value=datetime(2024, 1, 1),
            max_value=datetime(2030, 12, 31),
            timezones=st.just(CPH),
            allow_imaginary=False,
        ),
        st.integers(0, 3 * 24 * 60),
    )
    def test_elapsed_minutes(self, start: datetime, minutes: int) -> None:
        end = _later(start, minutes)
        assert end.tzinfo is CPH
        utc = timezone.utc
        assert end.astimezone(utc) - start.astimezone(utc) == timedelta(minutes=minutes)

    def test_across_the_spring_change(self) -> None:
        start = datetime(2027, 3, 28, 1, 30, tzinfo=CPH)
        end = _later(start, 60)
        assert (end.hour, end.minute) == (3, 30)


class TestWorkingDays:
    """The days a generated meeting is held on: Monday to Friday, no Danish
    public holiday nor customary day off."""

    def test_a_christmas_week(self) -> None:
        days = _working_days(date(2026, 12, 21), date(2026, 12, 31))
        assert days == (
            date(2026, 12, 21),
            date(2026, 12, 22),
            date(2026, 12, 23),
            date(2026, 12, 28),
            date(2026, 12, 29),
            date(2026, 12, 30),
        )

    def test_a_recent_window_has_only_working_days(self) -> None:
        off = {h.day for y in (2025, 2026, 2027) for h in lm.danish_holidays(y)}
        days = _working_days(date(2025, 1, 1), date(2027, 12, 31))
        assert all(d.weekday() < 5 and d not in off for d in days)
        assert 740 <= len(days) <= 760


class TestFreshIds:
    """Ids drawn in one test case are all different, and the same choices
    give the same ids (so a failure replays)."""

    @given(st.data())
    def test_distinct_within_a_test_case(self, data: st.DataObject) -> None:
        ids = [
            data.draw(st.builds(lambda: None).flatmap(lambda _: _fresh_ids("p")))
            for _ in range(5)
        ]
        ids += data.draw(st.lists(_fresh_ids("m"), max_size=5))
        numbers = [i.split("-")[1] for i in ids]
        assert len(set(numbers)) == len(numbers)
        assert all(re.fullmatch(r"[pm]-[0-9]{4,5}", i) for i in ids)

    def test_the_same_choices_give_the_same_ids(self) -> None:
        first = find(st.lists(_fresh_ids("c"), min_size=3), lambda ids: True)
        again = find(st.lists(_fresh_ids("c"), min_size=3), lambda ids: True)
        assert first == again == ["c-0001", "c-0002", "c-0003"]
