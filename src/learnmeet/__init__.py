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
        "LANGUAGES",
        "CycleOrderError",
        "DataProblem",
        "InvalidDataError",
        "InvalidValueError",
        "Label",
        "Lang",
        "LearnmeetError",
        "MeetingRulesError",
        "NaiveDatetimeError",
        "PersonalDataError",
        "SkippedTimeError",
        "UnknownCodeError",
        "WrongTypeError",
        "looks_like_cpr",
    ),
    "learnmeet.model._labels": ("LabelledEnum",),
    "learnmeet.model._time": ("COPENHAGEN", "FIRST_YEAR", "LAST_YEAR"),
    "learnmeet.model._rrule": ("MAX_OCCURRENCES", "MAX_WINDOW"),
    "learnmeet.model._completions": ("CourseCompletion",),
    "learnmeet.model._people": (
        "Area",
        "Citizen",
        "Discipline",
        "Organisation",
        "ParticipantType",
        "Person",
        "Profession",
        "Professional",
        "Relation",
        "Relative",
        "Sector",
        "StaffRole",
        "Unit",
    ),
    "learnmeet.model._bases": (
        "ConsentForm",
        "ConsentGrantor",
        "ConsentPurpose",
        "LegalBasis",
        "Permission",
        "ProxyReason",
    ),
    "learnmeet.model._cases": (
        "HANDOVER_DOCUMENTS",
        "CaseOrigin",
        "CitizenCase",
        "Consent",
        "DocumentNeed",
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
        "taking_part",
    ),
    "learnmeet.model._calendar": ("Holiday", "WorkingHours", "danish_holidays"),
    "learnmeet.model._availability": ("Absence", "AbsenceKind", "WorkingPattern"),
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
    "learnmeet.model._audit": (
        "AuditAssessment",
        "AuditCheck",
        "AuditCriterion",
        "AuditFinding",
        "AuditVerdict",
        "FailureCause",
        "audit_checklist",
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
    "learnmeet.model._programme": ("Programme",),
    "learnmeet.catalog._catalog": ("Catalog",),
    "learnmeet.catalog._builtin": (
        "DEFAULT_CATALOG",
        "FACILITATOR_COURSE",
        "FORMATS",
        "MONOPROFESSIONAL_COURSE",
        "PROFESSIONS",
        "SECTORS",
        "COURSE_LABELS",
        "PALLIATION_COURSES",
    ),
    "learnmeet.catalog._reflection": ("QUESTION_BANK", "REFLECTION_MODELS"),
    "learnmeet.catalog._surveys": ("FOLLOW_UP_SURVEY", "YIELD_SURVEY"),
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
    "learnmeet.rules._format_rules": ("FORMAT_RULES",),
    "learnmeet.rules._context_rules": ("CONTEXT_RULES",),
    "learnmeet.rules._validate": ("DEFAULT_RULES", "validate", "validate_all"),
    "learnmeet.evaluation._results": (
        "HIGH_YIELD",
        "Dimension",
        "Disposition",
        "Evaluation",
        "LevelSummary",
        "Measurement",
        "ResponseRates",
        "Suppression",
        "YieldGroup",
    ),
    "learnmeet.evaluation._evaluate": ("evaluate",),
    "learnmeet.evaluation._record": (
        "CompletedCourse",
        "CourseState",
        "Encounter",
        "Facilitation",
        "Gaps",
        "LearningActivity",
        "LearningRecord",
        "MissingCourse",
        "PersonRecord",
        "ReflectionEntry",
        "RelationMap",
        "learning_record",
    ),
    "learnmeet.planning._recurrence": ("Series",),
    "learnmeet.planning._slots": (
        "MAX_SLOTS",
        "Availability",
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
        "plan_course_days",
    ),
    "learnmeet.planning._series": (
        "CourseSeries",
        "SeriesSignal",
        "SeriesThresholds",
        "SeriesVerdict",
        "series_signal",
    ),
    "learnmeet.planning._forums": (
        "LearningPlan",
        "Unattached",
        "attach_learning",
        "forum_series",
    ),
    "learnmeet.planning._many": ("plan_many",),
    "learnmeet.planning._period": ("PeriodPlan", "plan_period"),
    "learnmeet.planning._preflight": ("Preflight", "preflight"),
    "learnmeet.planning._settings": (
        "Backend",
        "Objective",
        "PlanningSettings",
        "Room",
        "TravelTimes",
    ),
    "learnmeet.io._envelope": ("SCHEMA_VERSION",),
    "learnmeet.io._converter": ("make_converter",),
    "learnmeet.io._json": (
        "from_dict",
        "from_json",
        "to_dict",
        "to_json",
    ),
    "learnmeet.io._schema": ("json_schema",),
    "learnmeet.io._ical": ("Method", "to_ical"),
    "learnmeet.io._calendars": ("BUSY_TYPES", "busy_from_ical", "busy_index_from_ical"),
    "learnmeet.io._config": ("PlanningConfig", "read_config"),
    "learnmeet.io._csv": ("CSV_COLUMNS", "evaluation_csv"),
    "learnmeet.io._record": (
        "RECORD_TABLES",
        "record_csv",
        "record_svg",
        "record_text",
    ),
    "learnmeet.io._svg": ("yield_chart_svg",),
    "learnmeet.io._text": ("evaluation_text",),
    "learnmeet.io._fhir_ids": ("FHIR_CODE_SYSTEM_BASE",),
    "learnmeet.io._fhir": (
        "fhir_files",
        "meetings_to_fhir",
        "plan_to_fhir",
        "scenario_to_fhir",
    ),
    "learnmeet.io._fhir_read": ("meetings_from_fhir", "validate_fhir"),
    "learnmeet.io._fhir_care": (
        "fhir_care_resources",
        "fhir_care_team",
        "fhir_consent",
        "fhir_encounters",
        "fhir_episode_of_care",
        "fhir_questionnaire",
        "fhir_questionnaire_responses",
    ),
    "learnmeet.io._xapi": (
        "XAPI_HOME_PAGE",
        "XAPI_VERBS",
        "XAPI_VOCABULARY",
        "validate_xapi",
        "xapi_files",
        "xapi_statements",
    ),
}
"""Every public name, by the private module that defines it: the one list.

``__all__``, ``dir(learnmeet)`` and the loading on first use are made from it;
the imports for type checkers below must name the same (a test holds them to
it). Adding a public name is a row here and its line below.
"""

