"""The whole text of a failure: message, notes, and those of every exception inside an exception group."""

__all__ = ["failure_text"]


def failure_text(error: BaseException) -> str:
    parts = [str(error), *getattr(error, "__notes__", [])]
    if isinstance(error, BaseExceptionGroup):
        parts += [failure_text(inner) for inner in error.exceptions]
    return "\n".join(parts)
