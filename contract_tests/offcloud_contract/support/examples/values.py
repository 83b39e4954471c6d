"""How an answer is held to a spec example: value for value, with what the server invents normalised by rule.

The rules (docs/contract-tests.md, "Examples and their requests"):

* Every field is compared: the same keys (a field missing or extra is a difference), the same items in
  the same order, the same numbers, booleans, nulls and strings; `1` and `true` differ, so do `5` and `"5"`.
* What the demo scenario says is compared as written: e-mails, keys, user ids, remote accounts, names,
  sizes, expiry dates, proxies, sites.
* What the server invents is compared by its shape, and by consistency: the same example value stands for
  the same answer value wherever the example repeats it (and in the request, where a step gave it).
  - a requestId: any 24-hex string that is not an id of the scenario, alone or inside a link or an id,
    standing for an id that is not one of the scenario's either; different example ids are different
    answer ids;
  - a server: the `server` field, and `xx-N` in a `https://xx-N.offcloud.com/` link (two downloads may
    share one);
  - a `createdOn`: a UTC date-time to the millisecond (the mock's clock runs on under `make mock`);
  - the device login's `device_code`, `access_token` and `user_code` (also in `?code=` of a link):
    any code of that shape, different example codes being different codes.
* Nothing is skipped: a value of no kind above that differs is a difference.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["Bindings", "compare", "kind_of_key"]

_ID = r"[0-9a-f]{24}"
# The patterns of each invented kind: the whole value of a field, and where it stands inside a string.
_WHOLE = {
    "requestId": rf"^{_ID}$",
    "server": r"^[a-z]{2}-[0-9]+$",
    "createdOn": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$",
    "device_code": r"^[A-Za-z0-9._~+/=-]{16,}$",
    "access_token": r"^[A-Za-z0-9._~+/=-]{16,}$",
    "user_code": r"^[A-Z0-9]{4}-[A-Z0-9]{4}$",
}
_INSIDE = {
    "requestId": rf"(?<![0-9a-f]){_ID}(?![0-9a-f])",
    "server": r"(?<=https://)[a-z]{2}-[0-9]+(?=\.offcloud\.com/)",
    "user_code": r"(?<=[?&]code=)[A-Z0-9]{4}-[A-Z0-9]{4}",
}
_INJECTIVE = frozenset({"requestId", "device_code", "access_token", "user_code"})
# Fields whose whole value is of an invented kind (a requestId field is found as one by _INSIDE).
_KIND_OF_KEY = {
    "server": "server",
    "createdOn": "createdOn",
    "device_code": "device_code",
    "access_token": "access_token",
    "user_code": "user_code",
}


def kind_of_key(key: str | None) -> str | None:
    return _KIND_OF_KEY.get(key) if key is not None else None


@dataclass(slots=True)
class Bindings:
    """Which answer value each example value of an invented kind stands for, in one run of one example.

    `literal`: the 24-hex ids the scenario defines (compared as written, never bound).
    """

    literal: frozenset[str] = frozenset()
    _forward: dict[tuple[str, str], str] = field(default_factory=dict)
    _backward: dict[tuple[str, str], str] = field(default_factory=dict)

    def bind(self, kind: str, example: str, actual: str) -> str | None:
        """Record that `example` stands for `actual`; the problem, if it already stands for another."""
        if not re.match(_WHOLE[kind], actual):
            return f"{actual!r} is no {kind}"
        if kind == "requestId" and actual in self.literal:
            return f"{actual!r} is an id of the scenario, written as {example!r} in the example"
        known = self._forward.get((kind, example))
        if known is not None:
            return None if known == actual else f"{example!r} stands for {known!r} here, not {actual!r}"
        if kind in _INJECTIVE:
            other = self._backward.get((kind, actual))
            if other is not None:
                return f"{actual!r} is already what {other!r} stands for, not {example!r}"
            self._backward[(kind, actual)] = example
        self._forward[(kind, example)] = actual
        return None

    def actual(self, kind: str, example: str) -> str | None:
        return self._forward.get((kind, example))

    def substitute(self, text: str) -> str:
        """`text` of a request with every bound example value replaced by the value it stands for."""
        for (_, example), actual in self._forward.items():
            text = text.replace(example, actual)
        return text

    def placeholders(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every invented value inside an example string, in order."""
        found: list[tuple[int, int, str]] = []
        for kind, pattern in _INSIDE.items():
            for match in re.finditer(pattern, text):
                if kind == "requestId" and match.group() in self.literal:
                    continue
                found.append((match.start(), match.end(), kind))
        found.sort()
        return found


def _compare_text(example: str, actual: str, key: str | None, bindings: Bindings) -> str | None:
    kind = kind_of_key(key)
    if kind is not None:
        return bindings.bind(kind, example, actual)
    spots = bindings.placeholders(example)
    if not spots:
        return None if example == actual else f"{actual!r} != {example!r}"
    pattern, position = "", 0
    for start, end, spot_kind in spots:
        pattern += re.escape(example[position:start]) + f"({_WHOLE[spot_kind].strip('^$')})"
        position = end
    pattern += re.escape(example[position:])
    match = re.fullmatch(pattern, actual, flags=re.DOTALL)
    if match is None:
        return f"{actual!r} != {example!r} (invented values normalised)"
    for (start, end, spot_kind), got in zip(spots, match.groups(), strict=True):
        problem = bindings.bind(spot_kind, example[start:end], got)
        if problem is not None:
            return problem
    return None


def _kind(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def compare(
    example: object, actual: object, bindings: Bindings, where: str = "", key: str | None = None
) -> list[str]:
    """Every difference between an example value and an answer, each with its JSON path; [] if none."""
    at = where or "the body"
    if _kind(example) != _kind(actual):
        return [f"{at}: {actual!r} where the example has {example!r}"]
    if isinstance(example, dict) and isinstance(actual, dict):
        problems = [f"{at}: no field {name!r}" for name in example if name not in actual]
        problems += [
            f"{at}: a field {name!r} the example does not have" for name in actual if name not in example
        ]
        for name in example:
            if name in actual:
                problems += compare(example[name], actual[name], bindings, f"{where}/{name}", name)
        return problems
    if isinstance(example, list) and isinstance(actual, list):
        if len(example) != len(actual):
            return [f"{at}: {len(actual)} items where the example has {len(example)}: {actual!r}"]
        return _items(example, actual, bindings, where)
    if isinstance(example, str) and isinstance(actual, str):
        problem = _compare_text(example, actual, key, bindings)
        return [] if problem is None else [f"{at}: {problem}"]
    return [] if example == actual else [f"{at}: {actual!r} != {example!r}"]


def _items(example: Iterable[object], actual: Iterable[object], bindings: Bindings, where: str) -> list[str]:
    problems: list[str] = []
    for index, (want, got) in enumerate(zip(example, actual, strict=True)):
        problems += compare(want, got, bindings, f"{where}/{index}")
    return problems
