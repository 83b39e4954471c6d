from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_type

if TYPE_CHECKING:
    from ..models.explored_file import ExploredFile


T = TypeVar("T", bound="DetailedExploreResult")


@_attrs_define
class DetailedExploreResult:
    """The 2026 `format=detailed` answer.

    Example:
        {'files': [{'id': '5f1b2c3d4e5f60718293a4b7-0', 'name': 'Open Movies - Part 1.mkv', 'size': 367001600, 'path':
            'Open Movies/Open Movies - Part 1.mkv', 'url': 'https://cdn.offcloud.test/obj/53f89e52822c8bf413000008/5f1b2c3d4
            e5f60718293a4b7/Open%20Movies%20-%20Part%201.mkv'}]}

    Attributes:
        files (list[ExploredFile]):
    """

    files: list[ExploredFile]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        files = []
        for files_item_data in self.files:
            files_item = files_item_data.to_dict()
            files.append(files_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "files": files,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.explored_file import ExploredFile  # noqa: PLC0415

        d = dict(check_type("DetailedExploreResult", src_dict, Mapping))
        files = []
        _files = check_type("DetailedExploreResult.files", d.pop("files"), list, items=dict)
        for files_item_data in _files:
            files_item = ExploredFile.from_dict(files_item_data)

            files.append(files_item)

        detailed_explore_result = cls(
            files=files,
        )

        detailed_explore_result.additional_properties = d
        return detailed_explore_result

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
