from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_type
from ..models.instant_download_state import InstantDownloadState, check_instant_download_state

T = TypeVar("T", bound="InstantDownload")


@_attrs_define
class InstantDownload:
    """
    Example:
        {'requestId': '5f1b2c3d4e5f60718293a4b5', 'fileName': 'big-buck-bunny.mp4', 'url':
            'https://fr-1.offcloud.com/instant/download/5f1b2c3d4e5f60718293a4b5/big-buck-bunny.mp4', 'site': 'Example',
            'status': 'created', 'originalLink': 'https://files.example.com/videos/big-buck-bunny.mp4', 'createdOn':
            '2026-01-01T00:00:03.000Z'}

    Attributes:
        request_id (str): A MongoDB ObjectId, 24 lowercase hex characters. Example: 5f1b2c3d4e5f60718293a4b7.
        file_name (str):
        url (str): The link to download the file from Offcloud.
        site (str): The host's display name.
        status (InstantDownloadState): Instant requests are always `created`.
        original_link (str):
        created_on (datetime.datetime): When the request was processed, ISO-8601 in UTC. Example:
            2026-01-01T00:00:03.000Z.
    """

    request_id: str
    file_name: str
    url: str
    site: str
    status: InstantDownloadState
    original_link: str
    created_on: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id = self.request_id

        file_name = self.file_name

        url = self.url

        site = self.site

        status: str = self.status

        original_link = self.original_link

        created_on = self.created_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requestId": request_id,
                "fileName": file_name,
                "url": url,
                "site": site,
                "status": status,
                "originalLink": original_link,
                "createdOn": created_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("InstantDownload", src_dict, Mapping))
        request_id = check_type("InstantDownload.requestId", d.pop("requestId"), str)

        file_name = check_type("InstantDownload.fileName", d.pop("fileName"), str)

        url = check_type("InstantDownload.url", d.pop("url"), str)

        site = check_type("InstantDownload.site", d.pop("site"), str)

        status = check_instant_download_state(check_type("InstantDownload.status", d.pop("status"), str))

        original_link = check_type("InstantDownload.originalLink", d.pop("originalLink"), str)

        created_on = datetime.datetime.fromisoformat(check_type("InstantDownload.createdOn", d.pop("createdOn"), str))

        instant_download = cls(
            request_id=request_id,
            file_name=file_name,
            url=url,
            site=site,
            status=status,
            original_link=original_link,
            created_on=created_on,
        )

        instant_download.additional_properties = d
        return instant_download

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
