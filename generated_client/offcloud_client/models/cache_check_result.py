from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_type

T = TypeVar("T", bound="CacheCheckResult")


@_attrs_define
class CacheCheckResult:
    """
    Example:
        {'cachedItems': ['0123456789abcdef0123456789abcdef01234567']}

    Attributes:
        cached_items (list[str]): Only the hashes that are cached, never the misses.
    """

    cached_items: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cached_items = self.cached_items

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cachedItems": cached_items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("CacheCheckResult", src_dict, Mapping))
        cached_items = cast(
            list[str], check_type("CacheCheckResult.cachedItems", d.pop("cachedItems"), list, items=str)
        )

        cache_check_result = cls(
            cached_items=cached_items,
        )

        cache_check_result.additional_properties = d
        return cache_check_result

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
