"""Reading one mapping of a scenario file with typed getters whose errors name the file and field path."""

import math
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import NoReturn, overload

from offcloud_mock.backend.errors import ScenarioError, shown
from offcloud_mock.backend.secret_fields import is_secret

__all__ = ["MAX_TEXT_CHARS", "Fields", "check_unique"]

# Longer than any e-mail, key, URL or name a test needs; a scenario is read into memory whole.
MAX_TEXT_CHARS = 4096


class _Missing:
    """Marks a field without a default, i.e. a required one."""


_REQUIRED = _Missing()


def _describe(value: object, key: str | None = None) -> str:
    if is_secret(key):
        return type(value).__name__
    return f"{type(value).__name__} ({shown(value)})"


class Fields:
    """A mapping at `path` inside the scenario from `source`."""

    def __init__(self, data: object, path: str, source: str, allowed: Sequence[str] | None = None) -> None:
        self.path = path
        self.source = source
        if not isinstance(data, dict):
            self.fail(None, f"expected a mapping, got {_describe(data)}")
        self._data: dict[object, object] = data
        if allowed is not None:
            self.allow(allowed)

    def _join(self, key: str | None) -> str:
        if key is None:
            return self.path
        if not self.path:
            return key
        return f"{self.path}{key}" if key.startswith("[") else f"{self.path}.{key}"

    def fail(self, key: str | None, message: str) -> NoReturn:
        where = self._join(key)
        raise ScenarioError(f"{self.source}: {where}: {message}" if where else f"{self.source}: {message}")

    def allow(self, keys: Sequence[str]) -> None:
        """Refuse keys not in `keys`: a typo must not fall back silently to a default."""
        for key in self._data:
            if key not in keys:
                self.fail(shown(key).strip("'"), f"unknown key; expected one of {', '.join(keys)}")

    def raw(self, key: str) -> object:
        return self._data.get(key)

    def child(self, key: str, data: object) -> "Fields":
        return Fields(data, self._join(key), self.source)

    def items(self, key: str, *, required: bool = False) -> list["Fields"]:
        """A list of mappings, each read as Fields; absent means empty unless required."""
        return [self.child(f"{key}[{i}]", item) for i, item in enumerate(self._list(key, required))]

    def choices(self, key: str, options: Sequence[str]) -> list[str]:
        """A list of strings, each one of `options`; absent means empty."""
        values = self._list(key, required=False)
        return [self._one_of(f"{key}[{i}]", value, options) for i, value in enumerate(values)]

    def _list(self, key: str, required: bool) -> list[object]:
        value = self._data.get(key)
        if value is None:
            if required:
                self.fail(key, "required field is missing")
            return []
        if not isinstance(value, list):
            self.fail(key, f"expected a list, got {_describe(value, key)}")
        return value

    def _one_of(self, key: str, value: object, options: Sequence[str]) -> str:
        if not isinstance(value, str) or value not in options:
            self.fail(key, f"{shown(value)} is not one of {', '.join(options)}")
        return value

    def _get(self, key: str, default: object) -> object:
        value = self._data.get(key)
        if value is None:
            if isinstance(default, _Missing):
                self.fail(key, "required field is missing")
            return default
        return value

    @overload
    def text(self, key: str) -> str: ...
    @overload
    def text(self, key: str, default: str) -> str: ...
    @overload
    def text(self, key: str, default: None) -> str | None: ...
    def text(self, key: str, default: str | _Missing | None = _REQUIRED) -> str | None:
        value = self._get(key, default)
        if value is None or isinstance(value, str):
            # Only fields whose default is a string (e.g. a remote's username) may be given empty.
            if value == "" and not isinstance(default, str):
                self.fail(key, "must not be empty")
            if value is not None and len(value) > MAX_TEXT_CHARS:
                self.fail(key, f"longer than {MAX_TEXT_CHARS} characters")
            return value
        self.fail(key, f"expected a string, got {_describe(value, key)}")

    @overload
    def integer(self, key: str, *, minimum: int = 0, maximum: int | None = None) -> int: ...
    @overload
    def integer(self, key: str, default: int, *, minimum: int = 0, maximum: int | None = None) -> int: ...
    @overload
    def integer(
        self, key: str, default: None, *, minimum: int = 0, maximum: int | None = None
    ) -> int | None: ...
    def integer(
        self,
        key: str,
        default: int | _Missing | None = _REQUIRED,
        *,
        minimum: int = 0,
        maximum: int | None = None,
    ) -> int | None:
        value = self._get(key, default)
        if value is None:
            return None
        # bool is an int subclass in Python, but `true` is never meant as a number in a scenario.
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, f"expected an integer, got {_describe(value, key)}")
        self._check_range(key, value, minimum, maximum)
        return value

    def number(
        self, key: str, default: float, *, minimum: float = 0.0, maximum: float | None = None
    ) -> float:
        value = self._get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self.fail(key, f"expected a number, got {_describe(value, key)}")
        self._check_range(key, value, minimum, maximum)
        return float(value)

    def _check_range(self, key: str, value: float, minimum: float, maximum: float | None) -> None:
        if value < minimum:
            self.fail(key, f"must be at least {minimum}, got {shown(value)}")
        if maximum is not None and value > maximum:
            self.fail(key, f"must be at most {maximum}, got {shown(value)}")

    def boolean(self, key: str, default: bool) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            self.fail(key, f"expected true or false, got {_describe(value, key)}")
        return value

    def moment(self, key: str, default: datetime, overflow: str) -> datetime:
        """An ISO-8601 date-time (or a YAML timestamp) in UTC; one without a zone is read as UTC, which
        is what a reader of the file would assume. `overflow` is the message for a zone offset that
        pushes the moment past year 9999 or before year 1."""
        value = self.raw(key)
        if value is None:
            return default
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                self.fail(key, f"{shown(value)} is not an ISO-8601 date-time")
        if not isinstance(value, datetime):
            self.fail(key, f"expected an ISO-8601 date-time, got {type(value).__name__}")
        try:
            return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        except OverflowError:
            self.fail(key, overflow)

    def choice(self, key: str, options: Sequence[str], default: str) -> str:
        return self._one_of(key, self._get(key, default), options)


def check_unique(fields: Fields, key: str, values: Sequence[object], attribute: str) -> None:
    """Fail on the first item of list `key` whose `attribute` repeats an earlier one (None never does)."""
    seen: set[object] = set()
    for index, value in enumerate(values):
        if value is None:
            continue
        if value in seen:
            quoted = "the same value" if is_secret(attribute) else shown(value)
            fields.fail(f"{key}[{index}].{attribute}", f"{quoted} is used twice")
        seen.add(value)
