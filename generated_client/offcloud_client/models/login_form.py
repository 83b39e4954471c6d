from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import check_bounds, check_type

T = TypeVar("T", bound="LoginForm")


@_attrs_define
class LoginForm:
    """
    Example:
        {'username': 'demo@offcloud.test', 'password': 'demo-password'}

    Attributes:
        username (str): The e-mail address of the account (the server checks that it looks like one).
        password (str):
    """

    username: str
    password: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "username": username,
                "password": password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(check_type("LoginForm", src_dict, Mapping))
        username = check_type("LoginForm.username", d.pop("username"), str)
        check_bounds("LoginForm.username", username, minimum=1, maximum=254)

        password = check_type("LoginForm.password", d.pop("password"), str)
        check_bounds("LoginForm.password", password, minimum=1, maximum=1024)

        login_form = cls(
            username=username,
            password=password,
        )

        login_form.additional_properties = d
        return login_form

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
