from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="CacheInfoForm")


@_attrs_define
class CacheInfoForm:
    """
    Example:
        {'urls': ['magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567'], 'includeFiles': True}

    Attributes:
        urls (list[str]): Magnet links; bare info hashes are accepted and answer `cached` false.
        include_files (bool | Unset):  Default: False.
    """

    urls: list[str]
    include_files: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        urls = self.urls

        include_files = self.include_files

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "urls": urls,
            }
        )
        if include_files is not UNSET:
            field_dict["includeFiles"] = include_files

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("CacheInfoForm", src_dict, Mapping))
        urls = cast(list[str], check_type("CacheInfoForm.urls", d.pop("urls"), list, items=str))

        check_bounds("CacheInfoForm.urls", urls, minimum=1, maximum=1000)

        include_files = check_type("CacheInfoForm.includeFiles", d.pop("includeFiles", UNSET), bool)

        cache_info_form = cls(
            urls=urls,
            include_files=include_files,
        )

        cache_info_form.additional_properties = d
        return cache_info_form

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
