"""learnmeet: interdisciplinary and cross-sectoral learning meetings in care.

Typed, immutable values for the people, citizen cases, meeting formats and
meetings of learning in Danish health and elder care, built-in catalogues with
Danish and English names, the rules that check a meeting against its format,
planning, evaluation, and JSON, iCalendar, CSV, SVG and text at the edges.

Everything public is importable from here; the submodules are private and may
change. The hypothesis strategies live in :mod:`learnmeet.strategies` (install
``learnmeet[hypothesis]``) and are never imported by this module.

``import learnmeet`` itself loads nothing but the table below: each name is
imported from its module the first time it is read, so a program pays only for
the layers it uses.
"""

from typing import TYPE_CHECKING

from learnmeet._lazy import lazy_names
from learnmeet._version import __version__ as __version__

_PUBLIC: dict[str, tuple[str, ...]] = {
    "learnmeet.exceptions": (
        "CycleOrderError",
        "DataProblem",
        "InvalidDataError",
        "InvalidValueError",
        "LearnmeetError",
        "MeetingRulesError",
        "NaiveDatetimeError",
        "PersonalDataError",
        "SkippedTimeError",
        "UnknownCodeError",
        "WrongTypeError",
    ),
    "learnmeet.model._labels": ("LANGUAGES", "Label", "LabelledEnum", "Lang"),
    "learnmeet.model._checks": ("COPENHAGEN", "looks_like_cpr"),
    "learnmeet.model._people": (
        "Area",
        "Citizen",
        "Discipline",
        "Organisation",
        "Person",
        "Profession",
        "Professional",
        "Relation",
        "Relative",
        "Sector",
        "StaffRole",
        "Unit",
    ),
    "learnmeet.model._cases": (
        "CaseOrigin",
        "CitizenCase",
        "Consent",
        "HandoverDocument",
        "PalliativeLevel",
        "Transition",
        "TransitionKind",
    ),
    "learnmeet.model._formats": (
        "FictionalCase",
        "FormatRequirements",
        "MeetingFormat",
    ),
    "learnmeet.model._meetings": (
        "Attendance",
        "Attendee",
        "AttendeeRole",
        "Cancellation",
        "CancellationReason",
        "Cohort",
        "Location",
        "LocationKind",
        "Meeting",
        "MeetingStatus",
        "Participation",
        "Reflection",
        "Rsvp",
    ),
    "learnmeet.model._calendar": ("Holiday", "WorkingHours", "danish_holidays"),
    "learnmeet.model._reflection": (
        "Audience",
        "PhaseKind",
        "Question",
        "QuestionBank",
        "ReflectionModel",
        "ReflectionPhase",
    ),
    "learnmeet.model._cycle": (
        "LEARNING_TAGS",
        "Action",
        "ActionStatus",
        "Contribution",
        "LearningPoint",
        "ReflectionCycle",
    ),
    "learnmeet.model._survey": (
        "Answer",
        "Eligibility",
        "Invitation",
        "ItemKind",
        "KirkpatrickLevel",
        "Outcome",
        "Quote",
        "QuoteSource",
        "Response",
        "Survey",
        "SurveyItem",
        "Theme",
        "invite",
    ),
    "learnmeet.model._forums": ("Forum",),
    "learnmeet.model._scenario": ("Scenario",),
    "learnmeet.catalog._catalog": ("Catalog",),
    "learnmeet.catalog._builtin": (
        "DEFAULT_CATALOG",
        "FORMATS",
        "MONOPROFESSIONAL_COURSE",
        "PROFESSIONS",
        "SECTORS",
    ),
    "learnmeet.catalog._reflection": ("QUESTION_BANK", "REFLECTION_MODELS"),
    "learnmeet.catalog._surveys": ("YIELD_SURVEY",),
    "learnmeet.rules._report": (
        "Report",
        "Severity",
        "Subject",
        "SubjectKind",
        "Violation",
    ),
    "learnmeet.rules._rule": (
        "Applies",
        "Check",
        "Finding",
        "Rule",
        "RuleContext",
        "RuleSet",
    ),
    "learnmeet.rules._format_rules": ("FORMAT_RULES", "taking_part"),
    "learnmeet.rules._context_rules": ("CONTEXT_RULES",),
    "learnmeet.rules._validate": ("DEFAULT_RULES", "validate", "validate_all"),
    "learnmeet.evaluation._evaluate": (
        "HIGH_YIELD",
        "Dimension",
        "Disposition",
        "Evaluation",
        "LevelSummary",
        "ResponseRates",
        "Suppression",
        "YieldGroup",
        "evaluate",
    ),
    "learnmeet.planning._recurrence": ("Series",),
    "learnmeet.planning._slots": (
        "BusyIndex",
        "Interval",
        "busy_from_meetings",
        "find_slots",
        "free_time",
    ),
    "learnmeet.planning._composer": (
        "DEFAULT_REFLECTION",
        "Choice",
        "Proposal",
        "compose",
    ),
    "learnmeet.planning._schedule": (
        "MeetingRequest",
        "ScheduleResult",
        "Unplaced",
        "schedule",
    ),
    "learnmeet.planning._cohorts": (
        "CourseSession",
        "Enrolment",
        "SessionFill",
        "enrol",
    ),
    "learnmeet.planning._forums": (
        "LearningPlan",
        "Unattached",
        "attach_learning",
        "forum_series",
    ),
    "learnmeet.planning._period": ("PeriodPlan", "plan_period"),
    "learnmeet.io._json": (
        "SCHEMA_VERSION",
        "from_dict",
        "from_json",
        "make_converter",
        "to_dict",
        "to_json",
    ),
    "learnmeet.io._ical": ("to_ical",),
    "learnmeet.io._csv": ("CSV_COLUMNS", "evaluation_csv"),
    "learnmeet.io._svg": ("yield_chart_svg",),
    "learnmeet.io._text": ("evaluation_text",),
}
"""Every public name, by the private module that defines it: the one list.

``__all__``, ``dir(learnmeet)`` and the loading on first use are made from it;
the imports for type checkers below must name the same (a test holds them to
it). Adding a public name is a row here and its line below.
"""

