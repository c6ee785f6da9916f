"""plan_many: many municipalities' plans on any executor, in input order.

Each plan is what plan_period gives for its scenario, wherever it was made:
in the calling process, on a pool of processes or on a Dask cluster. A
scenario's refusal names the scenario by its index.
"""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from datetime import date

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet import strategies as lst
from learnmeet.data import load_sample

SAMPLE = load_sample()
JANUARY = {"start": date(2027, 1, 1), "end": date(2027, 1, 31)}
OTHER = attrs.evolve(SAMPLE, name="Anden Kommune (syntetisk)", forums=SAMPLE.forums[:1])


class TestInOrder:
    """The plans come back in the order of the scenarios, each as plan_period
    makes it."""

    def test_in_the_calling_process(self) -> None:
        plans = lm.plan_many([SAMPLE, OTHER, SAMPLE], **JANUARY)
        assert [p.scenario.name for p in plans] == [
            SAMPLE.name,
            OTHER.name,
            SAMPLE.name,
        ]
        assert plans[0] == lm.plan_period(SAMPLE, **JANUARY)
        assert plans[1] == lm.plan_period(OTHER, **JANUARY)

    def test_on_threads(self) -> None:
        with ThreadPoolExecutor(max_workers=2) as pool:
            plans = lm.plan_many([OTHER, SAMPLE], executor=pool, **JANUARY)
        assert plans == lm.plan_many([OTHER, SAMPLE], **JANUARY)

    def test_on_processes(self) -> None:
        """Scenarios go to the workers and plans come back pickled."""
        # spawn: a fresh interpreter per worker, as on macOS and Windows (and
        # no fork of a process that runs threads)
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=2, mp_context=spawn) as pool:
            plans = lm.plan_many([SAMPLE, OTHER], executor=pool, every=3, **JANUARY)
        assert plans == lm.plan_many([SAMPLE, OTHER], every=3, **JANUARY)
        # Each plan holds the caller's scenario, not a second copy of it.
        assert plans[0].scenario is SAMPLE
        assert plans[1].scenario is OTHER

    def test_none(self) -> None:
        with ThreadPoolExecutor(max_workers=1) as pool:
            assert lm.plan_many([], executor=pool, **JANUARY) == ()

    @settings(max_examples=5, deadline=None)
    @given(lst.scenarios(), st.integers(1, 3))
    def test_generated_scenarios(self, scenario: lm.Scenario, every: int) -> None:
        with ThreadPoolExecutor(max_workers=1) as pool:
            (plan,) = lm.plan_many([scenario], executor=pool, every=every, **JANUARY)
        assert plan == lm.plan_period(scenario, every=every, **JANUARY)


class TestPickles:
    """What crosses a process boundary arrives whole."""

    @settings(max_examples=5, deadline=None)
    @given(lst.scenarios())
    def test_scenarios(self, scenario: lm.Scenario) -> None:
        assert pickle.loads(pickle.dumps(scenario)) == scenario

    def test_plans(self) -> None:
        plan = lm.plan_period(SAMPLE, **JANUARY)
        assert pickle.loads(pickle.dumps(plan)) == plan


class TestRefusals:
    """The period is checked once, before any plan; a scenario's own
    refusal is the same error, its path starting with the scenario."""

    def test_the_period_first(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.plan_many([SAMPLE], start=date(2027, 2, 1), end=date(2027, 1, 1))
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.plan_many([SAMPLE], every=0, **JANUARY)
        assert caught.value.where == "plan_many"

    def test_wrong_type(self) -> None:
        with pytest.raises(lm.WrongTypeError):
            lm.plan_many([SAMPLE], executor="pool", **JANUARY)  # type: ignore[arg-type]

    @pytest.mark.parametrize("threads", [0, 2])
    def test_names_the_scenario(
        self, threads: int, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from learnmeet.planning import _many

        def refuse(scenario: lm.Scenario, *args: object) -> lm.PeriodPlan:
            if scenario is OTHER:
                raise lm.InvalidValueError(
                    reason=lm.Label(da="for stor", en="too big"),
                    fix=lm.Label(da="del den", en="split it"),
                    where="plan_period",
                    path=("forums", 0),
                )
            return lm.plan_period(scenario, **JANUARY)

        monkeypatch.setattr(_many, "_plan", refuse)
        with (
            ThreadPoolExecutor(max_workers=threads or 1) as pool,
            pytest.raises(lm.InvalidValueError) as caught,
        ):
            lm.plan_many(
                [SAMPLE, OTHER, OTHER], executor=pool if threads else None, **JANUARY
            )
        error = caught.value
        assert (error.where, error.path) == ("plan_many", ("scenarios", 1, "forums", 0))
        assert error.message("en").startswith("plan_many.scenarios[1].forums[0]: ")
        assert error.reason.en == "too big"


class TestOnADaskCluster:
    """Dask distributed's executor is a concurrent.futures.Executor."""

    def test_local_cluster(self) -> None:
        distributed = pytest.importorskip("distributed")
        with (
            distributed.LocalCluster(
                n_workers=1,
                threads_per_worker=2,
                processes=False,
                dashboard_address=None,
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            plans = lm.plan_many(
                [SAMPLE, OTHER], executor=client.get_executor(), **JANUARY
            )
        assert plans == lm.plan_many([SAMPLE, OTHER], **JANUARY)
