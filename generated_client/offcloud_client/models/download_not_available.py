from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_type
from ..models.download_add_on import DownloadAddOn, check_download_add_on

T = TypeVar("T", bound="DownloadNotAvailable")


@_attrs_define
class DownloadNotAvailable:
    """An instant or remote download refused until the user buys an add-on (HTTP 200 in both
    eras).

        Example:
            {'not_available': 'premium'}

        Attributes:
            not_available (DownloadAddOn): The add-on an instant or remote download needs: `premium` (premium downloading),
                `links` (link increase), `proxy` (proxy downloading), `video` (video sharing sites).
    """

    not_available: DownloadAddOn
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        not_available: str = self.not_available

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "not_available": not_available,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("DownloadNotAvailable", src_dict, Mapping))
        not_available = check_download_add_on(
            check_type("DownloadNotAvailable.not_available", d.pop("not_available"), str)
        )

        download_not_available = cls(
            not_available=not_available,
        )

        download_not_available.additional_properties = d
        return download_not_available

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
