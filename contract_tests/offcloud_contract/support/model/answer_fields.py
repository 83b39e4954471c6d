"""An answer's fields against the model's prediction, as both state machines compare them."""

from collections.abc import Mapping
from typing import Any

__all__ = ["fields_problem", "numbers"]


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
