from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeviceCode")


@_attrs_define
class DeviceCode:
    """
    Example:
        {'device_code': '5c1b9e8a7d6f4e3b2a190817263544536271809a', 'user_code': 'ABCD-EFGH', 'verification_uri':
            'https://offcloud.com/activate', 'verification_uri_complete': 'https://offcloud.com/activate?code=ABCD-EFGH',
            'expires_in': 600, 'interval': 5}

    Attributes:
        device_code (str):
        user_code (str):
        verification_uri (str):
        expires_in (int): Seconds the codes stay valid.
        interval (int): Seconds to wait between two polls.
        verification_uri_complete (str | Unset):
    """

    device_code: str
    user_code: str
    verification_uri: str
    expires_in: int
    interval: int
    verification_uri_complete: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        device_code = self.device_code

        user_code = self.user_code

        verification_uri = self.verification_uri

        expires_in = self.expires_in

        interval = self.interval

        verification_uri_complete = self.verification_uri_complete

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "device_code": device_code,
                "user_code": user_code,
                "verification_uri": verification_uri,
                "expires_in": expires_in,
                "interval": interval,
            }
        )
        if verification_uri_complete is not UNSET:
            field_dict["verification_uri_complete"] = verification_uri_complete

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("DeviceCode", src_dict, Mapping))
        device_code = check_type("DeviceCode.device_code", d.pop("device_code"), str)
        check_bounds("DeviceCode.device_code", device_code, minimum=1)

        user_code = check_type("DeviceCode.user_code", d.pop("user_code"), str)
        check_bounds("DeviceCode.user_code", user_code, minimum=1)

        verification_uri = check_type("DeviceCode.verification_uri", d.pop("verification_uri"), str)

        expires_in = check_type("DeviceCode.expires_in", d.pop("expires_in"), int)
        check_bounds("DeviceCode.expires_in", expires_in, minimum=1)

        interval = check_type("DeviceCode.interval", d.pop("interval"), int)
        check_bounds("DeviceCode.interval", interval, minimum=1)

        verification_uri_complete = check_type(
            "DeviceCode.verification_uri_complete", d.pop("verification_uri_complete", UNSET), str
        )

        device_code = cls(
            device_code=device_code,
            user_code=user_code,
            verification_uri=verification_uri,
            expires_in=expires_in,
            interval=interval,
            verification_uri_complete=verification_uri_complete,
        )

        device_code.additional_properties = d
        return device_code

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
