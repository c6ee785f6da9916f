"""The built-in rules: each declared once, gathered in code order, bilingual.

``_format_rules`` and ``_context_rules`` gather the Rule values their topic
modules declare; nothing lists the rules a second time. These tests fail when
a rule is declared twice, a module of rules is not gathered, a code is spelt
out again somewhere in the source, or a text is missing in one language.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

import learnmeet as lm
import learnmeet.rules
from learnmeet.rules import _context_rules, _format_rules

PACKAGE = Path(lm.__file__).resolve().parent


def _rule_modules() -> list[ModuleType]:
    return [
        importlib.import_module(f"learnmeet.rules.{info.name}")
        for info in pkgutil.iter_modules(learnmeet.rules.__path__)
    ]


def _declared() -> list[tuple[ModuleType, lm.Rule]]:
    """Every Rule value a module of learnmeet.rules declares: its check is there."""
    return [
        (module, value)
        for module in _rule_modules()
        for value in vars(module).values()
        if isinstance(value, lm.Rule) and value.check.__module__ == module.__name__
    ]


class TestDeclaredOnce:
    """One Rule value per code, in one topic module, and its code written once."""

    def test_one_rule_value_per_code(self) -> None:
        declared = _declared()
        counts = Counter(rule.code for _, rule in declared)
        assert [code for code, n in counts.items() if n > 1] == []
        assert sorted(counts) == list(lm.DEFAULT_RULES.codes)

    def test_every_declared_rule_is_gathered(self) -> None:
        gathered = {id(rule) for rule in lm.DEFAULT_RULES.rules}
        missing = [rule.code for _, rule in _declared() if id(rule) not in gathered]
        assert missing == []

    def test_the_topic_modules_are_the_gathered_ones(self) -> None:
        topics = {module.__name__ for module, _ in _declared()}
        gathered = {m.__name__ for m in (*_format_rules.TOPICS, *_context_rules.TOPICS)}
        assert topics == gathered

    def test_each_code_is_one_string_in_the_source(self) -> None:
        """Other layers ask the rule objects; no module spells a code again."""
        found: Counter[str] = Counter()
        codes = set(lm.DEFAULT_RULES.codes)
        for path in PACKAGE.rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and node.value in codes:
                    found[node.value] += 1
        assert {code: found[code] for code in codes} == dict.fromkeys(codes, 1)


class TestGathered:
    """FORMAT_RULES, CONTEXT_RULES and DEFAULT_RULES, in code order."""

    def test_codes_in_order(self) -> None:
        format_codes = [r.code for r in lm.FORMAT_RULES]
        context_codes = [r.code for r in lm.CONTEXT_RULES]
        assert format_codes == sorted(format_codes)
        assert context_codes == sorted(context_codes)
        assert list(lm.DEFAULT_RULES.codes) == format_codes + context_codes

    def test_the_same_rule_values(self) -> None:
        assert lm.DEFAULT_RULES.rules == (*lm.FORMAT_RULES, *lm.CONTEXT_RULES)
        for mine, theirs in zip(
            lm.DEFAULT_RULES.rules, (*lm.FORMAT_RULES, *lm.CONTEXT_RULES), strict=True
        ):
            assert mine is theirs

    def test_context_rules_are_those_that_need_a_context(self) -> None:
        assert not any(r.needs_context for r in lm.FORMAT_RULES)
        assert all(r.needs_context for r in lm.CONTEXT_RULES)

    def test_gathering_is_repeatable(self) -> None:
        from learnmeet.rules._rule import gather

        assert gather(*_format_rules.TOPICS) == lm.FORMAT_RULES


@pytest.mark.parametrize("rule", lm.DEFAULT_RULES.rules, ids=lambda r: r.code)
class TestTexts:
    """Every built-in rule has its title, meaning and fix in Danish and English."""

    def test_every_text_in_both_languages(self, rule: lm.Rule) -> None:
        assert rule.meaning is not None
        for text in (rule.title, rule.meaning, rule.fix):
            assert text.da.strip()
            assert text.en.strip()
            assert text.da != text.en

    def test_the_meaning_is_a_sentence_or_two(self, rule: lm.Rule) -> None:
        assert rule.meaning is not None
        for text in (rule.meaning.da, rule.meaning.en):
            assert text.endswith(".")
            assert text.count(". ") <= 1, text
