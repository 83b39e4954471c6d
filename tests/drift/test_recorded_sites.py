"""listSites answers of either era become scenario sites the mock loads and serves back."""

from typing import Any

from offcloud_drift.mock_bridge import check_scenario
from offcloud_drift.recorded_sites import sites_from_answer
from offcloud_drift.scenario_from import scenario_from_records

LEGACY = [
    {
        "name": "rapidgator",
        "displayName": "Rapidgator",
        "hosts": ["rapidgator.net", "rg.to"],
        "isActive": "Cloud only",
        "noInstantDownload": True,
        "isVideoStreaming": False,
        "maxAmountPerUser": "unlimited",
        "maxChunks": 4,
        "maxChunksGlobal": 16,
    },
    {"name": "", "hosts": ["nameless.example"]},  # unreadable: left out
    "not an item",
]
MODERN = [
    {"name": "youtube.com", "status": "degraded", "aliases": ["youtu.be"]},
    {"name": "mega.nz", "status": "teleporting"},  # a status the scenario cannot say: the default health
]


def test_legacy_items_keep_every_field() -> None:
    assert sites_from_answer(LEGACY) == [
        {
            "name": "rapidgator",
            "hosts": ["rapidgator.net", "rg.to"],
            "display_name": "Rapidgator",
            "health": "cloud only",
            "instant": False,
            "video_streaming": False,
            "max_amount_per_user": "unlimited",
            "max_chunks": 4,
            "max_chunks_global": 16,
        }
    ]


def test_2026_items_name_the_site_from_its_first_host() -> None:
    assert sites_from_answer(MODERN) == [
        {"name": "youtube", "hosts": ["youtube.com", "youtu.be"], "health": "fragile"},
        {"name": "mega", "hosts": ["mega.nz"]},
    ]
    assert sites_from_answer({"not": "a list"}) == []


def test_the_sites_of_a_recording_load_as_a_scenario() -> None:
    def listed(body: Any) -> dict[str, Any]:
        return {
            "operation": "listSites",
            "request": {
                "method": "GET",
                "path": "/api/sites",
                "query": [],
                "body_kind": "none",
                "body": None,
            },
            "response": {"status": 200, "body_kind": "json", "body": body},
        }

    text = scenario_from_records([listed(LEGACY), listed([*MODERN, MODERN[0]])])
    check_scenario(text)
    assert "name: youtube\n" in text
    assert "rapidgator" not in text  # the last answer is the list of sites
    assert text.count("name: youtube\n") == 1  # names are unique in a scenario
