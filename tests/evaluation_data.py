"""The fixed evaluation data set: a survey, three meetings, their invitations
and responses, with the figures worked out by hand.

Shared by the tests of :func:`learnmeet.evaluate` and of the exports that write
its result out (CSV, text, SVG), so that each checks its own part against the
same hand-computed figures:

* meeting A — interdisciplinary learning meeting, concrete case, cross-sectoral;
  invitees a1–a7 and e1;
* meeting B — monoprofessional course, no case, one sector; b1–b6 and d1;
* meeting C — interdisciplinary course day, fictional case, one sector; c1–c3.

Dispositions: I = a1–a5, b1–b4, c1–c2 (11); P = a6; R = a7; NC = b5; O = e1;
U = b6, d1 (2); NE = c3. RR1 = 11 / 17; e = 15 / 16; RR3 = 11 / (15 + 2e).

Two more rounds, each built so that the rule of 0.1.0 (hide the next smallest
group of a comparison when one alone is too small) let a small group be
worked out by subtraction; see :data:`ACROSS` and :data:`OVERLAP`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, NamedTuple

import attrs

import learnmeet as lm
from examples import CASE, DOCTOR, FICTIONAL, NURSE_N, PT_N, SSA_N, SSA_S, attend

CAT = lm.DEFAULT_CATALOG
START = datetime(2027, 3, 2, 9, tzinfo=lm.COPENHAGEN)
L = lm.KirkpatrickLevel

SURVEY = lm.Survey(
    id="kvartal-1",
    title=lm.Label(da="Udbytte af læringsmøder", en="Benefit of learning meetings"),
    # A follow-up, so that every level it asks is measured; RIGHT_AFTER is
    # the same questions asked too early for behaviour.
    follow_up_after=timedelta(weeks=8),
    items=[
        lm.SurveyItem(
            id="y1",
            text=lm.Label(da="Jeg lærte noget nyt", en="I learned something new"),
            level=L.LEARNING,
            measures_yield=True,
        ),
        lm.SurveyItem(
            id="y2",
            text=lm.Label(
                da="Jeg gør noget anderledes nu", en="I now do something differently"
            ),
            level=L.BEHAVIOUR,
            measures_yield=True,
        ),
        lm.SurveyItem(
            id="r1",
            text=lm.Label(
                da="Mødet var godt tilrettelagt", en="The meeting was well run"
            ),
            level=L.REACTION,
        ),
        lm.SurveyItem(
            id="t1",
            text=lm.Label(da="Hvad tager du med?", en="What do you take with you?"),
            level=L.REACTION,
            kind=lm.ItemKind.FREE_TEXT,
        ),
    ],
)

RIGHT_AFTER = attrs.evolve(SURVEY, follow_up_after=None)
"""The same questions asked right after the meetings: behaviour is not measured."""


def _meeting(
    id: str, code: str, people: list[lm.Professional], **kw: object
) -> lm.Meeting:
    return lm.Meeting(
        id=id,
        format=CAT.format(code),
        start=START,
        duration=timedelta(hours=1),
        attendees=[attend(p) for p in people],
        **kw,  # type: ignore[arg-type]
    )


MEETINGS = (
    _meeting("A", "learning_meeting", [NURSE_N, PT_N, DOCTOR], case=CASE),
    _meeting("B", "mono_course", [SSA_N, SSA_S]),
    _meeting("C", "course_day", [NURSE_N, SSA_N], case=FICTIONAL),
)

E, NE, U = lm.Eligibility.ELIGIBLE, lm.Eligibility.NOT_ELIGIBLE, lm.Eligibility.UNKNOWN


def _inv(
    who: str,
    meeting: str,
    eligibility: lm.Eligibility = E,
    outcome: lm.Outcome = lm.Outcome.NO_REPLY,
) -> lm.Invitation:
    return lm.Invitation(
        id=f"i-{who}",
        survey=SURVEY.id,
        meeting=meeting,
        invitee=f"professional:{who}",
        eligibility=eligibility,
        outcome=outcome,
    )


def _resp(who: str, y1: int, y2: int | None = None, text: str = "") -> lm.Response:
    answers = [lm.Answer(item="y1", score=y1)]
    if y2 is not None:  # a complete response answers every Likert item
        answers += [lm.Answer(item="y2", score=y2), lm.Answer(item="r1", score=4)]
    if text:
        answers.append(lm.Answer(item="t1", text=text))
    return lm.Response(invitation=f"i-{who}", answers=answers)


INVITATIONS = (
    *(_inv(f"a{n}", "A") for n in range(1, 7)),
    _inv("a7", "A", outcome=lm.Outcome.REFUSED),
    _inv("e1", "A", outcome=lm.Outcome.OTHER),
    *(_inv(f"b{n}", "B") for n in range(1, 6)),
    _inv("b6", "B", U),
    _inv("d1", "B", U, lm.Outcome.UNREACHABLE),
    _inv("c1", "C"),
    _inv("c2", "C"),
    _inv("c3", "C", NE),
)
RESPONSES = (
    _resp("a1", 5, 5, "At ringe til hinanden"),  # yield 100
    _resp("a2", 4, 4),  # 75
    _resp("a3", 4, 2),  # (75 + 25) / 2 = 50
    _resp("a4", 3, 3),  # 50
    _resp("a5", 5, 4),  # 87.5
    _resp("a6", 2),  # partial: 25
    _resp("b1", 2, 2, "Ikke meget"),  # 25
    _resp("b2", 3, 4),  # 62.5
    _resp("b3", 5, 5),  # 100
    _resp("b4", 4, 5),  # 87.5
    _resp("c1", 4, 4),  # 75
    _resp("c2", 1, 1),  # 0
)


def evaluated(**options: Any) -> lm.Evaluation:
    """The evaluation of the fixed data set, with *options* for evaluate()."""
    return lm.evaluate(SURVEY, INVITATIONS, RESPONSES, MEETINGS, **options)


class Round(NamedTuple):
    """Meetings, their invitations and responses: what evaluate() takes."""

    invitations: tuple[lm.Invitation, ...]
    responses: tuple[lm.Response, ...]
    meetings: tuple[lm.Meeting, ...]

    def evaluated(self, **options: Any) -> lm.Evaluation:
        """The evaluation of the round with SURVEY, with *options*."""
        return lm.evaluate(
            SURVEY, self.invitations, self.responses, self.meetings, **options
        )

    def without(self, meeting: str) -> Round:
        """The round as reported before *meeting* was held."""
        kept = {i.id for i in self.invitations if i.meeting != meeting}
        return Round(
            tuple(i for i in self.invitations if i.id in kept),
            tuple(r for r in self.responses if r.invitation in kept),
            tuple(m for m in self.meetings if m.id != meeting),
        )


def _round(
    meetings: list[lm.Meeting], answers: dict[str, list[tuple[str, int, int]]]
) -> Round:
    """Every invitee answers every item: (person, y1, y2) a meeting."""
    invitations, responses = [], []
    for meeting, given in answers.items():
        for who, y1, y2 in given:
            invitation = lm.Invitation(
                id=f"i-{meeting}-{who}",
                survey=SURVEY.id,
                meeting=meeting,
                invitee=f"professional:{who}",
            )
            invitations.append(invitation)
            responses.append(
                lm.Response(
                    invitation=invitation.id,
                    answers=[
                        lm.Answer(item="y1", score=y1),
                        lm.Answer(item="y2", score=y2),
                        lm.Answer(item="r1", score=4),
                    ],
                )
            )
    return Round(tuple(invitations), tuple(responses), tuple(meetings))


ACROSS = _round(
    [
        # learning meetings: L1 in the municipality, L2 with the hospital
        _meeting("L1", "learning_meeting", [NURSE_N, PT_N], case=CASE),
        _meeting("L2", "learning_meeting", [NURSE_N, DOCTOR], case=CASE),
        _meeting("K", "course_day", [NURSE_N, SSA_N], case=FICTIONAL),
        _meeting("H", "home_meeting", [NURSE_N, DOCTOR], case=CASE),
    ],
    {
        "L1": [(f"l{n}", 4, 4) for n in range(1, 9)],
        "L2": [("x1", 5, 5), ("x2", 2, 1), ("l1", 4, 5)],
        "K": [(f"k{n}", 3, 4) for n in range(1, 7)],
        "H": [(f"h{n}", 4, 3) for n in range(1, 7)],
    },
)
"""No group is too small, yet one small set is: the cross-sectoral learning
meeting L2 (x1, x2 and l1; three people). Under the rule of 0.1.0 every group
was shown, and L2 came out twice: cross-sectoral less home meeting, and
learning meeting less single-sector plus course day."""

OVERLAP = _round(
    [
        _meeting("M", "learning_meeting", [NURSE_N, DOCTOR], case=CASE),
        _meeting("N", "course_day", [NURSE_N, SSA_N], case=FICTIONAL),
        _meeting("V", "home_meeting", [NURSE_N, PT_N], case=CASE),
    ],
    {
        "M": [(f"m{n}", 4, 4) for n in range(1, 7)],
        "N": [("q1", 2, 2), ("q2", 5, 4), ("q3", 3, 3)],
        "V": [("q1", 1, 2), ("q2", 5, 5), ("q4", 4, 3)],
    },
)
"""Two small groups, the course day N and the home meeting V, three people
each; q1 and q2 answered about both, so together they are six responses
but four people. Under the rule of 0.1.0 (two hidden, so no complement) the
overall figure less the learning meeting gave those four people's mean."""
