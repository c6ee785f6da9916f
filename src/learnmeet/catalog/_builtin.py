"""The built-in professions, sectors and meeting formats, with Danish and English names.

The formats' requirements are the starting values the source documents suggest
(see the format table in the docs); they are data, so a municipality can change
them with :func:`attrs.evolve` and a catalogue of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from types import MappingProxyType

from learnmeet.catalog._catalog import Catalog
from learnmeet.model._formats import FictionalCase, FormatRequirements, MeetingFormat
from learnmeet.model._labels import Label
from learnmeet.model._people import Discipline, Profession, Sector, StaffRole

__all__ = [
    "COURSE_LABELS",
    "DEFAULT_CATALOG",
    "FACILITATOR_COURSE",
    "FORMATS",
    "MONOPROFESSIONAL_COURSE",
    "PALLIATION_COURSES",
    "PROFESSIONS",
    "SECTORS",
    "course_label",
]


def _profession(
    code: str, *, da: str, en: str, discipline: Discipline, group: str | None = None
) -> Profession:
    return Profession(code, Label(da=da, en=en), discipline, group=group)


PROFESSIONS: tuple[Profession, ...] = (
    _profession("nurse", da="sygeplejerske", en="nurse", discipline=Discipline.NURSING),
    _profession(
        "sosu_assistant",
        da="social- og sundhedsassistent",
        en="social and health care assistant",
        discipline=Discipline.CARE,
        group="sosu",
    ),
    _profession(
        "sosu_helper",
        da="social- og sundhedshjælper",
        en="social and health care helper",
        discipline=Discipline.CARE,
        group="sosu",
    ),
    _profession(
        "physiotherapist",
        da="fysioterapeut",
        en="physiotherapist",
        discipline=Discipline.THERAPY,
        group="therapist",
    ),
    _profession(
        "occupational_therapist",
        da="ergoterapeut",
        en="occupational therapist",
        discipline=Discipline.THERAPY,
        group="therapist",
    ),
    _profession(
        "gp",
        da="praktiserende læge",
        en="general practitioner",
        discipline=Discipline.MEDICINE,
    ),
    _profession(
        "hospital_doctor",
        da="sygehuslæge",
        en="hospital doctor",
        discipline=Discipline.MEDICINE,
    ),
    _profession("priest", da="præst", en="priest", discipline=Discipline.SPIRITUAL),
    _profession(
        "social_worker",
        da="socialrådgiver",
        en="social worker",
        discipline=Discipline.SOCIAL,
    ),
    _profession(
        "psychologist",
        da="psykolog",
        en="psychologist",
        discipline=Discipline.PSYCHOLOGY,
    ),
    _profession(
        "dietitian",
        da="klinisk diætist",
        en="clinical dietitian",
        discipline=Discipline.NUTRITION,
    ),
    _profession(
        "pharmacist", da="farmaceut", en="pharmacist", discipline=Discipline.PHARMACY
    ),
    _profession(
        "pharmaconomist",
        da="farmakonom",
        en="pharmaconomist",
        discipline=Discipline.PHARMACY,
    ),
    _profession(
        "social_educator",
        da="pædagog",
        en="social educator",
        discipline=Discipline.PEDAGOGY,
    ),
)
"""The built-in professions (faggrupper).

The SOSU helpers and assistants are of the group ``"sosu"`` and the physio-
and occupational therapists of the group ``"therapist"``: each group may
share a monoprofessional course. A visitator (needs assessor) or a
coordinator is a function, :class:`~learnmeet.StaffRole`; a volunteer is a
participant type, :class:`~learnmeet.ParticipantType`; neither is a
profession.

.. versionchanged:: 0.3.0 ``needs_assessor`` and ``volunteer`` are no
   longer professions; the groups ``"sosu"`` and ``"therapist"``.
"""


SECTORS: tuple[Sector, ...] = (
    Sector("hospital", Label(da="sygehus (region)", en="hospital (region)")),
    Sector("municipality", Label(da="kommune", en="municipality")),
    Sector("general_practice", Label(da="almen praksis", en="general practice")),
    Sector(
        "specialised_palliation",
        Label(
            da="specialiseret palliation (hospice, palliativt team)",
            en="specialised palliation (hospice, palliative team)",
        ),
    ),
    Sector("civil_society", Label(da="civilsamfund", en="civil society")),
)
"""The built-in sectors (sektorer)."""

MONOPROFESSIONAL_COURSE = "palliation_mono"
"""The course code of the general monoprofessional palliation course.

The interdisciplinary course day requires it of a profession that has no
palliation course of its own in :data:`PALLIATION_COURSES`.

.. versionchanged:: 0.3.0 The course day asks each profession group for its
   own course first; this one is the fallback for the others.
"""

PALLIATION_COURSES: Mapping[str, str] = MappingProxyType(
    {
        "nurse": "palliation_nurse",
        "sosu": "palliation_sosu",
        "therapist": "palliation_therapist",
    }
)
"""The monoprofessional palliation course of each profession group, by group.

