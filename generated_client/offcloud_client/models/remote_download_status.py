from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type
from ..models.remote_download_state import RemoteDownloadState, check_remote_download_state
from ..types import UNSET, Unset

T = TypeVar("T", bound="RemoteDownloadStatus")


@_attrs_define
class RemoteDownloadStatus:
    """
    Example:
        {'requestId': '5f1b2c3d4e5f60718293a4b8', 'fileName': 'manual.pdf', 'status': 'uploading', 'amount': 104857600,
            'fileSize': 104857600, 'server': 'de-3'}

    Attributes:
        request_id (str): A MongoDB ObjectId, 24 lowercase hex characters. Example: 5f1b2c3d4e5f60718293a4b7.
        file_name (str):
        status (RemoteDownloadState): Like a cloud download's, with `uploading` while Offcloud copies to the remote
            account.
        amount (int): Bytes done.
        file_size (int | str): A number of bytes; the legacy server sometimes sent it as a string of digits. Example:
            104857600.
        server (str | Unset):
        is_directory (bool | Unset):
        downloading_speed (int | str | Unset): A number of bytes; the legacy server sometimes sent it as a string of
            digits. Example: 104857600.
        downloading_time (int | Unset):
        error_message (str | Unset):
    """

    request_id: str
    file_name: str
    status: RemoteDownloadState
    amount: int
    file_size: int | str
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

        file_size: int | str
        file_size = self.file_size

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
                "amount": amount,
                "fileSize": file_size,
            }
        )
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
        d = dict(check_type("RemoteDownloadStatus", src_dict, Mapping))
        request_id = check_type("RemoteDownloadStatus.requestId", d.pop("requestId"), str)

        file_name = check_type("RemoteDownloadStatus.fileName", d.pop("fileName"), str)

        status = check_remote_download_state(check_type("RemoteDownloadStatus.status", d.pop("status"), str))

        amount = check_type("RemoteDownloadStatus.amount", d.pop("amount"), int)
        check_bounds("RemoteDownloadStatus.amount", amount, minimum=0)

        def _parse_file_size(data: object) -> int | str:
            return cast(int | str, data)

        file_size = _parse_file_size(check_type("RemoteDownloadStatus.fileSize", d.pop("fileSize"), (int, str)))

        server = check_type("RemoteDownloadStatus.server", d.pop("server", UNSET), str)

        is_directory = check_type("RemoteDownloadStatus.isDirectory", d.pop("isDirectory", UNSET), bool)

        def _parse_downloading_speed(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        downloading_speed = _parse_downloading_speed(
            check_type("RemoteDownloadStatus.downloadingSpeed", d.pop("downloadingSpeed", UNSET), (int, str))
        )

        downloading_time = check_type("RemoteDownloadStatus.downloadingTime", d.pop("downloadingTime", UNSET), int)
        check_bounds("RemoteDownloadStatus.downloadingTime", downloading_time, minimum=0)

        error_message = check_type("RemoteDownloadStatus.errorMessage", d.pop("errorMessage", UNSET), str)

        remote_download_status = cls(
            request_id=request_id,
            file_name=file_name,
            status=status,
            amount=amount,
            file_size=file_size,
            server=server,
            is_directory=is_directory,
            downloading_speed=downloading_speed,
            downloading_time=downloading_time,
            error_message=error_message,
        )

        remote_download_status.additional_properties = d
        return remote_download_status

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
