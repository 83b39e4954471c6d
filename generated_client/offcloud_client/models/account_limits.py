from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountLimits")


@_attrs_define
class AccountLimits:
    """The account's limits; `cloud` and `proxy` are bytes.

    Example:
        {'links': 500, 'premium': 100, 'torrent': 100, 'streaming': 10, 'cloud': 1099511627776, 'proxy': 107374182400}

    Attributes:
        links (int | Unset):
        premium (int | Unset):
        torrent (int | Unset):
        streaming (int | Unset):
        cloud (int | Unset):
        proxy (int | Unset):
    """

    links: int | Unset = UNSET
    premium: int | Unset = UNSET
    torrent: int | Unset = UNSET
    streaming: int | Unset = UNSET
    cloud: int | Unset = UNSET
    proxy: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        links = self.links

        premium = self.premium

        torrent = self.torrent

        streaming = self.streaming

        cloud = self.cloud

        proxy = self.proxy

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if links is not UNSET:
            field_dict["links"] = links
        if premium is not UNSET:
            field_dict["premium"] = premium
        if torrent is not UNSET:
            field_dict["torrent"] = torrent
        if streaming is not UNSET:
            field_dict["streaming"] = streaming
        if cloud is not UNSET:
            field_dict["cloud"] = cloud
        if proxy is not UNSET:
            field_dict["proxy"] = proxy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("AccountLimits", src_dict, Mapping))
        links = check_type("AccountLimits.links", d.pop("links", UNSET), int)
        check_bounds("AccountLimits.links", links, minimum=0)

        premium = check_type("AccountLimits.premium", d.pop("premium", UNSET), int)
        check_bounds("AccountLimits.premium", premium, minimum=0)

        torrent = check_type("AccountLimits.torrent", d.pop("torrent", UNSET), int)
        check_bounds("AccountLimits.torrent", torrent, minimum=0)

        streaming = check_type("AccountLimits.streaming", d.pop("streaming", UNSET), int)
        check_bounds("AccountLimits.streaming", streaming, minimum=0)

        cloud = check_type("AccountLimits.cloud", d.pop("cloud", UNSET), int)
        check_bounds("AccountLimits.cloud", cloud, minimum=0)

        proxy = check_type("AccountLimits.proxy", d.pop("proxy", UNSET), int)
        check_bounds("AccountLimits.proxy", proxy, minimum=0)

        account_limits = cls(
            links=links,
            premium=premium,
            torrent=torrent,
            streaming=streaming,
            cloud=cloud,
            proxy=proxy,
        )

        account_limits.additional_properties = d
        return account_limits

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
