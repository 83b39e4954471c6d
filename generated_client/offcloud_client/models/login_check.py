from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type

T = TypeVar("T", bound="LoginCheck")


@_attrs_define
class LoginCheck:
    """
    Example:
        {'loggedIn': 1}

    Attributes:
        logged_in (int): 1 when the session cookie belongs to a logged-in user, else 0.
    """

    logged_in: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        logged_in = self.logged_in

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "loggedIn": logged_in,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("LoginCheck", src_dict, Mapping))
        logged_in = check_type("LoginCheck.loggedIn", d.pop("loggedIn"), int)
        check_bounds("LoginCheck.loggedIn", logged_in, minimum=0, maximum=1)

        login_check = cls(
            logged_in=logged_in,
        )

        login_check.additional_properties = d
        return login_check

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
