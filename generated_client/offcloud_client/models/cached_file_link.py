from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="CachedFileLink")


@_attrs_define
class CachedFileLink:
    """
    Example:
        {'filename': 'poster.jpg', 'url':
            'https://cdn.offcloud.test/obj/53f89e52822c8bf413000008/Open%20Movies/poster.jpg', 'size': 310380}

    Attributes:
        filename (str):
        url (str):
        size (int):
        folder (list[str] | Unset):
    """

    filename: str
    url: str
    size: int
    folder: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filename = self.filename

        url = self.url

        size = self.size

        folder: list[str] | Unset = UNSET
        if not isinstance(self.folder, Unset):
            folder = self.folder

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filename": filename,
                "url": url,
                "size": size,
            }
        )
        if folder is not UNSET:
            field_dict["folder"] = folder

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("CachedFileLink", src_dict, Mapping))
        filename = check_type("CachedFileLink.filename", d.pop("filename"), str)

        url = check_type("CachedFileLink.url", d.pop("url"), str)

        size = check_type("CachedFileLink.size", d.pop("size"), int)
        check_bounds("CachedFileLink.size", size, minimum=0)

        folder = cast(list[str], check_type("CachedFileLink.folder", d.pop("folder", UNSET), list, items=str))

        cached_file_link = cls(
            filename=filename,
            url=url,
            size=size,
            folder=folder,
        )

        cached_file_link.additional_properties = d
        return cached_file_link

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
