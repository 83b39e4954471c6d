"""The proxies an instant download can go through."""

from offcloud_client.api.proxies import list_proxies as list_proxies_endpoint
from offcloud_client.models import Proxy, ProxyList

from offcloud_kit._core import CallOptions, Core
from offcloud_kit._steps import Steps

__all__ = ["list_proxies"]


def list_proxies(core: Core, options: CallOptions) -> Steps[list[Proxy]]:
    return core.call("listProxies", list_proxies_endpoint, ProxyList, lambda r: list(r.list_), options)
