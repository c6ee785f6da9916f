"""Layer 2, the rules: pure checks from meetings to reports of violations."""

from learnmeet.rules._context_rules import CONTEXT_RULES
from learnmeet.rules._format_rules import FORMAT_RULES, taking_part
from learnmeet.rules._report import Report, Severity, Subject, SubjectKind, Violation
from learnmeet.rules._rule import Applies, Check, Finding, Rule, RuleContext, RuleSet
from learnmeet.rules._validate import DEFAULT_RULES, validate, validate_all

__all__ = [
    "CONTEXT_RULES",
    "DEFAULT_RULES",
    "FORMAT_RULES",
    "Applies",
    "Check",
    "Finding",
    "Report",
    "Rule",
    "RuleContext",
    "RuleSet",
    "Severity",
    "Subject",
    "SubjectKind",
    "Violation",
    "taking_part",
    "validate",
    "validate_all",
]
