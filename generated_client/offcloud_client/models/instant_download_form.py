from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="InstantDownloadForm")


@_attrs_define
class InstantDownloadForm:
    """
    Example:
        {'url': 'https://files.example.com/videos/big-buck-bunny.mp4', 'proxyId': ''}

    Attributes:
        url (str): An http(s) link to a file hosted somewhere. Example: https://files.example.com/docs/manual.pdf.
        proxy_id (str | Unset): The proxy to use (an `id` from `listProxies`); empty or absent means the user's default.
    """

    url: str
    proxy_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        proxy_id = self.proxy_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
            }
        )
        if proxy_id is not UNSET:
            field_dict["proxyId"] = proxy_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("InstantDownloadForm", src_dict, Mapping))
        url = check_type("InstantDownloadForm.url", d.pop("url"), str)

        proxy_id = check_type("InstantDownloadForm.proxyId", d.pop("proxyId", UNSET), str)
        check_bounds("InstantDownloadForm.proxyId", proxy_id, maximum=64)

        instant_download_form = cls(
            url=url,
            proxy_id=proxy_id,
        )

        instant_download_form.additional_properties = d
        return instant_download_form

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
