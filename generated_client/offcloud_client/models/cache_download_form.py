from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_type

T = TypeVar("T", bound="CacheDownloadForm")


@_attrs_define
class CacheDownloadForm:
    """
    Example:
        {'url': 'magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567'}

    Attributes:
        url (str): An http(s) link (a file or a `.torrent`), or a magnet link with a 40-hex info hash. Example:
            magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=Open+Movies.
    """

    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("CacheDownloadForm", src_dict, Mapping))
        url = check_type("CacheDownloadForm.url", d.pop("url"), str)

        cache_download_form = cls(
            url=url,
        )

        cache_download_form.additional_properties = d
        return cache_download_form

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
