from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_type
from ..models.remote_download_state import RemoteDownloadState, check_remote_download_state
from ..types import UNSET, Unset

T = TypeVar("T", bound="HistoryItem")


@_attrs_define
class HistoryItem:
    """One download in a history list, both eras: legacy items carry `createdOn`, `server`,
    `isDirectory` and sometimes `fileSize`, `site`, `metaData`; site-root pages add `userId`;
    instant items `downloadLink`; 2026 items have no sizes.

        Example:
            {'requestId': '5f1b2c3d4e5f60718293a4b7', 'fileName': 'Open Movies', 'status': 'downloaded', 'originalLink':
                '0123456789abcdef0123456789abcdef01234567.torrent', 'createdOn': '2026-01-01T00:00:06.000Z'}

        Attributes:
            request_id (str): A MongoDB ObjectId, 24 lowercase hex characters. Example: 5f1b2c3d4e5f60718293a4b7.
            file_name (str):
            status (RemoteDownloadState): Like a cloud download's, with `uploading` while Offcloud copies to the remote
                account.
            original_link (str): The resolved link (a magnet with trackers added, or `<hash>.torrent`).
            created_on (datetime.datetime | Unset): When the request was processed, ISO-8601 in UTC. Example:
                2026-01-01T00:00:03.000Z.
            server (str | Unset):
            is_directory (bool | Unset):
            file_size (int | str | Unset): A number of bytes; the legacy server sometimes sent it as a string of digits.
                Example: 104857600.
            site (str | Unset):
            user_id (str | Unset): A MongoDB ObjectId, 24 lowercase hex characters. Example: 5f1b2c3d4e5f60718293a4b7.
            download_link (str | Unset): Instant items only.
            meta_data (str | Unset): GAIA reads it (e.g. `hide`).
    """

    request_id: str
    file_name: str
    status: RemoteDownloadState
    original_link: str
    created_on: datetime.datetime | Unset = UNSET
    server: str | Unset = UNSET
    is_directory: bool | Unset = UNSET
    file_size: int | str | Unset = UNSET
    site: str | Unset = UNSET
    user_id: str | Unset = UNSET
    download_link: str | Unset = UNSET
    meta_data: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id = self.request_id

        file_name = self.file_name

        status: str = self.status

        original_link = self.original_link

        created_on: str | Unset = UNSET
        if not isinstance(self.created_on, Unset):
            created_on = self.created_on.isoformat()

        server = self.server

        is_directory = self.is_directory

        file_size: int | str | Unset
        if isinstance(self.file_size, Unset):
            file_size = UNSET
        else:
            file_size = self.file_size

        site = self.site

        user_id = self.user_id

        download_link = self.download_link

        meta_data = self.meta_data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requestId": request_id,
                "fileName": file_name,
                "status": status,
                "originalLink": original_link,
            }
        )
        if created_on is not UNSET:
            field_dict["createdOn"] = created_on
        if server is not UNSET:
            field_dict["server"] = server
        if is_directory is not UNSET:
            field_dict["isDirectory"] = is_directory
        if file_size is not UNSET:
            field_dict["fileSize"] = file_size
        if site is not UNSET:
            field_dict["site"] = site
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if download_link is not UNSET:
            field_dict["downloadLink"] = download_link
        if meta_data is not UNSET:
            field_dict["metaData"] = meta_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("HistoryItem", src_dict, Mapping))
        request_id = check_type("HistoryItem.requestId", d.pop("requestId"), str)

        file_name = check_type("HistoryItem.fileName", d.pop("fileName"), str)

        status = check_remote_download_state(check_type("HistoryItem.status", d.pop("status"), str))

        original_link = check_type("HistoryItem.originalLink", d.pop("originalLink"), str)

        _created_on = check_type("HistoryItem.createdOn", d.pop("createdOn", UNSET), str)
        created_on: datetime.datetime | Unset
        if isinstance(_created_on, Unset):
            created_on = UNSET
        else:
            created_on = datetime.datetime.fromisoformat(_created_on)

        server = check_type("HistoryItem.server", d.pop("server", UNSET), str)

        is_directory = check_type("HistoryItem.isDirectory", d.pop("isDirectory", UNSET), bool)

        def _parse_file_size(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        file_size = _parse_file_size(check_type("HistoryItem.fileSize", d.pop("fileSize", UNSET), (int, str)))

        site = check_type("HistoryItem.site", d.pop("site", UNSET), str)

        user_id = check_type("HistoryItem.userId", d.pop("userId", UNSET), str)

        download_link = check_type("HistoryItem.downloadLink", d.pop("downloadLink", UNSET), str)

        meta_data = check_type("HistoryItem.metaData", d.pop("metaData", UNSET), str)

        history_item = cls(
            request_id=request_id,
            file_name=file_name,
            status=status,
            original_link=original_link,
            created_on=created_on,
            server=server,
            is_directory=is_directory,
            file_size=file_size,
            site=site,
            user_id=user_id,
            download_link=download_link,
            meta_data=meta_data,
        )

        history_item.additional_properties = d
        return history_item

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
