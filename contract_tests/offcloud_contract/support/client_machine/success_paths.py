"""Every success path and every value rule of the client-vs-mock machine, met at the end of every run by
construction.

The machine's rules meet a success path only when their draws line up (a folder downloaded before explore
is drawn, a download in error before retry, the owner removing its own download), and which draws come
depends on the seed. So every run ends with a deterministic phase: each operation of `MUST_SUCCEED` that
has not succeeded in this run yet is called, through the machine's own rules (so every field is held to
the model as usual), as the demo account, on known content of the scenario (model.steering) added now
or reused from the run, after the mock's clock was moved until that download is where the operation
succeeds. Then the value rules the run has not met yet (`VALUE_RULES`): the free account's account read
at every count of its link limit, detailed explore of a folder with a sub-folder, the cache asked about
every way of naming a torrent, status by `requestIds`, history of a retried download, removal of many,
the device login's every answer (`DENIED_TOUR`, `APPROVED_TOUR`), and last the account on the last day
of the premium membership and after it. The phase depends only on the run's own steps, so a failing run
replays the same.
"""

import sys
from fractions import Fraction

from offcloud_contract.support.client_machine.account import AccountRules
from offcloud_contract.support.client_machine.beyond import REMOVALS, BeyondRules
from offcloud_contract.support.client_machine.calls import SCENARIO, UNKNOWN_OPTION
from offcloud_contract.support.client_machine.device import APPROVED_TOUR, DENIED_TOUR, DeviceRules
from offcloud_contract.support.client_machine.reading import ReadingRules
from offcloud_contract.support.model.phase_table import Kind
from offcloud_contract.support.model.reference_model import DownloadModel
from offcloud_contract.support.model.steering import (
    CACHED_HASH,
    FAILING_LINK,
    FOLDER_LINK,
    live_download,
    seconds_until,
)

__all__ = ["MUST_SUCCEED", "VALUE_RULES", "SuccessPathRules"]

_DOWNLOADS = (
    "addInstantDownload",
    "addCloudDownload",
    "addRemoteDownload",
    "getCloudStatus",
    "getRemoteStatus",
    "retryCloudDownload",
    "retryRemoteDownload",
    "exploreCloudDownload",
    "listCloudDownloadLinks",
    "checkCache",
    "listProxies",
    "listRemoteAccounts",
    "getCloudHistory",
    "listSites",
)
# Every operation the machine calls in the era: each answers a success in every run.
MUST_SUCCEED = {
    "2026": (
        *_DOWNLOADS,
        *REMOVALS["2026"],
        "getAccountInfo",
        "getCacheInfo",
        "getCachedDownloadLinks",
        "requestDeviceCode",
        "requestDeviceToken",
    ),
    "legacy": (*_DOWNLOADS, *REMOVALS["legacy"], "getAccountStats", "login", "checkLogin", "getApiKey"),
}
# The value rules every run meets (the final phase meets those its walk did not), by era.
_BOTH = ("request ids", "history of a retried download", "premium on its last day", "premium ended")
VALUE_RULES = {
    "2026": (*_BOTH, "detailed explore", "cache info", "cached links", "remove many"),
    "legacy": _BOTH,
}
_OWNER = "demo"  # every add-on, two remote accounts: every operation can succeed for it
_PLAIN_LINK = next(r.link for r in SCENARIO.resources if r.info_hash is None and not r.fails)


