"""A bencode encoder written apart from the mock's decoder, to build real `.torrent` files for the tests
and the benchmarks (canonical: dictionary keys sorted as raw bytes). The mock's own decoder is
`offcloud_mock.backend.torrent_file.bdecode`."""

__all__ = ["bencode"]


def bencode(value: object) -> bytes:
    if isinstance(value, int):
        return b"i%de" % value
    if isinstance(value, str):
        value = value.encode()
    if isinstance(value, bytes):
        return b"%d:%s" % (len(value), value)
    if isinstance(value, list):
        return b"l" + b"".join(bencode(item) for item in value) + b"e"
    assert isinstance(value, dict)
    items = sorted(((key.encode(), item) for key, item in value.items()), key=lambda pair: pair[0])
    return b"d" + b"".join(bencode(key) + bencode(item) for key, item in items) + b"e"
