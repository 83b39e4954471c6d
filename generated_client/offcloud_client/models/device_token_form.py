from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type

T = TypeVar("T", bound="DeviceTokenForm")


@_attrs_define
class DeviceTokenForm:
    """Our choice (RFC 6749 §5.2): a body without both fields, or not a JSON object, is
    `invalid_request`; another `grant_type` is `unsupported_grant_type`.

        Example:
            {'grant_type': 'urn:ietf:params:oauth:grant-type:device_code', 'device_code':
                '5c1b9e8a7d6f4e3b2a190817263544536271809a'}

        Attributes:
            grant_type (Literal['urn:ietf:params:oauth:grant-type:device_code']):
            device_code (str):
    """

    grant_type: Literal["urn:ietf:params:oauth:grant-type:device_code"]
    device_code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type

        device_code = self.device_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant_type": grant_type,
                "device_code": device_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("DeviceTokenForm", src_dict, Mapping))
        grant_type = cast(
            Literal["urn:ietf:params:oauth:grant-type:device_code"],
            check_type("DeviceTokenForm.grant_type", d.pop("grant_type"), str),
        )
        if grant_type != "urn:ietf:params:oauth:grant-type:device_code":
            raise ValueError(
                f"grant_type must match const 'urn:ietf:params:oauth:grant-type:device_code', got '{grant_type}'"
            )

        device_code = check_type("DeviceTokenForm.device_code", d.pop("device_code"), str)
        check_bounds("DeviceTokenForm.device_code", device_code, minimum=1)

        device_token_form = cls(
            grant_type=grant_type,
            device_code=device_code,
        )

        device_token_form.additional_properties = d
        return device_token_form

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
