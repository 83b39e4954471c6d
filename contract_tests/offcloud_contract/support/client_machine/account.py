"""The client-vs-mock machine's rules that read the account and the 2026 cache: every field held to the
model (account_rules, cdn_files), at any moment of the run, across the end of the premium membership too."""

from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule
from offcloud_client.api.account import get_account_info, get_account_stats, list_sites
from offcloud_client.api.cache import get_cache_info, get_cached_download_links
from offcloud_client.models import AccountInfo, AccountStats, CacheDownloadForm, CacheInfoForm, ErrorBody

from offcloud_contract.support.client_machine.adding import AddingRules
from offcloud_contract.support.client_machine.calls import ACCOUNTS, SCENARIO, call, parsed
from offcloud_contract.support.model.account_rules import membership_end, today
from offcloud_contract.support.model.answer_fields import fields_problem, items_problem
from offcloud_contract.support.model.cdn_files import cache_info, cached_links
from offcloud_contract.support.model.demo_data import magnet

__all__ = ["AccountRules", "cache_urls"]

_CACHED = sorted(SCENARIO.cached_hashes)
_UNCACHED = [h for h in SCENARIO.info_hashes if h not in SCENARIO.cached_hashes]


def _urls_of(info_hash: str) -> list[str]:
    """The ways a client names a torrent: a magnet with its hash in either letter case, with a name, and
    the bare hash (which is not a magnet: never cached)."""
    resource = SCENARIO.by_hash(info_hash)
    name = resource.name if resource is not None else None
    return [magnet(info_hash), magnet(info_hash.upper()), magnet(info_hash, name), info_hash]


def cache_urls() -> st.SearchStrategy[list[str]]:
    """Lists a client asks the cache about: the scenario's torrents written every way, unknown magnets,
    a link that is no magnet; repeats allowed."""
    known = st.sampled_from([url for h in SCENARIO.info_hashes for url in _urls_of(h)])
    unknown = st.from_regex(r"\A[0-9a-f]{40}\Z").map(magnet)
    return st.lists(
        known | known | unknown | st.just("https://files.example.com/docs/x.pdf"), min_size=1, max_size=6
    )


def every_way_of_naming(hashes: list[str]) -> list[str]:
    """Every way `_urls_of` names each of these torrents, in turn."""
    return [url for info_hash in hashes for url in _urls_of(info_hash)]


