"""Look-ups by code: an unknown code is refused naming the closest known ones."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from learnmeet.model._lookup import closest, code_order, find

KNOWN = {"nurse": 1, "gp": 2, "priest": 3, "physiotherapist": 4}
CODES = st.text(alphabet="abcdeinoprstu_", min_size=1, max_size=12)


class TestClosest:
    """The closest codes are known ones, at most n of them, best first, and
    none when nothing is alike."""

    def test_a_misspelling(self) -> None:
        assert closest("nurce", KNOWN) == ["nurse"]

    def test_best_first(self) -> None:
        assert closest("nurse", ["purse", "nurses", "nurse"]) == [
            "nurse",
            "nurses",
            "purse",
        ]

    def test_at_most_n(self) -> None:
        assert closest("nurse", ["nurse", "nurses", "purse"], n=1) == ["nurse"]

    def test_nothing_alike(self) -> None:
        assert closest("zzzzzz", KNOWN) == []
        assert closest("nurse", []) == []

    @given(CODES, st.lists(CODES, max_size=12, unique=True), st.integers(1, 5))
    def test_only_known_codes_and_at_most_n(
        self, code: str, known: list[str], n: int
    ) -> None:
        found = closest(code, known, n=n)
        assert set(found) <= set(known)
        assert len(found) <= n
        assert len(found) == len(set(found))
        if code in known:
            assert found[0] == code

    @given(CODES, st.lists(CODES, max_size=12, unique=True))
    def test_the_order_of_the_known_codes_does_not_matter(
        self, code: str, known: list[str]
    ) -> None:
        assert closest(code, known) == closest(code, sorted(known, reverse=True))
        assert closest(code, known) == closest(code, dict.fromkeys(known, 0))


class TestFind:
    """find returns the entry of a known code; an unknown one is an
    UnknownCodeError (also a LookupError) that says what was looked up and
    suggests the closest codes, in both languages."""

    def test_a_known_code(self) -> None:
        assert find("profession", "gp", KNOWN) == 2

    def test_an_unknown_code_with_suggestions(self) -> None:
        with pytest.raises(lm.UnknownCodeError) as info:
            find(
                "profession",
                "nurce",
                KNOWN,
                what=lm.Label(da="faggruppe", en="profession"),
                hint=lm.Label(da="tilføj den først", en="add it first"),
            )
        error = info.value
        assert isinstance(error, LookupError)
        assert (error.kind, error.code, error.suggestions) == (
            "profession",
            "nurce",
            ("nurse",),
        )
        assert error.reason.en == "unknown profession code 'nurce'"
        assert error.reason.da == "ukendt kode 'nurce' (faggruppe)"
        assert error.fix.en == "did you mean 'nurse'? Otherwise: add it first"
        assert error.fix.da == "mente du 'nurse'? Ellers: tilføj den først"

    @pytest.mark.parametrize(
        ("call", "where", "argument"),
        [
            (lambda: lm.DEFAULT_CATALOG.profession("x"), "Catalog.profession", "code"),
            (lambda: lm.DEFAULT_RULES.rule("LM999"), "RuleSet.rule", "code"),
            (lambda: lm.QUESTION_BANK.model("x"), "QuestionBank.model", "code"),
        ],
    )
    def test_a_lookup_names_the_method_and_argument(
        self, call: Any, where: str, argument: str
    ) -> None:
        with pytest.raises(lm.UnknownCodeError) as info:
            call()
        assert (info.value.where, info.value.path) == (where, (argument,))

    def test_the_code_kept_on_the_error_holds_no_cpr_number(self) -> None:
        with pytest.raises(lm.UnknownCodeError) as info:
            lm.DEFAULT_CATALOG.sector("hospital 010203-1234")
        assert info.value.code == "hospital [CPR]"

    def test_an_unknown_code_without_suggestions_gets_the_hint(self) -> None:
        hint = lm.Label(da="tilføj den først", en="add it first")
        with pytest.raises(lm.UnknownCodeError) as info:
            find("profession", "zzzzzz", KNOWN, hint=hint)
        assert info.value.suggestions == ()
        assert info.value.fix == hint

    def test_without_what_the_kind_names_it(self) -> None:
        with pytest.raises(lm.UnknownCodeError) as info:
            find("forum", "f-9", {})
        assert info.value.reason.da == "ukendt kode 'f-9' (forum)"
        assert info.value.fix.en == "check the spelling of the code"

    def test_a_code_that_is_not_a_string(self) -> None:
        with pytest.raises(lm.UnknownCodeError) as info:
            find("profession", ["nurse"], KNOWN)  # type: ignore[arg-type]
        assert info.value.code == "['nurse']"

    @given(CODES)
    def test_found_or_refused_with_known_suggestions(self, code: str) -> None:
        if code in KNOWN:
            assert find("profession", code, KNOWN) == KNOWN[code]
        else:
            with pytest.raises(lm.UnknownCodeError) as info:
                find("profession", code, KNOWN)
            assert set(info.value.suggestions) <= set(KNOWN)
            assert info.value.code == code


class TestCodeOrder:
    """Codes given in Python may be of any type: they sort without raising,
    text first in its own order, then whole numbers by value."""

    @given(
        st.lists(
            st.one_of(
                st.text(max_size=5),
                st.integers(),
                st.builds(lambda n: 10**n, st.integers(4301, 5000)),
                st.tuples(st.integers()),
                st.none(),
            ),
            max_size=8,
        )
    )
    def test_anything_sorts(self, codes: list[object]) -> None:
        ordered = sorted(codes, key=code_order)
        texts = [c for c in ordered if isinstance(c, str)]
        numbers = [c for c in ordered if isinstance(c, int)]
        assert ordered[: len(texts)] == sorted(texts)
        assert ordered[len(texts) : len(texts) + len(numbers)] == sorted(numbers)
