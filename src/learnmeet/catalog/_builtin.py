"""The built-in professions, sectors and meeting formats, with Danish and English names.

The formats' requirements are the starting values the source documents suggest
(see the format table in the docs); they are data, so a municipality can change
them with :func:`attrs.evolve` and a catalogue of its own.
"""

from __future__ import annotations

from datetime import timedelta

from learnmeet.catalog._catalog import Catalog
from learnmeet.model._formats import FictionalCase, FormatRequirements, MeetingFormat
from learnmeet.model._labels import Label
from learnmeet.model._people import Discipline, Profession, Sector

__all__ = [
    "DEFAULT_CATALOG",
    "FORMATS",
    "MONOPROFESSIONAL_COURSE",
    "PROFESSIONS",
    "SECTORS",
]


def _profession(code: str, *, da: str, en: str, discipline: Discipline) -> Profession:
    return Profession(code, Label(da=da, en=en), discipline)


PROFESSIONS: tuple[Profession, ...] = (
    _profession("nurse", da="sygeplejerske", en="nurse", discipline=Discipline.NURSING),
    _profession(
        "sosu_assistant",
        da="social- og sundhedsassistent",
        en="social and health care assistant",
        discipline=Discipline.CARE,
    ),
    _profession(
        "sosu_helper",
        da="social- og sundhedshjælper",
        en="social and health care helper",
        discipline=Discipline.CARE,
    ),
    _profession(
        "physiotherapist",
        da="fysioterapeut",
        en="physiotherapist",
        discipline=Discipline.THERAPY,
    ),
    _profession(
        "occupational_therapist",
        da="ergoterapeut",
        en="occupational therapist",
        discipline=Discipline.THERAPY,
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
    _profession(
        "needs_assessor",
        da="visitator",
        en="needs assessor",
        discipline=Discipline.ADMINISTRATION,
    ),
    _profession(
        "volunteer", da="frivillig", en="volunteer", discipline=Discipline.VOLUNTARY
    ),
)
"""The built-in professions (faggrupper)."""


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
"""The course code of the monoprofessional palliation course.

The interdisciplinary course day requires its attendees to have completed it.
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
            da="Et kursus for én faggruppe, fx i palliation.",
            en="A course for one profession, e.g. in palliative care.",
        ),
        default_duration=timedelta(hours=6),
        requirements=FormatRequirements(
            min_professions=1, max_professions=1, max_attendees=20, min_fill=8
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
            cohort_by_area=True,
        ),
    ),
    MeetingFormat(
        code="study_visit",
        label=Label(da="studiebesøg", en="study visit"),
        description=Label(
            da="Medarbejdere besøger en anden sektor og får indblik i dens tavse "
            "viden og tilbud.",
            en="Staff visit another sector and see its tacit knowledge and offers.",
        ),
        cross_sectoral=True,
        default_duration=timedelta(hours=3),
        requirements=FormatRequirements(
            min_sectors=2, min_attendees=2, max_attendees=12, host_required=True
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
            min_sectors=2, min_attendees=4, host_required=True, min_host_attendees=3
        ),
    ),
    MeetingFormat(
        code="operational_meeting",
        label=Label(da="driftsmøde", en="operational meeting"),
        description=Label(
            da="Et eksisterende møde i driften; det giver læring, når der kobles "
            "refleksion på.",
            en="An existing operational meeting; it yields learning once reflection "
            "is attached.",
        ),
        is_learning=False,
        default_duration=timedelta(minutes=60),
    ),
)
"""The eight built-in meeting formats (mødeformer)."""

DEFAULT_CATALOG = Catalog(professions=PROFESSIONS, sectors=SECTORS, formats=FORMATS)
"""The built-in professions, sectors and formats."""
