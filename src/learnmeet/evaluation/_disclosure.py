"""Protecting small groups: primary and secondary (complementary) suppression.

The machinery :func:`learnmeet.evaluate` uses to decide which groups it may
show: responses fall into atoms, a leak is a linear combination of shown
groups that depends on fewer than the threshold's people, found by exact row
reduction over the integers. The guarantee and the method are described in
:mod:`learnmeet.evaluation._evaluate` and docs/evaluation.md; the source is
Hundepool et al., *Statistical Disclosure Control* (Wiley, 2012), chapter 4.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import attrs

__all__ = ["Figure", "complements"]


@attrs.frozen
class Figure:
    """A figure that may be shown: which responses it sums, and how big it is."""

    order: tuple[int, str]
    responses: frozenset[str]
    respondents: int
    overall: bool = False


_Matrix = list[list[int]]


def _eliminated(row: list[int], pivot: list[int], column: int) -> list[int]:
    """*row* less a multiple of *pivot*, zero in *column*, in lowest integers."""
    p, f = pivot[column], row[column]
    out = [p * a - f * b for a, b in zip(row, pivot, strict=True)]
    divisor = math.gcd(*out)
    return [x // divisor for x in out] if divisor > 1 else out


def _within(rows: _Matrix, inside: Sequence[int]) -> _Matrix:
    """The combinations of *rows* zero outside the columns *inside*.

    Exact row reduction over the integers on the other columns: the rows left
    zero there span those combinations, returned over *inside* (in order).
    """
    kept = set(inside)
    left = [row for row in rows if any(row)]
    for column in range(len(left[0]) if left else 0):
        if column in kept:
            continue
        pivot = next((row for row in left if row[column]), None)
        if pivot is None:
            continue
        left = [
            _eliminated(row, pivot, column) if row[column] else row
            for row in left
            if row is not pivot
        ]
    out = [[row[j] for j in inside] for row in left]
    return [row for row in out if any(row)]


def _rank(rows: _Matrix) -> int:
    """The rank of an integer matrix, exactly."""
    width = len(rows[0]) if rows else 0
    nonzero = [row for row in rows if any(row)]
    rank = 0
    for column in range(width):
        pivot = next((row for row in nonzero if row[column]), None)
        if pivot is None:
            continue
        rank += 1
        nonzero = [
            _eliminated(row, pivot, column) if row[column] else row
            for row in nonzero
            if row is not pivot
        ]
        nonzero = [row for row in nonzero if any(row)]
    return rank


class _Atoms:
    """Sets of responses as 0/1 rows over their atoms.

    An atom is a class of responses that every set holds whole or not at all;
    responses in no set are left out. ``people[j]`` is who gave the responses
    of atom *j*.
    """

    def __init__(self, sets: Sequence[frozenset[str]], person: Mapping[str, str]):
        people: dict[tuple[bool, ...], set[str]] = defaultdict(set)
        for response, who in person.items():
            pattern = tuple(response in s for s in sets)
            if any(pattern):
                people[pattern].add(who)
        patterns = sorted(people, reverse=True)
        self.people = [frozenset(people[p]) for p in patterns]
        self.rows = [[int(p[i]) for p in patterns] for i in range(len(sets))]

    def matrix(self, rows: Iterable[int]) -> _Matrix:
        return [self.rows[i] for i in rows]

    def people_of(self, atoms: Iterable[int]) -> frozenset[str]:
        return frozenset().union(*(self.people[j] for j in atoms))


def _leak(
    atoms: _Atoms, every: Sequence[int], fixed: Sequence[int], threshold: int
) -> list[int] | None:
    """Atoms of few people on which *every* opens more than *fixed*, or ``None``.

    Finds a set of atoms of fewer than *threshold* people in all on which the
    rows *every* open a combination that the rows *fixed* alone do not.
    A combination zero outside a set of atoms depends on the answers of the
    people of those atoms only, so a leak lies within the atoms of fewer than
    *threshold* people, and among those within the ones some such combination
    is not zero on. The sets of them whose people stay under the threshold
    are found by their distinct unions of people; a combination found within
    a set is also within every larger one, so the largest are tested.
    """
    small = [j for j, p in enumerate(atoms.people) if len(p) < threshold]
    opened = _within(atoms.matrix(every), small)
    known = _within(atoms.matrix(fixed), small)
    if _rank(opened) == _rank(known):
        return None
    support = [k for k in range(len(small)) if any(row[k] for row in opened)]
    people = [atoms.people[small[k]] for k in support]
    unions: set[frozenset[str]] = set()
    frontier: list[frozenset[str]] = [frozenset()]
    while frontier:
        grown = {
            union | who
            for union in frontier
            for who in people
            if len(union | who) < threshold
        } - unions
        unions |= grown
        frontier = sorted(grown, key=sorted)
    regions = {
        tuple(k for k, who in zip(support, people, strict=True) if who <= union)
        for union in unions
    }
    largest = sorted(
        (r for r in regions if not any(set(r) < set(other) for other in regions)),
        key=lambda r: (len(atoms.people_of(small[k] for k in r)), r),
    )
    return next(
        (
            [small[k] for k in region]
            for region in largest
            if _rank(_within(opened, region)) > _rank(_within(known, region))
        ),
        None,
    )


def _find_leak(
    figures: Sequence[Figure],
    shown: Sequence[int],
    fixed: Sequence[frozenset[str]],
    person: Mapping[str, str],
    threshold: int,
) -> tuple[_Atoms, list[int]] | None:
    atoms = _Atoms([*fixed, *(figures[i].responses for i in shown)], person)
    every = range(len(fixed) + len(shown))
    region = _leak(atoms, every, range(len(fixed)), threshold)
    return None if region is None else (atoms, region)


def _to_hide(
    figures: Sequence[Figure],
    shown: Sequence[int],
    fixed: int,
    atoms: _Atoms,
    region: list[int],
) -> list[int]:
    """The figures to hide next: those whose hiding closes most of the leak.

    Figures with the same responses are hidden together (one alone would be
    the other). The overall figure is hidden only when nothing else is left
    to hide; of the others, the class whose hiding leaves the fewest
    combinations within *region* is chosen, the smallest first among equals.
    The rows of *atoms* are the *fixed* sets, already public, then the
    *shown* figures in order.
    """
    classes: dict[frozenset[str], list[int]] = defaultdict(list)
    for position, i in enumerate(shown):
        classes[figures[i].responses].append(position)

    def cost(positions: list[int]) -> tuple[bool, int, int, int, tuple[int, str]]:
        left = [r for r in range(fixed + len(shown)) if r - fixed not in positions]
        first = figures[shown[positions[0]]]
        return (
            any(figures[shown[p]].overall for p in positions),
            _rank(_within(atoms.matrix(left), region)),
            first.respondents,
            len(first.responses),
            min(figures[shown[p]].order for p in positions),
        )

    return [shown[p] for p in min(classes.values(), key=cost)]


def complements(
    figures: Sequence[Figure],
    hidden: Iterable[int],
    fixed: Sequence[frozenset[str]],
    person: Mapping[str, str],
    threshold: int,
) -> list[int]:
    """The figures to hide besides *hidden* so that no leak is left.

    No combination of the figures shown and the *fixed* sets, already public
    (the groups of released reports), may depend on fewer than *threshold*
    people unless the fixed sets alone already give it. Greedy, then pruned:
    while there is a leak, hide the class of figures :func:`_to_hide`
    chooses; then show again each figure so hidden, the largest first, whose
    showing opens no leak.
    """
    primary = set(hidden)
    complement: list[int] = []

    def shown() -> list[int]:
        return [
            i for i in range(len(figures)) if i not in primary and i not in complement
        ]

    while (found := _find_leak(figures, shown(), fixed, person, threshold)) is not None:
        atoms, region = found
        complement.extend(_to_hide(figures, shown(), len(fixed), atoms, region))
    for i in sorted(
        complement,
        key=lambda i: (-figures[i].respondents, -len(figures[i].responses), i),
    ):
        complement.remove(i)
        if _find_leak(figures, shown(), fixed, person, threshold) is not None:
            complement.append(i)
    return sorted(complement)
