"""What the state machines steer with to reach every success path by construction, whatever their walk did:
known content of the scenario and how far the mock's clock must move for a download to get somewhere.

* `FOLDER_LINK`: multi-file content that never fails and is not cached, so it goes through every phase
  of a cloud download and, once downloaded, explore and list answer it (explore answers a folder in
  both eras, whatever either era makes of a single file);
* `FAILING_LINK`: content that fails on every attempt a run can make, so a download of it is in error
  once time has passed, however often it was retried before;
* `CACHED_HASH`: a torrent the cache holds (checkCache answers it).
"""

import math
from fractions import Fraction

from offcloud_contract.support.model.content_rules import content_for
from offcloud_contract.support.model.demo_data import DemoResource, demo
from offcloud_contract.support.model.phase_table import Kind
from offcloud_contract.support.model.reference_model import DownloadModel, OffcloudModel

__all__ = ["CACHED_HASH", "FAILING_LINK", "FOLDER_LINK", "live_download", "seconds_until"]

# More failing attempts than any run retries: the content fails every time.
_ALWAYS = 1000


def _folder(resources: tuple[DemoResource, ...]) -> str:
    found = [r for r in resources if r.multi_file and not r.fails and not r.cached]
    if not found:
        raise LookupError(
            "the demo scenario has no multi-file content that downloads (not cached, never failing)"
        )
    return found[0].link


def _always_failing(resources: tuple[DemoResource, ...]) -> str:
    found = [r for r in resources if r.fails >= _ALWAYS]
    if not found:
        raise LookupError(f"the demo scenario has no content that fails at least {_ALWAYS} times")
    return found[0].link


FOLDER_LINK = _folder(demo().resources)
FAILING_LINK = _always_failing(demo().resources)
CACHED_HASH = sorted(demo().cached_hashes)[0]


def live_download(model: OffcloudModel, account: str, kind: Kind, link: str) -> DownloadModel | None:
    """The account's download of what `link` points at, as this kind, unless there is none or it was removed
    (adding the link again answers this one)."""
    request_id = model.accounts[account].by_content.get((kind, content_for(link, model.scenario).key))
    return None if request_id is None else model.downloads[request_id]


def seconds_until(model: OffcloudModel, download: DownloadModel, status: str) -> Fraction:
    """Whole mock seconds (on the clock's grid) from now until the download's current attempt is in its
    final `status` ("downloaded" or "error"); 0 if it is there already."""
    final = model.phases(download)[-1]
    if final.status != status:
        raise ValueError(
            f"{download.link!r} ends its attempt {download.attempt} {final.status}, never {status}"
        )
    return Fraction(math.ceil(max(final.start - model.now, Fraction(0))))
