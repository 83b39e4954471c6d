from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_const, check_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="RetryResult")


@_attrs_define
class RetryResult:
    """Our choice: no client parses the real server's confirmation.

    Example:
        {'success': True, 'requestId': '5f1b2c3d4e5f60718293a4b9', 'status': 'created'}

    Attributes:
        success (bool):
        request_id (str | Unset): A MongoDB ObjectId, 24 lowercase hex characters. Example: 5f1b2c3d4e5f60718293a4b7.
        status (str | Unset): The status the download restarts from.
    """

    success: bool
    request_id: str | Unset = UNSET
    status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        request_id = self.request_id

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
            }
        )
        if request_id is not UNSET:
            field_dict["requestId"] = request_id
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("RetryResult", src_dict, Mapping))
        success = check_type("RetryResult.success", d.pop("success"), bool)
        check_const("RetryResult.success", success, True)

        request_id = check_type("RetryResult.requestId", d.pop("requestId", UNSET), str)

        status = check_type("RetryResult.status", d.pop("status", UNSET), str)

        retry_result = cls(
            success=success,
            request_id=request_id,
            status=status,
        )

        retry_result.additional_properties = d
        return retry_result

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