__all__ = sorted(["__version__", *(name for row in _PUBLIC.values() for name in row)])

if TYPE_CHECKING:  # what mypy and IDEs see; at run time names load on first use
    from learnmeet.catalog._builtin import (
        COURSE_LABELS as COURSE_LABELS,
        DEFAULT_CATALOG as DEFAULT_CATALOG,
        FACILITATOR_COURSE as FACILITATOR_COURSE,
        FORMATS as FORMATS,
        MONOPROFESSIONAL_COURSE as MONOPROFESSIONAL_COURSE,
        PALLIATION_COURSES as PALLIATION_COURSES,
        PROFESSIONS as PROFESSIONS,
        SECTORS as SECTORS,
    )
    from learnmeet.catalog._catalog import (
        Catalog as Catalog,
    )
    from learnmeet.catalog._reflection import (
        QUESTION_BANK as QUESTION_BANK,
        REFLECTION_MODELS as REFLECTION_MODELS,
    )
    from learnmeet.catalog._surveys import (
        FOLLOW_UP_SURVEY as FOLLOW_UP_SURVEY,
        YIELD_SURVEY as YIELD_SURVEY,
    )
    from learnmeet.evaluation._evaluate import evaluate as evaluate
    from learnmeet.evaluation._record import (
        CompletedCourse as CompletedCourse,
        CourseState as CourseState,
        Encounter as Encounter,
        Facilitation as Facilitation,
        Gaps as Gaps,
        LearningActivity as LearningActivity,
        LearningRecord as LearningRecord,
        MissingCourse as MissingCourse,
        PersonRecord as PersonRecord,
        ReflectionEntry as ReflectionEntry,
        RelationMap as RelationMap,
        learning_record as learning_record,
    )
    from learnmeet.evaluation._results import (
        HIGH_YIELD as HIGH_YIELD,
        Dimension as Dimension,
        Disposition as Disposition,
        Evaluation as Evaluation,
        LevelSummary as LevelSummary,
        Measurement as Measurement,
        ResponseRates as ResponseRates,
        Suppression as Suppression,
        YieldGroup as YieldGroup,
    )
    from learnmeet.exceptions import (
        LANGUAGES as LANGUAGES,
        CycleOrderError as CycleOrderError,
        DataProblem as DataProblem,
        InvalidDataError as InvalidDataError,
        InvalidValueError as InvalidValueError,
        Label as Label,
        Lang as Lang,
        LearnmeetError as LearnmeetError,
        MeetingRulesError as MeetingRulesError,
        NaiveDatetimeError as NaiveDatetimeError,
        PersonalDataError as PersonalDataError,
        SkippedTimeError as SkippedTimeError,
        UnknownCodeError as UnknownCodeError,
        WrongTypeError as WrongTypeError,
        looks_like_cpr as looks_like_cpr,
    )
    from learnmeet.io._calendars import (
        BUSY_TYPES as BUSY_TYPES,
        busy_from_ical as busy_from_ical,
        busy_index_from_ical as busy_index_from_ical,
    )
    from learnmeet.io._config import (
        PlanningConfig as PlanningConfig,
        read_config as read_config,
    )
    from learnmeet.io._converter import make_converter as make_converter
    from learnmeet.io._csv import (
        CSV_COLUMNS as CSV_COLUMNS,
        evaluation_csv as evaluation_csv,
    )
    from learnmeet.io._envelope import SCHEMA_VERSION as SCHEMA_VERSION
    from learnmeet.io._fhir import (
        fhir_files as fhir_files,
        meetings_to_fhir as meetings_to_fhir,
        plan_to_fhir as plan_to_fhir,
        scenario_to_fhir as scenario_to_fhir,
    )
    from learnmeet.io._fhir_care import (
        fhir_care_resources as fhir_care_resources,
        fhir_care_team as fhir_care_team,
        fhir_consent as fhir_consent,
        fhir_encounters as fhir_encounters,
        fhir_episode_of_care as fhir_episode_of_care,
        fhir_questionnaire as fhir_questionnaire,
        fhir_questionnaire_responses as fhir_questionnaire_responses,
    )
    from learnmeet.io._fhir_ids import FHIR_CODE_SYSTEM_BASE as FHIR_CODE_SYSTEM_BASE
    from learnmeet.io._fhir_read import (
        meetings_from_fhir as meetings_from_fhir,
        validate_fhir as validate_fhir,
    )
    from learnmeet.io._ical import (
        Method as Method,
        to_ical as to_ical,
    )
    from learnmeet.io._json import (
        from_dict as from_dict,
        from_json as from_json,
        to_dict as to_dict,
        to_json as to_json,
    )
    from learnmeet.io._record import (
        RECORD_TABLES as RECORD_TABLES,
        record_csv as record_csv,
        record_svg as record_svg,
        record_text as record_text,
    )
    from learnmeet.io._schema import (
        json_schema as json_schema,
    )
    from learnmeet.io._svg import (
        yield_chart_svg as yield_chart_svg,
    )
    from learnmeet.io._text import (
        evaluation_text as evaluation_text,
    )
    from learnmeet.io._xapi import (
        XAPI_HOME_PAGE as XAPI_HOME_PAGE,
        XAPI_VERBS as XAPI_VERBS,
        XAPI_VOCABULARY as XAPI_VOCABULARY,
        validate_xapi as validate_xapi,
        xapi_files as xapi_files,
        xapi_statements as xapi_statements,
    )
    from learnmeet.model._audit import (
        AuditAssessment as AuditAssessment,
        AuditCheck as AuditCheck,
        AuditCriterion as AuditCriterion,
        AuditFinding as AuditFinding,
        AuditVerdict as AuditVerdict,
        FailureCause as FailureCause,
        audit_checklist as audit_checklist,
    )
    from learnmeet.model._availability import (
        Absence as Absence,
        AbsenceKind as AbsenceKind,
        WorkingPattern as WorkingPattern,
    )
    from learnmeet.model._bases import (
        ConsentForm as ConsentForm,
        ConsentGrantor as ConsentGrantor,
        ConsentPurpose as ConsentPurpose,
        LegalBasis as LegalBasis,
        Permission as Permission,
        ProxyReason as ProxyReason,
    )
    from learnmeet.model._calendar import (
        Holiday as Holiday,
        WorkingHours as WorkingHours,
        danish_holidays as danish_holidays,
    )
    from learnmeet.model._cases import (
        HANDOVER_DOCUMENTS as HANDOVER_DOCUMENTS,
        CaseOrigin as CaseOrigin,
        CitizenCase as CitizenCase,
        Consent as Consent,
        DocumentNeed as DocumentNeed,
        HandoverDocument as HandoverDocument,
        PalliativeLevel as PalliativeLevel,
        Transition as Transition,
        TransitionKind as TransitionKind,
    )
    from learnmeet.model._completions import CourseCompletion as CourseCompletion
    from learnmeet.model._cycle import (
        LEARNING_TAGS as LEARNING_TAGS,
        Action as Action,
        ActionStatus as ActionStatus,
        Contribution as Contribution,
        LearningPoint as LearningPoint,
        ReflectionCycle as ReflectionCycle,
    )
    from learnmeet.model._formats import (
        FictionalCase as FictionalCase,
        FormatRequirements as FormatRequirements,
        MeetingFormat as MeetingFormat,
    )
    from learnmeet.model._forums import (
        Forum as Forum,
    )
    from learnmeet.model._labels import (
        LabelledEnum as LabelledEnum,
    )
    from learnmeet.model._meetings import (
        Attendance as Attendance,
        Attendee as Attendee,
        AttendeeRole as AttendeeRole,
        Cancellation as Cancellation,
        CancellationReason as CancellationReason,
        Cohort as Cohort,
        Location as Location,
        LocationKind as LocationKind,
        Meeting as Meeting,
        MeetingStatus as MeetingStatus,
        Participation as Participation,
        Reflection as Reflection,
        Rsvp as Rsvp,
        taking_part as taking_part,
    )
    from learnmeet.model._people import (
        Area as Area,
        Citizen as Citizen,
        Discipline as Discipline,
        Organisation as Organisation,
        ParticipantType as ParticipantType,
        Person as Person,
        Profession as Profession,
        Professional as Professional,
        Relation as Relation,
        Relative as Relative,
        Sector as Sector,
        StaffRole as StaffRole,
        Unit as Unit,
    )
    from learnmeet.model._programme import (
        Programme as Programme,
    )
    from learnmeet.model._reflection import (
        Audience as Audience,
        PhaseKind as PhaseKind,
        Question as Question,
        QuestionBank as QuestionBank,
        ReflectionModel as ReflectionModel,
        ReflectionPhase as ReflectionPhase,
    )
    from learnmeet.model._rrule import (
        MAX_OCCURRENCES as MAX_OCCURRENCES,
        MAX_WINDOW as MAX_WINDOW,
    )
    from learnmeet.model._scenario import (
        Scenario as Scenario,
    )
    from learnmeet.model._survey import (
        Answer as Answer,
        Eligibility as Eligibility,
        Invitation as Invitation,
        ItemKind as ItemKind,
        KirkpatrickLevel as KirkpatrickLevel,
        Outcome as Outcome,
        Quote as Quote,
        QuoteSource as QuoteSource,
        Response as Response,
        Survey as Survey,
        SurveyItem as SurveyItem,
        Theme as Theme,
        invite as invite,
    )
    from learnmeet.model._time import (
        COPENHAGEN as COPENHAGEN,
        FIRST_YEAR as FIRST_YEAR,
        LAST_YEAR as LAST_YEAR,
    )
    from learnmeet.planning._cohorts import (
        CourseSession as CourseSession,
        Enrolment as Enrolment,
        SessionFill as SessionFill,
        enrol as enrol,
        plan_course_days as plan_course_days,
    )
    from learnmeet.planning._composer import (
        DEFAULT_REFLECTION as DEFAULT_REFLECTION,
        Choice as Choice,
        Proposal as Proposal,
        compose as compose,
    )
    from learnmeet.planning._forums import (
        LearningPlan as LearningPlan,
        Unattached as Unattached,
        attach_learning as attach_learning,
        forum_series as forum_series,
    )
    from learnmeet.planning._many import plan_many as plan_many
    from learnmeet.planning._period import (
        PeriodPlan as PeriodPlan,
        plan_period as plan_period,
    )
    from learnmeet.planning._preflight import (
        Preflight as Preflight,
        preflight as preflight,
    )
    from learnmeet.planning._recurrence import (
        Series as Series,
    )
    from learnmeet.planning._schedule import (
        MeetingRequest as MeetingRequest,
        ScheduleResult as ScheduleResult,
        Unplaced as Unplaced,
        schedule as schedule,
    )
    from learnmeet.planning._series import (
        CourseSeries as CourseSeries,
        SeriesSignal as SeriesSignal,
        SeriesThresholds as SeriesThresholds,
        SeriesVerdict as SeriesVerdict,
        series_signal as series_signal,
    )
    from learnmeet.planning._settings import (
        Backend as Backend,
        Objective as Objective,
        PlanningSettings as PlanningSettings,
        Room as Room,
        TravelTimes as TravelTimes,
    )
    from learnmeet.planning._slots import (
        MAX_SLOTS as MAX_SLOTS,
        Availability as Availability,
        BusyIndex as BusyIndex,
        Interval as Interval,
        busy_from_meetings as busy_from_meetings,
        find_slots as find_slots,
        free_time as free_time,
    )
    from learnmeet.rules._context_rules import (
        CONTEXT_RULES as CONTEXT_RULES,
    )
    from learnmeet.rules._format_rules import (
        FORMAT_RULES as FORMAT_RULES,
    )
    from learnmeet.rules._report import (
        Report as Report,
        Severity as Severity,
        Subject as Subject,
        SubjectKind as SubjectKind,
        Violation as Violation,
    )
    from learnmeet.rules._rule import (
        Applies as Applies,
        Check as Check,
        Finding as Finding,
        Rule as Rule,
        RuleContext as RuleContext,
        RuleSet as RuleSet,
    )
    from learnmeet.rules._validate import (
        DEFAULT_RULES as DEFAULT_RULES,
        validate as validate,
        validate_all as validate_all,
    )
else:
    __getattr__, __dir__ = lazy_names(__name__, _PUBLIC)
