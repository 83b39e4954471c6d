"""Hatch build hook: what a built wheel carries besides our own packages.

A wheel (and so `pip install <checkout>`, a git URL or a built file) ships the generated package
`offcloud_client` from generated_client/ and the spec inside `offcloud_mock`, so one distribution installs
with no second project to resolve. An editable install (`make venv`) copies nothing: its path file puts the
checkout and generated_client/ on sys.path (`dev-mode-dirs`), so `make generate` shows up at once.
"""

from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# source (relative to the project root) -> path inside the wheel
SHIPPED = {
    "generated_client/offcloud_client": "offcloud_client",
    "openapi.yaml": "offcloud_mock/openapi.yaml",
}


class ShipGeneratedClient(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return
        build_data["force_include"].update(SHIPPED)
