from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountInfo")


@_attrs_define
class AccountInfo:
    """
    Example:
        {'user_id': '53f89e52822c8bf413000008', 'email': 'demo@offcloud.test', 'is_premium': True, 'expiration_date':
            '2026-12-31', 'can_download': True}

    Attributes:
        user_id (str):
        is_premium (bool):
        can_download (bool):
        email (str | Unset):
        expiration_date (str | Unset): `YYYY-MM-DD`; may be absent.
    """

    user_id: str
    is_premium: bool
    can_download: bool
    email: str | Unset = UNSET
    expiration_date: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        is_premium = self.is_premium

        can_download = self.can_download

        email = self.email

        expiration_date = self.expiration_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "is_premium": is_premium,
                "can_download": can_download,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if expiration_date is not UNSET:
            field_dict["expiration_date"] = expiration_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("AccountInfo", src_dict, Mapping))
        user_id = check_type("AccountInfo.user_id", d.pop("user_id"), str)
        check_bounds("AccountInfo.user_id", user_id, minimum=1)

        is_premium = check_type("AccountInfo.is_premium", d.pop("is_premium"), bool)

        can_download = check_type("AccountInfo.can_download", d.pop("can_download"), bool)

        email = check_type("AccountInfo.email", d.pop("email", UNSET), str)

        expiration_date = check_type("AccountInfo.expiration_date", d.pop("expiration_date", UNSET), str)

        account_info = cls(
            user_id=user_id,
            is_premium=is_premium,
            can_download=can_download,
            email=email,
            expiration_date=expiration_date,
        )

        account_info.additional_properties = d
        return account_info

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
