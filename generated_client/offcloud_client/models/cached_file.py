from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type

T = TypeVar("T", bound="CachedFile")


@_attrs_define
class CachedFile:
    """
    Example:
        {'folder': ['Open Movies'], 'filename': 'poster.jpg', 'size': 310380}

    Attributes:
        folder (list[str]): Path segments from the torrent's root folder; empty at the root.
        filename (str):
        size (int):
    """

    folder: list[str]
    filename: str
    size: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        folder = self.folder

        filename = self.filename

        size = self.size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "folder": folder,
                "filename": filename,
                "size": size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("CachedFile", src_dict, Mapping))
        folder = cast(list[str], check_type("CachedFile.folder", d.pop("folder"), list, items=str))

        filename = check_type("CachedFile.filename", d.pop("filename"), str)

        size = check_type("CachedFile.size", d.pop("size"), int)
        check_bounds("CachedFile.size", size, minimum=0)

        cached_file = cls(
            folder=folder,
            filename=filename,
            size=size,
        )

        cached_file.additional_properties = d
        return cached_file

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
