#!/usr/bin/env bash
# `make downstream`: the kit as a user outside this repository gets it, with only the package registries.
#  1. build the wheel (pip wheel of the checkout: the same build as `pip install <checkout>`);
#  2. a fresh virtualenv under a temporary directory: the wheel with [mock], pytest, pytest-xdist and
#     mypy; the `offcloud-mock` command answers /_mock/health; examples/downstream (copied out of the
#     checkout: a project with its own `mock_server` and `contract_tests` packages) passes `mypy
#     --strict` and all its tests, on one and on two xdist workers. Dependencies resolve to the newest
#     releases inside our ranges;
#  3. another fresh virtualenv: the kit from a git URL without extras; the client imports no mock
#     dependency, and the fixture, when used, fails with a message naming the [mock] extra.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
mock_pid=""
cleanup() {
    if [ -n "$mock_pid" ]; then kill "$mock_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
pip_quiet=(--quiet --disable-pip-version-check)
say() { echo "downstream: $*"; }

new_venv() {
    "${PYTHON:-python3}" -m venv "$1"
    "$1/bin/python" -m pip install "${pip_quiet[@]}" pip==25.3
}

# 1. the wheel
new_venv "$work/full"
"$work/full/bin/python" -m pip wheel "${pip_quiet[@]}" --no-deps --wheel-dir "$work/dist" "$repo"
wheel="$(ls "$work"/dist/offcloud_kit-*.whl)"
say "built $(basename "$wheel")"

# 2. the wheel with [mock], outside the checkout
"$work/full/bin/python" -m pip install "${pip_quiet[@]}" "${wheel}[mock]" pytest==9.2.0 pytest-xdist==3.8.0 mypy==2.4.1
say "installed: $("$work/full/bin/python" -m pip freeze | grep -iE '^(offcloud-kit|httpx|attrs|flask|waitress|flask-swagger-ui|pyyaml|jsonschema.rs|jsonref|jsonschema)==' | tr '\n' ' ')"
cp -r "$repo/examples/downstream" "$work/project"
cd "$work/project"

port="$("$work/full/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$work/full/bin/offcloud-mock" --port "$port" > "$work/mock.log" 2>&1 &
mock_pid=$!
"$work/full/bin/python" - "$port" <<'PY'
import json, sys, time, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/_mock/health"
for _ in range(100):
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            print("downstream: offcloud-mock health:", json.load(answer)["status"])
            break
    except OSError:
        time.sleep(0.1)
else:
    sys.exit("downstream: offcloud-mock did not answer " + url)
PY
kill "$mock_pid"
wait "$mock_pid" 2>/dev/null || true
mock_pid=""
# The drift tools come with [mock] too: a misuse is one line, not an import error.
mkdir "$work/no-recordings"
if "$work/full/bin/offcloud-mock" scenario-from "$work/no-recordings" > "$work/drift.log" 2>&1; then
    cat "$work/drift.log"; echo "downstream: scenario-from made a scenario of nothing"; exit 1
fi
grep -q "no recordings in it" "$work/drift.log" || { cat "$work/drift.log"; exit 1; }
say "offcloud-mock scenario-from on an empty folder: $(cat "$work/drift.log")"

"$work/full/bin/python" -m mypy --strict --no-incremental
# Every test of the project: its own packages' and the fixture's, in one process, then on two workers.
collected="$("$work/full/bin/python" -m pytest -q --collect-only | grep -oE '^[0-9]+ tests collected' | cut -d' ' -f1)"
for workers in 0 2; do
    "$work/full/bin/python" -m pytest -q -n "$workers" > "$work/pytest.log" 2>&1 || { cat "$work/pytest.log"; exit 1; }
    say "pytest -n $workers: $(tail -1 "$work/pytest.log")"
    grep -qE "^$collected passed in" "$work/pytest.log" || { cat "$work/pytest.log"; echo "downstream: not all $collected tests passed"; exit 1; }
done
say "the project's own mock_server and contract_tests beside the kit: every test ran, on 1 and 2 workers"

# 3. from a git URL, no extras
new_venv "$work/base"
commit="$(git -C "$repo" rev-parse HEAD)"
"$work/base/bin/python" -m pip install "${pip_quiet[@]}" "offcloud-kit @ git+file://$repo@$commit" pytest==9.2.0
say "client only: $("$work/base/bin/python" -m pip list --format=freeze | grep -vciE '^(pip|pytest|iniconfig|packaging|pluggy|pygments)==') packages with the kit"
"$work/base/bin/python" - <<'PY'
import sys
import offcloud_client, offcloud_kit  # noqa: F401
heavy = {"flask", "waitress", "yaml", "jsonschema_rs", "jsonref", "flask_swagger_ui"} & set(sys.modules)
assert not heavy, f"the client imported mock dependencies: {heavy}"
print("downstream: offcloud_kit and offcloud_client import without the [mock] extra")
PY
# The command is installed with the client too: it says what to install, never shows a traceback.
"$work/base/bin/offcloud-mock" --version
if "$work/base/bin/offcloud-mock" --port 9000 > "$work/cli.log" 2>&1; then
    cat "$work/cli.log"; echo "downstream: offcloud-mock ran without the [mock] extra"; exit 1
fi
grep -q "pip install 'offcloud-kit\[mock\]'" "$work/cli.log" && ! grep -q Traceback "$work/cli.log" \
    || { cat "$work/cli.log"; exit 1; }
say "without [mock]: $(cat "$work/cli.log")"
mkdir "$work/base-project"
cat > "$work/base-project/test_needs_mock.py" <<'PY'
def test_uses_the_fixture(offcloud_mock):
    pass


def test_plain():
    pass
PY
cd "$work/base-project"
if "$work/base/bin/python" -m pytest -q -p no:cacheprovider > "$work/base.log" 2>&1; then
    cat "$work/base.log"; echo "downstream: the fixture ran without the [mock] extra"; exit 1
fi
grep -q "pip install 'offcloud-kit\[mock\]'" "$work/base.log" || { cat "$work/base.log"; exit 1; }
grep -q "1 passed, 1 error" "$work/base.log" || { cat "$work/base.log"; exit 1; }
say "without [mock]: pytest loads the plugin; the fixture names the missing extra"
