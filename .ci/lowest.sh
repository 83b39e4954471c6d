#!/usr/bin/env bash
# `make test-lowest`: the kit at the lower bounds of its dependency ranges (constraints-lowest.txt) in a
# throw-away virtualenv, running a focused subset: the parts that touch each dependency (HTTP layer and
# docs: flask, flask-swagger-ui, waitress; the CLI's default server and the bridge to it: granian,
# uvloop; scenarios: pyyaml; validation: jsonschema-rs, jsonref; the clients: httpx, attrs; the plugin:
# pytest). A wider run (mock backend, client, plugin: 500 tests) passed
# at these bounds when they were set.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
pip_quiet=(--quiet --disable-pip-version-check)

"${PYTHON:-python3}" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install "${pip_quiet[@]}" pip==25.3
# Editable, so the tests below import the checkout; the constraints pin every direct dependency.
"$work/venv/bin/python" -m pip install "${pip_quiet[@]}" -c "$repo/constraints-lowest.txt" \
    -e "$repo[mock]" pytest hypothesis pytest-timeout==2.4.0
echo "lowest: $("$work/venv/bin/python" -m pip freeze --exclude-editable | grep -iE '^(httpx|attrs|flask|waitress|granian|uvloop|flask-swagger-ui|pyyaml|jsonschema.rs|jsonref|pytest|hypothesis)==' | tr '\n' ' ')"

cd "$repo"
"$work/venv/bin/python" -m pytest -q -p no:randomly -p no:cacheprovider --durations=5 \
    tests/spec/test_ref_resolution.py \
    tests/packaging \
    tests/mock_http/test_pytest_plugin.py \
    tests/mock_http/test_cli.py \
    tests/servers/test_rsgi_bridge.py \
    tests/mock_http/test_docs.py \
    tests/mock_http/test_errors.py \
    tests/mock_backend/test_scenario.py \
    tests/client/test_client.py \
    tests/client/test_async.py \
    tests/client/test_waiting.py \
    tests/generated_client/test_client_behaviour.py
