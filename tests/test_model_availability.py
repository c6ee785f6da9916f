"""Working patterns and absences: who is at work, as values.

A pattern's shifts never overlap anywhere in the week (a night shift ends
the next morning, Sunday's on Monday); an absence ends after it starts. The
stretch helpers intersect and subtract sorted, disjoint stretches exactly as
sets of instants do.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, time

import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from learnmeet.model._availability import intersect, subtract

CPH = lm.COPENHAGEN
NIGHT = lm.WorkingHours(start=time(23), end=time(7), weekdays={6})


class TestAbsenceKind:
    """The kinds of absence have Danish and English names."""

    def test_labels(self) -> None:
        assert [k.code for k in lm.AbsenceKind] == [
            "leave",
            "sickness",
            "course",
            "other",
        ]
        assert lm.AbsenceKind.SICKNESS.label.da == "sygdom"
        assert lm.AbsenceKind.COURSE.label.get("en") == "course"


class TestAbsence:
    """An absence is of one professional, between two instants, the end later."""

    def test_whole_days(self) -> None:
        away = lm.Absence.days(
            "p-1", date(2026, 10, 24), date(2026, 10, 25), lm.AbsenceKind.SICKNESS
        )
        assert away.start == datetime(2026, 10, 24, tzinfo=CPH)
        assert away.end == datetime(2026, 10, 26, tzinfo=CPH)
        assert away.kind is lm.AbsenceKind.SICKNESS

    def test_the_last_day_before_the_first(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Absence.days("p-1", date(2026, 3, 2), date(2026, 3, 1))
        assert (info.value.where, info.value.path) == ("Absence.days", ("last",))

    def test_end_after_start_as_instants(self) -> None:
        # The second 02:30 of the autumn night is after the first.
        first = datetime(2026, 10, 25, 2, 30, tzinfo=CPH)
        assert lm.Absence(professional="p-1", start=first, end=first.replace(fold=1))
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Absence(professional="p-1", start=first.replace(fold=1), end=first)
        assert (info.value.where, info.value.path) == ("Absence", ("end",))
        assert "must end after it starts" in info.value.reason.en

    def test_naive_times_are_refused(self) -> None:
        with pytest.raises(lm.NaiveDatetimeError):
            lm.Absence(
                professional="p-1",
                start=datetime(2026, 3, 2, 8),
                end=datetime(2026, 3, 2, 9, tzinfo=CPH),
            )


class TestWorkingPattern:
    """Shifts of one pattern never overlap, however they fall in the week."""

    def test_part_time_with_different_days(self) -> None:
        early = lm.WorkingHours(start=time(7), end=time(15), weekdays={0, 1})
        late = lm.WorkingHours(start=time(15), end=time(23), weekdays={0, 3})
        pattern = lm.WorkingPattern(
            professional="p-1", shifts=[early, late, NIGHT], days_off=[date(2026, 3, 2)]
        )
        assert pattern.days_off == frozenset({date(2026, 3, 2)})

    @pytest.mark.parametrize(
        "other",
        [
            # Sunday's night shift runs into Monday morning.
            lm.WorkingHours(start=time(6), end=time(14), weekdays={0}),
            lm.WorkingHours(start=time(22), end=time(6), weekdays={6}),
            lm.WorkingHours(start=time(20), end=time(0), weekdays={6}),
        ],
    )
    def test_overlapping_shifts_are_refused(self, other: lm.WorkingHours) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.WorkingPattern(professional="p-1", shifts=[NIGHT, other])
        assert (info.value.where, info.value.path) == ("WorkingPattern", ("shifts", 1))
        assert info.value.reason.en == "shifts 0 and 1 overlap"

    def test_touching_shifts_do_not_overlap(self) -> None:
        morning = lm.WorkingHours(start=time(7), end=time(15), weekdays={0})
        assert lm.WorkingPattern(professional="p-1", shifts=[NIGHT, morning])

    def test_a_cpr_number_is_no_id(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.WorkingPattern(professional="0101701234", shifts=[NIGHT])


def _stretches(draw: st.DrawFn) -> list[tuple[int, int]]:
    cuts = sorted(draw(st.sets(st.integers(0, 60), max_size=12)))
    return [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]


def _instants(pairs: list[tuple[int, int]]) -> set[int]:
    return {t for a, b in pairs for t in range(a, b)}


class TestStretchHelpers:
    """Intersecting and subtracting stretches is set algebra on instants."""

    @given(st.data())
    def test_intersect(self, data: st.DataObject) -> None:
        streams = [_stretches(data.draw) for _ in range(data.draw(st.integers(1, 4)))]
        found = list(intersect(streams))
        wanted = set.intersection(*(_instants(s) for s in streams))
        assert _instants(found) == wanted
        assert all(a < b for a, b in found)
        assert all(x[1] < y[0] for x, y in itertools.pairwise(found))

    @given(st.data())
    def test_subtract(self, data: st.DataObject) -> None:
        stream, away = _stretches(data.draw), _stretches(data.draw)
        found = list(subtract(stream, [a for a, _ in away], [b for _, b in away]))
        assert _instants(found) == _instants(stream) - _instants(away)
        assert all(a < b for a, b in found)

    def test_nothing_shared(self) -> None:
        assert list(intersect([[(0, 5)], []])) == []
        assert list(intersect([[(0, 5)], [(5, 9)]])) == []
