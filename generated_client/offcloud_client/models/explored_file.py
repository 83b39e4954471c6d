from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExploredFile")


@_attrs_define
class ExploredFile:
    """
    Example:
        {'id': '5f1b2c3d4e5f60718293a4b7-0', 'name': 'Open Movies - Part 1.mkv', 'size': 367001600, 'path': 'Open
            Movies/Open Movies - Part 1.mkv', 'url': 'https://cdn.offcloud.test/obj/53f89e52822c8bf413000008/5f1b2c3d4e5f607
            18293a4b7/Open%20Movies%20-%20Part%201.mkv'}

    Attributes:
        size (int):
        path (str): Starts with the download's root folder, e.g. `Open Movies/Part 1.mkv`.
        url (str):
        id (str | Unset): Our choice: the requestId and the index of the file, `<requestId>-0`.
        name (str | Unset):
    """

    size: int
    path: str
    url: str
    id: str | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        size = self.size

        path = self.path

        url = self.url

        id = self.id

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "size": size,
                "path": path,
                "url": url,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("ExploredFile", src_dict, Mapping))
        size = check_type("ExploredFile.size", d.pop("size"), int)
        check_bounds("ExploredFile.size", size, minimum=0)

        path = check_type("ExploredFile.path", d.pop("path"), str)

        url = check_type("ExploredFile.url", d.pop("url"), str)

        id = check_type("ExploredFile.id", d.pop("id", UNSET), str)

        name = check_type("ExploredFile.name", d.pop("name", UNSET), str)

        explored_file = cls(
            size=size,
            path=path,
            url=url,
            id=id,
            name=name,
        )

        explored_file.additional_properties = d
        return explored_file

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
