from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_type

if TYPE_CHECKING:
    from ..models.cloud_download_status import CloudDownloadStatus


T = TypeVar("T", bound="CloudStatusResult")


@_attrs_define
class CloudStatusResult:
    """The real server's wrapper around the status.

    Example:
        {'status': {'requestId': '5f1b2c3d4e5f60718293a4b6', 'fileName': 'manual.pdf', 'status': 'queued', 'amount': 0,
            'fileSize': 104857600, 'server': 'de-3'}}

    Attributes:
        status (CloudDownloadStatus): Either era's status object. Legacy: `amount` and `fileSize` always, the rest as
            they
            apply. 2026: `progress` and `message` always (null when finished), no legacy field.
             Example: {'requestId': '5f1b2c3d4e5f60718293a4b6', 'fileName': 'manual.pdf', 'status': 'downloading', 'amount':
            52428800, 'fileSize': 104857600, 'server': 'de-3', 'downloadingSpeed': 10485760, 'downloadingTime': 5000}.
    """

    status: CloudDownloadStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cloud_download_status import CloudDownloadStatus  # noqa: PLC0415

        d = dict(check_type("CloudStatusResult", src_dict, Mapping))
        status = CloudDownloadStatus.from_dict(check_type("CloudStatusResult.status", d.pop("status"), dict))

        cloud_status_result = cls(
            status=status,
        )

        cloud_status_result.additional_properties = d
        return cloud_status_result

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