__all__ = sorted(["__version__", *(name for row in _PUBLIC.values() for name in row)])

if TYPE_CHECKING:  # what mypy and IDEs see; at run time names load on first use
    from learnmeet.catalog._builtin import (
        DEFAULT_CATALOG as DEFAULT_CATALOG,
    )
    from learnmeet.catalog._builtin import (
        FORMATS as FORMATS,
    )
    from learnmeet.catalog._builtin import (
        MONOPROFESSIONAL_COURSE as MONOPROFESSIONAL_COURSE,
    )
    from learnmeet.catalog._builtin import (
        PROFESSIONS as PROFESSIONS,
    )
    from learnmeet.catalog._builtin import (
        SECTORS as SECTORS,
    )
    from learnmeet.catalog._catalog import (
        Catalog as Catalog,
    )
    from learnmeet.catalog._reflection import (
        QUESTION_BANK as QUESTION_BANK,
    )
    from learnmeet.catalog._reflection import (
        REFLECTION_MODELS as REFLECTION_MODELS,
    )
    from learnmeet.catalog._surveys import (
        YIELD_SURVEY as YIELD_SURVEY,
    )
    from learnmeet.evaluation._evaluate import (
        HIGH_YIELD as HIGH_YIELD,
    )
    from learnmeet.evaluation._evaluate import (
        Dimension as Dimension,
    )
    from learnmeet.evaluation._evaluate import (
        Disposition as Disposition,
    )
    from learnmeet.evaluation._evaluate import (
        Evaluation as Evaluation,
    )
    from learnmeet.evaluation._evaluate import (
        LevelSummary as LevelSummary,
    )
    from learnmeet.evaluation._evaluate import (
        ResponseRates as ResponseRates,
    )
    from learnmeet.evaluation._evaluate import (
        Suppression as Suppression,
    )
    from learnmeet.evaluation._evaluate import (
        YieldGroup as YieldGroup,
    )
    from learnmeet.evaluation._evaluate import (
        evaluate as evaluate,
    )
    from learnmeet.exceptions import (
        CycleOrderError as CycleOrderError,
    )
    from learnmeet.exceptions import (
        DataProblem as DataProblem,
    )
    from learnmeet.exceptions import (
        InvalidDataError as InvalidDataError,
    )
    from learnmeet.exceptions import (
        InvalidValueError as InvalidValueError,
    )
    from learnmeet.exceptions import (
        LearnmeetError as LearnmeetError,
    )
    from learnmeet.exceptions import (
        MeetingRulesError as MeetingRulesError,
    )
    from learnmeet.exceptions import (
        NaiveDatetimeError as NaiveDatetimeError,
    )
    from learnmeet.exceptions import (
        PersonalDataError as PersonalDataError,
    )
    from learnmeet.exceptions import (
        SkippedTimeError as SkippedTimeError,
    )
    from learnmeet.exceptions import (
        UnknownCodeError as UnknownCodeError,
    )
    from learnmeet.exceptions import (
        WrongTypeError as WrongTypeError,
    )
    from learnmeet.io._csv import (
        CSV_COLUMNS as CSV_COLUMNS,
    )
    from learnmeet.io._csv import (
        evaluation_csv as evaluation_csv,
    )
    from learnmeet.io._ical import (
        to_ical as to_ical,
    )
    from learnmeet.io._json import (
        SCHEMA_VERSION as SCHEMA_VERSION,
    )
    from learnmeet.io._json import (
        from_dict as from_dict,
    )
    from learnmeet.io._json import (
        from_json as from_json,
    )
    from learnmeet.io._json import (
        make_converter as make_converter,
    )
    from learnmeet.io._json import (
        to_dict as to_dict,
    )
    from learnmeet.io._json import (
        to_json as to_json,
    )
    from learnmeet.io._svg import (
        yield_chart_svg as yield_chart_svg,
    )
    from learnmeet.io._text import (
        evaluation_text as evaluation_text,
    )
    from learnmeet.model._calendar import (
        Holiday as Holiday,
    )
    from learnmeet.model._calendar import (
        WorkingHours as WorkingHours,
    )
    from learnmeet.model._calendar import (
        danish_holidays as danish_holidays,
    )
    from learnmeet.model._cases import (
        CaseOrigin as CaseOrigin,
    )
    from learnmeet.model._cases import (
        CitizenCase as CitizenCase,
    )
    from learnmeet.model._cases import (
        Consent as Consent,
    )
    from learnmeet.model._cases import (
        HandoverDocument as HandoverDocument,
    )
    from learnmeet.model._cases import (
        PalliativeLevel as PalliativeLevel,
    )
    from learnmeet.model._cases import (
        Transition as Transition,
    )
    from learnmeet.model._cases import (
        TransitionKind as TransitionKind,
    )
    from learnmeet.model._checks import (
        COPENHAGEN as COPENHAGEN,
    )
    from learnmeet.model._checks import (
        looks_like_cpr as looks_like_cpr,
    )
    from learnmeet.model._cycle import (
        LEARNING_TAGS as LEARNING_TAGS,
    )
    from learnmeet.model._cycle import (
        Action as Action,
    )
    from learnmeet.model._cycle import (
        ActionStatus as ActionStatus,
    )
    from learnmeet.model._cycle import (
        Contribution as Contribution,
    )
    from learnmeet.model._cycle import (
        LearningPoint as LearningPoint,
    )
    from learnmeet.model._cycle import (
        ReflectionCycle as ReflectionCycle,
    )
    from learnmeet.model._formats import (
        FictionalCase as FictionalCase,
    )
    from learnmeet.model._formats import (
        FormatRequirements as FormatRequirements,
    )
    from learnmeet.model._formats import (
        MeetingFormat as MeetingFormat,
    )
    from learnmeet.model._forums import (
        Forum as Forum,
    )
    from learnmeet.model._labels import (
        LANGUAGES as LANGUAGES,
    )
    from learnmeet.model._labels import (
        Label as Label,
    )
    from learnmeet.model._labels import (
        LabelledEnum as LabelledEnum,
    )
    from learnmeet.model._labels import (
        Lang as Lang,
    )
    from learnmeet.model._meetings import (
        Attendance as Attendance,
    )
    from learnmeet.model._meetings import (
        Attendee as Attendee,
    )
    from learnmeet.model._meetings import (
        AttendeeRole as AttendeeRole,
    )
    from learnmeet.model._meetings import (
        Cancellation as Cancellation,
    )
    from learnmeet.model._meetings import (
        CancellationReason as CancellationReason,
    )
    from learnmeet.model._meetings import (
        Cohort as Cohort,
    )
    from learnmeet.model._meetings import (
        Location as Location,
    )
    from learnmeet.model._meetings import (
        LocationKind as LocationKind,
    )
    from learnmeet.model._meetings import (
        Meeting as Meeting,
    )
    from learnmeet.model._meetings import (
        MeetingStatus as MeetingStatus,
    )
    from learnmeet.model._meetings import (
        Participation as Participation,
    )
    from learnmeet.model._meetings import (
        Reflection as Reflection,
    )
    from learnmeet.model._meetings import (
        Rsvp as Rsvp,
    )
    from learnmeet.model._people import (
        Area as Area,
    )
    from learnmeet.model._people import (
        Citizen as Citizen,
    )
    from learnmeet.model._people import (
        Discipline as Discipline,
    )
    from learnmeet.model._people import (
        Organisation as Organisation,
    )
    from learnmeet.model._people import (
        Person as Person,
    )
    from learnmeet.model._people import (
        Profession as Profession,
    )
    from learnmeet.model._people import (
        Professional as Professional,
    )
    from learnmeet.model._people import (
        Relation as Relation,
    )
    from learnmeet.model._people import (
        Relative as Relative,
    )
    from learnmeet.model._people import (
        Sector as Sector,
    )
    from learnmeet.model._people import (
        StaffRole as StaffRole,
    )
    from learnmeet.model._people import (
        Unit as Unit,
    )
    from learnmeet.model._reflection import (
        Audience as Audience,
    )
    from learnmeet.model._reflection import (
        PhaseKind as PhaseKind,
    )
    from learnmeet.model._reflection import (
        Question as Question,
    )
    from learnmeet.model._reflection import (
        QuestionBank as QuestionBank,
    )
    from learnmeet.model._reflection import (
        ReflectionModel as ReflectionModel,
    )
    from learnmeet.model._reflection import (
        ReflectionPhase as ReflectionPhase,
    )
    from learnmeet.model._scenario import (
        Scenario as Scenario,
    )
    from learnmeet.model._survey import (
        Answer as Answer,
    )
    from learnmeet.model._survey import (
        Eligibility as Eligibility,
    )
    from learnmeet.model._survey import (
        Invitation as Invitation,
    )
    from learnmeet.model._survey import (
        ItemKind as ItemKind,
    )
    from learnmeet.model._survey import (
        KirkpatrickLevel as KirkpatrickLevel,
    )
    from learnmeet.model._survey import (
        Outcome as Outcome,
    )
    from learnmeet.model._survey import (
        Quote as Quote,
    )
    from learnmeet.model._survey import (
        QuoteSource as QuoteSource,
    )
    from learnmeet.model._survey import (
        Response as Response,
    )
    from learnmeet.model._survey import (
        Survey as Survey,
    )
    from learnmeet.model._survey import (
        SurveyItem as SurveyItem,
    )
    from learnmeet.model._survey import (
        Theme as Theme,
    )
    from learnmeet.model._survey import (
        invite as invite,
    )
    from learnmeet.planning._cohorts import (
        CourseSession as CourseSession,
    )
    from learnmeet.planning._cohorts import (
        Enrolment as Enrolment,
    )
    from learnmeet.planning._cohorts import (
        SessionFill as SessionFill,
    )
    from learnmeet.planning._cohorts import (
        enrol as enrol,
    )
    from learnmeet.planning._composer import (
        DEFAULT_REFLECTION as DEFAULT_REFLECTION,
    )
    from learnmeet.planning._composer import (
        Choice as Choice,
    )
    from learnmeet.planning._composer import (
        Proposal as Proposal,
    )
    from learnmeet.planning._composer import (
        compose as compose,
    )
    from learnmeet.planning._forums import (
        LearningPlan as LearningPlan,
    )
    from learnmeet.planning._forums import (
        Unattached as Unattached,
    )
    from learnmeet.planning._forums import (
        attach_learning as attach_learning,
    )
    from learnmeet.planning._forums import (
        forum_series as forum_series,
    )
    from learnmeet.planning._period import (
        PeriodPlan as PeriodPlan,
    )
    from learnmeet.planning._period import (
        plan_period as plan_period,
    )
    from learnmeet.planning._recurrence import (
        Series as Series,
    )
    from learnmeet.planning._schedule import (
        MeetingRequest as MeetingRequest,
    )
    from learnmeet.planning._schedule import (
        ScheduleResult as ScheduleResult,
    )
    from learnmeet.planning._schedule import (
        Unplaced as Unplaced,
    )
    from learnmeet.planning._schedule import (
        schedule as schedule,
    )
    from learnmeet.planning._slots import (
        BusyIndex as BusyIndex,
    )
    from learnmeet.planning._slots import (
        Interval as Interval,
    )
    from learnmeet.planning._slots import (
        busy_from_meetings as busy_from_meetings,
    )
    from learnmeet.planning._slots import (
        find_slots as find_slots,
    )
    from learnmeet.planning._slots import (
        free_time as free_time,
    )
    from learnmeet.rules._context_rules import (
        CONTEXT_RULES as CONTEXT_RULES,
    )
    from learnmeet.rules._format_rules import (
        FORMAT_RULES as FORMAT_RULES,
    )
    from learnmeet.rules._format_rules import (
        taking_part as taking_part,
    )
    from learnmeet.rules._report import (
        Report as Report,
    )
    from learnmeet.rules._report import (
        Severity as Severity,
    )
    from learnmeet.rules._report import (
        Subject as Subject,
    )
    from learnmeet.rules._report import (
        SubjectKind as SubjectKind,
    )
    from learnmeet.rules._report import (
        Violation as Violation,
    )
    from learnmeet.rules._rule import (
        Applies as Applies,
    )
    from learnmeet.rules._rule import (
        Check as Check,
    )
    from learnmeet.rules._rule import (
        Finding as Finding,
    )
    from learnmeet.rules._rule import (
        Rule as Rule,
    )
    from learnmeet.rules._rule import (
        RuleContext as RuleContext,
    )
    from learnmeet.rules._rule import (
        RuleSet as RuleSet,
    )
    from learnmeet.rules._validate import (
        DEFAULT_RULES as DEFAULT_RULES,
    )
    from learnmeet.rules._validate import (
        validate as validate,
    )
    from learnmeet.rules._validate import (
        validate_all as validate_all,
    )
else:
    __getattr__, __dir__ = lazy_names(__name__, _PUBLIC)
