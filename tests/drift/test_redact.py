"""The two nets of redaction: by name and by value."""

from offcloud_drift.checks import Finding
from offcloud_drift.collect import Collector
from offcloud_drift.exchange import Exchange
from offcloud_drift.patch import Edit
from offcloud_drift.redact import REDACTED, Redactor, is_secret_name, redact_names

KEY = "k3y-0123456789abcdefXYZ"


def test_secret_names() -> None:
    for name in (
        "key",
        "apiKey",
        "api_key",
        "APIKEY",
        "password",
        "access_token",
        "connect.sid",
        "Authorization",
    ):
        assert is_secret_name(name), name
    for name in ("requestId", "remoteOptionId", "fileName", "status", "proxyId", "hashes"):
        assert not is_secret_name(name), name


def test_by_name_then_by_value_everywhere() -> None:
    redactor = Redactor()
    redactor.learn_json({"user": {"apiKey": KEY}})
    assert redact_names({"apiKey": KEY, "n": 1}) == {"apiKey": REDACTED, "n": 1}
    echoed = {"note": f"your key is {KEY}", "url": f"https://x.test/a?key={KEY}"}
    assert KEY not in str(redactor.value(echoed))
    assert redactor.text("Authorization: Bearer abc.def-ghi") == f"Authorization: Bearer {REDACTED}"
    assert redactor.text("GET /api?apikey=zzzzzz&b=1") == f"GET /api?apikey={REDACTED}&b=1"


def test_schemas_keep_their_property_names() -> None:
    redactor = Redactor([KEY])
    schema = {"properties": {"apiKey": {"type": "string"}}, "example": {"note": KEY}}
    assert redactor.strings(schema) == {
        "properties": {"apiKey": {"type": "string"}},
        "example": {"note": REDACTED},
    }


def test_headers_are_kept_only_when_harmless() -> None:
    redactor = Redactor()
    headers = [
        ("Content-Type", "application/json"),
        ("Set-Cookie", "connect.sid=s%3Aabcdef123; Path=/; HttpOnly"),
        ("Cookie", "connect.sid=s%3Aabcdef123"),
        ("X-Request-Id", "r-1"),
    ]
    redactor.learn_headers(headers)
    kept = redactor.headers(headers)
    assert kept == {
        "content-type": "application/json",
        "set-cookie": f"connect.sid={REDACTED}; Path=/; HttpOnly",
    }
    assert "abcdef123" not in redactor.text("the cookie s%3Aabcdef123 echoed")


def test_the_seen_value_drift_apply_writes_into_the_spec_is_redacted() -> None:
    # A new field of the answer holding a secret: its value is the `example` drift apply would write.
    seen = {"token": KEY, "note": f"key {KEY}"}
    edit = Edit("add-property", "/components/schemas/Proxy", "session", value={"type": "object"}, seen=seen)
    finding = Finding("listProxies", "unknown-field", "body.list[].session", "new", (edit,))
    exchange = Exchange(
        "POST", "/api/proxy", "", (), b"", 200, (("Content-Type", "application/json"),), b"{}"
    )
    collector = Collector(Redactor([KEY]))
    collector.add(collector.next_seq(), exchange, "listProxies", [finding])
    (item,) = collector.snapshot().items
    (kept,) = item.finding.edits
    assert kept.seen == {"token": REDACTED, "note": f"key {REDACTED}"}
