from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_type
from ..models.cloud_download_state import CloudDownloadState, check_cloud_download_state

T = TypeVar("T", bound="CloudDownload")


@_attrs_define
class CloudDownload:
    """
    Example:
        {'requestId': '5f1b2c3d4e5f60718293a4b6', 'fileName': 'manual.pdf', 'site': 'Example', 'status': 'created',
            'originalLink': 'https://files.example.com/docs/manual.pdf', 'url':
            'https://de-3.offcloud.com/cloud/download/5f1b2c3d4e5f60718293a4b6', 'createdOn': '2026-01-01T00:00:05.000Z'}

    Attributes:
        request_id (str): A MongoDB ObjectId, 24 lowercase hex characters. Example: 5f1b2c3d4e5f60718293a4b7.
        file_name (str):
        site (str): The host's display name; `BitTorrent` for magnets.
        status (CloudDownloadState): `processing` is Offcloud unpacking an archive; `canceled` is set by the user on the
            web site.
        original_link (str):
        url (str): `https://{server}.offcloud.com/cloud/download/{requestId}`, without the file name.
        created_on (datetime.datetime): When the request was processed, ISO-8601 in UTC. Example:
            2026-01-01T00:00:03.000Z.
    """

    request_id: str
    file_name: str
    site: str
    status: CloudDownloadState
    original_link: str
    url: str
    created_on: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id = self.request_id

        file_name = self.file_name

        site = self.site

        status: str = self.status

        original_link = self.original_link

        url = self.url

        created_on = self.created_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requestId": request_id,
                "fileName": file_name,
                "site": site,
                "status": status,
                "originalLink": original_link,
                "url": url,
                "createdOn": created_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("CloudDownload", src_dict, Mapping))
        request_id = check_type("CloudDownload.requestId", d.pop("requestId"), str)

        file_name = check_type("CloudDownload.fileName", d.pop("fileName"), str)

        site = check_type("CloudDownload.site", d.pop("site"), str)

        status = check_cloud_download_state(check_type("CloudDownload.status", d.pop("status"), str))

        original_link = check_type("CloudDownload.originalLink", d.pop("originalLink"), str)

        url = check_type("CloudDownload.url", d.pop("url"), str)

        created_on = datetime.datetime.fromisoformat(check_type("CloudDownload.createdOn", d.pop("createdOn"), str))

        cloud_download = cls(
            request_id=request_id,
            file_name=file_name,
            site=site,
            status=status,
            original_link=original_link,
            url=url,
            created_on=created_on,
        )

        cloud_download.additional_properties = d
        return cloud_download

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
