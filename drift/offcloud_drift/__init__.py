"""Know when the API changed: a validating proxy in front of a real server, recordings and their replay,
a drift report against openapi.yaml with the suggested spec change, and scenarios made from recordings.

A sibling of the mock, not a second pipeline: it reads openapi.yaml through the mock's spec module, serves
with the mock's waitress functions, writes the mock's recording format and replays with the mock's own
replay. It reaches the mock only through the mock's public entry points (`offcloud_mock.spec`, `.eras`,
`.recordings`, `.replay`, `.serving.waitress_server`, and lazily `.http.app`, `.settings` and
`.backend.scenario`, in `mock_bridge`); `tests/test_architecture.py` holds it to that list.

Modules, one concern each: `spec_view` (what the checker asks of the spec: $ref chains, inlined
schemas), `schema_walk` and `checks` (one exchange against the spec), `coverage` (what the answers
populated: what a run did not prove), `patch` (suggested changes as JSON Patch), `redact` (secrets),
`exchange` and `recorder` (recording files), `proxy` (the WSGI proxy), `collect` and `report` (the drift
report), `flows` and `run` (`make drift`); from a report to a pull request: `spec_edit` (openapi.yaml
edited in place), `apply` (`drift apply`), `mock_map` and `mock_told` (what the mock must change, and
where), `loop` (apply, regenerate, tell), `pull_request` (`drift pr`); `scenario_from`, `mock_bridge`,
`cli`.

Wired into `offcloud-mock` (mock_server/offcloud_mock/cli.py): its subcommands `proxy`, `drift` (and
`drift apply|tell-mock|pr`), `scenario-from` and `replay` are this package's `cli.main`.
"""
