"""Meeting formats and their requirements, kept as data.

A format's requirements are plain values a municipality can change with
attrs.evolve; the rules read them. Here: which values are requirements at all.
"""

from __future__ import annotations

from datetime import timedelta

import attrs
import pytest
from hypothesis import given, strategies as st

import learnmeet as lm

CAT = lm.DEFAULT_CATALOG
R = lm.FormatRequirements


class TestDefaults:
    """A requirement left out asks for nothing: no minimum beyond one attendee,
    no maximum, no case, fictional cases allowed."""

    def test_the_empty_requirements(self) -> None:
        req = R()
        assert (req.min_professions, req.max_professions) == (0, None)
        assert (req.min_attendees, req.max_attendees, req.min_fill) == (1, None, None)
        assert req.fictional_case is lm.FictionalCase.ALLOWED
        flags = [f.name for f in attrs.fields(R) if f.type in ("bool", bool)]
        assert len(flags) == 11
        assert not any(getattr(req, name) for name in flags)

    def test_a_format_of_ones_own(self) -> None:
        fmt = lm.MeetingFormat(
            code="ethics_cafe",
            label=lm.Label(da="etisk café", en="ethics café"),
            description=lm.Label(
                da="Samtale om et etisk dilemma", en="A talk about an ethical dilemma"
            ),
        )
        assert fmt.is_learning
        assert not fmt.cross_sectoral
        assert fmt.default_duration == timedelta(minutes=60)
        assert fmt.requirements == R()

    def test_requirements_are_given_by_keyword(self) -> None:
        with pytest.raises(TypeError):
            R(2)  # type: ignore[call-arg]


class TestRefusals:
    """A minimum above its maximum, a negative count, a share outside 0–1 or a
    bool where a number is meant is refused, naming the field."""

    @pytest.mark.parametrize(
        ("low", "high", "values"),
        [
            ("min_professions", "max_professions", (3, 2)),
            ("min_attendees", "max_attendees", (5, 4)),
            ("min_fill", "max_attendees", (13, 12)),
        ],
    )
    def test_a_minimum_above_its_maximum(
        self, low: str, high: str, values: tuple[int, int]
    ) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            R(**{low: values[0], high: values[1]})  # type: ignore[arg-type]
        error = info.value
        assert (error.where, error.path) == ("FormatRequirements", (high,))
        assert error.reason.en == f"{high} ({values[1]}) is below {low} ({values[0]})"
        assert (
            error.reason.da == f"{high} ({values[1]}) er mindre end {low} ({values[0]})"
        )
        assert error.fix.en == f"raise {high} or lower {low}"
        assert error.fix.da == f"hæv {high} eller sænk {low}"

    @pytest.mark.parametrize("given", [10**4400, 1203045678], ids=["huge", "cpr"])
    def test_a_minimum_too_long_to_write(self, given: int) -> None:
        """A count is shown as written only while it is short and shaped like
        no CPR number; str() of one of 4,400 digits would raise."""
        with pytest.raises(lm.InvalidValueError) as info:
            R(min_attendees=given, max_attendees=4)
        shown = "a number of 4401 digits" if given > 10**40 else "[CPR]"
        assert (
            info.value.reason.en
            == f"max_attendees (4) is below min_attendees ({shown})"
        )

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("min_professions", -1),
            ("min_sectors", True),
            ("max_attendees", -2),
            ("min_fill", 2.5),
            ("min_host_attendees", "2"),
        ],
    )
    def test_counts_are_whole_numbers_of_zero_or_more(
        self, field: str, value: object
    ) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            R(**{field: value})  # type: ignore[arg-type]
        assert (info.value.where, info.value.path) == ("FormatRequirements", (field,))
        assert "0 or more" in info.value.reason.en
        assert "0 eller mere" in info.value.reason.da

    @pytest.mark.parametrize("value", [-0.1, 1.5, True, "half", float("nan")])
    def test_a_share_is_between_0_and_1(self, value: object) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            R(max_outside_care_team_share=value)  # type: ignore[arg-type]
        assert info.value.path == ("max_outside_care_team_share",)
        assert info.value.reason.en == "expected a share between 0 and 1"
        assert info.value.reason.da == "forventede en andel mellem 0 og 1"

    @pytest.mark.parametrize("field", ["case_required", "citizen_present"])
    def test_a_flag_is_a_bool(self, field: str) -> None:
        with pytest.raises(lm.WrongTypeError) as info:
            R(**{field: 1})  # type: ignore[arg-type]
        assert info.value.path == (field,)

    def test_a_format_needs_a_positive_duration_and_requirements(self) -> None:
        audit = CAT.format("audit")
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(audit, default_duration=timedelta(0))
        assert (info.value.where, info.value.path) == (
            "MeetingFormat",
            ("default_duration",),
        )
        with pytest.raises(lm.WrongTypeError) as info:
            attrs.evolve(audit, requirements={"min_sectors": 2})  # type: ignore[arg-type]
        assert info.value.path == ("requirements",)


