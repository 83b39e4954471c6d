from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type

T = TypeVar("T", bound="RemoveManyForm")


@_attrs_define
class RemoveManyForm:
    """
    Example:
        {'requests': ['5f1b2c3d4e5f60718293a4b6']}

    Attributes:
        requests (list[str]):
    """

    requests: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        requests = self.requests

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requests": requests,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("RemoveManyForm", src_dict, Mapping))
        requests = cast(list[str], check_type("RemoveManyForm.requests", d.pop("requests"), list, items=str))

        check_bounds("RemoveManyForm.requests", requests, minimum=1, maximum=200)

        remove_many_form = cls(
            requests=requests,
        )

        remove_many_form.additional_properties = d
        return remove_many_form

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
