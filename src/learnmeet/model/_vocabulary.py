"""learnmeet's vocabulary: the code names of the domain, in English and Danish.

One table, read by the vocabulary page of the docs and by the JSON Schema
(:func:`~learnmeet.json_schema`), which gives each field the Danish term of
what it holds. A name here is the name of a model class.
"""

from __future__ import annotations

from learnmeet.exceptions import Label

__all__ = ["VOCABULARY"]

VOCABULARY: dict[str, Label] = {
    "Citizen": Label(
        da="borger",
        en="the person receiving care, known only by a pseudonym",
    ),
    "Relative": Label(da="pårørende", en="next of kin taking part"),
    "CitizenCase": Label(
        da="borgerforløb", en="a citizen's course of care across sectors"
    ),
    "Professional": Label(
        da="medarbejder / fagperson",
        en="a staff member with one profession, working in one unit",
    ),
    "Profession": Label(
        da="faggruppe",
        en="nurse, social and health care assistant, physiotherapist, GP …",
    ),
    "Sector": Label(
        da="sektor",
        en="hospital (region), municipality, general practice, specialised "
        "palliation, civil society",
    ),
    "Area": Label(
        da="område", en="a district of a municipality; cohorts are formed per area"
    ),
    "Organisation": Label(
        da="organisation",
        en="a municipality, a hospital, a practice: the sector comes from it",
    ),
    "Unit": Label(
        da="enhed", en="a unit of an organisation, e.g. a home-care group or a ward"
    ),
    "Cohort": Label(da="hold", en="the team a course day is run for"),
    "Transition": Label(
        da="overgang",
        en="a move of the citizen between sectors, with handover documents",
    ),
    "MeetingFormat": Label(
        da="mødeform",
        en="learning meeting, meeting in the citizen's home, course, course day, "
        "study visit, audit, roadshow, operational meeting",
    ),
    "Meeting": Label(da="møde", en="a meeting of one format, with its attendees"),
    "Forum": Label(
        da="eksisterende mødeforum",
        en="an existing, recurring operational meeting that learning is attached to",
    ),
    "Reflection": Label(
        da="refleksion", en="the reflection questions attached to a meeting"
    ),
    "ReflectionCycle": Label(
        da="refleksion",
        en="phases with reflection questions, contributions, learning points "
        "and actions",
    ),
}
"""Each code name's Danish term (``da``) and its meaning in English (``en``)."""
