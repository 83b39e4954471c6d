"""The kit's methods for the operations beyond the documentation, against a scripted server answering the
shapes of openapi.yaml's examples (the mock does not serve these yet): what each sends, what it returns in
either era, and which are repeated after a transient failure."""

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from offcloud_client.models import HistoryItem

from offcloud_kit import DownloadFailedError, Offcloud, Progress, ServerError
from offcloud_kit._operations.cache import CACHE_INFO_BATCH_SIZE
from offcloud_kit._operations.cloud import REMOVE_BATCH_SIZE

from .fake_offcloud import FakeOffcloud, FakeTime, example, ids

KEY = "beyond-key-0123456789abcdef"
REQUEST_ID = "5f1b2c3d4e5f60718293a4b7"
MAGNET = "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=Open+Movies"
UNAVAILABLE = httpx.Response(503, text="busy")


def client(fake: FakeOffcloud, **kwargs: Any) -> Offcloud:
    kwargs.setdefault("sleep", FakeTime().sleep)
    kwargs.setdefault("random", lambda: 0.5)
    return Offcloud(KEY, **fake.client_args(), **kwargs)


def body(request: httpx.Request) -> Any:
    return json.loads(request.content)


# --- history ------------------------------------------------------------------------------------


def test_cloud_history_parses_both_eras() -> None:
    fake = FakeOffcloud().on(
        "GET",
        "/api/cloud/history",
        example("getCloudHistory", name="legacy"),
        example("getCloudHistory", name="modern"),
    )
    oc = client(fake)
    legacy = oc.cloud_history()
    assert [type(item) for item in legacy] == [HistoryItem, HistoryItem]
    assert (legacy[0].file_size, legacy[0].is_directory, legacy[0].server) == (1001599679, True, "fr-2")
    assert legacy[1].status == "downloading"
    (modern,) = oc.cloud_history()
    assert (modern.request_id, modern.status) == (REQUEST_ID, "downloaded")
    assert modern.original_link.startswith("magnet:")
    assert not modern.additional_properties  # every key of the 2026 item is described
    assert fake.requests[0].url.params["key"] == KEY


def test_instant_history_items_carry_their_link() -> None:
    fake = FakeOffcloud().on("GET", "/api/instant/history", example("getInstantHistory", name="items"))
    (item,) = client(fake).instant_history()
    assert item.status == "created"
    assert str(item.download_link).startswith("https://de-3.offcloud.com/instant/download/")


def test_history_is_repeated_after_a_transient_failure() -> None:
    fake = FakeOffcloud().on("GET", "/api/cloud/history", UNAVAILABLE, [])
    assert client(fake).cloud_history() == []
    assert len(fake.requests) == 2


# --- removal ------------------------------------------------------------------------------------


def test_remove_one_by_the_2026_route_and_the_site_root() -> None:
    fake = FakeOffcloud()
    fake.on("GET", f"/api/cloud/remove/{REQUEST_ID}", {"success": True})
    fake.on("GET", f"/cloud/remove/{REQUEST_ID}", {"success": True})
    fake.on("GET", f"/instant/remove/{REQUEST_ID}", {"success": True})
    oc = client(fake)
    assert oc.remove_cloud(REQUEST_ID) is True
    assert oc.remove_cloud(REQUEST_ID, site_root=True) is True
    assert oc.remove_instant(REQUEST_ID) is True
    assert [(r.method, r.url.path) for r in fake.requests] == [
        ("GET", f"/api/cloud/remove/{REQUEST_ID}"),
        ("GET", f"/cloud/remove/{REQUEST_ID}"),
        ("GET", f"/instant/remove/{REQUEST_ID}"),
    ]


def test_remove_many_sends_the_ids_in_batches() -> None:
    fake = FakeOffcloud().on("POST", "/api/cloud/remove", {"success": True})
    wanted = ids(REMOVE_BATCH_SIZE * 2 + 50)
    assert client(fake).remove_cloud_many(wanted) is True
    sent = [body(request) for request in fake.requests]
    assert [len(b["requests"]) for b in sent] == [REMOVE_BATCH_SIZE, REMOVE_BATCH_SIZE, 50]
    assert [i for b in sent for i in b["requests"]] == wanted
    assert fake.requests[0].headers["content-type"] == "application/json"


def test_remove_many_of_nothing_sends_nothing_and_one_string_is_one_id() -> None:
    fake = FakeOffcloud().on("POST", "/api/cloud/remove", {"success": True})
    oc = client(fake)
    assert oc.remove_cloud_many([]) is True
    assert fake.requests == []
    oc.remove_cloud_many(REQUEST_ID)
    assert body(fake.requests[0]) == {"requests": [REQUEST_ID]}


