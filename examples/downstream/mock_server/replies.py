"""Canned replies of some other service this project fakes in its tests (nothing to do with the kit)."""

WEATHER = {"city": "Lyon", "celsius": 21}


def reply(path: str) -> dict[str, object]:
    """The canned reply of `path`; an error reply for anything else."""
    return dict(WEATHER) if path == "/weather" else {"error": f"no reply for {path}"}
