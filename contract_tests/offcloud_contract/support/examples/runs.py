"""Runs one spec example's request against a fresh mock of one era and holds the answer to the example.

The mock is the demo scenario in this process, its clock frozen at the scenario's start (a step moves it),
its answers held to the spec as well (`validate_responses`). The steps and the request go through the
API as a client sends them; only the clock and the device login's user are played through the controls.
What the run found is a list of problems, empty when the answer is the example's, value for value
(examples/values.py).
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

import httpx
import yaml

from offcloud_contract.support.examples.values import Bindings, compare
from offcloud_contract.support.mock_handles import DEMO_SCENARIO_PATH, MockConfig
from offcloud_contract.support.model.demo_data import demo
from offcloud_contract.support.spec.examples import REQUEST_KEY, ExampleRequest, SpecExample
from offcloud_contract.support.spec.openapi_document import SpecOperation
from offcloud_contract.support.targets.server_targets import DEMO, FREE, Target, inprocess_target

__all__ = ["ExampleRun", "run_example"]

_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


class StepFailed(Exception):
    """A precondition could not be set up: the example's request never ran."""


@dataclass(frozen=True, slots=True)
class ExampleRun:
    status: int
    media_type: str
    body: object
    problems: tuple[str, ...]

    @property
    def reached(self) -> bool:
        return not self.problems


def _key_of(who: str) -> str:
    return FREE.api_key if who == "free" else DEMO.api_key


def _scenario_ids() -> frozenset[str]:
    """The ids the demo scenario defines (remote accounts; user ids come from the mock's own list)."""
    scenario = demo()
    return frozenset(
        str(remote.fields[name])
        for account in scenario.accounts
        for remote in account.remote_accounts
        for name in ("accountId", "remoteOptionId")
        if name in remote.fields
    )


