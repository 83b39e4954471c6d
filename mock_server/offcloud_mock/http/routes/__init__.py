"""The faked Offcloud API: one thin handler per operation of openapi.yaml, named by its operationId.

One module per tag of the spec (an operation's first tag decides): `account`, `instant`, `cloud`,
`remote`, `proxies`, `cache`, `oauth`. Every handler has one shape (`common`): read the validated
parameters, call ONE backend method, hand the answer to the era playing now. Which era serves which
operation is the spec's `x-offcloud-eras`, asked by the pipeline before any handler runs. A legacy path
alias (its own operationId in the spec) is its original's handler at another path: a second route
decorator on it.

All register on one blueprint, `bp` (endpoints `api.<operationId>`); `create_app` checks at start-up
that these routes and the spec's operations are the same set.
"""

from offcloud_mock.http.routes import account, cache, cloud, instant, oauth, proxies, remote
from offcloud_mock.http.routes.common import bp

__all__ = ["RESOURCES", "bp"]

# The modules that add their handlers to `bp`, in the spec's order of tags.
RESOURCES = (account, instant, cloud, remote, proxies, cache, oauth)
