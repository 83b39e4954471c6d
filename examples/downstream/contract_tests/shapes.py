"""What this project expects of an answer it reads (nothing to do with the kit)."""


def has_keys(answer: dict[str, object], *keys: str) -> bool:
    return all(key in answer for key in keys)