class _Run:
    def __init__(self, target: Target, bindings: Bindings) -> None:
        self.target = target
        self.http = target.http()
        self.bindings = bindings

    def call(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self.http.request(method, url, **kwargs)

    def step(self, step: Mapping[str, Any]) -> None:
        if "add" in step:
            self._add(step)
        elif "advance" in step:
            self.target.require_controls().advance(float(step["advance"]))
        elif "deviceCode" in step:
            answer = self._ok(self.call("POST", "/oauth/device/code", json={}), "a device code")
            self._bind("device_code", str(step["deviceCode"]), str(answer["device_code"]))
            self._bind("user_code", str(step["userCode"]), str(answer["user_code"]))
        elif "approve" in step or "deny" in step:
            user_code = self._bound("user_code", str(step.get("approve") or step.get("deny")))
            controls = self.target.require_controls()
            _ = controls.approve_device(user_code) if "approve" in step else controls.deny_device(user_code)
        elif "poll" in step:
            device_code = self._bound("device_code", str(step["poll"]))
            self.call("POST", "/oauth/token", json={"grant_type": _GRANT, "device_code": device_code})
        else:
            raise StepFailed(f"unknown step {dict(step)!r}")

    def _add(self, step: Mapping[str, Any]) -> None:
        form = {"url": str(step["url"])}
        for name in ("remoteOptionId", "proxyId"):
            if name in step:
                form[name] = str(step[name])
        params = {"key": _key_of(str(step.get("auth", "key")))}
        answer = self._ok(
            self.call("POST", f"/api/{step['add']}", params=params, data=form), f"adding {form}"
        )
        if "id" in step:
            self._bind("requestId", str(step["id"]), str(answer["requestId"]))

    def _ok(self, response: httpx.Response, what: str) -> dict[str, Any]:
        body = (
            response.json()
            if response.headers.get("content-type", "").startswith("application/json")
            else None
        )
        if (
            response.status_code != 200
            or not isinstance(body, dict)
            or "error" in body
            or "not_available" in body
        ):
            raise StepFailed(f"{what}: HTTP {response.status_code} {response.text[:200]!r}")
        return body

    def _bind(self, kind: str, example: str, actual: str) -> None:
        problem = self.bindings.bind(kind, example, actual)
        if problem is not None:
            raise StepFailed(f"a step's {kind}: {problem}")

    def _bound(self, kind: str, example: str) -> str:
        actual = self.bindings.actual(kind, example)
        if actual is None:
            raise StepFailed(f"no step gave the {kind} {example!r}")
        return actual

    def request(self, operation: SpecOperation, request: ExampleRequest) -> httpx.Response:
        path = operation.path
        for name, value in request.path.items():
            path = path.replace(f"{{{name}}}", self.bindings.substitute(value))
        params = {name: self.bindings.substitute(value) for name, value in request.query.items()}
        headers: dict[str, str] = {}
        if request.auth in ("key", "free"):
            params["key"] = _key_of(request.auth)
        elif request.auth == "bearer":
            headers["Authorization"] = f"Bearer {DEMO.api_key}"
        elif request.auth == "session":
            login = {"username": str(DEMO.email), "password": str(DEMO.password)}
            logged_in = self.call("POST", "/api/login", data=login)
            cookie = logged_in.cookies.get("connect.sid")
            if cookie is None:
                raise StepFailed(f"logging in: HTTP {logged_in.status_code} {logged_in.text[:200]!r}")
            headers["Cookie"] = f"connect.sid={cookie}"
        body = _substituted(request.body, self.bindings)
        kwargs: dict[str, Any] = {"params": params, "headers": headers}
        if request.body_kind == "json":
            kwargs["content"] = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        elif request.body_kind == "form":
            kwargs["data"] = body
        elif request.body_kind == "multipart":
            files = {
                name: (f"{name}.torrent", str(text).encode(), "application/x-bittorrent")
                for name, text in body.items()
            }
            kwargs["files"] = files
        return self.call(operation.method, path, **kwargs)


def _substituted(value: object, bindings: Bindings) -> Any:
    if isinstance(value, str):
        return bindings.substitute(value)
    if isinstance(value, list):
        return [_substituted(item, bindings) for item in value]
    if isinstance(value, dict):
        return {name: _substituted(item, bindings) for name, item in value.items()}
    return value


def _target(request: ExampleRequest, era: str) -> Target:
    config = MockConfig(era=cast(Any, era), frozen_clock=True, validate_responses=True, **request.mock)
    target = inprocess_target(config)
    if request.scenario:
        scenario = yaml.safe_load(DEMO_SCENARIO_PATH.read_text(encoding="utf-8"))
        target.require_controls().load_scenario({**scenario, **request.scenario})
    return target


def _body(response: httpx.Response) -> tuple[str, object]:
    media_type = response.headers.get("content-type", "").split(";")[0].strip()
    if media_type == "application/json":
        return media_type, response.json()
    return media_type, response.text


def run_example(example: SpecExample, era: str) -> ExampleRun:
    """The example's request against a fresh mock of `era`, and every way its answer differs."""
    request, operation = example.request, example.operation
    if request is None or operation is None:
        return ExampleRun(0, "", None, (f"{example.pointer}: no {REQUEST_KEY} reaches this example",))
    target = _target(request, era)
    try:
        known = frozenset(str(account["userId"]) for account in target.require_controls().accounts())
        run = _Run(target, Bindings(literal=known | _scenario_ids()))
        try:
            for step in request.steps:
                run.step(step)
            response = run.request(operation, request)
        except StepFailed as error:
            return ExampleRun(0, "", None, (f"a precondition failed: {error}",))
        media_type, body = _body(response)
        problems = []
        if response.status_code != example.status:
            problems.append(f"HTTP {response.status_code}, the example is a {example.status} answer")
        if media_type != example.media_type:
            problems.append(f"content type {media_type!r}, the example's is {example.media_type!r}")
        if not problems:
            problems += compare(example.value, body, run.bindings)
        return ExampleRun(response.status_code, media_type, body, tuple(problems))
    finally:
        target.close()
