from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_type

if TYPE_CHECKING:
    from ..models.account_limits import AccountLimits


T = TypeVar("T", bound="AccountStats")


@_attrs_define
class AccountStats:
    """
    Example:
        {'userId': '53f89e52822c8bf413000008', 'email': 'demo@offcloud.test', 'isPremium': True, 'expirationDate':
            '31-12-2026', 'limits': {'links': 500, 'premium': 100, 'torrent': 100, 'streaming': 10, 'cloud': 1099511627776,
            'proxy': 107374182400}}

    Attributes:
        user_id (str): A MongoDB ObjectId, 24 lowercase hex characters. Example: 5f1b2c3d4e5f60718293a4b7.
        email (str):
        is_premium (bool):
        expiration_date (str): `DD-MM-YYYY`, or empty without premium.
        limits (AccountLimits): The account's limits; `cloud` and `proxy` are bytes. Example: {'links': 500, 'premium':
            100, 'torrent': 100, 'streaming': 10, 'cloud': 1099511627776, 'proxy': 107374182400}.
    """

    user_id: str
    email: str
    is_premium: bool
    expiration_date: str
    limits: AccountLimits
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        email = self.email

        is_premium = self.is_premium

        expiration_date = self.expiration_date

        limits = self.limits.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userId": user_id,
                "email": email,
                "isPremium": is_premium,
                "expirationDate": expiration_date,
                "limits": limits,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_limits import AccountLimits  # noqa: PLC0415

        d = dict(check_type("AccountStats", src_dict, Mapping))
        user_id = check_type("AccountStats.userId", d.pop("userId"), str)

        email = check_type("AccountStats.email", d.pop("email"), str)

        is_premium = check_type("AccountStats.isPremium", d.pop("isPremium"), bool)

        expiration_date = check_type("AccountStats.expirationDate", d.pop("expirationDate"), str)

        limits = AccountLimits.from_dict(check_type("AccountStats.limits", d.pop("limits"), dict))

        account_stats = cls(
            user_id=user_id,
            email=email,
            is_premium=is_premium,
            expiration_date=expiration_date,
            limits=limits,
        )

        account_stats.additional_properties = d
        return account_stats

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
