"""Evaluation: response rates and participants' benefit, never for tiny groups.

:func:`evaluate` classifies every invitation by the AAPOR final dispositions,
gives the response rates RR1 and RR3, and the benefit (*yield*, udbytte) of
the meetings grouped by format, by case origin (concrete or fictional), by
interdisciplinary or monoprofessional, by cross-sectoral or single-sector, and
by in person or online — the comparisons the KOPA evaluation drew its lessons
from. Each Kirkpatrick level says how it was measured: behaviour and results
only by a follow-up survey, never by one sent right after the meeting.

Small groups are protected as statistical disclosure control protects the
cells of a table — primary and secondary (complementary) cell suppression, as
in Hundepool et al., *Statistical Disclosure Control* (Wiley, 2012), chapter 4.
*Primary* suppression hides every group with fewer respondents than the
threshold (:attr:`Suppression.TOO_FEW`); *secondary* suppression hides
further groups (:attr:`Suppression.COMPLEMENT`) until no small group can be
worked out by adding and subtracting the groups shown.

What is guaranteed. Every figure a group shows — its responses, its sum of
benefits (``mean × responses``) and its number of high benefits — is a sum over
the group's responses, so any sum, difference or other linear combination of
shown groups is a weighted sum over responses, and depends on the answers of
the people whose responses it weighs. **No linear combination of the groups
shown, with any coefficients, that is not zero everywhere depends on the
answers of fewer than** ``threshold`` **distinct people.** In particular no
set of fewer than ``threshold`` respondents (and so of fewer than
``threshold`` responses, as each respondent gives at least one) is the
difference of two shown groups, the overall figure less the shown groups of a
comparison, or any other sum of differences, within a comparison or across
comparisons. People are counted in the set a combination covers, never by
adding up the groups' counts, since one person may answer about several
meetings. The overall group ("all") is a group like the others. With
*released* reports, the same holds for their shown groups and the new ones
together: the new report opens no such combination that the released ones
had not opened already. A Kirkpatrick level is a sum over its answers, and
gets the same guarantee against the same level of the released reports.

How. The responses fall into *atoms*, the classes of responses that every
shown group (and released group) holds whole or not at all. A combination
that is zero outside a set *S* of atoms exists exactly when the rank of the
shown groups' 0/1 rows over the atoms drops when the columns of *S* are left
out. Only atoms of fewer than ``threshold`` people can be part of a leak; the
sets of them whose people stay under the threshold are enumerated by their
distinct unions of people, and each largest one is tested by exact row
reduction over the integers (no rounding). While a leak is found, the group
whose hiding closes the most of it is hidden, the smallest first among equals
(groups holding the same responses go together), and the overall group only
when nothing else is left to hide — so never within one report, where it
alone gives nothing away. Then each group hidden this way is shown again,
the largest first, if the report stays safe with it; so every group hidden as
a complement is needed: showing it, with all else as reported, would open a
leak.

Not covered: what a figure tells by itself (a shown mean of 100 says that
every respondent of the group gave the top score), the numbers of
respondents (people do not add up, so they give no answer away by
subtraction), and the levels against the yield groups, which are means over
other items.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from statistics import NormalDist

import attrs

from learnmeet.evaluation._disclosure import Figure, complements
from learnmeet.evaluation._results import (
    _GROUP_LABELS,
    HIGH_YIELD,
    Dimension,
    Disposition,
    Evaluation,
    LevelSummary,
    ResponseRates,
    Suppression,
    YieldGroup,
    _method_of,
)
from learnmeet.exceptions import (
    DataProblem,
    InvalidDataError,
    InvalidValueError,
    Label,
    PathKey,
)
from learnmeet.model._arguments import checked
from learnmeet.model._meetings import LocationKind, Meeting
from learnmeet.model._survey import (
    Eligibility,
    Invitation,
    ItemKind,
    KirkpatrickLevel,
    Outcome,
    Response,
    Survey,
    SurveyItem,
    Theme,
)

__all__ = ["evaluate"]


# -- checking the input --------------------------------------------------------


def _check_parameters(
    threshold: object, confidence: object, eligibility_rate: object
) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
        raise InvalidValueError(
            reason=Label(
                da="threshold skal være et helt tal på 1 eller mere",
                en="threshold must be a whole number of 1 or more",
            ),
            fix=Label(
                da="behold standarden på 5, medmindre jeres databeskyttelsesregler "
                "siger mere",
                en="keep the default of 5 unless your data protection rules say more",
            ),
            where="evaluate",
            path=("threshold",),
        )
    if not isinstance(confidence, float) or not 0.0 < confidence < 1.0:
        raise InvalidValueError(
            reason=Label(
                da="confidence skal være et tal mellem 0 og 1",
                en="confidence must be a number between 0 and 1",
            ),
            fix=Label(da="brug fx 0.95", en="use e.g. 0.95"),
            where="evaluate",
            path=("confidence",),
        )
    if eligibility_rate is not None and (
        not isinstance(eligibility_rate, (int, float))
        or isinstance(eligibility_rate, bool)
        or not 0.0 <= eligibility_rate <= 1.0
    ):
        raise InvalidValueError(
            reason=Label(
                da="eligibility_rate skal være et tal mellem 0 og 1",
                en="eligibility_rate must be a number between 0 and 1",
            ),
            fix=Label(
                da="udelad den for at skønne den ud fra invitationerne med kendt "
                "egnethed",
                en="leave it out to estimate it from the invitations of known "
                "eligibility",
            ),
            where="evaluate",
            path=("eligibility_rate",),
        )


def _check_released(released: Iterable[Evaluation]) -> tuple[Evaluation, ...]:
    """The released reports, each with the members of what it shows.

    Their type is checked by ``@checked`` from :func:`evaluate`'s annotation.
    """
    found = tuple(released)
    for i, earlier in enumerate(found):
        missing = _without_members(earlier)
        if missing is not None:
            raise InvalidValueError(
                reason=Label(
                    da="den tidligere rapport siger ikke, hvilke svar dens "
                    "grupper har (members mangler)",
                    en="the earlier report does not say which responses its "
                    "groups hold (members are missing)",
                ),
                fix=Label(
                    da="evaluér den tidligere rapports data igen med denne "
                    "version, og giv den rapport",
                    en="evaluate the earlier report's data again with this "
                    "version, and pass that report",
                ),
                where="evaluate",
                path=("released", i, *missing, "members"),
            )
    return found


def _without_members(earlier: Evaluation) -> tuple[str, int] | None:
    """Where a released report shows a group or level without its responses."""
    for j, g in enumerate(earlier.groups):
        if not g.suppressed and len(g.members) != g.responses:
            return ("groups", j)
    for j, level in enumerate(earlier.levels):
        if level.respondents is not None and not level.members:
            return ("levels", j)
    return None


_Path = tuple[PathKey, ...]


def _check_answers(
    survey: Survey, response: Response, path: _Path
) -> Iterable[DataProblem]:
    for j, answer in enumerate(response.answers):
        where = (*path, "answers", j)
        item = survey.item(answer.item)
        if item is None:
            yield DataProblem(
                path=(*where, "item"),
                reason=Label(
                    da=f"spørgeskemaet {survey.id!r} har intet spørgsmål "
                    f"{answer.item!r}",
                    en=f"survey {survey.id!r} has no item {answer.item!r}",
                ),
                fix=Label(
                    da="brug id'et på et af spørgeskemaets spørgsmål",
                    en="use the id of one of the survey's items",
                ),
            )
        elif item.kind is ItemKind.LIKERT and answer.score is None:
            yield DataProblem(
                path=(*where, "score"),
                reason=Label(
                    da=f"spørgsmålet {item.id!r} besvares på en skala, ikke med "
                    "en tekst",
                    en=f"item {item.id!r} is a Likert item, not answered in text",
                ),
                fix=Label(
                    da=f"angiv et tal fra 1 til {item.scale}",
                    en=f"give a score from 1 to {item.scale}",
                ),
            )
        elif (
            item.kind is ItemKind.LIKERT and not 1 <= (answer.score or 0) <= item.scale
        ):
            yield DataProblem(
                path=(*where, "score"),
                reason=Label(
                    da=f"spørgsmålet {item.id!r} besvares fra 1 til {item.scale}, "
                    f"fik {answer.score}",
                    en=f"item {item.id!r} is scored from 1 to {item.scale}, "
                    f"got {answer.score}",
                ),
                fix=Label(
                    da=f"angiv et tal fra 1 til {item.scale}",
                    en=f"give a score from 1 to {item.scale}",
                ),
            )
        elif item.kind is ItemKind.FREE_TEXT and answer.text is None:
            yield DataProblem(
                path=(*where, "text"),
                reason=Label(
                    da=f"spørgsmålet {item.id!r} besvares med fritekst, ikke et tal",
                    en=f"item {item.id!r} is answered in free text, not with a score",
                ),
                fix=Label(da="angiv svaret som text=", en="give the answer as text="),
            )


def _twice(what: Label, fix: Label, path: _Path) -> DataProblem:
    return DataProblem(
        path=path,
        reason=Label(da=f"{what.da} er givet to gange", en=f"{what.en} is given twice"),
        fix=fix,
    )


_GIVE_ONCE = Label(da="giv hver kun én gang", en="give each only once")


def _check(
    survey: Survey,
    invitations: Sequence[Invitation],
    responses: Sequence[Response],
    meetings: Sequence[Meeting],
) -> tuple[dict[str, Meeting], dict[str, Response]]:
    problems: list[DataProblem] = []
    by_meeting: dict[str, Meeting] = {}
    for i, meeting in enumerate(meetings):
        if meeting.id in by_meeting:
            problems.append(
                _twice(
                    Label(da=f"mødet {meeting.id!r}", en=f"the meeting {meeting.id!r}"),
                    _GIVE_ONCE,
                    ("meetings", i, "id"),
                )
            )
        by_meeting[meeting.id] = meeting
    seen: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for i, inv in enumerate(invitations):
        path: _Path = ("invitations", i)
        if inv.id in seen:
            problems.append(
                _twice(
                    Label(
                        da=f"invitationen {inv.id!r}", en=f"the invitation {inv.id!r}"
                    ),
                    _GIVE_ONCE,
                    (*path, "id"),
                )
            )
        seen.add(inv.id)
        if inv.survey != survey.id:
            problems.append(
                DataProblem(
                    path=(*path, "survey"),
                    reason=Label(
                        da=f"invitationen gælder spørgeskemaet {inv.survey!r}, "
                        f"ikke {survey.id!r}",
                        en=f"the invitation is for survey {inv.survey!r}, not "
                        f"{survey.id!r}",
                    ),
                    fix=Label(
                        da="giv kun invitationer til det spørgeskema, der evalueres",
                        en="pass only invitations to the survey being evaluated",
                    ),
                )
            )
        if inv.meeting not in by_meeting:
            problems.append(
                DataProblem(
                    path=(*path, "meeting"),
                    reason=Label(
                        da=f"mødet {inv.meeting!r} er ikke givet",
                        en=f"no meeting {inv.meeting!r} was given",
                    ),
                    fix=Label(
                        da="giv alle møder, der er inviteret til",
                        en="pass every meeting invited about",
                    ),
                )
            )
        if (inv.meeting, inv.invitee) in pairs:
            problems.append(
                DataProblem(
                    path=(*path, "invitee"),
                    reason=Label(
                        da=f"{inv.invitee!r} er inviteret to gange til mødet "
                        f"{inv.meeting!r}",
                        en=f"{inv.invitee!r} is invited twice about meeting "
                        f"{inv.meeting!r}",
                    ),
                    fix=Label(
                        da="invitér hver person én gang pr. møde",
                        en="invite each person once per meeting",
                    ),
                )
            )
        pairs.add((inv.meeting, inv.invitee))
    by_invitation: dict[str, Response] = {}
    for i, response in enumerate(responses):
        path = ("responses", i)
        if response.invitation not in seen:
            problems.append(
                DataProblem(
                    path=(*path, "invitation"),
                    reason=Label(
                        da=f"der er ingen invitation {response.invitation!r}",
                        en=f"there is no invitation {response.invitation!r}",
                    ),
                    fix=Label(
                        da="giv den invitation, svaret hører til",
                        en="pass the invitation the response answers",
                    ),
                )
            )
        elif response.invitation in by_invitation:
            problems.append(
                DataProblem(
                    path=(*path, "invitation"),
                    reason=Label(
                        da=f"invitationen {response.invitation!r} er besvaret to gange",
                        en=f"invitation {response.invitation!r} is answered twice",
                    ),
                    fix=Label(
                        da="giv ét svar pr. invitation",
                        en="pass one response per invitation",
                    ),
                )
            )
        by_invitation.setdefault(response.invitation, response)
        problems.extend(_check_answers(survey, response, path))
    if problems:
        raise InvalidDataError(problems)
    return by_meeting, by_invitation


# -- computing -----------------------------------------------------------------


def _disposition(
    survey: Survey, invitation: Invitation, response: Response | None
) -> Disposition:
    if invitation.eligibility is Eligibility.NOT_ELIGIBLE:
        return Disposition.NOT_ELIGIBLE
    if response is not None:
        answered = {a.item for a in response.answers}
        likert = {i.id for i in survey.items if i.kind is ItemKind.LIKERT}
        return Disposition.COMPLETE if likert <= answered else Disposition.PARTIAL
    if invitation.outcome is Outcome.REFUSED:
        return Disposition.REFUSAL
    if invitation.outcome is Outcome.OTHER:
        return Disposition.OTHER
    if invitation.eligibility is Eligibility.UNKNOWN:
        return Disposition.UNKNOWN_ELIGIBILITY
    return Disposition.NON_CONTACT


def _rates(
    counts: Mapping[Disposition, int], eligibility_rate: float | None
) -> ResponseRates:
    c = {d: counts.get(d, 0) for d in Disposition}
    eligible = sum(
        c[d]
        for d in (
            Disposition.COMPLETE,
            Disposition.PARTIAL,
            Disposition.REFUSAL,
            Disposition.NON_CONTACT,
            Disposition.OTHER,
        )
    )
    unknown = c[Disposition.UNKNOWN_ELIGIBILITY]
    e = eligibility_rate
    if e is None:
        known = eligible + c[Disposition.NOT_ELIGIBLE]
        e = eligible / known if known else None
    rr1 = c[Disposition.COMPLETE] / (eligible + unknown) if eligible + unknown else None
    rr3_base = eligible + (e if e is not None else 1.0) * unknown
    rr3 = c[Disposition.COMPLETE] / rr3_base if rr3_base else None
    return ResponseRates(
        complete=c[Disposition.COMPLETE],
        partial=c[Disposition.PARTIAL],
        refusal=c[Disposition.REFUSAL],
        non_contact=c[Disposition.NON_CONTACT],
        other=c[Disposition.OTHER],
        unknown_eligibility=unknown,
        not_eligible=c[Disposition.NOT_ELIGIBLE],
        eligibility_rate=None if e is None else float(e),
        rr1=rr1,
        rr3=rr3,
    )


def _normalised(score: int, item: SurveyItem) -> float:
    return 100.0 * (score - 1) / (item.scale - 1)


def _wilson(high: int, n: int, z: float) -> tuple[float, float]:
    p = high / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    # At the ends the interval touches 0 or 1 exactly, not a rounding away.
    low = 0.0 if high == 0 else max(0.0, centre - half)
    upper = 1.0 if high == n else min(1.0, centre + half)
    return low, upper


def _groups_of(meeting: Meeting) -> list[tuple[Dimension, str, Label]]:
    case = meeting.case
    origin = (
        ("no_case", _GROUP_LABELS["no_case"])
        if case is None
        else (case.origin.code, case.origin.label)
    )
    disciplines = (
        "interdisciplinary" if meeting.is_interdisciplinary else "monoprofessional"
    )
    sectors = "cross_sectoral" if meeting.is_cross_sectoral else "single_sector"
    # In the citizen's home is in person too: what is compared is being there.
    where = "online" if meeting.location.kind is LocationKind.ONLINE else "in_person"
    return [
        (Dimension.OVERALL, "all", _GROUP_LABELS["all"]),
        (Dimension.FORMAT, meeting.format.code, meeting.format.label),
        (Dimension.CASE_ORIGIN, *origin),
        (Dimension.DISCIPLINES, disciplines, _GROUP_LABELS[disciplines]),
        (Dimension.SECTORS, sectors, _GROUP_LABELS[sectors]),
        (Dimension.LOCATION, where, _GROUP_LABELS[where]),
    ]


_Member = tuple[str, str]
"""A response, pseudonymised: the respondent's key and the response's key."""


def _pseudonym(kind: bytes, key: str) -> str:
    return hashlib.blake2b(key.encode(), digest_size=10, person=kind).hexdigest()


def _member(survey: Survey, invitation: Invitation, response: Response) -> _Member:
    """Who answered (a pseudonym), and which answers (a digest of the scores).

    The scores are part of the answer's key: a response edited between two
    reports is then a different answer of the same person, and the
    difference of the two reports' figures shows its change only if that
    involves enough people.
    """
    scores = sorted(
        (answer.item, answer.score)
        for answer in response.answers
        if answer.score is not None
    )
    return (
        _pseudonym(b"learnmeet-person", invitation.invitee),
        _pseudonym(b"learnmeet-answer", f"{survey.id}\n{invitation.id}\n{scores}"),
    )


@attrs.define
class _Tally:
    label: Label
    members: set[_Member] = attrs.Factory(set)
    yields: list[float] = attrs.Factory(list)

    @property
    def people(self) -> set[str]:
        return {person for person, _ in self.members}


def _yield_groups(
    tallies: Mapping[tuple[Dimension, str], _Tally],
    threshold: int,
    z: float,
    released: Sequence[Evaluation],
) -> tuple[YieldGroup, ...]:
    keys = sorted(tallies, key=lambda k: (list(Dimension).index(k[0]), k[1]))
    figures = [
        Figure(
            order=(list(Dimension).index(key[0]), key[1]),
            responses=frozenset(r for _, r in tallies[key].members),
            respondents=len(tallies[key].people),
            overall=key[0] is Dimension.OVERALL,
        )
        for key in keys
    ]
    person: dict[str, str] = {}
    fixed: list[frozenset[str]] = []
    for earlier in released:
        for group in earlier.groups:
            if not group.suppressed:
                fixed.append(frozenset(r for _, r in group.members))
                person.update((r, p) for p, r in group.members)
    for tally in tallies.values():
        person.update((r, p) for p, r in tally.members)
    suppressed = {
        i: Suppression.TOO_FEW
        for i, figure in enumerate(figures)
        if figure.respondents < threshold
    }
    for i in complements(figures, suppressed, fixed, person, threshold):
        suppressed[i] = Suppression.COMPLEMENT
    out: list[YieldGroup] = []
    for i, key in enumerate(keys):
        tally = tallies[key]
        if i in suppressed:
            out.append(
                YieldGroup(
                    dimension=key[0],
                    code=key[1],
                    label=tally.label,
                    respondents=None,
                    responses=None,
                    mean=None,
                    high=None,
                    share=None,
                    ci_low=None,
                    ci_high=None,
                    suppression=suppressed[i],
                )
            )
            continue
        n = len(tally.yields)
        high = sum(1 for y in tally.yields if y >= HIGH_YIELD)
        low, upper = _wilson(high, n, z)
        out.append(
            YieldGroup(
                dimension=key[0],
                code=key[1],
                label=tally.label,
                respondents=len(tally.people),
                responses=n,
                mean=sum(tally.yields) / n,
                high=high,
                share=high / n,
                ci_low=low,
                ci_high=upper,
                members=frozenset(tally.members),
            )
        )
    return tuple(out)


def _level_summaries(
    survey: Survey,
    levels: Mapping[KirkpatrickLevel, tuple[set[_Member], list[float]]],
    threshold: int,
    released: Sequence[Evaluation],
) -> tuple[LevelSummary, ...]:
    out = []
    method = _method_of(survey)
    for level in KirkpatrickLevel:
        items = sum(
            1 for i in survey.items if i.level is level and i.kind is ItemKind.LIKERT
        )
        members, values = levels[level]
        people = {p for p, _ in members}
        if (
            not items
            or not people
            or (level.needs_follow_up and not survey.is_follow_up)
        ):
            out.append(
                LevelSummary(level=level, items=items, respondents=None, mean=None)
            )
            continue
        suppression = Suppression.TOO_FEW if len(people) < threshold else None
        if suppression is None:
            # A level's mean is a sum over its answers, as a group's is over its
            # responses: against the same level of a released report it must
            # not give away the answers of a few.
            fixed = [
                frozenset(r for _, r in s.members)
                for earlier in released
                for s in earlier.levels
                if s.level is level and s.respondents is not None
            ]
            person = {
                r: p
                for earlier in released
                for s in earlier.levels
                if s.level is level
                for p, r in s.members
            }
            person.update((r, p) for p, r in members)
            figure = Figure(
                order=(0, level.code),
                responses=frozenset(r for _, r in members),
                respondents=len(people),
            )
            if complements([figure], (), fixed, person, threshold):
                suppression = Suppression.COMPLEMENT
        if suppression is not None:
            out.append(
                LevelSummary(
                    level=level,
                    items=items,
                    respondents=None,
                    mean=None,
                    suppression=suppression,
                    method=method,
                )
            )
        else:
            out.append(
                LevelSummary(
                    level=level,
                    items=items,
                    respondents=len(people),
                    mean=sum(values) / len(values),
                    members=frozenset(members),
                    method=method,
                )
            )
    return tuple(out)


@checked
def evaluate(
    survey: Survey,
    invitations: Iterable[Invitation],
    responses: Iterable[Response],
    meetings: Iterable[Meeting],
    *,
    themes: Iterable[Theme] = (),
    threshold: int = 5,
    confidence: float = 0.95,
    eligibility_rate: float | None = None,
    released: Iterable[Evaluation] = (),
) -> Evaluation:
    """Summarise a survey: response rates, benefit by group, Kirkpatrick levels.

    Each invitation gets its AAPOR disposition: a response with every Likert
    item answered is complete (I), one with some is partial (P); without a
    response, a refusal is R, another outcome O, and no reply NC when the
    invitee is known to be eligible, U when that is unknown; invitees known not
    to be eligible (NE) are left out. RR1 is ``I / (I+P+R+NC+O+U)``; RR3 is
    ``I / (I+P+R+NC+O+e·U)`` with *e* estimated as the eligible share of those
    whose eligibility is known, unless *eligibility_rate* is given.

    A response's benefit is the mean of its benefit items (those that
    ``measures_yield``), each scaled from 0 (lowest point) to 100 (highest);
    75 or more ("agree" or more on a five-point scale) is high. Every group
    of meetings reports the number of respondents and responses, the mean
    benefit, and the share with high benefit with a Wilson score interval.
    Meetings are grouped by format, case origin, disciplines, sectors and
    location (in person or online, :attr:`Dimension.LOCATION`).

    Each Kirkpatrick level reports the mean score of its items and how it was
    measured (:attr:`LevelSummary.method`): self-reported right after the
    meeting, or at a follow-up for a survey with
    :attr:`Survey.follow_up_after`. Behaviour and results asked in a survey
    sent right after the meeting are not measured, and a level nobody
    answered is not measured either: neither has a number.

    A group with fewer distinct respondents than *threshold* reports nothing
    (:attr:`Suppression.TOO_FEW`), and further groups are hidden
    (:attr:`Suppression.COMPLEMENT`) until no sum or difference of the groups
    shown — the overall figure included, across comparisons, and with any
    coefficients — depends on the answers of fewer than *threshold* people;
    the module's documentation gives the method and the exact guarantee.

    Reports released earlier are protected against in the same way when they
    are passed as *released*: the new report shows no group that, added to or
    subtracted from the groups those reports showed, gives away the answers of
    fewer than *threshold* people, e.g. the overall figure of two reports one
    meeting apart, which would give that meeting's mean. A Kirkpatrick level
    is hidden when against the same level of a released report it would.
    Responses are matched across reports by survey and invitation, through
    the pseudonymised :attr:`YieldGroup.members`.

    Args:
        survey: The survey.
        invitations: Every invitation sent, for this survey.
        responses: The responses received, one per invitation at most.
        meetings: Every meeting the invitations are about.
        themes: Themes from focus groups and interviews, kept as given.
        threshold: The smallest number of respondents a group may report.
        confidence: The confidence level of the intervals.
        eligibility_rate: The proportion *e* for RR3, if known.
        released: Reports of this survey already released, as :func:`evaluate`
            returned them.

    Raises:
        InvalidDataError: An invitation, response or answer does not fit the
            survey or the meetings; every problem is listed with its path.
        InvalidValueError: *threshold*, *confidence* or *eligibility_rate* is
            out of range, or a released report does not say which responses
            its groups hold.
        WrongTypeError: *released* is not a collection of evaluations.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 Secondary suppression is exact across every
       comparison and the overall figure, and *released* protects against
       earlier reports.
    .. versionchanged:: 0.3.0 Levels say how they were measured; behaviour
       and results only from a follow-up survey. Benefit by location.
    """
    invitations = tuple(invitations)
    responses = tuple(responses)
    meetings = tuple(meetings)
    themes = tuple(themes)
    _check_parameters(threshold, confidence, eligibility_rate)
    earlier = _check_released(released)
    by_meeting, by_invitation = _check(survey, invitations, responses, meetings)
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)

    counts: dict[Disposition, int] = defaultdict(int)
    tallies: dict[tuple[Dimension, str], _Tally] = {}
    levels: dict[KirkpatrickLevel, tuple[set[_Member], list[float]]] = {
        level: (set(), []) for level in KirkpatrickLevel
    }
    free_text = 0
    for invitation in invitations:
        response = by_invitation.get(invitation.id)
        disposition = _disposition(survey, invitation, response)
        counts[disposition] += 1
        if response is None or disposition not in (
            Disposition.COMPLETE,
            Disposition.PARTIAL,
        ):
            continue
        member = _member(survey, invitation, response)
        scores: list[float] = []
        for answer in response.answers:
            item = survey.item(answer.item)
            assert item is not None  # checked above
            if answer.score is None:
                free_text += 1
                continue
            value = _normalised(answer.score, item)
            members, values = levels[item.level]
            members.add(member)
            values.append(value)
            if item.measures_yield:
                scores.append(value)
        if not scores:
            continue
        score = sum(scores) / len(scores)
        for dimension, code, label in _groups_of(by_meeting[invitation.meeting]):
            tally = tallies.setdefault((dimension, code), _Tally(label))
            tally.members.add(member)
            tally.yields.append(score)

    return Evaluation(
        survey=survey,
        rates=_rates(counts, eligibility_rate),
        groups=_yield_groups(tallies, threshold, z, earlier),
        levels=_level_summaries(survey, levels, threshold, earlier),
        themes=themes,
        free_text_answers=free_text,
        threshold=threshold,
        confidence=confidence,
    )
