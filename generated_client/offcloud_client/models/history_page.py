from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_type

if TYPE_CHECKING:
    from ..models.history_item import HistoryItem


T = TypeVar("T", bound="HistoryPage")


@_attrs_define
class HistoryPage:
    """
    Example:
        {'history': [], 'isEnd': True}

    Attributes:
        history (list[HistoryItem]):
        is_end (bool): True on the last page.
    """

    history: list[HistoryItem]
    is_end: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        is_end = self.is_end

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "history": history,
                "isEnd": is_end,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_item import HistoryItem  # noqa: PLC0415

        d = dict(check_type("HistoryPage", src_dict, Mapping))
        history = []
        _history = check_type("HistoryPage.history", d.pop("history"), list, items=dict)
        for history_item_data in _history:
            history_item = HistoryItem.from_dict(history_item_data)

            history.append(history_item)

        is_end = check_type("HistoryPage.isEnd", d.pop("isEnd"), bool)

        history_page = cls(
            history=history,
            is_end=is_end,
        )

        history_page.additional_properties = d
        return history_page

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
