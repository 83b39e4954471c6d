from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type
from ..models.cloud_download_state import CloudDownloadState, check_cloud_download_state
from ..types import UNSET, Unset

T = TypeVar("T", bound="CloudDownloadStatus")


@_attrs_define
class CloudDownloadStatus:
    """Either era's status object. Legacy: `amount` and `fileSize` always, the rest as they
    apply. 2026: `progress` and `message` always (null when finished), no legacy field.

        Example:
            {'requestId': '5f1b2c3d4e5f60718293a4b6', 'fileName': 'manual.pdf', 'status': 'downloading', 'amount': 52428800,
                'fileSize': 104857600, 'server': 'de-3', 'downloadingSpeed': 10485760, 'downloadingTime': 5000}

        Attributes:
            request_id (str): A MongoDB ObjectId, 24 lowercase hex characters. Example: 5f1b2c3d4e5f60718293a4b7.
            file_name (str):
            status (CloudDownloadState): `processing` is Offcloud unpacking an archive; `canceled` is set by the user on the
                web site.
            amount (int | Unset): Bytes done (legacy).
            file_size (int | str | Unset): A number of bytes; the legacy server sometimes sent it as a string of digits.
                Example: 104857600.
            progress (float | None | Unset): 2026: the share done, a fraction from 0 to 1 that only grows; null when
                finished.
                (RU multiplies it by 100; HA also accepts 1–100.)
            message (None | str | Unset): 2026: text while working (e.g. `Loading...`) or the error; null when finished.
            server (str | Unset): The host prefix of download links, e.g. `de-3`.
            is_directory (bool | Unset): Present when done; true for folders and multi-file torrents.
            downloading_speed (int | str | Unset): A number of bytes; the legacy server sometimes sent it as a string of
                digits. Example: 104857600.
            downloading_time (int | Unset): Milliseconds spent downloading so far; present while downloading.
            error_message (str | Unset): Present when the status is `error`.
    """

    request_id: str
    file_name: str
    status: CloudDownloadState
    amount: int | Unset = UNSET
    file_size: int | str | Unset = UNSET
    progress: float | None | Unset = UNSET
    message: None | str | Unset = UNSET
    server: str | Unset = UNSET
    is_directory: bool | Unset = UNSET
    downloading_speed: int | str | Unset = UNSET
    downloading_time: int | Unset = UNSET
    error_message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id = self.request_id

        file_name = self.file_name

        status: str = self.status

        amount = self.amount

        file_size: int | str | Unset
        if isinstance(self.file_size, Unset):
            file_size = UNSET
        else:
            file_size = self.file_size

        progress: float | None | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        server = self.server

        is_directory = self.is_directory

        downloading_speed: int | str | Unset
        if isinstance(self.downloading_speed, Unset):
            downloading_speed = UNSET
        else:
            downloading_speed = self.downloading_speed

        downloading_time = self.downloading_time

        error_message = self.error_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requestId": request_id,
                "fileName": file_name,
                "status": status,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if file_size is not UNSET:
            field_dict["fileSize"] = file_size
        if progress is not UNSET:
            field_dict["progress"] = progress
        if message is not UNSET:
            field_dict["message"] = message
        if server is not UNSET:
            field_dict["server"] = server
        if is_directory is not UNSET:
            field_dict["isDirectory"] = is_directory
        if downloading_speed is not UNSET:
            field_dict["downloadingSpeed"] = downloading_speed
        if downloading_time is not UNSET:
            field_dict["downloadingTime"] = downloading_time
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("CloudDownloadStatus", src_dict, Mapping))
        request_id = check_type("CloudDownloadStatus.requestId", d.pop("requestId"), str)

        file_name = check_type("CloudDownloadStatus.fileName", d.pop("fileName"), str)

        status = check_cloud_download_state(check_type("CloudDownloadStatus.status", d.pop("status"), str))

        amount = check_type("CloudDownloadStatus.amount", d.pop("amount", UNSET), int)
        check_bounds("CloudDownloadStatus.amount", amount, minimum=0)

        def _parse_file_size(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        file_size = _parse_file_size(check_type("CloudDownloadStatus.fileSize", d.pop("fileSize", UNSET), (int, str)))

        def _parse_progress(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        progress = _parse_progress(
            check_type("CloudDownloadStatus.progress", d.pop("progress", UNSET), (float, type(None)))
        )

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(check_type("CloudDownloadStatus.message", d.pop("message", UNSET), (str, type(None))))

        server = check_type("CloudDownloadStatus.server", d.pop("server", UNSET), str)

        is_directory = check_type("CloudDownloadStatus.isDirectory", d.pop("isDirectory", UNSET), bool)

        def _parse_downloading_speed(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        downloading_speed = _parse_downloading_speed(
            check_type("CloudDownloadStatus.downloadingSpeed", d.pop("downloadingSpeed", UNSET), (int, str))
        )

        downloading_time = check_type("CloudDownloadStatus.downloadingTime", d.pop("downloadingTime", UNSET), int)
        check_bounds("CloudDownloadStatus.downloadingTime", downloading_time, minimum=0)

        error_message = check_type("CloudDownloadStatus.errorMessage", d.pop("errorMessage", UNSET), str)

        cloud_download_status = cls(
            request_id=request_id,
            file_name=file_name,
            status=status,
            amount=amount,
            file_size=file_size,
            progress=progress,
            message=message,
            server=server,
            is_directory=is_directory,
            downloading_speed=downloading_speed,
            downloading_time=downloading_time,
            error_message=error_message,
        )

        cloud_download_status.additional_properties = d
        return cloud_download_status

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
