"""The cache: which content is cached (by hash, or by link with its files), and links to cached files."""

from collections.abc import Iterable

from offcloud_client.api.cache import check_cache as check_cache_endpoint
from offcloud_client.api.cache import get_cache_info, get_cached_download_links
from offcloud_client.models import (
    CacheCheckForm,
    CacheCheckResult,
    CachedFileLink,
    CacheDownloadForm,
    CacheInfoForm,
    CacheInfoItem,
)

from offcloud_kit._core import CallOptions, Core, listed
from offcloud_kit._steps import Steps

__all__ = ["CACHE_BATCH_SIZE", "CACHE_INFO_BATCH_SIZE", "cache_download", "cache_info", "check_cache"]

# openapi.yaml's limits per request (CacheCheckForm, CacheInfoForm); longer lists are split.
CACHE_BATCH_SIZE = 1000
CACHE_INFO_BATCH_SIZE = 1000


def check_cache(core: Core, hashes: Iterable[str], options: CallOptions) -> Steps[list[str]]:
    # A lone string is one hash, not 40 one-character hashes.
    wanted = [hashes] if isinstance(hashes, str) else list(hashes)
    cached: list[str] = []
    for start in range(0, len(wanted), CACHE_BATCH_SIZE):
        body = CacheCheckForm(hashes=wanted[start : start + CACHE_BATCH_SIZE])
        batch = yield from core.call(
            "checkCache",
            check_cache_endpoint,
            CacheCheckResult,
            lambda r: list(r.cached_items),
            options,
            body=body,
        )
        cached.extend(batch)
    return cached


def cache_info(
    core: Core, urls: Iterable[str], include_files: bool, options: CallOptions
) -> Steps[list[CacheInfoItem]]:
    wanted = [urls] if isinstance(urls, str) else list(urls)
    answers: list[CacheInfoItem] = []
    for start in range(0, len(wanted), CACHE_INFO_BATCH_SIZE):
        body = CacheInfoForm(urls=wanted[start : start + CACHE_INFO_BATCH_SIZE], include_files=include_files)
        batch = yield from core.call("getCacheInfo", get_cache_info, list, listed, options, body=body)
        answers.extend(batch)
    return answers


def cache_download(core: Core, url: str, options: CallOptions) -> Steps[list[CachedFileLink]]:
    body = CacheDownloadForm(url=url)
    return core.call("getCachedDownloadLinks", get_cached_download_links, list, listed, options, body=body)
