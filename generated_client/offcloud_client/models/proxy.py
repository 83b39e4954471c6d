from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_type

T = TypeVar("T", bound="Proxy")


@_attrs_define
class Proxy:
    """
    Example:
        {'id': '5a0b0c0d0e0f101112131415', 'name': 'Main server (France)', 'region': 'EU'}

    Attributes:
        id (str):
        name (str): For example `Main server (France)`.
        region (str): For example `EU`.
    """

    id: str
    name: str
    region: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        region = self.region

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "region": region,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("Proxy", src_dict, Mapping))
        id = check_type("Proxy.id", d.pop("id"), str)

        name = check_type("Proxy.name", d.pop("name"), str)

        region = check_type("Proxy.region", d.pop("region"), str)

        proxy = cls(
            id=id,
            name=name,
            region=region,
        )

        proxy.additional_properties = d
        return proxy

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
