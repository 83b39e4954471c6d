from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="RemoteAccount")


@_attrs_define
class RemoteAccount:
    """
    Example:
        {'accountId': '61a0c0ffee0000000000b001', 'remoteOptionId': '61a0c0ffee0000000000a001', 'type': 'Google Drive',
            'username': 'demo@gmail.test', 'path': '/Offcloud', 'host': 'drive.google.com', 'port': 443, 'status': 'active',
            'usage': 1073741824}

    Attributes:
        account_id (str):
        remote_option_id (str): The id `addRemoteDownload` needs.
        type_ (str): For example `Google Drive`, `FTP`, `WebDAV`.
        username (str):
        status (str): For example `active`.
        path (str | Unset):
        host (str | Unset):
        port (int | Unset):
        usage (int | Unset): Bytes of traffic used by this remote account.
    """

    account_id: str
    remote_option_id: str
    type_: str
    username: str
    status: str
    path: str | Unset = UNSET
    host: str | Unset = UNSET
    port: int | Unset = UNSET
    usage: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        remote_option_id = self.remote_option_id

        type_ = self.type_

        username = self.username

        status = self.status

        path = self.path

        host = self.host

        port = self.port

        usage = self.usage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accountId": account_id,
                "remoteOptionId": remote_option_id,
                "type": type_,
                "username": username,
                "status": status,
            }
        )
        if path is not UNSET:
            field_dict["path"] = path
        if host is not UNSET:
            field_dict["host"] = host
        if port is not UNSET:
            field_dict["port"] = port
        if usage is not UNSET:
            field_dict["usage"] = usage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("RemoteAccount", src_dict, Mapping))
        account_id = check_type("RemoteAccount.accountId", d.pop("accountId"), str)

        remote_option_id = check_type("RemoteAccount.remoteOptionId", d.pop("remoteOptionId"), str)

        type_ = check_type("RemoteAccount.type", d.pop("type"), str)

        username = check_type("RemoteAccount.username", d.pop("username"), str)

        status = check_type("RemoteAccount.status", d.pop("status"), str)

        path = check_type("RemoteAccount.path", d.pop("path", UNSET), str)

        host = check_type("RemoteAccount.host", d.pop("host", UNSET), str)

        port = check_type("RemoteAccount.port", d.pop("port", UNSET), int)
        check_bounds("RemoteAccount.port", port, minimum=0, maximum=65535)

        usage = check_type("RemoteAccount.usage", d.pop("usage", UNSET), int)
        check_bounds("RemoteAccount.usage", usage, minimum=0)

        remote_account = cls(
            account_id=account_id,
            remote_option_id=remote_option_id,
            type_=type_,
            username=username,
            status=status,
            path=path,
            host=host,
            port=port,
            usage=usage,
        )

        remote_account.additional_properties = d
        return remote_account

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
