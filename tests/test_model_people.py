"""People and where they work: professions, sectors, organisations, units, areas.

A profession is what a person is trained as, a sector where their organisation
belongs; citizens and relatives are known by pseudonyms only.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from examples import CAT, HOME_CARE_N, KOMMUNE, NORTH, NURSE_N, OT_N, WARD
from learnmeet import strategies as lst

NURSE = CAT.profession("nurse")
FACILITATING = {lm.StaffRole.FACILITATOR, lm.StaffRole.KEY_PERSON}


class TestProfessionsAndSectors:
    """Professions, sectors and areas are a short code and a name in Danish and
    English; a profession belongs to a discipline."""

    def test_a_profession_of_ones_own(self) -> None:
        chaplain = lm.Profession(
            "hospice_chaplain",
            lm.Label(da="hospicepræst", en="hospice chaplain"),
            lm.Discipline.SPIRITUAL,
        )
        assert (chaplain.code, chaplain.label.get("en")) == (
            "hospice_chaplain",
            "hospice chaplain",
        )
        assert chaplain.discipline.label.da == "sjælesorg"

    def test_a_name_must_be_a_label(self) -> None:
        with pytest.raises(lm.WrongTypeError) as info:
            lm.Sector("hospice", "hospice")  # type: ignore[arg-type]
        error = info.value
        assert (error.where, error.path) == ("Sector", ("label",))
        assert error.reason.en == "expected Label, got str"
        assert error.reason.da == "forventede Label, fik str"

    def test_a_discipline_must_be_one_of_the_disciplines(self) -> None:
        with pytest.raises(lm.WrongTypeError) as info:
            lm.Profession("x", lm.Label(da="x", en="x"), "nursing")  # type: ignore[arg-type]
        assert info.value.path == ("discipline",)

    @pytest.mark.parametrize("code", ["", " nurse", "nurse ", "x" * 201])
    def test_a_code_is_a_short_identifier(self, code: str) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Area(code, lm.Label(da="Nord", en="North"))
        assert (info.value.where, info.value.path) == ("Area", ("code",))
        assert "identifier" in info.value.reason.en
        assert "identifikator" in info.value.reason.da

    def test_every_built_in_profession_has_a_discipline(self) -> None:
        disciplines = {p.discipline for p in lm.PROFESSIONS}
        assert {lm.Discipline.NURSING, lm.Discipline.MEDICINE} <= disciplines
        assert all(isinstance(d, lm.Discipline) for d in disciplines)


class TestPlaces:
    """A unit belongs to an organisation in one sector; the unit's sector is its
    organisation's, and an area is optional (a hospital ward has none)."""

    def test_a_unit_takes_its_sector_from_its_organisation(self) -> None:
        assert HOME_CARE_N.sector == KOMMUNE.sector == CAT.sector("municipality")
        assert WARD.sector == CAT.sector("hospital")
        assert (HOME_CARE_N.area, WARD.area) == (NORTH, None)

    def test_a_unit_is_given_by_keyword(self) -> None:
        with pytest.raises(TypeError):
            lm.Unit("u", "Enhed", KOMMUNE)  # type: ignore[call-arg]

    def test_an_organisation_needs_a_sector(self) -> None:
        with pytest.raises(lm.WrongTypeError) as info:
            lm.Organisation("k", "Kommune", "municipality")  # type: ignore[arg-type]
        assert (info.value.where, info.value.path) == ("Organisation", ("sector",))

    def test_an_area_must_be_an_area(self) -> None:
        with pytest.raises(lm.WrongTypeError) as info:
            attrs.evolve(HOME_CARE_N, area="nord")  # type: ignore[arg-type]
        assert (info.value.where, info.value.path) == ("Unit", ("area",))

    @given(lst.units())
    def test_any_unit_is_in_its_organisations_sector(self, unit: lm.Unit) -> None:
        assert unit.sector is unit.organisation.sector


