from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="Site")


@_attrs_define
class Site:
    """A supported file host, either era: legacy items carry `displayName`, `hosts`, `isActive`
    and the limits; 2026 items `status` and optional `aliases`.

        Example:
            {'name': 'rapidgator.net', 'status': 'up', 'aliases': ['rg.to']}

        Attributes:
            name (str):
            display_name (str | Unset):
            hosts (list[str] | Unset):
            is_active (str | Unset): Legacy health: `Healthy`, `Fragile`, `Limited`, `Dead`, `Cloud only`.
            no_instant_download (bool | Unset):
            is_video_streaming (bool | Unset):
            max_amount_per_user (int | str | Unset): A number, or `unlimited`.
            max_chunks (int | Unset):
            max_chunks_global (int | Unset):
            status (str | Unset): 2026 health: `up` (seen); our choice adds `degraded` and `down`.
            aliases (list[str] | Unset):
    """

    name: str
    display_name: str | Unset = UNSET
    hosts: list[str] | Unset = UNSET
    is_active: str | Unset = UNSET
    no_instant_download: bool | Unset = UNSET
    is_video_streaming: bool | Unset = UNSET
    max_amount_per_user: int | str | Unset = UNSET
    max_chunks: int | Unset = UNSET
    max_chunks_global: int | Unset = UNSET
    status: str | Unset = UNSET
    aliases: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        display_name = self.display_name

        hosts: list[str] | Unset = UNSET
        if not isinstance(self.hosts, Unset):
            hosts = self.hosts

        is_active = self.is_active

        no_instant_download = self.no_instant_download

        is_video_streaming = self.is_video_streaming

        max_amount_per_user: int | str | Unset
        if isinstance(self.max_amount_per_user, Unset):
            max_amount_per_user = UNSET
        else:
            max_amount_per_user = self.max_amount_per_user

        max_chunks = self.max_chunks

        max_chunks_global = self.max_chunks_global

        status = self.status

        aliases: list[str] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = self.aliases

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if hosts is not UNSET:
            field_dict["hosts"] = hosts
        if is_active is not UNSET:
            field_dict["isActive"] = is_active
        if no_instant_download is not UNSET:
            field_dict["noInstantDownload"] = no_instant_download
        if is_video_streaming is not UNSET:
            field_dict["isVideoStreaming"] = is_video_streaming
        if max_amount_per_user is not UNSET:
            field_dict["maxAmountPerUser"] = max_amount_per_user
        if max_chunks is not UNSET:
            field_dict["maxChunks"] = max_chunks
        if max_chunks_global is not UNSET:
            field_dict["maxChunksGlobal"] = max_chunks_global
        if status is not UNSET:
            field_dict["status"] = status
        if aliases is not UNSET:
            field_dict["aliases"] = aliases

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("Site", src_dict, Mapping))
        name = check_type("Site.name", d.pop("name"), str)
        check_bounds("Site.name", name, minimum=1)

        display_name = check_type("Site.displayName", d.pop("displayName", UNSET), str)

        hosts = cast(list[str], check_type("Site.hosts", d.pop("hosts", UNSET), list, items=str))

        is_active = check_type("Site.isActive", d.pop("isActive", UNSET), str)

        no_instant_download = check_type("Site.noInstantDownload", d.pop("noInstantDownload", UNSET), bool)

        is_video_streaming = check_type("Site.isVideoStreaming", d.pop("isVideoStreaming", UNSET), bool)

        def _parse_max_amount_per_user(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        max_amount_per_user = _parse_max_amount_per_user(
            check_type("Site.maxAmountPerUser", d.pop("maxAmountPerUser", UNSET), (int, str))
        )

        max_chunks = check_type("Site.maxChunks", d.pop("maxChunks", UNSET), int)
        check_bounds("Site.maxChunks", max_chunks, minimum=0)

        max_chunks_global = check_type("Site.maxChunksGlobal", d.pop("maxChunksGlobal", UNSET), int)
        check_bounds("Site.maxChunksGlobal", max_chunks_global, minimum=0)

        status = check_type("Site.status", d.pop("status", UNSET), str)

        aliases = cast(list[str], check_type("Site.aliases", d.pop("aliases", UNSET), list, items=str))

        site = cls(
            name=name,
            display_name=display_name,
            hosts=hosts,
            is_active=is_active,
            no_instant_download=no_instant_download,
            is_video_streaming=is_video_streaming,
            max_amount_per_user=max_amount_per_user,
            max_chunks=max_chunks,
            max_chunks_global=max_chunks_global,
            status=status,
            aliases=aliases,
        )

        site.additional_properties = d
        return site

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
