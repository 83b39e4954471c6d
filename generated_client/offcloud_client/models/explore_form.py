from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_type

T = TypeVar("T", bound="ExploreForm")


@_attrs_define
class ExploreForm:
    """
    Example:
        {'requestId': '5f1b2c3d4e5f60718293a4b7'}

    Attributes:
        request_id (str): A MongoDB ObjectId, 24 lowercase hex characters. Example: 5f1b2c3d4e5f60718293a4b7.
    """

    request_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requestId": request_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("ExploreForm", src_dict, Mapping))
        request_id = check_type("ExploreForm.requestId", d.pop("requestId"), str)

        explore_form = cls(
            request_id=request_id,
        )

        explore_form.additional_properties = d
        return explore_form

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