class TestProfessionals:
    """A professional has one profession and one unit; roles and completed
    courses are sets; a facilitator or key person may facilitate."""

    def test_sector_and_key(self) -> None:
        assert NURSE_N.sector == CAT.sector("municipality")
        assert NURSE_N.key == "professional:p-01"

    def test_roles_and_courses_become_frozen_sets(self) -> None:
        person = lm.Professional(
            id="p-x",
            profession=NURSE,
            unit=HOME_CARE_N,
            roles=[lm.StaffRole.LEADER, lm.StaffRole.LEADER],
            completed_courses=["palliation_mono"],
        )
        assert person.roles == frozenset({lm.StaffRole.LEADER})
        assert person.completed_courses == frozenset({"palliation_mono"})
        assert person.has_role(lm.StaffRole.LEADER)
        assert not person.has_role(lm.StaffRole.FACILITATOR)
        assert not person.can_facilitate  # a leader does not facilitate by that

    def test_who_may_facilitate(self) -> None:
        assert NURSE_N.can_facilitate  # key person
        assert OT_N.can_facilitate  # facilitator
        assert not attrs.evolve(NURSE_N, roles=()).can_facilitate

    def test_a_role_must_be_a_staff_role(self) -> None:
        with pytest.raises(lm.WrongTypeError) as info:
            attrs.evolve(NURSE_N, roles=["leader"])  # type: ignore[list-item]
        assert (info.value.where, info.value.path) == ("Professional", ("roles",))

    def test_a_course_code_must_be_an_identifier(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(NURSE_N, completed_courses={" palliation"})
        # a set has no order, so the path names the field only
        assert info.value.path == ("completed_courses",)

    def test_the_display_name_holds_no_cpr_number(self) -> None:
        with pytest.raises(lm.PersonalDataError) as info:
            attrs.evolve(NURSE_N, display_name="Anna 0102031234")
        assert info.value.path == ("display_name",)
        assert "0102031234" not in info.value.message("da")
        assert "0102031234" not in info.value.message("en")

    @given(lst.professionals())
    def test_may_facilitate_exactly_as_facilitator_or_key_person(
        self, person: lm.Professional
    ) -> None:
        assert person.can_facilitate == bool(person.roles & FACILITATING)
        assert all(person.has_role(role) for role in person.roles)


class TestCitizensAndRelatives:
    """A citizen is a pseudonym, never a CPR number; a relative is known by an
    identifier and the citizen's pseudonym."""

    def test_keys(self) -> None:
        assert lm.Citizen("B-017").key == "citizen:B-017"
        relative = lm.Relative(id="B-017-R1", citizen="B-017")
        assert relative.key == "relative:B-017-R1"
        assert relative.relation is lm.Relation.OTHER

    def test_a_cpr_number_is_refused_in_both_languages(self) -> None:
        with pytest.raises(lm.PersonalDataError) as info:
            lm.Citizen("010203-1234")
        error = info.value
        assert (error.where, error.path) == ("Citizen", ("pseudonym",))
        assert "CPR" in error.reason.en
        assert "CPR" in error.reason.da
        assert "B-017" in error.fix.en
        assert "B-017" in error.fix.da
        assert "010203" not in error.message("en")

    def test_a_relative_of_a_cpr_number_is_refused(self) -> None:
        with pytest.raises(lm.PersonalDataError) as info:
            lm.Relative(id="R-1", citizen="0102031234")
        assert (info.value.where, info.value.path) == ("Relative", ("citizen",))

    @given(
        st.one_of(lst.professionals(), lst.citizens(), lst.relatives()),
        st.one_of(lst.professionals(), lst.citizens(), lst.relatives()),
    )
    def test_keys_tell_people_apart(self, one: lm.Person, other: lm.Person) -> None:
        """Two people share a key only if they are the same kind with the same id:
        a citizen 'p-1' is never the professional 'p-1'."""
        kind, _, ident = one.key.partition(":")
        assert (
            kind
            == {
                lm.Professional: "professional",
                lm.Citizen: "citizen",
                lm.Relative: "relative",
            }[type(one)]
        )
        assert ident == (one.pseudonym if isinstance(one, lm.Citizen) else one.id)
        if one.key == other.key:
            assert type(one) is type(other)


class TestEmail:
    """A professional may have an e-mail address, checked as an addr-spec
    and as every text is; the domain is kept in lower case."""

    def test_none_by_default(self) -> None:
        assert NURSE_N.email is None

    @pytest.mark.parametrize(
        ("given", "kept"),
        [
            ("anna.berg@kommune.dk", "anna.berg@kommune.dk"),
            ("Anna.Berg@Kommune.DK", "Anna.Berg@kommune.dk"),
            ("p+team_nord@sub.region-h.dk", "p+team_nord@sub.region-h.dk"),
        ],
    )
    def test_an_address(self, given: str, kept: str) -> None:
        assert attrs.evolve(NURSE_N, email=given).email == kept

    @pytest.mark.parametrize(
        "bad",
        [
            "",
            "anna",
            "anna@",
            "@kommune.dk",
            "anna@kommune",
            "anna berg@kommune.dk",
            "Anna <anna@kommune.dk>",
            "anna..berg@kommune.dk",
            ".anna@kommune.dk",
            "anna@-kommune.dk",
            "anna@kommune..dk",
            "anna@kommune.dk\n",
            "a" * 250 + "@k.dk",
        ],
    )
    def test_not_an_address(self, bad: str) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            attrs.evolve(NURSE_N, email=bad)
        assert (caught.value.where, caught.value.path) == ("Professional", ("email",))

    def test_not_a_string(self) -> None:
        with pytest.raises(lm.WrongTypeError):
            attrs.evolve(NURSE_N, email=42)

    @pytest.mark.parametrize("cpr", ["1203045678@kommune.dk", "x.120304-5678@k.dk"])
    def test_no_cpr_number(self, cpr: str) -> None:
        with pytest.raises(lm.PersonalDataError) as caught:
            attrs.evolve(NURSE_N, email=cpr)
        for lang in lm.LANGUAGES:
            assert cpr not in caught.value.message(lang)

    @given(lst.professionals())
    def test_drawn_sometimes_and_valid(self, person: lm.Professional) -> None:
        if person.email is not None:
            assert attrs.evolve(person, email=person.email) == person
            assert lm.from_json(lm.Professional, lm.to_json(person)) == person

    def test_in_the_document_only_when_set(self) -> None:
        import json

        plain = json.loads(lm.to_json(NURSE_N))["data"]
        assert "email" not in plain
        mailed = attrs.evolve(NURSE_N, email="n@kommune.dk")
        data = json.loads(lm.to_json(mailed))["data"]
        assert data["email"] == "n@kommune.dk"
        assert lm.from_json(lm.Professional, lm.to_json(mailed)) == mailed

    def test_version_1_with_and_without(self) -> None:
        """A version-1 document (people copied in full) reads with or
        without the new field."""
        from learnmeet.io._json import _version_1

        mailed = attrs.evolve(NURSE_N, email="n@kommune.dk")
        for person in (NURSE_N, mailed):
            assert lm.from_dict(lm.Professional, _version_1(person)) == person

    def test_a_bad_address_in_a_document_has_its_path(self) -> None:
        import json

        document = json.loads(
            lm.to_json(lm.Scenario(name="s", professionals=[NURSE_N]))
        )
        document["data"]["professionals"][NURSE_N.id]["email"] = "not mail"
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_json(lm.Scenario, json.dumps(document))
        (problem,) = caught.value.problems
        assert problem.json_path == f"$.professionals['{NURSE_N.id}'].email"


def test_the_strategies_draw_both() -> None:
    """Professionals are drawn with and without an e-mail address."""
    from hypothesis import find

    assert find(lst.professionals(), lambda p: p.email is not None).email
    assert find(lst.professionals(), lambda p: p.email is None).email is None


class TestProfessionsApartFromFunctionsAndVolunteers:
    """A profession (faggruppe) is what someone is trained as; a visitator is a
    function held by someone of a profession, and a volunteer is a participant
    type without one (issue 17)."""

    def test_neither_is_a_built_in_profession(self) -> None:
        codes = {p.code for p in lm.PROFESSIONS}
        assert not codes & {"volunteer", "needs_assessor"}
        assert {d.value for d in lm.Discipline}.isdisjoint(
            {"voluntary", "administration"}
        )

    def test_the_functions_are_staff_roles(self) -> None:
        assert lm.StaffRole.NEEDS_ASSESSOR.label.da == "visitator"
        assert lm.StaffRole.COORDINATOR.label.da == "koordinator"

    def test_doctors_work_in_the_medical_field_not_in_drugs(self) -> None:
        assert lm.Discipline.MEDICINE.label.da == "lægefagligt område"

    def test_a_visitator_who_is_a_nurse(self) -> None:
        visitator = lm.Professional(
            id="v-1",
            profession=lm.DEFAULT_CATALOG.profession("nurse"),
            unit=NURSE_N.unit,
            roles={lm.StaffRole.NEEDS_ASSESSOR},
        )
        assert visitator.profession is not None
        assert visitator.profession.code == "nurse"
        assert visitator.has_role(lm.StaffRole.NEEDS_ASSESSOR)

    def test_a_volunteer_has_no_profession(self) -> None:
        volunteer = lm.Professional(
            id="v-2", unit=NURSE_N.unit, participant_type=lm.ParticipantType.VOLUNTEER
        )
        assert volunteer.is_volunteer
        assert volunteer.profession is None
        assert volunteer.title == lm.Label(da="frivillig", en="volunteer")
        assert NURSE_N.title.da == "sygeplejerske"

    def test_staff_need_a_profession(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Professional(id="s-1", unit=NURSE_N.unit)
        assert info.value.path == ("profession",)
        assert "ParticipantType.VOLUNTEER" in info.value.message("da")

    def test_a_volunteer_takes_part_without_one(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(NURSE_N, participant_type=lm.ParticipantType.VOLUNTEER)
        assert info.value.path == ("profession",)
        assert "frivillig" in info.value.message("da")

    @given(lst.volunteers())
    def test_drawn_volunteers_round_trip(self, volunteer: lm.Professional) -> None:
        assert volunteer.is_volunteer
        assert lm.from_json(lm.Professional, lm.to_json(volunteer)) == volunteer


class TestProfessionGroups:
    """SOSU helpers and assistants share a group, so one course may hold both."""

    def test_the_sosu_group(self) -> None:
        cat = lm.DEFAULT_CATALOG
        helper, assistant = (
            cat.profession("sosu_helper"),
            cat.profession("sosu_assistant"),
        )
        assert helper.group_code == assistant.group_code == "sosu"
        assert cat.profession("nurse").group is None
        assert cat.profession("nurse").group_code == "nurse"

    @given(lst.professions())
    def test_a_group_is_a_code(self, profession: lm.Profession) -> None:
        assert profession.group_code in (profession.code, profession.group)

    def test_a_group_must_be_a_code(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.Profession("x", lm.Label(da="x", en="x"), lm.Discipline.OTHER, group="")


class TestAreasOfAnOrganisation:
    """Two municipalities' "Nord" are two areas."""

    def test_the_owner_tells_them_apart(self) -> None:
        label = lm.Label(da="Nord", en="North")
        a = lm.Area("nord", label, organisation="kommune-a")
        b = lm.Area("nord", label, organisation="kommune-b")
        assert a != b
        assert a == lm.Area("nord", label, organisation="kommune-a")

    def test_a_general_practice_may_serve_a_municipal_area(self) -> None:
        practice = lm.Organisation(
            "lp", "Lægehuset", lm.DEFAULT_CATALOG.sector("general_practice")
        )
        area = lm.Area("nord", lm.Label(da="Nord", en="North"), organisation="k")
        unit = lm.Unit(id="lp-1", name="Lægehuset", organisation=practice, area=area)
        assert unit.area is area

    @given(lst.areas(organisation="kommune-a"))
    def test_drawn_areas_have_the_owner_asked_for(self, area: lm.Area) -> None:
        assert area.organisation == "kommune-a"
        assert lm.from_json(lm.Area, lm.to_json(area)) == area
