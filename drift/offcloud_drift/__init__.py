"""Know when the API changed: a validating proxy in front of a real server, recordings and their replay,
a drift report against openapi.yaml with the suggested spec change, and scenarios made from recordings.

Modules, one concern each: `spec_view` (what the checker asks of the mock's reading of openapi.yaml:
$ref chains, inlined schemas), `schema_walk` and `checks` (one exchange against the spec), `patch` (suggested changes as JSON Patch), `redact` (secrets),
`exchange` and `recorder` (writing recording files in the mock's format, `offcloud_mock.recordings`),
`proxy` (the WSGI proxy), `collect` and `report` (the drift report), `flows` and `run` (`make drift`),
`scenario_from`, `serve`, `cli`. Replay is the mock's own (`offcloud_mock.replay`); the `replay` command
serves it.

Wiring into `offcloud-mock` (mock_server/offcloud_mock/cli.py):

    # subcommands, before the mock's own parser:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("proxy", "drift", "scenario-from", "replay"):
        from offcloud_drift.cli import main as drift_main
        return drift_main(args)

    # --replay DIR is the mock's own: MockConfig.replay, installed by create_app (offcloud_mock.replay).
"""
