"""Hypothesis profiles of the contract suite, chosen by the HYPOTHESIS_PROFILE environment variable.

* `quick` (default): few examples, derandomized, so that `make test` is fast and gives the same verdict
  on every run and every machine (about 3 minutes for the whole contract suite on 2 cores).
* `thorough` (nightly): many more examples and longer stateful runs, random each time.

Both print the `@reproduce_failure` blob of a failing example. Schemathesis runs and the state machines
(`run_machine`) are seeded separately (see `seed()`): the seed is shown in the pytest header and in every
schemathesis failure message, and CONTRACT_SEED=<seed> replays it (or tries another walk).
"""

import os
import random

from hypothesis import HealthCheck, Phase, settings
from hypothesis import seed as seed_of
from hypothesis.stateful import RuleBasedStateMachine, run_state_machine_as_test

__all__ = ["MIN_SCENARIOS", "PROFILES", "active_profile", "load", "machine_settings", "run_machine", "seed"]

PROFILES = ("quick", "thorough")
_ENV = "HYPOTHESIS_PROFILE"
_SEED_ENV = "CONTRACT_SEED"
_QUICK_SEED = 20261127
MIN_SCENARIOS = 20  # scenarios of a stateful run at least, whatever the profile
_SLOW_DATA = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile(
    "quick",
    max_examples=12,
    stateful_step_count=20,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    phases=[Phase.explicit, Phase.generate, Phase.target, Phase.shrink],
    suppress_health_check=_SLOW_DATA,
)
settings.register_profile(
    "thorough",
    max_examples=300,
    stateful_step_count=60,
    derandomize=False,
    deadline=None,
    print_blob=True,
    suppress_health_check=_SLOW_DATA,
)

_seed: int | None = None


def active_profile() -> str:
    name = os.environ.get(_ENV, "quick") or "quick"
    if name not in PROFILES:
        raise ValueError(f"{_ENV} must be one of {', '.join(PROFILES)}, not {name!r}")
    return name


def load() -> str:
    """Load the profile the environment names; returns its name."""
    name = active_profile()
    settings.load_profile(name)
    return name


def seed() -> int:
    """The seed of every schemathesis run of this session: CONTRACT_SEED, else fixed (quick) or random."""
    global _seed
    if _seed is None:
        given = os.environ.get(_SEED_ENV)
        if given:
            _seed = int(given)
        elif settings().derandomize:
            _seed = _QUICK_SEED
        else:
            _seed = random.SystemRandom().randrange(2**63)
    return _seed


def machine_settings(min_scenarios: int = MIN_SCENARIOS, min_steps: int = 20) -> settings:
    """The active profile's budget (at least `min_scenarios` runs of up to `min_steps` steps), without
    deadline or health checks (API calls are slow by hypothesis' standards)."""
    current = settings()
    return settings(
        current,
        max_examples=max(current.max_examples, min_scenarios),
        stateful_step_count=max(current.stateful_step_count, min_steps),
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )


def run_machine(
    machine: type[RuleBasedStateMachine], min_scenarios: int = MIN_SCENARIOS, min_steps: int = 20
) -> None:
    """Run a state machine within `machine_settings`, seeded with `seed()`: its walk changes with
    CONTRACT_SEED like the schemathesis runs', and is the same for the same seed."""
    run_state_machine_as_test(seed_of(seed())(machine), settings=machine_settings(min_scenarios, min_steps))
