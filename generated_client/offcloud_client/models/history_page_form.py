from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type

T = TypeVar("T", bound="HistoryPageForm")


@_attrs_define
class HistoryPageForm:
    """
    Example:
        {'page': 0}

    Attributes:
        page (int): Counted from 0.
    """

    page: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        page = self.page

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "page": page,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("HistoryPageForm", src_dict, Mapping))
        page = check_type("HistoryPageForm.page", d.pop("page"), int)
        check_bounds("HistoryPageForm.page", page, minimum=0)

        history_page_form = cls(
            page=page,
        )

        history_page_form.additional_properties = d
        return history_page_form

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
