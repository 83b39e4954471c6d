"""Where the mock builds each operation's answer: its route handler and the era presenter methods it calls.

Read from the mock's source, not imported (the drift tools reach the mock only through its public
entry points): a handler is the function of `http/routes/` whose route decorator names the operation
(`endpoint="getCloudStatus"`); it builds its answer by calling the playing era (`era().status(...)`),
directly or through a helper of the routes; an era's method may hand part of the answer to another
(`self.status_body(...)`), which the era's class or the shared `ServerEra` defines. So the answer of
`getCloudStatus` in 2026 is `ServerEra.status` in `presenters/base.py`, whose object
`Era2026.status_body` in `presenters/era2026.py` builds.
"""

import ast
import functools
from dataclasses import dataclass
from pathlib import Path

import offcloud_mock.spec

__all__ = ["Builders", "MockMap", "mock_map"]

_PACKAGE = Path(offcloud_mock.spec.__file__).resolve().parent
_ROUTES = _PACKAGE / "http" / "routes"
_PRESENTERS = _PACKAGE / "http" / "presenters"
_BASE_CLASS = "ServerEra"
_NOT_SERVED = "_not_served"  # what an era's method calls for an answer the era does not give


@dataclass(frozen=True, slots=True)
class Place:
    file: str  # as in the repository: mock_server/offcloud_mock/http/presenters/era2026.py
    name: str  # Era2026.status_body, or a handler's function name

    def __str__(self) -> str:
        return f"{self.file} {self.name}"


@dataclass(frozen=True, slots=True)
class Builders:
    handler: Place | None  # None: no route of the mock names the operation
    presenters: tuple[Place, ...]  # in the order the answer is built, outermost first


@dataclass(slots=True)
class _Function:
    file: str
    era_calls: list[str]  # era().X(...) / self.X(...)
    calls: list[str]  # plain f(...) calls, to follow through helpers


def _shown(path: Path) -> str:
    try:
        return path.relative_to(_PACKAGE.parents[1]).as_posix()
    except ValueError:
        return path.as_posix()


def _endpoints(function: ast.FunctionDef) -> list[str]:
    names = []
    for decorator in function.decorator_list:
        if isinstance(decorator, ast.Call):
            for keyword in decorator.keywords:
                if keyword.arg == "endpoint" and isinstance(keyword.value, ast.Constant):
                    names.append(str(keyword.value.value))
    return names


def _calls(function: ast.FunctionDef, receiver: str) -> tuple[list[str], list[str]]:
    """Methods called on `receiver` (`era()` or `self`, or `ServerEra.X(self, ...)`), and plain calls."""
    methods: list[str] = []
    plain: list[str] = []
    # `now = era()` then `now.status(...)`: names bound to the era count as the era.
    aliases = {
        target.id
        for node in ast.walk(function)
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Name)
        and node.value.func.id == "era"
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name):
            plain.append(func.id)
        elif isinstance(func, ast.Attribute):
            target = func.value
            by_era = (
                isinstance(target, ast.Call) and isinstance(target.func, ast.Name) and target.func.id == "era"
            ) or (isinstance(target, ast.Name) and target.id in aliases)
            by_self = isinstance(target, ast.Name) and target.id in (receiver, _BASE_CLASS)
            ours = (receiver == "era" and by_era) or (receiver == "self" and by_self)
            if ours and func.attr not in methods:
                methods.append(func.attr)
    return methods, plain


class MockMap:
    def __init__(self, routes: Path = _ROUTES, presenters: Path = _PRESENTERS) -> None:
        self.functions: dict[str, _Function] = {}
        self.handlers: dict[str, str] = {}  # operationId -> function name
        for path in sorted(routes.glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in tree.body:
                if isinstance(node, ast.FunctionDef):
                    methods, plain = _calls(node, "era")
                    self.functions[node.name] = _Function(_shown(path), methods, plain)
                    for endpoint in _endpoints(node):
                        self.handlers[endpoint] = node.name
        # class -> (file, its bases, method -> methods it calls on self); era name -> class
        self.classes: dict[str, tuple[str, list[str], dict[str, list[str]]]] = {}
        self.era_classes: dict[str, str] = {}
        for path in sorted(presenters.glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in tree.body:
                if isinstance(node, ast.ClassDef):
                    self._read_class(node, _shown(path))

    def _read_class(self, node: ast.ClassDef, file: str) -> None:
        bases = [base.id for base in node.bases if isinstance(base, ast.Name)]
        methods: dict[str, list[str]] = {}
        for item in node.body:
            if isinstance(item, ast.FunctionDef):
                methods[item.name] = _calls(item, "self")[0]
            elif (
                isinstance(item, ast.AnnAssign)
                and isinstance(item.target, ast.Name)
                and item.target.id == "name"
                and isinstance(item.value, ast.Constant)
            ):
                self.era_classes[str(item.value.value)] = node.name
        self.classes[node.name] = (file, bases, methods)

    def _defining(self, class_name: str, method: str) -> str | None:
        """The class that defines `method` for an instance of `class_name` (its own, else a base's)."""
        seen: set[str] = set()
        todo = [class_name]
        while todo:
            current = todo.pop(0)
            if current in seen or current not in self.classes:
                continue
            seen.add(current)
            _, bases, methods = self.classes[current]
            if method in methods:
                return current
            todo += bases
        return None

    def _handler_methods(self, function: str) -> list[str]:
        """The era methods a handler calls, itself or through the routes' helpers it calls."""
        found: list[str] = []
        seen: set[str] = set()
        todo = [function]
        while todo:
            name = todo.pop(0)
            if name in seen or name not in self.functions:
                continue
            seen.add(name)
            found += [m for m in self.functions[name].era_calls if m not in found]
            todo += self.functions[name].calls
        return found

    def builders(self, operation: str, era: str) -> Builders:
        function = self.handlers.get(operation)
        if function is None:
            return Builders(None, ())
        handler = Place(self.functions[function].file, function)
        era_class = self.era_classes.get(era)
        if era_class is None:
            return Builders(handler, ())
        places: list[Place] = []
        todo = list(self._handler_methods(function))
        done: set[str] = set()
        while todo:
            method = todo.pop(0)
            if method in done:
                continue
            done.add(method)
            owner = self._defining(era_class, method)
            if owner is None or method.startswith("_"):  # a class attribute, or a helper
                continue
            file, _, methods = self.classes[owner]
            if _NOT_SERVED in methods[method]:  # the era does not serve this answer
                continue
            places.append(Place(file, f"{owner}.{method}"))
            todo += methods[method]
        return Builders(handler, tuple(places))


@functools.cache
def mock_map() -> MockMap:
    return MockMap()
