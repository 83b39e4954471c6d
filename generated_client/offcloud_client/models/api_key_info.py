from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type

T = TypeVar("T", bound="ApiKeyInfo")


@_attrs_define
class ApiKeyInfo:
    """
    Example:
        {'email': 'demo@offcloud.test', 'apiKey': 'VHK7OoGO57kH1JOO9VlNo8AdRVF0qLD8'}

    Attributes:
        email (str):
        api_key (str):
    """

    email: str
    api_key: str = _attrs_field(repr=False)
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        api_key = self.api_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "apiKey": api_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("ApiKeyInfo", src_dict, Mapping))
        email = check_type("ApiKeyInfo.email", d.pop("email"), str)

        api_key = check_type("ApiKeyInfo.apiKey", d.pop("apiKey"), str)
        check_bounds("ApiKeyInfo.apiKey", api_key, minimum=1)

        api_key_info = cls(
            email=email,
            api_key=api_key,
        )

        api_key_info.additional_properties = d
        return api_key_info

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
