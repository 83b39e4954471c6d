"""An answer's fields against the model's prediction, as both state machines compare them."""

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["fields_problem", "items_problem", "numbers"]


def numbers(fields: dict[str, Any], *names: str) -> dict[str, Any]:
    """The legacy server may send some numbers as strings of digits (the spec allows both)."""
    for name in names:
        if isinstance(fields.get(name), str) and fields[name].isdigit():
            fields[name] = int(fields[name])
    return fields


def fields_problem(predicted: Mapping[str, object], answered: Mapping[str, object]) -> str | None:
    """Every field where the answer differs from the prediction (None in the prediction: absent)."""
    wrong = [
        f"{name}: the model expects {'no field' if predicted.get(name) is None else repr(predicted.get(name))}, "
        f"answered {'no field' if name not in answered else repr(answered[name])}"
        for name in sorted(set(predicted) | set(answered))
        if predicted.get(name) != answered.get(name)
    ]
    return "; ".join(wrong) or None


def items_problem(
    predicted: Sequence[Mapping[str, object]],
    answered: Sequence[Mapping[str, object]],
    names: Sequence[str] = (),
) -> str | None:
    """Where a list of objects differs from the prediction: the count, else every field of each item
    that differs (item i, or `names[i]` where given)."""
    if len(predicted) != len(answered):
        return f"{len(answered)} items answered, the model expects {len(predicted)}"
    wrong = [
        f"{names[index] if index < len(names) else f'item {index}'}: {problem}"
        for index, (expected, got) in enumerate(zip(predicted, answered, strict=True))
        if (problem := fields_problem(expected, got)) is not None
    ]
    return "; ".join(wrong) or None
