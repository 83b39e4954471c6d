"""Where the mock listens, as the CLI tells it and guards it: the address a person can open, the
banner, and what /_mock/ requires beyond loopback (a control token, the Host names it accepts).

Standard library at load time; the mock's modules are imported when a function needs them (the CLI
imports this module on installs without the `[mock]` extra too).
"""

import ipaddress
import secrets
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

    from offcloud_mock.settings import MockConfig

__all__ = [
    "DEFAULT_PORT",
    "PORT_VARIABLE",
    "TOKEN_HEADER",
    "TOKEN_VARIABLE",
    "allowed_hosts",
    "banner",
    "control_token",
    "is_address",
    "say",
    "shown_base_url",
]

PROG = "offcloud-mock"
# The environment the CLI reads its defaults from (a container, a compose file): --port, --control-token.
PORT_VARIABLE = "OFFCLOUD_MOCK_PORT"
TOKEN_VARIABLE = "OFFCLOUD_MOCK_CONTROL_TOKEN"  # noqa: S105 - a variable's name
DEFAULT_PORT = 8080
TOKEN_HEADER = "X-Mock-Token"  # noqa: S105 - a header name (offcloud_mock.http.control_guard.TOKEN_HEADER)


def say(message: str) -> None:
    """One line on stderr, as the CLI says everything that is not its banner."""
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def shown_base_url(base_url: str) -> str:
    """An address a person can open: the server's, with 127.0.0.1 (or [::1]) for "any address"."""
    scheme, _, rest = base_url.partition("://")
    host, _, port = rest.rpartition(":")
    unspecified = {"0.0.0.0": "127.0.0.1", "[::]": "[::1]", "::": "[::1]"}
    return f"{scheme}://{unspecified[host]}:{port}" if host in unspecified else base_url


def banner(app: "Flask", base_url: str, config: "MockConfig", generated_token: str | None) -> str:
    from offcloud_mock.http.runtime import runtime

    scenario = config.scenario or "demo scenario"
    url = shown_base_url(base_url)
    lines = [f"Offcloud API mock listening on {url}  ({scenario}, era {config.era})"]
    if url != base_url:
        lines.append(f"  on every address of this machine ({base_url.partition('://')[2]}): open {url}")
    if config.scenario is None:  # the demo's credentials are public (README); a scenario's are not
        first = runtime(app).backend.accounts()[0]
        lines += [
            f"  API key:   {first.api_key}    e.g. curl -X POST '{url}/api/proxy?key={first.api_key}'",
            f"  login:     {first.email} / {first.account.password}",
        ]
    else:
        lines.append("  accounts:  those of the scenario file (GET /_mock/accounts lists them, keys masked)")
    lines += [
        f"  docs:      {url}/docs/   spec: {url}/openapi.yaml",
        f"  controls:  {url}/_mock/   (health, reset, clock, faults, journal, ...)",
    ]
    if generated_token is not None:
        lines.append(f"  control token (send as {TOKEN_HEADER}): {generated_token}")
    elif config.control_token is not None:
        lines.append(f"  control token: the one given (send as {TOKEN_HEADER})")
    lines.append("  Ctrl-C to stop")
    return "\n".join(lines)


def control_token(host: str, given: str | None) -> tuple[str | None, str | None]:
    """(the token /_mock/ requires, the same if generated here to be printed); warns beyond loopback."""
    from offcloud_mock.http.control_guard import is_loopback

    if is_loopback(host):
        return given, None
    generated = None if given else secrets.token_urlsafe(24)
    say(
        f"warning: listening on {host}, reachable from other machines: /_mock/ requires "
        f"the control token ({TOKEN_HEADER} header){', printed below' if generated else ''}; "
        "the API accepts the scenario's keys from anyone who can reach the port"
    )
    return given or generated, generated


def allowed_hosts(host: str, extra: list[str]) -> tuple[str, ...]:
    """The names /_mock/ accepts in Host besides the always-accepted ones: --allow-host and --host's."""
    from offcloud_mock.http.control_guard import is_loopback

    names = [name.lower().rstrip(".") for name in extra]
    if not (is_loopback(host) or is_address(host)):
        names.append(host.lower().rstrip("."))
    return tuple(dict.fromkeys(names))


def is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