def test_an_unknown_id_is_an_error_in_either_era() -> None:
    from offcloud_kit import NotFoundError

    fake = FakeOffcloud()
    fake.on("GET", f"/api/cloud/remove/{REQUEST_ID}", {"error": "Request not found"}, status=404)
    fake.on("GET", f"/cloud/remove/{REQUEST_ID}", example("removeCloudDownloadSiteRoot", name="legacyError"))
    oc = client(fake)
    with pytest.raises(NotFoundError):
        oc.remove_cloud(REQUEST_ID)
    with pytest.raises(NotFoundError):  # legacy: the same message with HTTP 200
        oc.remove_cloud(REQUEST_ID, site_root=True)


@pytest.mark.parametrize(
    ("method", "path", "call"),
    [
        ("GET", f"/api/cloud/remove/{REQUEST_ID}", lambda oc: oc.remove_cloud(REQUEST_ID)),
        ("POST", "/api/cloud/remove", lambda oc: oc.remove_cloud_many([REQUEST_ID])),
        ("POST", "/torrent/upload", lambda oc: oc.upload_torrent(b"d4:infod4:name1:xee")),
        ("POST", "/api/cache/download", lambda oc: oc.cache_download(MAGNET)),
    ],
)
def test_changing_operations_are_not_repeated(method: str, path: str, call: Any) -> None:
    fake = FakeOffcloud().on(method, path, UNAVAILABLE)
    with pytest.raises(ServerError):
        call(client(fake))
    assert len(fake.requests) == 1


# --- account, sites -----------------------------------------------------------------------------


def test_account_info_and_stats() -> None:
    fake = FakeOffcloud()
    fake.on("GET", "/api/account/info", example("getAccountInfo", name="free"))
    fake.on("GET", "/api/account/stats", UNAVAILABLE, example("getAccountStats", name="premium"))
    oc = client(fake, auth_style="bearer")
    info = oc.account_info()
    assert (info.user_id, info.is_premium, info.can_download) == ("d0e2864332ec7eb833a44066", False, False)
    assert fake.requests[0].headers["authorization"] == f"Bearer {KEY}"
    stats = oc.account_stats()  # repeated after the 503
    assert (stats.is_premium, stats.expiration_date, stats.limits.links) == (True, "31-12-2026", 500)
    assert len(fake.sent("/api/account/stats")) == 2


def test_sites_parse_both_eras() -> None:
    fake = FakeOffcloud().on(
        "GET", "/api/sites", example("listSites", name="legacy"), example("listSites", name="modern")
    )
    oc = client(fake)
    legacy = oc.sites()
    assert [(s.name, s.is_active, s.max_amount_per_user) for s in legacy] == [
        ("rapidgator", "Healthy", "unlimited"),
        ("youtube", "Fragile", 50),
        ("megaupload", "Dead", "unlimited"),
    ]
    modern = oc.sites()
    assert [(s.name, s.status) for s in modern] == [
        ("rapidgator.net", "up"),
        ("youtube.com", "degraded"),
        ("megaupload.com", "down"),
    ]
    assert modern[0].aliases == ["rg.to"]


# --- cache and explore (2026) -------------------------------------------------------------------


def test_cache_info_sends_urls_and_include_files_and_keeps_the_order() -> None:
    fake = FakeOffcloud().on("POST", "/api/cache/info", example("getCacheInfo"))
    answer = client(fake).cache_info([MAGNET, "89abcdef0123456789abcdef0123456789abcdef"], include_files=True)
    assert body(fake.requests[0]) == {
        "urls": [MAGNET, "89abcdef0123456789abcdef0123456789abcdef"],
        "includeFiles": True,
    }
    assert [item.cached for item in answer] == [True, False, False]
    files = answer[0].files
    assert isinstance(files, list)
    assert [(f.folder, f.filename, f.size) for f in files][-1] == (
        ["Big Buck Bunny"],
        "poster image.jpg",
        310381,
    )


def test_cache_info_batches_long_lists() -> None:
    miss = {"cached": False}
    fake = FakeOffcloud().on("POST", "/api/cache/info", [miss] * CACHE_INFO_BATCH_SIZE, [miss] * 3)
    answer = client(fake).cache_info([MAGNET] * (CACHE_INFO_BATCH_SIZE + 3))
    assert [len(body(request)["urls"]) for request in fake.requests] == [CACHE_INFO_BATCH_SIZE, 3]
    assert len(answer) == CACHE_INFO_BATCH_SIZE + 3


def test_cache_download_and_detailed_explore() -> None:
    fake = FakeOffcloud()
    fake.on("POST", "/api/cache/download", example("getCachedDownloadLinks"))
    fake.on("GET", f"/api/cloud/explore/{REQUEST_ID}", example("exploreCloudDownload", name="detailed"))
    oc = client(fake)
    *_, link = oc.cache_download(MAGNET)
    assert (link.filename, link.size, link.folder) == ("poster image.jpg", 310381, ["Big Buck Bunny"])
    assert body(fake.requests[0]) == {"url": MAGNET}
    files = oc.explore_detailed(REQUEST_ID)
    assert [f.path for f in files] == [
        "Big Buck Bunny/Big Buck Bunny 1080p.mp4",
        "Big Buck Bunny/Big Buck Bunny 720p.mp4",
        "Big Buck Bunny/Subtitles (English).srt",
        "Big Buck Bunny/poster image.jpg",
    ]
    assert fake.requests[1].url.params["format"] == "detailed"


