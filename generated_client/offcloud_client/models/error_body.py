from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type

T = TypeVar("T", bound="ErrorBody")


@_attrs_define
class ErrorBody:
    """Every error the server reports, in both eras.

    Example:
        {'error': 'NOAUTH'}

    Attributes:
        error (str): The message. Seen from the real server: `NOAUTH`, `Please enter a valid email
            address.`, `The credentials entered are wrong.`, `Incorrect url`, `Bad archive`,
            `User not authorized`, `The file is not available on the server.`, `File will not
            be downloaded due to an error.`, `You have more than 100 ...`,
            `Missing required parameter: url`.
    """

    error: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("ErrorBody", src_dict, Mapping))
        error = check_type("ErrorBody.error", d.pop("error"), str)
        check_bounds("ErrorBody.error", error, minimum=1)

        error_body = cls(
            error=error,
        )

        error_body.additional_properties = d
        return error_body

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
