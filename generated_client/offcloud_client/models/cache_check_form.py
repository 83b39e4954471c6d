from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type

T = TypeVar("T", bound="CacheCheckForm")


@_attrs_define
class CacheCheckForm:
    """
    Example:
        {'hashes': ['0123456789abcdef0123456789abcdef01234567']}

    Attributes:
        hashes (list[str]):
    """

    hashes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        hashes = self.hashes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hashes": hashes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("CacheCheckForm", src_dict, Mapping))
        hashes = cast(list[str], check_type("CacheCheckForm.hashes", d.pop("hashes"), list, items=str))

        check_bounds("CacheCheckForm.hashes", hashes, minimum=1, maximum=1000)

        cache_check_form = cls(
            hashes=hashes,
        )

        cache_check_form.additional_properties = d
        return cache_check_form

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
