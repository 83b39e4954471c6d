"""Reading a scenario's YAML text safely: bounded size and depth, and no aliases.

A YAML alias (`*name`) re-uses a node without copying it, so a few hundred bytes of aliases to aliases
("billion laughs") describe a structure of billions of items: cheap to load, ruinous to walk, print or
serialize. A scenario has no use for them, so the first alias is refused, as are texts over
`MAX_SCENARIO_CHARS` and nesting deeper than `MAX_DEPTH` (which PyYAML would compose recursively).
"""

import yaml

from offcloud_mock.backend.errors import ScenarioError

__all__ = ["MAX_DEPTH", "MAX_SCENARIO_CHARS", "ScenarioYamlError", "load_scenario_yaml"]

# The demo scenario is 5 KB; 128 KB holds some 2,000 resources. Bounded so that reading one holds a
# request thread well under a second (with libyaml: 256 KB took 1 to 1.7 s on 2 busy cores; PyYAML's
# pure-Python reader is 5 to 20 times slower).
MAX_SCENARIO_CHARS = 128 * 1024
MAX_DEPTH = 32  # a scenario nests 4 levels deep
_MAX_WORDED_CHARS = 64 * 1024  # texts whose syntax errors the pure-Python reader words (clearer, slower)
# libyaml when PyYAML was built with it (its wheels are), else the pure-Python reader.
_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _RefusedYaml(yaml.YAMLError):
    pass


class ScenarioYamlError(ScenarioError):
    """The text is not YAML a scenario may be read from; `reason` says why, on one short line."""

    def __init__(self, source: str, reason: str) -> None:
        # PyYAML's messages quote at most a short snippet of the line; still, keep them one short line.
        self.reason = " ".join(reason.split())[:300]
        super().__init__(f"{source}: not valid YAML: {self.reason}")


def _check_events(text: str) -> None:
    """Refuse the first alias and nesting beyond MAX_DEPTH, from the parser's events: before anything
    is built, and stopping at the first offence."""
    depth = 0
    for event in yaml.parse(text, Loader=_FAST_LOADER):
        if isinstance(event, yaml.AliasEvent):
            where = "" if event.start_mark is None else f" (line {event.start_mark.line + 1})"
            raise _RefusedYaml(f"aliases (*name) are not allowed in a scenario{where}")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _RefusedYaml(f"nested deeper than {MAX_DEPTH} levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _worded(text: str, error: Exception) -> str:
    """The error's message; for a small text's syntax error, in the pure-Python reader's clearer words."""
    if (
        isinstance(error, yaml.YAMLError)
        and not isinstance(error, _RefusedYaml)
        and len(text) <= _MAX_WORDED_CHARS
    ):
        try:
            yaml.load(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as clearer:
            return str(clearer)
    return str(error)


def load_scenario_yaml(text: str, source: str) -> object:
    """The data of a scenario's YAML text; ScenarioError (naming `source`) for anything refused."""
    if len(text) > MAX_SCENARIO_CHARS:
        raise ScenarioError(f"{source}: longer than {MAX_SCENARIO_CHARS} characters")
    try:
        _check_events(text)
        return yaml.load(text, Loader=_FAST_LOADER)  # noqa: S506 - a safe loader; no alias is left
    except (yaml.YAMLError, ValueError, RecursionError) as error:  # ValueError: an int of 4300+ digits
        raise ScenarioYamlError(source, _worded(text, error)) from None
