from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_type

if TYPE_CHECKING:
    from ..models.remote_download_status import RemoteDownloadStatus


T = TypeVar("T", bound="RemoteStatusList")


@_attrs_define
class RemoteStatusList:
    """The legacy answer to `requestIds`, one status per id, in the order asked.

    Example:
        {'requests': [{'requestId': '5f1b2c3d4e5f60718293a4b8', 'fileName': 'manual.pdf', 'status': 'downloaded',
            'amount': 104857600, 'fileSize': 104857600}]}

    Attributes:
        requests (list[RemoteDownloadStatus]):
    """

    requests: list[RemoteDownloadStatus]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        requests = []
        for requests_item_data in self.requests:
            requests_item = requests_item_data.to_dict()
            requests.append(requests_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requests": requests,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.remote_download_status import RemoteDownloadStatus  # noqa: PLC0415

        d = dict(check_type("RemoteStatusList", src_dict, Mapping))
        requests = []
        _requests = check_type("RemoteStatusList.requests", d.pop("requests"), list, items=dict)
        for requests_item_data in _requests:
            requests_item = RemoteDownloadStatus.from_dict(requests_item_data)

            requests.append(requests_item)

        remote_status_list = cls(
            requests=requests,
        )

        remote_status_list.additional_properties = d
        return remote_status_list

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
