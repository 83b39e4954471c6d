"""The reference model's 2026 rules against openapi.yaml's own examples, with no server: where the spec shows
an answer of the account, detailed explore, the cache or the device login, the model predicts that very
answer from the same request and scenario (its rules are written from the spec, so they must agree with
the spec's examples before they are held to the mock). And the rules' edges the examples do not show:
the last day of the premium membership, `can_download` at every count of the link limit, a polled code's
end, a grown interval."""

from fractions import Fraction

import pytest

from offcloud_contract.support.model.account_rules import account_info, account_stats, membership_end, today
from offcloud_contract.support.model.cdn_files import cache_info, cached_links, detailed_files, file_paths
from offcloud_contract.support.model.content_rules import content_for
from offcloud_contract.support.model.demo_data import DemoAccount, demo, magnet
from offcloud_contract.support.model.device_login import DENIED, EXPIRED, DeviceLogin, code_answer
from offcloud_contract.support.model.reference_model import AccountModel
from offcloud_contract.support.spec.examples import SpecExample, spec_examples

SCENARIO = demo()
DEMO, FREE = SCENARIO.accounts
START = Fraction(0)


def _example(label: str) -> SpecExample:
    return next(example for example in spec_examples() if example.label == label)


def _state(plan: DemoAccount, added: int = 0) -> AccountModel:
    """The model's account of this scenario account, holding `added` downloads."""
    model = AccountModel("x", plan.api_key, plan.addons, plan.link_limit, frozenset())
    model.added = added
    return model


def test_the_account_examples() -> None:
    day = today(SCENARIO, START)
    premium = _example("getAccountInfo:200:premium").value
    assert account_info(DEMO, _state(DEMO), day, DEMO.user_id) == premium
    free = dict(_example("getAccountInfo:200:free").value)  # after three downloads of its three
    assert account_info(FREE, _state(FREE, added=3), day, str(free["user_id"])) == free


def test_premium_ends_after_its_day_and_can_download_follows_the_links_left() -> None:
    end = membership_end(SCENARIO, DEMO)
    assert end is not None
    last_day, next_day = today(SCENARIO, end - 1), today(SCENARIO, end)
    assert str(last_day) == "2026-12-31"
    assert str(next_day) == "2027-01-01"
    assert account_info(DEMO, _state(DEMO), last_day, "u")["is_premium"] is True
    ended = account_info(DEMO, _state(DEMO), next_day, "u")
    assert (ended["is_premium"], ended["expiration_date"], ended["can_download"]) == (
        False,
        "2026-12-31",
        True,
    )
    day = today(SCENARIO, START)
    assert [account_info(FREE, _state(FREE, n), day, "u")["can_download"] for n in range(5)] == [
        True,
        True,
        True,
        False,
        False,
    ]
    stats = account_stats(DEMO, _state(DEMO, added=7), next_day, "u")
    assert stats["expirationDate"] == "31-12-2026"
    assert stats["isPremium"] is False
    assert stats["limits"] == {
        "links": 493,
        "premium": 100,
        "torrent": 100,
        "streaming": 10,
        "cloud": 1099511627776,
        "proxy": 107374182400,
    }
    assert account_stats(FREE, _state(FREE, added=5), day, "u")["limits"]["links"] == 0  # type: ignore[index]


def test_the_detailed_explore_example() -> None:
    example = _example("exploreCloudDownload:200:detailed")
    (step,) = example.request.steps if example.request else ()
    assert detailed_files(step["id"], content_for(step["url"], SCENARIO), DEMO.user_id) == example.value


def test_a_sub_folder_stays_in_the_path() -> None:
    tears = next(r for r in SCENARIO.resources if r.name == "Tears of Steel")
    paths = [path for path, _ in file_paths(content_for(tears.link, SCENARIO))]
    assert paths[-1] == ("Tears of Steel", "extras", "Making of.mp4")
    files = detailed_files("5f1b2c3d4e5f60718293a4bb", content_for(tears.link, SCENARIO), "u")["files"]
    assert files[-1]["path"] == "Tears of Steel/extras/Making of.mp4"  # type: ignore[index]
    assert files[-1]["name"] == "Making of.mp4"  # type: ignore[index]


def test_the_cache_examples() -> None:
    example = _example("getCacheInfo:200:files")
    body = example.request.body if example.request else {}
    assert cache_info(body["urls"], body["includeFiles"], SCENARIO) == example.value
    example = _example("getCachedDownloadLinks:200:links")
    body = example.request.body if example.request else {}
    assert cached_links(body["url"], SCENARIO, DEMO.user_id) == example.value
    example = _example("getCachedDownloadLinks:400:notCached")
    body = example.request.body if example.request else {}
    assert cached_links(body["url"], SCENARIO, DEMO.user_id) == example.value["error"]


def test_the_cache_reads_a_hash_in_either_case_and_a_bare_hash_never() -> None:
    bunny = sorted(SCENARIO.cached_hashes)[0]
    urls = [magnet(bunny.upper()), bunny, magnet(bunny), magnet(bunny)]
    assert [item["cached"] for item in cache_info(urls, False, SCENARIO)] == [True, False, True, True]
    assert all("files" not in item for item in cache_info(urls, False, SCENARIO))
    assert cached_links("https://files.example.com/x", SCENARIO, "u") == "Incorrect url"


def test_the_device_login_examples() -> None:
    codes = dict(_example("requestDeviceCode:200:codes").value)
    codes.pop("device_code")
    assert code_answer(SCENARIO.device, "ABCD-EFGH") == codes
    pending, slow_down, expired, denied = (
        _example(f"requestDeviceToken:400:{name}").value
        for name in ("pending", "slowDown", "expired", "denied")
    )
    login = DeviceLogin.issued(SCENARIO.device, START)
    assert login.poll(START) == pending
    assert login.poll(START) == slow_down
    assert DeviceLogin.issued(SCENARIO.device, START).poll(START + 601) == expired == EXPIRED
    decided = DeviceLogin.issued(SCENARIO.device, START)
    decided.decision = "denied"
    assert decided.poll(START) == denied == DENIED


@pytest.mark.parametrize("first_wait", [0, 3])
def test_the_interval_grows_and_the_code_ends_whatever_the_polls(first_wait: int) -> None:
    login = DeviceLogin.issued(SCENARIO.device, START)
    now = Fraction(first_wait)
    assert login.poll(now) == {"error": "authorization_pending"}
    assert login.poll(now) == {"error": "slow_down"}  # interval 10 from now on
    assert login.poll(now + 5) == {"error": "slow_down"}  # 5 < 10: and 15 from now on
    assert login.poll(now + 5 + 15) == {"error": "authorization_pending"}
    login.decision = "denied"
    assert login.poll(now + 5 + 30) == DENIED
    assert login.poll(now + 5 + 45) == DENIED  # for good
    assert login.poll(Fraction(599)) == DENIED
    assert login.poll(Fraction(600)) == EXPIRED  # its life runs from the issue, not from the last poll
    approved = DeviceLogin.issued(SCENARIO.device, START)
    approved.decision = "approved"
    assert approved.poll(START) is None  # the token
    assert approved.poll(START + 10) == EXPIRED  # spent