Esbjerg ran one course per profession before the joint course days; the
built-in course day asks each attendee for their group's course (the key is
a profession's :attr:`~learnmeet.Profession.group_code`).

.. versionadded:: 0.3.0
"""

COURSE_LABELS: Mapping[str, Label] = MappingProxyType(
    {
        MONOPROFESSIONAL_COURSE: Label(
            da="monofagligt kursus i palliation",
            en="monoprofessional course in palliative care",
        ),
        "palliation_nurse": Label(
            da="palliationskursus for sygeplejersker",
            en="palliative care course for nurses",
        ),
        "palliation_sosu": Label(
            da="palliationskursus for social- og sundhedshjælpere og -assistenter",
            en="palliative care course for social and health care helpers and "
            "assistants",
        ),
        "palliation_therapist": Label(
            da="palliationskursus for fysio- og ergoterapeuter",
            en="palliative care course for physio- and occupational therapists",
        ),
        "facilitator_training": Label(  # FACILITATOR_COURSE, below
            da="facilitatoruddannelsen", en="facilitator training"
        ),
    }
)
"""The names of the built-in courses, in Danish and English, by course code.

Messages name a course by its name here; a course code of your own is named
as a code.

.. versionadded:: 0.3.0
"""


def course_label(code: str) -> Label:
    """The name of the course *code*, in Danish and English.

    From :data:`COURSE_LABELS`; for a course of the user's own, the code
    itself in both languages.
    """
    label = COURSE_LABELS.get(code)
    return Label(da=code, en=code) if label is None else label


FACILITATOR_COURSE = "facilitator_training"
"""The course code of the facilitator training (facilitatoruddannelse).

