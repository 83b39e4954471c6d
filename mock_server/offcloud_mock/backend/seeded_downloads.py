"""The downloads a scenario's accounts start with: built at start and on every reset, the same each time.

A download seeded as finished (`downloaded`, `error`, `canceled`) stays so, pinned like the control
plane's force_status (a retry of an error unpins it, as it does a forced one). A working status is where
the download is when the mock starts: its lifecycle goes on from the beginning of that phase, with the
scenario's timing. Where the content cannot be in that phase (`processing` of a single file, a cached
torrent still `queued`), the status is pinned instead, so the mock still answers what the scenario says.

No draw of the mock's random source is spent here: the ids of downloads added later do not depend on
how many a scenario seeds.
"""

import dataclasses
from datetime import datetime

from offcloud_mock.backend.clock import iso_millis
from offcloud_mock.backend.downloads import FINISHED_STATUSES, SERVERS, Download, DownloadKind
from offcloud_mock.backend.fake_internet import Content, FakeInternet
from offcloud_mock.backend.scenario import SeededDownload, Timing

__all__ = ["seeded_download"]

# A phase is entered this far past its first moment, so that float rounding cannot put it one back.
_INTO_PHASE = 1e-3


def seeded_download(
    seed: SeededDownload, user_id: str, internet: FakeInternet, timing: Timing, start: datetime
) -> Download:
    """The Download `seed` describes, as of the clock's start (mock second 0)."""
    content = _content(seed, internet)
    created_at = (seed.created_on - start).total_seconds()  # at or before 0
    kind: DownloadKind = "cloud" if seed.kind == "cloud" else "remote" if seed.kind == "remote" else "instant"
    download = Download(
        request_id=seed.request_id,
        user_id=user_id,
        kind=kind,
        original_link=seed.link,
        content=content,
        timing=timing,
        # From the id, not the random source (see above); the same id always gets the same server.
        server=SERVERS[int(seed.request_id, 16) % len(SERVERS)],
        created_at=created_at,
        created_on=iso_millis(seed.created_on),
        remote_option_id=seed.remote_option_id,
    )
    if seed.status in FINISHED_STATUSES:
        download.forced_status = seed.status
        return download
    download.attempt_started_at = -_phase_start(seed.status, content, timing)
    if download.status_at(0.0).status != seed.status:
        download.forced_status = seed.status
    return download


def _content(seed: SeededDownload, internet: FakeInternet) -> Content:
    content = internet.resolve(seed.link)
    if seed.file_name is None and seed.error_message is None:
        return content
    # Its own copy when named differently; a re-add still finds it by the content's key.
    return dataclasses.replace(
        content,
        name=content.name if seed.file_name is None else seed.file_name,
        error_message=content.error_message if seed.error_message is None else seed.error_message,
    )


def _phase_start(status: str, content: Content, timing: Timing) -> float:
    """Mock seconds from an attempt's start to the first moment of `status`."""
    if status == "created":
        return 0.0
    moment = timing.created_seconds
    if status == "queued":
        return moment + _INTO_PHASE
    moment += timing.queued_seconds
    if status == "downloading":
        return moment + _INTO_PHASE
    moment += content.size / (content.speed or timing.default_speed)
    if status == "processing":
        return moment + _INTO_PHASE
    if content.is_multi_file:
        moment += timing.processing_seconds
    return moment + _INTO_PHASE  # uploading