# --- upload -------------------------------------------------------------------------------------

TORRENT = b"d8:announce32:udp://tracker.example.org:1337e\r\n4:infod4:name11:Open Moviesee"


def _file_part(request: httpx.Request) -> tuple[str, bytes]:
    """The header block and the content of the multipart part named `file`."""
    boundary = request.headers["content-type"].split("boundary=")[1].encode()
    for part in request.content.split(b"--" + boundary):
        head, _, content = part.partition(b"\r\n\r\n")
        if b'name="file"' in head:
            return head.decode(), content.removesuffix(b"\r\n")
    raise AssertionError("no part named file")


def test_upload_sends_the_torrent_as_the_file_part(tmp_path: Path) -> None:
    fake = FakeOffcloud().on("POST", "/torrent/upload", example("uploadTorrent", name="uploaded"))
    oc = client(fake)
    result = oc.upload_torrent(TORRENT)
    assert result.url.endswith(".torrent")
    head, content = _file_part(fake.requests[0])
    assert content == TORRENT  # CRLF line ends untouched
    assert 'filename="upload.torrent"' in head
    assert "application/x-bittorrent" in head
    path = tmp_path / "Open Movies.torrent"
    path.write_bytes(TORRENT)
    oc.upload_torrent(path)
    head, content = _file_part(fake.requests[1])
    assert (content, 'filename="Open Movies.torrent"' in head) == (TORRENT, True)
    assert fake.requests[1].url.params["key"] == KEY


def test_upload_resent_with_retry_unsafe_sends_the_whole_file_again() -> None:
    fake = FakeOffcloud().on(
        "POST", "/torrent/upload", UNAVAILABLE, example("uploadTorrent", name="uploaded")
    )
    client(fake).upload_torrent(TORRENT, file_name="x.torrent", retry_unsafe=True)
    assert [_file_part(request)[1] for request in fake.requests] == [TORRENT, TORRENT]


def test_a_refused_upload_is_a_typed_error() -> None:
    from offcloud_kit import BadRequestError

    fake = FakeOffcloud().on("POST", "/torrent/upload", example("uploadTorrent", name="notATorrent"))
    with pytest.raises(BadRequestError, match="not a valid torrent"):
        client(fake).upload_torrent(b"not a torrent")


# --- 2026 status answers while waiting ----------------------------------------------------------


def _modern(status: str, progress: float | None, message: str | None) -> dict[str, Any]:
    fields = {"requestId": REQUEST_ID, "fileName": "Open Movies", "status": status}
    return {"status": {**fields, "progress": progress, "message": message}}


def test_waiting_reads_the_2026_progress_fraction() -> None:
    fake = FakeOffcloud().on(
        "POST",
        "/api/cloud/status",
        _modern("created", 0, "Loading..."),
        _modern("downloading", 0.25, "Downloading"),
        _modern("downloading", 0.5, "Downloading"),
        _modern("downloaded", None, None),
    )
    seen: list[Progress] = []
    done = client(fake).wait_for_cloud(REQUEST_ID, poll_interval=1.0, on_progress=seen.append)
    assert done.status == "downloaded"
    assert [p.fraction for p in seen] == [0.0, 0.25, 0.5, 1.0]
    assert [p.message for p in seen] == ["Loading...", "Downloading", "Downloading", None]


def test_a_2026_failure_carries_its_message() -> None:
    fake = FakeOffcloud().on(
        "POST", "/api/cloud/status", _modern("error", None, "File will not be downloaded due to an error.")
    )
    with pytest.raises(DownloadFailedError) as raised:
        client(fake).wait_for_cloud(REQUEST_ID)
    assert raised.value.error_message == "File will not be downloaded due to an error."


def test_legacy_status_by_request_ids_parses() -> None:
    """The generated client reads the legacy `{"requests": [...]}` answer too (raw call)."""
    from offcloud_client.api.cloud import get_cloud_status
    from offcloud_client.models import CloudStatusList, RequestIdForm

    fake = FakeOffcloud().on("POST", "/api/cloud/status", example("getCloudStatus", name="legacyRequestIds"))
    oc = client(fake)
    parsed = get_cloud_status.sync(client=oc.raw, body=RequestIdForm(request_ids=ids(2)))
    assert isinstance(parsed, CloudStatusList)
    assert [s.status for s in parsed.requests] == ["downloading", "downloaded"]
    # The form, as MF25 sent it: one requestIds field per id.
    assert fake.requests[0].content.decode() == "&".join(f"requestIds={i}" for i in ids(2))
