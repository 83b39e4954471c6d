from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="RemoteDownloadForm")


@_attrs_define
class RemoteDownloadForm:
    """
    Example:
        {'url': 'https://files.example.com/docs/manual.pdf', 'remoteOptionId': '61a0c0ffee0000000000a001'}

    Attributes:
        url (str): An http(s) link (a file or a `.torrent`), or a magnet link with a 40-hex info hash. Example:
            magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=Open+Movies.
        remote_option_id (str): The `remoteOptionId` of one of the user's remote accounts.
        folder_id (str | Unset): A Google Drive folder id, or a path for FTP and WebDAV remotes.
    """

    url: str
    remote_option_id: str
    folder_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        remote_option_id = self.remote_option_id

        folder_id = self.folder_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
                "remoteOptionId": remote_option_id,
            }
        )
        if folder_id is not UNSET:
            field_dict["folderId"] = folder_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("RemoteDownloadForm", src_dict, Mapping))
        url = check_type("RemoteDownloadForm.url", d.pop("url"), str)

        remote_option_id = check_type("RemoteDownloadForm.remoteOptionId", d.pop("remoteOptionId"), str)
        check_bounds("RemoteDownloadForm.remoteOptionId", remote_option_id, minimum=1, maximum=64)

        folder_id = check_type("RemoteDownloadForm.folderId", d.pop("folderId", UNSET), str)
        check_bounds("RemoteDownloadForm.folderId", folder_id, maximum=1024)

        remote_download_form = cls(
            url=url,
            remote_option_id=remote_option_id,
            folder_id=folder_id,
        )

        remote_download_form.additional_properties = d
        return remote_download_form

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
