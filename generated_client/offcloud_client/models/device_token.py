from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type

T = TypeVar("T", bound="DeviceToken")


@_attrs_define
class DeviceToken:
    """
    Example:
        {'access_token': 'oc-token-0123456789abcdef0123', 'token_type': 'Bearer'}

    Attributes:
        access_token (str): Used exactly as the account's API key (Bearer or `?key=`).
        token_type (str): `Bearer`.
    """

    access_token: str
    token_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        token_type = self.token_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "token_type": token_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("DeviceToken", src_dict, Mapping))
        access_token = check_type("DeviceToken.access_token", d.pop("access_token"), str)
        check_bounds("DeviceToken.access_token", access_token, minimum=1)

        token_type = check_type("DeviceToken.token_type", d.pop("token_type"), str)

        device_token = cls(
            access_token=access_token,
            token_type=token_type,
        )

        device_token.additional_properties = d
        return device_token

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
