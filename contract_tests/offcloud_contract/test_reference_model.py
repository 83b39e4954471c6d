"""The reference model's phase table and the mock's own lifecycle agree, over generated timelines.

The model (support/model/phase_table) is written from the rules; the mock's `Download.status_at` is the mock's
code. Both are run over generated content, timing and timelines (moments on the clock's grid: random
ones, the grid points on either side of every phase boundary, and retries of failed attempts),
and must give the same status, amount, speed, downloading time and error at every moment. A misreading
of the rules in either shows up here as a disagreement, not as a silent shared mistake.
"""

import math
from dataclasses import replace
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from offcloud_contract.support.defects.planted import BY_NAME
from offcloud_contract.support.mock_handles import Content, Download, ResourceFile, Timing, create_app
from offcloud_contract.support.model.phase_table import (
    GRID,
    PROGRESS_ORDER,
    Expected,
    Kind,
    LifeRules,
    expected_at,
    phase_table,
)

# Phase lengths stay under MAX_SECONDS so that a float of a phase's end is nearer to it than any grid
# point is (the mock compares floats; the table compares exact fractions).
MAX_SECONDS = 4096
_QUARTERS = st.integers(0, 32).map(lambda n: Fraction(n, 4))


@st.composite
def lives(draw: st.DrawFn) -> tuple[LifeRules, Download, int]:
    """One download as the mock builds it, the table's rules for its first attempt, and its `fails`."""
    sizes = draw(st.lists(st.integers(1, 2**30), min_size=1, max_size=4))
    speed = max(draw(st.integers(1024, 2**24)), -(-sum(sizes) // MAX_SECONDS))
    own_speed = draw(st.booleans())
    timing = Timing(
        created_seconds=float(draw(_QUARTERS)),
        queued_seconds=float(draw(_QUARTERS)),
        default_speed=speed,
        processing_seconds=float(draw(_QUARTERS)),
        uploading_seconds=float(draw(_QUARTERS)),
        fail_after_fraction=float(Fraction(draw(st.integers(0, 16)), 16)),
    )
    fails = draw(st.integers(0, 2))
    files = tuple(ResourceFile(name=f"file {index}", size=size) for index, size in enumerate(sizes))
    content = Content(
        key="https://files.example.test/x",
        name="x",
        site="Example",
        kind="normal",
        files=files,
        size=sum(sizes),
        cached=draw(st.booleans()),
        fails=fails,
        speed=speed if own_speed else None,
    )
    kind: Kind = draw(st.sampled_from(("instant", "cloud", "remote")))
    download = Download(
        request_id="0" * 24,
        user_id="1" * 24,
        kind=kind,
        original_link=content.key,
        content=content,
        timing=timing,
        server="de-1",
        created_at=0.0,
        created_on="2026-01-01T00:00:00.000Z",
    )
    rules = LifeRules(
        kind=kind,
        size=content.size,
        multi_file=len(files) > 1,
        cached=content.cached,
        failing=fails >= 1,
        speed=speed,
        created_seconds=Fraction(timing.created_seconds),
        queued_seconds=Fraction(timing.queued_seconds),
        processing_seconds=Fraction(timing.processing_seconds),
        uploading_seconds=Fraction(timing.uploading_seconds),
        fail_after_fraction=Fraction(timing.fail_after_fraction),
    )
    return rules, download, fails


def _mock_says(download: Download, now: Fraction) -> Expected:
    progress = download.status_at(float(now))
    return Expected(
        progress.status,
        progress.amount,
        progress.speed,
        progress.downloading_ms,
        progress.error_message is not None,
    )


def _moments(rules: LifeRules, offsets: list[int]) -> list[Fraction]:
    """Random moments (in grid steps), and around every phase boundary the grid points on either side."""
    moments = {Fraction(offset) * GRID for offset in offsets}
    for phase in phase_table(rules):
        for boundary in (phase.start, phase.end):
            if boundary is not None:
                after = math.ceil(boundary / GRID) * GRID
                moments.update({after, max(Fraction(0), after - GRID)})
    return sorted(moments)


# Cheap (no server): many more examples than the profile's budget for server-facing tests.
@settings(max_examples=200)
@given(life=lives(), offsets=st.lists(st.integers(0, MAX_SECONDS * 4 * 1024), max_size=8), retries=st.data())
def test_model_and_mock_agree_over_timelines(
    life: tuple[LifeRules, Download, int], offsets: list[int], retries: st.DataObject
) -> None:
    rules, download, fails = life
    started = Fraction(0)
    attempt = 1
    for _ in range(fails + 2):  # every failing attempt, then one that works
        for moment in _moments(rules, offsets):
            now = started + moment
            model = expected_at(rules, now - started)
            assert _mock_says(download, now) == model, f"attempt {attempt}, {moment} s into it: {rules}"
        last = started + max(_moments(rules, offsets))
        if expected_at(rules, last - started).status != "error" or not retries.draw(st.booleans(), "retry"):
            return
        download.retry(float(last))  # a retry starts the next attempt from created, at once
        started, attempt = last, attempt + 1
        rules = replace(rules, failing=attempt <= fails)


@given(life=lives())
def test_statuses_never_go_back_and_amounts_grow_up_to_the_size(
    life: tuple[LifeRules, Download, int],
) -> None:
    """What the table itself promises: progress in order, amounts that only grow and stay within size."""
    rules = life[0]
    phases = phase_table(rules)
    assert phases[-1].end is None
    assert all(p.end is not None and p.end > p.start for p in phases[:-1])
    seen = [p.status for p in phases if p.status != "error"]
    assert seen == sorted(seen, key=PROGRESS_ORDER.index)
    amounts = [expected_at(rules, p.start).amount for p in phases]
    assert amounts == sorted(amounts)
    assert amounts[-1] <= rules.size


def test_a_lifecycle_defect_planted_in_the_mock_is_a_disagreement() -> None:
    """The comparison above can fail: with `processing` skipped in the mock, a multi-file download's
    timeline disagrees with the table exactly inside that phase."""
    rules = LifeRules("cloud", 3 * 1024, True, False, False, 1024, *(Fraction(1),) * 4, Fraction(1, 2))
    files = tuple(ResourceFile(name=f"part {n}", size=1024) for n in range(3))
    content = Content(key="k", name="parts", site="Example", kind="normal", files=files, size=3 * 1024)
    timing = Timing(1.0, 1.0, 1024, 1.0, 1.0, 0.5)
    download = Download(
        "0" * 24, "1" * 24, "cloud", "k", content, timing, "de-1", 0.0, "2026-01-01T00:00:00.000Z"
    )
    moments = _moments(rules, [])
    assert all(_mock_says(download, moment) == expected_at(rules, moment) for moment in moments)
    with BY_NAME["skipped-processing"].plant(create_app()):
        wrong = [moment for moment in moments if _mock_says(download, moment) != expected_at(rules, moment)]
    assert wrong, "the planted defect went unseen"
    assert {expected_at(rules, moment).status for moment in wrong} == {"processing"}
