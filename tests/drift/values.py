"""The values of the drift tools' tests: the planted account whose key and password must never reach a
file, and the demo scenario's text it is planted into."""

from pathlib import Path

__all__ = ["BUNNY_MAGNET", "EMAIL", "PLANTED_KEY", "PLANTED_PASSWORD", "ROOT", "demo_scenario_text"]

ROOT = Path(__file__).resolve().parents[2]
PLANTED_KEY = "PLANTED-k3y-9f8e7d6c5b4a39281706"
PLANTED_PASSWORD = "PLANTED-pa55-0a1b2c3d4e"  # noqa: S105 - a test value, planted to be searched for
EMAIL = "demo@offcloud.test"
BUNNY_MAGNET = "magnet:?xt=urn:btih:92b926e37e61e370e948cda081685a45731f9406&dn=Big+Buck+Bunny"


def demo_scenario_text() -> str:
    # Found by name, not by module path: the mock's modules are moving into packages.
    found = sorted(ROOT.joinpath("mock_server", "offcloud_mock").rglob("demo_scenario.yaml"))
    assert found, "demo_scenario.yaml not found under mock_server/offcloud_mock/"
    return found[0].read_text(encoding="utf-8")