class TestChangingAThreshold:
    """A municipality changes a threshold by making a new format value; the
    built-in format is left as it was."""

    def test_evolve_a_built_in_format(self) -> None:
        meeting = CAT.format("learning_meeting")
        stricter = attrs.evolve(
            meeting,
            requirements=attrs.evolve(
                meeting.requirements, max_outside_care_team_share=0.25
            ),
        )
        assert stricter.requirements.max_outside_care_team_share == 0.25
        assert (
            CAT.format("learning_meeting").requirements.max_outside_care_team_share
            == 0.5
        )
        assert stricter.code == meeting.code


class TestProperties:
    """Any pair of bounds is taken exactly when the minimum is at most the
    maximum; any share is taken exactly when it lies in 0–1."""

    @given(st.integers(0, 50), st.none() | st.integers(0, 50))
    def test_professions_bounds(self, low: int, high: int | None) -> None:
        if high is None or low <= high:
            req = R(min_professions=low, max_professions=high)
            assert (req.min_professions, req.max_professions) == (low, high)
        else:
            with pytest.raises(lm.InvalidValueError) as info:
                R(min_professions=low, max_professions=high)
            assert info.value.path == ("max_professions",)

    @given(st.floats(allow_nan=False, min_value=-2, max_value=2))
    def test_shares(self, share: float) -> None:
        if 0 <= share <= 1:
            assert (
                R(max_outside_care_team_share=share).max_outside_care_team_share
                == share
            )
        else:
            with pytest.raises(lm.InvalidValueError):
                R(max_outside_care_team_share=share)

    @given(st.sampled_from(lm.FORMATS))
    def test_every_built_in_format_rebuilds(self, fmt: lm.MeetingFormat) -> None:
        assert attrs.evolve(fmt) == fmt
        assert attrs.evolve(fmt.requirements) == fmt.requirements


class TestOwnCitizenAndOnSite:
    """The version-3 requirements: off by default, written only when set."""

    def test_off_by_default_and_only_booleans(self) -> None:
        req = R()
        assert (req.own_citizen, req.on_site) == (False, False)
        with pytest.raises(lm.InvalidValueError):
            R(on_site=1)  # type: ignore[arg-type]

    def test_written_only_when_set(self) -> None:
        visit = lm.DEFAULT_CATALOG.format("study_visit")
        mine = attrs.evolve(visit, code="besoeg")
        written = lm.to_dict(mine)["data"]["requirements"]
        assert written["on_site"] is True
        assert "own_citizen" not in written
        assert lm.from_dict(lm.MeetingFormat, lm.to_dict(mine)) == mine


