#!/usr/bin/env bash
# `make docker-smoke`: build the mock's image and check that it turns healthy and serves the API.
# Where no Docker daemon answers, say so and skip (exit 0): the image is then not tested here.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
if ! command -v docker > /dev/null || ! docker info > /dev/null 2>&1; then
    echo "docker: no Docker daemon here; the image build and smoke test are SKIPPED"
    exit 0
fi
tag="offcloud-mock:ci-$$"
name="offcloud-mock-ci-$$"
cleanup() {
    docker rm -f "$name" > /dev/null 2>&1 || true
    docker rmi "$tag" > /dev/null 2>&1 || true
}
trap cleanup EXIT
docker build --quiet -t "$tag" "$repo" > /dev/null
docker run -d --name "$name" -p 127.0.0.1::8080 "$tag" > /dev/null
[ "$(docker inspect -f '{{.Config.User}}' "$tag")" = "mock" ] || { echo "docker: image runs as root"; exit 1; }
for _ in $(seq 60); do
    health="$(docker inspect -f '{{.State.Health.Status}}' "$name")"
    [ "$health" = "healthy" ] && break
    sleep 1
done
[ "$health" = "healthy" ] || { docker logs "$name"; echo "docker: container is $health"; exit 1; }
port="$(docker port "$name" 8080/tcp | head -1 | sed 's/.*://')"
python3 - "$port" <<'PY'
import json, sys, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
with urllib.request.urlopen(f"{base}/openapi.json", timeout=5) as answer:
    assert json.load(answer)["openapi"].startswith("3.1"), "the spec is not served"
with urllib.request.urlopen(f"{base}/_mock/health", timeout=5) as answer:
    print("docker: healthy, the mock answers:", json.load(answer)["status"])
PY
