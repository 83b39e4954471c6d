from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="RequestIdForm")


@_attrs_define
class RequestIdForm:
    """`requestId` (documented). Legacy `getCloudStatus` also took `requestIds` instead (several
    ids, answered with `{"requests": [...]}`; form clients send `requestIds=<id>` or
    `requestIds[]=<id>`; MF25, JD); the 2026 server refuses them with 400 `Missing required
    parameter: requestId` (DMM live). `requestId` is required unless `requestIds` is given.
    Our choice: `getRemoteStatus` (legacy) serves `requestIds` like `getCloudStatus`; beside a
    `requestId`, the 2026 server ignores `requestIds` as it ignores any field it does not take
    (`x-offcloud-eras` on the field).

        Example:
            {'requestId': '5f1b2c3d4e5f60718293a4b6'}

        Attributes:
            request_id (str | Unset): A MongoDB ObjectId, 24 lowercase hex characters. Example: 5f1b2c3d4e5f60718293a4b7.
            request_ids (list[str] | Unset):
    """

    request_id: str | Unset = UNSET
    request_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id = self.request_id

        request_ids: list[str] | Unset = UNSET
        if not isinstance(self.request_ids, Unset):
            request_ids = self.request_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if request_id is not UNSET:
            field_dict["requestId"] = request_id
        if request_ids is not UNSET:
            field_dict["requestIds"] = request_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("RequestIdForm", src_dict, Mapping))
        request_id = check_type("RequestIdForm.requestId", d.pop("requestId", UNSET), str)

        request_ids = cast(
            list[str], check_type("RequestIdForm.requestIds", d.pop("requestIds", UNSET), list, items=str)
        )

        check_bounds("RequestIdForm.requestIds", request_ids, minimum=1, maximum=100)

        request_id_form = cls(
            request_id=request_id,
            request_ids=request_ids,
        )

        request_id_form.additional_properties = d
        return request_id_form

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
