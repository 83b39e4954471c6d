"""The mock's single source of randomness: same seed and same calls give the same ids."""

import random
from collections.abc import Sequence

__all__ = ["SeededIds"]


class SeededIds:
    """Ids shaped like the real server's, drawn from one `random.Random(seed)`.

    Not thread-safe on its own: the backend calls it under its lock, which also keeps the order of draws
    (and so the ids) deterministic for a given order of calls.
    """

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def object_id(self) -> str:
        """24 lowercase hex characters, the look of a MongoDB ObjectId (requestId, userId)."""
        return f"{self._random.getrandbits(96):024x}"

    def session_id(self) -> str:
        """32 lowercase hex characters for a login session cookie."""
        return f"{self._random.getrandbits(128):032x}"

    def choice(self, options: Sequence[str]) -> str:
        return self._random.choice(options)
