"""The operations, one module per resource of openapi.yaml (the first tag of each operation).

Every module has the same shape: one function per operation, `name(core, arguments..., options)`, that
returns the operation's steps (see _core and _steps); the facades Offcloud and AsyncOffcloud perform
them. Which server era answers each operation is `x-offcloud-eras` in openapi.yaml; which are repeated
after a transient failure is retry.SAFE_OPERATIONS' say.
"""
