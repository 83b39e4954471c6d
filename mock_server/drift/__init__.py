"""Know when the API changed: a validating proxy in front of a real server, recordings and their replay,
a drift report against openapi.yaml with the suggested spec change, and scenarios made from recordings.

Entry point: `mock_server.drift.cli.main(argv)`; replay in front of any WSGI app:
`mock_server.drift.replay.ReplayMiddleware`. Depends on nothing of the mock but `mock_bridge`.
"""
