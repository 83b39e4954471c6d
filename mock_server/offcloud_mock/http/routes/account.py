"""The spec's `account` operations: the legacy session login and key, account info and stats, sites."""

from flask import Response, jsonify

from offcloud_mock.http.auth import SESSION_COOKIE, current_account, session_id
from offcloud_mock.http.routes.common import backend, bp, era, text

__all__: list[str] = []


@bp.post("/api/login", endpoint="login")
@bp.post("/api/login/classic", endpoint="loginClassic")  # the legacy path alias
def login() -> Response:
    session, account = backend().login(text("username"), text("password"))
    response = jsonify(era().login(account.email, account.user_id))
    response.set_cookie(SESSION_COOKIE, session, httponly=True, path="/")
    return response


@bp.get("/api/check", endpoint="checkLogin")
@bp.get("/api/login/check", endpoint="checkLoginAlias")  # the legacy path alias
def check_login() -> Response:
    return jsonify(era().logged_in(backend().is_logged_in(session_id())))


@bp.post("/api/key", endpoint="getApiKey")
@bp.post("/api/account/get", endpoint="getApiKeyAlias")  # the legacy path alias
def get_api_key() -> Response:
    account = current_account()
    return jsonify(era().api_key(account.email, account.api_key))


@bp.get("/api/account/stats", endpoint="getAccountStats")
def get_account_stats() -> Response:
    return jsonify(era().account_stats(current_account().account_summary()))


@bp.get("/api/account/info", endpoint="getAccountInfo")
def get_account_info() -> Response:
    return jsonify(era().account_info(current_account().account_summary()))


@bp.get("/api/sites", endpoint="listSites")
def list_sites() -> Response:
    return jsonify(era().sites(current_account().sites()))
