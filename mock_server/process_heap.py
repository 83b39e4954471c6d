"""The heap of a process that serves one mock: what it builds at start-up is set aside from the garbage
collector's full passes.

The app built at start-up (the parsed spec, its validators, Flask, the demo state: some 54,000 objects)
lives as long as the process, yet each full collection walked all of it again: 40-80 ms with every
request thread stopped, a few times in each few seconds of load, and the slowest percentile of a
benchmark at 1 connection was mostly those pauses. `gc.freeze()` moves what exists now into a
generation the collector never scans (as CPython's docs advise for pre-forked servers); what the mock
creates afterwards is collected as usual.

Only for a process that does nothing else (the CLI's servers): in a test process it would keep every
earlier app's cycles alive for good.
"""

import gc

__all__ = ["freeze_startup_heap"]


def freeze_startup_heap() -> None:
    """Collect start-up's garbage, then exempt everything still alive from later collections."""
    gc.collect()
    gc.freeze()
