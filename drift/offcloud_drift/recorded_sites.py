"""The supported sites of a recorded listSites answer, as the scenario's `sites:` entries.

Both eras are read: legacy items (name, displayName, hosts, isActive, noInstantDownload, ...) and 2026 items
(name = the first host, aliases, status up/degraded/down). The scenario's fields are those of
`mock_server/offcloud_mock/backend/scenario_content.py` (read_site); this package does not import the mock for them.
"""

from typing import Any

__all__ = ["sites_from_answer"]

# The legacy server's words (isActive) and the 2026 statuses, in the scenario's health values.
_HEALTH = {
    "healthy": "healthy",
    "fragile": "fragile",
    "limited": "limited",
    "dead": "dead",
    "cloud only": "cloud only",
    "up": "healthy",
    "degraded": "fragile",
    "down": "dead",
}


def sites_from_answer(answer: Any) -> list[dict[str, Any]]:
    """Scenario sites from a listSites answer body (a list of items); what is unreadable is left out."""
    items = answer if isinstance(answer, list) else []
    sites: list[dict[str, Any]] = []
    for item in items:
        site = _site(item) if isinstance(item, dict) else None
        if site is not None:
            sites.append(site)
    return sites


def _texts(value: Any) -> list[str]:
    return [text for text in value if isinstance(text, str) and text] if isinstance(value, list) else []


def _site(item: dict[str, Any]) -> dict[str, Any] | None:
    name = item.get("name")
    if not isinstance(name, str) or not name:
        return None
    if "hosts" in item:  # legacy
        hosts = _texts(item["hosts"]) or [name]
        site: dict[str, Any] = {"name": name, "hosts": hosts}
        if isinstance(item.get("displayName"), str) and item["displayName"]:
            site["display_name"] = item["displayName"]
        health = _HEALTH.get(str(item.get("isActive", "")).lower())
    else:  # 2026: the name is the site's first host
        site = {"name": name.split(".")[0] or name, "hosts": [name, *_texts(item.get("aliases"))]}
        health = _HEALTH.get(str(item.get("status", "")).lower())
    if health is not None:
        site["health"] = health
    for source, target, negate in (
        ("noInstantDownload", "instant", True),
        ("isVideoStreaming", "video_streaming", False),
    ):
        if isinstance(item.get(source), bool):
            site[target] = item[source] != negate
    amount = item.get("maxAmountPerUser")
    if amount == "unlimited" or (isinstance(amount, int) and not isinstance(amount, bool) and amount >= 0):
        site["max_amount_per_user"] = amount
    for source, target in (("maxChunks", "max_chunks"), ("maxChunksGlobal", "max_chunks_global")):
        value = item.get(source)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            site[target] = value
    return site