class TestWhoMayAttendAndWhoLeads:
    """A format may say which staff role its attendees hold and which course
    its facilitator has completed; neither is asked by default."""

    def test_nothing_by_default(self) -> None:
        req = lm.FormatRequirements()
        assert req.required_role is None
        assert req.facilitator_course is None

    def test_a_role_and_a_course(self) -> None:
        req = lm.FormatRequirements(
            required_role=lm.StaffRole.LEADER, facilitator_course="facilitation"
        )
        assert req.required_role is lm.StaffRole.LEADER
        assert req.facilitator_course == "facilitation"

    @pytest.mark.parametrize("bad", ["leader", 1, lm.AttendeeRole.FACILITATOR])
    def test_the_role_is_a_staff_role(self, bad: object) -> None:
        with pytest.raises(lm.LearnmeetError, match="required_role"):
            lm.FormatRequirements(required_role=bad)  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", ["", 7, "010203-1234"])
    def test_the_course_is_a_code(self, bad: object) -> None:
        with pytest.raises(lm.LearnmeetError, match="facilitator_course") as info:
            lm.FormatRequirements(facilitator_course=bad)  # type: ignore[arg-type]
        assert "1234" not in str(info.value)


class TestCoursesPerProfession:
    """Each profession's own prerequisite course, kept as immutable pairs."""

    NURSE = lm.DEFAULT_CATALOG.profession("nurse")
    HELPER = lm.DEFAULT_CATALOG.profession("sosu_helper")
    GP = lm.DEFAULT_CATALOG.profession("gp")

    def test_a_mapping_is_kept_as_pairs_in_order(self) -> None:
        req = lm.FormatRequirements(
            prerequisite_courses={"sosu": "kursus-sosu", "nurse": "kursus-spl"}
        )
        assert req.prerequisite_courses == (
            ("nurse", "kursus-spl"),
            ("sosu", "kursus-sosu"),
        )
        assert hash(req) == hash(
            lm.FormatRequirements(
                prerequisite_courses=[("nurse", "kursus-spl"), ("sosu", "kursus-sosu")]
            )
        )

    def test_the_profession_before_its_group_before_the_general_course(self) -> None:
        req = lm.FormatRequirements(
            prerequisite_course="alle",
            prerequisite_courses={"sosu": "kursus-sosu", "sosu_helper": "kursus-ssh"},
        )
        assert req.prerequisite_for(self.HELPER) == "kursus-ssh"
        assert req.prerequisite_for(
            lm.DEFAULT_CATALOG.profession("sosu_assistant")
        ) == ("kursus-sosu")
        assert req.prerequisite_for(self.GP) == "alle"
        assert req.prerequisite_for(None) == "alle"
        assert lm.FormatRequirements().prerequisite_for(self.NURSE) is None

    def test_one_profession_twice_is_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.FormatRequirements(prerequisite_courses=[("nurse", "a"), ("nurse", "b")])
        assert info.value.path[0] == "prerequisite_courses"

    def test_a_pair_of_codes(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.FormatRequirements(prerequisite_courses=[("nurse", "")])

    @given(st.dictionaries(st.sampled_from(["nurse", "sosu", "gp"]), st.just("kursus")))
    def test_what_is_missing(self, courses: dict[str, str]) -> None:
        req = lm.FormatRequirements(prerequisite_courses=courses)
        nurse = lm.Professional(
            id="p-1",
            profession=self.NURSE,
            unit=lm.Unit(
                id="u",
                name="U",
                organisation=lm.Organisation(
                    "k", "K", lm.DEFAULT_CATALOG.sector("municipality")
                ),
            ),
        )
        assert req.missing_prerequisite(nurse) == courses.get("nurse")
        done = attrs.evolve(nurse, completed_courses={"kursus"})
        assert req.missing_prerequisite(done) is None

    def test_a_json_round_trip(self) -> None:
        day = lm.DEFAULT_CATALOG.format("course_day")
        own = attrs.evolve(
            day,
            code="kursusdag",
            requirements=attrs.evolve(
                day.requirements,
                max_profession_groups=2,
                prerequisite_courses={"nurse": "lindring"},
            ),
        )
        assert lm.from_json(lm.MeetingFormat, lm.to_json(own)) == own
