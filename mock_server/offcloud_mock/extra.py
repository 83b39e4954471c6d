"""What the `[mock]` extra brings that the mock imports, and which of it is missing here.

The standard library only: the CLI and the pytest plugin ask this before importing the mock, so that an
install without the extra (`pip install offcloud-kit`, the client alone) is told what to install
instead of ending in `ModuleNotFoundError: No module named 'flask'`.
"""

import importlib.util

__all__ = ["INSTALL_MOCK", "MOCK_EXTRA_MODULES", "missing_mock_modules"]

INSTALL_MOCK = "pip install 'offcloud-kit[mock]'"
# The modules of the `[mock]` extra's packages that the mock and the drift tools import (granian, the
# CLI's default server, is asked for separately: `--server waitress` runs without it).
MOCK_EXTRA_MODULES = (
    "flask",
    "waitress",
    "flask_swagger_ui",
    "yaml",
    "jsonschema_rs",
    "jsonref",
)


def missing_mock_modules() -> list[str]:
    """The modules of the `[mock]` extra that cannot be imported here, in MOCK_EXTRA_MODULES' order."""
    return [name for name in MOCK_EXTRA_MODULES if importlib.util.find_spec(name) is None]