class SuccessPathRules(AccountRules, ReadingRules, BeyondRules, DeviceRules):
    def teardown(self) -> None:
        try:
            # With a failure on its way out (or hypothesis ending the run early), more calls would only
            # hide it: the phase is for runs that went well.
            if sys.exc_info()[1] is None:
                self.reach_every_success_path()
                self.meet_every_value_rule()
        finally:
            super().teardown()

    def missing(self, *operation_ids: str) -> bool:
        """Whether one of these operations of the era has not succeeded in this run yet."""
        era = self.target.era
        return any(op in MUST_SUCCEED[era] and self.successes[op] == 0 for op in operation_ids)

    def reach_every_success_path(self) -> None:
        if self.missing(
            "addCloudDownload", "getCloudStatus", "exploreCloudDownload", "listCloudDownloadLinks"
        ):
            folder = self.own("cloud", FOLDER_LINK)
            for phase in self.phases_ahead(folder):  # every phase seen, `processing` too
                self.land_in(folder, phase, Fraction(1, 2))
            self.wait_for(folder, "downloaded")
            self.read_status(_OWNER, folder, "cloud")
            self.explore(folder.request_id, "owner")
            self.list_links(folder.request_id, "owner")
        if self.missing("retryCloudDownload"):
            failing = self.own("cloud", FAILING_LINK)
            self.wait_for(failing, "error")
            self.retry(failing.request_id, "owner")
        if self.missing("addRemoteDownload", "getRemoteStatus", "retryRemoteDownload"):
            remote = self.own("remote", FAILING_LINK)
            self.poll_status(remote.request_id, "owner")
            self.wait_for(remote, "error")
            self.retry(remote.request_id, "owner")
        if self.missing("addInstantDownload"):
            self.add_instant(_OWNER, _PLAIN_LINK, None)
        if self.missing("checkCache"):
            self.check_the_cache(_OWNER, [CACHED_HASH])
        if self.missing("listProxies", "listRemoteAccounts"):
            self.list_everything(_OWNER)
        if self.missing(
            "listSites", "getAccountInfo", "getCacheInfo", "getCachedDownloadLinks", "getAccountStats"
        ):
            self.read_everything_of_the_account(_OWNER)
        if self.missing("requestDeviceCode", "requestDeviceToken"):
            self.device_login(_OWNER, APPROVED_TOUR)
        if self.missing("login", "checkLogin", "getApiKey"):
            self.log_in_and_read_the_key(_OWNER)
        if self.missing("getCloudHistory"):
            self.read_history(_OWNER)
        for how in REMOVALS[self.target.era]:
            if self.missing(how):  # then status and history must no longer show it (remove_as holds them)
                self.remove_as(_OWNER, self.own("cloud", FOLDER_LINK).request_id, how)
        unreached = [op for op in MUST_SUCCEED[self.target.era] if self.successes[op] == 0]
        assert not unreached, f"the success paths of {unreached} were not reached, even on known content"

    def meet_every_value_rule(self) -> None:
        legacy = self.legacy
        if not self.limit_filled:
            self.free_fills_its_link_limit()
        if not legacy and "detailed explore" not in self.met:
            folder = self.own("cloud", FOLDER_LINK)  # it has a file in a sub-folder
            self.wait_for(folder, "downloaded")
            self.explore(folder.request_id, "owner", detailed=True)
        if not legacy and not {"cache info", "cached links"} <= self.met:
            self.read_everything_of_the_account(_OWNER)
        if "request ids" not in self.met:
            self.status_of_many(
                _OWNER, [self.own("cloud", FOLDER_LINK).request_id, self.own("cloud", _PLAIN_LINK).request_id]
            )
        if "history of a retried download" not in self.met:
            failing = self.own("cloud", FAILING_LINK)
            self.wait_for(failing, "error")
            self.retry(failing.request_id, "owner")
            self.move_clock(Fraction(1))
            self.read_history(_OWNER)
        if not legacy and "remove many" not in self.met:
            ids = [self.own("cloud", FOLDER_LINK).request_id, self.own("cloud", _PLAIN_LINK).request_id]
            self.remove_many(_OWNER, [*ids, UNKNOWN_OPTION, ids[0]])
        if not legacy:
            self.device_login(_OWNER, DENIED_TOUR)
            self.device_login(_OWNER, APPROVED_TOUR)
        if not self.membership_crossed:  # last: the membership ends a year on
            self.cross_the_membership_end()
        unmet = [rule for rule in VALUE_RULES[self.target.era] if rule not in self.met]
        assert not unmet, f"the value rules {unmet} were not met, even on known content"

    def own(self, kind: Kind, link: str) -> DownloadModel:
        """The owner's download of `link` as `kind`: the run's own, or added now."""
        download = live_download(self.model, _OWNER, kind, link)
        if download is None:
            if kind == "cloud":
                self.add_cloud(_OWNER, link)
            else:
                self.add_remote(_OWNER, link, SCENARIO.account(self.keys[_OWNER]).remote_option_ids[0])
            download = live_download(self.model, _OWNER, kind, link)
        assert download is not None, f"adding {link!r} ({kind}) as {_OWNER} made no download"
        return download

    def wait_for(self, download: DownloadModel, status: str) -> None:
        """Move the clock until the download's current attempt is in its final `status`."""
        seconds = seconds_until(self.model, download, status)
        if seconds:
            self.move_clock(seconds)
