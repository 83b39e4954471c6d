from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_type

if TYPE_CHECKING:
    from ..models.remote_account import RemoteAccount


T = TypeVar("T", bound="RemoteAccountList")


@_attrs_define
class RemoteAccountList:
    """
    Example:
        {'data': [{'accountId': '61a0c0ffee0000000000b001', 'remoteOptionId': '61a0c0ffee0000000000a001', 'type':
            'Google Drive', 'username': 'demo@gmail.test', 'status': 'active'}]}

    Attributes:
        data (list[RemoteAccount]):
    """

    data: list[RemoteAccount]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.remote_account import RemoteAccount  # noqa: PLC0415

        d = dict(check_type("RemoteAccountList", src_dict, Mapping))
        data = []
        _data = check_type("RemoteAccountList.data", d.pop("data"), list, items=dict)
        for data_item_data in _data:
            data_item = RemoteAccount.from_dict(data_item_data)

            data.append(data_item)

        remote_account_list = cls(
            data=data,
        )

        remote_account_list.additional_properties = d
        return remote_account_list

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
