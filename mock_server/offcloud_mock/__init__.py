"""A stateful mock of the Offcloud.com API: a plain-Python backend with the rules, and an HTTP layer."""

__all__: list[str] = []