class AccountRules(AddingRules):
    @rule(who=st.sampled_from(ACCOUNTS))
    def read_account(self, who: str) -> None:
        """getAccountInfo (2026) or getAccountStats (legacy): every field, at whatever moment and with
        whatever downloads the account holds now."""
        client = self.client(who)
        if self.legacy:
            what = f"getAccountStats as {who}{self.moment()}"
            answered = parsed(
                what, call(what, get_account_stats.sync_detailed, client=client), AccountStats
            ).to_dict()
            self.model.learn_account_id(who, answered.get("userId"))
            predicted = dict(self.model.account_answer(who))
            limits, predicted_limits = answered.pop("limits"), predicted.pop("limits")
            assert isinstance(predicted_limits, Mapping)
            known = {name: value for name, value in predicted_limits.items() if value is not None}
            problem = fields_problem(known, {name: limits.get(name) for name in known})
            assert problem is None, f"{what}: limits: {problem}{self.holding(who)}"
        else:
            what = f"getAccountInfo as {who}{self.moment()}"
            answered = parsed(
                what, call(what, get_account_info.sync_detailed, client=client), AccountInfo
            ).to_dict()
            self.model.learn_account_id(who, answered.get("user_id"))
            predicted = self.model.account_answer(who)
        problem = fields_problem(predicted, answered)
        assert problem is None, f"{what}: {problem}{self.holding(who)}"
        expiry = SCENARIO.account(self.keys[who]).expiration_date
        if expiry is not None:
            day = today(SCENARIO, self.model.now)
            self.met.add(
                "premium on its last day" if day == expiry else "premium ended" if day > expiry else ""
            )

    def moment(self) -> str:
        return f", {float(self.model.now):g} s after reset ({self.model.scenario.start.date()} + that)"

    def holding(self, who: str) -> str:
        account = self.model.accounts[who]
        return f" ({account.added} downloads held, link limit {account.link_limit}, add-ons {sorted(account.addons)})"

    @precondition(lambda self: not self.limit_filled)
    @rule()
    def free_fills_its_link_limit(self) -> None:
        """The free account adds new content until it is refused: every add up to its link limit is
        accepted, the very next one refused with `links` (so the limit is met exactly, not about); its
        account is read before the first add and after each (can_download, the links left)."""
        self.limit_filled = True
        account = self.model.accounts["free"]
        assert account.link_limit is not None, "the demo scenario's free account has a link limit"
        self.read_account("free")
        for number in range(account.link_limit + 1):
            link = f"https://files.unknown.test/limit/{number}.bin"
            outcome = self.model.predict_add("free", "instant", link)
            self.add_instant("free", link, None)
            self.read_account("free")
            if outcome.kind == "not_available":
                return
        raise AssertionError(f"the model never refused the free account ({account.added} downloads added)")

    @precondition(lambda self: not self.membership_crossed)
    @rule()
    def cross_the_membership_end(self) -> None:
        """Move the clock to the last second of the demo account's premium membership (its expiry day) and
        read both accounts, then to the first second after it and read them again (every later answer is
        held in that time)."""
        self.membership_crossed = True
        end = membership_end(SCENARIO, SCENARIO.account(self.keys["demo"]))
        assert end is not None, "the demo scenario's demo account has a premium membership with an end"
        for moment in (end - 1, end):
            if moment >= self.model.now:
                self.move_clock(moment - self.model.now)
                for who in ACCOUNTS:
                    self.read_account(who)

    @precondition(lambda self: not self.sites_read)
    @rule(who=st.sampled_from(ACCOUNTS))
    def read_sites(self, who: str) -> None:
        self.sites_read = True  # once per run: it depends on no state
        what = f"listSites as {who}"
        sites = parsed(what, call(what, list_sites.sync_detailed, client=self.client(who)), list)
        assert sites, f"{what}: the scenario's sites, none answered"

    @precondition(lambda self: not self.legacy)
    @rule(who=st.sampled_from(ACCOUNTS), urls=cache_urls(), include_files=st.booleans())
    def read_the_cache(self, who: str, urls: list[str], include_files: bool) -> None:
        """getCacheInfo: one item per url in the order asked, cached as the scenario says whatever the
        hash's letter case, with every file (folder, name, size, in order) when asked for."""
        what = f"getCacheInfo({urls}, includeFiles={include_files}) as {who}"
        body = CacheInfoForm(urls=urls, include_files=include_files)
        items = parsed(
            what, call(what, get_cache_info.sync_detailed, client=self.client(who), body=body), list
        )
        answered = [item.to_dict() for item in items]
        predicted = cache_info(urls, include_files, SCENARIO)
        problem = items_problem(predicted, answered, urls)
        assert problem is None, f"{what}: {problem}"
        self.met.add("cache info")

    @precondition(lambda self: not self.legacy)
    @rule(
        who=st.sampled_from(ACCOUNTS),
        url=st.sampled_from([*every_way_of_naming(_CACHED[:1]), *map(magnet, _UNCACHED)]),
    )
    def read_cached_links(self, who: str, url: str) -> None:
        """getCachedDownloadLinks: every file's CDN link (the caller's id, the hash, the path) and size; a
        torrent that is not cached, or no magnet, refused with the spec's words."""
        what = f"getCachedDownloadLinks({url}) as {who}"
        form = CacheDownloadForm(url=url)
        response = call(what, get_cached_download_links.sync_detailed, client=self.client(who), body=form)
        predicted: Any = cached_links(url, SCENARIO, self.model.accounts[who].user_id)
        if isinstance(predicted, str):
            assert response.status_code == 400, f"{what}: HTTP {response.status_code}, the model a 400"
            error = parsed(what, response, ErrorBody).error
            assert error == predicted, f"{what}: refusal wording {error!r}, the model {predicted!r}"
            return
        answered = [item.to_dict() for item in parsed(what, response, list)]
        if self.model.accounts[who].user_id is None and answered:
            self.model.learn_account_id(who, str(answered[0]["url"]).split("/")[4])
            predicted = cached_links(url, SCENARIO, self.model.accounts[who].user_id)
        problem = items_problem(predicted, answered)
        assert problem is None, f"{what}: files (in the content's order): {problem}"
        self.met.add("cached links")

    def read_everything_of_the_account(self, who: str) -> None:
        """The account, the sites and (2026) the cache: the final phase's call."""
        self.read_account(who)
        self.read_sites(who)
        if not self.legacy:
            self.read_the_cache(who, [*every_way_of_naming(_CACHED), magnet("0" * 40)], include_files=True)
            self.read_cached_links(who, every_way_of_naming(_CACHED[:1])[1])
