from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_const, check_type

T = TypeVar("T", bound="TorrentUploadResult")


@_attrs_define
class TorrentUploadResult:
    """
    Example:
        {'success': True, 'url':
            'https://offcloud.com/torrent/download/0123456789abcdef0123456789abcdef01234567.torrent', 'fileName': 'Open
            Movies'}

    Attributes:
        success (bool):
        url (str): What to add with `addCloudDownload`.
        file_name (str):
    """

    success: bool
    url: str
    file_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        url = self.url

        file_name = self.file_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "url": url,
                "fileName": file_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("TorrentUploadResult", src_dict, Mapping))
        success = check_type("TorrentUploadResult.success", d.pop("success"), bool)
        check_const("TorrentUploadResult.success", success, True)

        url = check_type("TorrentUploadResult.url", d.pop("url"), str)

        file_name = check_type("TorrentUploadResult.fileName", d.pop("fileName"), str)

        torrent_upload_result = cls(
            success=success,
            url=url,
            file_name=file_name,
        )

        torrent_upload_result.additional_properties = d
        return torrent_upload_result

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