Whoever facilitates a learning meeting, a course day, an audit or a key-person
network should have completed it (rule ``LM146``); a meeting of the format
``facilitator_training`` is that training.
"""

FORMATS: tuple[MeetingFormat, ...] = (
    MeetingFormat(
        code="learning_meeting",
        label=Label(
            da="tværfagligt læringsmøde", en="interdisciplinary learning meeting"
        ),
        description=Label(
            da="Den tværfaglige gruppe omkring en borger deler viden og reflekterer "
            "over et konkret borgerforløb.",
            en="The interdisciplinary group around a citizen shares knowledge and "
            "reflects on a concrete course of care.",
        ),
        default_duration=timedelta(minutes=60),
        requirements=FormatRequirements(
            min_professions=2,
            min_attendees=3,
            max_attendees=12,
            case_required=True,
            fictional_case=FictionalCase.REFUSED,
            consent_required=True,
            reflection_required=True,
            facilitator_required=True,
            max_outside_care_team_share=0.5,
            facilitator_course=FACILITATOR_COURSE,
        ),
    ),
    MeetingFormat(
        code="home_meeting",
        label=Label(da="møde hos borgeren", en="meeting in the citizen's home"),
        description=Label(
            da="Borgeren, eventuelt pårørende og de relevante fagpersoner mødes i "
            "borgerens hjem og reflekterer sammen.",
            en="The citizen, relatives if they wish, and the relevant professionals "
            "meet in the citizen's home and reflect together.",
        ),
        default_duration=timedelta(minutes=45),
        requirements=FormatRequirements(
            min_professions=2,
            min_attendees=3,
            max_attendees=6,
            case_required=True,
            fictional_case=FictionalCase.REFUSED,
            consent_required=True,
            citizen_present=True,
            at_citizen_home=True,
            reflection_required=True,
        ),
    ),
    MeetingFormat(
        code="mono_course",
        label=Label(da="monofagligt kursus", en="monoprofessional course"),
        description=Label(
            da="Et kursus for én faggruppe eller en gruppe af beslægtede "
            "faggrupper (fx social- og sundhedshjælpere og -assistenter), fx i "
            "palliation.",
            en="A course for one profession or a group of related professions "
            "(e.g. social and health care helpers and assistants), e.g. in "
            "palliative care.",
        ),
        default_duration=timedelta(hours=6),
        requirements=FormatRequirements(
            min_professions=1, max_profession_groups=1, max_attendees=20, min_fill=8
        ),
    ),
    MeetingFormat(
        code="course_day",
        label=Label(da="tværfaglig kursusdag", en="interdisciplinary course day"),
        description=Label(
            da="En fælles dag for dem, der har gennemført deres monofaglige kursus, "
            "på holdet for deres eget område.",
            en="A joint day for those who completed their monoprofessional course, "
            "on the cohort of their own area.",
        ),
        default_duration=timedelta(hours=6),
        requirements=FormatRequirements(
            min_professions=2,
            max_attendees=24,
            min_fill=12,
            fictional_case=FictionalCase.FLAGGED,
            facilitator_required=True,
            prerequisite_course=MONOPROFESSIONAL_COURSE,
            prerequisite_courses=PALLIATION_COURSES,
            cohort_by_area=True,
            own_citizen=True,
            on_site=True,
            facilitator_course=FACILITATOR_COURSE,
        ),
    ),
    MeetingFormat(
        code="study_visit",
        label=Label(da="studiebesøg", en="study visit"),
        description=Label(
            da="Medarbejdere besøger en anden sektor og får indblik i dens tavse "
            "viden og tilbud.",
            en="Staff visit another sector and see its tacit knowledge and services.",
        ),
        cross_sectoral=True,
        default_duration=timedelta(hours=3),
        requirements=FormatRequirements(
            min_sectors=2,
            min_attendees=2,
            max_attendees=12,
            host_required=True,
            on_site=True,
        ),
    ),
    MeetingFormat(
        code="audit",
        label=Label(da="tværsektoriel audit", en="cross-sectoral audit"),
        description=Label(
            da="Et auditpanel fra begge sektorer gennemgår et borgerforløb med fokus "
            "på overgangen og overleveringsdokumenterne.",
            en="An audit panel from both sectors reviews a course of care, focusing "
            "on the transition and its handover documents.",
        ),
        cross_sectoral=True,
        default_duration=timedelta(hours=2),
        requirements=FormatRequirements(
            min_professions=2,
            min_sectors=2,
            min_attendees=3,
            max_attendees=12,
            case_required=True,
            fictional_case=FictionalCase.REFUSED,
            consent_required=True,
            transition_required=True,
            facilitator_required=True,
            reflection_required=True,
            own_citizen=True,
            facilitator_course=FACILITATOR_COURSE,
        ),
    ),
    MeetingFormat(
        code="roadshow",
        label=Label(da="roadshow", en="roadshow"),
        description=Label(
            da="Oplægsholdere fra en anden sektor giver fælles viden til flere fra "
            "samme organisation.",
            en="Presenters from another sector bring shared knowledge to several "
            "people of one organisation.",
        ),
        cross_sectoral=True,
        default_duration=timedelta(minutes=90),
        requirements=FormatRequirements(
            min_sectors=2,
            min_attendees=4,
            host_required=True,
            min_host_attendees=3,
            on_site=True,
        ),
    ),
    MeetingFormat(
        code="operational_meeting",
        label=Label(da="driftsmøde", en="operational meeting"),
        description=Label(
            da="Et eksisterende møde i driften; det giver læring, når der kobles "
            "refleksion på.",
            en="An existing operational meeting; it gives learning once reflection "
            "is attached.",
        ),
        is_learning=False,
        default_duration=timedelta(minutes=60),
    ),
    MeetingFormat(
        code="key_person_network",
        label=Label(da="nøglepersonnetværk", en="key-person network"),
        description=Label(
            da="Nøglepersoner fra flere enheder deler erfaringer fra læringsmøderne "
            "og møderne hos borgerne og bliver bedre til at lede refleksionen.",
            en="Key persons from several units share what they learned leading "
            "learning meetings and meetings in citizens' homes, and grow better at "
            "leading reflection.",
        ),
        default_duration=timedelta(hours=2),
        requirements=FormatRequirements(
            min_attendees=3,
            max_attendees=20,
            reflection_required=True,
            facilitator_required=True,
            required_role=StaffRole.KEY_PERSON,
            facilitator_course=FACILITATOR_COURSE,
        ),
    ),
    MeetingFormat(
        code="facilitator_training",
        label=Label(da="facilitatoruddannelse", en="facilitator training"),
        description=Label(
            da="Et kursus for nøglepersoner i at lede refleksion i læringsmøder "
            "og møder hos borgeren.",
            en="A course for key persons in leading reflection at learning "
            "meetings and meetings in the citizen's home.",
        ),
        default_duration=timedelta(hours=6),
        requirements=FormatRequirements(
            max_attendees=16,
            min_fill=6,
            required_role=StaffRole.KEY_PERSON,
        ),
    ),
    MeetingFormat(
        code="leaders_network",
        label=Label(da="ledernetværk", en="leaders' network"),
        description=Label(
            da="Ledere drøfter mødestrukturen: hvilke mødefora der er, hvor "
            "refleksionen er koblet på, og hvordan der følges op.",
            en="Leaders discuss the meeting structure: which forums there are, "
            "where reflection is attached, and how actions are followed up.",
        ),
        default_duration=timedelta(minutes=90),
        requirements=FormatRequirements(
            min_attendees=3,
            max_attendees=20,
            reflection_required=True,
            required_role=StaffRole.LEADER,
        ),
    ),
)
"""The built-in meeting formats (mødeformer): the eight the source documents
describe, then the three that develop leaders and key persons."""

DEFAULT_CATALOG = Catalog(professions=PROFESSIONS, sectors=SECTORS, formats=FORMATS)
"""The built-in professions, sectors and formats."""
