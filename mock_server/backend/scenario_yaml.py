"""Reading a scenario's YAML text safely: bounded size and depth, and no aliases.

A YAML alias (`*name`) re-uses a node without copying it, so a few hundred bytes of aliases to aliases
("billion laughs") describe a structure of billions of items: cheap to load, ruinous to walk, print or
serialize. A scenario has no use for them, so the first alias is refused, as are texts over
`MAX_SCENARIO_CHARS` and nesting deeper than `MAX_DEPTH` (which PyYAML would compose recursively).
"""

from typing import Any

import yaml

from mock_server.backend.errors import ScenarioError

__all__ = ["MAX_DEPTH", "MAX_SCENARIO_CHARS", "ScenarioYamlError", "load_scenario_yaml"]

MAX_SCENARIO_CHARS = 1024 * 1024  # the control plane's body limit; the demo scenario is 5 KB
MAX_DEPTH = 32  # a scenario nests 4 levels deep


class _RefusedYaml(yaml.YAMLError):
    pass


class ScenarioYamlError(ScenarioError):
    """The text is not YAML a scenario may be read from; `reason` says why, on one short line."""

    def __init__(self, source: str, reason: str) -> None:
        # PyYAML's messages quote at most a short snippet of the line; still, keep them one short line.
        self.reason = " ".join(reason.split())[:300]
        super().__init__(f"{source}: not valid YAML: {self.reason}")


class _ScenarioLoader(yaml.SafeLoader):
    """SafeLoader without aliases and with a nesting limit (checked while composing, before any walk)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise _RefusedYaml(f"aliases (*name) are not allowed in a scenario (line {mark.line + 1})")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _RefusedYaml(f"nested deeper than {MAX_DEPTH} levels")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_scenario_yaml(text: str, source: str) -> object:
    """The data of a scenario's YAML text; ScenarioError (naming `source`) for anything refused."""
    if len(text) > MAX_SCENARIO_CHARS:
        raise ScenarioError(f"{source}: longer than {MAX_SCENARIO_CHARS} characters")
    loader = _ScenarioLoader(text)
    try:
        return loader.get_single_data()
    except (yaml.YAMLError, ValueError, RecursionError) as error:  # ValueError: an int of 4300+ digits
        raise ScenarioYamlError(source, str(error)) from None
    finally:
        loader.dispose()
