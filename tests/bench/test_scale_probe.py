"""The scale probe builds its state through the backend's public API and polls the downloads it added;
the scale section polls one probe process per size in turns."""

from bench.scale import run_scale
from bench.scale_probe import ScaleProbe


def test_probe_adds_the_downloads_and_polls_them() -> None:
    probe = ScaleProbe(60)
    assert probe.built["downloads"] == 60
    assert probe.built["add_seconds"] > 0
    probe.poll(20)
    probe.poll(5)
    result = probe.report()
    assert result["polls"] == 25
    assert 0 < result["poll_cpu_us"]["p50"] <= result["poll_us"]["p99"]


def test_the_section_polls_every_size_in_its_own_process() -> None:
    result = run_scale(runs=1, polls=200, sizes=(10, 3000))
    sizes = result["sizes"]
    assert isinstance(sizes, list)
    assert [size["downloads"] for size in sizes] == [10, 3000]
    # The larger state grew its own process's memory: each size was built in a fresh process.
    assert sizes[1]["rss_after_kb"]["median"] > sizes[0]["rss_after_kb"]["median"]
    ratio = result["largest_over_smallest_p50"]
    assert isinstance(ratio, dict)
    assert ratio["median"] > 0
    memory = result["memory"]
    assert isinstance(memory, dict)
    # The figures docs/leaving-it-running.md states, measured as the backend tests measure them.
    assert 100 < memory["journal_entry_bytes"] <= 512
    assert memory["journal_entry_of_1mb_bytes"] <= 4096
    assert 0 < memory["upload_file_of_1000_bytes"] <= 1024
    assert 0 < memory["upload_of_3_files_bytes"] <= 4096
