"""Secondary suppression: the groups hidden besides the small ones.

The whole guarantee is held against ``evaluate`` by the properties in
test_evaluation_evaluate.py; here the machinery is tried on tables small
enough to work out by hand.
"""

from __future__ import annotations

from hypothesis import given, strategies as st

from learnmeet.evaluation._disclosure import Figure, complements


def _figure(n: int, responses: str, *, overall: bool = False) -> Figure:
    return Figure(
        order=(n, responses),
        responses=frozenset(responses),
        respondents=len(responses),
        overall=overall,
    )


_PEOPLE = {r: f"person-{r}" for r in "abcdefghijklmnop"}


class TestComplements:
    def test_overall_less_the_shown_groups_gives_the_hidden_one(self) -> None:
        """Overall abcdefghij, a group of six shown and one of four hidden:
        the difference is the four, so a second group must go."""
        figures = [
            _figure(0, "abcdefghij", overall=True),
            _figure(1, "abcdef"),
            _figure(1, "ghij"),
        ]
        hide = complements(figures, {2}, [], _PEOPLE, 5)
        assert hide == [1]

    def test_nothing_more_is_hidden_when_nothing_leaks(self) -> None:
        figures = [
            _figure(0, "abcdefghijklmnop", overall=True),
            _figure(1, "abcdefgh"),
            _figure(1, "ijklmnop"),
        ]
        assert complements(figures, set(), [], _PEOPLE, 5) == []

    def test_a_released_group_counts_as_shown(self) -> None:
        """A group released earlier, abcdefghij, with a new one of six shown:
        their difference is four people."""
        figures = [_figure(1, "abcdef")]
        released = [frozenset("abcdefghij")]
        assert complements(figures, set(), released, _PEOPLE, 5) == [0]

    @given(st.integers(1, 4))
    def test_the_overall_figure_alone_gives_nothing_away(self, small: int) -> None:
        figures = [_figure(0, "abcdefghij"[: 5 + small], overall=True)]
        assert complements(figures, set(), [], _PEOPLE, 5) == []
