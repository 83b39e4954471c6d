"""The field names whose values are secrets, for every place the mock writes what it was sent.

One list for the journal (which masks them), the request pipeline (which leaves them out of what it
journals), request validation (whose messages never quote them) and the scenario reader (whose
messages never quote them either). Names compare case-insensitively: `apiKey` is `apikey`.
"""

__all__ = ["SECRET_FIELDS", "is_secret"]

SECRET_FIELDS = frozenset(
    {
        "key",
        "apikey",
        "api_key",
        "password",
        "authorization",
        "token",
        "access_token",
        "refresh_token",
        "client_secret",
        "device_code",  # a device code buys a key
    }
)


def is_secret(name: object) -> bool:
    return str(name).lower() in SECRET_FIELDS
