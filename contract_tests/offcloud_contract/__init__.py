"""Contract tests: openapi.yaml, the generated client and the mock server held to each other.

Run by `make test` (in-process, and once against the mock as a real server process) and by
`make contract` / `python -m offcloud_contract` (against any server named by OFFCLOUD_BASE_URL).
"""
